# The HTML viewer (kgextract -f html, graph/export_html.cc): its page, script and style, and the
# cytoscape.js library that npm put in graph/viewer/node_modules, compiled into kg_viewer as data.
#
# Included from the top CMakeLists.txt after kg_viewer is defined. The C++ source is generated at
# build time by embed_assets.cmake (hex escapes in string literals: any byte, no delimiter to
# collide with, and compiles in well under a second), and again whenever an input changes.
# No network: node_modules comes from scripts/install_deps.sh (npm ci, package-lock.json).
set(_kg_viewer_dir ${CMAKE_CURRENT_LIST_DIR})
set(_kg_cytoscape_dir ${_kg_viewer_dir}/node_modules/cytoscape)
if(NOT EXISTS ${_kg_cytoscape_dir}/dist/cytoscape.min.js OR NOT EXISTS ${_kg_cytoscape_dir}/LICENSE)
  message(FATAL_ERROR
    "The HTML viewer needs cytoscape.js in ${_kg_viewer_dir}/node_modules, which is missing: "
    "run scripts/install_deps.sh (npm ci in graph/viewer)")
endif()

# name=path pairs: each becomes `std::string_view kg::viewer::<name>()`.
set(_kg_viewer_assets
  Page=${_kg_viewer_dir}/viewer.html
  Script=${_kg_viewer_dir}/viewer.js
  Style=${_kg_viewer_dir}/viewer.css
  Library=${_kg_cytoscape_dir}/dist/cytoscape.min.js
  LibraryLicense=${_kg_cytoscape_dir}/LICENSE
  LibraryPackage=${_kg_cytoscape_dir}/package.json)
set(_kg_viewer_inputs)
foreach(_asset IN LISTS _kg_viewer_assets)
  string(REGEX REPLACE "^[^=]*=" "" _path "${_asset}")
  list(APPEND _kg_viewer_inputs ${_path})
endforeach()
string(REPLACE ";" "|" _kg_viewer_assets_arg "${_kg_viewer_assets}")

set(_kg_viewer_cc ${CMAKE_BINARY_DIR}/generated/viewer_assets.cc)
add_custom_command(
  OUTPUT ${_kg_viewer_cc}
  COMMAND ${CMAKE_COMMAND} -DOUTPUT=${_kg_viewer_cc} "-DASSETS=${_kg_viewer_assets_arg}"
          -P ${_kg_viewer_dir}/embed_assets.cmake
  DEPENDS ${_kg_viewer_inputs} ${_kg_viewer_dir}/embed_assets.cmake
  COMMENT "Embedding the HTML viewer and cytoscape.js"
  VERBATIM)
target_sources(kg_viewer PRIVATE ${_kg_viewer_cc})
# The assets are single string literals of several hundred kB: GCC and clang compile them, but
# clang's -Wpedantic warns that the standard only promises 65,536 characters.
if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  set_source_files_properties(${_kg_viewer_cc} PROPERTIES COMPILE_OPTIONS -Wno-overlength-strings)
endif()

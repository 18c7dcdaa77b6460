# Tests of the pictures (graph/render.cc) and of `kgextract render`. Included from
# tests/CMakeLists.txt; paths are relative to this file.
#
#   graph_render_test        GoogleTest, one ctest per TEST: RenderGraph on a graph of nasty
#                            names (SVG text, node groups, legend, PNG, determinism, sfdp)
#   render_svg_files         graph_render_test writes nasty.svg (fixture) ...
#   render_svg_wellformed    ... and xmllint --noout checks it; skipped (77) without xmllint
#   render_cli_*             tests/render_cli_test.py: `kgextract render` on the sample report
#                            and its error paths, one ctest per unittest class
#
# Graphviz 2.42 and its font stack (fontconfig, pango, cairo, glib) leak a little per picture and
# keep caches for the life of the process; in sanitizer builds these tests run with
# LSAN_OPTIONS=suppressions=tests/lsan.supp, which names those libraries only.
if(NOT COMMAND gtest_discover_tests)
  include(GoogleTest)
endif()

set(_kg_render_env "")
if(KGEXTRACT_SANITIZE)
  set(_kg_render_env
      "LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_LIST_DIR}/lsan.supp:print_suppressions=0")
endif()

add_executable(graph_render_test ${CMAKE_CURRENT_LIST_DIR}/graph_render_test.cc)
target_link_libraries(graph_render_test PRIVATE kg_render GTest::gtest_main kg_warnings)
gtest_discover_tests(graph_render_test PROPERTIES ENVIRONMENT "${_kg_render_env}"
                     DISCOVERY_TIMEOUT 60)

set(_kg_render_dir ${CMAKE_CURRENT_BINARY_DIR}/render_files)
add_test(NAME render_svg_files COMMAND graph_render_test --gtest_filter=RenderFiles.*)
set_tests_properties(render_svg_files PROPERTIES
                     ENVIRONMENT "KG_RENDER_FIXTURE_DIR=${_kg_render_dir};${_kg_render_env}"
                     FIXTURES_SETUP kg_render_files)
add_test(NAME render_svg_wellformed
         COMMAND sh -c "command -v xmllint >/dev/null || exit 77; xmllint --noout --nonet \"$1\""
                 sh ${_kg_render_dir}/nasty.svg)
set_tests_properties(render_svg_wellformed PROPERTIES FIXTURES_REQUIRED kg_render_files
                     SKIP_RETURN_CODE 77)

# `kgextract render` on the sample report and its error paths (Python standard library).
find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND)
  foreach(_kg_render_case IN ITEMS Sample Filter Error)
    string(TOLOWER "render_cli_${_kg_render_case}" _kg_render_name)
    add_test(NAME ${_kg_render_name}
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/render_cli_test.py
                     --binary $<TARGET_FILE:kgextract> --data ${PROJECT_SOURCE_DIR}/data
                     --sample ${PROJECT_SOURCE_DIR}/data/samples/techsummit-lisbon-2025.txt
                     Render${_kg_render_case}Test)
    set_tests_properties(${_kg_render_name} PROPERTIES LABELS cli TIMEOUT 600
                         ENVIRONMENT "${_kg_render_env}")
  endforeach()
  # The sample's pictures and filters: release only (tests/cli_tests.cmake says why); the
  # error paths run under the sanitizers too.
  set_property(TEST render_cli_sample render_cli_filter APPEND PROPERTY LABELS release_only)
endif()

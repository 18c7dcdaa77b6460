# Tests of the HTML viewer (graph/export_html.cc, graph/viewer/). Included from
# tests/CMakeLists.txt.
#
#   viewer_html_*            GoogleTest (tests/graph_html_test.cc): no external loads, the licence,
#                            the data block parsed back with nasty names intact, determinism
#   viewer_html_fixture      writes nasty.html, mid.html and large.html (1000 nodes) for the
#                            browser tests
#   viewer_sample_html       kgextract -f html on data/samples/techsummit-lisbon-2025.txt
#   viewer_chromium_nasty    tests/js/viewer_test.mjs drives Debian's chromium (headless, every
#   viewer_chromium_mid      non-file:// request blocked) over each page: drawn counts, a click
#   viewer_chromium_large    on a node and an edge, search, no console error, a screenshot in
#   viewer_chromium_sample   tests/artifacts/. They FAIL without node or chromium
#                            (scripts/install_deps.sh installs both; playwright-core 1.61
#                            runs on Debian 12's Node.js 18).
if(NOT COMMAND gtest_discover_tests)
  include(GoogleTest)
endif()

add_executable(graph_html_test ${CMAKE_CURRENT_LIST_DIR}/graph_html_test.cc)
target_link_libraries(graph_html_test PRIVATE kg_viewer GTest::gtest_main
                      nlohmann_json::nlohmann_json kg_warnings)
gtest_discover_tests(graph_html_test TEST_PREFIX viewer_html_ TEST_FILTER HtmlViewerTest.*)

set(KGEXTRACT_NODE node CACHE STRING "Node.js for tests/js (the browser test of the HTML viewer)")
set(KGEXTRACT_CHROMIUM /usr/bin/chromium CACHE FILEPATH "Chromium for the HTML viewer test")

set(_kg_viewer_pages ${CMAKE_CURRENT_BINARY_DIR}/viewer)
set(_kg_viewer_artifacts ${CMAKE_CURRENT_BINARY_DIR}/artifacts)
set(_kg_viewer_test ${CMAKE_CURRENT_LIST_DIR}/js/viewer_test.mjs)

add_test(NAME viewer_html_fixture
         COMMAND graph_html_test --gtest_filter=HtmlViewerFixture.*)
set_tests_properties(viewer_html_fixture PROPERTIES
                     ENVIRONMENT KG_VIEWER_FIXTURE_DIR=${_kg_viewer_pages}
                     FIXTURES_SETUP kg_viewer_pages)
add_test(NAME viewer_sample_html
         COMMAND kgextract -q -f html -o ${_kg_viewer_pages}/sample.html
                 ${PROJECT_SOURCE_DIR}/data/samples/techsummit-lisbon-2025.txt)
set_tests_properties(viewer_sample_html PROPERTIES FIXTURES_SETUP kg_viewer_sample)

# The counts are those that HtmlViewerFixture asserts; the sample's come from its data block.
foreach(_page nasty:21:23 mid:60:100 large:1000:2000 sample)
  string(REPLACE ":" ";" _parts ${_page})
  list(GET _parts 0 _name)
  set(_counts)
  if(_page MATCHES ":")
    list(GET _parts 1 _nodes)
    list(GET _parts 2 _edges)
    set(_counts --nodes ${_nodes} --edges ${_edges})
  endif()
  add_test(NAME viewer_chromium_${_name}
           COMMAND ${KGEXTRACT_NODE} ${_kg_viewer_test}
                   --html ${_kg_viewer_pages}/${_name}.html ${_counts}
                   --chromium ${KGEXTRACT_CHROMIUM}
                   --screenshot ${_kg_viewer_artifacts}/viewer-${_name}.png)
  set_tests_properties(viewer_chromium_${_name} PROPERTIES TIMEOUT 60)
endforeach()
set_tests_properties(viewer_chromium_nasty viewer_chromium_mid viewer_chromium_large PROPERTIES
                     FIXTURES_REQUIRED kg_viewer_pages)
set_tests_properties(viewer_chromium_sample PROPERTIES FIXTURES_REQUIRED kg_viewer_sample)
# A browser's time, not our code's: release only (the label's reason: tests/cli_tests.cmake).
set_property(TEST viewer_sample_html viewer_chromium_nasty viewer_chromium_mid
             viewer_chromium_large viewer_chromium_sample APPEND PROPERTY LABELS release_only)

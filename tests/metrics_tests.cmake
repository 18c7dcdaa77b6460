# Tests of the analytics and the JSON reader (graph/metrics.cc, graph/import_json.cc).
# Included from tests/CMakeLists.txt; paths are relative to this file.
#
#   graph_metrics_test      GoogleTest, one ctest per TEST: FilterEdges and AnnotateMetrics
#                           against values worked out by hand and checked with NetworkX
#   graph_import_json_test  GoogleTest, one ctest per TEST: FromNodeLinkJson, round trips,
#                           error messages, NetworkX's node_link_data
if(NOT COMMAND gtest_discover_tests)
  include(GoogleTest)
endif()

add_executable(graph_metrics_test ${CMAKE_CURRENT_LIST_DIR}/graph_metrics_test.cc)
target_link_libraries(graph_metrics_test PRIVATE kg_graph GTest::gtest_main kg_warnings)
gtest_discover_tests(graph_metrics_test)

add_executable(graph_import_json_test ${CMAKE_CURRENT_LIST_DIR}/graph_import_json_test.cc)
target_link_libraries(graph_import_json_test PRIVATE kg_export GTest::gtest_main kg_warnings)
gtest_discover_tests(graph_import_json_test)

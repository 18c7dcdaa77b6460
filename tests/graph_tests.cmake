# Tests of the graph stage (graph/merge.cc, graph/export_json.cc, graph/export_graphml.cc).
# Included from tests/CMakeLists.txt; paths are relative to this file, so it can be included
# from any directory.
#
#   graph_merge_test, graph_export_test   GoogleTest, one ctest per TEST
# The round trips of every format through real readers are in format_tests.cmake.
if(NOT COMMAND gtest_discover_tests)
  include(GoogleTest)
endif()

add_executable(graph_merge_test ${CMAKE_CURRENT_LIST_DIR}/graph_merge_test.cc)
target_link_libraries(graph_merge_test PRIVATE kg_export GTest::gtest_main
                      nlohmann_json::nlohmann_json kg_warnings)
gtest_discover_tests(graph_merge_test)

add_executable(graph_export_test ${CMAKE_CURRENT_LIST_DIR}/graph_export_test.cc)
target_link_libraries(graph_export_test PRIVATE kg_export GTest::gtest_main
                      nlohmann_json::nlohmann_json kg_warnings)
gtest_discover_tests(graph_export_test)

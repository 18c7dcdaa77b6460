# Tests of the graph stage (graph/merge.cc, graph/export_json.cc, graph/export_graphml.cc).
# Included from tests/CMakeLists.txt; paths are relative to this file, so it can be included
# from any directory.
#
#   graph_merge_test, graph_export_test   GoogleTest, one ctest per TEST
#   graph_roundtrip_files                 graph_export_test writes nasty.json / nasty.graphml
#   graph_roundtrip_networkx              tests/roundtrip_networkx.py loads both with NetworkX
#                                         and compares them (fails without networkx)
#   graph_graphml_schema                  xmllint validates the GraphML against the shared
#                                         schema; skipped (exit 77) without xmllint or schemas
if(NOT COMMAND gtest_discover_tests)
  include(GoogleTest)
endif()

add_executable(graph_merge_test ${CMAKE_CURRENT_LIST_DIR}/graph_merge_test.cc)
target_link_libraries(graph_merge_test PRIVATE kg_graph GTest::gtest_main
                      nlohmann_json::nlohmann_json kg_warnings)
gtest_discover_tests(graph_merge_test)

add_executable(graph_export_test ${CMAKE_CURRENT_LIST_DIR}/graph_export_test.cc)
target_link_libraries(graph_export_test PRIVATE kg_graph GTest::gtest_main
                      nlohmann_json::nlohmann_json kg_warnings)
gtest_discover_tests(graph_export_test)

set(KGEXTRACT_PYTHON3 /usr/bin/python3 CACHE FILEPATH
    "Python 3 with networkx, for tests/roundtrip_networkx.py")
set(KGEXTRACT_SCHEMA_DIR ${CMAKE_CURRENT_LIST_DIR}/../../shared/schemas CACHE PATH
    "The shared graph-format schemas (graphml/graphml.xsd, graphml/catalog.xml)")
if(EXISTS ${KGEXTRACT_PYTHON3})
  set(_kg_roundtrip_dir ${CMAKE_CURRENT_BINARY_DIR}/graph_roundtrip)
  add_test(NAME graph_roundtrip_files
           COMMAND graph_export_test --gtest_filter=GraphRoundTripFiles.*)
  set_tests_properties(graph_roundtrip_files PROPERTIES
                       ENVIRONMENT KG_GRAPH_FIXTURE_DIR=${_kg_roundtrip_dir}
                       FIXTURES_SETUP kg_graph_roundtrip)
  add_test(NAME graph_roundtrip_networkx
           COMMAND ${KGEXTRACT_PYTHON3} ${CMAKE_CURRENT_LIST_DIR}/roundtrip_networkx.py
                   ${_kg_roundtrip_dir}/nasty.json ${_kg_roundtrip_dir}/nasty.graphml)
  set_tests_properties(graph_roundtrip_networkx PROPERTIES
                       FIXTURES_REQUIRED kg_graph_roundtrip)
  add_test(NAME graph_graphml_schema
           COMMAND ${KGEXTRACT_PYTHON3} ${CMAKE_CURRENT_LIST_DIR}/roundtrip_networkx.py
                   --validate ${_kg_roundtrip_dir}/nasty.graphml ${KGEXTRACT_SCHEMA_DIR})
  set_tests_properties(graph_graphml_schema PROPERTIES
                       FIXTURES_REQUIRED kg_graph_roundtrip
                       SKIP_RETURN_CODE 77)
endif()

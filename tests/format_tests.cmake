# Tests of the GEXF, CSV and DOT exporters and the GraphML analytics keys, and the round trips of
# every format through real readers. Included from tests/CMakeLists.txt after graph_tests.cmake;
# paths are relative to this file.
#
#   graph_formats_test            GoogleTest, one ctest per TEST (exact texts, escaping)
#   export_text_test              GoogleTest: the exporters' UTF-8 replacement equals ICU's
#   format_fixture_files          graph_formats_test writes nasty.{json,graphml,gexf,nodes.csv,
#                                 edges.csv,dot} of an awkward graph (fixture kg_format_fixture)
#   format_roundtrip_networkx     tests/roundtrip_readers.py: NetworkX (read_graphml, read_gexf,
#                                 node_link_graph), python-igraph (Read_GraphML), csv, Graphviz
#                                 (dot -Tjson0, -Tsvg); fails when networkx or igraph is missing
#   format_roundtrip_graphology   tests/js/roundtrip_graphology.mjs: graphology-graphml and
#                                 graphology-gexf (npm packages in tests/js/node_modules)
#   format_graphml_schema         xmllint against the GraphML XSD and the GEXF 1.3 RELAX NG of
#   format_gexf_schema            KGEXTRACT_SCHEMA_DIR, also proving the shared invalid examples
#                                 fail; skipped (77) without xmllint or the schemas
if(NOT COMMAND gtest_discover_tests)
  include(GoogleTest)
endif()

add_executable(graph_formats_test ${CMAKE_CURRENT_LIST_DIR}/graph_formats_test.cc)
target_link_libraries(graph_formats_test PRIVATE kg_export GTest::gtest_main
                      nlohmann_json::nlohmann_json kg_warnings)
gtest_discover_tests(graph_formats_test)

# export_text_test: kg_export's own UTF-8 decoding replaces ill-formed input as ICU's U8_NEXT
# does (ICU is linked by this test only, as the reference).
add_executable(export_text_test ${CMAKE_CURRENT_LIST_DIR}/export_text_test.cc)
target_link_libraries(export_text_test PRIVATE kg_export ICU::uc GTest::gtest_main kg_warnings)
gtest_discover_tests(export_text_test)

set(KGEXTRACT_PYTHON3 /usr/bin/python3 CACHE FILEPATH
    "Python 3 with networkx and igraph, for the reader round-trip tests")
set(KGEXTRACT_SCHEMA_DIR ${CMAKE_CURRENT_LIST_DIR}/../../shared/schemas CACHE PATH
    "The shared graph-format schemas (graphml/, gexf-1.3/, examples/)")
find_program(KGEXTRACT_NODE NAMES node nodejs DOC "Node.js, for tests/js/roundtrip_graphology.mjs")
if(NOT KGEXTRACT_NODE)
  set(KGEXTRACT_NODE node)  # the test then fails and says so, instead of vanishing
endif()

set(_kg_format_dir ${CMAKE_CURRENT_BINARY_DIR}/format_fixture)
add_test(NAME format_fixture_files
         COMMAND graph_formats_test --gtest_filter=FormatFixtureFiles.*)
set_tests_properties(format_fixture_files PROPERTIES
                     ENVIRONMENT KG_FORMAT_FIXTURE_DIR=${_kg_format_dir}
                     FIXTURES_SETUP kg_format_fixture)

add_test(NAME format_roundtrip_networkx
         COMMAND ${KGEXTRACT_PYTHON3} ${CMAKE_CURRENT_LIST_DIR}/roundtrip_readers.py
                 ${_kg_format_dir}/nasty)
add_test(NAME format_roundtrip_graphology
         COMMAND ${KGEXTRACT_NODE} ${CMAKE_CURRENT_LIST_DIR}/js/roundtrip_graphology.mjs
                 ${_kg_format_dir}/nasty)
add_test(NAME format_graphml_schema
         COMMAND ${KGEXTRACT_PYTHON3} ${CMAKE_CURRENT_LIST_DIR}/roundtrip_readers.py
                 --validate graphml ${_kg_format_dir}/nasty.graphml ${KGEXTRACT_SCHEMA_DIR})
add_test(NAME format_gexf_schema
         COMMAND ${KGEXTRACT_PYTHON3} ${CMAKE_CURRENT_LIST_DIR}/roundtrip_readers.py
                 --validate gexf ${_kg_format_dir}/nasty.gexf ${KGEXTRACT_SCHEMA_DIR})
set_tests_properties(format_roundtrip_networkx format_roundtrip_graphology
                     format_graphml_schema format_gexf_schema PROPERTIES
                     FIXTURES_REQUIRED kg_format_fixture)
set_tests_properties(format_graphml_schema format_gexf_schema PROPERTIES
                     SKIP_RETURN_CODE 77)

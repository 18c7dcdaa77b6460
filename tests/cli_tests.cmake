# Tests of the kgextract command line (pipeline/cli.cc) and of the sample report's exports.
# Included from tests/CMakeLists.txt; paths are relative to this file, so it can be included
# from any directory. Needs the kgextract target and, for the round trip, KGEXTRACT_PYTHON3 and
# KGEXTRACT_SCHEMA_DIR (cache variables of graph_tests.cmake; defaulted here when absent).
#
#   cli_usage, cli_input, cli_rules,      tests/cli_test.py (Python standard library), one ctest
#   cli_output, cli_export,               per unittest class: options and exit codes, inputs,
#   cli_determinism, cli_end_to_end,      rule files, safe output, formats and filters,
#   cli_corpus                            byte-identical output, one small report, and
#                                         corpora: folders, globs, Markdown, HTML, JSON
#                                         Lines, gzip, --emit-text, --per-document, --strict;
#   cli_corpus_generator                  scripts/make_corpus.py's posts in every format
#   cli_output_safety, cli_output_kill    issue 12: sets all old or all new, signals,
#                                         modes, long names, outputs that are inputs, and
#                                         50 runs killed with SIGKILL at random moments
#   cli_limits                            issue 12: --evidence, --max-pairs, the typo merge
#   cli_data_files                        issue 12: broken --data files, exit 6 with file:line
#   cli_input_errors                      issue 12: input exit codes, escaped names, UTF-16,
#                                         stray control characters, BOM offsets
#   cli_source_offsets                    mentions' byte ranges in the original .md/.html/.txt
#   cli_corpus_formats                    document_counts in GraphML, GEXF and CSV, read back
#   cli_sample_roundtrip                  tests/sample_roundtrip_test.sh: the sample through
#                                         -f all, read back by every reader
#   cli_sample_schemas                    its GraphML and GEXF against the shared schemas;
#                                         skipped (exit 77) without xmllint or the schemas
#   cli_missing_features                  -f all writes this build's formats; in a build
#                                         without the viewer or Graphviz, -f html, -f svg|png
#                                         and `render` are usage errors that say so
find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND)
  set(_kg_cli_python ${Python3_EXECUTABLE})
else()
  set(_kg_cli_python python3)
endif()
if(NOT DEFINED KGEXTRACT_PYTHON3)
  set(KGEXTRACT_PYTHON3 /usr/bin/python3 CACHE FILEPATH
      "Python 3 with networkx and igraph, for the reader round trips")
endif()
if(NOT DEFINED KGEXTRACT_SCHEMA_DIR)
  set(KGEXTRACT_SCHEMA_DIR ${CMAKE_CURRENT_LIST_DIR}/../../shared/schemas CACHE PATH
      "The shared graph-format schemas (graphml/graphml.xsd, graphml/catalog.xml)")
endif()

set(_kg_cli_cases Usage Input Rules RulePacks RulesCommand Output OutputSafety OutputKill Limits InputErrors DataFiles
                 Export Determinism EndToEnd Corpus CorpusGenerator SourceOffsets CorpusFormats
                 MissingFeatures)
# A build without an optional part (KGEXTRACT_VIEWER, KGEXTRACT_RENDER) skips the tests of the
# formats it lacks; MissingFeatures then checks that they are usage errors saying so.
set(_kg_cli_without)
if(NOT KGEXTRACT_VIEWER)
  list(APPEND _kg_cli_without --without viewer)
endif()
if(NOT KGEXTRACT_RENDER)
  list(APPEND _kg_cli_without --without render)
endif()
# The 50 SIGKILLs test how the output is replaced, which no sanitizer sees into; under ASan the
# 50 start-ups take 100 s (8 minutes on a busy machine), so: the release build only. (The asan
# preset sets KGEXTRACT_FUZZ: its sanitizers come with the fuzzers' coverage.)
if(KGEXTRACT_SANITIZE OR KGEXTRACT_FUZZ)
  list(REMOVE_ITEM _kg_cli_cases OutputKill)
endif()
# Under the sanitizers a run of kgextract takes seconds, not a tenth of one (RE2's submatch
# scratch space comes from ASan's allocator, mapped and unmapped per call), and these suites run
# it hundreds of times to check behaviour the release build checks as well: they carry the label
# release_only, which the asan test preset leaves out (CMakePresets.json; `ctest --test-dir
# build-asan` still runs them). Under the sanitizers stay the suites of distinct code paths:
# options, rule files, every input reader and its errors, broken data files, source offsets and
# the exporters' document counts; the unit tests and fuzz targets cover the rest.
set(_kg_cli_release_only Output OutputSafety RulesCommand RulePacks Export Determinism Limits
                         Corpus CorpusGenerator EndToEnd MissingFeatures)
foreach(_kg_cli_case IN LISTS _kg_cli_cases)
  string(REGEX REPLACE "([a-z])([A-Z])" "\\1_\\2" _kg_cli_name ${_kg_cli_case})
  string(TOLOWER "cli_${_kg_cli_name}" _kg_cli_name)
  add_test(NAME ${_kg_cli_name}
           COMMAND ${_kg_cli_python} ${CMAKE_CURRENT_LIST_DIR}/cli_test.py
                   --binary $<TARGET_FILE:kgextract> --data ${PROJECT_SOURCE_DIR}/data
                   ${_kg_cli_without} ${_kg_cli_case}Test)
  set_tests_properties(${_kg_cli_name} PROPERTIES LABELS cli TIMEOUT 600)
  if(_kg_cli_case IN_LIST _kg_cli_release_only)
    set_property(TEST ${_kg_cli_name} APPEND PROPERTY LABELS release_only)
  endif()
endforeach()

# The academic-conference pack (data/packs/academic) scored on the documents and gold written
# for it (tests/packs/academic): a change that makes the pack worse on them fails.
add_test(NAME pack_academic_quality
         COMMAND ${_kg_cli_python} ${CMAKE_CURRENT_LIST_DIR}/pack_quality_test.py
                 --binary $<TARGET_FILE:kgextract> --data ${PROJECT_SOURCE_DIR}/data
                 --pack ${PROJECT_SOURCE_DIR}/data/packs/academic
                 --cases ${CMAKE_CURRENT_LIST_DIR}/packs/academic
                 --min-entity-f1 0.95 --min-relation-f1 0.93)
set_tests_properties(pack_academic_quality PROPERTIES LABELS "cli;release_only" TIMEOUT 300)

find_program(KGEXTRACT_NODE NAMES node nodejs DOC "Node.js, for tests/js")
if(NOT KGEXTRACT_NODE)
  set(KGEXTRACT_NODE node)  # the test then fails and says so, instead of vanishing
endif()
# The sample through -f all, read back by NetworkX, igraph, csv, Graphviz and graphology ...
add_test(NAME cli_sample_roundtrip
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/sample_roundtrip_test.sh
                 $<TARGET_FILE:kgextract> ${PROJECT_SOURCE_DIR}/data ${KGEXTRACT_PYTHON3}
                 ${KGEXTRACT_NODE})
set_tests_properties(cli_sample_roundtrip PROPERTIES LABELS "cli;release_only" TIMEOUT 600)
# ... and its GraphML and GEXF validated against the shared schemas (skipped, 77, where absent).
add_test(NAME cli_sample_schemas
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/sample_roundtrip_test.sh
                 $<TARGET_FILE:kgextract> ${PROJECT_SOURCE_DIR}/data ${KGEXTRACT_PYTHON3}
                 ${KGEXTRACT_NODE} ${KGEXTRACT_SCHEMA_DIR})
set_tests_properties(cli_sample_schemas PROPERTIES LABELS "cli;release_only" SKIP_RETURN_CODE 77
                     TIMEOUT 600)

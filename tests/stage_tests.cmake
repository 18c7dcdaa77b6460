# Tests of the per-document stages, one GoogleTest suite per stage header, each on small
# invented texts. Included from tests/CMakeLists.txt; paths are relative to this file.
#
#   input_test     stage 0, pipeline/input.h: Markdown, HTML, JSON Lines, gzip, folders, globs
#   text_test      stages 1-2, pipeline/text.h: MakeDocument, ReadDocument, Tokenizer
#   extract_test   stage 3, extractors/extract.h: RuleSet::Load and Extract on the real data/
#   extract_passes_test  stage 3's passes (extractors/passes.h), each alone, on tests/fixtures/data
#   resolve_test   stages 4-5, graph/resolve.h: ResolveDocument (resolution and inference)
#   chunks_test    pipeline/chunks.h: large documents split at paragraphs, any thread count
#   long_sentence_test  issue 12 item 9: one long sentence splits and extracts in linear time

foreach(_kg_stage_test IN ITEMS input_test text_test extract_test resolve_test chunks_test
                                 long_sentence_test)
  add_executable(${_kg_stage_test} ${CMAKE_CURRENT_LIST_DIR}/${_kg_stage_test}.cc)
  target_link_libraries(${_kg_stage_test} PRIVATE kg_resolve kg_export kg_pipeline GTest::gtest_main
                        kg_warnings)
  # The real rules and gazetteers, read at run time.
  # The tiny fixture data set too: extract_test's loader tests break a copy of it, which is
  # faster to copy and load than data/ (20-odd loads under the sanitizers took half a minute).
  target_compile_definitions(${_kg_stage_test} PRIVATE
                             KGEXTRACT_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/data"
                             KGEXTRACT_TEST_FIXTURE_DIR="${CMAKE_CURRENT_LIST_DIR}/fixtures/data")
  # One ctest test per binary, not per test case: every case uses the real data/, which the
  # binary loads once (tests/test_rules.h); a process per case loaded it 300 times, which took
  # most of the suite's time under the sanitizers. The binary names each failing case.
  add_test(NAME ${_kg_stage_test} COMMAND ${_kg_stage_test} --gtest_brief=1)
endforeach()
# The passes of the extractor, each tested alone on the tiny fixture data set: the tests
# check the engine (which pass types what, with which rule), not the real rules. extract_test
# above stays on the real data/, as it tests the rules themselves on sentences.
add_executable(extract_passes_test ${CMAKE_CURRENT_LIST_DIR}/extract_passes_test.cc)
target_link_libraries(extract_passes_test PRIVATE kg_extractors GTest::gtest_main kg_warnings)
target_compile_definitions(extract_passes_test PRIVATE
                           KGEXTRACT_TEST_FIXTURE_DIR="${CMAKE_CURRENT_LIST_DIR}/fixtures/data")
add_test(NAME extract_passes_test COMMAND extract_passes_test --gtest_brief=1)
# The gzip tests compress their own inputs.
target_link_libraries(input_test PRIVATE ZLIB::ZLIB)

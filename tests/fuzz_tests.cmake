# The fuzz targets of tests/fuzz, replayed (no fuzzing) on their seed corpora and on every input
# that once crashed them (tests/fuzz/regressions), in the ordinary builds (so under ASan and UBSan
# in build-asan/): fuzz_replay_pipeline, fuzz_replay_node_link_json, fuzz_replay_rules,
# fuzz_replay_gazetteer. Fuzzing itself: scripts/fuzz.sh (clang, libFuzzer).
foreach(_kg_fuzz_target pipeline node_link_json rules gazetteer)
  add_executable(fuzz_replay_${_kg_fuzz_target} ${CMAKE_CURRENT_LIST_DIR}/fuzz/fuzz_${_kg_fuzz_target}.cc
                 ${CMAKE_CURRENT_LIST_DIR}/fuzz/replay_main.cc)
  target_link_libraries(fuzz_replay_${_kg_fuzz_target} PRIVATE kg_pipeline kg_export kg_warnings)
  if(TARGET kg_viewer)
    target_link_libraries(fuzz_replay_${_kg_fuzz_target} PRIVATE kg_viewer)
  endif()
  target_compile_definitions(fuzz_replay_${_kg_fuzz_target} PRIVATE
    KGEXTRACT_FUZZ_DATA_DIR="${PROJECT_SOURCE_DIR}/data")
  add_test(NAME fuzz_replay_${_kg_fuzz_target}
           COMMAND fuzz_replay_${_kg_fuzz_target}
                   ${CMAKE_CURRENT_LIST_DIR}/fuzz/corpus/fuzz_${_kg_fuzz_target}
                   ${CMAKE_CURRENT_LIST_DIR}/fuzz/regressions/fuzz_${_kg_fuzz_target})
  set_tests_properties(fuzz_replay_${_kg_fuzz_target} PROPERTIES LABELS fuzz TIMEOUT 300)
endforeach()

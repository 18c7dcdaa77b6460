# Tests of where the data is found and of `cmake --install`. Included from tests/CMakeLists.txt;
# paths are relative to this file.
#
#   data_dir_test      GoogleTest: LocateDataDir's order (--data, $KGEXTRACT_DATA, the binary's
#                      one default) on a made-up tree
#   install_relocated  tests/install_test.py: installs this build into a temporary prefix,
#                      moves the prefix and checks that the moved binary reads its own
#                      share/kgextract (and never the source tree), by its output
add_executable(data_dir_test ${CMAKE_CURRENT_LIST_DIR}/data_dir_test.cc)
target_link_libraries(data_dir_test PRIVATE kg_pipeline GTest::gtest_main kg_warnings)
add_test(NAME data_dir_test COMMAND data_dir_test --gtest_brief=1)

find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND)
  set(_kg_install_python ${Python3_EXECUTABLE})
else()
  set(_kg_install_python python3)  # the test then fails and says so, instead of vanishing
endif()
# The installed binary is checked through -f html,svg and `render`: full builds only.
if(KGEXTRACT_VIEWER AND KGEXTRACT_RENDER)
  add_test(NAME install_relocated
           COMMAND ${_kg_install_python} ${CMAKE_CURRENT_LIST_DIR}/install_test.py
                   --cmake ${CMAKE_COMMAND} --build-dir ${PROJECT_BINARY_DIR}
                   --build-binary $<TARGET_FILE:kgextract> --source-data ${PROJECT_SOURCE_DIR}/data)
  set_tests_properties(install_relocated PROPERTIES LABELS "cli;release_only" TIMEOUT 600)
endif()

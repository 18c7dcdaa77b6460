# file_system_fault_test: every file kgextract reads or writes goes through pipeline/file_system.h,
# so a test double that fails chosen operations (a read error on one data file or input, a full
# disk, a failing rename) checks each failure's Status, message and exit code, and that a failed
# write leaves no output and no temporary file, on the real data/ without copying it.
# Included from tests/CMakeLists.txt.
add_executable(file_system_fault_test ${CMAKE_CURRENT_LIST_DIR}/file_system_fault_test.cc)
target_link_libraries(file_system_fault_test PRIVATE kg_pipeline kg_export GTest::gtest_main
                      kg_warnings)
target_compile_definitions(file_system_fault_test PRIVATE
                           KGEXTRACT_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/data")
add_test(NAME file_system_fault_test COMMAND file_system_fault_test --gtest_brief=1)

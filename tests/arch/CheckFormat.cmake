# Fails when a C++ file under app/, ui/ or tests/ is not formatted per .clang-format.
file(GLOB_RECURSE files "${SOURCE_DIR}/app/*.h" "${SOURCE_DIR}/app/*.cpp"
     "${SOURCE_DIR}/ui/*.h" "${SOURCE_DIR}/ui/*.cpp"
     "${SOURCE_DIR}/tests/*.h" "${SOURCE_DIR}/tests/*.cpp")
list(FILTER files EXCLUDE REGEX "/tests/fuzz/corpus/")
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${files}
                RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "clang-format check failed (run scripts/format.sh):\n${err}")
endif()
message(STATUS "clang-format OK")

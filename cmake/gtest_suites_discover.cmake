# Writes a ctest include file with one add_test per suite that EXECUTABLE
# lists. Run by add_gtest_suites() after the test binary links.
execute_process(COMMAND ${EMULATOR} ${EXECUTABLE} --gtest_list_tests
  OUTPUT_VARIABLE listing RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${EXECUTABLE} --gtest_list_tests failed (${rc})")
endif()
string(REPLACE "\n" ";" lines "${listing}")
set(content "")
foreach(line IN LISTS lines)
  # Suite lines start in column 0 and end with '.', maybe followed by a
  # "  # TypeParam = ..." comment; test lines are indented.
  if(line MATCHES "^([^ #][^ ]*)\\.( .*)?$")
    set(suite "${CMAKE_MATCH_1}")
    string(APPEND content
      "add_test([=[${PREFIX}.${suite}]=] ${EMULATOR} [=[${EXECUTABLE}]=] [=[--gtest_filter=${suite}.*]=])\n")
  endif()
endforeach()
file(WRITE "${OUTPUT}" "${content}")

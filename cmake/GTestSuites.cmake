# add_gtest_suites(target): one ctest entry per GoogleTest suite of `target`.
#
# gtest_discover_tests makes one entry per test, which starts the binary
# hundreds of times (slow under ASan, slower still under node for wasm). A
# suite per entry keeps ctest's summary meaningful at a fraction of the cost.
# The list is read from the built binary (--gtest_list_tests) after each link.
set(_gtest_suites_script ${CMAKE_CURRENT_LIST_DIR}/gtest_suites_discover.cmake)

function(add_gtest_suites target)
  set(include_file ${CMAKE_CURRENT_BINARY_DIR}/${target}_suites.cmake)
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_COMMAND}
      "-DEXECUTABLE=$<TARGET_FILE:${target}>"
      "-DEMULATOR=${CMAKE_CROSSCOMPILING_EMULATOR}"
      "-DPREFIX=${target}"
      "-DOUTPUT=${include_file}"
      -P ${_gtest_suites_script}
    VERBATIM)
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${include_file})
endfunction()

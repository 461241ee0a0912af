# The cross-build journal test (cmake -P): the native journal_compat writes a
# journal that the wasm one recovers, and the other way round; every printed
# state must equal the writer's. Also: the two writers, given the same seed,
# build the same state.
#   -DNATIVE=<native journal_compat> -DNODE=<node> -DWASM=<wasm journal_compat.js>
#   -DWORK_DIR=<scratch directory> -DCOMMANDS=<random commands per journal>
if(NOT EXISTS "${NATIVE}")
  message(FATAL_ERROR "native journal_compat not found at ${NATIVE}: build the native tree first "
                      "(cmake --build build/native --target journal_compat), or point the wasm tree's "
                      "STONKS_NATIVE_JOURNAL_COMPAT cache variable at it")
endif()
set(seed 20261124)
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

# run(<name> <output file> <command...>): fails the test unless it exits 0.
function(run name out)
  execute_process(COMMAND ${ARGN} OUTPUT_FILE "${out}" ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${name} failed (${rc}): ${err}")
  endif()
  file(SIZE "${out}" size)
  message(STATUS "${name}: ${size} bytes of state")
endfunction()

function(same what a b)
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${a}" "${b}" RESULT_VARIABLE differ)
  if(differ)
    message(FATAL_ERROR "${what}: the states differ (${a} vs ${b})")
  endif()
  message(STATUS "${what}: identical")
endfunction()

run("native write" "${WORK_DIR}/native_written.txt" ${NATIVE} write "${WORK_DIR}/native" ${seed} ${COMMANDS})
run("wasm read of the native journal" "${WORK_DIR}/native_read_by_wasm.txt" ${NODE} ${WASM} read "${WORK_DIR}/native")
run("wasm write" "${WORK_DIR}/wasm_written.txt" ${NODE} ${WASM} write "${WORK_DIR}/wasm" ${seed} ${COMMANDS})
run("native read of the wasm journal" "${WORK_DIR}/wasm_read_by_native.txt" ${NATIVE} read "${WORK_DIR}/wasm")

same("native -> wasm" "${WORK_DIR}/native_written.txt" "${WORK_DIR}/native_read_by_wasm.txt")
same("wasm -> native" "${WORK_DIR}/wasm_written.txt" "${WORK_DIR}/wasm_read_by_native.txt")
same("native and wasm writers, same seed" "${WORK_DIR}/native_written.txt" "${WORK_DIR}/wasm_written.txt")

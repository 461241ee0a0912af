// Copies GTEST_* and RC_* from node's environment into the wasm getenv, so
// filters and seeds given on the command line reach the test binary.
if (typeof process === 'object' && process.env) {
  Module.preRun = Module.preRun || [];
  Module.preRun.push(function () {
    for (var k in process.env) if (/^(RC_|GTEST_)/.test(k)) ENV[k] = process.env[k];
  });
}

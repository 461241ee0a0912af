// Report: the results as a table and as JSON, and the native-vs-wasm comparison
// against issue 11's targets.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench_result.h"

namespace stonks::bench {

// {"platform","compiler","quick","results":[{name,unit,items,seconds,rate,details,note}]}
nlohmann::ordered_json to_json(const std::string& platform, bool quick, const std::vector<BenchResult>& results);

// Prints one run's results, one row per workload.
void print_table(const std::string& platform, const std::vector<BenchResult>& results);

// Builds the combined document from two documents of to_json()'s shape (either
// may be null when that build did not run) and prints the comparison table:
// native rate, wasm rate, wasm/native, and each target met or missed.
// {"native":..., "wasm":..., "targets":[...], "comparison":[...]}
nlohmann::ordered_json compare(const nlohmann::ordered_json& native, const nlohmann::ordered_json& wasm);

// Reads and writes JSON files; false (with a message on stderr) on failure.
bool read_json_file(const std::string& path, nlohmann::ordered_json* out);
bool write_json_file(const std::string& path, const nlohmann::ordered_json& doc);

}  // namespace stonks::bench

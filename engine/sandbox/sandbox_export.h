// A sandbox as one file the operator keeps: its journal and desk directories
// (every file, base64, with its size and CRC-32C) in one JSON object, and
// the checks an import makes before anything is replaced.
//
//   {"format": "stonks-sandbox-export", "version": 1, "exported_at": ISO,
//    "last_seq": N,
//    "journal": [{"name", "size", "crc32c", "data": base64}], "desk": [...]}
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/api_types.h"
#include "core/engine_state.h"
#include "journal/storage.h"
#include "model/status.h"

namespace stonks {

inline constexpr const char* kSandboxExportFormat = "stonks-sandbox-export";
// An export is taken whole in one request body: at most this large.
inline constexpr std::size_t kMaxSandboxExportBytes = 64 * 1024 * 1024;

using StoredFiles = std::vector<std::pair<std::string, std::string>>;  // name, contents

struct SandboxFiles {
  StoredFiles journal;
  StoredFiles desk;
};

Result<SandboxFiles> read_storage_files(Storage& journal, Storage& desk);
nlohmann::json export_json(const SandboxFiles& files, Timestamp exported_at, EventSeq last_seq);

// Reads an export strictly: kInvalidArgument naming the field for another
// format or version, an unknown field, a bad file name, a name twice, data
// that is not base64, a size or CRC that does not match (a damaged or
// truncated file), or no journal at all.
Result<SandboxFiles> read_export_json(const nlohmann::json& body);

// The routes, answered by the sandbox itself:
//   GET  /api/sandbox/export          -> the export (the sandbox as one file)
//   POST /api/sandbox/import/preview  <- an export: what it holds, nothing changed
//   POST /api/sandbox/import          <- an export: replaces the sandbox
enum class ExportRoute { kExport, kPreview, kImport };
bool is_sandbox_export_path(std::string_view path);
// Checks a request for one of them as the router checks its own (404, 405
// with "allow", no query, the actor on POST, 413 over kMaxSandboxExportBytes,
// an object body on POST); the route with the parsed body, or the error.
std::variant<std::pair<ExportRoute, nlohmann::json>, ApiResponse> parse_export_request(const ApiRequest& request,
                                                                                       const ApiOptions& options);

// What an import would bring: the preview the operator confirms.
// {"last_seq","orders","fills","open_orders","pending_approvals",
//  "positions":[{"ticker","qty"}],"cash","first_order_at","last_event_at"}
nlohmann::json preview_json(const EngineState& state, Timestamp last_event_at);

}  // namespace stonks

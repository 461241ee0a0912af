#include "sandbox/sandbox_export.h"

#include <set>

#include "api/api_response.h"
#include "api/request_parsing.h"
#include "core/command_checks.h"
#include "journal/crc32c.h"
#include "json/json_object_reader.h"
#include "json/json_values.h"
#include "model/base64.h"

namespace stonks {
namespace {

using nlohmann::json;

Result<StoredFiles> read_all(Storage& storage) {
  Result<std::vector<std::string>> names = storage.list();
  if (!names.is_ok()) return names.status();
  StoredFiles out;
  for (const std::string& name : *names) {
    Result<std::string> data = storage.read_file(name);
    if (!data.is_ok()) return data.status();
    out.emplace_back(name, std::move(data).value());
  }
  return out;
}

json files_json(const StoredFiles& files) {
  json out = json::array();
  for (const auto& [name, data] : files)
    out.push_back(
        {{"name", name}, {"size", data.size()}, {"crc32c", crc32c::value(data)}, {"data", base64_encode(data)}});
  return out;
}

// One directory's files at `key`, each checked against its size and CRC.
void read_files(JsonObjectReader& r, const char* key, StoredFiles& out) {
  const json* list = r.required_value(key);
  if (!list) return;
  if (!list->is_array()) return r.fail(key, "expected an array of files, got " + describe_json(*list));
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list->size() && r.ok(); ++i) {
    const std::string at = std::string(key) + "[" + std::to_string(i) + "]";
    JsonObjectReader f((*list)[i], at);
    std::string name, data;
    std::uint64_t size = 0, crc = 0;
    f.required_string("name", name);
    f.required_int("size", size);
    f.required_int("crc32c", crc);
    f.required_string("data", data);
    if (f.ok() && !is_valid_storage_name(name)) f.fail("name", "not a file name: \"" + name.substr(0, 40) + "\"");
    if (f.ok() && !seen.insert(name).second) f.fail("name", name.substr(0, 40) + " is listed twice");
    std::optional<std::string> bytes;
    if (f.ok() && !(bytes = base64_decode(data))) f.fail("data", "not base64: the file is damaged");
    if (f.ok() && bytes->size() != size)
      f.fail("size", "the data holds " + std::to_string(bytes->size()) + " bytes, not " + std::to_string(size) +
                         ": the file is truncated or damaged");
    if (f.ok() && crc32c::value(*bytes) != crc)
      f.fail("crc32c", "the data does not match its CRC: the file is damaged");
    if (Status st = f.finish(); !st.is_ok()) return r.adopt(st);
    out.emplace_back(std::move(name), std::move(*bytes));
  }
}

}  // namespace

Result<SandboxFiles> read_storage_files(Storage& journal, Storage& desk) {
  Result<StoredFiles> j = read_all(journal);
  if (!j.is_ok()) return j.status();
  Result<StoredFiles> d = read_all(desk);
  if (!d.is_ok()) return d.status();
  return SandboxFiles{std::move(j).value(), std::move(d).value()};
}

json export_json(const SandboxFiles& files, Timestamp exported_at, EventSeq last_seq) {
  return {{"format", kSandboxExportFormat},       {"version", 1},
          {"exported_at", to_json(exported_at)},  {"last_seq", last_seq},
          {"journal", files_json(files.journal)}, {"desk", files_json(files.desk)}};
}

Result<SandboxFiles> read_export_json(const json& body) {
  JsonObjectReader r(body);
  std::string format;
  std::int64_t version = 0;
  if (r.required_string("format", format) && format != kSandboxExportFormat)
    r.fail("format", "not a stonks-oracle sandbox export (format \"" + format.substr(0, 40) + "\")");
  if (r.required_int("version", version) && version != 1)
    r.fail("version", "export version " + std::to_string(version) + " is not one this desk reads (1)");
  Timestamp exported_at{};
  r.required_timestamp("exported_at", exported_at);
  std::uint64_t last_seq = 0;
  r.required_int("last_seq", last_seq);
  SandboxFiles files;
  read_files(r, "journal", files.journal);
  read_files(r, "desk", files.desk);
  if (Status st = r.finish(); !st.is_ok()) return st;
  if (files.journal.empty()) return Status::invalid_argument("the export holds no journal", "journal");
  return files;
}

bool is_sandbox_export_path(std::string_view path) { return path.starts_with("/api/sandbox/"); }

std::variant<std::pair<ExportRoute, json>, ApiResponse> parse_export_request(const ApiRequest& request,
                                                                             const ApiOptions& options) {
  if (request.body.size() > kMaxSandboxExportBytes)
    return error_response(413, "payload_too_large",
                          "the body is over " + std::to_string(kMaxSandboxExportBytes) + " bytes");
  ExportRoute route;
  const char* method = "POST";
  if (request.path == "/api/sandbox/export") {
    route = ExportRoute::kExport;
    method = "GET";
  } else if (request.path == "/api/sandbox/import/preview") {
    route = ExportRoute::kPreview;
  } else if (request.path == "/api/sandbox/import") {
    route = ExportRoute::kImport;
  } else {
    return error_response(404, "not_found", "no route for " + valid_utf8(request.path.substr(0, 80)));
  }
  if (request.method != method) return method_not_allowed(request.method, {method});
  if (Result<QueryParams> q = QueryParams::parse(request.query, {}); !q.is_ok()) return error_response(q.status());
  if (route == ExportRoute::kExport) {
    if (request.body.find_first_not_of(" \t\r\n") != std::string::npos)
      return error_response(Status::invalid_argument("this route takes no request body"));
    return std::pair{route, json::object()};
  }
  if (Status st = validate_actor(request.actor); !st.is_ok())
    return error_response(Status::invalid_argument(st.message(), "actor"));
  ApiOptions big = options;
  big.max_body_bytes = kMaxSandboxExportBytes;
  Result<json> body = parse_object_body(request.body, big);
  if (!body.is_ok()) return error_response(body.status());
  return std::pair{route, std::move(body).value()};
}

json preview_json(const EngineState& s, Timestamp last_event_at) {
  json positions = json::array();
  for (const auto& [symbol, p] : s.portfolio.positions())
    if (p.qty != 0) positions.push_back({{"ticker", symbol.str()}, {"qty", p.qty}});
  json first = nullptr;
  if (const Order* o = s.order(1)) first = to_json(o->created_at());
  return {{"last_seq", s.last_seq},
          {"orders", s.orders.size()},
          {"fills", s.fills.size()},
          {"open_orders", s.open_orders.size()},
          {"pending_approvals", s.approvals.pending_count()},
          {"positions", std::move(positions)},
          {"cash", to_json(s.portfolio.cash())},
          {"first_order_at", std::move(first)},
          {"last_event_at", to_json(last_event_at)}};
}

}  // namespace stonks

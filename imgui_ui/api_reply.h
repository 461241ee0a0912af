// ApiReply: an ApiResponse read once for the panel: its JSON body and, for a
// failure, the error model of docs/api.md (code, message, field, reasons).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/api_types.h"

namespace stonks::ui {

struct ApiReply {
  int status = 0;
  nlohmann::json body;  // the parsed body; null when it was not JSON
  // From {"error":{...}}; empty on success.
  std::string error_code;
  std::string error_message;
  std::string error_field;
  std::vector<std::string> reasons;

  static ApiReply from(const ApiResponse& response);

  bool ok() const { return status >= 200 && status < 300; }
  // What to tell the operator about a failure: the API's message, or the
  // status when the body carried none (a proxy's error page, say).
  std::string error_text() const;
};

// Non-throwing reads of one member of a JSON object: the member when present
// and of the asked type, else "" / 0 / false / an empty list / a null value.
std::string json_string(const nlohmann::json& object, const char* key);
std::int64_t json_int(const nlohmann::json& object, const char* key);
bool json_bool(const nlohmann::json& object, const char* key);
std::vector<std::string> json_strings(const nlohmann::json& object, const char* key);
const nlohmann::json& json_member(const nlohmann::json& object, const char* key);

}  // namespace stonks::ui

// ApiReply: parsing a response body into the error model, without throwing.
#include "imgui_ui/api_reply.h"

#include "json/json_values.h"

namespace stonks::ui {

const nlohmann::json& json_member(const nlohmann::json& object, const char* key) {
  static const nlohmann::json kNull;
  if (!object.is_object()) return kNull;
  auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

std::string json_string(const nlohmann::json& object, const char* key) {
  const nlohmann::json& v = json_member(object, key);
  return v.is_string() ? v.get<std::string>() : std::string();
}

std::int64_t json_int(const nlohmann::json& object, const char* key) {
  const nlohmann::json& v = json_member(object, key);
  return v.is_number_integer() ? v.get<std::int64_t>() : 0;
}

bool json_bool(const nlohmann::json& object, const char* key) {
  const nlohmann::json& v = json_member(object, key);
  return v.is_boolean() && v.get<bool>();
}

std::vector<std::string> json_strings(const nlohmann::json& object, const char* key) {
  std::vector<std::string> out;
  const nlohmann::json& v = json_member(object, key);
  if (!v.is_array()) return out;
  for (const nlohmann::json& item : v)
    if (item.is_string()) out.push_back(item.get<std::string>());
  return out;
}

ApiReply ApiReply::from(const ApiResponse& response) {
  ApiReply reply;
  reply.status = response.status;
  if (Result<nlohmann::json> body = parse_json(response.body); body.is_ok()) reply.body = *body;
  const nlohmann::json& error = json_member(reply.body, "error");
  reply.error_code = json_string(error, "code");
  reply.error_message = json_string(error, "message");
  reply.error_field = json_string(error, "field");
  reply.reasons = json_strings(error, "reasons");
  return reply;
}

std::string ApiReply::error_text() const {
  if (!error_message.empty()) return error_message;
  return "the request failed with HTTP status " + std::to_string(status);
}

}  // namespace stonks::ui

#include "api/api_response.h"

#include "json/json_values.h"

namespace stonks {

int http_status(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kConflict:
      return 409;
    case StatusCode::kUnavailable:
      return 503;
    case StatusCode::kPermissionDenied:
    case StatusCode::kSelfApproval:
      return 403;
    case StatusCode::kCorruption:
    case StatusCode::kIoError:
      return 500;
  }
  return 500;
}

const char* error_code(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidArgument:
      return "invalid_argument";
    case StatusCode::kNotFound:
      return "not_found";
    case StatusCode::kConflict:
      return "conflict";
    case StatusCode::kUnavailable:
      return "unavailable";
    case StatusCode::kPermissionDenied:
      return "forbidden";  // as the server answers a role that may not call the route
    case StatusCode::kSelfApproval:
      return "four_eyes_required";
    case StatusCode::kCorruption:
    case StatusCode::kIoError:
      return "internal";
  }
  return "internal";
}

ApiResponse json_response(int status, const nlohmann::json& body) { return ApiResponse{status, dump_json(body)}; }

nlohmann::json error_object(std::string_view code, const std::string& message, const std::string& field) {
  nlohmann::json error = {{"code", std::string(code)}, {"message", valid_utf8(message)}};
  if (!field.empty()) error["field"] = valid_utf8(field);
  return error;
}

ApiResponse method_not_allowed(std::string_view method, const std::vector<std::string>& allow) {
  std::string names;
  for (const std::string& m : allow) names += (names.empty() ? "" : ", ") + m;
  nlohmann::json error = error_object("method_not_allowed", "method " + valid_utf8(std::string(method.substr(0, 80))) +
                                                                " not allowed here; allow: " + names);
  error["allow"] = allow;
  return json_response(405, {{"error", std::move(error)}});
}

ApiResponse error_response(int status, std::string_view code, const std::string& message, const std::string& field) {
  return json_response(status, {{"error", error_object(code, message, field)}});
}

ApiResponse error_response(const Status& status) {
  return json_response(http_status(status.code()),
                       {{"error", error_object(error_code(status.code()), status.message(), status.field())}});
}

}  // namespace stonks

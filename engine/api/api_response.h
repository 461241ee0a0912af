// Building API responses: JSON bodies and the one error shape,
// {"error":{"code":"invalid_argument","message":"...","field":"ticker"}}.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/api_types.h"
#include "model/status.h"

namespace stonks {

// The HTTP status for a failed engine Status: invalid_argument 400,
// not_found 404, conflict 409, rejected 422, unavailable 503, and 500 for
// corruption/io_error (which no command should report).
int http_status(StatusCode code);

// The error code on the wire: "invalid_argument", "not_found", "conflict",
// "rejected", "unavailable", "internal".
const char* error_code(StatusCode code);

// `body` serialised (invalid UTF-8 replaced, never throws).
ApiResponse json_response(int status, const nlohmann::json& body);

// The error object alone: code, message (made valid UTF-8), and field when
// not empty. Callers may add members (e.g. "reasons", "allow").
nlohmann::json error_object(std::string_view code, const std::string& message, const std::string& field = {});

ApiResponse error_response(int status, std::string_view code, const std::string& message,
                           const std::string& field = {});

// 405 for `method` (its start, made valid UTF-8, in the message) with the
// methods the path takes: {"error":{"code":"method_not_allowed","message":
// "method X not allowed here; allow: GET, PUT","allow":["GET","PUT"]}}.
ApiResponse method_not_allowed(std::string_view method, const std::vector<std::string>& allow);

// From a failed Status: its mapped status and code, message and field; a
// rejected Status with a reason code carries it as "reason".
ApiResponse error_response(const Status& status);

}  // namespace stonks

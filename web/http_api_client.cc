// HttpApiClient: requests out through the page's fetch(), answers back by id.
#include "http_api_client.h"

#include <utility>

#include "api/api_response.h"
#include "js_bridge.h"

namespace stonks::web {

void HttpApiClient::send(ApiRequest request, ui::ResponseHandler on_response) {
  const std::uint32_t id = next_id_++;
  in_flight_.emplace(id, std::move(on_response));
  // The server decides the actor (the token's operator) and the time.
  const std::string target = request.query.empty() ? request.path : request.path + "?" + request.query;
  stonks_js_http(id, request.method.c_str(), target.c_str(), request.body.c_str());
}

void HttpApiClient::complete(std::uint32_t id, int status, std::string body) {
  auto it = in_flight_.find(id);
  if (it == in_flight_.end()) return;
  ui::ResponseHandler handler = std::move(it->second);
  in_flight_.erase(it);
  if (observer_) observer_(status, body);
  ApiResponse response{status, std::move(body)};
  if (status == 0) response = error_response(Status::unavailable("the server did not answer: " + response.body));
  handler(response);
}

}  // namespace stonks::web

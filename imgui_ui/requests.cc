// Requests: one ApiRequest per operator action, its reply parsed once.
#include "imgui_ui/requests.h"

#include "json/json_values.h"

namespace stonks::ui {

void Requests::send(const char* method, std::string_view target, const nlohmann::json& body, OnReply on_reply) {
  ApiRequest request;
  request.method = method;
  const std::size_t q = target.find('?');
  request.path = std::string(target.substr(0, q));
  if (q != std::string_view::npos) request.query = std::string(target.substr(q + 1));
  if (!body.is_null()) request.body = dump_json(body);
  std::weak_ptr<bool> alive = alive_;
  client_.send(std::move(request), [alive, on_reply = std::move(on_reply)](const ApiResponse& response) {
    if (alive.expired() || !on_reply) return;
    on_reply(ApiReply::from(response));
  });
}

}  // namespace stonks::ui

// HttpApiClient: the panel's ApiClient against stonks-server. Each request
// becomes a fetch() in the page (web/js/remote.js), which adds the operator's
// token: the wasm side never holds it. Answers arrive from the browser's
// event loop through complete(), never inside send().
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>

#include "imgui_ui/api_client.h"

namespace stonks::web {

class HttpApiClient final : public ui::ApiClient {
 public:
  // Sees every answer's status and body before its handler does.
  using Observer = std::function<void(int status, const std::string& body)>;
  void set_observer(Observer observer) { observer_ = std::move(observer); }

  void send(ApiRequest request, ui::ResponseHandler on_response) override;

  // The page's answer to request `id`: the HTTP status and body, or status 0
  // when no HTTP answer came (the body then says why), which becomes a 503
  // in the API's error shape. An unknown id (a client reset meanwhile) is
  // ignored.
  void complete(std::uint32_t id, int status, std::string body);

  // Forgets every request in flight: their answers are dropped unseen.
  void drop_in_flight() { in_flight_.clear(); }

 private:
  Observer observer_;
  std::uint32_t next_id_ = 1;
  std::unordered_map<std::uint32_t, ui::ResponseHandler> in_flight_;
};

}  // namespace stonks::web

// Requests: how panel sections talk to the API. Builds the ApiRequest,
// sends it through the ApiClient and hands the parsed reply back, but only
// while the desk that sent it is alive (a reply may arrive after the desk is
// gone: a remote server answers whenever it answers).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "imgui_ui/api_client.h"
#include "imgui_ui/api_reply.h"

namespace stonks::ui {

class Requests {
 public:
  using OnReply = std::function<void(const ApiReply&)>;

  explicit Requests(ApiClient& client) : client_(client) {}

  // Sends `method target` with `body` as JSON (null: no body); a target may
  // carry a query ("/api/audit?after=0"). `on_reply` runs once, later, on the
  // panel's thread; never after this object is destroyed.
  void send(const char* method, std::string_view target, const nlohmann::json& body, OnReply on_reply);

 private:
  ApiClient& client_;
  // Owned here, watched by every pending reply: expired means the desk is gone.
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace stonks::ui

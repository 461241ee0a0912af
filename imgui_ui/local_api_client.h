// LocalApiClient: an ApiClient over an in-process handler (the browser
// sandbox's ApiRouter or Sandbox::handle). Requests queue up and are answered
// in poll(), which the host calls once per frame, so the panel sees the same
// "answer comes later" timing as against a remote server.
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <utility>

#include "imgui_ui/api_client.h"

namespace stonks::ui {

class LocalApiClient final : public ApiClient {
 public:
  // The handler answers one request; it sets `now` (and `actor`) as the host
  // decides. It must outlive the client.
  using Handler = std::function<ApiResponse(const ApiRequest&)>;

  explicit LocalApiClient(Handler handler) : handler_(std::move(handler)) {}

  // Queues the request; nothing runs until poll().
  void send(ApiRequest request, ResponseHandler on_response) override;

  // Answers the requests queued before this call, oldest first, and runs
  // each one's on_response. Requests sent from inside an on_response wait
  // for the next poll, so one poll never loops. Returns how many it answered.
  std::size_t poll();

  std::size_t queued() const { return queue_.size(); }

 private:
  Handler handler_;
  std::deque<std::pair<ApiRequest, ResponseHandler>> queue_;
};

}  // namespace stonks::ui

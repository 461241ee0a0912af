// LocalApiClient: queue on send(), answer on poll().
#include "imgui_ui/local_api_client.h"

namespace stonks::ui {

void LocalApiClient::send(ApiRequest request, ResponseHandler on_response) {
  queue_.emplace_back(std::move(request), std::move(on_response));
}

std::size_t LocalApiClient::poll() {
  std::deque<std::pair<ApiRequest, ResponseHandler>> batch;
  batch.swap(queue_);
  for (auto& [request, on_response] : batch) {
    const ApiResponse response = handler_(request);
    if (on_response) on_response(response);
  }
  return batch.size();
}

}  // namespace stonks::ui

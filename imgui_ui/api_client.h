// ApiClient: the panel's only way to act. Every operator action is an
// ApiRequest; the answer arrives later (a few frames, over HTTP against a
// server; at the next poll in the browser), so the panel never waits on it.
#pragma once

#include <functional>

#include "api/api_types.h"

namespace stonks::ui {

using ResponseHandler = std::function<void(const ApiResponse&)>;

class ApiClient {
 public:
  virtual ~ApiClient() = default;
  // Queues `request`; `on_response` runs exactly once, on the panel's thread,
  // never from inside send() itself. The host fills in `now` and `actor`.
  virtual void send(ApiRequest request, ResponseHandler on_response) = 0;
};

}  // namespace stonks::ui

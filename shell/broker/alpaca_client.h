// AlpacaClient: one REST request at a time to an Alpaca-shaped API, with the
// key headers. It never retries: AlpacaWorker decides what a failure means.
#pragma once

#include <httplib.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "alpaca_keys.h"
#include "model/status.h"

namespace stonks::alpaca {

struct AlpacaReply {
  bool answered = false;  // false: refused, timed out or dropped (for a POST: maybe done)
  int status = 0;
  nlohmann::json body;  // the parsed JSON body; null when there is none or it is not JSON
  // The broker's "message", else a short excerpt of a text or HTML body, else
  // what went wrong on the wire. Safe to show the operator: never a key.
  std::string message;
  std::optional<std::int64_t> rate_reset;      // X-RateLimit-Reset: unix seconds
  std::optional<std::int64_t> rate_limit;      // X-RateLimit-Limit: requests per window
  std::optional<std::int64_t> rate_remaining;  // X-RateLimit-Remaining: left in this window
  std::chrono::milliseconds latency{0};

  bool ok() const { return answered && status >= 200 && status < 300; }
  // Worth asking again: no answer, a 5xx or a 429.
  bool transient() const { return !answered || status >= 500 || status == 429; }
  // "HTTP 422: client_order_id must be unique", "no answer: Read timeout".
  std::string describe() const;
};

// Accepts "http://host[:port]" and "https://host[:port]" (a trailing slash is
// dropped); kInvalidArgument naming `flag` otherwise.
Result<std::string> normalize_base_url(const std::string& url, const std::string& flag);

// Not thread-safe: one thread (the network worker) owns each client. Keeps
// the connection alive between requests; TLS (with the system's CA
// certificates) for https URLs.
class AlpacaClient {
 public:
  AlpacaClient(const std::string& base_url, AlpacaKeys keys, std::chrono::milliseconds timeout);
  ~AlpacaClient();

  AlpacaReply get(const std::string& path_and_query);
  AlpacaReply post(const std::string& path, const nlohmann::json& body);
  AlpacaReply del(const std::string& path);

  // Called with every reply before it is returned (the worker's BrokerMonitor).
  void on_reply(std::function<void(const AlpacaReply&)> observer) { observer_ = std::move(observer); }

 private:
  AlpacaReply finish(const httplib::Result& result, std::chrono::steady_clock::time_point started);
  static AlpacaReply read_reply(const httplib::Result& result, std::chrono::steady_clock::time_point started);

  AlpacaKeys keys_;
  std::unique_ptr<httplib::Client> http_;
  std::function<void(const AlpacaReply&)> observer_;
};

}  // namespace stonks::alpaca

// The API's request, response and options: plain values, no HTTP library.
#pragma once

#include <cstddef>
#include <string>

#include "model/time.h"

namespace stonks {

struct ApiRequest {
  std::string method;  // "GET", "POST", "PUT", "DELETE" (case-sensitive)
  std::string path;    // "/api/orders/12", without the query
  std::string query;   // raw, after '?': "status=filled&limit=10"
  std::string body;    // JSON text, or empty
  // Who is acting, as the host authenticated them; recorded on every command.
  std::string actor = "operator";
  // Set by a host for a submitter (stonks-server's submitter role: an
  // algorithm's or a signal sender's token): its orders go in under this
  // source only ("strategy:x", "signal:tv"), and it may cancel only the
  // orders it submitted. Empty: an operator, any source.
  std::string fixed_source;
  // The engine's clock for this request: the host's wall clock natively, the
  // simulated clock in the browser.
  Timestamp now{};
};

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON text, always (errors included)
};

struct ApiOptions {
  // Bodies larger than this are refused with 413 before any parsing.
  std::size_t max_body_bytes = 64 * 1024;
  // Lists answer `default_page_size` items unless ?limit= asks for 1..max_page_size.
  std::size_t default_page_size = 100;
  std::size_t max_page_size = 1000;
  // Request bodies nested deeper than this are refused (400).
  int max_json_depth = 32;
};

}  // namespace stonks

// libFuzzer target for the API router. An input is
//
//   METHOD '\n' PATH['?' QUERY] '\n' BODY
//
// (missing lines are empty). Inputs drive one long-lived engine, so later
// inputs meet the state earlier ones built (orders, approvals, lockouts); it
// is rebuilt every kInputsPerEngine inputs to keep the state small. After
// every request the fuzzer checks the router's contract:
//   - the status is one the API documents (never 500);
//   - the body is valid JSON (and so valid UTF-8), an object, and errors carry
//     a string code and message;
//   - a refused request (>= 400) changed nothing: no event appended and the
//     state unchanged, except a 422 risk_rejected order, which appends
//     exactly order_received + order_risk_rejected (the kept order);
//   - reads (GET) never append events.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "api/api_router.h"
#include "core/engine.h"
#include "core/event_log.h"
#include "execution/paper_broker.h"
#include "json/json_values.h"
#include "model/market_data.h"

namespace {

using namespace stonks;

constexpr int kInputsPerEngine = 2000;

[[noreturn]] void fail(const char* what, const ApiRequest& request, const ApiResponse& response) {
  std::fprintf(stderr, "router invariant broken: %s\n  %s %s?%s\n  body: %.300s\n  -> %d %.500s\n", what,
               request.method.c_str(), request.path.c_str(), request.query.c_str(), request.body.c_str(),
               response.status, response.body.c_str());
  std::abort();
}

Symbol symbol(const char* text) { return *Symbol::parse(text); }

Quote quote(const char* ticker, const char* bid, const char* ask) {
  Quote q;
  q.symbol = symbol(ticker);
  q.bid = *Price::parse(bid);
  q.ask = *Price::parse(ask);
  return q;
}

// A funded paper account with prices for two symbols, so orders can fill.
struct World {
  World() : engine(broker, &log), router(engine, log), now(*parse_iso8601("2026-11-24T14:30:00Z")) {
    if (!engine.deposit(Money::from_units(1'000'000), "fuzz", now).is_ok()) std::abort();
    if (!engine.on_quote(quote("AAPL", "99.90", "100.10"), now).is_ok()) std::abort();
    if (!engine.on_quote(quote("MSFT", "199.80", "200.20"), now).is_ok()) std::abort();
  }

  PaperBroker broker;
  EventLog log;
  Engine engine;
  ApiRouter router;
  Timestamp now;
  int inputs = 0;
};

std::unique_ptr<World> world;

bool known_status(int status) {
  switch (status) {
    case 200:
    case 201:
    case 400:
    case 404:
    case 405:
    case 409:
    case 413:
    case 422:
    case 503:
      return true;
    default:
      return false;
  }
}

ApiRequest split(std::string_view data) {
  ApiRequest request;
  std::size_t nl = data.find('\n');
  request.method = std::string(data.substr(0, nl));
  if (nl == std::string_view::npos) return request;
  data.remove_prefix(nl + 1);
  nl = data.find('\n');
  std::string_view target = data.substr(0, nl);
  std::size_t q = target.find('?');
  request.path = std::string(target.substr(0, q));
  if (q != std::string_view::npos) request.query = std::string(target.substr(q + 1));
  if (nl != std::string_view::npos) request.body = std::string(data.substr(nl + 1));
  return request;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (!world || world->inputs >= kInputsPerEngine) world = std::make_unique<World>();
  World& w = *world;
  ++w.inputs;
  // Time moves a little with every input (expiring approvals and lockouts
  // now and then); the host's tick is played every 64 inputs.
  w.now += std::chrono::seconds(7);
  if (w.inputs % 64 == 0 && !w.engine.tick(w.now).is_ok()) std::abort();

  ApiRequest request = split(std::string_view(reinterpret_cast<const char*>(data), size));
  request.now = w.now;

  const EngineState before = w.engine.state();
  const std::size_t events_before = w.log.size();
  ApiResponse response = w.router.handle(request);

  if (!known_status(response.status)) fail("unexpected status", request, response);
  Result<nlohmann::json> body = parse_json(response.body);
  if (!body.is_ok()) fail("body is not valid JSON / UTF-8", request, response);
  if (!body->is_object()) fail("body is not an object", request, response);

  const std::size_t appended = w.log.size() - events_before;
  if (response.status >= 400) {
    const nlohmann::json& error = (*body)["error"];
    if (!error.is_object() || !error["code"].is_string() || !error["message"].is_string())
      fail("error without code and message", request, response);
    if (response.status == 422 && error["code"] == "risk_rejected") {
      // A fresh refusal keeps the order; a resubmitted one appends nothing.
      if (appended == 2) {
        const auto& records = w.log.records();
        if (event_name(records[events_before].event) != std::string_view("order_received") ||
            event_name(records[events_before + 1].event) != std::string_view("order_risk_rejected"))
          fail("risk rejection appended other events", request, response);
      } else if (appended != 0) {
        fail("risk rejection appended an unexpected number of events", request, response);
      }
    } else {
      if (appended != 0) fail("a refused request appended events", request, response);
      if (!(w.engine.state() == before)) fail("a refused request changed the state", request, response);
    }
  } else if (request.method == "GET" && appended != 0) {
    fail("a read appended events", request, response);
  }
  return 0;
}

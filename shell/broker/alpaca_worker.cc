#include "alpaca_worker.h"

#include <algorithm>
#include <cstdio>

#include "alpaca_account.h"
#include "json/json_values.h"

namespace stonks::alpaca {
namespace {

constexpr std::chrono::milliseconds kFirstBackoff{100};
constexpr std::chrono::milliseconds kMaxBackoff{5000};
constexpr std::chrono::seconds kMaxRateHold{60};

std::chrono::milliseconds backoff_delay(int failures) {
  const int shift = std::min(failures - 1, 10);
  return std::min(kMaxBackoff, kFirstBackoff * (1 << std::max(shift, 0)));
}

// A client_order_id is safe in a query as it is: the engine's ids are [A-Za-z0-9._:-].
std::string by_client_order_id_path(const std::string& cid) {
  return "/v2/orders:by_client_order_id?client_order_id=" + cid;
}

Timestamp wall_clock() { return std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now()); }

BrokerUpdate update(BrokerUpdate::Kind kind, OrderId id, BrokerOrder order, std::string message) {
  BrokerUpdate u;
  u.kind = kind;
  u.order_id = id;
  u.order = std::move(order);
  u.message = std::move(message);
  return u;
}

}  // namespace

AlpacaWorker::AlpacaWorker(AlpacaOptions options, AlpacaKeys keys, std::string instance_id,
                           std::function<void()> on_update)
    : options_(std::move(options)),
      instance_id_(std::move(instance_id)),
      on_update_(std::move(on_update)),
      trading_(options_.trading_url, keys, std::chrono::milliseconds(options_.timeout_ms)),
      data_(options_.data_url, std::move(keys), std::chrono::milliseconds(options_.timeout_ms)) {
  trading_.on_reply([this](const AlpacaReply& r) { monitor_.request_ended(r, wall_clock()); });
}

AlpacaWorker::~AlpacaWorker() { stop(); }

void AlpacaWorker::start(std::vector<BrokerWork> reconcile) {
  post(std::move(reconcile));
  thread_ = std::thread([this] { run(); });
}

void AlpacaWorker::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void AlpacaWorker::post(std::vector<BrokerWork> work) {
  if (work.empty()) return;
  {
    std::lock_guard lock(mu_);
    for (BrokerWork& w : work) inbox_.push_back(std::move(w));
  }
  cv_.notify_one();
}

void AlpacaWorker::watch(std::vector<Symbol> symbols) {
  std::lock_guard lock(mu_);
  watched_ = std::move(symbols);
}

std::vector<BrokerUpdate> AlpacaWorker::take_updates() {
  std::lock_guard lock(mu_);
  return std::exchange(outbox_, {});
}

void AlpacaWorker::push(BrokerUpdate u) {
  {
    std::lock_guard lock(mu_);
    outbox_.push_back(std::move(u));
  }
  on_update_();
}

void AlpacaWorker::log(const std::string& line) const {
  std::fprintf(stderr, "stonks-server: broker: %s\n", line.c_str());
}

void AlpacaWorker::take_work() {
  std::deque<BrokerWork> work;
  {
    std::lock_guard lock(mu_);
    work.swap(inbox_);
  }
  for (BrokerWork& w : work) {
    if (w.kind == BrokerWork::Kind::kCancel) {
      auto it = orders_.find(w.order_id);
      if (it != orders_.end() && !it->second.done) it->second.cancel_wanted = true;
      continue;
    }
    Tracked t;
    t.id = w.order_id;
    t.intent = std::move(w.intent);
    t.client_order_id = broker_client_order_id(instance_id_, w.order_id);
    t.reconciling = w.kind == BrokerWork::Kind::kReconcile;
    t.step = t.reconciling ? Step::kLookup : Step::kPost;
    t.maybe_posted = t.reconciling;  // a previous run may have sent it
    if (t.reconciling) ++reconcile_left_;
    orders_[t.id] = std::move(t);
  }
}

void AlpacaWorker::run() {
  for (;;) {
    take_work();
    Clock::time_point now = Clock::now();
    if (now >= hold_until_) {
      for (auto& [id, t] : orders_)
        if (!t.done && t.step != Step::kKnown && t.not_before <= now && Clock::now() >= hold_until_) resolve(t);
      for (auto& [id, t] : orders_)
        if (!t.done && t.step == Step::kKnown && t.cancel_wanted && !t.cancel_sent && t.not_before <= now &&
            Clock::now() >= hold_until_)
          send_cancel(t);
      now = Clock::now();
      if (now >= next_account_ && now >= hold_until_) refresh_account();
      if (now >= next_poll_ && now >= hold_until_) poll_orders();
      if (now >= next_quotes_) poll_quotes();
    }
    std::erase_if(orders_, [](const auto& row) { return row.second.done; });
    if (reconcile_left_ == 0 && !reconciled_sent_) {
      reconciled_sent_ = true;
      push(update(BrokerUpdate::Kind::kReconciled, 0, {}, {}));
    }

    Clock::time_point wake = std::min({next_poll_, next_account_, next_quotes_});
    for (const auto& [id, t] : orders_)
      if (t.step != Step::kKnown || (t.cancel_wanted && !t.cancel_sent)) wake = std::min(wake, t.not_before);
    wake = std::max(wake, hold_until_);
    std::unique_lock lock(mu_);
    cv_.wait_until(lock, wake, [&] { return stopping_ || !inbox_.empty(); });
    if (stopping_) return;
  }
}

void AlpacaWorker::resolve(Tracked& t) {
  if (t.step == Step::kPost && t.cancel_wanted && !t.maybe_posted) {
    push(update(BrokerUpdate::Kind::kWithdrawn, t.id, {}, {}));
    t.done = true;
    settle(t);
    return;
  }
  if (t.step == Step::kPost)
    post_order(t);
  else
    look_up(t);
}

void AlpacaWorker::settle(Tracked& t) {
  if (!t.reconciling) return;
  t.reconciling = false;
  --reconcile_left_;
}

void AlpacaWorker::post_order(Tracked& t) {
  t.maybe_posted = true;
  const AlpacaReply r = trading_.post("/v2/orders", order_request(t.intent, t.client_order_id));
  if (r.ok()) {
    Result<BrokerOrder> o = parse_broker_order(r.body);
    if (o.is_ok()) {
      t.step = Step::kKnown;
      t.failures = 0;
      settle(t);
      seen(t, *o);
      return;
    }
    log("order " + std::to_string(t.id) + ": the POST's answer is unreadable (" + o.status().message() +
        "); looking it up by client_order_id");
    t.step = Step::kLookup;
    return;
  }
  if (r.status == 422 && r.message.find("unique") != std::string::npos) {
    log("order " + std::to_string(t.id) + ": the broker already has " + t.client_order_id + "; fetching it");
    t.step = Step::kLookup;
    return;
  }
  if (r.transient()) {
    if (!hold_for_rate_limit(r)) {
      // Maybe stored: never POST again before the broker says it has not got it.
      log("order " + std::to_string(t.id) + ": " + r.describe() +
          "; looking it up by client_order_id before any resend");
      t.step = Step::kLookup;
    }
    backoff(t, r);
    return;
  }
  log("order " + std::to_string(t.id) + " refused by the broker: " + r.describe());
  push(update(BrokerUpdate::Kind::kRefused, t.id, {}, r.describe()));
  t.done = true;
  settle(t);
}

void AlpacaWorker::look_up(Tracked& t) {
  const AlpacaReply r = trading_.get(by_client_order_id_path(t.client_order_id));
  if (r.ok()) {
    Result<BrokerOrder> o = parse_broker_order(r.body);
    if (!o.is_ok()) {
      log("order " + std::to_string(t.id) + ": unreadable lookup answer: " + o.status().message());
      backoff(t, r);
      return;
    }
    t.step = Step::kKnown;
    t.failures = 0;
    settle(t);
    seen(t, *o);
    return;
  }
  if (r.answered && r.status == 404) {
    t.failures = 0;
    if (t.cancel_wanted) {
      push(update(BrokerUpdate::Kind::kWithdrawn, t.id, {}, {}));
      t.done = true;
      settle(t);
      return;
    }
    log("order " + std::to_string(t.id) + ": the broker never got " + t.client_order_id + "; sending it");
    t.step = Step::kPost;
    post_order(t);
    return;
  }
  hold_for_rate_limit(r);
  log("order " + std::to_string(t.id) + ": lookup failed (" + r.describe() + "); retrying");
  backoff(t, r);
}

void AlpacaWorker::send_cancel(Tracked& t) {
  const AlpacaReply r = trading_.del("/v2/orders/" + t.broker_id);
  if (r.ok()) {
    t.cancel_sent = true;
    next_poll_ = Clock::now();  // the answer is only "requested": a poll tells the end
    return;
  }
  if (r.transient()) {
    hold_for_rate_limit(r);
    backoff(t, r);
    return;
  }
  // 422 (already final or pending_cancel) or 404: see what it is now.
  t.cancel_sent = true;
  log("order " + std::to_string(t.id) + ": cancel answered " + r.describe() + "; fetching it");
  fetch_by_id(t);
}

void AlpacaWorker::fetch_by_id(Tracked& t) {
  const AlpacaReply r = trading_.get("/v2/orders/" + t.broker_id);
  if (!r.ok()) {
    hold_for_rate_limit(r);
    return;  // the next poll tries again
  }
  Result<BrokerOrder> o = parse_broker_order(r.body);
  if (o.is_ok()) seen(t, *o);
}

void AlpacaWorker::poll_orders() {
  const auto started = Clock::now();
  bool any_known = false;
  for (const auto& [id, t] : orders_) any_known = any_known || (!t.done && t.step == Step::kKnown);
  if (!any_known) {
    next_poll_ = started + std::chrono::milliseconds(options_.poll_ms);
    return;
  }
  const AlpacaReply r = trading_.get("/v2/orders?status=open&limit=500&direction=asc");
  if (!r.ok() || !r.body.is_array()) {
    hold_for_rate_limit(r);
    ++poll_failures_;
    next_poll_ = Clock::now() + std::max(backoff_delay(poll_failures_), std::chrono::milliseconds(options_.poll_ms));
    if (poll_failures_ == 1 || poll_failures_ % 10 == 0) log("polling open orders failed: " + r.describe());
    return;
  }
  poll_failures_ = 0;
  std::map<std::string, BrokerOrder> open;
  for (const nlohmann::json& row : r.body) {
    Result<BrokerOrder> o = parse_broker_order(row);
    if (o.is_ok()) open[o->client_order_id] = *o;
  }
  for (auto& [id, t] : orders_) {
    if (t.done || t.step != Step::kKnown) continue;
    auto it = open.find(t.client_order_id);
    if (it != open.end())
      seen(t, it->second);
    else
      fetch_by_id(t);  // it left the open list: final
  }
  next_poll_ = started + std::chrono::milliseconds(options_.poll_ms);
}

void AlpacaWorker::refresh_account() {
  const AlpacaReply r = trading_.get("/v2/account");
  next_account_ = Clock::now() + std::chrono::milliseconds(options_.account_refresh_ms);
  if (!r.answered || r.status >= 500 || r.status == 429) {
    hold_for_rate_limit(r);
    next_account_ = Clock::now() + std::min(std::chrono::milliseconds(options_.account_refresh_ms), kMaxBackoff);
    return;  // no new answer: the last one stands
  }
  bool usable = false;
  if (r.ok()) {
    Result<BrokerAccount> account = parse_account(r.body);
    if (account.is_ok())
      monitor_.account_seen(*account, wall_clock());
    else
      monitor_.unreadable("unreadable account: " + account.status().message(), wall_clock());
  }
  if (r.ok() && r.body.is_object()) {
    const nlohmann::json& a = r.body;
    auto flag = [&](const char* name) { return a.contains(name) && a[name].is_boolean() && a[name].get<bool>(); };
    usable = a.value("status", "") == "ACTIVE" && !flag("trading_blocked") && !flag("account_blocked") &&
             !flag("trade_suspended_by_user");
  }
  if (usable != account_usable_.exchange(usable))
    log(usable ? "the account is active: live trading is possible"
               : "the account cannot trade (" + (r.ok() ? std::string("not ACTIVE or blocked") : r.describe()) +
                     "): live mode is refused");
  if (r.ok()) refresh_positions();
}

void AlpacaWorker::refresh_positions() {
  const AlpacaReply r = trading_.get("/v2/positions");
  if (!r.ok()) {
    hold_for_rate_limit(r);
    return;  // the last answer stands; the monitor shows the failure
  }
  Result<std::vector<BrokerPosition>> positions = parse_positions(r.body);
  if (positions.is_ok())
    monitor_.positions_seen(std::move(positions).value(), wall_clock());
  else
    monitor_.unreadable("unreadable positions: " + positions.status().message(), wall_clock());
}

void AlpacaWorker::poll_quotes() {
  next_quotes_ = Clock::now() + std::chrono::milliseconds(options_.poll_ms);
  std::vector<Symbol> symbols;
  {
    std::lock_guard lock(mu_);
    symbols = watched_;
  }
  if (symbols.empty()) return;
  std::string list;
  for (const Symbol& s : symbols) {
    if (!list.empty()) list += ',';
    list += s.str();
  }
  const AlpacaReply r = data_.get("/v2/stocks/quotes/latest?symbols=" + list);
  if (!r.ok() || !r.body.is_object() || !r.body.contains("quotes") || !r.body["quotes"].is_object()) return;
  for (const auto& [name, q] : r.body["quotes"].items()) {
    Result<Symbol> symbol = Symbol::parse(name);
    if (!symbol.is_ok() || !q.is_object()) continue;
    Result<std::int64_t> bid = micros_from_json(q.value("bp", nlohmann::json()));
    Result<std::int64_t> ask = micros_from_json(q.value("ap", nlohmann::json()));
    if (!bid.is_ok() || !ask.is_ok()) continue;
    Quote quote;
    quote.symbol = *symbol;
    quote.bid = Price::from_micros(*bid);
    quote.ask = Price::from_micros(*ask);
    quote.bid_size = q.value("bs", nlohmann::json()).is_number_integer() ? q["bs"].get<Quantity>() : 0;
    quote.ask_size = q.value("as", nlohmann::json()).is_number_integer() ? q["as"].get<Quantity>() : 0;
    auto [it, fresh] = last_quotes_.try_emplace(quote.symbol, quote);
    if (!fresh && it->second == quote) continue;
    it->second = quote;
    BrokerUpdate u;
    u.kind = BrokerUpdate::Kind::kQuote;
    u.quote = quote;
    push(std::move(u));
  }
}

void AlpacaWorker::seen(Tracked& t, const BrokerOrder& o) {
  t.broker_id = o.id;
  if (is_final_status(o.status)) t.done = true;
  if (o == t.last_posted) return;
  t.last_posted = o;
  push(update(BrokerUpdate::Kind::kOrder, t.id, o, {}));
}

void AlpacaWorker::backoff(Tracked& t, const AlpacaReply&) {
  ++t.failures;
  t.not_before = Clock::now() + backoff_delay(t.failures);
}

bool AlpacaWorker::hold_for_rate_limit(const AlpacaReply& r) {
  if (!r.answered || r.status != 429) return false;
  const auto wall = std::chrono::system_clock::now().time_since_epoch();
  std::chrono::milliseconds wait = kFirstBackoff;
  if (r.rate_reset) {
    wait = std::chrono::seconds(*r.rate_reset) - std::chrono::duration_cast<std::chrono::milliseconds>(wall);
    wait = std::clamp(wait, kFirstBackoff, std::chrono::milliseconds(kMaxRateHold));
  }
  hold_until_ = std::max(hold_until_, Clock::now() + wait);
  log("rate limited (" + r.describe() + "): holding every request for " + std::to_string(wait.count()) + " ms");
  return true;
}

}  // namespace stonks::alpaca

// Generators, printers and a small engine fixture shared by the RapidCheck
// property suites. Header-only: the property binary is the only user.
#pragma once

#include <rapidcheck.h>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/engine.h"
#include "support/engine_harness.h"
#include "support/recording_broker.h"
#include "support/recording_sink.h"

// [SECTION] Printers: how counterexamples show engine types (found by ADL).
namespace stonks {

inline void showValue(const Symbol& s, std::ostream& os) { os << s.str(); }
inline void showValue(Side s, std::ostream& os) { os << to_string(s); }
inline void showValue(OrderType t, std::ostream& os) { os << to_string(t); }
inline void showValue(TradingMode m, std::ostream& os) { os << to_string(m); }
inline void showValue(LockoutSide s, std::ostream& os) { os << to_string(s); }
inline void showValue(LockoutSource s, std::ostream& os) { os << to_string(s); }
inline void showValue(ApprovalStatus s, std::ostream& os) { os << to_string(s); }
inline void showValue(OrderStatus s, std::ostream& os) { os << to_string(s); }
inline void showValue(Price p, std::ostream& os) { os << p.to_string(); }
inline void showValue(Money m, std::ostream& os) { os << m.to_string(); }
inline void showValue(Timestamp t, std::ostream& os) { os << format_iso8601(t); }

inline void showValue(const OrderIntent& in, std::ostream& os) {
  os << to_string(in.side) << ' ' << in.qty << ' ' << in.symbol.str() << ' ' << to_string(in.type);
  if (in.limit_price) os << " @" << in.limit_price->to_string();
}

inline void showValue(const Quote& q, std::ostream& os) {
  os << q.symbol.str() << ' ' << q.bid.to_string() << 'x' << q.bid_size << " / " << q.ask.to_string() << 'x'
     << q.ask_size;
}

inline void showValue(const OperatorApprovalConfig& c, std::ostream& os) {
  os << "{auto_approve_paper=" << c.auto_approve_paper << " require_approval_for_live=" << c.require_approval_for_live
     << " approval_timeout_minutes=" << c.approval_timeout_minutes << " four_eyes=" << c.four_eyes << " rules=[";
  for (const ApprovalRule& r : c.rules) os << '{' << describe_matchers(r) << " -> " << to_string(r.decision) << '}';
  os << "]}";
}

inline void showValue(const RiskConfig& c, std::ostream& os) {
  os << "{operator_approval=";
  showValue(c.operator_approval, os);
  const RiskLimits& l = c.limits;
  os << " limits={max_order_notional=" << l.max_order_notional.to_string()
     << " max_position_notional=" << l.max_position_notional.to_string()
     << " max_gross_exposure=" << l.max_gross_exposure.to_string() << " max_open_orders=" << l.max_open_orders
     << " max_orders_per_window=" << l.max_orders_per_window << " rate_window_seconds=" << l.rate_window_seconds
     << " max_daily_loss=" << l.max_daily_loss.to_string() << " limit_price_band_bps=" << l.limit_price_band_bps
     << " allow_short=" << l.allow_short << " tradable_symbols=" << l.tradable_symbols.size() << '}';
  const GuardConfig& g = c.guards;
  os << " guards={cooldown_after_fill_seconds=" << g.cooldown_after_fill_seconds
     << " cooldown_after_loss_seconds=" << g.cooldown_after_loss_seconds
     << " news_shock_severity=" << g.news_shock_severity
     << " news_shock_lockout_minutes=" << g.news_shock_lockout_minutes << " price_shock_bps=" << g.price_shock_bps
     << '}';
  os << " paper={slippage_bps=" << c.paper.slippage_bps << " fee_bps=" << c.paper.fee_bps
     << " fee_per_fill=" << c.paper.fee_per_fill.to_string() << "}}";
}

}  // namespace stonks

namespace stonks::props {

// [SECTION] The symbol universe and its prices.

inline const std::vector<std::string>& tickers() {
  static const std::vector<std::string> kTickers = {"AAPL", "MSFT", "BRK.B", "TSLA"};
  return kTickers;
}

inline Symbol symbol_of(const std::string& ticker) {
  Result<Symbol> s = Symbol::parse(ticker);
  if (!s.is_ok()) RC_FAIL("bad ticker in the test universe: " + ticker);
  return *s;
}

// A reference price per symbol, in cents; quotes stay within +-5% of it.
inline std::int64_t base_cents(const Symbol& s) {
  const std::string& t = s.str();
  if (t == "AAPL") return 10'000;
  if (t == "MSFT") return 20'000;
  if (t == "BRK.B") return 40'000;
  return 25'000;  // TSLA
}

inline Price cents(std::int64_t c) { return Price::from_micros(c * 10'000); }
inline Money dollars(std::int64_t units) { return Money::from_units(units); }

// [SECTION] Generators.

inline rc::Gen<Symbol> genSymbol() {
  return rc::gen::map(rc::gen::elementOf(tickers()), [](const std::string& t) { return symbol_of(t); });
}

inline rc::Gen<Side> genSide() { return rc::gen::element(Side::kBuy, Side::kSell); }

inline rc::Gen<Quantity> genQty() { return rc::gen::inRange<Quantity>(1, 10'001); }

inline rc::Gen<LockoutSide> genLockoutSide() {
  return rc::gen::element(LockoutSide::kBoth, LockoutSide::kBuy, LockoutSide::kSell);
}

inline rc::Gen<TradingMode> genMode() {
  return rc::gen::element(TradingMode::kDisabled, TradingMode::kPaper, TradingMode::kLive);
}

inline rc::Gen<int> genTimeoutMinutes() {
  return rc::gen::weightedOneOf<int>({{3, rc::gen::inRange(1, 121)},
                                      {1, rc::gen::inRange(1, OperatorApprovalConfig::kMaxTimeoutMinutes + 1)},
                                      {1, rc::gen::element(1, OperatorApprovalConfig::kMaxTimeoutMinutes)}});
}

// Sources orders come from, and the patterns rules match them with.
inline const std::vector<std::string>& order_sources() {
  static const std::vector<std::string> v = {"manual", "strategy:sma", "strategy:mean_reversion", "signal:tv",
                                             "signal:other"};
  return v;
}
inline const std::vector<std::string>& source_patterns() {
  static const std::vector<std::string> v = {"manual",    "strategy:sma", "strategy:*",
                                             "signal:tv", "signal:*",     "strategy:mean_reversion"};
  return v;
}

// A valid rule: one to all of the matchers (tickers from `allowed`, which
// must not be empty when given), either decision.
inline rc::Gen<ApprovalRule> genRule(std::vector<Symbol> allowed) {
  return rc::gen::exec([allowed] {
    ApprovalRule r;
    while (r.source == std::nullopt && r.tickers.empty() && !r.side && !r.type && !r.notional_min && !r.notional_max &&
           !r.exposure) {
      if (*rc::gen::arbitrary<bool>()) r.source = *rc::gen::elementOf(source_patterns());
      if (!allowed.empty() && *rc::gen::weightedOneOf<bool>({{2, rc::gen::just(false)}, {1, rc::gen::just(true)}})) {
        const int n = *rc::gen::inRange(1, 4);
        for (int i = 0; i < n; ++i) {
          const Symbol s = *rc::gen::elementOf(allowed);
          if (std::find(r.tickers.begin(), r.tickers.end(), s) == r.tickers.end()) r.tickers.push_back(s);
        }
      }
      if (*rc::gen::weightedOneOf<bool>({{2, rc::gen::just(false)}, {1, rc::gen::just(true)}})) r.side = *genSide();
      if (*rc::gen::weightedOneOf<bool>({{3, rc::gen::just(false)}, {1, rc::gen::just(true)}}))
        r.type = *rc::gen::element(OrderType::kMarket, OrderType::kLimit);
      if (*rc::gen::weightedOneOf<bool>({{2, rc::gen::just(false)}, {1, rc::gen::just(true)}})) {
        const std::int64_t a = *rc::gen::inRange<std::int64_t>(0, 200'000);
        const std::int64_t b = *rc::gen::inRange<std::int64_t>(a, 400'000);
        const int which = *rc::gen::inRange(0, 3);  // min, max or both
        if (which != 1) r.notional_min = dollars(a);
        if (which != 0) r.notional_max = dollars(b);
      }
      if (*rc::gen::weightedOneOf<bool>({{3, rc::gen::just(false)}, {1, rc::gen::just(true)}}))
        r.exposure = *rc::gen::element(ExposureEffect::kIncreases, ExposureEffect::kReduces);
    }
    r.decision = *rc::gen::element(RuleDecision::kRequireApproval, RuleDecision::kAutoApprove);
    return r;
  });
}

// 0-6 rules, usually few.
inline rc::Gen<std::vector<ApprovalRule>> genRules(const std::vector<Symbol>& allowed) {
  return rc::gen::exec([allowed] {
    const int n = *rc::gen::weightedOneOf<int>({{2, rc::gen::just(0)}, {3, rc::gen::inRange(1, 7)}});
    std::vector<ApprovalRule> rules;
    for (int i = 0; i < n; ++i) rules.push_back(*genRule(allowed));
    return rules;
  });
}

inline std::vector<Symbol> universe() {
  std::vector<Symbol> out;
  for (const std::string& t : tickers()) out.push_back(symbol_of(t));
  return out;
}

// The tickers a rule may name now: priced by the market, and tradable when
// a tradable list is set (Engine::update_config refuses others).
inline std::vector<Symbol> priced_tradable(const EngineState& s) {
  std::vector<Symbol> out;
  const std::vector<Symbol>& tradable = s.config.limits.tradable_symbols;
  for (const Symbol& sym : universe())
    if (s.market.last_price(sym) &&
        (tradable.empty() || std::find(tradable.begin(), tradable.end(), sym) != tradable.end()))
      out.push_back(sym);
  return out;
}

// Any valid approval section, rules naming only tickers of `allowed`.
inline rc::Gen<OperatorApprovalConfig> genApprovalConfig(std::vector<Symbol> allowed = universe()) {
  return rc::gen::exec([allowed] {
    OperatorApprovalConfig c;
    c.auto_approve_paper = *rc::gen::arbitrary<bool>();
    c.require_approval_for_live = *rc::gen::arbitrary<bool>();
    c.approval_timeout_minutes = *genTimeoutMinutes();
    c.four_eyes = *rc::gen::weightedOneOf<bool>({{3, rc::gen::just(false)}, {1, rc::gen::just(true)}});
    c.rules = *genRules(allowed);
    return c;
  });
}

// A quote for `s` with its mid within +-5% of the base price, a spread of
// 1..40 cents and, when `sized`, random sizes (0 means unknown size).
inline rc::Gen<Quote> genQuote(Symbol s, bool sized = false) {
  return rc::gen::exec([s, sized] {
    const std::int64_t base = base_cents(s);
    const std::int64_t mid = base + base * *rc::gen::inRange<std::int64_t>(-500, 501) / 10'000;
    const std::int64_t spread = *rc::gen::inRange<std::int64_t>(1, 41);
    Quote q;
    q.symbol = s;
    q.bid = cents(mid - spread / 2);
    q.ask = cents(mid - spread / 2 + spread);
    if (sized) {
      q.bid_size = *rc::gen::weightedOneOf<Quantity>(
          {{1, rc::gen::just<Quantity>(0)}, {2, rc::gen::inRange<Quantity>(1, 5'001)}});
      q.ask_size = *rc::gen::weightedOneOf<Quantity>(
          {{1, rc::gen::just<Quantity>(0)}, {2, rc::gen::inRange<Quantity>(1, 5'001)}});
    }
    return q;
  });
}

// An intent for `s`: market, or limit within +-3% of `reference` (cents).
inline rc::Gen<OrderIntent> genIntentFor(Symbol s, Price reference) {
  return rc::gen::exec([s, reference] {
    OrderIntent in;
    in.symbol = s;
    in.side = *genSide();
    in.qty = *genQty();
    if (*rc::gen::arbitrary<bool>()) {
      const std::int64_t ref = reference.micros() / 10'000;
      const std::int64_t limit = ref + ref * *rc::gen::inRange<std::int64_t>(-300, 301) / 10'000;
      in.type = OrderType::kLimit;
      in.limit_price = cents(std::max<std::int64_t>(limit, 1));
    }
    return in;
  });
}

// An intent on any symbol of the universe, priced near its current quote in
// `market` (or its base price when it has none).
// The prices are copied: RapidCheck re-runs generators while shrinking,
// after the engine they came from is gone.
inline rc::Gen<OrderIntent> genIntent(const MarketState& market) {
  std::map<Symbol, Price> reference;
  for (const std::string& t : tickers()) {
    const Symbol s = symbol_of(t);
    std::optional<Price> last = market.last_price(s);
    reference[s] = last ? *last : cents(base_cents(s));
  }
  return rc::gen::exec([reference] {
    const Symbol s = *genSymbol();
    return *genIntentFor(s, reference.at(s));
  });
}

// Mostly `generous`, sometimes one of the tight values.
template <class T>
T mostly(T generous, std::initializer_list<T> tight) {
  return *rc::gen::weightedOneOf<T>({{3, rc::gen::just(generous)}, {1, rc::gen::elementOf(std::vector<T>(tight))}});
}

// Limits from tight (many orders fail) to generous (almost none do).
inline rc::Gen<RiskLimits> genLimits() {
  return rc::gen::exec([] {
    RiskLimits l;
    l.max_order_notional = dollars(mostly<std::int64_t>(100'000'000, {5'000, 100'000, 1'000'000}));
    l.max_position_notional = dollars(mostly<std::int64_t>(100'000'000, {10'000, 250'000}));
    l.max_gross_exposure = dollars(mostly<std::int64_t>(100'000'000, {50'000, 1'000'000}));
    l.max_open_orders = mostly(100'000, {1, 3, 100});
    l.max_orders_per_window = mostly(1'000'000, {1, 2, 5, 600});
    l.rate_window_seconds = *rc::gen::element(1, 60, 3'600);
    l.max_daily_loss = dollars(mostly<std::int64_t>(100'000'000, {100, 10'000}));
    l.limit_price_band_bps = mostly(10'000, {0, 100, 1'000});
    l.allow_short = *rc::gen::weightedOneOf<bool>({{3, rc::gen::just(true)}, {1, rc::gen::just(false)}});
    if (*rc::gen::weightedOneOf<bool>({{4, rc::gen::just(false)}, {1, rc::gen::just(true)}})) {
      // A tradable list that leaves some of the universe out.
      for (const std::string& t : tickers())
        if (*rc::gen::arbitrary<bool>()) l.tradable_symbols.push_back(symbol_of(t));
    }
    return l;
  });
}

inline rc::Gen<PaperFillConfig> genPaperFill() {
  return rc::gen::exec([] {
    PaperFillConfig p;
    p.slippage_bps = *rc::gen::weightedOneOf<int>({{1, rc::gen::just(0)}, {3, rc::gen::inRange(0, 201)}});
    p.fee_bps = *rc::gen::weightedOneOf<int>({{1, rc::gen::just(0)}, {3, rc::gen::inRange(0, 51)}});
    p.fee_per_fill = Money::from_micros(*rc::gen::weightedOneOf<std::int64_t>(
        {{1, rc::gen::just<std::int64_t>(0)}, {3, rc::gen::inRange<std::int64_t>(0, 5'000'001)}}));
    return p;
  });
}

// The same without rules: for models that know only the mode's default.
inline rc::Gen<OperatorApprovalConfig> genApprovalConfigWithoutRules() {
  return rc::gen::map(genApprovalConfig(), [](OperatorApprovalConfig c) {
    c.rules.clear();
    return c;
  });
}

// Any valid config: approval section, limits and paper fills all vary.
inline rc::Gen<RiskConfig> genRiskConfig() {
  return rc::gen::exec([] {
    RiskConfig c;
    c.limits = *genLimits();
    // Rule tickers must be tradable when a tradable list is set.
    c.operator_approval =
        *genApprovalConfig(c.limits.tradable_symbols.empty() ? universe() : c.limits.tradable_symbols);
    c.paper = *genPaperFill();
    c.guards.cooldown_after_loss_seconds = *rc::gen::element(0, 60, 300);
    c.guards.cooldown_after_fill_seconds = *rc::gen::element(0, 0, 30);
    return c;
  });
}

// Limits nothing in these tests comes near: risk passes unless the mode, a
// lockout or missing data says otherwise. Guards that lock symbols on their
// own (cooldowns, price shocks) are off; news shocks stay at the defaults.
inline RiskConfig generous_config() {
  RiskConfig c;
  RiskLimits& l = c.limits;
  l.max_order_notional = dollars(100'000'000'000);
  l.max_position_notional = dollars(100'000'000'000);
  l.max_gross_exposure = dollars(500'000'000'000);
  l.max_open_orders = 100'000;
  l.max_orders_per_window = 1'000'000;
  l.rate_window_seconds = 1;
  l.max_daily_loss = dollars(500'000'000'000);
  l.limit_price_band_bps = 10'000;
  l.allow_short = true;
  c.guards.cooldown_after_fill_seconds = 0;
  c.guards.cooldown_after_loss_seconds = 0;
  c.guards.price_shock_bps = 0;
  return c;
}

// [SECTION] Assertions on Status/Result.

inline void require_ok(const Status& st, const std::string& what) {
  if (!st.is_ok()) RC_FAIL(what + " failed: " + st.to_string());
}

template <class T>
const T& require_ok(const Result<T>& r, const std::string& what) {
  if (!r.is_ok()) RC_FAIL(what + " failed: " + r.status().to_string());
  return *r;
}

// [SECTION] An engine with a recording broker and sink and a manual clock.

struct PropEngine {
  explicit PropEngine(const RiskConfig& config = RiskConfig(), Money deposit = dollars(1'000'000'000))
      : engine(broker, &sink), now(stonks::testing::test_epoch()) {
    require_ok(engine.deposit(deposit, "test", now), "deposit");
    require_ok(engine.update_config(config, "test", now), "update_config");
  }

  void quote(const Quote& q) { require_ok(engine.on_quote(q, now), "on_quote"); }
  // A quote for every symbol of the universe except those in `skip`.
  void quote_universe(const std::vector<std::string>& skip = {}) {
    for (const std::string& t : tickers())
      if (std::find(skip.begin(), skip.end(), t) == skip.end()) quote(*genQuote(symbol_of(t)));
  }
  void mode(TradingMode m) { require_ok(engine.set_mode(m, "operator", now), "set_mode"); }
  Order submit(const OrderIntent& in) { return require_ok(engine.submit_order(in, now), "submit_order"); }
  const EngineState& state() const { return engine.state(); }

  stonks::testing::RecordingBroker broker;
  stonks::testing::RecordingSink sink;
  Engine engine;
  Timestamp now;
};

// The requests that refer to order `id` (there should be at most one).
inline std::vector<const ApprovalRequest*> requests_for(const EngineState& s, OrderId id) {
  std::vector<const ApprovalRequest*> out;
  for (const auto& [aid, r] : s.approvals.all())
    if (r.order_id == id) out.push_back(&r);
  return out;
}

inline bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace stonks::props

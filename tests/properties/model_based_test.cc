// A model-based test of the approval/lockout state machine: random command
// sequences run against the engine and against a small reference model of
// approvals, lockouts and broker submissions; after every command the two
// must agree. The model knows the spec (DESIGN.md's approval table, expiry at
// expires_at, lockouts active while now < expires_at and not removed), not the
// engine's code: it never calls the engine to compute an expectation.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>
#include <rapidcheck/state.h>

#include <map>
#include <optional>
#include <set>

#include "properties/property_support.h"

namespace stonks::props {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

// [SECTION] The reference model.

enum class MOrderState { kRiskRejected, kPending, kRejected, kExpired, kCancelled, kAtBroker };

const char* name(MOrderState s) {
  switch (s) {
    case MOrderState::kRiskRejected:
      return "risk_rejected";
    case MOrderState::kPending:
      return "pending";
    case MOrderState::kRejected:
      return "rejected";
    case MOrderState::kExpired:
      return "expired";
    case MOrderState::kCancelled:
      return "cancelled";
    case MOrderState::kAtBroker:
      return "at_broker";
  }
  return "?";
}

struct MOrder {
  Symbol symbol;
  Side side = Side::kBuy;
  OrderType type = OrderType::kMarket;
  MOrderState state = MOrderState::kRiskRejected;
  std::optional<std::size_t> approval;  // index into Model::approvals
};

struct MApproval {
  std::size_t order = 0;  // index into Model::orders
  Timestamp expires_at{};
  ApprovalStatus status = ApprovalStatus::kPending;
};

struct MLockout {
  Symbol symbol;
  LockoutSide side = LockoutSide::kBoth;
  LockoutSource source = LockoutSource::kManual;
  Timestamp expires_at{};
  bool removed = false;
  bool expired = false;  // marked by a tick at or after expires_at
  bool active_at(Timestamp now) const { return !removed && now < expires_at; }
  bool bars(const Symbol& s, Side order_side, Timestamp now) const {
    const bool side_matches = side == LockoutSide::kBoth || (side == LockoutSide::kBuy) == (order_side == Side::kBuy);
    return symbol == s && side_matches && active_at(now);
  }
};

struct Model {
  Timestamp now{};
  TradingMode mode = TradingMode::kPaper;
  OperatorApprovalConfig approval;
  int news_severity = 0;        // news at or above locks the symbol ...
  int news_minutes = 0;         // ... for this long (unless a news lockout is active)
  std::map<Symbol, Price> mid;  // where limit prices are drawn around
  std::vector<MOrder> orders;
  std::vector<MApproval> approvals;
  std::vector<MLockout> lockouts;
  std::vector<std::size_t> broker;  // order indices, in the order they reached the broker

  // DESIGN.md's table.
  bool gated() const {
    switch (mode) {
      case TradingMode::kDisabled:
        return false;
      case TradingMode::kPaper:
        return !approval.auto_approve_paper;
      case TradingMode::kLive:
        return approval.require_approval_for_live;
    }
    return true;
  }
  bool locked(const Symbol& s, Side side) const {
    for (const MLockout& l : lockouts)
      if (l.bars(s, side, now)) return true;
    return false;
  }
  // With limits nothing comes near, only the mode and lockouts fail risk.
  bool passes_risk(const Symbol& s, Side side) const { return mode != TradingMode::kDisabled && !locked(s, side); }

  void send(std::size_t order) {
    orders[order].state = MOrderState::kAtBroker;
    broker.push_back(order);
  }
};

// [SECTION] The system under test: the engine and the ids it assigned, by the
// model's indices (ids appear in creation order).

struct Sut {
  explicit Sut(const RiskConfig& config) : p(config, dollars(100'000'000'000)) {}

  void sync() {
    const EngineState& s = p.state();
    for (const auto& [id, o] : s.orders)
      if (orders.empty() || id > orders.back()) orders.push_back(id);
    for (const auto& [id, r] : s.approvals.all())
      if (approvals.empty() || id > approvals.back()) approvals.push_back(id);
    for (const auto& [id, l] : s.lockouts.all())
      if (lockouts.empty() || id > lockouts.back()) lockouts.push_back(id);
  }

  PropEngine p;
  std::vector<OrderId> orders;
  std::vector<ApprovalId> approvals;
  std::vector<LockoutId> lockouts;
};

bool order_state_matches(MOrderState m, OrderType type, OrderStatus s) {
  switch (m) {
    case MOrderState::kRiskRejected:
      return s == OrderStatus::kRiskRejected;
    case MOrderState::kPending:
      return s == OrderStatus::kPendingApproval;
    case MOrderState::kRejected:
      return s == OrderStatus::kRejected;
    case MOrderState::kExpired:
      return s == OrderStatus::kExpired;
    case MOrderState::kCancelled:
      return s == OrderStatus::kCancelled;
    case MOrderState::kAtBroker:
      // Quotes carry no size here: a market order fills at once; a limit
      // order rests until the quote crosses it.
      if (type == OrderType::kMarket) return s == OrderStatus::kFilled;
      return s == OrderStatus::kSubmitted || s == OrderStatus::kPartiallyFilled || s == OrderStatus::kFilled;
  }
  return false;
}

// Everything the model knows, compared with the engine.
void check_agrees(const Model& m, Sut& sut) {
  sut.sync();
  const EngineState& s = sut.p.state();
  RC_ASSERT(s.mode == m.mode);
  RC_ASSERT(s.config.operator_approval == m.approval);

  RC_ASSERT(sut.orders.size() == m.orders.size());
  for (std::size_t i = 0; i < m.orders.size(); ++i) {
    const MOrder& mo = m.orders[i];
    const Order& o = s.orders.at(sut.orders[i]);
    RC_ASSERT(o.intent().symbol == mo.symbol);
    RC_ASSERT(o.intent().side == mo.side);
    if (!order_state_matches(mo.state, mo.type, o.status()))
      RC_FAIL("order #" + std::to_string(i) + " (id " + std::to_string(o.id()) + "): model " + name(mo.state) +
              ", engine " + to_string(o.status()));
    RC_ASSERT(o.approval_id() == (mo.approval ? sut.approvals.at(*mo.approval) : ApprovalId{0}));
  }

  RC_ASSERT(sut.approvals.size() == m.approvals.size());
  for (std::size_t j = 0; j < m.approvals.size(); ++j) {
    const MApproval& ma = m.approvals[j];
    const ApprovalRequest* r = s.approvals.find(sut.approvals[j]);
    RC_ASSERT(r != nullptr);
    if (r->status != ma.status)
      RC_FAIL("approval #" + std::to_string(j) + " (id " + std::to_string(r->id) + "): model " + to_string(ma.status) +
              ", engine " + to_string(r->status));
    RC_ASSERT(r->expires_at == ma.expires_at);
    RC_ASSERT(r->order_id == sut.orders.at(ma.order));
  }

  RC_ASSERT(sut.lockouts.size() == m.lockouts.size());
  std::set<LockoutId> expected_active;
  for (std::size_t k = 0; k < m.lockouts.size(); ++k) {
    const MLockout& ml = m.lockouts[k];
    const Lockout* l = s.lockouts.find(sut.lockouts[k]);
    RC_ASSERT(l != nullptr);
    RC_ASSERT(l->symbol == ml.symbol);
    RC_ASSERT(l->side == ml.side);
    RC_ASSERT(l->source == ml.source);
    RC_ASSERT(l->expires_at == ml.expires_at);
    RC_ASSERT(l->removed_at.has_value() == ml.removed);
    RC_ASSERT(l->expired == ml.expired);
    if (ml.active_at(m.now)) expected_active.insert(l->id);
  }
  std::set<LockoutId> active;
  for (const Lockout* l : s.lockouts.active(m.now)) active.insert(l->id);
  RC_ASSERT(active == expected_active);

  std::vector<OrderId> expected_sent;
  for (std::size_t i : m.broker) expected_sent.push_back(sut.orders.at(i));
  RC_ASSERT(sut.p.broker.submitted == expected_sent);
}

using Cmd = rc::state::Command<Model, Sut>;

// An approval or lockout id the engine never assigned (ids stay far below).
rc::Gen<std::uint64_t> genInvalidId() {
  return rc::gen::oneOf(rc::gen::just<std::uint64_t>(0), rc::gen::inRange<std::uint64_t>(1'000'000, 2'000'000),
                        rc::gen::just(std::numeric_limits<std::uint64_t>::max()));
}

// Picks an index into a list of `size`, or nothing (use an invalid id).
// Indices in `likely` (the ones where something can still happen) are
// preferred, so sequences do not spend themselves on conflicts.
std::optional<std::size_t> pick_index(std::size_t size, const std::vector<std::size_t>& likely = {}) {
  const int kind = *rc::gen::weightedOneOf<int>({{1, rc::gen::just(0)}, {3, rc::gen::just(1)}, {4, rc::gen::just(2)}});
  if (size == 0 || kind == 0) return std::nullopt;
  if (kind == 2 && !likely.empty()) return *rc::gen::elementOf(likely);
  return *rc::gen::inRange<std::size_t>(0, size);
}

// [SECTION] Commands.

struct SubmitOrder : Cmd {
  OrderIntent intent;
  explicit SubmitOrder(const Model& m) {
    const Symbol s = *genSymbol();
    intent = *genIntentFor(s, m.mid.at(s));
  }
  void apply(Model& m) const override {
    MOrder o;
    o.symbol = intent.symbol;
    o.side = intent.side;
    o.type = intent.type;
    const std::size_t index = m.orders.size();
    m.orders.push_back(o);
    if (!m.passes_risk(intent.symbol, intent.side)) {
      m.orders[index].state = MOrderState::kRiskRejected;
    } else if (m.gated()) {
      m.orders[index].state = MOrderState::kPending;
      m.orders[index].approval = m.approvals.size();
      m.approvals.push_back({index, m.now + minutes(m.approval.approval_timeout_minutes), ApprovalStatus::kPending});
    } else {
      m.send(index);
    }
  }
  void run(const Model& m, Sut& sut) const override {
    require_ok(sut.p.engine.submit_order(intent, m.now).status(), "submit_order");
    check_agrees(nextState(m), sut);
  }
  void show(std::ostream& os) const override {
    os << "submit ";
    showValue(intent, os);
  }
};

struct DecideApproval : Cmd {
  std::optional<std::size_t> index;
  std::uint64_t invalid_id = 0;
  bool approve = true;
  explicit DecideApproval(const Model& m) {
    std::vector<std::size_t> open;
    for (std::size_t j = 0; j < m.approvals.size(); ++j)
      if (decidable(m, j)) open.push_back(j);
    index = pick_index(m.approvals.size(), open);
    if (!index) invalid_id = *genInvalidId();
    approve = *rc::gen::arbitrary<bool>();
  }
  void checkPreconditions(const Model& m) const override { RC_PRE(!index || *index < m.approvals.size()); }
  // Decidable: pending and not yet past its expiry.
  static bool decidable(const Model& m, std::size_t j) {
    return m.approvals[j].status == ApprovalStatus::kPending && m.now < m.approvals[j].expires_at;
  }
  void apply(Model& m) const override {
    if (!index || !decidable(m, *index)) return;
    MApproval& a = m.approvals[*index];
    MOrder& o = m.orders[a.order];
    if (!approve) {
      a.status = ApprovalStatus::kRejected;
      o.state = MOrderState::kRejected;
      return;
    }
    a.status = ApprovalStatus::kApproved;
    // The re-check against the state of this moment.
    if (m.passes_risk(o.symbol, o.side)) {
      m.send(a.order);
    } else {
      o.state = MOrderState::kRejected;
    }
  }
  void run(const Model& m, Sut& sut) const override {
    const ApprovalId id = index ? sut.approvals.at(*index) : invalid_id;
    Result<ApprovalOutcome> r = sut.p.engine.decide_approval(id, approve, "operator", "property test", m.now);
    const StatusCode expected = !index                 ? StatusCode::kNotFound
                                : decidable(m, *index) ? StatusCode::kOk
                                                       : StatusCode::kConflict;
    if (r.status().code() != expected)
      RC_FAIL(std::string("decide_approval: expected ") + to_string(expected) + ", got " + r.status().to_string());
    check_agrees(nextState(m), sut);
  }
  void show(std::ostream& os) const override {
    os << (approve ? "approve " : "reject ");
    if (index)
      os << "approval #" << *index;
    else
      os << "invalid id " << invalid_id;
  }
};

struct CancelOrder : Cmd {
  std::optional<std::size_t> index;
  std::uint64_t invalid_id = 0;
  explicit CancelOrder(const Model& m) {
    std::vector<std::size_t> cancellable;  // not at the broker (see checkPreconditions)
    for (std::size_t i = 0; i < m.orders.size(); ++i)
      if (m.orders[i].state != MOrderState::kAtBroker) cancellable.push_back(i);
    index = pick_index(cancellable.empty() ? 0 : m.orders.size(), cancellable);
    if (index && m.orders[*index].state == MOrderState::kAtBroker) index = cancellable.at(0);
    if (!index) invalid_id = *genInvalidId();
  }
  // Orders at the broker may or may not have filled: the model cannot say
  // what cancelling them does, so it does not try.
  void checkPreconditions(const Model& m) const override {
    RC_PRE(!index || (*index < m.orders.size() && m.orders[*index].state != MOrderState::kAtBroker));
  }
  void apply(Model& m) const override {
    if (!index || m.orders[*index].state != MOrderState::kPending) return;
    MOrder& o = m.orders[*index];
    o.state = MOrderState::kCancelled;
    m.approvals[*o.approval].status = ApprovalStatus::kRejected;
  }
  void run(const Model& m, Sut& sut) const override {
    const OrderId id = index ? sut.orders.at(*index) : invalid_id;
    Result<Order> r = sut.p.engine.cancel_order(id, "operator", "property test", m.now);
    const StatusCode expected = !index                                            ? StatusCode::kNotFound
                                : m.orders[*index].state == MOrderState::kPending ? StatusCode::kOk
                                                                                  : StatusCode::kConflict;
    if (r.status().code() != expected)
      RC_FAIL(std::string("cancel_order: expected ") + to_string(expected) + ", got " + r.status().to_string());
    check_agrees(nextState(m), sut);
  }
  void show(std::ostream& os) const override {
    os << "cancel ";
    if (index)
      os << "order #" << *index;
    else
      os << "invalid id " << invalid_id;
  }
};

// Time passes; with `tick`, the engine is told (and expires what is due).
struct AdvanceTime : Cmd {
  Duration by{};
  bool tick = true;
  explicit AdvanceTime(const Model& m) {
    tick = *rc::gen::weightedOneOf<bool>({{3, rc::gen::just(true)}, {1, rc::gen::just(false)}});
    std::vector<Timestamp> expiries;
    for (const MApproval& a : m.approvals)
      if (a.status == ApprovalStatus::kPending && a.expires_at > m.now) expiries.push_back(a.expires_at);
    for (const MLockout& l : m.lockouts)
      if (l.active_at(m.now)) expiries.push_back(l.expires_at);
    if (!expiries.empty() && *rc::gen::weightedOneOf<bool>({{1, rc::gen::just(true)}, {2, rc::gen::just(false)}})) {
      // Exactly at, or a microsecond before, something's expiry.
      const Timestamp target = *rc::gen::elementOf(expiries);
      by = target - m.now - Duration(*rc::gen::inRange(0, 2));
    } else {
      by = seconds(*rc::gen::weightedOneOf<int>(
          {{3, rc::gen::inRange(0, 10 * 60 + 1)}, {1, rc::gen::inRange(0, 2 * 3600 + 1)}}));
    }
  }
  void apply(Model& m) const override {
    m.now += by;
    if (!tick) return;
    for (MApproval& a : m.approvals) {
      if (a.status == ApprovalStatus::kPending && a.expires_at <= m.now) {
        a.status = ApprovalStatus::kExpired;
        m.orders[a.order].state = MOrderState::kExpired;
      }
    }
    for (MLockout& l : m.lockouts)
      if (!l.removed && !l.expired && l.expires_at <= m.now) l.expired = true;
  }
  void run(const Model& m, Sut& sut) const override {
    const Model next = nextState(m);
    if (tick) require_ok(sut.p.engine.tick(next.now), "tick");
    check_agrees(next, sut);
  }
  void show(std::ostream& os) const override {
    os << (tick ? "tick after " : "advance clock by ") << by.count() << "us";
  }
};

struct CreateLockout : Cmd {
  LockoutRequest request;
  explicit CreateLockout(const Model&) {
    request.symbol = *genSymbol();
    request.side = *genLockoutSide();
    request.reason = "operator hold";
    request.created_by = "operator";
    request.duration_minutes = *rc::gen::weightedOneOf<int>(
        {{4, rc::gen::inRange(1, 241)}, {1, rc::gen::inRange(1, Lockout::kMaxDurationMinutes + 1)}});
  }
  void apply(Model& m) const override {
    m.lockouts.push_back(
        {request.symbol, request.side, LockoutSource::kManual, m.now + minutes(request.duration_minutes)});
  }
  void run(const Model& m, Sut& sut) const override {
    require_ok(sut.p.engine.create_lockout(request, m.now).status(), "create_lockout");
    check_agrees(nextState(m), sut);
  }
  void show(std::ostream& os) const override {
    os << "lock " << request.symbol.str() << " (" << to_string(request.side) << ") for " << request.duration_minutes
       << "min";
  }
};

struct RemoveLockout : Cmd {
  std::optional<std::size_t> index;
  std::uint64_t invalid_id = 0;
  explicit RemoveLockout(const Model& m) {
    std::vector<std::size_t> active;
    for (std::size_t k = 0; k < m.lockouts.size(); ++k)
      if (m.lockouts[k].active_at(m.now)) active.push_back(k);
    index = pick_index(m.lockouts.size(), active);
    if (!index) invalid_id = *genInvalidId();
  }
  void checkPreconditions(const Model& m) const override { RC_PRE(!index || *index < m.lockouts.size()); }
  void apply(Model& m) const override {
    if (index && m.lockouts[*index].active_at(m.now)) m.lockouts[*index].removed = true;
  }
  void run(const Model& m, Sut& sut) const override {
    const LockoutId id = index ? sut.lockouts.at(*index) : invalid_id;
    Result<Lockout> r = sut.p.engine.remove_lockout(id, "operator", m.now);
    const StatusCode expected = !index                                ? StatusCode::kNotFound
                                : m.lockouts[*index].active_at(m.now) ? StatusCode::kOk
                                                                      : StatusCode::kConflict;
    if (r.status().code() != expected)
      RC_FAIL(std::string("remove_lockout: expected ") + to_string(expected) + ", got " + r.status().to_string());
    check_agrees(nextState(m), sut);
  }
  void show(std::ostream& os) const override {
    os << "remove ";
    if (index)
      os << "lockout #" << *index;
    else
      os << "invalid id " << invalid_id;
  }
};

struct NewQuote : Cmd {
  Quote quote;
  explicit NewQuote(const Model&) { quote = *genQuote(*genSymbol()); }
  void apply(Model& m) const override { m.mid[quote.symbol] = quote.mid(); }
  void run(const Model& m, Sut& sut) const override {
    require_ok(sut.p.engine.on_quote(quote, m.now), "on_quote");
    check_agrees(nextState(m), sut);
  }
  void show(std::ostream& os) const override {
    os << "quote ";
    showValue(quote, os);
  }
};

struct News : Cmd {
  Symbol symbol;
  int severity = 0;
  explicit News(const Model&) : symbol(*genSymbol()), severity(*rc::gen::inRange(0, NewsEvent::kMaxSeverity + 1)) {}
  void apply(Model& m) const override {
    if (severity < m.news_severity) return;
    for (const MLockout& l : m.lockouts)
      if (l.symbol == symbol && l.source == LockoutSource::kNewsShock && l.active_at(m.now)) return;
    m.lockouts.push_back({symbol, LockoutSide::kBoth, LockoutSource::kNewsShock, m.now + minutes(m.news_minutes)});
  }
  void run(const Model& m, Sut& sut) const override {
    NewsEvent n;
    n.symbol = symbol;
    n.severity = severity;
    n.headline = "headline";
    require_ok(sut.p.engine.on_news(n, m.now), "on_news");
    check_agrees(nextState(m), sut);
  }
  void show(std::ostream& os) const override { os << "news on " << symbol.str() << " severity " << severity; }
};

struct SetMode : Cmd {
  TradingMode mode = TradingMode::kPaper;
  explicit SetMode(const Model&) : mode(*genMode()) {}
  void apply(Model& m) const override { m.mode = mode; }
  void run(const Model& m, Sut& sut) const override {
    require_ok(sut.p.engine.set_mode(mode, "operator", m.now), "set_mode");
    check_agrees(nextState(m), sut);
  }
  void show(std::ostream& os) const override { os << "set mode " << to_string(mode); }
};

struct UpdateApprovalConfig : Cmd {
  OperatorApprovalConfig section;
  explicit UpdateApprovalConfig(const Model&) : section(*genApprovalConfigWithoutRules()) {}
  void apply(Model& m) const override { m.approval = section; }
  void run(const Model& m, Sut& sut) const override {
    require_ok(sut.p.engine.update_approval_config(section, "operator", m.now).status(), "update_approval_config");
    check_agrees(nextState(m), sut);
  }
  void show(std::ostream& os) const override {
    os << "approval config ";
    showValue(section, os);
  }
};

RC_GTEST_PROP(ApprovalLockoutModel, EngineAgreesWithTheReferenceModelAfterEveryCommand, ()) {
  RiskConfig config = generous_config();
  config.operator_approval = *genApprovalConfigWithoutRules();  // the model knows the mode's default only
  config.operator_approval.auto_approve_paper = false;          // start gated; commands may change it
  config.guards.news_shock_severity = *rc::gen::inRange(0, 101);
  config.guards.news_shock_lockout_minutes = *rc::gen::inRange(1, 241);

  Sut sut(config);
  Model model;
  model.now = sut.p.now;
  model.approval = config.operator_approval;
  model.news_severity = config.guards.news_shock_severity;
  model.news_minutes = config.guards.news_shock_lockout_minutes;
  for (const std::string& t : tickers()) {
    const Quote q = *genQuote(symbol_of(t));
    sut.p.quote(q);
    model.mid[q.symbol] = q.mid();
  }
  check_agrees(model, sut);

  rc::state::check(
      model, sut,
      rc::state::gen::execOneOfWithArgs<SubmitOrder, SubmitOrder, SubmitOrder, DecideApproval, DecideApproval,
                                        DecideApproval, CancelOrder, AdvanceTime, AdvanceTime, CreateLockout,
                                        RemoveLockout, NewQuote, News, SetMode, UpdateApprovalConfig>());

  // How much of the state machine the sequence reached.
  const EngineState& s = sut.p.state();
  auto approvals_in = [&](ApprovalStatus st) {
    return std::count_if(s.approvals.all().begin(), s.approvals.all().end(),
                         [&](const auto& kv) { return kv.second.status == st; });
  };
  RC_CLASSIFY(approvals_in(ApprovalStatus::kApproved) > 0, "approved");
  RC_CLASSIFY(approvals_in(ApprovalStatus::kRejected) > 0, "rejected");
  RC_CLASSIFY(approvals_in(ApprovalStatus::kExpired) > 0, "expired");
  RC_CLASSIFY(std::any_of(s.lockouts.all().begin(), s.lockouts.all().end(),
                          [](const auto& kv) { return kv.second.removed_at.has_value(); }),
              "lockout removed");
}

}  // namespace
}  // namespace stonks::props

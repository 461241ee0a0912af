// Properties of lockouts: 3.6, the operator's manual lockouts never touch the
// system's (news-shock, cooldown), and removing a system lockout early is a
// separate, allowed action that touches only that lockout.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <map>

#include "properties/property_support.h"

namespace stonks::props {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

RiskConfig guarded_config() {
  RiskConfig c = generous_config();
  c.guards.cooldown_after_loss_seconds = *rc::gen::inRange(60, 7'201);
  c.guards.news_shock_severity = *rc::gen::inRange(1, 101);
  c.guards.news_shock_lockout_minutes = *rc::gen::inRange(1, 1'441);
  return c;
}

// Buys at the ask and sells at the bid: a losing exit, so a loss cooldown.
void losing_round_trip(PropEngine& p, const Symbol& s) {
  const Quantity qty = *genQty();
  OrderIntent buy;
  buy.symbol = s;
  buy.side = Side::kBuy;
  buy.qty = qty;
  RC_ASSERT(p.submit(buy).status() == OrderStatus::kFilled);
  OrderIntent sell = buy;
  sell.side = Side::kSell;
  RC_ASSERT(p.submit(sell).status() == OrderStatus::kFilled);
}

void news_shock(PropEngine& p, const Symbol& s) {
  NewsEvent n;
  n.symbol = s;
  n.headline = "halted pending news";
  n.severity = *rc::gen::inRange(p.state().config.guards.news_shock_severity, NewsEvent::kMaxSeverity + 1);
  require_ok(p.engine.on_news(n, p.now), "on_news");
}

// A funded engine holding cooldown and news-shock lockouts on random symbols
// (at least one of each).
void create_system_lockouts(PropEngine& p) {
  const Symbol cooled = *genSymbol();
  const Symbol shocked = *genSymbol();
  for (const std::string& t : tickers()) {
    const Symbol s = symbol_of(t);
    if (s == cooled || *rc::gen::arbitrary<bool>()) losing_round_trip(p, s);
  }
  for (const std::string& t : tickers()) {
    const Symbol s = symbol_of(t);
    if (s == shocked || *rc::gen::arbitrary<bool>()) news_shock(p, s);
  }
}

std::map<LockoutId, Lockout> system_lockouts(const EngineState& s) {
  std::map<LockoutId, Lockout> out;
  for (const auto& [id, l] : s.lockouts.all())
    if (l.source != LockoutSource::kManual) out.emplace(id, l);
  return out;
}

std::set<LockoutId> active_ids(const EngineState& s, Timestamp now) {
  std::set<LockoutId> out;
  for (const Lockout* l : s.lockouts.active(now)) out.insert(l->id);
  return out;
}

LockoutRequest random_manual_request() {
  LockoutRequest r;
  r.symbol = *genSymbol();
  r.reason = "operator hold";
  r.duration_minutes = *rc::gen::weightedOneOf<int>(
      {{3, rc::gen::inRange(1, 121)}, {1, rc::gen::inRange(1, Lockout::kMaxDurationMinutes + 1)}});
  r.side = *genLockoutSide();
  r.created_by = *rc::gen::element<std::string>("operator", "alice", "bob");
  return r;
}

RC_GTEST_PROP(LockoutProperties, Req_3_6_ManualLockoutOperationsNeverChangeSystemLockouts, ()) {
  PropEngine p(guarded_config());
  p.quote_universe();
  create_system_lockouts(p);
  const std::map<LockoutId, Lockout> before = system_lockouts(p.state());
  bool has_cooldown = false, has_news = false;
  for (const auto& [id, l] : before) {
    has_cooldown |= l.source == LockoutSource::kCooldown;
    has_news |= l.source == LockoutSource::kNewsShock;
  }
  RC_ASSERT(has_cooldown);
  RC_ASSERT(has_news);

  std::vector<LockoutId> manual;
  const int ops = *rc::gen::inRange(1, 30);
  for (int i = 0; i < ops; ++i) {
    const int kind = *rc::gen::weightedOneOf<int>(
        {{3, rc::gen::just(0)}, {3, rc::gen::just(1)}, {1, rc::gen::just(2)}, {1, rc::gen::just(3)}});
    if (kind == 0) {  // create a manual lockout
      const Lockout l = require_ok(p.engine.create_lockout(random_manual_request(), p.now), "create_lockout");
      RC_ASSERT(l.source == LockoutSource::kManual);
      RC_ASSERT(before.count(l.id) == 0u);
      manual.push_back(l.id);
    } else if (kind == 1) {  // remove one of the manual lockouts (may be gone already)
      if (manual.empty()) continue;
      const LockoutId id = *rc::gen::elementOf(manual);
      const bool active = p.state().lockouts.find(id)->active_at(p.now);
      Result<Lockout> r = p.engine.remove_lockout(id, *rc::gen::element<std::string>("operator", "alice"), p.now);
      RC_ASSERT(r.status().code() == (active ? StatusCode::kOk : StatusCode::kConflict));
    } else if (kind == 2) {  // remove an id that names no lockout at all
      const LockoutId id = *rc::gen::element<LockoutId>(
          0, p.state().next_lockout_id, p.state().next_lockout_id + *rc::gen::inRange<LockoutId>(1, 1000),
          std::numeric_limits<LockoutId>::max());
      RC_ASSERT(p.engine.remove_lockout(id, "operator", p.now).status().code() == StatusCode::kNotFound);
    } else {  // time passes (no tick: the system lockouts keep their records)
      p.now += seconds(*rc::gen::inRange(0, 3'600));
    }
    RC_ASSERT(system_lockouts(p.state()) == before);
  }
  // The system lockouts still bar trading exactly while their time runs.
  const std::set<LockoutId> active = active_ids(p.state(), p.now);
  for (const auto& [id, l] : before) {
    RC_ASSERT((active.count(id) == 1) == (p.now < l.expires_at));
    if (p.now < l.expires_at) {
      OrderIntent in;
      in.symbol = l.symbol;
      in.side = *genSide();
      in.qty = 1;
      const RiskResult r = p.engine.preview_risk(in, p.now);
      RC_ASSERT(!r.ok());
      RC_ASSERT(r.denials.front().code == ReasonCode::kLockedOut);
    }
  }
}

// Removing a system lockout early is allowed: it records who did it, and no
// other lockout changes.
RC_GTEST_PROP(LockoutProperties, RemovingASystemLockoutTouchesOnlyThatLockout, ()) {
  PropEngine p(guarded_config());
  p.quote_universe();
  create_system_lockouts(p);
  const int manual = *rc::gen::inRange(0, 4);
  for (int i = 0; i < manual; ++i)
    require_ok(p.engine.create_lockout(random_manual_request(), p.now), "create_lockout");
  const std::map<LockoutId, Lockout> before(p.state().lockouts.all().begin(), p.state().lockouts.all().end());
  std::vector<LockoutId> system;
  for (const auto& [id, l] : before)
    if (l.source != LockoutSource::kManual) system.push_back(id);
  p.now += seconds(*rc::gen::inRange(0, 59));  // every system lockout is still active
  const LockoutId target = *rc::gen::elementOf(system);
  const Lockout removed = require_ok(p.engine.remove_lockout(target, "alice", p.now), "remove_lockout");
  RC_ASSERT(removed.removed_by == std::string("alice"));
  RC_ASSERT(removed.removed_at == std::optional<Timestamp>(p.now));
  for (const auto& [id, l] : p.state().lockouts.all()) {
    if (id == target) continue;
    RC_ASSERT(before.at(id) == l);
  }
  RC_ASSERT(active_ids(p.state(), p.now).count(target) == 0u);
}

}  // namespace
}  // namespace stonks::props

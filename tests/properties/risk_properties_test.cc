// Properties of the pre-trade checks as the pipeline applies them: what the
// ticket previews is what intake decides, and the order-rate throttle admits
// max_orders_per_window orders per window.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "properties/property_support.h"

namespace stonks::props {
namespace {

using std::chrono::seconds;

// preview_risk is "the risk result the order would get now": submitting the
// same intent at the same instant must give the same verdict and reasons.
RC_GTEST_PROP(RiskProperties, PreviewRiskPredictsTheIntakeVerdict, ()) {
  const RiskConfig config = *genRiskConfig();
  PropEngine p(config);
  p.mode(*rc::gen::element(TradingMode::kPaper, TradingMode::kLive));
  p.quote_universe();
  const int n = *rc::gen::inRange(1, 13);
  for (int i = 0; i < n; ++i) {
    p.now += seconds(*rc::gen::inRange(0, 120));
    const OrderIntent in = *genIntent(p.state().market);
    const RiskResult preview = p.engine.preview_risk(in, p.now);
    const Order o = p.submit(in);
    RC_LOG() << "order " << i << ": preview " << (preview.ok() ? "ok" : reason_texts(preview.denials).front())
             << ", intake " << to_string(o.status())
             << (o.reasons().empty() ? "" : " " + o.reasons().front().to_string()) << "\n";
    RC_ASSERT(preview.ok() == (o.status() != OrderStatus::kRiskRejected));
    if (!preview.ok()) RC_ASSERT(preview.denials == o.reasons());
  }
}

// max_orders_per_window = N: N orders inside one window pass the throttle;
// the next one is RATE_LIMITED.
RC_GTEST_PROP(RiskProperties, RateThrottleAdmitsExactlyMaxOrdersPerWindow, ()) {
  RiskConfig config = generous_config();
  config.limits.max_orders_per_window = *rc::gen::inRange(1, 6);
  config.limits.rate_window_seconds = *rc::gen::element(60, 3'600);
  PropEngine p(config);
  p.quote_universe();
  const int max = config.limits.max_orders_per_window;
  for (int i = 0; i < max; ++i) {
    const Order o = p.submit(*genIntent(p.state().market));
    RC_LOG() << "order " << i + 1 << " of " << max << ": " << to_string(o.status())
             << (o.reasons().empty() ? "" : " " + o.reasons().front().to_string()) << "\n";
    RC_ASSERT(o.status() != OrderStatus::kRiskRejected);
  }
  const Order over = p.submit(*genIntent(p.state().market));
  RC_ASSERT(over.status() == OrderStatus::kRiskRejected);
  RC_ASSERT(over.reasons().front().code == ReasonCode::kRateLimited);
}

}  // namespace
}  // namespace stonks::props

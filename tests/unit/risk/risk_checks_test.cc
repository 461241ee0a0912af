// Each pre-trade check on its own: the reason code it denies with and the
// numbers in its detail, built from a RiskContext set up by hand.
#include "risk/risk_checks.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "support/engine_harness.h"

namespace stonks::testing {
namespace {

class RiskChecksTest : public ::testing::Test {
 protected:
  RiskChecksTest() : now(test_epoch()) {
    mkt.apply_quote(at_now(quote("AAPL", "99.90", "100.10")));   // mid 100.00
    mkt.apply_quote(at_now(quote("MSFT", "199.80", "200.20")));  // mid 200.00
  }

  Quote at_now(Quote q) const {
    q.at = now;
    return q;
  }

  // The context for an order in `symbol`, built as the engine builds it.
  RiskContext ctx(const Symbol& symbol = Symbol()) const {
    valuation = Valuation::of(portfolio, mkt);
    RiskContext c{config, mode, halted, now, lockouts, mkt, portfolio, valuation, open};
    c.paper_fills = paper_fills;
    c.orders_in_rate_window = orders_in_window;
    c.at_intake = at_intake;
    c.symbol = symbol_facts(symbol, mkt, portfolio);
    return c;
  }

  // Runs `f` (a check, reference_price or reduces_exposure) on `o` in the
  // context of o's symbol.
  template <class F>
  auto check(F f, const OrderIntent& o) const {
    return f(ctx(o.symbol), o);
  }

  // Books a fill straight into the portfolio: what is held before the check.
  void fill(const std::string& ticker, Side side, Quantity qty, const std::string& price) {
    Fill f;
    f.symbol = sym(ticker);
    f.side = side;
    f.qty = qty;
    f.price = px(price);
    (void)portfolio.apply_fill(f);
  }

  Lockout lockout(LockoutId id, const std::string& ticker, LockoutSide side, Duration length,
                  LockoutSource source = LockoutSource::kManual) const {
    Lockout l;
    l.id = id;
    l.symbol = sym(ticker);
    l.reason = "earnings";
    l.source = source;
    l.side = side;
    l.created_at = now;
    l.expires_at = now + length;
    l.created_by = "operator";
    return l;
  }

  RiskConfig config;
  TradingMode mode = TradingMode::kPaper;
  bool paper_fills = true;
  bool halted = false;
  Timestamp now;
  LockoutBook lockouts;
  MarketState mkt;
  Portfolio portfolio;
  mutable Valuation valuation;  // of portfolio at mkt, computed by ctx()
  OpenOrderSummary open;
  int orders_in_window = 0;
  bool at_intake = true;
};

void expect_denied(const CheckResult& r, ReasonCode reason, const std::string& detail) {
  ASSERT_TRUE(r.has_value()) << "expected " << to_string(reason) << ", the check passed";
  EXPECT_EQ(r->code, reason) << r->to_string();
  EXPECT_EQ(r->detail, detail);
}

// --- reference_price and reduces_exposure -------------------------------------

TEST_F(RiskChecksTest, ValuesLimitOrdersAtTheirLimitAndMarketOrdersAtTheSideTheyTake) {
  EXPECT_EQ(check(reference_price, limit("AAPL", Side::kBuy, 1, "95")), px("95"));
  EXPECT_EQ(check(reference_price, market("AAPL", Side::kBuy, 1)), px("100.10"));
  EXPECT_EQ(check(reference_price, market("AAPL", Side::kSell, 1)), px("99.90"));
}

TEST_F(RiskChecksTest, ValuesAtTheLastBarCloseWithoutAQuoteAndNothingWithoutData) {
  Bar b;
  b.symbol = sym("TSLA");
  b.open = b.high = px("251");
  b.low = b.close = px("250.5");
  b.at = now;
  mkt.apply_bar(b);
  EXPECT_EQ(check(reference_price, market("TSLA", Side::kBuy, 1)), px("250.5"));
  EXPECT_EQ(check(reference_price, market("NVDA", Side::kBuy, 1)), std::nullopt);
}

TEST_F(RiskChecksTest, OnlyOppositeOrdersNoLargerThanThePositionReduceExposure) {
  EXPECT_FALSE(check(reduces_exposure, market("AAPL", Side::kSell, 1))) << "nothing held";
  fill("AAPL", Side::kBuy, 10, "100");
  EXPECT_TRUE(check(reduces_exposure, market("AAPL", Side::kSell, 10)));
  EXPECT_FALSE(check(reduces_exposure, market("AAPL", Side::kSell, 11))) << "would flip to short";
  EXPECT_FALSE(check(reduces_exposure, market("AAPL", Side::kBuy, 1)));
  fill("MSFT", Side::kSell, 5, "200");
  EXPECT_TRUE(check(reduces_exposure, market("MSFT", Side::kBuy, 5)));
  EXPECT_FALSE(check(reduces_exposure, market("MSFT", Side::kBuy, 6)));
}

// --- trading_enabled ------------------------------------------------------------

TEST_F(RiskChecksTest, TradingEnabledPassesInPaperAndLive) {
  EXPECT_FALSE(check(checks::trading_enabled, market("AAPL", Side::kBuy, 1)));
  mode = TradingMode::kLive;
  EXPECT_FALSE(check(checks::trading_enabled, market("AAPL", Side::kBuy, 1)));
}

TEST_F(RiskChecksTest, RejectsEveryOrderWhenTradingIsDisabled) {
  mode = TradingMode::kDisabled;
  expect_denied(check(checks::trading_enabled, market("AAPL", Side::kBuy, 1)), ReasonCode::kTradingDisabled,
                "trading mode is disabled");
  fill("AAPL", Side::kBuy, 10, "100");
  expect_denied(check(checks::trading_enabled, market("AAPL", Side::kSell, 10)), ReasonCode::kTradingDisabled,
                "trading mode is disabled");
}

// --- paper_available ------------------------------------------------------------

TEST_F(RiskChecksTest, PaperOrdersNeedABrokerThatSimulatesFills) {
  EXPECT_FALSE(check(checks::paper_available, market("AAPL", Side::kBuy, 1)));
  paper_fills = false;
  expect_denied(check(checks::paper_available, market("AAPL", Side::kBuy, 1)), ReasonCode::kPaperTradingUnavailable,
                "this server trades through its broker: paper orders need a server without --broker, or the "
                "broker's paper account in live mode");
  mode = TradingMode::kLive;
  EXPECT_FALSE(check(checks::paper_available, market("AAPL", Side::kBuy, 1))) << "live orders go to the broker";
  mode = TradingMode::kDisabled;
  EXPECT_FALSE(check(checks::paper_available, market("AAPL", Side::kBuy, 1))) << "disabled says so itself";
}

// --- not_halted ------------------------------------------------------------------

TEST_F(RiskChecksTest, HaltedRefusesBuysThatOpenAPosition) {
  EXPECT_FALSE(check(checks::not_halted, market("AAPL", Side::kBuy, 1)));
  halted = true;
  expect_denied(check(checks::not_halted, market("AAPL", Side::kBuy, 1)), ReasonCode::kTradingHalted,
                "trading is halted: only exposure-reducing orders are accepted");
}

TEST_F(RiskChecksTest, HaltedLetsASellThatShrinksALongThroughButNotOneThatFlipsIt) {
  fill("AAPL", Side::kBuy, 10, "100");
  halted = true;
  EXPECT_FALSE(check(checks::not_halted, market("AAPL", Side::kSell, 10)));
  EXPECT_FALSE(check(checks::not_halted, market("AAPL", Side::kSell, 4)));
  expect_denied(check(checks::not_halted, market("AAPL", Side::kSell, 11)), ReasonCode::kTradingHalted,
                "trading is halted: only exposure-reducing orders are accepted");
  expect_denied(check(checks::not_halted, market("AAPL", Side::kBuy, 1)), ReasonCode::kTradingHalted,
                "trading is halted: only exposure-reducing orders are accepted");
}

TEST_F(RiskChecksTest, HaltedLetsABuyThatCoversAShortThrough) {
  fill("MSFT", Side::kSell, 10, "200");
  halted = true;
  EXPECT_FALSE(check(checks::not_halted, market("MSFT", Side::kBuy, 5)));
  EXPECT_TRUE(check(checks::not_halted, market("MSFT", Side::kSell, 1)));
}

TEST_F(RiskChecksTest, HaltedRefusesASellThatOnlyReducesUntilTheOpenSellsFill) {
  config.limits.allow_short = true;
  fill("AAPL", Side::kBuy, 10, "100");
  open.count = 1;
  open.sell_qty_in_symbol = 10;  // a sell of the whole position is already working
  halted = true;
  expect_denied(check(checks::not_halted, market("AAPL", Side::kSell, 10)), ReasonCode::kTradingHalted,
                "trading is halted: only exposure-reducing orders are accepted");
}

// --- not_locked_out --------------------------------------------------------------

TEST_F(RiskChecksTest, RejectsOrderWhenSymbolLockedOut) {
  lockouts.add(lockout(7, "AAPL", LockoutSide::kBoth, std::chrono::minutes(30)));
  expect_denied(check(checks::not_locked_out, market("AAPL", Side::kBuy, 1)), ReasonCode::kLockedOut,
                "AAPL locked out (manual lockout 7 until 2026-11-24T15:00:00Z): earnings");
  expect_denied(check(checks::not_locked_out, market("AAPL", Side::kSell, 1)), ReasonCode::kLockedOut,
                "AAPL locked out (manual lockout 7 until 2026-11-24T15:00:00Z): earnings");
  EXPECT_FALSE(check(checks::not_locked_out, market("MSFT", Side::kBuy, 1))) << "other symbols trade on";
}

TEST_F(RiskChecksTest, BuyOnlyLockoutLetsSellsThrough) {
  lockouts.add(lockout(1, "AAPL", LockoutSide::kBuy, std::chrono::minutes(30)));
  EXPECT_TRUE(check(checks::not_locked_out, market("AAPL", Side::kBuy, 1)));
  EXPECT_FALSE(check(checks::not_locked_out, market("AAPL", Side::kSell, 1)));
}

TEST_F(RiskChecksTest, SellOnlyLockoutLetsBuysThrough) {
  lockouts.add(lockout(1, "AAPL", LockoutSide::kSell, std::chrono::minutes(30)));
  EXPECT_FALSE(check(checks::not_locked_out, market("AAPL", Side::kBuy, 1)));
  EXPECT_TRUE(check(checks::not_locked_out, market("AAPL", Side::kSell, 1)));
}

TEST_F(RiskChecksTest, LockoutBlocksUntilTheLastMicrosecondAndNotAtItsExpiry) {
  lockouts.add(lockout(1, "AAPL", LockoutSide::kBoth, std::chrono::minutes(30)));
  const Timestamp start = now;
  now = start + std::chrono::minutes(30) - std::chrono::microseconds(1);
  EXPECT_TRUE(check(checks::not_locked_out, market("AAPL", Side::kBuy, 1)));
  now = start + std::chrono::minutes(30);
  EXPECT_FALSE(check(checks::not_locked_out, market("AAPL", Side::kBuy, 1)))
      << "an expired lockout no longer blocks, even before a tick marks it";
}

TEST_F(RiskChecksTest, RemovedLockoutDoesNotBlock) {
  lockouts.add(lockout(1, "AAPL", LockoutSide::kBoth, std::chrono::minutes(30)));
  lockouts.mark_removed(1, now, "alice");
  EXPECT_FALSE(check(checks::not_locked_out, market("AAPL", Side::kBuy, 1)));
}

TEST_F(RiskChecksTest, ReportsTheOldestOfSeveralBlockingLockouts) {
  lockouts.add(lockout(9, "AAPL", LockoutSide::kBoth, std::chrono::minutes(5), LockoutSource::kCooldown));
  lockouts.add(lockout(4, "AAPL", LockoutSide::kBoth, std::chrono::minutes(60), LockoutSource::kNewsShock));
  expect_denied(check(checks::not_locked_out, market("AAPL", Side::kBuy, 1)), ReasonCode::kLockedOut,
                "AAPL locked out (news_shock lockout 4 until 2026-11-24T15:30:00Z): earnings");
}

// --- symbol_tradable -------------------------------------------------------------

TEST_F(RiskChecksTest, AnySymbolIsTradableWhenTheListIsEmpty) {
  EXPECT_FALSE(check(checks::symbol_tradable, market("ZZZZ", Side::kBuy, 1)));
}

TEST_F(RiskChecksTest, RejectsSymbolsMissingFromTheTradableList) {
  config.limits.tradable_symbols = {sym("MSFT"), sym("BRK.B")};
  expect_denied(check(checks::symbol_tradable, market("AAPL", Side::kBuy, 1)), ReasonCode::kSymbolNotTradable,
                "AAPL is not in the tradable list");
  EXPECT_FALSE(check(checks::symbol_tradable, market("MSFT", Side::kBuy, 1)));
  EXPECT_FALSE(check(checks::symbol_tradable, market("BRK.B", Side::kSell, 1)));
}

// --- has_market_data -------------------------------------------------------------

TEST_F(RiskChecksTest, RejectsSymbolsWithNoPriceSeen) {
  expect_denied(check(checks::has_market_data, market("TSLA", Side::kBuy, 1)), ReasonCode::kNoMarketData,
                "no price seen for TSLA");
  EXPECT_FALSE(check(checks::has_market_data, market("AAPL", Side::kBuy, 1)));
}

TEST_F(RiskChecksTest, ABarAloneCountsAsMarketData) {
  Bar b;
  b.symbol = sym("TSLA");
  b.open = b.high = b.low = b.close = px("250");
  b.at = now;
  mkt.apply_bar(b);
  EXPECT_FALSE(check(checks::has_market_data, market("TSLA", Side::kBuy, 1)));
}

// --- limit_price_in_band ---------------------------------------------------------

TEST_F(RiskChecksTest, AcceptsLimitPricesOnTheEdgesOfTheBand) {
  // last 100.00, band 1000 bps: [90.00, 110.00]
  EXPECT_FALSE(check(checks::limit_price_in_band, limit("AAPL", Side::kBuy, 1, "110")));
  EXPECT_FALSE(check(checks::limit_price_in_band, limit("AAPL", Side::kSell, 1, "90")));
  EXPECT_FALSE(check(checks::limit_price_in_band, market("AAPL", Side::kBuy, 1))) << "market orders have no limit";
}

TEST_F(RiskChecksTest, RejectsLimitPricesOneMicroOutsideTheBand) {
  expect_denied(check(checks::limit_price_in_band, limit("AAPL", Side::kBuy, 1, "110.000001")),
                ReasonCode::kLimitPriceOutOfBand, "limit=110.000001 band=[90.00, 110.00]");
  expect_denied(check(checks::limit_price_in_band, limit("AAPL", Side::kSell, 1, "89.999999")),
                ReasonCode::kLimitPriceOutOfBand, "limit=89.999999 band=[90.00, 110.00]");
}

TEST_F(RiskChecksTest, LimitBandFollowsTheConfiguredWidth) {
  config.limits.limit_price_band_bps = 50;  // +-0.5% of 200.00
  expect_denied(check(checks::limit_price_in_band, limit("MSFT", Side::kBuy, 1, "201.01")),
                ReasonCode::kLimitPriceOutOfBand, "limit=201.01 band=[199.00, 201.00]");
  EXPECT_FALSE(check(checks::limit_price_in_band, limit("MSFT", Side::kBuy, 1, "201")));
}

TEST_F(RiskChecksTest, LimitBandIsNotCheckedWithoutALastPrice) {
  EXPECT_FALSE(check(checks::limit_price_in_band, limit("TSLA", Side::kBuy, 1, "5000")));
}

// --- order_notional --------------------------------------------------------------

TEST_F(RiskChecksTest, OrderNotionalExactlyAtTheLimitPasses) {
  config.limits.max_order_notional = usd("1001");
  EXPECT_FALSE(check(checks::order_notional, market("AAPL", Side::kBuy, 10)));  // 10 x 100.10
}

TEST_F(RiskChecksTest, OrderNotionalOneMicroAboveTheLimitFails) {
  config.limits.max_order_notional = usd("1000.999999");
  expect_denied(check(checks::order_notional, market("AAPL", Side::kBuy, 10)), ReasonCode::kMaxOrderNotionalExceeded,
                "max=1000.999999 notional=1001.00");
}

TEST_F(RiskChecksTest, SellNotionalIsValuedAtTheBid) {
  config.limits.max_order_notional = usd("999");  // 10 x 99.90 = 999.00
  EXPECT_FALSE(check(checks::order_notional, market("AAPL", Side::kSell, 10)));
  expect_denied(check(checks::order_notional, market("AAPL", Side::kBuy, 10)), ReasonCode::kMaxOrderNotionalExceeded,
                "max=999.00 notional=1001.00");
}

TEST_F(RiskChecksTest, LimitOrderNotionalUsesTheLimitPrice) {
  expect_denied(check(checks::order_notional, limit("AAPL", Side::kBuy, 1001, "100")),
                ReasonCode::kMaxOrderNotionalExceeded, "max=100000.00 notional=100100.00");
  EXPECT_FALSE(check(checks::order_notional, limit("AAPL", Side::kBuy, 1000, "100")));
}

TEST_F(RiskChecksTest, OverflowingNotionalSaturatesAndFails) {
  OrderIntent huge = limit("AAPL", Side::kBuy, OrderIntent::kMaxQuantity, "10000000");  // 1e16 units
  expect_denied(check(checks::order_notional, huge), ReasonCode::kMaxOrderNotionalExceeded,
                "max=100000.00 notional=9223372036854.775807");
  huge.qty = std::numeric_limits<Quantity>::max();
  EXPECT_TRUE(check(checks::order_notional, huge));
}

TEST_F(RiskChecksTest, OrderNotionalIsNotCheckedWithoutAPrice) {
  EXPECT_FALSE(check(checks::order_notional, market("TSLA", Side::kBuy, 1'000'000)));
}

// --- position_notional -----------------------------------------------------------

TEST_F(RiskChecksTest, PositionNotionalCountsWhatIsAlreadyHeld) {
  fill("AAPL", Side::kBuy, 2000, "100");
  // after 2400 x 100.10 = 240240 <= 250000
  EXPECT_FALSE(check(checks::position_notional, market("AAPL", Side::kBuy, 400)));
  expect_denied(check(checks::position_notional, market("AAPL", Side::kBuy, 500)),
                ReasonCode::kMaxPositionNotionalExceeded, "max=250000.00 position_after=250250.00");
}

TEST_F(RiskChecksTest, PositionNotionalExactlyAtTheLimitPasses) {
  config.limits.max_position_notional = usd("2502.50");
  fill("AAPL", Side::kBuy, 20, "100");
  EXPECT_FALSE(check(checks::position_notional, market("AAPL", Side::kBuy, 5)));  // 25 x 100.10
  config.limits.max_position_notional = usd("2502.499999");
  expect_denied(check(checks::position_notional, market("AAPL", Side::kBuy, 5)),
                ReasonCode::kMaxPositionNotionalExceeded, "max=2502.499999 position_after=2502.50");
}

TEST_F(RiskChecksTest, PositionNotionalAppliesToShortsByMagnitude) {
  config.limits.max_position_notional = usd("1998");
  EXPECT_FALSE(check(checks::position_notional, market("AAPL", Side::kSell, 20)));  // 20 x 99.90
  expect_denied(check(checks::position_notional, market("AAPL", Side::kSell, 21)),
                ReasonCode::kMaxPositionNotionalExceeded, "max=1998.00 position_after=2097.90");
}

TEST_F(RiskChecksTest, PositionNotionalLetsReducingOrdersThroughEvenAboveTheLimit) {
  fill("AAPL", Side::kBuy, 3000, "100");
  EXPECT_FALSE(check(checks::position_notional, market("AAPL", Side::kSell, 100)));
  EXPECT_TRUE(check(checks::position_notional, market("AAPL", Side::kBuy, 1)));
}

TEST_F(RiskChecksTest, PositionNotionalCountsOpenBuysInTheSymbol) {
  open.count = 1;
  open.buy_qty_in_symbol = 2000;
  open.buy_notional = usd("200200");
  expect_denied(check(checks::position_notional, market("AAPL", Side::kBuy, 600)),
                ReasonCode::kMaxPositionNotionalExceeded, "max=250000.00 position_after=260260.00");
}

// --- gross_exposure --------------------------------------------------------------

TEST_F(RiskChecksTest, GrossExposureAddsLongsAndShortsAtTheirMarks) {
  config.limits.max_gross_exposure = usd("30000");
  fill("AAPL", Side::kBuy, 100, "95");   // 100 x mark 100 = 10000
  fill("MSFT", Side::kSell, 50, "210");  // 50 x mark 200 = 10000
  EXPECT_EQ(portfolio.gross_exposure(mkt), usd("20000"));
  EXPECT_FALSE(check(checks::gross_exposure, market("AAPL", Side::kBuy, 99)));  // + 9909.90
  expect_denied(check(checks::gross_exposure, market("AAPL", Side::kBuy, 100)), ReasonCode::kMaxGrossExposureExceeded,
                "max=30000.00 exposure_after=30010.00");
}

TEST_F(RiskChecksTest, GrossExposureExactlyAtTheLimitPasses) {
  config.limits.max_gross_exposure = usd("1001");
  EXPECT_FALSE(check(checks::gross_exposure, market("AAPL", Side::kBuy, 10)));
  config.limits.max_gross_exposure = usd("1000.999999");
  expect_denied(check(checks::gross_exposure, market("AAPL", Side::kBuy, 10)), ReasonCode::kMaxGrossExposureExceeded,
                "max=1000.999999 exposure_after=1001.00");
}

TEST_F(RiskChecksTest, GrossExposureLetsReducingOrdersThrough) {
  config.limits.max_gross_exposure = usd("5000");
  fill("AAPL", Side::kBuy, 100, "100");
  EXPECT_FALSE(check(checks::gross_exposure, market("AAPL", Side::kSell, 100)));
  EXPECT_TRUE(check(checks::gross_exposure, market("MSFT", Side::kBuy, 1)));
}

// --- buying_power ----------------------------------------------------------------

TEST_F(RiskChecksTest, BuyingPowerIsCashWithNoShortsOrOpenBuys) {
  portfolio.deposit(usd("100000"));
  EXPECT_EQ(buying_power(ctx()), usd("100000"));
  EXPECT_FALSE(check(checks::buying_power, market("AAPL", Side::kBuy, 999)));  // 99999.90
  expect_denied(check(checks::buying_power, market("AAPL", Side::kBuy, 1000)), ReasonCode::kInsufficientBuyingPower,
                "needed=100100.00 available=100000.00");
}

TEST_F(RiskChecksTest, BuyingPowerExactlyEnoughPasses) {
  portfolio.deposit(usd("1001"));
  EXPECT_FALSE(check(checks::buying_power, market("AAPL", Side::kBuy, 10)));
  portfolio.deposit(Money::from_micros(-1));
  expect_denied(check(checks::buying_power, market("AAPL", Side::kBuy, 10)), ReasonCode::kInsufficientBuyingPower,
                "needed=1001.00 available=1000.999999");
}

TEST_F(RiskChecksTest, BuyingPowerCountsOpenBuyOrders) {
  portfolio.deposit(usd("100000"));
  open.count = 2;
  open.buy_notional = usd("50000");
  EXPECT_EQ(buying_power(ctx()), usd("50000"));
  EXPECT_FALSE(check(checks::buying_power, market("AAPL", Side::kBuy, 499)));  // 49949.90
  expect_denied(check(checks::buying_power, market("AAPL", Side::kBuy, 500)), ReasonCode::kInsufficientBuyingPower,
                "needed=50050.00 available=50000.00");
}

TEST_F(RiskChecksTest, BuyingPowerHoldsTwiceTheShortMarketValue) {
  portfolio.deposit(usd("100000"));
  fill("MSFT", Side::kSell, 100, "200");  // cash 120000, short value 20000 at mark 200
  EXPECT_EQ(portfolio.cash(), usd("120000"));
  EXPECT_EQ(buying_power(ctx()), usd("80000"));
  expect_denied(check(checks::buying_power, market("AAPL", Side::kBuy, 800)), ReasonCode::kInsufficientBuyingPower,
                "needed=80080.00 available=80000.00");
}

TEST_F(RiskChecksTest, OnlyTheFlippingPartOfASellNeedsFunding) {
  config.limits.allow_short = true;
  portfolio.deposit(usd("2000"));
  fill("AAPL", Side::kBuy, 10, "100");                                         // cash 1000
  EXPECT_FALSE(check(checks::buying_power, market("AAPL", Side::kSell, 20)));  // opens 10 x 99.90
  expect_denied(check(checks::buying_power, market("AAPL", Side::kSell, 30)), ReasonCode::kInsufficientBuyingPower,
                "needed=1998.00 available=1000.00");
}

TEST_F(RiskChecksTest, BuyingPowerLetsReducingOrdersThroughWithNoCash) {
  fill("AAPL", Side::kBuy, 10, "100");  // cash -1000
  EXPECT_FALSE(check(checks::buying_power, market("AAPL", Side::kSell, 10)));
  fill("MSFT", Side::kSell, 10, "200");
  EXPECT_FALSE(check(checks::buying_power, market("MSFT", Side::kBuy, 10)));
}

// --- short_selling ---------------------------------------------------------------

TEST_F(RiskChecksTest, RefusesNakedShortUnlessAllowed) {
  expect_denied(check(checks::short_selling, market("AAPL", Side::kSell, 1)), ReasonCode::kShortSellingNotAllowed,
                "sell=1 sellable=0");
  config.limits.allow_short = true;
  EXPECT_FALSE(check(checks::short_selling, market("AAPL", Side::kSell, 1)));
}

TEST_F(RiskChecksTest, SellingUpToTheLongPositionIsNotAShort) {
  fill("AAPL", Side::kBuy, 10, "100");
  EXPECT_FALSE(check(checks::short_selling, market("AAPL", Side::kSell, 10)));
  expect_denied(check(checks::short_selling, market("AAPL", Side::kSell, 11)), ReasonCode::kShortSellingNotAllowed,
                "sell=11 sellable=10");
}

TEST_F(RiskChecksTest, OpenSellsUseUpWhatIsSellable) {
  fill("AAPL", Side::kBuy, 10, "100");
  open.count = 1;
  open.sell_qty_in_symbol = 4;
  EXPECT_FALSE(check(checks::short_selling, market("AAPL", Side::kSell, 6)));
  expect_denied(check(checks::short_selling, market("AAPL", Side::kSell, 7)), ReasonCode::kShortSellingNotAllowed,
                "sell=7 sellable=6");
}

TEST_F(RiskChecksTest, SellingMoreFromAShortIsRefusedWithNothingSellable) {
  fill("AAPL", Side::kSell, 5, "100");
  expect_denied(check(checks::short_selling, market("AAPL", Side::kSell, 1)), ReasonCode::kShortSellingNotAllowed,
                "sell=1 sellable=0");
  EXPECT_FALSE(check(checks::short_selling, market("AAPL", Side::kBuy, 100))) << "buys are never short sales";
}

// --- open_orders -----------------------------------------------------------------

TEST_F(RiskChecksTest, RefusesOrdersOnceTheOpenOrderLimitIsReached) {
  config.limits.max_open_orders = 3;
  open.count = 2;
  EXPECT_FALSE(check(checks::open_orders, market("AAPL", Side::kBuy, 1)));
  open.count = 3;
  expect_denied(check(checks::open_orders, market("AAPL", Side::kBuy, 1)), ReasonCode::kMaxOpenOrdersExceeded,
                "max=3 open=3");
}

// --- order_rate ------------------------------------------------------------------

TEST_F(RiskChecksTest, ThrottlesOrdersAtIntakeOnceTheWindowIsFull) {
  config.limits.max_orders_per_window = 5;
  config.limits.rate_window_seconds = 10;
  orders_in_window = 4;
  EXPECT_FALSE(check(checks::order_rate, market("AAPL", Side::kBuy, 1)));
  orders_in_window = 5;
  expect_denied(check(checks::order_rate, market("AAPL", Side::kBuy, 1)), ReasonCode::kRateLimited, "max=5 per 10s");
}

TEST_F(RiskChecksTest, RateLimitDoesNotApplyToTheRecheckOnApproval) {
  config.limits.max_orders_per_window = 5;
  orders_in_window = 50;
  at_intake = false;
  EXPECT_FALSE(check(checks::order_rate, market("AAPL", Side::kBuy, 1)));
}

// --- daily_loss ------------------------------------------------------------------

class DailyLossTest : public RiskChecksTest {
 protected:
  DailyLossTest() {
    portfolio.deposit(usd("100000"));
    portfolio.start_day(utc_day(now), portfolio.equity(mkt));
    fill("AAPL", Side::kBuy, 100, "110");  // worth 10000 at mark 100: day P&L -1000
  }
};

TEST_F(DailyLossTest, DayLossExactlyAtTheLimitRefusesNewRisk) {
  ASSERT_EQ(portfolio.day_pnl(mkt), usd("-1000"));
  config.limits.max_daily_loss = usd("1000");
  expect_denied(check(checks::daily_loss, market("MSFT", Side::kBuy, 1)), ReasonCode::kDailyLossLimit,
                "day_pnl=-1000.00 limit=-1000.00");
  expect_denied(check(checks::daily_loss, market("AAPL", Side::kBuy, 1)), ReasonCode::kDailyLossLimit,
                "day_pnl=-1000.00 limit=-1000.00");
}

TEST_F(DailyLossTest, DayLossOneMicroShortOfTheLimitPasses) {
  config.limits.max_daily_loss = usd("1000.000001");
  EXPECT_FALSE(check(checks::daily_loss, market("MSFT", Side::kBuy, 1)));
}

TEST_F(DailyLossTest, DayLossLimitStillLetsPositionsBeClosed) {
  config.limits.max_daily_loss = usd("500");
  EXPECT_FALSE(check(checks::daily_loss, market("AAPL", Side::kSell, 100)));
  EXPECT_TRUE(check(checks::daily_loss, market("AAPL", Side::kSell, 101)));
}

}  // namespace
}  // namespace stonks::testing

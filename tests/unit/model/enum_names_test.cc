// The enum name tables: every name parses back, the choices read well, and
// a subset of values can be required.
#include "model/enum_names.h"

#include <gtest/gtest.h>

#include "core/events.h"
#include "model/order.h"
#include "model/reason.h"
#include "model/side.h"
#include "model/status.h"
#include "risk/approval.h"
#include "risk/lockout.h"

namespace stonks {
namespace {

template <class E>
void expect_every_name_parses_back() {
  for (const EnumName<E>& n : EnumNames<E>::table) {
    EXPECT_STREQ(to_string(n.value), n.name);
    EXPECT_EQ(parse_enum<E>(n.name), n.value) << n.name;
  }
}

TEST(EnumNames, EveryNameOfEveryEnumParsesBack) {
  expect_every_name_parses_back<Side>();
  expect_every_name_parses_back<OrderType>();
  expect_every_name_parses_back<OrderStatus>();
  expect_every_name_parses_back<TradingMode>();
  expect_every_name_parses_back<ApprovalStatus>();
  expect_every_name_parses_back<LockoutSource>();
  expect_every_name_parses_back<LockoutSide>();
  expect_every_name_parses_back<ReasonCode>();
  expect_every_name_parses_back<StatusCode>();
  expect_every_name_parses_back<HaltCause>();
}

TEST(EnumNames, ParsingIsExactAndCaseSensitive) {
  EXPECT_EQ(parse_enum<Side>("BUY"), std::nullopt);
  EXPECT_EQ(parse_enum<Side>(" buy"), std::nullopt);
  EXPECT_EQ(parse_enum<Side>(""), std::nullopt);
  EXPECT_EQ(parse_enum<TradingMode>("Paper"), std::nullopt);
}

TEST(EnumNames, ChoicesListEveryNameQuoted) {
  EXPECT_EQ(enum_choices<Side>(), "\"buy\" or \"sell\"");
  EXPECT_EQ(enum_choices<TradingMode>(), "\"disabled\", \"paper\" or \"live\"");
}

TEST(EnumNames, AnAllowedSubsetRefusesTheRest) {
  const auto decisions = {ApprovalStatus::kApproved, ApprovalStatus::kRejected};
  EXPECT_EQ(parse_enum<ApprovalStatus>("approved", decisions), ApprovalStatus::kApproved);
  EXPECT_EQ(parse_enum<ApprovalStatus>("pending", decisions), std::nullopt);
  EXPECT_EQ(enum_choices<ApprovalStatus>(decisions), "\"approved\" or \"rejected\"");
}

TEST(Reasons, ReadBackTheFormTheyAreWrittenIn) {
  for (const Reason& r : {Reason{ReasonCode::kLockedOut, "AAPL until 15:00"}, Reason{ReasonCode::kApprovalExpired, ""},
                          Reason{ReasonCode::kRejectedByOperator, "alice: too big: really"}}) {
    EXPECT_EQ(parse_reason(r.to_string()), r) << r.to_string();
  }
  EXPECT_EQ(Reason({ReasonCode::kApprovalExpired, ""}).to_string(), "APPROVAL_EXPIRED");
  EXPECT_EQ(parse_reason("NOT_A_CODE: x"), std::nullopt);
  EXPECT_EQ(parse_reason("locked_out: x"), std::nullopt);
  EXPECT_EQ(parse_reason(""), std::nullopt);
}

}  // namespace
}  // namespace stonks

#include "core/working_orders.h"

#include <gtest/gtest.h>

#include <vector>

namespace stonks {
namespace {

Symbol sym(const char* s) { return *Symbol::parse(s); }

std::vector<OrderId> ids(const WorkingOrders& w, const char* s) {
  auto span = w.of(sym(s));
  return {span.begin(), span.end()};
}

TEST(WorkingOrders, ListsEachSymbolsOrdersAscending) {
  WorkingOrders w;
  w.insert(sym("AAPL"), 5);
  w.insert(sym("AAPL"), 2);
  w.insert(sym("MSFT"), 3);
  w.insert(sym("AAPL"), 9);
  EXPECT_EQ(ids(w, "AAPL"), (std::vector<OrderId>{2, 5, 9}));
  EXPECT_EQ(ids(w, "MSFT"), (std::vector<OrderId>{3}));
  EXPECT_TRUE(ids(w, "TSLA").empty());
  EXPECT_EQ(w.size(), 4u);
}

TEST(WorkingOrders, EraseRemovesOnlyThatOrder) {
  WorkingOrders w;
  w.insert(sym("AAPL"), 1);
  w.insert(sym("AAPL"), 2);
  w.erase(sym("AAPL"), 1);
  w.erase(sym("AAPL"), 7);  // not working: nothing changes
  w.erase(sym("MSFT"), 2);  // wrong symbol: nothing changes
  EXPECT_EQ(ids(w, "AAPL"), (std::vector<OrderId>{2}));
  EXPECT_EQ(w.size(), 1u);
  w.erase(sym("AAPL"), 2);
  EXPECT_TRUE(w.empty());
}

TEST(WorkingOrders, ASymbolWhoseOrdersEndedEqualsOneThatNeverHadAny) {
  WorkingOrders churned;
  churned.insert(sym("AAPL"), 1);
  churned.insert(sym("MSFT"), 2);
  churned.erase(sym("AAPL"), 1);
  WorkingOrders fresh;
  fresh.insert(sym("MSFT"), 2);
  EXPECT_EQ(churned, fresh);
  fresh.insert(sym("TSLA"), 3);
  EXPECT_NE(churned, fresh);
  churned.insert(sym("TSLA"), 4);
  EXPECT_NE(churned, fresh);  // as many orders, but a different one
}

}  // namespace
}  // namespace stonks

// The queue's cursor and selection: keys, clicks with shift and ctrl, and
// rows that leave.
#include <gtest/gtest.h>

#include "imgui_ui/model/queue_selection.h"

namespace stonks::testing {
namespace {

using Ids = std::vector<ApprovalId>;

TEST(QueueSelection, TheCursorRowIsTheTargetUntilSomethingIsSelected) {
  ui::QueueSelection s;
  EXPECT_TRUE(s.targets().empty());
  s.sync({10, 11, 12});
  EXPECT_EQ(s.targets(), Ids{10});
  s.move(1, false);
  s.move(5, false);  // clamped
  EXPECT_EQ(s.cursor(), 12u);
  s.move(-1, true);  // shift+up: 12 and 11
  EXPECT_EQ(s.targets(), (Ids{11, 12}));
}

TEST(QueueSelection, ClicksSelectOneARangeOrOneMore) {
  ui::QueueSelection s;
  s.sync({1, 2, 3, 4, 5});
  s.click(2, false, false);
  EXPECT_EQ(s.targets(), Ids{2});
  s.click(4, true, false);  // shift: 2..4
  EXPECT_EQ(s.targets(), (Ids{2, 3, 4}));
  s.click(3, false, true);  // ctrl: 3 out
  EXPECT_EQ(s.targets(), (Ids{2, 4}));
  s.click(5, false, true);  // ctrl: 5 in
  EXPECT_EQ(s.targets(), (Ids{2, 4, 5}));
  s.select_all();
  EXPECT_EQ(s.selected_count(), 5u);
  s.clear();
  EXPECT_EQ(s.targets(), Ids{5});  // the cursor followed the last click
}

TEST(QueueSelection, DecidedRowsLeaveAndTheCursorTakesTheNext) {
  ui::QueueSelection s;
  s.sync({1, 2, 3, 4});
  s.click(2, false, false);
  s.click(3, false, true);
  s.sync({1, 3, 4});  // 2 was decided
  EXPECT_EQ(s.targets(), Ids{3});
  s.clear();
  s.sync({1, 4});  // the cursor's row (3) left: the next took its place
  EXPECT_EQ(s.cursor(), 4u);
  s.sync({});
  EXPECT_TRUE(s.targets().empty());
  EXPECT_EQ(s.cursor(), 0u);
}

}  // namespace
}  // namespace stonks::testing

// The approval queue's cursor and selection, over the pending requests in
// queue order: moved by keys, set by clicks (shift: a range from the last
// click, ctrl: one more or one less), kept across decisions (a decided row
// leaves; the cursor goes to the row that took its place).
#pragma once

#include <cstddef>
#include <set>
#include <vector>

#include "model/ids.h"

namespace stonks::ui {

class QueueSelection {
 public:
  // The rows now (oldest first); what left them leaves the selection.
  void sync(const std::vector<ApprovalId>& rows);
  // By `delta` rows, clamped; `extend` selects the rows passed over and the new one.
  void move(int delta, bool extend);
  void click(ApprovalId id, bool shift, bool ctrl);
  void toggle();  // the cursor's row
  void select_all();
  void clear() { selected_.clear(); }

  // What a decision acts on: the selected rows in queue order, or the
  // cursor's row when none is selected (empty when the queue is).
  std::vector<ApprovalId> targets() const;
  ApprovalId cursor() const { return rows_.empty() ? 0 : rows_[cursor_]; }
  std::size_t cursor_index() const { return cursor_; }
  bool selected(ApprovalId id) const { return selected_.contains(id); }
  std::size_t selected_count() const { return selected_.size(); }

 private:
  std::size_t index_of(ApprovalId id) const;  // rows_.size() when absent

  std::vector<ApprovalId> rows_;
  std::set<ApprovalId> selected_;
  std::size_t cursor_ = 0;
  ApprovalId anchor_ = 0;  // where a shift-click range starts
};

}  // namespace stonks::ui

#include "imgui_ui/model/queue_selection.h"

#include <algorithm>

namespace stonks::ui {

std::size_t QueueSelection::index_of(ApprovalId id) const {
  return static_cast<std::size_t>(std::find(rows_.begin(), rows_.end(), id) - rows_.begin());
}

void QueueSelection::sync(const std::vector<ApprovalId>& rows) {
  const ApprovalId was = cursor();
  const std::size_t was_index = cursor_;
  rows_ = rows;
  const std::set<ApprovalId> present(rows_.begin(), rows_.end());
  std::erase_if(selected_, [&](ApprovalId id) { return !present.contains(id); });
  const std::size_t at = index_of(was);
  // The cursor stays on its row; when that row left, on the one now in its place.
  cursor_ = at < rows_.size() ? at : std::min(was_index, rows_.empty() ? 0 : rows_.size() - 1);
}

void QueueSelection::move(int delta, bool extend) {
  if (rows_.empty()) return;
  const auto last = static_cast<long long>(rows_.size()) - 1;
  const auto to = static_cast<std::size_t>(std::clamp(static_cast<long long>(cursor_) + delta, 0LL, last));
  if (extend) {
    for (std::size_t i = std::min(cursor_, to); i <= std::max(cursor_, to); ++i) selected_.insert(rows_[i]);
  }
  cursor_ = to;
  anchor_ = rows_[cursor_];
}

void QueueSelection::click(ApprovalId id, bool shift, bool ctrl) {
  const std::size_t at = index_of(id);
  if (at == rows_.size()) return;
  if (shift && index_of(anchor_) < rows_.size()) {
    const std::size_t from = index_of(anchor_);
    if (!ctrl) selected_.clear();
    for (std::size_t i = std::min(from, at); i <= std::max(from, at); ++i) selected_.insert(rows_[i]);
  } else if (ctrl) {
    if (!selected_.erase(id)) selected_.insert(id);
    anchor_ = id;
  } else {
    selected_ = {id};
    anchor_ = id;
  }
  cursor_ = at;
}

void QueueSelection::toggle() {
  if (rows_.empty()) return;
  const ApprovalId id = rows_[cursor_];
  if (!selected_.erase(id)) selected_.insert(id);
  anchor_ = id;
}

void QueueSelection::select_all() { selected_.insert(rows_.begin(), rows_.end()); }

std::vector<ApprovalId> QueueSelection::targets() const {
  if (selected_.empty()) return rows_.empty() ? std::vector<ApprovalId>{} : std::vector<ApprovalId>{rows_[cursor_]};
  std::vector<ApprovalId> out;
  for (ApprovalId id : rows_)
    if (selected_.contains(id)) out.push_back(id);
  return out;
}

}  // namespace stonks::ui

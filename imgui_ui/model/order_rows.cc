// Orders blotter: cells, filters, sorting.
#include "imgui_ui/model/order_rows.h"

#include <algorithm>
#include <cctype>

#include "imgui_ui/model/display_format.h"

namespace stonks::ui {
namespace {

char fold(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// Negative, zero or positive as a sorts before, with or after b on `column`.
int compare(const Order& a, const Order& b, OrderColumn column) {
  auto cmp = [](const auto& x, const auto& y) { return x < y ? -1 : (y < x ? 1 : 0); };
  const OrderIntent &x = a.intent(), &y = b.intent();
  switch (column) {
    case OrderColumn::kId:
      return cmp(a.id(), b.id());
    case OrderColumn::kTime:
      return cmp(a.created_at(), b.created_at());
    case OrderColumn::kTicker:
      return cmp(x.symbol.str(), y.symbol.str());
    case OrderColumn::kSide:
      return cmp(static_cast<int>(x.side), static_cast<int>(y.side));
    case OrderColumn::kQty:
      return cmp(x.qty, y.qty);
    case OrderColumn::kType:
      return cmp(static_cast<int>(x.type), static_cast<int>(y.type));
    case OrderColumn::kLimit:
      return cmp(x.limit_price.value_or(Price()), y.limit_price.value_or(Price()));
    case OrderColumn::kStatus:
      return cmp(std::string_view(to_string(a.status())), std::string_view(to_string(b.status())));
    case OrderColumn::kFilled:
      return cmp(a.filled_qty(), b.filled_qty());
    case OrderColumn::kAvgPrice:
      return cmp(a.avg_fill_price(), b.avg_fill_price());
    case OrderColumn::kSource:
      return cmp(x.source, y.source);
    case OrderColumn::kReasons:
      return cmp(reasons_text(a), reasons_text(b));
  }
  return 0;
}

}  // namespace

std::string reasons_text(const Order& o) {
  std::string out;
  for (const Reason& r : o.reasons()) out += (out.empty() ? "" : "; ") + r.to_string();
  return out;
}

bool equal_folded(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return fold(x) == fold(y); });
}

bool contains_folded(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                     [](char x, char y) { return fold(x) == fold(y); }) != haystack.end();
}

const std::vector<std::string>& order_headers() {
  static const std::vector<std::string> headers = {"Id",    "Time",   "Ticker", "Side",      "Qty",    "Type",
                                                   "Limit", "Status", "Filled", "Avg price", "Source", "Reasons"};
  return headers;
}

std::vector<std::string> order_cells(const Order& o) {
  const OrderIntent& in = o.intent();
  return {std::to_string(o.id()),
          format_clock(o.created_at()),
          in.symbol.str(),
          to_string(in.side),
          std::to_string(in.qty),
          to_string(in.type),
          in.limit_price ? in.limit_price->to_string() : "",
          to_string(o.status()),
          std::to_string(o.filled_qty()),
          o.filled_qty() > 0 ? o.avg_fill_price().to_string() : "",
          in.source,
          reasons_text(o)};
}

bool matches(const Order& o, const OrderFilter& f) {
  switch (f.status) {
    case OrderFilter::Status::kAll:
      break;
    case OrderFilter::Status::kOpen:
      if (is_terminal(o.status())) return false;
      break;
    case OrderFilter::Status::kDone:
      if (!is_terminal(o.status())) return false;
      break;
    case OrderFilter::Status::kOne:
      if (o.status() != f.one) return false;
      break;
  }
  const OrderIntent& in = o.intent();
  if (f.side && in.side != *f.side) return false;
  if (!f.ticker.empty() && !equal_folded(in.symbol.str(), f.ticker)) return false;
  if (!contains_folded(in.source, f.source)) return false;
  if (f.text.empty()) return true;
  if (contains_folded(in.client_order_id, f.text)) return true;
  for (const std::string& cell : order_cells(o))
    if (contains_folded(cell, f.text)) return true;
  return false;
}

std::vector<OrderId> select_orders(const OrderTable& orders, const OrderFilter& filter, const OrderSort& sort) {
  std::vector<OrderId> ids;
  ids.reserve(orders.size());
  for (const auto& row : orders)
    if (matches(row.second, filter)) ids.push_back(row.second.id());
  if (sort.column == OrderColumn::kId) {
    if (!sort.ascending) std::reverse(ids.begin(), ids.end());
    return ids;
  }
  std::stable_sort(ids.begin(), ids.end(), [&](OrderId a, OrderId b) {
    const int c = compare(orders.at(a), orders.at(b), sort.column);
    if (c != 0) return sort.ascending ? c < 0 : c > 0;
    return sort.ascending ? a < b : a > b;
  });
  return ids;
}

}  // namespace stonks::ui

// The book's data: fills' rows, positions with their P&L (a totals row
// too), and the account's figures, each as the views show and export them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/engine_state.h"
#include "imgui_ui/model/desk_history.h"

namespace stonks::ui {

// Fills: header names and a fill's cells in column order.
const std::vector<std::string>& fill_headers();
std::vector<std::string> fill_cells(const Fill& fill);
// Ticker exact (any case) and free text over every cell; empty: all.
struct FillFilter {
  std::string ticker;
  std::string text;
  bool operator==(const FillFilter&) const = default;
};
bool matches(const Fill& fill, const FillFilter& filter);

struct PositionRow {
  Symbol symbol;
  Quantity qty = 0;
  Price avg_cost;
  std::optional<Price> last;  // the market's mark; nullopt: not quoted (valued at cost)
  Money market_value;
  Money unrealized;
  Money realized;
  // Today's P&L: value now minus value at the day's start, net of today's
  // fills. nullopt when it cannot be known (held since before today, and no
  // price of the day's start in the history).
  std::optional<Money> day_pnl;
};

// Today's fills per symbol -- the quantity they moved and the cash they
// took (buys negative, fees included) -- kept across frames: fills only grow
// and come in time order, so update() looks only at the fills that came
// since the last call. A new UTC day, or fewer fills than before (another
// engine's), starts the count over.
class DayFills {
 public:
  struct Moved {
    Quantity qty = 0;
    Money cash;
  };
  void update(const ChunkedVector<Fill>& fills, Timestamp now);
  // Null when the symbol has no fill today.
  const Moved* find(const Symbol& symbol) const;

 private:
  Timestamp day_start_{};
  std::size_t seen_ = 0;  // fills looked at
  std::map<Symbol, Moved> moved_;
};

// Every symbol held or traded (flat ones keep their realized P&L), by
// ticker, and the totals of the money columns (a day P&L total only when
// every row has one). `today` must be up to date for `now`; without it the
// day's fills are counted afresh.
struct PositionTable {
  std::vector<PositionRow> rows;
  Money market_value, unrealized, realized;
  std::optional<Money> day_pnl;
};
PositionTable position_table(const EngineState& state, const DeskHistory* history, Timestamp now,
                             const DayFills& today);
PositionTable position_table(const EngineState& state, const DeskHistory* history, Timestamp now);

const std::vector<std::string>& position_headers();
std::vector<std::string> position_cells(const PositionRow& row);

}  // namespace stonks::ui

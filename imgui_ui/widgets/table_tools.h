// What every table of the desk does the same way: a row selected with a
// click across its width, a right-click menu that copies the cell, the row
// or the whole (filtered) table as TSV, and an Export button that saves the
// filtered rows as CSV through the host.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "imgui_ui/desk_context.h"

namespace stonks::ui {

using CellsFn = std::function<std::vector<std::string>()>;
using TextFn = std::function<std::string()>;

// Draws `text` as the row's first cell, selectable across every column and
// recorded under `id` (its cells, tab-separated, as the message there); true
// when clicked. A right-click opens the copy menu:
// `cells` gives this row's cells, `table_tsv` the table's rows (both asked
// only when chosen).
bool selectable_row(FrameRecord& frame, const std::string& id, const std::string& text, bool selected,
                    const CellsFn& cells, const TextFn& table_tsv);

// Rows as TSV (a header line first) or CSV (the export), from `count` rows
// whose cells `row(i)` gives.
std::string table_text(const std::vector<std::string>& headers, std::size_t count,
                       const std::function<std::vector<std::string>(std::size_t)>& row, bool csv);

// An "Export CSV" button recorded under `id`: saves `csv()` as `file_name`
// through the host and says so in a toast. Disabled when the host saves no files.
void export_button(DeskContext& ctx, const char* id, const std::string& file_name, std::size_t rows, const TextFn& csv);

// A filter text field with a label, recorded under `id`; true when edited.
bool filter_field(FrameRecord& frame, const char* id, const char* label, char* buf, std::size_t size, float width);

}  // namespace stonks::ui

// CSV and TSV rows of the desk's tables: what an export downloads and what a
// copy puts on the clipboard. Cells are text as the table shows it (prices
// and money exact, as Price/Money print).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace stonks::ui {

// One RFC 4180 field: quoted when it holds a comma, a quote, a line break or
// leading/trailing space, with quotes doubled.
std::string csv_field(std::string_view text);
// A line of fields joined by commas, ending in "\r\n" (RFC 4180).
std::string csv_row(const std::vector<std::string>& cells);
// A line of cells joined by tabs, ending in "\n"; tabs and line breaks
// inside a cell become spaces (a spreadsheet's paste splits on them).
std::string tsv_row(const std::vector<std::string>& cells);

}  // namespace stonks::ui

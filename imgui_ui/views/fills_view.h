// The Fills view: every fill, newest first (filtered by ticker and free
// text, clipped), its order a click away, and the filtered rows as CSV.
#pragma once

#include <vector>

#include "imgui_ui/desk_context.h"
#include "imgui_ui/model/book_rows.h"

namespace stonks::ui {

class FillsView {
 public:
  void draw(DeskContext& ctx);

  FillFilter filter;  // remembered across reloads

 private:
  char ticker_[16] = {};
  char text_[64] = {};
  std::vector<std::size_t> rows_;  // indices into state.fills, newest first
  std::size_t rows_for_ = 0;       // the fill count rows_ was made for
  FillFilter rows_filter_;
};

}  // namespace stonks::ui

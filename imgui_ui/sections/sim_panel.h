// SimPanel: the simulated market's strip (shown when the host runs one):
// the simulation clock, speed buttons, the seed and the news rate, and Reset
// sandbox (asks first), and the sandbox as a file (sandbox_file.h). Acts
// through GET/PUT /api/sim, POST /api/sim/reset and /api/sandbox/*.
#pragma once

#include <cstdint>

#include "imgui_ui/desk_context.h"
#include "imgui_ui/sections/sandbox_file.h"

namespace stonks::ui {

struct SimPanel {
  std::uint64_t seed = 0;
  bool editing_seed = false;  // the operator typed: show their seed until applied
  int news_per_hour = 0;
  bool editing_news = false;
  SandboxFile file;

  void draw(DeskContext& ctx, const SimStatus& sim);
};

}  // namespace stonks::ui

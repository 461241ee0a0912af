// The Broker section of a desk mirroring a live server: the link to the
// broker (connected, or failing since when and why), latency and rate
// budget; the broker's cash, buying power and equity beside the engine's;
// positions broker against engine. Every difference (reconcile()) is drawn
// as an error saying what differs, and recorded at ids::kBrokerDifferences.
#pragma once

#include "imgui_ui/broker_view.h"
#include "imgui_ui/desk_context.h"

namespace stonks::ui {

void draw_broker_panel(DeskContext& ctx, const BrokerStatusView& broker);

}  // namespace stonks::ui

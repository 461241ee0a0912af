// The Alerts popup, opened from the status strip: per kind of alert a toast
// and a tone, browser notifications while the tab is hidden, and a test
// tone. The settings live in the desk's layout (remembered across reloads).
#pragma once

#include <functional>

#include "imgui_ui/desk.h"
#include "imgui_ui/desk_context.h"
#include "imgui_ui/model/alerts.h"

namespace stonks::ui {

inline constexpr const char* kAlertsPopup = "Alerts##popup";

// Draws the popup while it is open (ImGui::OpenPopup(kAlertsPopup) opens it).
void draw_alert_settings(DeskContext& ctx, AlertSettings& settings, const AlertHost& host);

}  // namespace stonks::ui

// DeskSettings: lines in, lines out.
#include "imgui_ui/model/desk_settings.h"

#include <charconv>

namespace stonks::ui {
namespace {

// Values are single-line: a line break would end the entry.
std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

}  // namespace

std::string DeskSettings::to_lines() const {
  std::string out;
  auto put = [&out](const char* key, const std::string& value) {
    out += std::string(key) + "=" + one_line(value) + "\n";
  };
  put("view", view);
  put("ticker", ticker);
  put("market.filter", market_filter);
  put("market.length", to_string(length));
  put("market.stale_after_seconds", std::to_string(stale_after_seconds));
  put("orders.status", to_string(orders.status));
  put("orders.one", to_string(orders.one));
  put("orders.side", orders.side ? to_string(*orders.side) : "");
  put("orders.ticker", orders.ticker);
  put("orders.source", orders.source);
  put("orders.text", orders.text);
  put("fills.ticker", fills.ticker);
  put("fills.text", fills.text);
  put("audit.action", audit.action);
  put("audit.actor", audit.actor);
  put("audit.ticker", audit.ticker);
  put("flatten.dismissed", dismissed_flatten);
  for (const auto& [kind, name] : EnumNames<AlertKind>::table) {
    const std::size_t k = static_cast<std::size_t>(kind);
    put((std::string("alerts.") + name).c_str(), std::string(alerts.toast[k] ? "toast" : "") +
                                                     (alerts.toast[k] && alerts.sound[k] ? "," : "") +
                                                     (alerts.sound[k] ? "sound" : ""));
  }
  put("alerts.notify", alerts.notify ? "on" : "off");
  return out;
}

void DeskSettings::read_line(std::string_view line) {
  const std::size_t eq = line.find('=');
  if (eq == std::string_view::npos) return;
  const std::string_view key = line.substr(0, eq);
  const std::string value(line.substr(eq + 1));
  if (key == "view")
    view = value;
  else if (key == "ticker")
    ticker = value;
  else if (key == "market.filter")
    market_filter = value;
  else if (key == "market.length") {
    if (auto l = parse_enum<CandleLength>(value)) length = *l;
  } else if (key == "market.stale_after_seconds") {
    int n = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec == std::errc() && end == value.data() + value.size() && n >= 1 && n <= 3600) stale_after_seconds = n;
  } else if (key == "orders.status") {
    if (auto s = parse_enum<OrderFilter::Status>(value)) orders.status = *s;
  } else if (key == "orders.one") {
    if (auto s = parse_enum<OrderStatus>(value)) orders.one = *s;
  } else if (key == "orders.side") {
    orders.side = parse_enum<Side>(value);
  } else if (key == "orders.ticker")
    orders.ticker = value;
  else if (key == "orders.source")
    orders.source = value;
  else if (key == "orders.text")
    orders.text = value;
  else if (key == "fills.ticker")
    fills.ticker = value;
  else if (key == "fills.text")
    fills.text = value;
  else if (key == "audit.action")
    audit.action = value;
  else if (key == "audit.actor")
    audit.actor = value;
  else if (key == "audit.ticker")
    audit.ticker = value;
  else if (key == "flatten.dismissed")
    dismissed_flatten = value;
  else if (key == "alerts.notify")
    alerts.notify = value == "on";
  else if (key.starts_with("alerts.")) {
    if (auto kind = parse_enum<AlertKind>(key.substr(7))) {
      const std::size_t k = static_cast<std::size_t>(*kind);
      alerts.toast[k] = value.find("toast") != std::string::npos;
      alerts.sound[k] = value.find("sound") != std::string::npos;
    }
  }
}

}  // namespace stonks::ui

#include "core/events.h"

#include <string_view>

namespace stonks {
namespace {

template <std::size_t... I>
constexpr bool names_unique(std::index_sequence<I...>) {
  const std::string_view names[] = {std::variant_alternative_t<I, Event>::kName...};
  for (std::size_t i = 0; i < sizeof...(I); ++i)
    for (std::size_t j = i + 1; j < sizeof...(I); ++j)
      if (names[i] == names[j]) return false;
  return true;
}
static_assert(names_unique(std::make_index_sequence<std::variant_size_v<Event>>()), "two events share a name");

}  // namespace

const char* event_name(const Event& e) {
  return std::visit([](const auto& event) { return std::decay_t<decltype(event)>::kName; }, e);
}

}  // namespace stonks

// Enum names: one table per enum gives its wire names, to_string, parsing
// and the "expected ..." message, and the compiler checks the table is complete.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace stonks {

template <class E>
struct EnumName {
  E value;
  const char* name;
};

// Specialized beside each enum, listing every enumerator in declaration
// order (enumerators run 0, 1, 2, ...):
//
//   template <> struct EnumNames<Side> {
//     static constexpr EnumName<Side> table[] = {{Side::kBuy, "buy"}, {Side::kSell, "sell"}};
//   };
template <class E>
struct EnumNames;

template <class E>
concept NamedEnum = requires {
  EnumNames<E>::table;
};

namespace enum_names_detail {

// Whether V is a named enumerator of its type: the compilers spell an
// unnamed value as a cast, "(Side)2", in the function's signature.
template <auto V>
constexpr bool is_enumerator() {
  const std::string_view f = __PRETTY_FUNCTION__;
  const std::size_t eq = f.rfind("= ");
  return eq != std::string_view::npos && f[eq + 2] != '(' && !(f[eq + 2] >= '0' && f[eq + 2] <= '9');
}

// Every table entry sits at its enumerator's index, and the value after the
// last entry is not an enumerator: a new enumerator without a name fails.
template <NamedEnum E>
constexpr bool complete() {
  constexpr std::size_t n = std::size(EnumNames<E>::table);
  for (std::size_t i = 0; i < n; ++i)
    if (static_cast<std::size_t>(EnumNames<E>::table[i].value) != i) return false;
  return !is_enumerator<static_cast<E>(n)>();
}

}  // namespace enum_names_detail

// "buy", "pending_approval", "LOCKED_OUT", ...
template <NamedEnum E>
constexpr const char* to_string(E e) {
  static_assert(enum_names_detail::complete<E>(), "EnumNames table is missing an enumerator or out of order");
  return EnumNames<E>::table[static_cast<std::size_t>(e)].name;
}

// The enumerator named `name` exactly (case-sensitive), among `allowed` when
// given (e.g. an approval decision is only approved or rejected).
template <NamedEnum E>
std::optional<E> parse_enum(std::string_view name, std::initializer_list<E> allowed = {}) {
  static_assert(enum_names_detail::complete<E>(), "EnumNames table is missing an enumerator or out of order");
  for (const EnumName<E>& n : EnumNames<E>::table) {
    if (name != n.name) continue;
    if (allowed.size() == 0) return n.value;
    for (E a : allowed)
      if (a == n.value) return n.value;
  }
  return std::nullopt;
}

// The names for an error message, in table order: "\"buy\" or \"sell\"",
// "\"disabled\", \"paper\" or \"live\"" (only `allowed` ones when given).
template <NamedEnum E>
std::string enum_choices(std::initializer_list<E> allowed = {}) {
  std::string out;
  std::size_t count = 0, total = allowed.size() ? allowed.size() : std::size(EnumNames<E>::table);
  for (const EnumName<E>& n : EnumNames<E>::table) {
    bool listed = allowed.size() == 0;
    for (E a : allowed) listed = listed || a == n.value;
    if (!listed) continue;
    if (count > 0) out += (count + 1 == total) ? " or " : ", ";
    out += '"';
    out += n.name;
    out += '"';
    ++count;
  }
  return out;
}

}  // namespace stonks

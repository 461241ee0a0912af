// Overload: a visitor built from lambdas, for std::visit over events.
#pragma once

namespace stonks {

template <class... Fs>
struct Overload : Fs... {
  using Fs::operator()...;
};
template <class... Fs>
Overload(Fs...) -> Overload<Fs...>;

}  // namespace stonks

// Queries over the events a RecordingSink has seen, for engine tests.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "support/recording_sink.h"

namespace stonks::testing {

// The names of the events committed since index `from`, in order.
inline std::vector<std::string> event_names(const RecordingSink& sink, std::size_t from) {
  std::vector<std::string> out;
  for (std::size_t i = from; i < sink.events.size(); ++i) out.push_back(event_name(sink.events[i].event));
  return out;
}

template <class E>
std::vector<E> events_of(const RecordingSink& sink, std::size_t from = 0) {
  std::vector<E> out;
  for (std::size_t i = from; i < sink.events.size(); ++i)
    if (const E* e = std::get_if<E>(&sink.events[i].event)) out.push_back(*e);
  return out;
}

}  // namespace stonks::testing

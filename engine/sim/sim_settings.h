// SimSettings: what the operator controls of the simulated market (speed, seed,
// news rate), and SimStatus: what the panel shows of it.
#pragma once

#include <array>
#include <cstdint>

#include "model/status.h"
#include "model/time.h"

namespace stonks {

struct SimSettings {
  // Simulated seconds per real second; 0 is paused.
  static constexpr std::array<int, 5> kSpeeds = {0, 1, 10, 100, 1000};
  static constexpr int kMaxNewsPerHour = 3600;
  std::uint64_t seed = 1;
  int speed = 1;           // one of kSpeeds
  int news_per_hour = 12;  // simulated hours; 0 switches news off
  bool operator==(const SimSettings&) const = default;
};

struct SimStatus {
  SimSettings settings;
  Timestamp clock{};  // the simulation clock: the engine's `now` in the sandbox
  // Counted since the sandbox was created (kept across reopening; a reset
  // starts them again from 0).
  std::uint64_t quotes = 0;  // quotes fed to the engine
  std::uint64_t news = 0;    // headlines fed to the engine
  bool operator==(const SimStatus&) const = default;
};

// speed one of kSpeeds (field "speed"), news_per_hour 0..kMaxNewsPerHour
// (field "news_per_hour"); any seed. kInvalidArgument naming the field.
Status validate(const SimSettings& settings);

}  // namespace stonks

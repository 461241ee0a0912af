// Identifiers the engine assigns. Zero means "none".
#pragma once

#include <cstdint>

namespace stonks {

using OrderId = std::uint64_t;
using ApprovalId = std::uint64_t;
using LockoutId = std::uint64_t;
using FillId = std::uint64_t;
using EventSeq = std::uint64_t;

}  // namespace stonks

// Axis ticks: the 1-2-5 ladder on exact integers, the clock ladder aligned on
// UTC, and the tick labels.
#include "chart/axis_ticks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace stonks {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

Timestamp iso(const char* text) { return *parse_iso8601(text); }

// The ladder 1, 2, 5, 10, 20, 50, ... up to 5e17.
std::vector<std::int64_t> ladder() {
  std::vector<std::int64_t> out;
  for (std::int64_t p = 1; p <= 100'000'000'000'000'000; p *= 10)
    for (std::int64_t m : {1, 2, 5}) out.push_back(p * m);
  return out;
}

std::int64_t multiples_in(std::int64_t lo, std::int64_t hi, std::int64_t step) {
  std::int64_t n = 0;
  for (std::int64_t k = lo - (lo % step); k <= hi; k += step)
    if (k >= lo) ++n;
  return n;
}

TEST(NiceTicks, AreTheMultiplesOfTheFinestOneTwoFiveStepThatFits) {
  EXPECT_EQ(nice_ticks(0, 100, 6), (std::vector<std::int64_t>{0, 20, 40, 60, 80, 100}));
  EXPECT_EQ(nice_ticks(0, 100, 11), (std::vector<std::int64_t>{0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100}));
  // 12.34 .. 12.80 in micro-units: steps of 0.10.
  EXPECT_EQ(nice_ticks(12'340'000, 12'800'000, 6),
            (std::vector<std::int64_t>{12'400'000, 12'500'000, 12'600'000, 12'700'000, 12'800'000}));
}

TEST(NiceTicks, NeverExceedMaxTicksAndAreNoSparserThanNeeded) {
  const std::vector<std::int64_t> steps = ladder();
  const std::vector<std::pair<std::int64_t, std::int64_t>> ranges = {{0, 1},
                                                                     {3, 97},
                                                                     {-7, 13},
                                                                     {12'345'678, 12'999'999},
                                                                     {-5'000'000, -4'000'001},
                                                                     {1, 999'999},
                                                                     {-250'000, 250'000},
                                                                     {42, 42},
                                                                     {99'000'000, 101'000'000},
                                                                     {-3, -1}};
  for (const auto& [lo, hi] : ranges) {
    for (int max = 2; max <= 12; ++max) {
      const std::vector<std::int64_t> t = nice_ticks(lo, hi, max);
      ASSERT_LE(static_cast<int>(t.size()), max) << lo << ".." << hi << " max " << max;
      for (std::int64_t v : t) {
        EXPECT_GE(v, lo);
        EXPECT_LE(v, hi);
      }
      if (t.size() < 2) continue;
      const std::int64_t step = t[1] - t[0];
      for (std::size_t i = 1; i < t.size(); ++i) ASSERT_EQ(t[i] - t[i - 1], step);
      for (std::int64_t v : t) EXPECT_EQ(v % step, 0) << "exact multiples of the step";
      const auto it = std::find(steps.begin(), steps.end(), step);
      ASSERT_NE(it, steps.end()) << step << " is not on the 1-2-5 ladder";
      EXPECT_EQ(static_cast<std::int64_t>(t.size()), multiples_in(lo, hi, step)) << "every multiple in range";
      if (it != steps.begin()) {
        EXPECT_GT((hi - lo) / *(it - 1) + 1, max) << "the finer step " << *(it - 1) << " would have fitted";
      }
    }
  }
}

TEST(NiceTicks, HandleNegativeRanges) {
  EXPECT_EQ(nice_ticks(-1'050'000, -950'000, 5), (std::vector<std::int64_t>{-1'050'000, -1'000'000, -950'000}));
  EXPECT_EQ(nice_ticks(-25, 25, 6), (std::vector<std::int64_t>{-20, -10, 0, 10, 20}));
  EXPECT_EQ(nice_ticks(-9, -1, 3), (std::vector<std::int64_t>{-5}));
}

TEST(NiceTicks, AreEmptyWhenHighIsBelowLow) {
  EXPECT_TRUE(nice_ticks(5, 4, 6).empty());
  EXPECT_EQ(nice_ticks(7, 7, 6), (std::vector<std::int64_t>{7}));
}

TEST(TimeTicks, PickTheFinestClockStepThatFits) {
  const Timestamp t0 = iso("2026-01-05T09:30:00Z");
  const TimeTicks t = time_ticks(t0, t0 + hours(2), 6);
  EXPECT_EQ(t.step, minutes(30)) << "15 minutes would give 9 ticks";
  EXPECT_EQ(t.at, (std::vector<Timestamp>{iso("2026-01-05T09:30:00Z"), iso("2026-01-05T10:00:00Z"),
                                          iso("2026-01-05T10:30:00Z"), iso("2026-01-05T11:00:00Z"),
                                          iso("2026-01-05T11:30:00Z")}));
  EXPECT_EQ(time_ticks(t0, t0 + seconds(20), 6).step, seconds(5));
  EXPECT_EQ(time_ticks(t0, t0 + hours(20), 6).step, hours(6));
  EXPECT_EQ(time_ticks(t0, t0 + hours(24 * 40), 6).step, hours(24 * 7));
}

TEST(TimeTicks, AreAlignedOnUtcMultiplesOfTheStep) {
  const Timestamp t0 = iso("2026-01-05T09:31:07Z");
  const TimeTicks t = time_ticks(t0, t0 + minutes(50), 6);
  EXPECT_EQ(t.step, minutes(15));
  EXPECT_EQ(t.at, (std::vector<Timestamp>{iso("2026-01-05T09:45:00Z"), iso("2026-01-05T10:00:00Z"),
                                          iso("2026-01-05T10:15:00Z")}));
  const TimeTicks days = time_ticks(iso("2026-01-05T13:00:00Z"), iso("2026-01-09T13:00:00Z"), 6);
  EXPECT_EQ(days.step, hours(24));
  ASSERT_EQ(days.at.size(), 4u);
  EXPECT_EQ(days.at.front(), iso("2026-01-06T00:00:00Z")) << "UTC midnight, not 13:00";
}

TEST(TimeTicks, BeyondTheLadderUseItsLongestStep) {
  const TimeTicks t = time_ticks(iso("2000-01-01T00:00:00Z"), iso("2026-01-01T00:00:00Z"), 6);
  EXPECT_EQ(t.step, hours(24 * 30));
  for (Timestamp at : t.at) EXPECT_EQ(micros_since_epoch(at) % t.step.count(), 0);
}

TEST(TimeTicks, AreEmptyWhenTheRangeIsReversed) {
  const TimeTicks t = time_ticks(iso("2026-01-05T10:00:00Z"), iso("2026-01-05T09:00:00Z"), 6);
  EXPECT_TRUE(t.at.empty());
  EXPECT_EQ(t.step, Duration(0));
}

TEST(TimeTickLabel, ShowsSecondsUnderAMinuteMinutesUnderADayAndTheDateForDays) {
  const Timestamp t = iso("2026-01-05T14:30:05Z");
  EXPECT_EQ(time_tick_label(t, seconds(5)), "14:30:05");
  EXPECT_EQ(time_tick_label(t, minutes(1)), "14:30");
  EXPECT_EQ(time_tick_label(t, hours(3)), "14:30");
  EXPECT_EQ(time_tick_label(t, hours(24)), "01-05");
  EXPECT_EQ(time_tick_label(iso("2026-12-07T00:00:00Z"), hours(24 * 7)), "12-07");
}

TEST(TimeTickLabel, IsUtcBeforeTheEpochToo) {
  const Timestamp t = iso("1969-12-31T23:59:59Z");
  EXPECT_EQ(time_tick_label(t, seconds(1)), "23:59:59");
  EXPECT_EQ(time_tick_label(t, hours(1)), "23:59");
  EXPECT_EQ(time_tick_label(t, hours(24)), "12-31");
}

}  // namespace
}  // namespace stonks

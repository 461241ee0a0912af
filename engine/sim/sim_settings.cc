#include "sim/sim_settings.h"

#include <algorithm>
#include <string>

namespace stonks {

Status validate(const SimSettings& settings) {
  if (std::find(SimSettings::kSpeeds.begin(), SimSettings::kSpeeds.end(), settings.speed) == SimSettings::kSpeeds.end())
    return Status::invalid_argument("speed must be one of 0, 1, 10, 100, 1000; got " + std::to_string(settings.speed),
                                    "speed");
  if (settings.news_per_hour < 0 || settings.news_per_hour > SimSettings::kMaxNewsPerHour)
    return Status::invalid_argument("news_per_hour must be 0-" + std::to_string(SimSettings::kMaxNewsPerHour) +
                                        "; got " + std::to_string(settings.news_per_hour),
                                    "news_per_hour");
  return Status::ok();
}

}  // namespace stonks

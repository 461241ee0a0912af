#include "auth_throttle.h"

#include <algorithm>

namespace stonks::server {

AuthThrottle::Failure AuthThrottle::failed(const std::string& address) {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mu_);
  if (records_.size() >= kPruneAt)
    std::erase_if(records_, [&](const auto& item) { return now - item.second.last > kForgetAfter; });
  Record& r = records_[address];
  if (r.count > 0 && now - r.last > kForgetAfter) r.count = 0;
  r.count++;
  r.last = now;
  // base * 2^(n-1), computed without overflow: stop doubling at the cap.
  std::chrono::milliseconds delay = base_;
  for (std::uint64_t i = 1; i < r.count && delay.count() > 0 && delay < cap_; ++i) delay *= 2;
  return Failure{r.count, std::min(delay, cap_)};
}

void AuthThrottle::succeeded(const std::string& address) {
  std::lock_guard lock(mu_);
  records_.erase(address);
}

}  // namespace stonks::server

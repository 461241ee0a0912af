// ReadCache: the answers to reads that depend only on the engine's state,
// kept while that state stands still (no event since), so that a desk
// polling the pending approvals or the orders is answered on its own HTTP
// thread instead of queueing behind the engine thread's commands and its
// journal flush.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "api/api_types.h"

namespace stonks::server {

class ReadCache {
 public:
  // Distinct reads kept at most; past it the cache starts again empty.
  static constexpr std::size_t kMaxEntries = 512;

  // A GET of a route whose answer is a function of the state alone: not of
  // the clock (the account's day, lockouts' activity), of a live broker
  // (its status), or a wait (the event stream's long poll).
  static bool cacheable(const ApiRequest& request);

  // The answer `request` got when the engine's last event was `seq`, if
  // that is still the last one. Any thread.
  std::optional<ApiResponse> find(const ApiRequest& request, std::uint64_t seq) const;
  // Keeps a 200 answer given at `seq`. Any thread.
  void put(const ApiRequest& request, std::uint64_t seq, const ApiResponse& response);

 private:
  struct Entry {
    std::uint64_t seq = 0;
    ApiResponse response;
  };
  // Everything the router reads from a GET but the clock: the path, the
  // query and who asks (a submitter sees only its own orders).
  static std::string key(const ApiRequest& request);

  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace stonks::server

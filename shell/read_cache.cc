#include "read_cache.h"

#include <mutex>
#include <string_view>

namespace stonks::server {
namespace {

// The state-only reads, by path prefix (engine/api/api_router.cc's table).
constexpr std::string_view kCacheable[] = {
    "/api/admin/trading/approvals",
    "/api/admin/trading/approval-config",
    "/api/admin/trading/mode",
    "/api/admin/trading/halt",
    "/api/admin/trading/risk-config",
    "/api/orders",
    "/api/positions",
    "/api/audit",
    "/api/snapshot",
};

}  // namespace

bool ReadCache::cacheable(const ApiRequest& request) {
  if (request.method != "GET") return false;
  for (std::string_view prefix : kCacheable) {
    const std::string_view path = request.path;
    if (path.substr(0, prefix.size()) == prefix && (path.size() == prefix.size() || path[prefix.size()] == '/'))
      return true;
  }
  return false;
}

std::string ReadCache::key(const ApiRequest& request) {
  std::string k = request.path;
  k += '?';
  k += request.query;
  k += '\0';
  k += request.actor;
  k += '\0';
  k += request.fixed_source;
  return k;
}

std::optional<ApiResponse> ReadCache::find(const ApiRequest& request, std::uint64_t seq) const {
  const std::string k = key(request);
  std::shared_lock lock(mu_);
  auto it = entries_.find(k);
  if (it == entries_.end() || it->second.seq != seq) return std::nullopt;
  return it->second.response;
}

void ReadCache::put(const ApiRequest& request, std::uint64_t seq, const ApiResponse& response) {
  if (response.status != 200) return;
  std::string k = key(request);
  std::unique_lock lock(mu_);
  if (entries_.size() >= kMaxEntries && !entries_.count(k)) entries_.clear();
  entries_.insert_or_assign(std::move(k), Entry{seq, response});
}

}  // namespace stonks::server

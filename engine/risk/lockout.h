// Lockouts: a symbol barred from trading for a while, by the operator or by a
// system guard, and the book that holds them with their history.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/enum_names.h"
#include "model/ids.h"
#include "model/side.h"
#include "model/status.h"
#include "model/symbol.h"
#include "model/time.h"

namespace stonks {

enum class LockoutSource { kManual, kNewsShock, kCooldown };
enum class LockoutSide { kBoth, kBuy, kSell };

template <>
struct EnumNames<LockoutSource> {
  static constexpr EnumName<LockoutSource> table[] = {{LockoutSource::kManual, "manual"},
                                                      {LockoutSource::kNewsShock, "news_shock"},
                                                      {LockoutSource::kCooldown, "cooldown"}};
};
template <>
struct EnumNames<LockoutSide> {
  static constexpr EnumName<LockoutSide> table[] = {
      {LockoutSide::kBoth, "both"}, {LockoutSide::kBuy, "buy"}, {LockoutSide::kSell, "sell"}};
};

struct Lockout {
  static constexpr std::size_t kMaxReasonLength = 500;
  static constexpr int kMaxDurationMinutes = 7 * 24 * 60;

  LockoutId id = 0;
  Symbol symbol;
  std::string reason;
  LockoutSource source = LockoutSource::kManual;
  LockoutSide side = LockoutSide::kBoth;
  Timestamp created_at{};
  Timestamp expires_at{};
  std::string created_by;
  // Removed early by someone (kept in history as inactive).
  std::optional<Timestamp> removed_at;
  std::string removed_by;
  // Marked expired by a tick at/after expires_at.
  bool expired = false;

  // Whether it bars trading at `now`: not removed, not expired, not past expiry.
  bool active_at(Timestamp now) const { return !removed_at && !expired && now < expires_at; }
  bool applies_to(Side s) const {
    return side == LockoutSide::kBoth || (side == LockoutSide::kBuy) == (s == Side::kBuy);
  }
  bool operator==(const Lockout&) const = default;
};

// What the operator (or a guard) asks for; validated before any event.
struct LockoutRequest {
  Symbol symbol;
  std::string reason;
  int duration_minutes = 0;
  LockoutSide side = LockoutSide::kBoth;
  std::string created_by;
};

// Reason non-empty, printable, bounded; duration 1..kMaxDurationMinutes;
// created_by non-empty. The Status names the field.
Status validate(const LockoutRequest& r);

class LockoutBook {
 public:
  void add(const Lockout& l);
  // Marks removal/expiry; the lockout stays in history.
  void mark_removed(LockoutId id, Timestamp at, const std::string& by);
  void mark_expired(LockoutId id);

  const Lockout* find(LockoutId id) const;
  // The first lockout active at `now` that bars `side` trading in `s`.
  const Lockout* blocking(const Symbol& s, Side side, Timestamp now) const;
  bool has_active(const Symbol& s, LockoutSource source, Timestamp now) const;
  std::vector<const Lockout*> active(Timestamp now) const;
  // Lockouts past their expiry that no event has marked yet.
  std::vector<LockoutId> due_to_expire(Timestamp now) const;
  const std::map<LockoutId, Lockout>& all() const { return lockouts_; }

  bool operator==(const LockoutBook&) const = default;

 private:
  void unindex(const Lockout& l);

  std::map<LockoutId, Lockout> lockouts_;  // every lockout ever, by id
  // Lockouts not yet removed or marked expired, by symbol: the hot-path lookup
  // for every order, kept small however long the history grows.
  std::multimap<Symbol, LockoutId> live_;
};

}  // namespace stonks

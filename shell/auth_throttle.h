// AuthThrottle: slows down repeated failed authentication from one address.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace stonks::server {

// The n-th wrong token in a row from an address waits min(base * 2^(n-1),
// cap) before its 401 goes out; a right token from that address, or an
// hour without failures, starts the count again. Missing tokens are not
// counted (a browser that has none yet is not guessing). Thread-safe.
class AuthThrottle {
 public:
  AuthThrottle(std::chrono::milliseconds base, std::chrono::milliseconds cap) : base_(base), cap_(cap) {}

  struct Failure {
    std::uint64_t count = 0;            // consecutive failures from the address, this one included
    std::chrono::milliseconds delay{};  // how long to wait before answering it
  };
  // Records a failure from `address`.
  Failure failed(const std::string& address);
  // Forgets the address's failures.
  void succeeded(const std::string& address);

 private:
  struct Record {
    std::uint64_t count = 0;
    std::chrono::steady_clock::time_point last{};
  };
  static constexpr std::chrono::hours kForgetAfter{1};
  // Bounds memory under a flood from many addresses: past this, entries older than kForgetAfter are pruned.
  static constexpr std::size_t kPruneAt = 10'000;

  const std::chrono::milliseconds base_;
  const std::chrono::milliseconds cap_;
  std::mutex mu_;
  std::map<std::string, Record> records_;
};

}  // namespace stonks::server

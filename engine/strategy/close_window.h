// CloseWindow: the last N closes of a symbol, newest last, in a fixed ring.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace stonks {

class CloseWindow {
 public:
  // capacity >= 1 (the parameter checks guarantee it).
  explicit CloseWindow(std::size_t capacity) : ring_(capacity) {}

  // Adds the newest close (micro-units). When the window was full, the oldest
  // close leaves it and is returned, so running sums can drop it.
  std::optional<std::int64_t> push(std::int64_t close) {
    std::optional<std::int64_t> left;
    if (full()) left = ring_[next_];
    ring_[next_] = close;
    next_ = (next_ + 1) % ring_.size();
    if (size_ < ring_.size()) ++size_;
    return left;
  }

  // The close `age` bars back: 0 is the newest; requires age < size().
  std::int64_t back(std::size_t age) const { return ring_[(next_ + ring_.size() - 1 - age) % ring_.size()]; }

  std::size_t size() const { return size_; }
  std::size_t capacity() const { return ring_.size(); }
  bool full() const { return size_ == ring_.size(); }

 private:
  std::vector<std::int64_t> ring_;
  std::size_t next_ = 0;  // where the next close goes
  std::size_t size_ = 0;
};

}  // namespace stonks

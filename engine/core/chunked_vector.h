// ChunkedVector: an append-only sequence kept in fixed chunks of about 64 KB.
// The engine keeps every order and fill it ever saw; a std::deque of them
// allocated a 512-byte block per two orders (a malloc and its header on
// every other order), and a std::vector would copy a million of them to grow. Here a chunk holds hundreds,
// elements never move once added (pointers to them stay valid), and an
// index is a shift and a mask.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <utility>
#include <vector>

namespace stonks {

template <typename T>
class ChunkedVector {
 public:
  // Elements per chunk: a power of two, so i / kChunk and i % kChunk are bit operations.
  static constexpr std::size_t kChunk = std::bit_floor(std::max<std::size_t>(1, (64 * 1024) / sizeof(T)));

  class const_iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = const T&;

    const_iterator() = default;
    reference operator*() const { return (*v_)[i_]; }
    pointer operator->() const { return &(*v_)[i_]; }
    reference operator[](difference_type n) const { return (*v_)[i_ + n]; }
    const_iterator& operator++() { return ++i_, *this; }
    const_iterator operator++(int) { return {v_, i_++}; }
    const_iterator& operator--() { return --i_, *this; }
    const_iterator operator--(int) { return {v_, i_--}; }
    const_iterator& operator+=(difference_type n) { return i_ += n, *this; }
    const_iterator& operator-=(difference_type n) { return i_ -= n, *this; }
    friend const_iterator operator+(const_iterator it, difference_type n) { return it += n; }
    friend const_iterator operator+(difference_type n, const_iterator it) { return it += n; }
    friend const_iterator operator-(const_iterator it, difference_type n) { return it -= n; }
    friend difference_type operator-(const const_iterator& a, const const_iterator& b) {
      return static_cast<difference_type>(a.i_) - static_cast<difference_type>(b.i_);
    }
    friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.i_ == b.i_; }
    friend auto operator<=>(const const_iterator& a, const const_iterator& b) { return a.i_ <=> b.i_; }

   private:
    friend class ChunkedVector;
    const_iterator(const ChunkedVector* v, std::size_t i) : v_(v), i_(i) {}
    const ChunkedVector* v_ = nullptr;
    std::size_t i_ = 0;
  };
  using value_type = T;
  using iterator = const_iterator;  // elements are only appended, read and (by index) changed

  ChunkedVector() = default;
  ChunkedVector(std::initializer_list<T> xs) {
    for (const T& x : xs) push_back(x);
  }
  ChunkedVector(const ChunkedVector& o) {
    for (const T& x : o) push_back(x);
  }
  ChunkedVector(ChunkedVector&& o) noexcept : chunks_(std::move(o.chunks_)), size_(std::exchange(o.size_, 0)) {}
  ChunkedVector& operator=(ChunkedVector o) noexcept {
    swap(o);
    return *this;
  }
  ~ChunkedVector() {
    for (std::size_t i = 0; i < size_; ++i) std::destroy_at(&(*this)[i]);
  }

  void swap(ChunkedVector& o) noexcept {
    chunks_.swap(o.chunks_);
    std::swap(size_, o.size_);
  }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  T& operator[](std::size_t i) { return chunks_[i / kChunk][i % kChunk]; }
  const T& operator[](std::size_t i) const { return chunks_[i / kChunk][i % kChunk]; }
  const T& at(std::size_t i) const {
    if (i >= size_) throw std::out_of_range("ChunkedVector::at");
    return (*this)[i];
  }
  const T& back() const { return (*this)[size_ - 1]; }

  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size_}; }

  template <typename... Args>
  T& emplace_back(Args&&... args) {
    if (size_ == chunks_.size() * kChunk) chunks_.push_back(Chunk(std::allocator<T>().allocate(kChunk)));
    T* slot = &chunks_[size_ / kChunk][size_ % kChunk];
    std::construct_at(slot, std::forward<Args>(args)...);
    ++size_;
    return *slot;
  }
  void push_back(const T& x) { emplace_back(x); }
  void push_back(T&& x) { emplace_back(std::move(x)); }

  friend bool operator==(const ChunkedVector& a, const ChunkedVector& b) {
    return a.size_ == b.size_ && std::equal(a.begin(), a.end(), b.begin());
  }

 private:
  // Raw storage for kChunk elements; only the first size_ overall are constructed.
  struct Free {
    void operator()(T* p) const { std::allocator<T>().deallocate(p, kChunk); }
  };
  using Chunk = std::unique_ptr<T[], Free>;

  std::vector<Chunk> chunks_;
  std::size_t size_ = 0;
};

}  // namespace stonks

// MemoryStorage: an in-memory Storage for tests, with crash and damage hooks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "journal/storage.h"

namespace stonks {

// Keeps every file in memory. Models durability like a disk that honours
// fsync: appended bytes are durable once sync() returns; write_file_atomic()
// and remove() are durable at once. crash() forgets everything not durable.
// Not thread-safe.
class MemoryStorage final : public Storage {
 public:
  MemoryStorage() = default;

  Result<std::vector<std::string>> list() override;
  Result<std::string> read_file(std::string_view name) override;
  Status write_file_atomic(std::string_view name, std::string_view data) override;
  Status append(std::string_view name, std::string_view data) override;
  Status sync(std::string_view name) override;
  Status remove(std::string_view name) override;
  Result<uint64_t> file_size(std::string_view name) override;

  // --- Test hooks. Each changes the durable state too (it models the disk). ---

  // Cuts `name` to its first `size` bytes. not_found if missing,
  // invalid_argument if `size` is larger than the file.
  Status truncate_file(std::string_view name, uint64_t size);

  // XORs the byte at `offset` of `name` with `mask` (non-zero).
  Status flip_byte(std::string_view name, uint64_t offset, uint8_t mask = 0xff);

  // Creates or replaces `name` with `data`, durably, bypassing the counters.
  void put_file(std::string_view name, std::string_view data);

  // Simulates power loss: every file goes back to its last durable contents;
  // files never made durable disappear.
  void crash();

  // The next append() writes only the first `bytes_written` bytes of its data
  // and then returns io_error. One-shot.
  void fail_next_append(size_t bytes_written);

  // The sync() call `skip` calls from now (0 = the next one) returns io_error
  // and makes nothing durable. One-shot.
  void fail_next_sync(uint64_t skip = 0);

  // Calls made so far (successful or not), for asserting group commit.
  uint64_t append_calls() const { return append_calls_; }
  uint64_t sync_calls() const { return sync_calls_; }

 private:
  struct File {
    std::string data;
    size_t durable_size = 0;  // data[0, durable_size) survives crash()
    bool durable = false;     // the file itself survives crash()
  };

  static Status bad_name(std::string_view name);
  File* find(std::string_view name);

  std::map<std::string, File, std::less<>> files_;
  std::optional<size_t> fail_append_after_;
  std::optional<uint64_t> fail_sync_in_;  // syncs to let through before failing one
  uint64_t append_calls_ = 0;
  uint64_t sync_calls_ = 0;
};

}  // namespace stonks

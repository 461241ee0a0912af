// Storage: one directory of flat files, the journal's only way to touch disk.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"

namespace stonks {

// A single flat directory of named files. Names are plain file names (no '/',
// not "." or ".."); an invalid name gives Status::invalid_argument. A file that
// does not exist gives Status::not_found; any other failure Status::io_error
// with the path and the system's reason.
//
// Durability: data written by append() may be lost in a crash until sync() of
// that file returns ok. write_file_atomic() and remove() are durable when they
// return ok. Implementations are not thread-safe; the engine has one thread.
class Storage {
 public:
  virtual ~Storage() = default;

  // Returns the names of the regular files in the directory, sorted ascending
  // by byte value. Implementation-private files (temp files of an unfinished
  // write_file_atomic) are not listed.
  virtual Result<std::vector<std::string>> list() = 0;

  // Returns the whole contents of `name`.
  virtual Result<std::string> read_file(std::string_view name) = 0;

  // Replaces `name` (creating it if missing) with `data`, atomically and
  // durably: after a crash the file holds either its old contents or all of
  // `data`, never a mix. Used for snapshots and for trimming a torn segment.
  virtual Status write_file_atomic(std::string_view name, std::string_view data) = 0;

  // Appends `data` to `name`, creating the file if missing. Not durable until
  // sync(name). On failure part of `data` may have been written.
  virtual Status append(std::string_view name, std::string_view data) = 0;

  // Makes everything appended to `name` so far, and the file's existence,
  // durable (fsync of the file, and of the directory when the file is new).
  virtual Status sync(std::string_view name) = 0;

  // Deletes `name`, durably.
  virtual Status remove(std::string_view name) = 0;

  // Returns the current size of `name` in bytes.
  virtual Result<uint64_t> file_size(std::string_view name) = 0;
};

// True when `name` is acceptable to Storage: non-empty, no '/' or NUL, not "."
// or "..".
bool is_valid_storage_name(std::string_view name);

}  // namespace stonks

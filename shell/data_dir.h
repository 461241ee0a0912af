// The data directory: where it is, creating it owner-only, and one server per directory.
#pragma once

#include <optional>
#include <string>

#include "model/status.h"

namespace stonks::server {

// `flag` when given, else $STONKS_DATA_DIR, else $XDG_DATA_HOME/stonks-oracle,
// else $HOME/.local/share/stonks-oracle. kInvalidArgument when none is set.
Result<std::string> resolve_data_dir(const std::optional<std::string>& flag);

// Creates `dir` and missing parents, each new one with mode 0700. An existing
// `dir` is kept as it is; `warning` is set when group or others can reach it.
// kIoError naming the path when a directory cannot be made.
Status create_private_dir(const std::string& dir, std::string& warning);

// An exclusive lock on DIR/lock (flock), held while the object lives: a
// second server on the same directory is refused instead of interleaving
// two journals. Move-only.
class DataDirLock {
 public:
  // kConflict when another process holds it, kIoError when it cannot be made.
  static Result<DataDirLock> acquire(const std::string& dir);
  DataDirLock(DataDirLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  DataDirLock& operator=(DataDirLock&&) = delete;
  ~DataDirLock();

 private:
  explicit DataDirLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace stonks::server

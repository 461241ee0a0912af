// FileStorage: Storage over one real directory, plain POSIX calls only.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "journal/storage.h"

namespace stonks {

// Files live directly in one directory. The same code serves a native disk
// and, under Emscripten, an IDBFS-mounted or NODERAWFS directory: it uses only
// open/read/write/fsync/rename/unlink/opendir/mkdir.
//
// write_file_atomic writes "<name>.stonks-tmp", fsyncs it, renames it over
// <name> and fsyncs the directory. append keeps the last appended file open,
// so a commit costs one write() and one fsync(). Not thread-safe.
class FileStorage final : public Storage {
 public:
  // Opens `dir`, creating it and any missing parents. Removes temp files left
  // by an interrupted write_file_atomic. Returns io_error if the directory
  // cannot be created or read.
  static Result<std::unique_ptr<FileStorage>> open(std::string dir);

  ~FileStorage() override;
  FileStorage(const FileStorage&) = delete;
  FileStorage& operator=(const FileStorage&) = delete;

  Result<std::vector<std::string>> list() override;
  Result<std::string> read_file(std::string_view name) override;
  Status write_file_atomic(std::string_view name, std::string_view data) override;
  Status append(std::string_view name, std::string_view data) override;
  Status sync(std::string_view name) override;
  Status remove(std::string_view name) override;
  Result<uint64_t> file_size(std::string_view name) override;

  const std::string& dir() const { return dir_; }

 private:
  explicit FileStorage(std::string dir) : dir_(std::move(dir)) {}

  Status check_name(std::string_view name) const;
  std::string path(std::string_view name) const;
  Result<std::vector<std::string>> list_all();  // including temp files
  Status sync_dir();
  void close_append_fd();

  std::string dir_;
  int append_fd_ = -1;  // open O_APPEND descriptor of append_name_
  std::string append_name_;
  bool dir_dirty_ = false;  // a file was created since the last directory fsync
};

}  // namespace stonks

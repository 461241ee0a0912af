// FileStorage: POSIX files in one directory (native, IDBFS and NODERAWFS alike).
#include "journal/file_storage.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace stonks {
namespace {

constexpr std::string_view kTempSuffix = ".stonks-tmp";

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// io_error (or not_found for ENOENT) naming the operation, the path and errno.
Status errno_status(const char* op, const std::string& path, int err) {
  std::string msg = std::string("storage: ") + op + " '" + path + "': " + std::strerror(err);
  if (err == ENOENT) return Status::not_found(std::move(msg));
  return Status::io_error(std::move(msg));
}

Status write_all(int fd, const char* p, size_t n, const std::string& path) {
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return errno_status("write", path, errno);
    }
    p += w;
    n -= static_cast<size_t>(w);
  }
  return Status::ok();
}

Status fsync_fd(int fd, const std::string& path) {
  while (::fsync(fd) != 0) {
    if (errno == EINTR) continue;
    return errno_status("fsync", path, errno);
  }
  return Status::ok();
}

int open_retry(const char* path, int flags, mode_t mode = 0) {
  int fd;
  do {
    fd = ::open(path, flags | O_CLOEXEC, mode);
  } while (fd < 0 && errno == EINTR);
  return fd;
}

// mkdir -p.
Status make_dirs(const std::string& dir) {
  for (size_t pos = 1; pos <= dir.size(); ++pos) {
    if (pos != dir.size() && dir[pos] != '/') continue;
    std::string prefix = dir.substr(0, pos);
    if (::mkdir(prefix.c_str(), 0755) != 0 && errno != EEXIST) return errno_status("mkdir", prefix, errno);
  }
  struct stat st;
  if (::stat(dir.c_str(), &st) != 0) return errno_status("stat", dir, errno);
  if (!S_ISDIR(st.st_mode)) return Status::io_error("storage: '" + dir + "' is not a directory");
  return Status::ok();
}

}  // namespace

Result<std::unique_ptr<FileStorage>> FileStorage::open(std::string dir) {
  if (dir.empty()) return Status::invalid_argument("storage: empty directory path", "dir");
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  if (Status s = make_dirs(dir); !s.is_ok()) return s;
  std::unique_ptr<FileStorage> storage(new FileStorage(std::move(dir)));
  auto names = storage->list_all();
  if (!names.is_ok()) return names.status();
  for (const std::string& name : *names) {
    if (!ends_with(name, kTempSuffix)) continue;
    std::string p = storage->path(name);
    if (::unlink(p.c_str()) != 0 && errno != ENOENT) return errno_status("unlink", p, errno);
  }
  return storage;
}

FileStorage::~FileStorage() { close_append_fd(); }

Status FileStorage::check_name(std::string_view name) const {
  if (!is_valid_storage_name(name) || ends_with(name, kTempSuffix)) {
    return Status::invalid_argument("storage: invalid file name '" + std::string(name) + "'", "name");
  }
  return Status::ok();
}

std::string FileStorage::path(std::string_view name) const {
  std::string p;
  p.reserve(dir_.size() + 1 + name.size());
  p.append(dir_).append("/").append(name);
  return p;
}

void FileStorage::close_append_fd() {
  if (append_fd_ >= 0) ::close(append_fd_);
  append_fd_ = -1;
  append_name_.clear();
}

Result<std::vector<std::string>> FileStorage::list_all() {
  DIR* d = ::opendir(dir_.c_str());
  if (d == nullptr) return errno_status("opendir", dir_, errno);
  std::vector<std::string> names;
  errno = 0;
  while (struct dirent* e = ::readdir(d)) {
    std::string_view name(e->d_name);
    if (name == "." || name == "..") continue;
    std::string name_str(name);
    struct stat st;
    if (::stat(path(name_str).c_str(), &st) == 0 && S_ISREG(st.st_mode)) names.push_back(std::move(name_str));
    errno = 0;
  }
  int err = errno;
  ::closedir(d);
  if (err != 0) return errno_status("readdir", dir_, err);
  std::sort(names.begin(), names.end());
  return names;
}

Result<std::vector<std::string>> FileStorage::list() {
  auto names = list_all();
  if (!names.is_ok()) return names;
  std::vector<std::string> out = std::move(names).value();
  out.erase(std::remove_if(out.begin(), out.end(), [](const std::string& n) { return ends_with(n, kTempSuffix); }),
            out.end());
  return out;
}

Result<std::string> FileStorage::read_file(std::string_view name) {
  if (Status s = check_name(name); !s.is_ok()) return s;
  std::string p = path(name);
  int fd = open_retry(p.c_str(), O_RDONLY);
  if (fd < 0) return errno_status("open", p, errno);
  std::string data;
  struct stat st;
  if (::fstat(fd, &st) == 0 && st.st_size > 0) data.reserve(static_cast<size_t>(st.st_size));
  char buf[64 * 1024];
  for (;;) {
    ssize_t r = ::read(fd, buf, sizeof buf);
    if (r < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      return errno_status("read", p, err);
    }
    if (r == 0) break;
    data.append(buf, static_cast<size_t>(r));
  }
  ::close(fd);
  return data;
}

Status FileStorage::write_file_atomic(std::string_view name, std::string_view data) {
  if (Status s = check_name(name); !s.is_ok()) return s;
  // The rename replaces the inode: a cached descriptor would write into the
  // old, unlinked file.
  if (append_name_ == name) close_append_fd();
  std::string final_path = path(name);
  std::string temp_path = final_path + std::string(kTempSuffix);
  int fd = open_retry(temp_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return errno_status("open", temp_path, errno);
  Status s = write_all(fd, data.data(), data.size(), temp_path);
  if (s.is_ok()) s = fsync_fd(fd, temp_path);
  if (::close(fd) != 0 && s.is_ok()) s = errno_status("close", temp_path, errno);
  if (s.is_ok() && ::rename(temp_path.c_str(), final_path.c_str()) != 0) s = errno_status("rename", temp_path, errno);
  if (!s.is_ok()) {
    ::unlink(temp_path.c_str());
    return s;
  }
  return sync_dir();
}

Status FileStorage::append(std::string_view name, std::string_view data) {
  if (Status s = check_name(name); !s.is_ok()) return s;
  if (append_fd_ < 0 || append_name_ != name) {
    close_append_fd();
    std::string p = path(name);
    int fd = open_retry(p.c_str(), O_WRONLY | O_APPEND);
    if (fd < 0 && errno == ENOENT) {
      fd = open_retry(p.c_str(), O_WRONLY | O_APPEND | O_CREAT, 0644);
      dir_dirty_ = true;
    }
    if (fd < 0) return errno_status("open", p, errno);
    append_fd_ = fd;
    append_name_ = std::string(name);
  }
  return write_all(append_fd_, data.data(), data.size(), append_name_);
}

Status FileStorage::sync(std::string_view name) {
  if (Status s = check_name(name); !s.is_ok()) return s;
  Status s;
  if (append_fd_ >= 0 && append_name_ == name) {
    s = fsync_fd(append_fd_, path(name));
  } else {
    std::string p = path(name);
    int fd = open_retry(p.c_str(), O_RDONLY);
    if (fd < 0) return errno_status("open", p, errno);
    s = fsync_fd(fd, p);
    ::close(fd);
  }
  if (s.is_ok() && dir_dirty_) s = sync_dir();
  return s;
}

Status FileStorage::remove(std::string_view name) {
  if (Status s = check_name(name); !s.is_ok()) return s;
  if (append_name_ == name) close_append_fd();
  std::string p = path(name);
  if (::unlink(p.c_str()) != 0) return errno_status("unlink", p, errno);
  return sync_dir();
}

Result<uint64_t> FileStorage::file_size(std::string_view name) {
  if (Status s = check_name(name); !s.is_ok()) return s;
  std::string p = path(name);
  struct stat st;
  if (::stat(p.c_str(), &st) != 0) return errno_status("stat", p, errno);
  return static_cast<uint64_t>(st.st_size);
}

Status FileStorage::sync_dir() {
  int fd = open_retry(dir_.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return errno_status("open", dir_, errno);
  Status s = Status::ok();
  if (::fsync(fd) != 0 && errno != EINVAL && errno != EINTR) s = errno_status("fsync", dir_, errno);
  ::close(fd);
  if (s.is_ok()) dir_dirty_ = false;
  return s;
}

}  // namespace stonks

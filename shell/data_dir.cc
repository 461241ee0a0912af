#include "data_dir.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace stonks::server {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

std::string errno_text() { return std::strerror(errno); }

}  // namespace

Result<std::string> resolve_data_dir(const std::optional<std::string>& flag) {
  if (flag) {
    if (flag->empty()) return Status::invalid_argument("--data-dir is empty", "--data-dir");
    return *flag;
  }
  if (std::string dir = env("STONKS_DATA_DIR"); !dir.empty()) return dir;
  // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
  if (std::string xdg = env("XDG_DATA_HOME"); !xdg.empty() && xdg[0] == '/') return xdg + "/stonks-oracle";
  if (std::string home = env("HOME"); !home.empty()) return home + "/.local/share/stonks-oracle";
  return Status::invalid_argument("no data dir: pass --data-dir or set STONKS_DATA_DIR (HOME is not set either)");
}

Status create_private_dir(const std::string& dir, std::string& warning) {
  for (std::size_t pos = 1; pos <= dir.size(); ++pos) {
    if (pos != dir.size() && dir[pos] != '/') continue;
    const std::string part = dir.substr(0, pos);
    if (::mkdir(part.c_str(), 0700) != 0 && errno != EEXIST)
      return Status::io_error("cannot create " + part + ": " + errno_text());
  }
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return Status::io_error(dir + " is not a directory");
  if ((st.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%03o", static_cast<unsigned>(st.st_mode & 0777));
    warning = dir + " is open to group or others (mode " + mode +
              "); chmod 700 it: it holds the journal and the token hashes";
  }
  return Status::ok();
}

Result<DataDirLock> DataDirLock::acquire(const std::string& dir) {
  const std::string path = dir + "/lock";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return Status::io_error("cannot open " + path + ": " + errno_text());
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const bool busy = errno == EWOULDBLOCK;
    const std::string why = errno_text();
    ::close(fd);
    if (busy) return Status::conflict("another stonks-server is using " + dir + " (" + path + " is locked)");
    return Status::io_error("cannot lock " + path + ": " + why);
  }
  return DataDirLock(fd);
}

DataDirLock::~DataDirLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace stonks::server

#include "token_commands.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "token_store.h"

namespace stonks::server {
namespace {

int fail(const Status& st) {
  std::fprintf(stderr, "stonks-server: %s\n", st.message().c_str());
  return 1;
}

// Held for a whole read-change-write of the token file: two `token add` at
// once would otherwise each save the list it read, and one operator's token
// would be lost. The server only reads the file, so it never waits on this.
class TokenFileLock {
 public:
  explicit TokenFileLock(const std::string& data_dir)
      : fd_(::open((data_dir + "/tokens.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600)) {
    if (fd_ >= 0 && ::flock(fd_, LOCK_EX) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
    if (fd_ < 0) error_ = std::strerror(errno);
  }
  ~TokenFileLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the lock
  }
  TokenFileLock(const TokenFileLock&) = delete;
  TokenFileLock& operator=(const TokenFileLock&) = delete;

  Status status() const {
    return fd_ >= 0 ? Status::ok() : Status::io_error("cannot lock the token file's lock: " + error_);
  }

 private:
  int fd_;
  std::string error_;
};

}  // namespace

std::string token_file(const std::string& data_dir) { return data_dir + "/tokens"; }

int run_token_command(const Invocation& inv) {
  TokenFileLock lock(inv.serve.data_dir);
  if (Status st = lock.status(); !st.is_ok()) return fail(st);
  TokenStore store(token_file(inv.serve.data_dir));
  if (Status st = store.load(); !st.is_ok() && st.code() != StatusCode::kNotFound) return fail(st);
  const std::string role(to_string(inv.role));
  switch (inv.command) {
    case Command::kTokenAdd: {
      Result<std::string> token = store.add(inv.token_name, inv.role, inv.source);
      if (!token.is_ok()) return fail(token.status());
      std::printf("%s\n", token->c_str());
      const std::string what = inv.source.empty() ? role : role + ", source " + inv.source;
      std::fprintf(stderr, "stonks-server: token for %s (%s) made; it is shown only this once\n",
                   inv.token_name.c_str(), what.c_str());
      return 0;
    }
    case Command::kTokenRevoke:
      if (Status st = store.revoke(inv.token_name); !st.is_ok()) return fail(st);
      std::fprintf(stderr, "stonks-server: %s revoked (a running server refuses it within a second)\n",
                   inv.token_name.c_str());
      return 0;
    case Command::kTokenList:
      // "NAME ROLE", and a submitter's source after it.
      for (const Operator& op : store.list())
        std::printf("%s %s%s%s\n", op.name.c_str(), std::string(to_string(op.role)).c_str(),
                    op.source.empty() ? "" : " ", op.source.c_str());
      return 0;
    case Command::kServe:
    case Command::kHelp:
      break;
  }
  return fail(Status::invalid_argument("not a token command"));
}

}  // namespace stonks::server

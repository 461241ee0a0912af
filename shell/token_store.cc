#include "token_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sstream>

#include "token_crypto.h"

namespace stonks::server {
namespace {

constexpr std::string_view kHeader =
    "# stonks-server operators: NAME ROLE SHA256(token) [SOURCE, for a submitter]. Change with `stonks-server token "
    "add|revoke`.\n";

Result<std::string> read_all(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Status::not_found(path + " does not exist");
    return Status::io_error("cannot read " + path + ": " + std::strerror(errno));
  }
  std::string out;
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return Status::io_error("cannot read " + path + ": " + std::strerror(errno));
    }
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}

Status write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::io_error(std::strerror(errno));
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return Status::ok();
}

bool is_hex64(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

}  // namespace

bool valid_operator_name(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

Result<std::vector<TokenStore::Entry>> TokenStore::parse(const std::string& path, const std::string& text) {
  std::vector<Entry> entries;
  std::istringstream in(text);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string name, role, hash, source, extra;
    fields >> name >> role >> hash >> source;
    std::optional<Role> r = parse_enum<Role>(role);
    const bool extra_field = static_cast<bool>(fields >> extra);
    // A submitter's line carries its source; the other roles' lines have none.
    const bool source_fits = r == Role::kSubmitter ? valid_submitter_source(source) : source.empty();
    if (!valid_operator_name(name) || !r || !is_hex64(hash) || !source_fits || extra_field)
      return Status::corruption(path + " line " + std::to_string(number) +
                                ": expected NAME ROLE SHA256HEX, or NAME submitter SHA256HEX SOURCE");
    for (const Entry& e : entries)
      if (e.op.name == name)
        return Status::corruption(path + " line " + std::to_string(number) + ": " + name + " appears twice");
    entries.push_back(Entry{Operator{name, *r, source}, hash});
  }
  return entries;
}

std::optional<TokenStore::FileStamp> TokenStore::stamp() const {
  struct stat st {};
  if (::stat(path_.c_str(), &st) != 0) return std::nullopt;
  return FileStamp{static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
                   static_cast<std::int64_t>(st.st_size), static_cast<std::uint64_t>(st.st_ino)};
}

Status TokenStore::load() {
  std::lock_guard lock(mu_);
  checked_ = std::chrono::steady_clock::now();
  stamp_ = stamp();
  Result<std::string> text = read_all(path_);
  if (!text.is_ok()) {
    entries_.clear();
    return text.status();
  }
  Result<std::vector<Entry>> entries = parse(path_, *text);
  if (!entries.is_ok()) return entries.status();
  entries_ = std::move(entries).value();
  return Status::ok();
}

void TokenStore::reload_if_changed() {
  const auto now = std::chrono::steady_clock::now();
  if (now - checked_ < kReloadEvery) return;
  checked_ = now;
  std::optional<FileStamp> current = stamp();
  if (current == stamp_) return;
  if (!current) {
    entries_.clear();
    stamp_ = current;
    return;
  }
  Result<std::string> text = read_all(path_);
  if (!text.is_ok()) return;
  Result<std::vector<Entry>> entries = parse(path_, *text);
  if (!entries.is_ok()) {
    std::fprintf(stderr, "stonks-server: keeping the previous operators: %s\n", entries.status().message().c_str());
    stamp_ = current;  // said once; a fixed file has a new stamp
    return;
  }
  entries_ = std::move(entries).value();
  stamp_ = current;
}

std::optional<Operator> TokenStore::authenticate(std::string_view token) {
  const std::string hash = sha256_hex(token);
  std::lock_guard lock(mu_);
  reload_if_changed();
  std::optional<Operator> found;
  for (const Entry& e : entries_)  // no early exit: the time does not tell which entry matched
    if (constant_time_equal(e.hash, hash) && !found) found = e.op;
  return found;
}

Result<std::string> TokenStore::add(const std::string& name, Role role, const std::string& source) {
  if (!valid_operator_name(name))
    return Status::invalid_argument("operator names are 1-64 of letters, digits, '.', '_' and '-': '" + name + "'");
  if (role == Role::kSubmitter && !valid_submitter_source(source))
    return Status::invalid_argument(
        "a submitter's source is strategy:<name> or signal:<name>, the name 1-48 of "
        "letters, digits, '.', '_' and '-': '" +
        source + "'");
  if (role != Role::kSubmitter && !source.empty()) return Status::invalid_argument("only a submitter has a source");
  for (const Entry& e : entries_)
    if (e.op.name == name) return Status::conflict("operator " + name + " exists; revoke it first");
  Result<std::string> token = random_token();
  if (!token.is_ok()) return token.status();
  entries_.push_back(Entry{Operator{name, role, source}, sha256_hex(*token)});
  if (Status st = save(); !st.is_ok()) {
    entries_.pop_back();
    return st;
  }
  return token;
}

Status TokenStore::revoke(const std::string& name) {
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (it->op.name != name) continue;
    entries_.erase(it);
    return save();
  }
  return Status::not_found("no operator named " + name);
}

std::vector<Operator> TokenStore::list() const {
  std::lock_guard lock(mu_);
  std::vector<Operator> out;
  for (const Entry& e : entries_) out.push_back(e.op);
  return out;
}

Status TokenStore::save() {
  std::string text(kHeader);
  for (const Entry& e : entries_) {
    text += e.op.name + " " + std::string(to_string(e.op.role)) + " " + e.hash;
    if (!e.op.source.empty()) text += " " + e.op.source;
    text += "\n";
  }
  const std::string tmp = path_ + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return Status::io_error("cannot write " + tmp + ": " + std::strerror(errno));
  Status st = write_all(fd, text);
  if (st.is_ok() && ::fchmod(fd, 0600) != 0) st = Status::io_error(std::strerror(errno));
  if (st.is_ok() && ::fsync(fd) != 0) st = Status::io_error(std::strerror(errno));
  ::close(fd);
  if (st.is_ok() && ::rename(tmp.c_str(), path_.c_str()) != 0) st = Status::io_error(std::strerror(errno));
  if (!st.is_ok()) {
    ::unlink(tmp.c_str());
    return Status::io_error("cannot save " + path_ + ": " + st.message());
  }
  // The rename is durable once the directory is.
  const std::string dir = path_.substr(0, path_.rfind('/') + 1);
  if (int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  stamp_ = stamp();
  return Status::ok();
}

}  // namespace stonks::server

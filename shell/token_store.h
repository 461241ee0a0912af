// TokenStore: the named operators and their hashed tokens, in DATA_DIR/tokens.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"
#include "role.h"

namespace stonks::server {

struct Operator {
  std::string name;  // the ApiRequest's actor: 1-64 of [A-Za-z0-9._-]
  Role role = Role::kOperator;
  // A submitter's fixed source ("strategy:<name>" or "signal:<name>", see
  // valid_submitter_source), the ApiRequest's fixed_source; empty for the
  // other roles.
  std::string source;
};

// The file: one line per operator, "NAME ROLE SHA256HEX" for operators and
// viewers, "NAME submitter SHA256HEX SOURCE" for submitters (files written
// before submitters existed are all 3-field lines and read as before), '#'
// comments. It is
// written whole (temp file, fsync, rename) with mode 0600, so a reader sees
// the old or the new file, never half of one. Tokens themselves are never
// stored or logged: add() returns the only copy.
//
// Thread-safety: authenticate() may be called from any thread at once (it
// locks); the other members are for one thread (the token subcommands, the
// server's start) before any authenticate().
class TokenStore {
 public:
  // How long a running server goes on using a file it read before looking
  // for changes (token add/revoke from the command line).
  static constexpr std::chrono::seconds kReloadEvery{1};

  explicit TokenStore(std::string path) : path_(std::move(path)) {}

  // Reads the file. kNotFound when it does not exist (entries stay empty);
  // kCorruption naming the file and line for a malformed one; kIoError.
  Status load();

  // The operator holding `token`, or nullopt. Compares the token's hash with
  // every stored hash in constant time. Rereads the file when it changed
  // (checked at most every kReloadEvery); a file removed meanwhile refuses
  // every token, a damaged one keeps the last good entries.
  std::optional<Operator> authenticate(std::string_view token);

  // Makes a token for a new operator, saves the file, returns the token.
  // `source` is required for a submitter and refused for the other roles.
  // kInvalidArgument for a bad name or source, kConflict when the name
  // exists, kIoError.
  Result<std::string> add(const std::string& name, Role role, const std::string& source = {});
  // Removes NAME and saves. kNotFound when there is none.
  Status revoke(const std::string& name);
  // Names, roles and sources, in file order.
  std::vector<Operator> list() const;

  const std::string& path() const { return path_; }

 private:
  struct Entry {
    Operator op;
    std::string hash;  // hex SHA-256 of the token
  };
  struct FileStamp {
    std::int64_t mtime_ns = -1;
    std::int64_t size = -1;
    std::uint64_t inode = 0;
    bool operator==(const FileStamp&) const = default;
  };

  Status save();
  static Result<std::vector<Entry>> parse(const std::string& path, const std::string& text);
  std::optional<FileStamp> stamp() const;
  void reload_if_changed();  // with mu_ held

  std::string path_;
  mutable std::mutex mu_;
  std::vector<Entry> entries_;
  std::optional<FileStamp> stamp_;  // of the file entries_ came from
  std::chrono::steady_clock::time_point checked_{};
};

// Whether `name` is a fit operator name (see Operator::name).
bool valid_operator_name(std::string_view name);

}  // namespace stonks::server

// StaticFiles: the built browser app, read from a directory on each request.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace stonks::server {

// One file to send: body, MIME type, and whether the body is gzip-encoded.
struct StaticFile {
  std::string body;
  std::string mime;
  bool gzipped = false;
};

// Serves files under `root` by URL path ("/" is index.html). Files are read
// on every request, so a rebuilt app is never served stale (the server adds
// Cache-Control: no-store). Paths with "..", "." or hidden segments, NUL
// bytes, or that leave `root` through a symlink are not found.
// .wasm is gzip-compressed here when the client accepts it (cpp-httplib
// compresses the text types itself but not application/wasm); the
// compressed bytes are cached by path, size and mtime. Thread-safe.
class StaticFiles {
 public:
  explicit StaticFiles(std::string root);

  // nullopt when there is no such file.
  std::optional<StaticFile> get(std::string_view url_path, bool accept_gzip);

  const std::string& root() const { return root_; }

  // The MIME type for a file name by its extension (application/octet-stream when unknown).
  static std::string mime_for(std::string_view name);

 private:
  struct Gzipped {
    std::int64_t size = -1;
    std::int64_t mtime_ns = -1;
    std::string body;
  };

  std::optional<std::string> resolve(std::string_view url_path) const;

  std::string root_;  // realpath of the directory
  std::mutex mu_;
  std::map<std::string, Gzipped> gzip_cache_;
};

}  // namespace stonks::server

#include "static_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <climits>
#include <cstdlib>

#include <zlib.h>

namespace stonks::server {
namespace {

// gzip (RFC 1952) of `data`; nullopt if zlib fails.
std::optional<std::string> gzip(std::string_view data) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return std::nullopt;
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) return std::nullopt;
  return out;
}

std::optional<std::string> read_file(const std::string& path, struct stat& st) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return std::nullopt;
  }
  std::string out;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      if (n < 0) return std::nullopt;
      return out;
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
}

std::string real_path(const std::string& path) {
  char buf[PATH_MAX];
  return ::realpath(path.c_str(), buf) ? std::string(buf) : std::string();
}

}  // namespace

StaticFiles::StaticFiles(std::string root) : root_(real_path(root)) {}

std::string StaticFiles::mime_for(std::string_view name) {
  static const std::map<std::string, std::string, std::less<>> kTypes = {
      {"html", "text/html; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},
      {"mjs", "text/javascript; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},
      {"json", "application/json"},
      {"map", "application/json"},
      {"wasm", "application/wasm"},
      {"svg", "image/svg+xml"},
      {"png", "image/png"},
      {"ico", "image/x-icon"},
      {"ttf", "font/ttf"},
      {"woff2", "font/woff2"},
      {"txt", "text/plain; charset=utf-8"},
      {"data", "application/octet-stream"},
  };
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return "application/octet-stream";
  auto it = kTypes.find(name.substr(dot + 1));
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

std::optional<std::string> StaticFiles::resolve(std::string_view url_path) const {
  if (root_.empty() || url_path.empty() || url_path[0] != '/') return std::nullopt;
  std::string rel(url_path.substr(1));
  if (rel.empty() || rel.back() == '/') rel += "index.html";
  if (rel.find('\0') != std::string::npos) return std::nullopt;
  for (std::size_t start = 0; start <= rel.size();) {
    std::size_t end = rel.find('/', start);
    if (end == std::string::npos) end = rel.size();
    std::string_view segment(rel.data() + start, end - start);
    if (segment.empty() || segment[0] == '.') return std::nullopt;  // "..", ".", ".git", "a//b"
    start = end + 1;
  }
  const std::string path = real_path(root_ + "/" + rel);
  if (path.size() <= root_.size() || path.compare(0, root_.size(), root_) != 0 || path[root_.size()] != '/')
    return std::nullopt;
  return path;
}

std::optional<StaticFile> StaticFiles::get(std::string_view url_path, bool accept_gzip) {
  std::optional<std::string> path = resolve(url_path);
  if (!path) return std::nullopt;
  struct stat st {};
  std::optional<std::string> body = read_file(*path, st);
  if (!body) return std::nullopt;
  StaticFile file{std::move(*body), mime_for(*path), false};
  if (!accept_gzip || file.mime != "application/wasm" || file.body.size() < 1024) return file;

  const std::int64_t mtime = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  const std::int64_t size = static_cast<std::int64_t>(st.st_size);
  {
    std::lock_guard lock(mu_);
    auto it = gzip_cache_.find(*path);
    if (it != gzip_cache_.end() && it->second.size == size && it->second.mtime_ns == mtime) {
      file.body = it->second.body;
      file.gzipped = true;
      return file;
    }
  }
  std::optional<std::string> packed = gzip(file.body);
  if (!packed || packed->size() >= file.body.size()) return file;
  {
    std::lock_guard lock(mu_);
    gzip_cache_[*path] = Gzipped{size, mtime, *packed};
  }
  file.body = std::move(*packed);
  file.gzipped = true;
  return file;
}

}  // namespace stonks::server

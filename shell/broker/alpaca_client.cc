#include "alpaca_client.h"

#include <charconv>

#include "json/json_values.h"

namespace stonks::alpaca {
namespace {

constexpr std::size_t kExcerpt = 160;

// The text of an HTML page's <title>, or the body's start with tags and runs
// of whitespace collapsed: enough for the operator to recognise the page.
std::string excerpt(const std::string& body) {
  const std::size_t title = body.find("<title>");
  std::string text = body;
  if (title != std::string::npos) {
    const std::size_t end = body.find("</title>", title);
    text = body.substr(title + 7, end == std::string::npos ? std::string::npos : end - title - 7);
  }
  std::string out;
  bool in_tag = false, space = false;
  for (char c : text) {
    if (c == '<') in_tag = true;
    if (in_tag) {
      if (c == '>') in_tag = false;
      continue;
    }
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
    if (out.size() >= kExcerpt) break;
  }
  return valid_utf8(out);
}

std::optional<std::int64_t> header_int(const httplib::Response& r, const char* name) {
  if (!r.has_header(name)) return std::nullopt;
  const std::string v = r.get_header_value(name);
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size()) return std::nullopt;
  return n;
}

}  // namespace

std::string AlpacaReply::describe() const {
  if (!answered) return "no answer: " + message;
  return "HTTP " + std::to_string(status) + (message.empty() ? "" : ": " + message);
}

Result<std::string> normalize_base_url(const std::string& url, const std::string& flag) {
  std::string u = url;
  while (!u.empty() && u.back() == '/') u.pop_back();
  const std::size_t scheme = u.find("://");
  const std::string name = scheme == std::string::npos ? "" : u.substr(0, scheme);
  const std::string rest = scheme == std::string::npos ? "" : u.substr(scheme + 3);
  if ((name != "http" && name != "https") || rest.empty() || rest.find('/') != std::string::npos)
    return Status::invalid_argument(flag + " wants http(s)://HOST[:PORT] without a path, got '" + url + "'", flag);
  return u;
}

AlpacaClient::AlpacaClient(const std::string& base_url, AlpacaKeys keys, std::chrono::milliseconds timeout)
    : keys_(std::move(keys)), http_(std::make_unique<httplib::Client>(base_url)) {
  const auto sec = static_cast<time_t>(timeout.count() / 1000);
  const auto usec = static_cast<time_t>((timeout.count() % 1000) * 1000);
  http_->set_connection_timeout(sec, usec);
  http_->set_read_timeout(sec, usec);
  http_->set_write_timeout(sec, usec);
  http_->set_keep_alive(true);
  http_->set_default_headers({{"APCA-API-KEY-ID", keys_.key_id}, {"APCA-API-SECRET-KEY", keys_.secret_key}});
}

AlpacaClient::~AlpacaClient() = default;

AlpacaReply AlpacaClient::get(const std::string& path_and_query) {
  const auto started = std::chrono::steady_clock::now();
  return finish(http_->Get(path_and_query), started);
}

AlpacaReply AlpacaClient::post(const std::string& path, const nlohmann::json& body) {
  const auto started = std::chrono::steady_clock::now();
  return finish(http_->Post(path, dump_json(body), "application/json"), started);
}

AlpacaReply AlpacaClient::del(const std::string& path) {
  const auto started = std::chrono::steady_clock::now();
  return finish(http_->Delete(path), started);
}

AlpacaReply AlpacaClient::finish(const httplib::Result& result, std::chrono::steady_clock::time_point started) {
  AlpacaReply reply = read_reply(result, started);
  if (observer_) observer_(reply);
  return reply;
}

AlpacaReply AlpacaClient::read_reply(const httplib::Result& result, std::chrono::steady_clock::time_point started) {
  AlpacaReply reply;
  reply.latency = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  if (!result) {
    reply.message = httplib::to_string(result.error());
    return reply;
  }
  const httplib::Response& r = *result;
  reply.answered = true;
  reply.status = r.status;
  reply.rate_reset = header_int(r, "X-RateLimit-Reset");
  reply.rate_limit = header_int(r, "X-RateLimit-Limit");
  reply.rate_remaining = header_int(r, "X-RateLimit-Remaining");
  if (!r.body.empty()) {
    Result<nlohmann::json> json = parse_json(r.body);
    if (json.is_ok()) reply.body = std::move(json).value();
  }
  if (reply.body.is_object() && reply.body.contains("message") && reply.body["message"].is_string())
    reply.message = valid_utf8(reply.body["message"].get<std::string>());
  else if (reply.status >= 300 && !r.body.empty())
    reply.message = excerpt(r.body);
  return reply;
}

}  // namespace stonks::alpaca

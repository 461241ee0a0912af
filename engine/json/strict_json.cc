#include "json/strict_json.h"

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "json/json_values.h"

namespace stonks {
namespace {

using nlohmann::json;

// A SAX consumer that builds the DOM like nlohmann's own parser, but stops at
// the first repeated key or at too deep a nesting.
class StrictBuilder {
 public:
  explicit StrictBuilder(StrictJsonLimits limits) : limits_(limits) {}

  bool null() { return add(json(nullptr)); }
  bool boolean(bool v) { return add(json(v)); }
  bool number_integer(json::number_integer_t v) { return add(json(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return add(json(v)); }
  bool number_float(json::number_float_t v, const json::string_t&) { return add(json(v)); }
  bool string(json::string_t& v) { return add(json(std::move(v))); }
  bool binary(json::binary_t& v) { return add(json::binary(std::move(v))); }

  bool start_object(std::size_t) { return open(json::object()); }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(json::string_t& k) {
    Frame& top = stack_.back();
    if (!top.keys.insert(k).second) {
      std::string path = top.path.empty() ? k : top.path + "." + k;
      if (path.size() > 80) path = path.substr(0, 77) + "...";
      error_ = Status::invalid_argument(valid_utf8("not valid JSON: duplicate key \"" + k.substr(0, 40) + "\""),
                                        valid_utf8(path));
      return false;
    }
    pending_key_ = std::move(k);
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    std::string_view text = ex.what();
    std::string what = ex.id == 406                                   ? "number out of range"
                       : text.find("UTF-8") != std::string_view::npos ? "invalid UTF-8"
                                                                      : "syntax error";
    error_ = Status::invalid_argument("not valid JSON: " + what + " at byte " + std::to_string(position));
    return false;
  }

  Result<json> result() && {
    if (!error_.is_ok()) return error_;
    return std::move(root_);
  }

 private:
  struct Frame {
    json* value;
    std::string path;            // of this container, for error fields
    std::set<std::string> keys;  // objects: the keys seen so far
  };

  // Stores `value` in the current container (or as the root) and returns it.
  json* place(json value, std::string& path) {
    if (stack_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    Frame& top = stack_.back();
    if (top.value->is_object()) {
      path = top.path.empty() ? pending_key_ : top.path + "." + pending_key_;
      json& slot = (*top.value)[pending_key_];
      slot = std::move(value);
      return &slot;
    }
    path = top.path + "[" + std::to_string(top.value->size()) + "]";
    top.value->push_back(std::move(value));
    return &top.value->back();
  }

  bool add(json value) {
    std::string ignored;
    place(std::move(value), ignored);
    return true;
  }

  bool open(json container) {
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      error_ = Status::invalid_argument("not valid JSON: nested deeper than " + std::to_string(limits_.max_depth) +
                                        " levels");
      return false;
    }
    std::string path;
    // Pointers into parents stay valid: a parent gets its next element only
    // after this container is closed and popped.
    json* slot = place(std::move(container), path);
    stack_.push_back(Frame{slot, std::move(path), {}});
    return true;
  }

  bool close() {
    stack_.pop_back();
    return true;
  }

  StrictJsonLimits limits_;
  json root_;
  std::vector<Frame> stack_;
  std::string pending_key_;
  Status error_;
};

}  // namespace

Result<json> parse_json_strict(std::string_view text, StrictJsonLimits limits) {
  StrictBuilder builder(limits);
  try {
    const bool ok = json::sax_parse(text.data(), text.data() + text.size(), &builder);
    Result<json> out = std::move(builder).result();
    if (ok || !out.is_ok()) return out;
    return Status::invalid_argument("not valid JSON");
  } catch (...) {  // the SAX path reports errors through parse_error; stay safe anyway
    return Status::invalid_argument("not valid JSON");
  }
}

}  // namespace stonks

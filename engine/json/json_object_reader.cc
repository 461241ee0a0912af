#include "json/json_object_reader.h"

#include <limits>

#include "json/json_values.h"

namespace stonks {

JsonObjectReader::JsonObjectReader(const nlohmann::json& object, std::string path)
    : object_(object), path_(std::move(path)) {
  if (!object_.is_object())
    status_ = Status::invalid_argument(valid_utf8("expected an object, got " + describe_json(object_)), path_);
}

std::string JsonObjectReader::path_of(std::string_view key) const {
  if (path_.empty()) return std::string(key);
  return path_ + "." + std::string(key);
}

void JsonObjectReader::fail(std::string_view key, std::string message) {
  read_keys_.emplace(key);
  if (!ok()) return;
  status_ = Status::invalid_argument(valid_utf8(std::move(message)), path_of(key));
}

void JsonObjectReader::adopt(const Status& status) {
  if (!ok() || status.is_ok()) return;
  if (status.code() != StatusCode::kInvalidArgument) {
    status_ = status;
    return;
  }
  std::string field = status.field().empty() ? path_ : path_of(status.field());
  status_ = Status::invalid_argument(status.message(), std::move(field));
}

Status JsonObjectReader::finish() {
  if (!ok()) return status_;
  for (const auto& item : object_.items()) {
    if (read_keys_.find(item.key()) == read_keys_.end()) {
      status_ = Status::invalid_argument(valid_utf8("unknown field \"" + item.key().substr(0, 40) + "\""),
                                         valid_utf8(path_of(item.key())));
      break;
    }
  }
  return status_;
}

const nlohmann::json* JsonObjectReader::find(std::string_view key, bool required) {
  read_keys_.emplace(key);
  if (!ok()) return nullptr;
  auto it = object_.find(key);
  if (it == object_.end()) {
    if (required) fail(key, "is required");
    return nullptr;
  }
  return &*it;
}

bool JsonObjectReader::is_null(std::string_view key) {
  read_keys_.emplace(key);
  if (!object_.is_object()) return false;
  auto it = object_.find(key);
  return it != object_.end() && it->is_null();
}

const std::string* JsonObjectReader::read_string_value(std::string_view key, bool required) {
  const nlohmann::json* value = find(key, required);
  if (value == nullptr) return nullptr;
  if (!value->is_string()) {
    fail(key, "expected a string, got " + describe_json(*value));
    return nullptr;
  }
  return &value->get_ref<const std::string&>();
}

bool JsonObjectReader::required_string(std::string_view key, std::string& out) {
  const std::string* text = read_string_value(key, true);
  if (text != nullptr) out = *text;
  return text != nullptr;
}

bool JsonObjectReader::optional_string(std::string_view key, std::string& out) {
  const std::string* text = read_string_value(key, false);
  if (text != nullptr) out = *text;
  return text != nullptr;
}

namespace {

bool read_bool_value(JsonObjectReader& reader, std::string_view key, const nlohmann::json* value, bool& out) {
  if (value == nullptr) return false;
  if (!value->is_boolean()) {
    reader.fail(key, "expected true or false, got " + describe_json(*value));
    return false;
  }
  out = value->get<bool>();
  return true;
}

}  // namespace

bool JsonObjectReader::required_bool(std::string_view key, bool& out) {
  return read_bool_value(*this, key, find(key, true), out);
}

bool JsonObjectReader::optional_bool(std::string_view key, bool& out) {
  return read_bool_value(*this, key, find(key, false), out);
}

template <class Int>
bool JsonObjectReader::read_int(std::string_view key, bool required, Int& out) {
  const nlohmann::json* value = find(key, required);
  if (value == nullptr) return false;
  using Limits = std::numeric_limits<Int>;
  bool in_range = false;
  if (value->is_number_unsigned()) {
    in_range = value->get<std::uint64_t>() <= static_cast<std::uint64_t>(Limits::max());
  } else if (value->is_number_integer()) {
    std::int64_t v = value->get<std::int64_t>();
    in_range = v >= 0 ? static_cast<std::uint64_t>(v) <= static_cast<std::uint64_t>(Limits::max())
                      : Limits::is_signed && v >= static_cast<std::int64_t>(Limits::min());
  }
  if (!in_range) {
    fail(key, "expected an integer from " + std::to_string(Limits::min()) + " to " + std::to_string(Limits::max()) +
                  ", got " + describe_json(*value));
    return false;
  }
  out = value->get<Int>();
  return true;
}

bool JsonObjectReader::required_int(std::string_view key, int& out) { return read_int(key, true, out); }
bool JsonObjectReader::required_int(std::string_view key, std::int64_t& out) { return read_int(key, true, out); }
bool JsonObjectReader::required_int(std::string_view key, std::uint64_t& out) { return read_int(key, true, out); }
bool JsonObjectReader::optional_int(std::string_view key, int& out) { return read_int(key, false, out); }
bool JsonObjectReader::optional_int(std::string_view key, std::int64_t& out) { return read_int(key, false, out); }
bool JsonObjectReader::optional_int(std::string_view key, std::uint64_t& out) { return read_int(key, false, out); }

bool JsonObjectReader::read_micros(std::string_view key, bool required, std::int64_t& out) {
  const nlohmann::json* value = find(key, required);
  if (value == nullptr) return false;
  Result<std::int64_t> micros = micros_from_json(*value);
  if (!micros.is_ok()) {
    fail(key, micros.status().message());
    return false;
  }
  out = *micros;
  return true;
}

namespace {

bool read_timestamp_value(JsonObjectReader& reader, std::string_view key, const nlohmann::json* value, Timestamp& out) {
  if (value == nullptr) return false;
  Result<Timestamp> t = timestamp_from_json(*value);
  if (!t.is_ok()) {
    reader.fail(key, t.status().message());
    return false;
  }
  out = *t;
  return true;
}

}  // namespace

bool JsonObjectReader::required_timestamp(std::string_view key, Timestamp& out) {
  return read_timestamp_value(*this, key, find(key, true), out);
}

bool JsonObjectReader::optional_timestamp(std::string_view key, Timestamp& out) {
  return read_timestamp_value(*this, key, find(key, false), out);
}

bool JsonObjectReader::optional_timestamp(std::string_view key, std::optional<Timestamp>& out) {
  if (is_null(key)) {
    if (!ok()) return false;
    out.reset();
    return true;
  }
  Timestamp t{};
  if (!optional_timestamp(key, t)) return false;
  out = t;
  return true;
}

bool JsonObjectReader::required_symbol(std::string_view key, Symbol& out) {
  const std::string* text = read_string_value(key, true);
  if (text == nullptr) return false;
  Result<Symbol> symbol = Symbol::parse(*text);
  if (!symbol.is_ok()) {
    fail(key, symbol.status().message());
    return false;
  }
  out = *symbol;
  return true;
}

bool JsonObjectReader::required_string_list(std::string_view key, std::vector<std::string>& out) {
  return read_string_list(key, true, out);
}

bool JsonObjectReader::optional_string_list(std::string_view key, std::vector<std::string>& out) {
  return read_string_list(key, false, out);
}

bool JsonObjectReader::read_string_list(std::string_view key, bool required, std::vector<std::string>& out) {
  const nlohmann::json* value = find(key, required);
  if (value == nullptr) return false;
  if (!value->is_array()) {
    fail(key, "expected an array of strings, got " + describe_json(*value));
    return false;
  }
  std::vector<std::string> items;
  for (std::size_t i = 0; i < value->size(); ++i) {
    const nlohmann::json& item = (*value)[i];
    if (!item.is_string()) {
      fail(std::string(key) + "[" + std::to_string(i) + "]", "expected a string, got " + describe_json(item));
      return false;
    }
    items.push_back(item.get<std::string>());
  }
  out = std::move(items);
  return true;
}

bool JsonObjectReader::optional_symbol_list(std::string_view key, std::vector<Symbol>& out) {
  std::vector<std::string> texts;
  if (!optional_string_list(key, texts)) return false;
  std::vector<Symbol> symbols;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    Result<Symbol> symbol = Symbol::parse(texts[i]);
    if (!symbol.is_ok()) {
      fail(std::string(key) + "[" + std::to_string(i) + "]", symbol.status().message());
      return false;
    }
    symbols.push_back(*symbol);
  }
  out = std::move(symbols);
  return true;
}

bool JsonObjectReader::required_reason_list(std::string_view key, std::vector<Reason>& out) {
  std::vector<std::string> texts;
  if (!required_string_list(key, texts)) return false;
  std::vector<Reason> reasons;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    std::optional<Reason> reason = parse_reason(texts[i]);
    if (!reason) {
      fail(std::string(key) + "[" + std::to_string(i) + "]",
           "expected a reason code (\"LOCKED_OUT: ...\"), got \"" + texts[i].substr(0, 40) + "\"");
      return false;
    }
    reasons.push_back(std::move(*reason));
  }
  out = std::move(reasons);
  return true;
}

}  // namespace stonks

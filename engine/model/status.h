// Status and Result: how every fallible engine boundary reports failure.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

#include "model/enum_names.h"

namespace stonks {

// Broad failure classes. The API maps each to one HTTP status; callers branch
// on the code, never on the message.
enum class StatusCode {
  kOk,
  kInvalidArgument,   // malformed or out-of-range input (400)
  kNotFound,          // unknown id (404)
  kConflict,          // the state forbids it now, e.g. deciding a decided approval (409)
  kCorruption,        // stored data failed its checks
  kIoError,           // the storage layer failed
  kUnavailable,       // the engine stopped accepting commands after a storage failure
  kPermissionDenied,  // this actor may not do it, e.g. a submitter naming another source (403)
  kSelfApproval,      // four eyes: the approver is the order's submitter (403)
};

template <>
struct EnumNames<StatusCode> {
  static constexpr EnumName<StatusCode> table[] = {
      {StatusCode::kOk, "ok"},
      {StatusCode::kInvalidArgument, "invalid_argument"},
      {StatusCode::kNotFound, "not_found"},
      {StatusCode::kConflict, "conflict"},
      {StatusCode::kCorruption, "corruption"},
      {StatusCode::kIoError, "io_error"},
      {StatusCode::kUnavailable, "unavailable"},
      {StatusCode::kPermissionDenied, "permission_denied"},
      {StatusCode::kSelfApproval, "self_approval"},
  };
};

// A cheap value: ok, or a code with a human message and, for input errors,
// the name of the offending field.
class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status ok() { return Status(); }
  static Status invalid_argument(std::string message, std::string field = {}) {
    return Status(StatusCode::kInvalidArgument, std::move(message), std::move(field));
  }
  static Status not_found(std::string message) { return Status(StatusCode::kNotFound, std::move(message)); }
  static Status conflict(std::string message) { return Status(StatusCode::kConflict, std::move(message)); }
  static Status corruption(std::string message) { return Status(StatusCode::kCorruption, std::move(message)); }
  static Status io_error(std::string message) { return Status(StatusCode::kIoError, std::move(message)); }
  static Status unavailable(std::string message) { return Status(StatusCode::kUnavailable, std::move(message)); }
  static Status permission_denied(std::string message) {
    return Status(StatusCode::kPermissionDenied, std::move(message));
  }
  static Status self_approval(std::string message) { return Status(StatusCode::kSelfApproval, std::move(message)); }

  bool is_ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& field() const { return field_; }

  // "invalid_argument: quantity must be positive (field qty)"
  std::string to_string() const;

 private:
  Status(StatusCode code, std::string message, std::string field = {})
      : code_(code), message_(std::move(message)), field_(std::move(field)) {}

  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string field_;
};

// A value or the Status that explains its absence.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) { assert(!std::get<Status>(v_).is_ok()); }  // NOLINT

  bool is_ok() const { return std::holds_alternative<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }
  // The failure; Status::ok() when a value is held.
  Status status() const { return is_ok() ? Status::ok() : std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace stonks

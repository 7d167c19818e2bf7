// Errors as values. Core functions never throw; they return Result<T>.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace ocindex {

enum class ErrorCode {
  kInvalidInput,  // the caller's data or arguments are wrong
  kNotFound,      // a named thing (edition, country, indicator) does not exist
  kConflict,      // the operation would overwrite or contradict stored data
  kForbidden,     // the actor is known but not allowed to do this
  kUnauthenticated,  // no valid credentials: who acts is not known
  kStale,         // the item changed since the caller read it (a lost update avoided)
  kRateLimited,   // too many attempts; try again later
  kCorrupt,       // stored data is damaged or inconsistent
  kIo,            // the operating system refused a read or write
  kUnsupported,   // a valid request this build cannot serve
  kInternal,      // a bug in ocindex
};

const char* ErrorCodeName(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  // what went wrong and what was expected
  std::string where;    // location in the input: "file, sheet S, row R, column C"; may be empty

  // "where: message", or just the message when there is no location.
  std::string ToString() const;
};

inline Error MakeError(ErrorCode code, std::string message, std::string where = {}) {
  return Error{code, std::move(message), std::move(where)};
}

// A value or an Error; the shape of C++23 std::expected, which GCC 12 lacks in C++20 mode.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { assert(ok()); return std::get<0>(state_); }
  const T& value() const& { assert(ok()); return std::get<0>(state_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { assert(!ok()); return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { assert(!ok_); return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;

// Evaluates a Result-returning expression; returns its error from the enclosing
// function, or moves its value into `target`.
#define OCINDEX_ASSIGN_OR_RETURN(target, expression) \
  do {                                               \
    auto ocindex_result_ = (expression);             \
    if (!ocindex_result_) return ocindex_result_.error(); \
    (target) = std::move(*ocindex_result_);          \
  } while (false)

// Evaluates a Status-returning expression; returns its error from the enclosing function.
#define OCINDEX_RETURN_IF_ERROR(expression)          \
  do {                                               \
    auto ocindex_status_ = (expression);             \
    if (!ocindex_status_) return ocindex_status_.error(); \
  } while (false)

}  // namespace ocindex

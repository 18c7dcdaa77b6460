// Status: the result of an operation that can fail, as a value (LevelDB style).
//
// WHAT THIS OBJECT REPRESENTS: success, or a failure with a category (which decides the CLI's
// exit code) and a one-line message that names the file, the place and the problem.
// THREAD SAFETY: a plain value; copy freely.
#pragma once

#include <string>
#include <utility>

namespace kg {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kUsage,         // bad command line
    kNotFound,      // input file missing
    kInvalidInput,  // not a regular file, invalid UTF-8, binary data
    kIOError,       // reading or writing failed (unwritable output, ...)
    kRules,         // a rule or gazetteer file is missing or does not compile
    kInternal,      // a library failed where it should not (Graphviz could not draw)
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status Usage(std::string msg) { return Status(Code::kUsage, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status InvalidInput(std::string msg) {
    return Status(Code::kInvalidInput, std::move(msg));
  }
  static Status IOError(std::string msg) { return Status(Code::kIOError, std::move(msg)); }
  static Status Rules(std::string msg) { return Status(Code::kRules, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace kg

// Status: the result of an operation that can fail, as a value (LevelDB style).
//
// WHAT THIS OBJECT REPRESENTS: success, or a failure with a category (which decides the CLI's
// exit code) and a one-line message that names the file, the place and the problem.
// THREAD SAFETY: a plain value; copy freely.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace kg {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kUsage,         // bad command line
    kNotFound,      // input file missing
    kInvalidInput,  // a bad input: not a regular file, unreadable, invalid UTF-8, binary data
    kIOError,       // an output cannot be written (reading an input is kInvalidInput)
    kRules,         // a rule or gazetteer file is missing or does not compile
    kInternal,      // a library failed where it should not (ICU, zlib, Graphviz could not draw)
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

  // "OK", or the category and the message: "IO error: out.json: cannot write: No space left
  // on device". For logs and test failures; the CLI prints message() alone, as its errors name
  // the file first and the exit code carries the category.
  std::string ToString() const {
    const char* category = "OK";
    switch (code_) {
      case Code::kOk:
        return category;
      case Code::kUsage:
        category = "Usage error: ";
        break;
      case Code::kNotFound:
        category = "Not found: ";
        break;
      case Code::kInvalidInput:
        category = "Invalid input: ";
        break;
      case Code::kIOError:
        category = "IO error: ";
        break;
      case Code::kRules:
        category = "Rules error: ";
        break;
      case Code::kInternal:
        category = "Internal error: ";
        break;
    }
    return category + message_;
  }

  // The same failure with `prefix` before its message ("dump.jsonl: line 7: " + ...), so a
  // caller adds its context without changing the category, which decides the exit code.
  Status WithPrefix(std::string_view prefix) const {
    return ok() ? *this : Status(code_, std::string(prefix) + message_);
  }

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace kg

// The option conventions shared by `kgextract` and `kgextract render`: an option's value may be
// glued ("-j2", "-oout.json"), follow '=' ("--output=out.json") or be the next argument.
//
//   for (ArgCursor args(argc, argv); args.Next();) {
//     if (args.Is("-o", "--output") && !args.Value(&output)) return Fail(...);
//   }
#pragma once

#include <string>

namespace kg {

class ArgCursor {
 public:
  ArgCursor(int argc, char** argv) : argc_(argc), argv_(argv) {}

  // Moves to the next argument (the first call to argv[1]); false when there is none.
  bool Next() {
    if (++index_ >= argc_) return false;
    arg_ = argv_[index_];
    return true;
  }
  const std::string& arg() const { return arg_; }

  // The argument is the option `short_prefix` ("-o", may be null) or `long_name` ("--output").
  bool Is(const char* short_prefix, const char* long_name) const {
    return (short_prefix && arg_.starts_with(short_prefix)) || arg_ == long_name ||
           arg_.starts_with(std::string(long_name) + "=");
  }

  // The option's value; takes the next argument when it is not glued. False when missing.
  bool Value(std::string* into) {
    if (arg_.size() > 2 && arg_[0] == '-' && arg_[1] != '-') {
      *into = arg_.substr(2);
      return true;
    }
    if (size_t eq = arg_.find('='); arg_.starts_with("--") && eq != std::string::npos) {
      *into = arg_.substr(eq + 1);
      return true;
    }
    if (index_ + 1 >= argc_) return false;
    *into = argv_[++index_];
    return true;
  }

 private:
  int argc_;
  char** argv_;
  int index_ = 0;
  std::string arg_;
};

}  // namespace kg

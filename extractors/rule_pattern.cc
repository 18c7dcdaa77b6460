// RulePattern: a rule's RE2, parsed at load and compiled at its first use.
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "extractors/internal.h"

namespace kg {
namespace {

re2::RE2::Options QuietOptions() {
  re2::RE2::Options o;
  o.set_log_errors(false);
  return o;
}

}  // namespace

void ScanCaptureGroups(std::string_view p, int* groups, std::map<std::string, int>* named) {
  *groups = 0;
  named->clear();
  for (size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\') {
      if (p.substr(i, 2) == "\\Q") {  // \Q...\E: literal text
        size_t end = p.find("\\E", i + 2);
        i = end == std::string_view::npos ? p.size() : end + 1;
      } else {
        ++i;  // the escaped character; braces of \p{..} and \x{..} hold no parentheses
      }
    } else if (c == '[') {
      size_t j = i + 1;
      if (j < p.size() && p[j] == '^') ++j;
      if (j < p.size() && p[j] == ']') ++j;  // a ']' first is a literal
      while (j < p.size() && p[j] != ']') {
        if (p[j] == '\\') {
          ++j;
        } else if (p.substr(j, 2) == "[:") {  // [:alpha:]
          size_t close = p.find(":]", j + 2);
          if (close != std::string_view::npos) j = close + 1;
        }
        ++j;
      }
      i = j;
    } else if (c == '(') {
      if (i + 1 < p.size() && p[i + 1] != '?') {
        ++*groups;
      } else if (p.substr(i, 4) == "(?P<" || (p.substr(i, 3) == "(?<" && i + 3 < p.size() &&
                                              p[i + 3] != '=' && p[i + 3] != '!')) {
        const size_t begin = p.find('<', i) + 1;
        const size_t end = p.find('>', begin);
        if (end == std::string_view::npos) continue;
        ++*groups;
        named->emplace(std::string(p.substr(begin, end - begin)), *groups);
      }
    }
  }
}

bool RulePattern::Parse(std::string pattern, std::string where, std::string* error) {
  // An RE2::Set parses what it is given and compiles only in Compile(): a parser alone.
  re2::RE2::Set parser(QuietOptions(), re2::RE2::UNANCHORED);
  if (parser.Add(pattern, error) < 0) return false;
  pattern_ = std::move(pattern);
  where_ = std::move(where);
  ScanCaptureGroups(pattern_, &groups_, &named_);
  return true;
}

const re2::RE2& RulePattern::Compiled(bool warn) const {
  std::call_once(once_, [this, warn] {
    re_ = std::make_unique<re2::RE2>(pattern_, QuietOptions());
    if (!re_->ok() && warn) {
      std::fprintf(stderr,
                   "kgextract: %s: pattern does not compile: %s; the rule matches nothing "
                   "(kgextract rules check reports it)\n",
                   where_.c_str(), re_->error().c_str());
    }
  });
  return *re_;
}

}  // namespace kg

// RuleSet::RuleIndex: which rules may match a text, in one DFA pass over it.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/internal.h"

namespace kg {
namespace {

re2::RE2::Options SetOptions() {
  re2::RE2::Options o;
  // A larger DFA budget than RE2's default 8 MiB: with dozens of patterns the default cache
  // fills and is rebuilt over and over.
  o.set_max_mem(int64_t{64} << 20);
  o.set_log_errors(false);
  return o;
}

}  // namespace

// The pattern with every counted repetition x{m,n} made open, x{m,}: it matches wherever the
// pattern does, and more. The set only proposes rules (each runs its own pattern afterwards), and
// open counts keep its automaton small: RE2 copies x n times for x{m,n}, and with hundreds of
// patterns in one DFA, "{GAP}{0,40}"-style bounds made each DFA state a list of some 100,000
// instructions (half a megabyte) that the cache kept dropping and rebuilding.
std::string OpenCounts(std::string_view p) {
  std::string out;
  out.reserve(p.size());
  bool in_class = false;
  for (size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\' && i + 1 < p.size()) {
      size_t end = i + 2;
      // \p{Greek}, \x{2019}: the braces belong to the escape.
      if ((p[i + 1] == 'p' || p[i + 1] == 'P' || p[i + 1] == 'x') && end < p.size() &&
          p[end] == '{') {
        size_t close = p.find('}', end);
        end = close == std::string_view::npos ? p.size() : close + 1;
      }
      out.append(p.substr(i, end - i));
      i = end - 1;
      continue;
    }
    if (in_class) {
      if (c == '[' && p.substr(i, 2) == "[:") {  // [[:alpha:]]
        size_t close = p.find(":]", i + 2);
        if (close != std::string_view::npos) {
          out.append(p.substr(i, close + 2 - i));
          i = close + 1;
          continue;
        }
      }
      if (c == ']') in_class = false;
      out.push_back(c);
      continue;
    }
    if (c == '[') {
      in_class = true;
      out.push_back(c);
      // A ']' first in the class, after an optional '^', is a literal.
      if (i + 1 < p.size() && p[i + 1] == '^') out.push_back(p[++i]);
      if (i + 1 < p.size() && p[i + 1] == ']') out.push_back(p[++i]);
      continue;
    }
    if (c == '{') {
      size_t j = i + 1;
      while (j < p.size() && p[j] >= '0' && p[j] <= '9') ++j;
      if (j > i + 1 && j < p.size() && p[j] == ',') {
        size_t k = j + 1;
        while (k < p.size() && p[k] >= '0' && p[k] <= '9') ++k;
        if (k > j + 1 && k < p.size() && p[k] == '}') {
          out.append(p.substr(i, j + 1 - i));  // "{m,"
          out.push_back('}');
          i = k;
          continue;
        }
      }
    }
    out.push_back(c);
  }
  return out;
}

RuleSet::RuleIndex::RuleIndex()
    : set_(std::make_unique<re2::RE2::Set>(SetOptions(), re2::RE2::UNANCHORED)) {}
RuleSet::RuleIndex::~RuleIndex() = default;

bool RuleSet::RuleIndex::Add(const std::string& pattern, int rule, std::string* error) {
  if (set_->Add(OpenCounts(pattern), error) < 0) return false;
  rule_of_entry_.push_back(rule);
  return true;
}

bool RuleSet::RuleIndex::Compile() { return set_->Compile(); }

std::vector<int> RuleSet::RuleIndex::Candidates(std::string_view text) const {
  std::vector<int> entries, rules;
  re2::RE2::Set::ErrorInfo error{};
  if (!set_->Match(re2::StringPiece(text.data(), text.size()), &entries, &error)) {
    if (error.kind != re2::RE2::Set::kOutOfMemory) return rules;
    // The DFA ran out of memory and cannot answer: every rule is a candidate (correct, slower).
    ++exhausted_;
    return rule_of_entry_;
  }
  for (int e : entries) rules.push_back(rule_of_entry_[static_cast<size_t>(e)]);
  std::sort(rules.begin(), rules.end());
  return rules;
}

}  // namespace kg

// RuleSet::RuleIndex: which rules may match a text, in one DFA pass over it.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <mutex>
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

// The ASCII members of a Unicode property escape ("\p{Lu}", "\PL", "\p{^Greek}") as the body
// of a character class ("\x{41}-\x{5A}"), found by asking RE2 itself about each ASCII
// character, so that they are what the rule's own RE2 takes. Cached: a few dozen escapes occur in
// all the rules together.
std::string AsciiMembers(const std::string& escape) {
  static std::mutex mu;
  static std::map<std::string, std::string>* cache = new std::map<std::string, std::string>;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache->find(escape);
  if (it != cache->end()) return it->second;
  re2::RE2 re(escape, SetOptions());
  std::string body;
  int run_start = -1;
  auto hex = [](int c) {
    char b[16];
    std::snprintf(b, sizeof b, "\\x{%X}", c);
    return std::string(b);
  };
  for (int c = 0; c <= 128; ++c) {
    const char ch = static_cast<char>(c);
    const bool member = c < 128 && re.ok() && re2::RE2::FullMatch(re2::StringPiece(&ch, 1), re);
    if (member && run_start < 0) run_start = c;
    if (!member && run_start >= 0) {
      body += hex(run_start);
      if (c - 1 > run_start) body += "-" + hex(c - 1);
      run_start = -1;
    }
  }
  return cache->emplace(escape, body).first->second;
}

}  // namespace

// (A third is made where the slots expand: a list slot's later members are any text,
// ExpandSlotMacros' `loose`.)
// Two loosenings, each of which matches wherever the pattern does, and more. The set only
// proposes rules (each runs its own pattern afterwards), and both shrink its automaton, which
// RE2 compiles and builds its DFA states from:
// - Counted repetitions x{m,n} become x{m,}: RE2 copies x n times, and with hundreds of patterns
//   in one DFA, "{GAP}{0,40}"-style bounds made each DFA state a list of some 100,000
//   instructions (half a megabyte) that the cache kept dropping and rebuilding.
// - A Unicode property (\p{Lu}, \pL, \P{N}) becomes its ASCII members plus every non-ASCII
//   character: \p{Lu} alone compiles to hundreds of UTF-8 range instructions, [A-Z\x{80}-...]
//   to a handful. In a negated class, where a wider member would narrow the class, it becomes its
//   ASCII members only, and other non-ASCII characters there are dropped.
std::string IndexPattern(std::string_view p) {
  static constexpr std::string_view kNonAscii = "\\x{80}-\\x{10FFFF}";
  std::string out;
  out.reserve(p.size());
  bool in_class = false, negated = false;
  size_t body_start = 0;  // where the open class's members begin in `out`
  for (size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\' && i + 1 < p.size()) {
      size_t end = i + 2;
      const char kind = p[i + 1];
      // \p{Greek}, \x{2019}: the braces belong to the escape.
      if ((kind == 'p' || kind == 'P' || kind == 'x') && end < p.size() && p[end] == '{') {
        size_t close = p.find('}', end);
        end = close == std::string_view::npos ? p.size() : close + 1;
      } else if ((kind == 'p' || kind == 'P') && end < p.size()) {
        end = end + 1;  // \pL
      }
      const std::string_view escape = p.substr(i, end - i);
      i = end - 1;
      if (kind != 'p' && kind != 'P') {
        out.append(escape);
        continue;
      }
      const std::string members = AsciiMembers(std::string(escape));
      if (in_class && negated) {
        out.append(members);
      } else if (in_class) {
        out.append(members).append(kNonAscii);
      } else {
        out.append("[").append(members).append(kNonAscii).append("]");
      }
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
      if (c == ']') {
        in_class = false;
        if (negated && out.size() == body_start) {  // every member dropped: [^] is any character
          out.resize(body_start - 2);
          out.append("(?s:.)");
          continue;
        }
      } else if (negated && static_cast<unsigned char>(c) >= 0x80 &&
                 (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        // A non-ASCII character excluded from a negated class: dropping it widens the class.
        // Not an end of a range ("a-z"), which would change meaning without it.
        size_t len = 1;
        while (i + len < p.size() && (static_cast<unsigned char>(p[i + len]) & 0xC0) == 0x80) ++len;
        const bool in_range =
            (i > 0 && p[i - 1] == '-') || (i + len < p.size() && p[i + len] == '-');
        if (!in_range) {
          i += len - 1;
          continue;
        }
      }
      out.push_back(c);
      continue;
    }
    if (c == '[') {
      in_class = true;
      negated = i + 1 < p.size() && p[i + 1] == '^';
      out.push_back(c);
      if (negated) out.push_back(p[++i]);
      body_start = out.size();
      // A ']' first in the class, after an optional '^', is a literal.
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
  if (set_->Add(IndexPattern(pattern), error) < 0) return false;
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

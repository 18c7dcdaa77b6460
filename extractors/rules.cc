// Loading of rule files, gazetteers and word lists. The rule-file grammar is written down at
// the top of each file in data/rules/ and in README.md ("Rule files").
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <future>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

#include "extractors/internal.h"

namespace kg {
namespace {

constexpr std::string_view kOpen = "\xE2\x9F\xA8";   // ⟨ U+27E8
constexpr std::string_view kClose = "\xE2\x9F\xA9";  // ⟩ U+27E9
// What a placeholder holds between its marks: TYPE (A-Z) or ?, subtype (a-z, 0-9, _), index,
// or I. Spelt as ASCII, not "anything but ⟩": a class that excludes one 3-byte character compiles
// to a dozen UTF-8 range instructions, and RE2 copies them into every repetition of a gap
// ({GAP}{0,40} was 40 copies), which made the largest rules' programs 16,000 instructions.
constexpr std::string_view kInside = "[A-Za-z0-9_?]";

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

// Splits "a | b | c | pattern" into exactly `n` fields; the last keeps any further " | ".
bool SplitFields(const std::string& line, size_t n, std::vector<std::string>* fields) {
  fields->clear();
  size_t pos = 0;
  for (size_t i = 0; i + 1 < n; ++i) {
    size_t bar = line.find(" | ", pos);
    if (bar == std::string::npos) return false;
    fields->push_back(Trim(std::string_view(line).substr(pos, bar - pos)));
    pos = bar + 3;
  }
  fields->push_back(Trim(std::string_view(line).substr(pos)));
  return true;
}

// The 1-based column where field `index` of a " | "-separated line starts (error messages).
size_t FieldColumn(const std::string& line, size_t index) {
  size_t pos = 0;
  for (size_t i = 0; i < index; ++i) {
    size_t bar = line.find(" | ", pos);
    if (bar == std::string::npos) break;
    pos = bar + 3;
  }
  while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
  return pos + 1;
}

// "city|country" -> {"city", "country"}.
std::vector<std::string> SplitAlternatives(std::string_view list) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (true) {
    size_t bar = list.find('|', pos);
    out.emplace_back(list.substr(pos, bar == std::string_view::npos ? bar : bar - pos));
    if (bar == std::string_view::npos) break;
    pos = bar + 1;
  }
  return out;
}

// The word lists a chunk rule's first=, last= and not= conditions may name.
constexpr char kConditionListNames[] =
    "city, country, region, given_name, ambiguous_given_name, surname or surname_head";

// The entity type a slot or selector stands for, or "" when any type may fill it.
std::string SlotType(std::string_view slot) {
  if (slot == "WHO" || slot == "NARRATOR" || slot == "@narrator" || slot == "@met_by_narrator" ||
      slot == "@helpers" || slot == "@talk_organizers" || slot == "@main_event_speakers" ||
      slot == "@people_of_main_event") {
    return "PERSON";
  }
  if (slot == "@main_event") return "EVENT";
  if (slot == "@narrator_org") return "ORG";
  if (slot == "@main_city" || slot == "@city_in_name") return "PLACE";
  if (slot == "@nearest_talk") return "TALK";
  // (@item: a list item's opening name, of whatever type the relation takes.)
  if (slot.empty() || slot == "ANY" || slot == "?" || slot == "ROLE" || slot[0] == '@') return "";
  return std::string(slot.substr(0, slot.find('.')));
}

// "example: TEXT [=> EXPECT]" or "counter-example: TEXT" (leading spaces allowed); false for
// any other line.
bool ParseExample(const std::string& line, int line_no, RuleExample* ex) {
  std::string t = Trim(line);
  for (bool counter : {false, true}) {
    std::string_view key = counter ? "counter-example:" : "example:";
    if (!t.starts_with(key)) continue;
    std::string rest = Trim(std::string_view(t).substr(key.size()));
    ex->counter = counter;
    ex->line = line_no;
    size_t arrow = rest.rfind(" => ");
    if (arrow != std::string::npos) {
      ex->expect = Trim(std::string_view(rest).substr(arrow + 4));
      rest = Trim(std::string_view(rest).substr(0, arrow));
    } else {
      ex->expect.clear();
    }
    ex->text = rest;
    return true;
  }
  return false;
}

struct RuleFileReader {
  RuleFileReader(std::string path_, std::string* fingerprint_input_)
      : path(std::move(path_)), fingerprint_input(fingerprint_input_) {}

  std::string path;
  std::string* fingerprint_input;
  std::string text;  // the whole file
  size_t pos = 0;
  int line_no = 0;

  // Reads the file through `fs`; `what` names it in errors ("rule file").
  Status Open(FileSystem* fs, const std::string& what) {
    return ReadDataFile(fs, path, what, &text);
  }
  // Next non-comment line, or false at the end.
  bool Next(std::string* line) {
    while (pos < text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size();
      line->assign(text, pos, nl - pos);
      pos = nl + 1;
      ++line_no;
      fingerprint_input->append(*line).push_back('\n');
      if (!line->empty() && line->back() == '\r') line->pop_back();
      std::string t = Trim(*line);
      if (t.empty() || t[0] == '#') continue;
      return true;
    }
    return false;
  }
  Status Error(const std::string& what) const {
    return Status::Rules(path + ":" + std::to_string(line_no) + ": " + what);
  }
  Status Error(size_t column, const std::string& what) const {
    return Status::Rules(path + ":" + std::to_string(line_no) + ":" + std::to_string(column) +
                         ": " + what);
  }
};

// Attaches an example line to the rule above it (`examples`, null when there is none).
Status AddExample(const RuleFileReader& r, const std::string& line,
                  std::vector<RuleExample>* examples, RuleExample ex) {
  size_t column = line.find_first_not_of(" \t") + 1;
  if (examples == nullptr) return r.Error(column, "an example line needs a rule above it");
  if (ex.text.empty()) return r.Error(column, "an example needs a text");
  if (ex.counter && !ex.expect.empty()) {
    return r.Error(column, "a counter-example takes no '=> ...': the rule must not fire at all");
  }
  examples->push_back(std::move(ex));
  return Status::Ok();
}

// Rules name placeholders through slots, never by their characters, so the spelling of the
// slotted sentence can change without breaking a pack. The error names the column.
Status CheckNoPlaceholderMarks(const RuleFileReader& r, const std::string& line, size_t field) {
  size_t start = FieldColumn(line, field) - 1;
  for (std::string_view mark : {kOpen, kClose}) {
    size_t at = line.find(mark, start);
    if (at != std::string::npos) {
      return r.Error(at + 1,
                     "write a slot ({PERSON}, {?}, {SLOT}, {SLOT EVENT|PLACE}, or {<} "
                     "and {>} in a character class), not the placeholder character " +
                         std::string(mark));
    }
  }
  return Status::Ok();
}

// "{@NAME}" in `pattern` becomes "(?:BODY)" of "@define NAME = BODY". False (and *error) on
// a name no earlier @define of the file gives.
bool ApplyDefines(std::string_view pattern, const std::map<std::string, std::string>& defines,
                  std::string* out, std::string* error) {
  out->clear();
  size_t pos = 0;
  while (true) {
    size_t at = pattern.find("{@", pos);
    if (at == std::string_view::npos) break;
    size_t close = pattern.find('}', at);
    if (close == std::string_view::npos) break;
    std::string name(pattern.substr(at + 2, close - at - 2));
    auto it = defines.find(name);
    if (it == defines.end()) {
      *error = "{@" + name + "}: no '@define " + name + " = ...' above";
      return false;
    }
    out->append(pattern.substr(pos, at - pos)).append("(?:").append(it->second).append(")");
    pos = close + 1;
  }
  out->append(pattern.substr(pos));
  return true;
}

// "@define NAME = BODY": a named piece of pattern (a verb list, a noun list) that later rules of
// the file use as {@NAME}. kNotFound when `line` is no @define.
Status ParseDefine(const RuleFileReader& r, const std::string& line,
                   std::map<std::string, std::string>* defines) {
  std::string t = Trim(line);
  if (!t.starts_with("@define")) return Status::NotFound("");
  size_t column = line.find('@') + 1;
  size_t eq = t.find(" = ");
  if (!t.starts_with("@define ") || eq == std::string::npos) {
    return r.Error(column, "expected '@define NAME = pattern'");
  }
  std::string name = Trim(std::string_view(t).substr(8, eq - 8));
  if (name.empty() || name.size() > 48 || !std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      })) {
    return r.Error(column + 8, "a @define name is A-Z, 0-9 and _, not '" + name + "'");
  }
  if (defines->count(name)) return r.Error(column + 8, "@define " + name + " is already defined");
  if (Status s = CheckNoPlaceholderMarks(r, line, 0); !s.ok()) return s;
  std::string body, error;
  if (!ApplyDefines(Trim(std::string_view(t).substr(eq + 3)), *defines, &body, &error)) {
    return r.Error(column, error);
  }
  if (body.empty()) return r.Error(column, "@define " + name + " has an empty pattern");
  (*defines)[name] = body;
  return Status::Ok();
}

// Whether a @define's body is an alternation of plain words ("(?i:studio|agency|start-up|...)",
// eight or more): the rule indexes hold a run of words in its place (RuleSet::IndexablePattern).
bool IsWordAlternation(std::string_view body) {
  if (body.starts_with("(?i:") && body.ends_with(")")) {
    body = body.substr(4, body.size() - 5);
  }
  int alternatives = 1;
  bool in_class = false;
  for (char c : body) {
    if (c == '|' && !in_class) {
      ++alternatives;
    } else if (c == '[' && !in_class) {
      in_class = true;
    } else if (c == ']' && in_class) {
      in_class = false;
    } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 (!in_class && (c == ' ' || c == '-')))) {
      return false;
    }
  }
  return !in_class && alternatives >= 8;
}

// The expanded form ("(?:BODY)", as ApplyDefines writes it) of each word alternation among
// `defines`, for RuleSet::IndexablePattern.
void AddWordAlternations(const std::map<std::string, std::string>& defines,
                         std::vector<std::string>* out) {
  for (const auto& [name, body] : defines) {
    if (!IsWordAlternation(body)) continue;
    std::string expanded = "(?:" + body + ")";
    if (std::find(out->begin(), out->end(), expanded) == out->end()) out->push_back(expanded);
  }
}

// A line of a rule file that is no rule: "@define NAME = ..." (into `defines`) or an example
// of the rule above (into `examples`, null before the first rule). *handled says which.
Status ParseDirective(const RuleFileReader& r, const std::string& line,
                      std::map<std::string, std::string>* defines,
                      std::vector<RuleExample>* examples, bool* handled) {
  *handled = true;
  if (Status s = ParseDefine(r, line, defines); s.code() != Status::Code::kNotFound) return s;
  if (RuleExample ex; ParseExample(line, r.line_no, &ex)) {
    return AddExample(r, line, examples, std::move(ex));
  }
  *handled = false;
  return Status::Ok();
}

std::string PlaceholderRegex(std::string_view type, std::string_view subtype) {
  std::string t;
  if (type == "?") {
    t = "\\?";
  } else if (type == "ANY") {
    t = "[A-Z?]+";
  } else if (type == "WHO") {  // a person or the narrator
    return std::string(kOpen) + "(?:PERSON_\\d+|I)" + std::string(kClose);
  } else {
    t = std::string(type);
  }
  std::string sub = subtype.empty() ? "(?:_[a-z]+)?" : "_" + std::string(subtype);
  return std::string(kOpen) + t + sub + "_\\d+" + std::string(kClose);
}

// "FILE:LINE: rule NAME", for the warning of a pattern that fails to compile.
template <typename Rule>
std::string RuleWhere(const Rule& rule) {
  return rule.file + ":" + std::to_string(rule.line) + ": rule " + rule.name;
}

std::string Fnv1aHex(std::string_view data) {
  uint64_t h = 1469598103934665603ull;
  for (char c : data) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

bool ExpandSlotMacros(std::string_view pattern, std::string_view role_alternation,
                      bool capture_slots, std::string* out, std::string* error,
                      const Schema* schema, std::vector<std::string>* group_slots,
                      std::string* loose) {
  const char* open_group = capture_slots ? "(" : "(?:";
  out->clear();
  std::vector<std::pair<size_t, size_t>> tails;  // where each list's later members are in *out
  if (group_slots) group_slots->clear();
  auto slot_group = [&](std::string_view what) {
    if (group_slots && capture_slots) group_slots->emplace_back(what);
  };
  size_t i = 0;
  while (i < pattern.size()) {
    char c = pattern[i];
    if (c == '[') {
      // A character class is copied as it is: its brackets and braces are literal.
      size_t j = i + 1;
      if (j < pattern.size() && pattern[j] == '^') ++j;
      if (j < pattern.size() && pattern[j] == ']') ++j;
      while (j < pattern.size() && pattern[j] != ']') j += pattern[j] == '\\' ? 2 : 1;
      j = std::min(j + 1, pattern.size());
      // {<} and {>} are the placeholder marks, here as class members: [^{<}.] is any
      // character but a placeholder's start and a full stop.
      std::string_view cls = pattern.substr(i, j - i);
      for (size_t k = 0; k < cls.size();) {
        if (cls.substr(k).starts_with("{<}") || cls.substr(k).starts_with("{>}")) {
          out->append(cls[k + 1] == '<' ? kOpen : kClose);
          k += 3;
        } else {
          out->push_back(cls[k++]);
        }
      }
      i = j;
      continue;
    }
    if (c == '(') {
      // A group the rule writes: capturing unless "(?:", "(?i:" ..., but "(?P<name>" captures.
      bool capturing = i + 1 >= pattern.size() || pattern[i + 1] != '?' ||
                       pattern.substr(i + 1).starts_with("?P<");
      if (capturing && group_slots) group_slots->emplace_back();
      out->push_back(c);
      ++i;
      continue;
    }
    if (c == '\\' && i + 1 < pattern.size()) {
      size_t len = 2;
      // \p{Lu}: a Unicode class, not a slot.
      if ((pattern[i + 1] == 'p' || pattern[i + 1] == 'P') && i + 2 < pattern.size() &&
          pattern[i + 2] == '{') {
        size_t close = pattern.find('}', i);
        if (close != std::string_view::npos) len = close - i + 1;
      }
      out->append(pattern.substr(i, len));
      i += len;
      continue;
    }
    if (c != '{') {
      out->push_back(c);
      ++i;
      continue;
    }
    size_t close = pattern.find('}', i);
    if (close == std::string_view::npos) {
      out->push_back(c);
      ++i;
      continue;
    }
    std::string_view body = pattern.substr(i + 1, close - i - 1);
    if (body == "<" || body == ">") {  // a placeholder mark ({<}\? starts an untyped one)
      out->append(body == "<" ? kOpen : kClose);
      i = close + 1;
      continue;
    }
    if (body == "SLOT" || body.starts_with("SLOT ")) {
      // Any placeholder, the narrator's too; {SLOT EVENT|PLACE} one of those types (never a
      // capture group: filler, not an endpoint).
      std::string_view types = body.size() > 5 ? body.substr(5) : std::string_view();
      if (!std::all_of(types.begin(), types.end(), [](char ch) {
            return (ch >= 'A' && ch <= 'Z') || ch == '?' || ch == '|';
          })) {
        *error =
            "slot {" + std::string(body) + "}: {SLOT} or {SLOT TYPE|TYPE...} (types A-Z, ?, I)";
        return false;
      }
      out->append(kOpen);
      if (types.empty()) {
        out->append(kInside).append("*");
      } else {
        out->append("(?:");
        for (char ch : types) {
          if (ch == '?') out->push_back('\\');
          out->push_back(ch);
        }
        out->append(")(?:_").append(kInside).append("*)?");
      }
      out->append(kClose);
      i = close + 1;
      continue;
    }
    if (!body.empty() && (std::isdigit(static_cast<unsigned char>(body[0])) || body[0] == ',')) {
      out->append(pattern.substr(i, close - i + 1));  // an RE2 repetition such as {0,3}
      i = close + 1;
      continue;
    }
    // "{PERSON+:speaker}": a relation rule's endpoint, or an entity rule's target, by name (a
    // named capture group).
    std::string_view slot_name;
    if (size_t colon = body.find(':'); colon != std::string_view::npos) {
      slot_name = body.substr(colon + 1);
      body = body.substr(0, colon);
      bool valid = !slot_name.empty() && slot_name.size() <= 32 && slot_name[0] >= 'a' &&
                   slot_name[0] <= 'z' &&
                   std::all_of(slot_name.begin(), slot_name.end(), [](char ch) {
                     return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
                   });
      if (!valid) {
        *error = "slot {" + std::string(pattern.substr(i + 1, close - i - 1)) +
                 "}: a slot's name is a-z, 0-9 and _, starting with a letter";
        return false;
      }
    }
    const std::string named_group =
        slot_name.empty() ? std::string(open_group) : "(?P<" + std::string(slot_name) + ">";
    // {PERSON+}: a list whose members may carry asides; {PERSON*}: a bare list, names joined
    // by commas and "and" only.
    const bool bare_list = body.ends_with("*");
    bool list = body.ends_with("+") || bare_list;
    if (list) body.remove_suffix(1);
    std::string_view type = body, subtype;
    if (size_t dot = body.find('.'); dot != std::string_view::npos) {
      type = body.substr(0, dot);
      subtype = body.substr(dot + 1);
    }
    EntityType ignored;
    bool entity_type =
        type != "?" && type != "ANY" && type != "WHO" &&
        (schema ? schema->FindType(type) != nullptr : ParseEntityType(type, &ignored));
    if (entity_type && schema && !subtype.empty()) {
      const auto& subs = schema->FindType(type)->subtypes;
      if (!subs.empty() && std::find(subs.begin(), subs.end(), subtype) == subs.end()) {
        *error = "slot {" + std::string(pattern.substr(i + 1, close - i - 1)) +
                 "}: " + std::string(type) + " has no subtype '" + std::string(subtype) +
                 "' (schema)";
        return false;
      }
    }
    if (type == "GAP" && !slot_name.empty()) {
      *error = "slot {" + std::string(pattern.substr(i + 1, close - i - 1)) +
               "}: GAP is filler, not an endpoint, and takes no name";
      return false;
    }
    if (type == "PLAIN" && !slot_name.empty()) {
      *error = "slot {" + std::string(pattern.substr(i + 1, close - i - 1)) +
               "}: PLAIN is filler, not an endpoint, and takes no name";
      return false;
    }
    if (type == "PLAIN") {
      // One character of plain text: not the start of a placeholder, not a full stop.
      out->append("[^").append(kOpen).append(".]");
    } else if (type == "GAP") {
      // Filler between two slots within a clause: words, and slots of things (any type but
      // PERSON, whatever types the schema adds; not the narrator ⟨I⟩, which has no index).
      out->append("(?:[^")
          .append(kOpen)
          .append(".!?;]|")
          .append(kOpen)
          .append("(?:[A-OQ-Z?]|P[A-DF-Z0-9_?])")
          .append(kInside)
          .append("*_\\d+")
          .append(kClose)
          .append(")");
    } else if (type == "ROLE") {
      slot_group("ROLE");
      out->append(named_group).append("(?i:").append(role_alternation).append("))");
    } else if (type == "NARRATOR") {
      slot_group("NARRATOR");
      out->append(named_group).append(kOpen).append("I").append(kClose).append(")");
    } else if (type == "?" || type == "ANY" || type == "WHO" || entity_type) {
      slot_group(body);
      std::string one = PlaceholderRegex(type, subtype);
      // "Tanaka-san and Suzuki-sensei": an honorific suffix stays outside the mention.
      if (type == "PERSON" || type == "WHO") one += "(?:-[a-z]+)?";
      if (list && bare_list) {
        out->append(named_group + one);
        const size_t tail = out->size();
        out->append("(?:(?:\\s*,\\s*(?:and\\s+|&\\s*)?|\\s+(?:and|&)\\s+)" + one + ")*");
        tails.emplace_back(tail, out->size() - tail);
        out->append(")");
      } else if (list) {
        const std::string open(kOpen), close(kClose);
        const bool people = type == "PERSON" || type == "WHO";
        // "A, B and his wife, and C": a member's companion stays outside the list; so does an
        // aside in brackets of words or organisations ("A (Acme), B (Initech) and C"), or in a
        // list of people, of anything ("A (Ben's supervisor), C"): no member is in brackets.
        std::string companion = "(?:\\s*\\((?:[^()" + open + close + "]|" + open +
                                (people ? std::string(kInside) + "*" : std::string("ORG_\\d+")) +
                                close + ")*\\))?(?:\\s+and (?:his|her|their) [a-z]+)?";
        std::string between, separator = "(?:\\s*,\\s*(?:and\\s+|&\\s*)?|\\s+(?:and|&)\\s+)";
        std::string next = one;
        if (people) {
          // People's lists also go on past a member's organisation or town ("A from Acme and
          // B from Oslo", "A of Acme in Oslo, B"): the aside is no member (the endpoint keeps
          // people only), and it is taken between members only, so a pattern may still follow a
          // list with "from {ORG}". They go on past an appositive that holds no other person ("A, a
          // consultant from Oslo, B, CTO of Acme; and C"), past "again" ("A again, B") and a
          // purpose
          // ("thanked A for the venue, and B"). Semicolons, "and also" and "and with" may join
          // them, and a member after the first may have a title ("A and Dr B").
          between = "(?:\\s+again)?(?:\\s+for\\s+[^,;.!?()" + open + close +
                    "]+?)?(?:\\s+(?:from|of|at)\\s+(?:the\\s+)?" + open +
                    "(?:ORG|PLACE)(?:_[a-z]+)?_\\d+" + close + "(?:\\s+(?:in|near)\\s+" + open +
                    "PLACE(?:_[a-z]+)?_\\d+" + close + ")?)?(?:\\s*,\\s*[^\\s,;.!?()" + open +
                    close + "](?:[^,;.!?()" + open + close + "]|" + open + "(?:ORG|PLACE)" +
                    std::string(kInside) + "*" + close + ")*?)?";
          separator =
              "(?:\\s*[,;]\\s*(?:and\\s+(?:also\\s+|with\\s+)?|&\\s*)?|\\s+(?:and|&)\\s+(?:also\\s+"
              "|with\\s+)?)";
          next = "(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx)\\.?\\s+)?" + one;
        } else {
          // "Acme, Initech and the Kelp Foundation": a later member may take "the".
          next = "(?:[Tt]he\\s+)?" + one;
        }
        out->append(named_group + one);
        const size_t tail = out->size();
        out->append(companion + "(?:" + between + separator + next + companion + ")*");
        tails.emplace_back(tail, out->size() - tail);
        out->append(")");
      } else {
        out->append(named_group + one + ")");
      }
    } else {
      std::string types;
      if (schema) {
        for (const Schema::Type& t : schema->types()) types += t.name + ", ";
      } else {
        types = "PERSON, ORG, PLACE, EVENT, TALK, ";
      }
      *error = "unknown slot {" + std::string(pattern.substr(i + 1, close - i - 1)) +
               "}; expected a type of the schema (" + types.substr(0, types.size() - 2) +
               "; optionally .subtype and +), ?, ANY, WHO, NARRATOR, ROLE, GAP or PLAIN";
      return false;
    }
    i = close + 1;
  }
  if (loose) {
    loose->clear();
    size_t from = 0;
    for (auto [at, length] : tails) {
      loose->append(*out, from, at - from).append("(?s:.*?)");
      from = at + length;
    }
    loose->append(*out, from, std::string::npos);
  }
  return true;
}

RuleSet::RuleSet() = default;
RuleSet::~RuleSet() = default;

std::string RuleSet::TypeList() const {
  std::string out;
  if (!schema_loaded_) return "PERSON, ORG, PLACE, EVENT or TALK";
  for (const Schema::Type& t : schema_.types()) out += (out.empty() ? "" : ", ") + t.name;
  return "the schema has " + (out.empty() ? std::string("none") : out);
}

std::string RuleSet::RelationList() const {
  std::string out;
  for (const Schema::Relation& rel : schema_.relations()) {
    out += (out.empty() ? "" : ", ") + rel.name;
  }
  return "the schema has " + (out.empty() ? std::string("none") : out);
}

std::string RuleSet::Signature(const Schema::Relation& relation, bool subject) {
  const std::vector<std::string>& types = subject ? relation.subjects : relation.objects;
  std::string out;
  for (const std::string& t : types) out += (out.empty() ? "" : " or ") + t;
  return (out.empty() ? "any type" : out) + (subject ? " as subject" : " as object");
}

const Lexicon* RuleSet::ConditionList(std::string_view name) const {
  if (name == "city") return &cities_;
  if (name == "country") return &countries_;
  if (name == "region") return &regions_;
  if (name == "given_name") return &given_names_;
  if (name == "ambiguous_given_name") return &ambiguous_given_names_;
  if (name == "surname") return &surnames_;
  if (name == "surname_head") return &surname_heads_;
  return nullptr;
}

std::vector<int> RuleSet::MatchChunkRules(std::string_view text, bool with_guards) const {
  std::vector<int> matching = chunk_index_->Candidates(text);
  auto in_any = [](const std::vector<const Lexicon*>& lists, std::string_view word) {
    for (const Lexicon* list : lists) {
      if (list->Contains(word)) return true;
    }
    return false;
  };
  auto fails = [&](int index) {
    const EntityRule& rule = *entity_rules_[static_cast<size_t>(index)];
    if (rule.skip_types != 0 && !with_guards) return true;
    if (!re2::RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), rule.re.Compiled()))
      return true;
    if (rule.first_in.empty() && rule.last_in.empty() && rule.whole_not_in.empty()) return false;
    size_t first_end = text.find_first_of(" \t\n-");
    size_t last_begin = text.find_last_of(" \t\n-");
    std::string_view first = text.substr(0, first_end);
    std::string_view last =
        last_begin == std::string_view::npos ? text : text.substr(last_begin + 1);
    return (!rule.first_in.empty() && !in_any(rule.first_in, first)) ||
           (!rule.last_in.empty() && !in_any(rule.last_in, last)) ||
           in_any(rule.whole_not_in, text);
  };
  matching.erase(std::remove_if(matching.begin(), matching.end(), fails), matching.end());
  return matching;
}

Status RuleSet::LoadEntityRules(const std::string& path, std::string* fingerprint) {
  std::string fp;
  RuleFileReader r{path, &fp};
  if (Status s = r.Open(fs_, "rule file"); !s.ok()) return s;
  std::string line;
  std::vector<std::string> f;
  EntityRule* last = nullptr;
  std::map<std::string, std::string> defines;
  while (r.Next(&line)) {
    bool directive = false;
    if (Status s = ParseDirective(r, line, &defines, last ? &last->examples : nullptr, &directive);
        !s.ok()) {
      return s;
    }
    if (directive) continue;
    if (!SplitFields(line, 4, &f)) {
      return r.Error("expected 'name | TYPE[.subtype] | chunk|each|span [force] [keep] | pattern'");
    }
    auto rule = std::make_unique<EntityRule>();
    rule->name = f[0];
    rule->file = path;
    rule->line = r.line_no;
    std::string type = f[1];
    if (size_t dot = type.find('.'); dot != std::string::npos) {
      rule->subtype = type.substr(dot + 1);
      type.resize(dot);
    }
    const Schema::Type* known = schema_loaded_ ? schema_.FindType(type) : nullptr;
    if ((schema_loaded_ && !known) || !ParseEntityType(type, &rule->type)) {
      return r.Error(FieldColumn(line, 1),
                     "unknown entity type '" + type + "' (" + TypeList() + ")");
    }
    if (known && !rule->subtype.empty() && !known->subtypes.empty() &&
        std::find(known->subtypes.begin(), known->subtypes.end(), rule->subtype) ==
            known->subtypes.end()) {
      return r.Error(FieldColumn(line, 1),
                     type + " has no subtype '" + rule->subtype + "' in the schema");
    }
    std::istringstream modes(f[2]);
    std::string mode;
    modes >> mode;
    if (mode == "chunk") {
      rule->mode = EntityRule::Mode::kChunk;
    } else if (mode == "each") {
      rule->mode = EntityRule::Mode::kEach;
    } else if (mode == "span") {
      rule->mode = EntityRule::Mode::kSpan;
    } else if (mode == "line") {
      rule->mode = EntityRule::Mode::kLine;
    } else {
      return r.Error("unknown mode '" + mode + "' (chunk, each, span or line)");
    }
    std::string flag;
    while (modes >> flag) {
      if (flag == "force") {
        rule->force = true;
      } else if (flag == "keep" && rule->mode == EntityRule::Mode::kSpan) {
        rule->keep = true;
      } else if (flag == "weak" && rule->mode == EntityRule::Mode::kEach) {
        rule->weak = true;
      } else if (flag == "long" && rule->mode == EntityRule::Mode::kSpan) {
        rule->long_span = true;
      } else if (flag == "initial" && rule->mode == EntityRule::Mode::kChunk) {
        rule->initial = true;
      } else if (flag == "prose" && rule->mode == EntityRule::Mode::kLine) {
        rule->prose = true;
      } else if (flag.starts_with("weight=") && flag.size() == 8 && flag[7] >= '0' &&
                 flag[7] <= '9') {
        rule_weights_[rule->name] = flag[7] - '0';
      } else if (rule->mode == EntityRule::Mode::kChunk &&
                 (flag.starts_with("first=") || flag.starts_with("last=") ||
                  flag.starts_with("not="))) {
        size_t eq = flag.find('=');
        auto* lists = flag[0] == 'f'   ? &rule->first_in
                      : flag[0] == 'l' ? &rule->last_in
                                       : &rule->whole_not_in;
        for (const std::string& name : SplitAlternatives(flag.substr(eq + 1))) {
          const Lexicon* list = ConditionList(name);
          if (list == nullptr) {
            return r.Error(
                line.find(flag, FieldColumn(line, 2) - 1) + 1,
                "unknown word list '" + name + "' in '" + flag + "' (" + kConditionListNames + ")");
          }
          lists->push_back(list);
        }
      } else if (rule->mode == EntityRule::Mode::kChunk && flag.starts_with("skip=")) {
        for (const std::string& name : SplitAlternatives(flag.substr(5))) {
          EntityType skipped;
          if (!ParseEntityType(name, &skipped) || (schema_loaded_ && !schema_.FindType(name))) {
            return r.Error(
                line.find(flag, FieldColumn(line, 2) - 1) + 1,
                "unknown entity type '" + name + "' in '" + flag + "' (" + TypeList() + ")");
          }
          rule->skip_types |= 1u << static_cast<unsigned>(skipped);
        }
      } else if (flag == "hint" &&
                 (rule->mode == EntityRule::Mode::kEach || rule->mode == EntityRule::Mode::kSpan)) {
        rule->hint = true;
        hint_rules_.insert(rule->name);
      } else {
        return r.Error(
            line.find(flag, FieldColumn(line, 2) - 1) + 1,
            "unknown flag '" + flag +
                "' (force; hint; weight=N; keep and long for span rules; weak for each "
                "rules; prose for line rules; initial, first=, last=, not= and skip= for "
                "chunk rules)");
      }
    }
    if (Status s = CheckNoPlaceholderMarks(r, line, 3); !s.ok()) return s;
    std::string pattern, expanded, err;
    if (!ApplyDefines(f[3], defines, &pattern, &err)) return r.Error(FieldColumn(line, 3), err);
    std::string loose;
    if (!ExpandSlotMacros(pattern, role_alternation_, /*capture_slots=*/false, &expanded, &err,
                          schema_loaded_ ? &schema_ : nullptr, nullptr, &loose)) {
      return r.Error(FieldColumn(line, 3), err);
    }
    if (!rule->re.Parse(expanded, RuleWhere(*rule), &err)) {
      return r.Error("pattern does not compile: " + err);
    }
    if (loose != expanded) rule->re.set_index_pattern(std::move(loose));
    if (rule->mode == EntityRule::Mode::kLine) {
      const auto& named = rule->re.NamedCapturingGroups();
      auto group = [&](const char* name) {
        auto it = named.find(name);
        return it == named.end() ? 0 : it->second;
      };
      rule->title_group = group("title");
      rule->speakers_group = group("speakers");
      rule->kind_group = group("kind");
      rule->moderators_group = group("moderators");
      if (rule->title_group == 0) return r.Error("line rules need a group (?P<title>...)");
    } else if (rule->mode != EntityRule::Mode::kChunk) {
      // The target: the one named slot or group ({?:venue}, (?P<talk>...)), else group 1.
      const auto& named = rule->re.NamedCapturingGroups();
      if (named.size() > 1) {
        return r.Error(FieldColumn(line, 3),
                       "an entity rule names one slot or group, its target (found " +
                           std::to_string(named.size()) + ")");
      }
      if (named.size() == 1) {
        rule->target_group = named.begin()->second;
        if (rule->target_group > EntityRule::kMaxTargetGroup) {
          return r.Error(FieldColumn(line, 3), "the target must be one of the first " +
                                                   std::to_string(EntityRule::kMaxTargetGroup) +
                                                   " groups");
        }
      } else if (rule->re.NumberOfCapturingGroups() < 1) {
        return r.Error("each/span rules need a target: a named slot ({?:name}) or a group");
      }
    }
    last = rule.get();
    entity_rules_.push_back(std::move(rule));
  }
  for (const auto& rule : entity_rules_) {
    if (rule->skip_types != 0 && !rule->examples.empty() && rule->file == path) {
      return Status::Rules(path + ":" + std::to_string(rule->examples.front().line) +
                           ": a guard (skip=) types nothing, so it takes no examples");
    }
  }
  AddWordAlternations(defines, &entity_word_alternations_);
  *fingerprint = std::move(fp);
  return Status::Ok();
}

Status RuleSet::LoadRelationRules(const std::string& path, std::string* fingerprint) {
  std::string fp;
  RuleFileReader r{path, &fp};
  if (Status s = r.Open(fs_, "rule file"); !s.ok()) return s;
  std::string line;
  std::vector<std::string> f;
  // A group number is 1 to 99 (RE2 patterns of these files have fewer groups).
  auto parse_group = [](std::string_view s, int* group) {
    if (s.empty() || s.size() > 2 || s.find_first_not_of("0123456789") != std::string::npos) {
      return false;
    }
    *group = std::stoi(std::string(s));
    return *group >= 1;
  };
  // A slot's name ("speaker" for {PERSON+:speaker}); resolved once the pattern compiles.
  auto is_name = [](std::string_view s) {
    return !s.empty() && s.size() <= 32 && s[0] >= 'a' && s[0] <= 'z' &&
           std::all_of(s.begin(), s.end(), [](char c) {
             return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
           });
  };
  auto parse_endpoint = [&](const std::string& s, RuleEndpoint* e, std::string* name) {
    if (s == "@narrator") {
      e->special = kNarrator;
    } else if (s == "@main_event") {
      e->special = kMainEvent;
    } else if (s == "@nearest_talk") {
      e->special = kNearestTalk;
    } else if (s == "@item") {
      e->special = kListItems;
    } else if (s == "@narrator_org") {
      e->special = kNarratorOrg;
    } else if (is_name(s)) {
      *name = s;
    } else {
      return parse_group(s, &e->group);
    }
    return true;
  };
  RelationRule* last = nullptr;
  std::map<std::string, std::string> defines;
  while (r.Next(&line)) {
    bool directive = false;
    if (Status s = ParseDirective(r, line, &defines, last ? &last->examples : nullptr, &directive);
        !s.ok()) {
      return s;
    }
    if (directive) continue;
    if (!SplitFields(line, 6, &f)) {
      return r.Error("expected 'name | relation | subject | object | role | pattern'");
    }
    auto rule = std::make_unique<RelationRule>();
    rule->name = f[0];
    rule->relation = f[1];
    const Schema::Relation* relation = schema_loaded_ ? schema_.FindRelation(f[1]) : nullptr;
    if (schema_loaded_ && !relation) {
      return r.Error(FieldColumn(line, 1),
                     "unknown relation '" + f[1] + "' (" + RelationList() + ")");
    }
    rule->file = path;
    rule->line = r.line_no;
    std::string names[3];  // subject, object, role given by slot name
    for (int side = 0; side < 2; ++side) {
      if (!parse_endpoint(f[static_cast<size_t>(2 + side)],
                          side == 0 ? &rule->subject : &rule->object, &names[side])) {
        return r.Error(
            FieldColumn(line, static_cast<size_t>(2 + side)),
            "an endpoint is a slot's name ({PERSON:speaker} -> speaker), a group "
            "number from 1 to 99, @narrator, @main_event, @narrator_org, @nearest_talk or "
            "@item");
      }
    }
    auto other_side_ok = [](const RuleEndpoint& e) {
      return e.special == kNarrator || e.special == kNearestTalk;
    };
    if ((rule->subject.special == kListItems && !other_side_ok(rule->object)) ||
        (rule->object.special == kListItems && !other_side_ok(rule->subject))) {
      return r.Error(FieldColumn(line, 2),
                     "@item goes with @narrator or @nearest_talk on the other side");
    }
    if (f[4].starts_with("$")) {
      std::string_view ref = std::string_view(f[4]).substr(1);
      if (is_name(ref)) {
        names[2] = std::string(ref);
      } else if (!parse_group(ref, &rule->role_group)) {
        return r.Error(FieldColumn(line, 4),
                       "a role '$N' or '$name' names a group number from 1 to 99 or a slot");
      }
    } else if (f[4] != "-") {
      rule->role = f[4];
    }
    if (Status s = CheckNoPlaceholderMarks(r, line, 5); !s.ok()) return s;
    std::string pattern, expanded, err;
    if (!ApplyDefines(f[5], defines, &pattern, &err)) return r.Error(FieldColumn(line, 5), err);
    std::vector<std::string> slots;
    std::string loose;
    if (!ExpandSlotMacros(pattern, role_alternation_, /*capture_slots=*/true, &expanded, &err,
                          schema_loaded_ ? &schema_ : nullptr, &slots, &loose)) {
      return r.Error(FieldColumn(line, 5), err);
    }
    if (!rule->re.Parse(expanded, RuleWhere(*rule), &err)) {
      return r.Error(FieldColumn(line, 5), "pattern does not compile: " + err);
    }
    if (loose != expanded) rule->re.set_index_pattern(std::move(loose));
    for (int k = 0; k < 3; ++k) {
      if (names[k].empty()) continue;
      const auto& named = rule->re.NamedCapturingGroups();
      auto it = named.find(names[k]);
      if (it == named.end()) {
        return r.Error(FieldColumn(line, static_cast<size_t>(2 + k)),
                       "no slot is named '" + names[k] + "' (name one: {PERSON:" + names[k] + "})");
      }
      (k == 0 ? rule->subject.group : k == 1 ? rule->object.group : rule->role_group) = it->second;
    }
    for (RuleEndpoint* e : {&rule->subject, &rule->object}) {
      const size_t g = static_cast<size_t>(e->group);
      e->people =
          g >= 1 && g <= slots.size() && (slots[g - 1] == "PERSON" || slots[g - 1] == "WHO");
    }
    int groups = rule->re.NumberOfCapturingGroups();
    if (rule->subject.group > groups || rule->object.group > groups || rule->role_group > groups) {
      return r.Error(FieldColumn(line, rule->subject.group > groups  ? 2
                                       : rule->object.group > groups ? 3
                                                                     : 4),
                     "an endpoint names group " +
                         std::to_string(std::max(
                             {rule->subject.group, rule->object.group, rule->role_group})) +
                         " but the pattern has " + std::to_string(groups));
    }
    if (relation) {
      for (int side = 0; side < 2; ++side) {
        const RuleEndpoint& e = side == 0 ? rule->subject : rule->object;
        std::string type = e.group > 0 && static_cast<size_t>(e.group) <= slots.size()
                               ? SlotType(slots[static_cast<size_t>(e.group) - 1])
                               : SlotType(f[static_cast<size_t>(2 + side)]);
        if (type.empty()) continue;
        if (side == 0 ? relation->AllowsSubject(type) : relation->AllowsObject(type)) continue;
        return r.Error(FieldColumn(line, static_cast<size_t>(2 + side)),
                       std::string(side == 0 ? "subject" : "object") + " " + f[2 + side] +
                           " is a " + type + ", but " + relation->name + " takes " +
                           Signature(*relation, side == 0) + " (" + relation->defined_at + ")");
      }
    }
    last = rule.get();
    relation_rules_.push_back(std::move(rule));
  }
  AddWordAlternations(defines, &relation_word_alternations_);
  *fingerprint = std::move(fp);
  return Status::Ok();
}

Status RuleSet::LoadInferenceRules(const std::string& path, std::string* fingerprint) {
  std::string fp;
  RuleFileReader r{path, &fp};
  if (Status s = r.Open(fs_, "rule file"); !s.ok()) return s;
  std::string line;
  std::vector<std::string> f;
  static const std::set<std::string> kSelectors = {
      "@narrator",     "@main_event",          "@met_by_narrator",
      "@helpers",      "@talk_organizers",     "@main_city",
      "@city_in_name", "@main_event_speakers", "@people_of_main_event"};
  while (r.Next(&line)) {
    bool unless_stated = false;
    if (SplitFields(line, 5, &f)) {
      if (f[4] != "unless_stated") return r.Error("unknown flag '" + f[4] + "' (unless_stated)");
      unless_stated = true;
      f.pop_back();
    } else if (!SplitFields(line, 4, &f)) {
      return r.Error("expected 'name | relation | subject | object [| unless_stated]'");
    }
    const Schema::Relation* relation = schema_loaded_ ? schema_.FindRelation(f[1]) : nullptr;
    if (schema_loaded_ && !relation) {
      return r.Error(FieldColumn(line, 1),
                     "unknown relation '" + f[1] + "' (" + RelationList() + ")");
    }
    for (size_t side = 2; side <= 3; ++side) {
      const std::string& sel = f[side];
      EntityType ignored;
      bool type =
          schema_loaded_ ? schema_.FindType(sel) != nullptr : ParseEntityType(sel, &ignored);
      if (!kSelectors.count(sel) && !type) {
        return r.Error(
            FieldColumn(line, side),
            "unknown selector '" + sel + "' (a type, or one of @narrator, " +
                "@main_event, @met_by_narrator, @helpers, @talk_organizers, " +
                "@main_event_speakers, @people_of_main_event, @main_city, @city_in_name)");
      }
      std::string t = SlotType(sel);
      if (relation && !t.empty() &&
          !(side == 2 ? relation->AllowsSubject(t) : relation->AllowsObject(t))) {
        return r.Error(FieldColumn(line, side), std::string(side == 2 ? "subject " : "object ") +
                                                    sel + " is a " + t + ", but " + relation->name +
                                                    " takes " + Signature(*relation, side == 2) +
                                                    " (" + relation->defined_at + ")");
      }
    }
    inference_rules_.push_back({f[0], f[1], f[2], f[3], unless_stated, r.line_no, path});
  }
  *fingerprint = std::move(fp);
  return Status::Ok();
}

void RuleSet::MakeIndexes() {
  chunk_index_ = std::make_unique<RuleIndex>();
  context_index_ = std::make_unique<RuleIndex>();
  line_index_ = std::make_unique<RuleIndex>();
  relation_index_ = std::make_unique<RuleIndex>();
}

// `pattern` with each copy of the roles' alternation (a hundred words and phrases, which the
// {ROLE} slot expands to) and of a @define's word alternation (ORG_KIND) as one run of words:
// the index only proposes a rule, whose own pattern then checks the words, and each copy of an
// alternation made every set that holds it larger to build at start-up. `alternations` are
// those of the index's own rule files, each filled by the thread that then builds the index.
std::string RuleSet::IndexablePattern(const std::string& pattern,
                                      const std::vector<std::string>& alternations) const {
  static constexpr std::string_view kWordRun = "[\\w][\\w -]*";
  std::string out = pattern;
  auto replace_all = [&](const std::string& what) {
    if (what.empty()) return;
    std::string next;
    size_t from = 0;
    for (size_t at = out.find(what); at != std::string::npos; at = out.find(what, from)) {
      next.append(out, from, at - from).append(kWordRun);
      from = at + what.size();
    }
    if (from == 0) return;
    out = next.append(out, from, std::string::npos);
  };
  replace_all(role_alternation_);
  for (const std::string& a : alternations) replace_all(a);
  return out;
}

RuleSet::IndexBuild RuleSet::BuildIndex(IndexKind kind) {
  IndexBuild out;
  std::string err;
  if (kind == IndexKind::kRelation) {
    for (size_t i = 0; i < relation_rules_.size(); ++i) {
      const RelationRule& r = *relation_rules_[i];
      if (!relation_index_->Add(IndexablePattern(r.re.index_pattern(), relation_word_alternations_),
                                static_cast<int>(i), &err)) {
        out.failed_rule = i;
        out.error = Status::Rules(r.file + ":" + std::to_string(r.line) + ": " + err);
        return out;
      }
    }
    out.compiled = relation_index_->Compile();
    return out;
  }
  const EntityRule::Mode mode = kind == IndexKind::kChunk  ? EntityRule::Mode::kChunk
                                : kind == IndexKind::kLine ? EntityRule::Mode::kLine
                                                           : EntityRule::Mode::kEach;
  RuleIndex& index = kind == IndexKind::kChunk  ? *chunk_index_
                     : kind == IndexKind::kLine ? *line_index_
                                                : *context_index_;
  for (size_t i = 0; i < entity_rules_.size(); ++i) {
    const EntityRule& r = *entity_rules_[i];
    // The context index holds the each and span rules.
    EntityRule::Mode m = r.mode == EntityRule::Mode::kSpan ? EntityRule::Mode::kEach : r.mode;
    if (m != mode) continue;
    if (!index.Add(IndexablePattern(r.re.index_pattern(), entity_word_alternations_),
                   static_cast<int>(i), &err)) {
      out.failed_rule = i;
      out.error = Status::Rules(r.file + ":" + std::to_string(r.line) + ": " + err);
      return out;
    }
  }
  out.compiled = index.Compile();
  return out;
}

Status RuleSet::IndexStatus(const IndexBuild& chunk, const IndexBuild& context,
                            const IndexBuild& line, const IndexBuild& relation) {
  const IndexBuild* first = &chunk;
  for (const IndexBuild* b : {&context, &line}) {
    if (b->failed_rule < first->failed_rule) first = b;
  }
  if (first->failed_rule != SIZE_MAX) return first->error;
  if (relation.failed_rule != SIZE_MAX) return relation.error;
  if (!chunk.compiled || !context.compiled || !line.compiled || !relation.compiled) {
    return Status::Rules("the rule set index does not compile (out of memory?)");
  }
  return Status::Ok();
}

Status RuleSet::BuildIndexes() {
  MakeIndexes();
  IndexBuild chunk = BuildIndex(IndexKind::kChunk);
  IndexBuild context = BuildIndex(IndexKind::kContext);
  IndexBuild line = BuildIndex(IndexKind::kLine);
  IndexBuild relation = BuildIndex(IndexKind::kRelation);
  return IndexStatus(chunk, context, line, relation);
}

Status RuleSet::CheckRuleFile(std::string_view kind, const std::string& path) {
  std::unique_ptr<RuleSet> rs(new RuleSet());
  std::string fingerprint;
  Status s = kind == "entities"    ? rs->LoadEntityRules(path, &fingerprint)
             : kind == "relations" ? rs->LoadRelationRules(path, &fingerprint)
                                   : rs->LoadInferenceRules(path, &fingerprint);
  if (s.ok()) s = rs->BuildIndexes();
  return s.ok() ? rs->CompileAll() : s;
}

Status RuleSet::CompileAll() const {
  auto check = [](const RulePattern& re, const std::string& file, int line) {
    const re2::RE2& compiled = re.Compiled(/*warn=*/false);
    const std::string where = file + ":" + std::to_string(line) + ": ";
    if (!compiled.ok())
      return Status::Rules(where + "pattern does not compile: " + compiled.error());
    // The groups were counted from the text at load (ScanCaptureGroups): check them against RE2.
    if (compiled.NumberOfCapturingGroups() != re.NumberOfCapturingGroups() ||
        compiled.NamedCapturingGroups() != re.NamedCapturingGroups()) {
      return Status::Rules(where + "the pattern's groups were miscounted at load (a bug)");
    }
    return Status::Ok();
  };
  for (const auto& r : entity_rules_) {
    if (Status s = check(r->re, r->file, r->line); !s.ok()) return s;
  }
  for (const auto& r : relation_rules_) {
    if (Status s = check(r->re, r->file, r->line); !s.ok()) return s;
  }
  return Status::Ok();
}

Status RuleSet::Load(const std::string& data_dir, std::unique_ptr<RuleSet>* out) {
  RuleSetOptions options;
  options.data_dir = data_dir;
  return Load(options, out);
}

Status RuleSet::LoadEvidenceWeights(const std::string& path) {
  std::string fp;
  RuleFileReader r{path, &fp};
  if (Status s = r.Open(fs_, "the evidence weights"); !s.ok()) return s;
  std::string line;
  std::vector<std::string> f;
  bool has_default = false;
  while (r.Next(&line)) {
    if (!SplitFields(line, 2, &f)) return r.Error("expected 'rule name or prefix* | weight'");
    if (f[1].size() != 1 || f[1][0] < '0' || f[1][0] > '9') {
      return r.Error(FieldColumn(line, 1), "a weight is 0 to 9, not '" + f[1] + "'");
    }
    if (f[0].empty()) return r.Error(1, "a rule name or prefix* is needed");
    has_default = has_default || f[0] == "*";
    evidence_weights_.emplace_back(f[0], f[1][0] - '0');
  }
  if (!has_default) return r.Error("no '* | weight' line: every other rule needs a weight");
  fingerprint_ += fp;
  return Status::Ok();
}

int RuleSet::EvidenceWeight(std::string_view rule) const {
  if (auto it = rule_weights_.find(std::string(rule)); it != rule_weights_.end()) {
    return it->second;
  }
  if (hint_rules_.count(std::string(rule))) return 1;
  for (const auto& [pattern, weight] : evidence_weights_) {
    if (pattern.ends_with('*')
            ? rule.starts_with(std::string_view(pattern).substr(0, pattern.size() - 1))
            : rule == pattern) {
      return weight;
    }
  }
  return 2;
}

Status RuleSet::ListRuleFiles(const RuleSetOptions& options, std::vector<RuleFileJob>* jobs) {
  if (Status s = LoadEvidenceWeights(options.data_dir + "/rules/evidence.weights"); !s.ok()) {
    return s;
  }
  std::vector<std::string> packs;
  if (options.default_rules) packs.push_back(options.data_dir);
  packs.insert(packs.end(), options.packs.begin(), options.packs.end());
  auto exists = [&](const std::string& path) {
    FileInfo info;
    return !fs_->Stat(path, &info) && info.type == FileType::kRegular;
  };
  // Every pack's schema first, so any pack's rules may name any pack's types.
  for (size_t i = 0; i < packs.size(); ++i) {
    std::string path = packs[i] + "/schema";
    bool required = options.default_rules && i == 0;
    if (!required && !exists(path)) continue;
    if (Status s = schema_.Load(path, fs_); !s.ok()) return s;
    std::string text;
    if (Status s = ReadDataFile(fs_, path, "schema file", &text); !s.ok()) return s;
    fingerprint_ += "schema\n";
    fingerprint_ += text;
  }
  schema_loaded_ = true;
  for (size_t i = 0; i < packs.size(); ++i) {
    bool required = options.default_rules && i == 0;
    bool any = exists(packs[i] + "/schema");
    const std::string dir = packs[i] + "/rules/";
    for (const char* kind : {"entities", "relations", "inference"}) {
      std::string path = dir + kind + ".rules";
      if (!required && !exists(path)) continue;
      any = true;
      RuleFileJob& job = jobs->emplace_back();
      job.path = path;
      job.kind = kind[0];
    }
    if (!any) {
      RuleFileJob& job = jobs->emplace_back();
      job.path = packs[i];
      job.kind = 0;
      job.status = Status::Rules(packs[i] +
                                 ": not a rule pack (it has no schema and no rules/entities.rules, "
                                 "rules/relations.rules or rules/inference.rules)");
      break;
    }
  }
  return Status::Ok();
}

void RuleSet::RunRuleFiles(std::vector<RuleFileJob>* jobs, bool relations) {
  for (RuleFileJob& job : *jobs) {
    if ((job.kind == 'r') != relations) continue;
    if (job.kind == 0) return;  // the list's error, at its place in the order
    job.status = job.kind == 'e'   ? LoadEntityRules(job.path, &job.fingerprint)
                 : job.kind == 'r' ? LoadRelationRules(job.path, &job.fingerprint)
                                   : LoadInferenceRules(job.path, &job.fingerprint);
    if (!job.status.ok()) return;
  }
}

Status RuleSet::FinishRuleFiles(const std::vector<RuleFileJob>& jobs) {
  for (const RuleFileJob& job : jobs) {
    if (!job.status.ok()) return job.status;
  }
  for (const RuleFileJob& job : jobs) fingerprint_ += job.fingerprint;
  return Status::Ok();
}

Status RuleSet::Load(const RuleSetOptions& options, std::unique_ptr<RuleSet>* out) {
  const std::string& data_dir = options.data_dir;
  std::unique_ptr<RuleSet> rs(new RuleSet());
  rs->fs_ = options.fs;
  struct ListFile {
    Lexicon* lexicon;
    const char* path;
    bool fold;
    bool keep_canonical = true;
    const char* only_kind = "";
  };
  const ListFile lists[] = {
      {&rs->countries_, "gazetteers/countries.tsv", true},
      {&rs->regions_, "gazetteers/regions.tsv", true},
      {&rs->cities_, "gazetteers/cities.tsv", true},
      {&rs->ambiguous_cities_, "gazetteers/cities_ambiguous.tsv", true},
      {&rs->towns_, "gazetteers/towns.tsv", true},
      {&rs->given_names_, "gazetteers/given_names.tsv", true},  // canonical: the gender
      {&rs->ambiguous_given_names_, "gazetteers/given_names_ambiguous.tsv", true},
      {&rs->surnames_, "gazetteers/surnames.tsv", true, false},
      {&rs->table_columns_, "lexicon/table_columns.tsv", true},
      {&rs->organizations_, "gazetteers/organizations.tsv", true},
      {&rs->companies_, "gazetteers/companies.tsv", true, true, "strong"},
      {&rs->ambiguous_companies_, "gazetteers/companies.tsv", true, true, "ambiguous"},
      {&rs->products_, "gazetteers/products.tsv", true, false, "strong"},
      {&rs->ambiguous_products_, "gazetteers/products.tsv", true, false, "ambiguous"},
      {&rs->common_words_, "lexicon/common_words.txt", true, false},
      {&rs->talk_kinds_, "lexicon/talk_kinds.tsv", true},
      {&rs->narrator_pronouns_, "lexicon/narrator_pronouns.txt", false},
      {&rs->name_connectors_, "lexicon/name_connectors.txt", false},
      {&rs->roles_, "lexicon/roles.txt", true},
      {&rs->not_names_, "lexicon/not_names.txt", false},
      {&rs->languages_, "lexicon/languages.txt", false, false},
      {&rs->eponym_heads_, "lexicon/eponym_heads.txt", true, false},
      {&rs->honorifics_, "lexicon/honorifics.txt", false, false},
      {&rs->name_synonyms_, "lexicon/name_synonyms.tsv", true},
      {&rs->number_words_, "lexicon/number_words.tsv", true},
      {&rs->talk_giving_verbs_, "lexicon/talk_giving_verbs.txt", true, false},
      {&rs->place_cues_, "lexicon/place_cues.txt", true, false},
      {&rs->employer_cues_, "lexicon/employer_cues.txt", true, false},
      {&rs->people_nouns_, "lexicon/people_nouns.txt", true, false},
      {&rs->chairing_verbs_, "lexicon/chairing_verbs.txt", true, false},
      {&rs->naming_phrases_, "lexicon/naming_phrases.txt", true, false},
      {&rs->surname_heads_, "lexicon/surname_heads.txt", false, false},
      {&rs->field_name_heads_, "lexicon/field_name_heads.txt", false, false},
      {&rs->determiners_, "lexicon/determiners.txt", false, false},
      {&rs->no_title_openers_, "lexicon/no_title_openers.txt", true, false},
      {&rs->inner_connectors_, "lexicon/inner_connectors.txt", false, false},
      {&rs->place_qualifiers_, "lexicon/place_qualifiers.txt", false, false},
      {&rs->person_titles_, "lexicon/person_titles.txt", false, false},
      {&rs->presenting_verbs_, "lexicon/presenting_verbs.txt", true, false},
      {&rs->event_keywords_, "lexicon/event_keywords.txt", true},
      {&rs->function_words_, "lexicon/function_words.txt", true},
      {&rs->continuation_openers_, "lexicon/continuation_openers.txt", true},
      {&rs->demonym_suffixes_, "lexicon/demonym_suffixes.txt", false, false},
      {&rs->name_start_blockers_, "lexicon/name_start_blockers.txt", false, false},
      {&rs->acronym_skip_words_, "lexicon/acronym_skip_words.txt", false, false},
      {&rs->person_pronouns_, "lexicon/person_pronouns.txt", false, false},
      {&rs->opening_possessives_, "lexicon/opening_possessives.txt", false, false},
      {&rs->name_abbreviations_, "lexicon/name_abbreviations.txt", false, false},
      {&rs->name_suffixes_, "lexicon/name_suffixes.txt", false, false},
      {&rs->lower_case_legal_forms_, "lexicon/lower_case_legal_forms.txt", false, false},
      {&rs->member_nouns_, "lexicon/member_nouns.txt", true, false},
      {&rs->programme_breaks_, "lexicon/programme_breaks.txt", true, false},
      {&rs->groups_in_names_, "lexicon/groups_in_names.txt", true, false},
  };
  // The roles come first (the {ROLE} slot needs them); then the word lists load on a second
  // thread while this one compiles the rules: start-up is most of a short run.
  auto load_list = [&](const ListFile& lf) -> Status {
    std::string path = data_dir + "/" + lf.path;
    if (Status s = lf.lexicon->Load(path, lf.fold, lf.keep_canonical, lf.only_kind, options.fs);
        !s.ok()) {
      return s;
    }
    // The first-level subdivisions of regions.tsv, apart: many share a name with people.
    if (lf.lexicon == &rs->regions_) {
      return rs->subdivisions_.Load(path, true, true, "subdivision", options.fs);
    }
    return Status::Ok();
  };
  const ListFile* roles_file = nullptr;
  for (const ListFile& lf : lists) {
    if (lf.lexicon == &rs->roles_) roles_file = &lf;
  }
  if (!load_list(*roles_file).ok()) {
    for (const ListFile& lf : lists) {  // report the first unreadable file in list order
      if (Status s = load_list(lf); !s.ok()) return s;
    }
  }
  // Longest roles first, so "program chair" wins over "chair".
  std::vector<std::string> roles = rs->roles_.Surfaces();
  std::sort(roles.begin(), roles.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  for (const std::string& r : roles) {
    if (!rs->role_alternation_.empty()) rs->role_alternation_ += "|";
    rs->role_alternation_ += re2::RE2::QuoteMeta(r);
  }
  // Start-up is most of a short run, so its work is spread over two threads. This one loads
  // the entity and inference rules and builds their three indexes; the second loads the
  // relation rules and builds their index (the largest). Then both load the word lists, taking
  // the next file in turn. Errors are still reported in one fixed order: the word lists in list
  // order, the rule files in order, the indexes (and an index built from rule files that failed
  // is thrown away with them).
  std::vector<RuleFileJob> jobs;
  Status rules = rs->ListRuleFiles(options, &jobs);
  rs->MakeIndexes();
  std::vector<Status> list_status(std::size(lists));
  std::atomic<size_t> next_list{0};
  auto load_lists = [&] {
    for (size_t k; (k = next_list.fetch_add(1)) < std::size(lists);) {
      if (lists[k].lexicon != &rs->roles_) list_status[k] = load_list(lists[k]);
    }
  };
  auto second = std::async(std::launch::async, [&] {
    rs->RunRuleFiles(&jobs, /*relations=*/true);
    IndexBuild relation = rs->BuildIndex(IndexKind::kRelation);
    load_lists();
    return std::pair(relation, LoadTokenizerLexicon(data_dir, &rs->tokenizer_lexicon_, rs->fs_));
  });
  rs->RunRuleFiles(&jobs, /*relations=*/false);
  IndexBuild context = rs->BuildIndex(IndexKind::kContext);
  IndexBuild line = rs->BuildIndex(IndexKind::kLine);
  IndexBuild chunk = rs->BuildIndex(IndexKind::kChunk);
  load_lists();
  auto [relation, tokenizer_lists] = second.get();
  for (const Status& s : list_status) {
    if (!s.ok()) return s;
  }
  if (!tokenizer_lists.ok()) return tokenizer_lists;
  if (rules.ok()) rules = rs->FinishRuleFiles(jobs);
  if (rules.ok()) rules = IndexStatus(chunk, context, line, relation);
  rs->demonym_suffix_list_ = rs->demonym_suffixes_.Surfaces();
  rs->continuation_opener_list_ = rs->continuation_openers_.Surfaces();
  std::sort(rs->continuation_opener_list_.begin(), rs->continuation_opener_list_.end());
  if (!rules.ok()) return rules;
  std::string all;
  for (const ListFile& lf : lists) {
    // The file's name within data/ and its bytes, not where data/ is.
    all += lf.path;
    all += std::to_string(lf.lexicon->content_hash());
  }
  // The tokenizer's lists change sentences and so the output: they are part of the rules.
  for (const auto* list :
       {&rs->tokenizer_lexicon_->legal_form_endings, &rs->tokenizer_lexicon_->line_wrap_words,
        &rs->tokenizer_lexicon_->abbreviations, &rs->tokenizer_lexicon_->dotted_abbreviations,
        &rs->tokenizer_lexicon_->maybe_final_abbreviations,
        &rs->tokenizer_lexicon_->sentence_openers, &rs->tokenizer_lexicon_->sentence_continuations,
        &rs->tokenizer_lexicon_->lower_case_no_end}) {
    for (const std::string& entry : *list) all += entry + '\n';
    all += '\n';
  }
  rs->fingerprint_ = Fnv1aHex(all + rs->fingerprint_);
  *out = std::move(rs);
  return Status::Ok();
}

}  // namespace kg

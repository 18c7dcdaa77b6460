// Internals shared by the extractor's translation units: rule representations and text helpers.
// Not part of the public interface (extract.h).
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/extract.h"
#include "extractors/schema.h"

namespace kg {

// A rule's RE2 pattern, parsed at load and compiled at its first use. Compiling is most of
// loading the rules (some 190 ms of CPU for 430 rules: Unicode classes and counted gaps make
// programs of thousands of instructions), and a short run proposes only some of the rules
// (RuleIndex), so the rest never compile. Parsing at load still rejects every syntax error,
// with RE2's text, and gives the capture groups; only a program too large for RE2's memory
// budget shows at the first use: then the rule matches nothing and stderr says so once, and
// RuleSet::CompileAll (`kgextract rules check`) reports it as an error.
// Thread-safe after Parse: Compiled() may be called from any thread.
class RulePattern {
 public:
  // Parses `pattern`; false with RE2's error text. `where` ("FILE:LINE: rule NAME") names the
  // rule in the warning of a failed compile.
  bool Parse(std::string pattern, std::string where, std::string* error);
  const std::string& pattern() const { return pattern_; }
  // What the rule indexes hold for the pattern: a looser pattern when one was set (the
  // expansion's `loose`), else the pattern itself.
  const std::string& index_pattern() const { return index_.empty() ? pattern_ : index_; }
  void set_index_pattern(std::string loose) { index_ = std::move(loose); }
  int NumberOfCapturingGroups() const { return groups_; }
  const std::map<std::string, int>& NamedCapturingGroups() const { return named_; }
  // The compiled RE2, built on the first call; when it fails to compile, that call warns on
  // stderr unless `warn` is false. Check ok() only where it matters (CompileAll): an RE2 that
  // failed to compile matches nothing.
  const re2::RE2& Compiled(bool warn = true) const;
  const std::string& where() const { return where_; }

 private:
  std::string pattern_, where_, index_;
  int groups_ = 0;
  std::map<std::string, int> named_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<re2::RE2> re_;
};

// The capture groups of a pattern RE2 parses: how many, and the number of each named one
// ((?P<name>...)), as RE2 numbers them. Exposed for its test.
void ScanCaptureGroups(std::string_view pattern, int* groups, std::map<std::string, int>* named);

// An `example:` or `counter-example:` line under a rule (docs/rules.md): a text the rule must
// (or must not) fire on, and optionally what it must find: "=> Lovelace Prize" (the mention's
// text) for an entity rule, "=> Dana Whitfield -> Lovelace Prize" for a relation rule.
struct RuleExample {
  bool counter = false;
  std::string text, expect;
  int line = 0;
};

// An entity rule of data/rules/entities.rules.
struct RuleSet::EntityRule {
  enum class Mode {
    kChunk,  // pattern runs on a candidate's own text; a match types the candidate
    kEach,   // pattern runs on the slotted sentence; every candidate in group 1 gets the type
    kSpan,   // pattern runs on the slotted sentence; group 1's span becomes a new mention
    kLine,   // pattern runs on a heading or list item's raw text; named groups give the parts
  };
  std::string name;
  EntityType type = EntityType::kPerson;
  std::string subtype;  // "" = none; "*" = from the talk keyword in the match (TALK)
  Mode mode = Mode::kChunk;
  bool force = false;  // retype candidates that another rule already typed
  // span only: keep the candidates inside the span as mentions of their own ("Jay Miller" in
  // "Jay Miller's keynote"); the new mention's slot starts after them.
  bool keep = false;
  // each only: in the first context pass, leaves candidates shaped like a full personal name
  // to the given names ("In the US, Jane Doe and John Roe" are people, not places).
  bool weak = false;
  // span rules: the new mention must hold three words or more ("talked about Machine Learning
  // for Social Science" names a talk, "talked about Kubernetes" a topic).
  bool long_span = false;
  // each/span: the typing is a hint, weighing in the document's vote like a bare given name
  // ("thanks to X" thanks people and organisations alike).
  bool hint = false;
  // line only: the rule also reads a sentence of running text that opens its line, when the
  // title is in title case ("Fast Parsers for Everyone by Jane Doe, a consultant.").
  bool prose = false;
  // chunk only: the name may open with a sentence-initial common word ("Team Blue Kettle
  // (me, Anna and Paul) won"), which otherwise is no part of a name.
  bool initial = false;
  // line only: the named groups (?P<title>...), (?P<speakers>...), (?P<kind>...),
  // (?P<moderators>...); 0 = absent.
  int title_group = 0, speakers_group = 0, kind_group = 0, moderators_group = 0;
  // each/span: the capture group of the target (the named slot or group; 1 when none is named).
  int target_group = 1;
  static constexpr int kMaxTargetGroup = 15;
  // chunk only: word lists the candidate's first or last word must be in (first=city|country),
  // and lists its whole text must not be in (not=city): what a pattern cannot ask. Words are
  // split at spaces and hyphens. Empty: no condition.
  std::vector<const Lexicon*> first_in, last_in, whole_not_in;
  // chunk only: a guard (skip=PLACE|ORG). When it matches, the chunk rules below it of these
  // types do not apply to the candidate; the guard itself types nothing. Bit i: type id i.
  uint32_t skip_types = 0;
  RulePattern re;
  std::string file;
  int line = 0;
  std::vector<RuleExample> examples;
};

// A prefilter over several rules: Candidates() returns the indexes (into the rule vector it was
// built from), in rule order, of the rules whose pattern may occur in a text: every rule that
// occurs, and a few that do not (run the rule to know). See rule_index.cc.
class RuleSet::RuleIndex {
 public:
  RuleIndex();
  ~RuleIndex();
  // Adds a rule's pattern; false with `error` set when RE2 rejects it.
  bool Add(const std::string& pattern, int rule, std::string* error);
  // After the last Add; false when the set does not compile (out of memory).
  bool Compile();
  std::vector<int> Candidates(std::string_view text) const;
  // How often the set's DFA ran out of memory, so that every rule was a candidate.
  long exhausted() const { return exhausted_; }

 private:
  std::unique_ptr<re2::RE2::Set> set_;
  std::vector<int> rule_of_entry_;  // set entry -> rule index
  mutable std::atomic<long> exhausted_{0};
};

// For RuleIndex: a pattern that matches wherever the RE2 pattern does, and more, with a far
// smaller program: counted repetitions opened ("a{0,40}?" -> "a{0,}?") and Unicode properties
// widened to their ASCII members and all non-ASCII characters ("\p{Lu}" -> "[A-Z\x{80}-...]").
std::string IndexPattern(std::string_view pattern);

// An endpoint of a relation rule: a capture group, or a special endpoint (kNarrator, ...).
struct RuleEndpoint {
  int group = 0;        // 1-based RE2 capture group, 0 when special
  int32_t special = 0;  // kNarrator, kMainEvent, kNearestTalk or kListItems when group == 0
  bool people = false;  // the group is a {PERSON} or {WHO} slot: its members are people only
};

// A relation rule of data/rules/relations.rules.
struct RuleSet::RelationRule {
  std::string name, relation;
  RuleEndpoint subject, object;
  std::string role;    // fixed role, or empty
  int role_group = 0;  // capture group holding the role, or 0
  RulePattern re;
  std::string file;
  int line = 0;
  std::vector<RuleExample> examples;
};

// Expands the slot macros of a rule pattern ({PERSON}, {PERSON+}, {PLACE.city}, {?}, {ANY},
// {NARRATOR}) into RE2 syntax over placeholders ⟨TYPE_subtype_index⟩ and ⟨I⟩, and {ROLE} into
// a case-insensitive group of `role_alternation` (the roles word list). Slots are capture
// groups when `capture_slots` (relation rules: every slot is an endpoint); otherwise plain
// groups (entity rules: the rule's own parentheses mark the target).
// Returns false (and sets *error) on an unknown macro, or, with a `schema`, a slot naming a
// type or subtype the schema does not define. With `group_slots`, sets element N-1 to what
// capture group N of the expansion holds: the slot ("PERSON", "PLACE.city", "WHO", "NARRATOR",
// "ROLE", "ANY", "?") or "" for a group the rule wrote itself.
// With `loose`, also sets it to the expansion with each list's members after the first
// replaced by "any text" ((?s:.*?)): it matches wherever the expansion does, and RE2 compiles it
// far faster, for the rule indexes (RuleIndex), which only propose rules.
bool ExpandSlotMacros(std::string_view pattern, std::string_view role_alternation,
                      bool capture_slots, std::string* out, std::string* error,
                      const Schema* schema = nullptr,
                      std::vector<std::string>* group_slots = nullptr,
                      std::string* loose = nullptr);

}  // namespace kg

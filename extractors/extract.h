// Stage 3 of kgextract: rule-based extraction of entity mentions and relation candidates.
//
//   std::unique_ptr<kg::RuleSet> rules;
//   kg::Status s = kg::RuleSet::Load("data", &rules);     // gazetteers, lexicons, RE2 rules
//   kg::Extraction ex = kg::Extract(tokenized_doc, *rules);
//   for (const kg::Mention& m : ex.mentions) std::cout << m.text;  // PERSON "Jay Miller"
//   for (const kg::RelationCandidate& r : ex.relations) std::cout << r.relation;  // speaker_of
//
// How it works (the rule files in data/rules/ document their own syntax):
//  1. Candidates: runs of capitalised tokens in a sentence ("David L. Lawrence Convention
//     Center", "KubeCon + CloudNativeCon Europe 2023"), trimmed of sentence-initial common words.
//  2. Typing: programme lines ("Jane Doe - Building Fast Parsers"), gazetteers (countries,
//     regions, cities, institutions, companies; products are no entities), chunk rules matched
//     against the candidate's own text (suffixes such as "Labs", "Conference"), then context
//     rules matched against the "slotted sentence", in which every candidate is replaced by a
//     placeholder ⟨TYPE_index⟩ and first-person pronouns by ⟨I⟩, so one RE2 pattern such as
//     `\bCEO of {?}` types whatever candidate sits in the slot; given names last. Finally the
//     document votes: one name, one type, decided by all its mentions' evidence.
//  3. Relations: relation rules matched against the slotted sentence with typed slots
//     (`{PERSON+} (?:met|chatted with) ...`), and document-level inference rules
//     (data/rules/inference.rules) applied later, in graph/, once entities are resolved.
// Each step is a named pass with a file of its own (candidates, programme, gazetteers, chunk
// rules, context rules, document-level typing, document memory, relations), run in the order
// the internal header extractors/passes.h lists.
//
// THREAD SAFETY: a RuleSet is logically immutable after Load and safe to share between threads
// (RE2 objects are thread-safe). Extract() is reentrant.
#pragma once

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extractors/schema.h"
#include "pipeline/file_system.h"
#include "pipeline/status.h"
#include "pipeline/text.h"

namespace re2 {
class RE2;
}

namespace kg {

// The entity types the engine itself knows (given names make people, the gazetteers places
// and organisations, programme lines talks) have fixed ids; a schema (schema.h) may register
// more, which rules then produce. Ids are process-wide: one name, one id.
enum class EntityType : uint8_t { kPerson, kOrg, kPlace, kEvent, kTalk };
inline constexpr int kBuiltinEntityTypes = 5;
inline constexpr int kMaxEntityTypes = 32;

// "PERSON", "ORG", "PLACE", "EVENT", "TALK", or a registered name; "?" for an unused id.
const char* EntityTypeName(EntityType type);
// The inverse, over every registered type; false when `name` is not one.
bool ParseEntityType(std::string_view name, EntityType* type);
// The id of `name`, registering it when new (thread-safe); false when kMaxEntityTypes are
// taken. `name` is A-Z only.
bool RegisterEntityType(std::string_view name, EntityType* type);
// How many ids are registered (at least kBuiltinEntityTypes).
int EntityTypeCount();

// One occurrence of an entity in a document.
struct Mention {
  EntityType type = EntityType::kPerson;
  std::string subtype;          // PLACE: country, city, region, venue; TALK: keynote, talk, ...
  uint32_t begin = 0, end = 0;  // byte span in the document, possessive "'s" excluded
  uint32_t cp_begin = 0, cp_end = 0;  // the same span in code points
  uint32_t sentence = 0;
  std::string text;       // the surface text of the span
  std::string canonical;  // the gazetteer's canonical name ("The Netherlands" -> "Netherlands")
  std::string rule;       // the rule (or gazetteer) that decided the type
};

// Special relation endpoints, resolved in graph/ once entities are known.
inline constexpr int32_t kNarrator = -1;     // the first-person author
inline constexpr int32_t kMainEvent = -2;    // the event the report is about
inline constexpr int32_t kNearestTalk = -3;  // the closest TALK at or before the sentence
inline constexpr int32_t kNarratorOrg = -5;  // the organisation the narrator belongs to
// A relation rule's endpoint only: the name opening each list item under the heading the rule
// matched ("People I met" over "- Anna Keller, ..."); the extractor resolves it to mentions.
inline constexpr int32_t kListItems = -4;

struct RelationCandidate {
  std::string relation;  // speaker_of, met, ...
  int32_t subject = 0;   // index into Extraction::mentions, or one of the special endpoints
  int32_t object = 0;
  std::string role;  // affiliated_with only: CEO, founder, member, ...
  uint32_t sentence = 0;
  std::string rule;
};

struct Extraction {
  std::vector<Mention> mentions;  // sorted by begin
  std::vector<RelationCandidate> relations;
  bool has_narrator = false;  // a first-person pronoun occurs
  // With ExtractOptions::explain: per sentence, the slotted text the relation rules saw and
  // the rules that matched ("sentence 12: ⟨PERSON_3⟩ met ⟨PERSON_4⟩ | narrator_met").
  std::vector<std::string> explanations;
};

struct ExtractOptions {
  bool explain = false;
};

// A list of words or names, loaded from a data file: one entry per line, '#' comments, the
// first TAB-separated field is the surface form, the second (optional) the canonical form.
class Lexicon {
 public:
  // `keep_canonical` false keeps membership only (Canonical() then returns an empty view):
  // the large name and word lists need no canonical form, and skipping it halves start-up.
  // `only_kind`, when given, keeps just the lines whose third (or last) field equals it.
  // The file is read through `fs`.
  Status Load(const std::string& path, bool fold_case, bool keep_canonical = true,
              std::string_view only_kind = {}, FileSystem* fs = FileSystem::Default());
  bool Contains(std::string_view s) const;
  // The canonical form of `s`, or an empty view when `s` is not an entry.
  std::string_view Canonical(std::string_view s) const;
  size_t size() const { return entries_.size(); }
  // FNV-1a of the loaded file's bytes (part of RuleSet::fingerprint()).
  uint64_t content_hash() const { return content_hash_; }
  void Add(std::string surface, std::string canonical);
  // Every surface form as stored (case-folded when loaded with fold_case), in insertion order.
  std::vector<std::string> Surfaces() const;

 private:
  // An entry's surface (the key) and canonical form, one after the other in chars_: one
  // buffer for all entries, not two strings each (start-up allocated ~200k of them).
  struct Entry {
    size_t begin = 0;
    uint32_t surface_size = 0, canonical_size = 0;
  };
  // An open-addressing table (linear probing, at most half full) of entry indexes with 32 bits
  // of each key's hash: most lookups are of words that are no entry, and those end on an empty
  // slot or a hash mismatch without touching a string.
  struct Slot {
    uint32_t tag = 0;
    uint32_t index = 0;  // 1 + the entry's index; 0 an empty slot
  };
  std::string_view SurfaceOf(const Entry& e) const {
    return std::string_view(chars_.data() + e.begin, e.surface_size);
  }
  std::string_view CanonicalOf(const Entry& e) const {
    return std::string_view(chars_.data() + e.begin + e.surface_size, e.canonical_size);
  }
  const Entry* Find(std::string_view s) const;
  const Entry* FindEntry(std::string_view key, uint64_t hash) const;
  void Grow(size_t entries);
  // Adds `surface` (folded when fold_case_) with `canonical` unless its key is an entry
  // already; the table must have room for one more (Grow).
  void Insert(std::string_view surface, std::string_view canonical);

  bool fold_case_ = false;
  bool keep_canonical_ = true;
  uint64_t content_hash_ = 0;
  std::string chars_;  // the entries' surfaces and canonical forms (Entry)
  std::vector<Entry> entries_;
  std::vector<Slot> slots_;
};

// Where a RuleSet comes from. A rule pack is a folder with any of `schema` (types and
// relations it adds), `rules/entities.rules`, `rules/relations.rules`, `rules/inference.rules`
// (docs/rules.md). The data directory is itself the built-in pack, and holds the word lists
// and gazetteers the engine uses whatever the packs.
struct RuleSetOptions {
  std::string data_dir;
  bool default_rules = true;       // false: data_dir's schema and rules/ are left out
  std::vector<std::string> packs;  // loaded after the built-in pack, in this order
  // Where every rule, schema, gazetteer and word list file is read (pipeline/file_system.h).
  FileSystem* fs = FileSystem::Default();
};

// Every rule, gazetteer and word list kgextract uses, loaded from a data directory.
class RuleSet {
 public:
  // Loads `data_dir`/{gazetteers,lexicon,rules}/... and `data_dir`/schema. A missing file, a
  // pattern that RE2 rejects, or a rule the schema does not allow is a kRules error naming the
  // file, the line (and column) and the problem.
  static Status Load(const std::string& data_dir, std::unique_ptr<RuleSet>* out);
  // The same, with rule packs (--rules DIR, --no-default-rules).
  static Status Load(const RuleSetOptions& options, std::unique_ptr<RuleSet>* out);
  // Loads one rule file alone, `kind` "entities", "relations" or "inference", and builds the
  // rule indexes (no word lists: the {ROLE} slot is empty): the loaders' check for the tests
  // and the fuzzer (tests/fuzz/fuzz_rules.cc).
  static Status CheckRuleFile(std::string_view kind, const std::string& path);
  ~RuleSet();

  // Runs every rule's `example:` and `counter-example:` lines (docs/rules.md) through the
  // whole extraction; `failures` gets one entry per example that does not hold, and `examples`
  // the number run. A non-OK Status only when ICU fails.
  struct RuleCheckFailure {
    std::string file;
    int line = 0;  // the example's line
    std::string rule, problem;
  };
  Status CheckExamples(std::vector<RuleCheckFailure>* failures, size_t* examples) const;
  // Compiles every rule's pattern now; a run compiles each at its first use. A kRules error
  // names the first pattern too large for RE2 to compile (FILE:LINE), which Load cannot see.
  Status CompileAll() const;
  // Every rule of the loaded packs, for `rules stats`: name, kind (entity, relation,
  // inference), file and line.
  struct RuleInfo {
    std::string name, kind, file;
    int line = 0;
  };
  std::vector<RuleInfo> Rules() const;

  // A hash of every loaded file's bytes: recorded in the graph so a result names its rules.
  const std::string& fingerprint() const { return fingerprint_; }
  // The entity and relation types of every loaded pack.
  const Schema& schema() const { return schema_; }

  struct EntityRule;
  struct RelationRule;
  struct InferenceRule {
    std::string name, relation;
    std::string subject, object;  // selectors: TYPE, @narrator, @main_event, @main_city, ...
    bool unless_stated = false;   // not for a subject the text gives this relation already
    int line = 0;
    std::string file;
  };
  const std::vector<InferenceRule>& inference_rules() const { return inference_rules_; }
  // data/lexicon/name_synonyms.tsv: name words that mean the same ("EU" -> "europe").
  const Lexicon& name_synonyms() const { return name_synonyms_; }
  // data/lexicon/acronym_skip_words.txt: the words of a name an acronym has no letter for
  // ("of", "and": "PSF" is Python Software Foundation), in lower case.
  const Lexicon& acronym_skip_words() const { return acronym_skip_words_; }
  // The tokenizer's word lists (data/lexicon/, pipeline/text.h), loaded from the data
  // directory whatever the packs: every Tokenizer that feeds these rules is made with it.
  const std::shared_ptr<const TokenizerLexicon>& tokenizer_lexicon() const {
    return tokenizer_lexicon_;
  }
  // A city of the gazetteers (cities.tsv or cities_ambiguous.tsv).
  bool IsCity(std::string_view name) const {
    return cities_.Contains(name) || ambiguous_cities_.Contains(name);
  }

 private:
  // The extractor (extractors/passes.h): its per-document context and its passes.
  friend class DocumentContext;
  friend class Extractor;
  RuleSet();
  // Each loader gives the file's bytes for the fingerprint in *fingerprint, which the caller
  // appends in load order (Load runs the relation files on a second thread).
  Status LoadEntityRules(const std::string& path, std::string* fingerprint);
  Status LoadRelationRules(const std::string& path, std::string* fingerprint);
  Status LoadInferenceRules(const std::string& path, std::string* fingerprint);
  // A rule file of a pack, in load order, with what loading it gave; `kind` 0 stands for the
  // "not a rule pack" error (`status`) that ends the list.
  struct RuleFileJob {
    std::string path;
    char kind = 'e';  // 'e' entities, 'r' relations, 'i' inference, 0: no file
    Status status = Status::Ok();
    std::string fingerprint;
  };
  // The evidence weights and every pack's schema (loaded here), then the packs' rule files
  // (listed in `jobs`, loaded by RunRuleFiles).
  Status ListRuleFiles(const RuleSetOptions& options, std::vector<RuleFileJob>* jobs);
  // Loads the relation files of `jobs` (`relations`) or the others, in order, up to the first
  // that fails; each thread touches only its own jobs and rule vectors.
  void RunRuleFiles(std::vector<RuleFileJob>* jobs, bool relations);
  // The first failing job in load order (what loading one by one reports), else appends the
  // files' fingerprints in that order.
  Status FinishRuleFiles(const std::vector<RuleFileJob>& jobs);
  Status LoadEvidenceWeights(const std::string& path);
  // The chunk rules whose pattern matches `text` and whose word-list conditions hold, in file
  // order; guards (skip=) only `with_guards`: they type nothing, so a question such as "does a
  // rule read this as a venue" leaves them out.
  std::vector<int> MatchChunkRules(std::string_view text, bool with_guards = false) const;
  // The word list a chunk rule's condition names ("city", "given_name"), or null.
  const Lexicon* ConditionList(std::string_view name) const;
  // The weight of a typing's evidence in a document's vote (data/rules/evidence.weights, an
  // entity rule's weight=N or hint flag).
  int EvidenceWeight(std::string_view rule) const;
  std::vector<std::pair<std::string, int>> evidence_weights_;  // in file order
  std::unordered_map<std::string, int> rule_weights_;          // entity rules' weight=N
  // For error messages: the schema's types, its relations, a relation's subject or object types.
  std::string TypeList() const;
  std::string RelationList() const;
  static std::string Signature(const Schema::Relation& relation, bool subject);

  Schema schema_;
  bool schema_loaded_ = false;  // false in CheckRuleFile: no schema checks
  // RuleSetOptions::fs: where the loaders above read their files.
  FileSystem* fs_ = FileSystem::Default();

  Lexicon countries_, regions_, subdivisions_, cities_, ambiguous_cities_, towns_, given_names_,
      ambiguous_given_names_, organizations_, companies_, ambiguous_companies_, products_,
      ambiguous_products_, common_words_, talk_kinds_, narrator_pronouns_, name_connectors_, roles_,
      not_names_, languages_, eponym_heads_, honorifics_, name_synonyms_, number_words_,
      talk_giving_verbs_, place_cues_, event_keywords_, function_words_, continuation_openers_,
      surname_heads_, field_name_heads_, place_qualifiers_, person_titles_, presenting_verbs_,
      determiners_, no_title_openers_, inner_connectors_, demonym_suffixes_, name_start_blockers_,
      acronym_skip_words_, person_pronouns_, opening_possessives_, name_abbreviations_,
      name_suffixes_, employer_cues_, people_nouns_, chairing_verbs_, naming_phrases_, surnames_,
      table_columns_, lower_case_legal_forms_, member_nouns_, groups_in_names_, programme_breaks_;
  std::shared_ptr<const TokenizerLexicon> tokenizer_lexicon_;
  std::vector<std::string> demonym_suffix_list_;  // demonym_suffixes_, in file order
  std::string role_alternation_;                  // roles_ as an RE2 alternation, longest first
  // The @define word alternations of the entity and of the relation rule files (rules.cc).
  std::vector<std::string> entity_word_alternations_, relation_word_alternations_;
  std::set<std::string> hint_rules_;  // entity rules flagged 'hint' (weak evidence in the vote)
  std::vector<std::string> continuation_opener_list_;  // continuation_openers_, folded
  std::vector<std::unique_ptr<EntityRule>> entity_rules_;
  std::vector<std::unique_ptr<RelationRule>> relation_rules_;
  // One DFA pass over a sentence tells which rules may match it, so only those run with submatch
  // extraction. Opaque here (internal.h, rule_index.cc).
  class RuleIndex;
  std::unique_ptr<RuleIndex> chunk_index_, context_index_, line_index_, relation_index_;
  // One index built: the rule whose pattern the set rejects (SIZE_MAX: none) and its error,
  // and whether the set compiled.
  enum class IndexKind { kChunk, kContext, kLine, kRelation };
  struct IndexBuild {
    size_t failed_rule = SIZE_MAX;
    Status error = Status::Ok();
    bool compiled = false;
  };
  IndexBuild BuildIndex(IndexKind kind);
  std::string IndexablePattern(const std::string& pattern,
                               const std::vector<std::string>& alternations) const;
  // The four indexes' outcome as one build of them all reports it: the first rejected entity
  // pattern, then relation pattern, then a set that does not compile.
  static Status IndexStatus(const IndexBuild& chunk, const IndexBuild& context,
                            const IndexBuild& line, const IndexBuild& relation);
  void MakeIndexes();
  Status BuildIndexes();
  std::vector<InferenceRule> inference_rules_;
  std::string fingerprint_;
};

// Unicode case folding (ASCII fast path); typographic apostrophes become "'".
std::string FoldCase(std::string_view s);

// Runs the entity and relation rules over one tokenized document.
Extraction Extract(const TokenizedDocument& doc, const RuleSet& rules,
                   const ExtractOptions& options = {});

}  // namespace kg

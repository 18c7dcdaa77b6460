// Stage 3's entry points (extract.h): the entity type registry, and Extract, which runs the
// extractor's passes (extractors/passes.h) in order: Extractor::Run and TypeSentence below.

#include <algorithm>
#include <array>
#include <atomic>
#include <climits>
#include <cstdint>
#include <cstring>
#include <map>
#include <mutex>
#include <set>

#include "extractors/passes.h"

namespace kg {

namespace {

// The type table: names never change once set, so readers need no lock; registration is
// rare (schema loading) and takes one.
std::array<std::atomic<const char*>, kMaxEntityTypes> g_type_names = {"PERSON", "ORG", "PLACE",
                                                                      "EVENT", "TALK"};
std::atomic<int> g_type_count{kBuiltinEntityTypes};
std::mutex g_type_mutex;

}  // namespace

const char* EntityTypeName(EntityType type) {
  auto i = static_cast<int>(type);
  if (i >= g_type_count.load(std::memory_order_acquire)) return "?";
  return g_type_names[static_cast<size_t>(i)].load(std::memory_order_relaxed);
}

int EntityTypeCount() { return g_type_count.load(std::memory_order_acquire); }

bool ParseEntityType(std::string_view name, EntityType* type) {
  int n = EntityTypeCount();
  for (int i = 0; i < n; ++i) {
    if (name == g_type_names[static_cast<size_t>(i)].load(std::memory_order_relaxed)) {
      *type = static_cast<EntityType>(i);
      return true;
    }
  }
  return false;
}

bool RegisterEntityType(std::string_view name, EntityType* type) {
  std::lock_guard<std::mutex> lock(g_type_mutex);
  if (ParseEntityType(name, type)) return true;
  int n = g_type_count.load(std::memory_order_relaxed);
  if (n >= kMaxEntityTypes) return false;
  // Kept for the life of the process, like the built-in names (at most kMaxEntityTypes).
  char* copy = new char[name.size() + 1];
  std::memcpy(copy, name.data(), name.size());
  copy[name.size()] = '\0';
  g_type_names[static_cast<size_t>(n)].store(copy, std::memory_order_relaxed);
  g_type_count.store(n + 1, std::memory_order_release);
  *type = static_cast<EntityType>(n);
  return true;
}

// The passes, their inputs and outputs: extractors/passes.h.
Extraction Extractor::Run() {
  MarkNarratorPronouns();
  FindProgrammeLists();
  FindTables();
  // Two sweeps: type every sentence, then emit mentions and relations, so a name typed
  // anywhere in the document is typed everywhere.
  std::vector<std::vector<Chunk>> chunks(doc_.sentences.size());
  for (uint32_t s = 0; s < doc_.sentences.size(); ++s) chunks[s] = TypeSentence(s);
  VoteTypes(chunks);
  PromoteWorkshopToEvent(chunks);
  RememberSurnames(chunks);
  RememberAcronyms(chunks);
  for (uint32_t s = 0; s < doc_.sentences.size(); ++s) EmitSentence(s, chunks[s]);
  out_.has_narrator = narrator_count_ >= 1;
  return std::move(out_);
}

std::vector<Extractor::Chunk> Extractor::TypeSentence(uint32_t si) {
  const Sentence& s = doc_.sentences[si];
  std::vector<Chunk> chunks = FindChunks(s);
  TypeProgrammeItem(si, s, chunks);
  SplitAtConnectors(chunks, /*before_typing=*/true);
  JoinNamesBeforeTheirAcronym(s, chunks);
  JoinProgrammeItemNames(s, chunks);
  SplitPersonPairs(s, chunks);
  for (Chunk& c : chunks) {  // a candidate's own text: the word lists, then the chunk rules
    if (c.type != kUntyped) continue;
    TypeByGazetteer(c);
    if (c.type == kUntyped) TypeByChunkRules(c);
  }
  HeadingBeforeASpeaker(si, s, chunks);
  SplitPossessives(chunks, s);
  SplitAtConnectors(chunks, /*before_typing=*/false);
  // Each sentence types its names from its own evidence; VoteTypes then decides per name.
  // Context first (so "dinner at Nicky's Thai" is a venue and "founder of Women in Tech"
  // an organisation before they look like names), then given names, then context again
  // (list neighbours of the named people, "Emily Fox from Apple").
  std::string last_seen;
  ApplyContextRules(s, chunks, 1, &last_seen, /*first_pass=*/true);
  ApplyAmbiguousCities(s, chunks);
  ApplyGivenNames(s, chunks, /*defer_companies=*/true);
  ApplyPlaceAppositions(s, chunks);
  ApplyAmbiguousCompanies(s, chunks);
  ApplyContextRules(s, chunks, 2, &last_seen, /*first_pass=*/false);
  ApplyGivenNames(s, chunks);
  DropPossessiveTalkBeforeItsTitle(chunks);
  DropAmbiguousProducts(chunks);
  RememberSentenceTypes(chunks);
  for (const Chunk& c : chunks) {
    if (!c.dropped && c.type == static_cast<int>(EntityType::kTalk)) {
      sentence_talk_[si] = {c.begin, c.subtype};
      break;
    }
  }
  return chunks;
}

Extraction Extract(const TokenizedDocument& doc, const RuleSet& rules,
                   const ExtractOptions& options) {
  return Extractor(doc, rules, options).Run();
}

}  // namespace kg

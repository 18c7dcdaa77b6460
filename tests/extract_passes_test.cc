// Tests of the extractor's passes (extractors/passes.h), each run alone on sentences written
// for these tests, with the tiny fixture data set of tests/fixtures/data: a test shows which
// pass, and which fixture entry or rule, types a name. The real rules are tested on data/ by
// extract_test.cc.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "extractors/passes.h"
#include "pipeline/text.h"
#include "tests/test_rules.h"

#ifndef KGEXTRACT_TEST_FIXTURE_DIR
#error "KGEXTRACT_TEST_FIXTURE_DIR must name tests/fixtures/data (see tests/stage_tests.cmake)"
#endif

namespace kg {
namespace {

using Chunk = Extractor::Chunk;
using Strings = std::vector<std::string>;

// The fixture rule set, loaded once per binary.
const RuleSet& FixtureRules() {
  static const RuleSet* rules = kg::testing::LoadRulesOrFail(KGEXTRACT_TEST_FIXTURE_DIR);
  if (rules == nullptr) std::abort();
  return *rules;
}

class PassTest : public ::testing::Test {
 protected:
  // Tokenizes `text` and starts an extraction of it, with the token classes every pass reads.
  Extractor& Start(std::string text) {
    doc_.id = "report.txt";
    doc_.text = std::move(text);
    td_ = tokenizer_.Tokenize(doc_);
    ex_ = std::make_unique<Extractor>(td_, FixtureRules(), options_);
    ex_->MarkNarratorPronouns();
    return *ex_;
  }
  const Sentence& S(size_t i) const { return td_.sentences.at(i); }

  // "ORG 'Acme Labs' org_labs", "? 'Lisbon' " for an untyped candidate, "- ..." dropped.
  std::string Describe(const Chunk& c) const {
    std::string type =
        c.type == Extractor::kUntyped ? "?" : EntityTypeName(static_cast<EntityType>(c.type));
    if (!c.subtype.empty()) type += "." + c.subtype;
    if (c.dropped) type = "-";
    return type + " '" + doc_.text.substr(c.begin, c.end - c.begin) + "' " + c.rule;
  }
  Strings Describe(const std::vector<Chunk>& chunks) const {
    Strings out;
    for (const Chunk& c : chunks) out.push_back(Describe(c));
    return out;
  }
  // The candidate whose text is `text`.
  Chunk& Find(std::vector<Chunk>& chunks, std::string_view text) {
    for (Chunk& c : chunks) {
      if (doc_.text.substr(c.begin, c.end - c.begin) == text) return c;
    }
    ADD_FAILURE() << "no candidate '" << text << "'";
    static Chunk none;
    return none;
  }
  // The one candidate of `text`, typed by the chunk rules alone, described.
  std::string OnlyChunkTypedByChunkRules(std::string text) {
    Extractor& ex = Start(std::move(text));
    std::vector<Chunk> chunks = ex.FindChunks(S(0));
    if (chunks.size() != 1) return "expected one candidate, found " + std::to_string(chunks.size());
    ex.TypeByChunkRules(chunks[0]);
    return Describe(chunks[0]);
  }
  static void SetType(Chunk& c, EntityType type, std::string rule) {
    c.type = static_cast<int>(type);
    c.rule = std::move(rule);
  }

  Tokenizer tokenizer_{FixtureRules().tokenizer_lexicon()};
  Document doc_;
  TokenizedDocument td_;
  ExtractOptions options_;
  std::unique_ptr<Extractor> ex_;
};

// --- Per-document context ------------------------------------------------------------------

TEST_F(PassTest, NarratorPronounsAreThoseOutsideQuotations) {
  Extractor& ex = Start("I met Ana. She said: \xE2\x80\x9CI loved it.\xE2\x80\x9D");
  // Tokens: "I" (0) ... "I" inside the quotation.
  uint32_t quoted_i = 0;
  for (uint32_t t = 1; t < td_.tokens.size(); ++t) {
    if (td_.TextOf(td_.tokens[t]) == "I") quoted_i = t;
  }
  ASSERT_GT(quoted_i, 0u);
  EXPECT_TRUE(ex.IsNarratorPronoun(0, S(0)));
  EXPECT_FALSE(ex.IsNarratorPronoun(quoted_i, S(1)));
}

// --- Candidates ----------------------------------------------------------------------------

TEST_F(PassTest, CandidatesAreCapitalisedRunsWithoutSentenceInitialWords) {
  Extractor& ex = Start("Yesterday Mira Castell met the team from Acme Labs in Lisbon.");
  std::vector<Chunk> chunks = ex.FindChunks(S(0));
  EXPECT_EQ(Describe(chunks), (Strings{"? 'Mira Castell' ", "? 'Acme Labs' ", "? 'Lisbon' "}));
  ASSERT_EQ(chunks.size(), 3u);
  EXPECT_EQ(chunks[0].begin, 10u);
  EXPECT_EQ(chunks[0].end, 22u);
  EXPECT_EQ(chunks[0].end_token - chunks[0].first_token, 2u);
}

TEST_F(PassTest, CandidateAfterAnHonorificIsAPerson) {
  Extractor& ex = Start("We thanked Dr. Ines Varga warmly.");
  EXPECT_EQ(Describe(ex.FindChunks(S(0))), (Strings{"PERSON 'Ines Varga' honorific"}));
}

TEST_F(PassTest, SplitAtConnectorsCutsAPersonFromTheirOrganisation) {
  Extractor& ex = Start("Tomas Lindqvist of Brightwater Analytics spoke.");
  std::vector<Chunk> chunks = ex.FindChunks(S(0));
  ASSERT_EQ(Describe(chunks), (Strings{"? 'Tomas Lindqvist of Brightwater Analytics' "}));
  ex.SplitAtConnectors(chunks, /*before_typing=*/true);
  EXPECT_EQ(Describe(chunks),
            (Strings{"? 'Tomas Lindqvist' ", "ORG 'Brightwater Analytics' gazetteer:companies"}));
}

// --- Programme -----------------------------------------------------------------------------

TEST_F(PassTest, ProgrammeLineTypesItsSpeakerAndTitleAndRelatesThem) {
  Extractor& ex = Start("- Mira Castell - Parsing Logs at Scale\n");
  ex.FindProgrammeLists();
  std::vector<Chunk> chunks = ex.FindChunks(S(0));
  EXPECT_TRUE(ex.TypeProgrammeItem(0, S(0), chunks));
  EXPECT_EQ(Describe(chunks),
            (Strings{"PERSON 'Mira Castell' programme_speaker_title",
                     "TALK.talk 'Parsing Logs at Scale' programme_speaker_title"}));
  ex.EmitSentence(0, chunks);
  const Extraction& out = ex.extraction();
  ASSERT_EQ(out.relations.size(), 1u);
  EXPECT_EQ(out.relations[0].relation, "speaker_of");
  EXPECT_EQ(out.relations[0].subject, 0);
  EXPECT_EQ(out.relations[0].object, 1);
  EXPECT_EQ(out.relations[0].rule, "programme_speaker_title");
}

TEST_F(PassTest, ProgrammeLeavesRunningTextToTheOtherPasses) {
  Extractor& ex = Start("We heard that Mira Castell - the organiser - was late.");
  ex.FindProgrammeLists();
  std::vector<Chunk> chunks = ex.FindChunks(S(0));
  EXPECT_FALSE(ex.TypeProgrammeItem(0, S(0), chunks));
  EXPECT_EQ(Describe(chunks), (Strings{"? 'Mira Castell' "}));
}

// --- Gazetteers ----------------------------------------------------------------------------

TEST_F(PassTest, GazetteerTypesAFixtureCity) {
  Extractor& ex = Start("We landed in Lisbon.");
  std::vector<Chunk> chunks = ex.FindChunks(S(0));
  ASSERT_EQ(chunks.size(), 1u);
  ex.TypeByGazetteer(chunks[0]);
  EXPECT_EQ(Describe(chunks[0]), "PLACE.city 'Lisbon' gazetteer:cities");
  EXPECT_EQ(chunks[0].canonical, "Lisbon");
}

TEST_F(PassTest, GazetteerTypesAFixtureOrganisation) {
  Extractor& ex = Start("She studied at Northfield Institute for years.");
  std::vector<Chunk> chunks = ex.FindChunks(S(0));
  ASSERT_EQ(chunks.size(), 1u);
  ex.TypeByGazetteer(chunks[0]);
  EXPECT_EQ(Describe(chunks[0]), "ORG 'Northfield Institute' gazetteer:organizations");
}

TEST_F(PassTest, GazetteerDropsAProduct) {
  Extractor& ex = Start("We moved everything to Gleamdb last week.");
  std::vector<Chunk> chunks = ex.FindChunks(S(0));
  ASSERT_EQ(chunks.size(), 1u);
  ex.TypeByGazetteer(chunks[0]);
  EXPECT_EQ(Describe(chunks[0]), "- 'Gleamdb' gazetteer:products");
}

TEST_F(PassTest, GivenNamesTypeAFullNameAsAPerson) {
  Extractor& ex = Start("Later that day Keiko Marsh joined us.");
  std::vector<Chunk> chunks = ex.FindChunks(S(0));
  ASSERT_EQ(Describe(chunks), (Strings{"? 'Keiko Marsh' "}));
  ex.ApplyGivenNames(S(0), chunks);
  EXPECT_EQ(Describe(chunks), (Strings{"PERSON 'Keiko Marsh' default:given_name"}));
}

// --- Chunk rules ---------------------------------------------------------------------------

TEST_F(PassTest, ChunkRuleTypesAcmeLabsAsAnOrganisation) {
  EXPECT_EQ(OnlyChunkTypedByChunkRules("The demo came from Acme Labs this morning."),
            "ORG 'Acme Labs' org_labs");
}

TEST_F(PassTest, ChunkRuleTypesATalkWithItsKind) {
  EXPECT_EQ(OnlyChunkTypedByChunkRules("We skipped the Closing Keynote entirely."),
            "TALK.keynote 'Closing Keynote' talk_keyword");
}

TEST_F(PassTest, ChunkRuleWithACountTypesANameWithinIt) {
  EXPECT_EQ(OnlyChunkTypedByChunkRules("We joined the Oak Guild for lunch."),
            "ORG 'Oak Guild' guild_short");
}

// The rule index opens x{1,3} to x{1,} and so proposes the rule for "Riverbank Guild"; the
// rule's own pattern then refuses it.
TEST_F(PassTest, ChunkRuleWithACountLeavesANameBeyondItUntyped) {
  EXPECT_EQ(OnlyChunkTypedByChunkRules("We joined the Riverbank Guild for lunch."),
            "? 'Riverbank Guild' ");
}

TEST_F(PassTest, ChunkRulesLeaveANameNoRuleKnowsUntyped) {
  EXPECT_EQ(OnlyChunkTypedByChunkRules("We met Varnholm there."), "? 'Varnholm' ");
}

// --- Rule index ----------------------------------------------------------------------------

TEST(IndexPatternTest, OpensEveryCountedRepetition) {
  EXPECT_EQ(IndexPattern("a{0,40}?b{2,3}c"), "a{0,}?b{2,}c");
  EXPECT_EQ(IndexPattern("(?:x|y){1,160}?$"), "(?:x|y){1,}?$");
}

TEST(IndexPatternTest, LeavesExactCountsClassesAndOtherEscapesAlone) {
  EXPECT_EQ(IndexPattern("x{3}y{2,}"), "x{3}y{2,}");
  EXPECT_EQ(IndexPattern("[{0,3}]"), "[{0,3}]");
  EXPECT_EQ(IndexPattern("[]{0,3}]z{0,3}"), "[]{0,3}]z{0,}");
  EXPECT_EQ(IndexPattern("[^]{1,2}]"), "[^]{1,2}]");
  EXPECT_EQ(IndexPattern("[[:alpha:]{1,2}]"), "[[:alpha:]{1,2}]");
  EXPECT_EQ(IndexPattern("\\{1,2\\}"), "\\{1,2\\}");
  EXPECT_EQ(IndexPattern("\\x{2019}{1,4}\\d"), "\\x{2019}{1,}\\d");
}

TEST(IndexPatternTest, WidensUnicodePropertiesToTheirAsciiMembersAndAllNonAscii) {
  EXPECT_EQ(IndexPattern("\\p{Lu}{1,4}"), "[\\x{41}-\\x{5A}\\x{80}-\\x{10FFFF}]{1,}");
  EXPECT_EQ(IndexPattern("\\pN"), "[\\x{30}-\\x{39}\\x{80}-\\x{10FFFF}]");
  EXPECT_EQ(IndexPattern("[\\p{Ll}'-]"), "[\\x{61}-\\x{7A}\\x{80}-\\x{10FFFF}'-]");
  EXPECT_EQ(IndexPattern("\\p{Greek}"), "[\\x{80}-\\x{10FFFF}]");
  // \P{L}: every ASCII character but the letters, and all non-ASCII.
  EXPECT_EQ(IndexPattern("\\P{L}"),
            "[\\x{0}-\\x{40}\\x{5B}-\\x{60}\\x{7B}-\\x{7F}\\x{80}-\\x{10FFFF}]");
}

// In a negated class a member taken away widens the class: a property keeps its ASCII members
// only, a non-ASCII character goes (but not the end of a range), and a class left empty is any
// character.
TEST(IndexPatternTest, NarrowsTheMembersOfANegatedClass) {
  EXPECT_EQ(IndexPattern("[^\\p{Lu}.]"), "[^\\x{41}-\\x{5A}.]");
  EXPECT_EQ(IndexPattern("[^⟨.!?]"), "[^.!?]");
  EXPECT_EQ(IndexPattern("[^‘-’x]"), "[^‘-’x]");
  EXPECT_EQ(IndexPattern("a[^’]b"), "a(?s:.)b");
  EXPECT_EQ(IndexPattern("[^\\p{Greek}]"), "(?s:.)");
}

// Whatever text the pattern matches, its index pattern matches too.
TEST(IndexPatternTest, MatchesWhereverThePatternMatches) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"^\\p{Lu}\\p{Ll}+ (?:Guild|Ring)$", "Émile Guild"},
      {"[^\\p{L}\\s]{2,3}x", "12x"},
      {"(?i:\\p{Lu}{2})", "ÅB"},
      {"a[^’⟨]{0,2}b", "a–b"},
      {"\\P{Lu}+$", "straße"},
  };
  for (const auto& [pattern, text] : cases) {
    re2::RE2 exact(pattern), loose(IndexPattern(pattern));
    ASSERT_TRUE(exact.ok() && loose.ok()) << pattern << " -> " << IndexPattern(pattern);
    EXPECT_TRUE(re2::RE2::PartialMatch(text, exact)) << pattern;
    EXPECT_TRUE(re2::RE2::PartialMatch(text, loose)) << IndexPattern(pattern);
  }
}

// A list slot's later members are "any text" in the loose expansion the indexes hold: it matches
// wherever the expansion does (a list of three and what follows it), and is far shorter.
TEST(IndexPatternTest, LooseExpansionOfAListMatchesWhereverTheListDoes) {
  const std::string a = "\xE2\x9F\xA8PERSON_1\xE2\x9F\xA9", b = "\xE2\x9F\xA8PERSON_2\xE2\x9F\xA9",
                    c = "\xE2\x9F\xA8PERSON_3\xE2\x9F\xA9", o = "\xE2\x9F\xA8ORG_4\xE2\x9F\xA9";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"thanks to {PERSON+} for",
       "thanks to " + a + " (" + o + "), " + b + " and " + c + " for it"},
      {"{ORG+} sponsored", o + " and the " + o + " sponsored it"},
      {"{PERSON*} met", a + ", " + b + " and " + c + " met"},
  };
  for (const auto& [pattern, text] : cases) {
    std::string expanded, loose, error;
    ASSERT_TRUE(ExpandSlotMacros(pattern, "CEO", /*capture_slots=*/true, &expanded, &error, nullptr,
                                 nullptr, &loose))
        << error;
    EXPECT_LT(loose.size() * 2, expanded.size()) << pattern;
    re2::RE2 exact(expanded), index(IndexPattern(loose));
    ASSERT_TRUE(exact.ok() && index.ok()) << loose;
    EXPECT_TRUE(re2::RE2::PartialMatch(text, exact)) << pattern;
    EXPECT_TRUE(re2::RE2::PartialMatch(text, index)) << loose;
  }
  std::string expanded, loose, error;
  ASSERT_TRUE(
      ExpandSlotMacros("{PERSON} met", "CEO", true, &expanded, &error, nullptr, nullptr, &loose));
  EXPECT_EQ(loose, expanded);  // no list: nothing to loosen
}

// --- Rule patterns -------------------------------------------------------------------------

// The groups are counted from the pattern's text at load, without compiling it: the count and
// the named groups' numbers must be RE2's.
TEST(RulePatternTest, CaptureGroupsScannedAtLoadAreRe2s) {
  for (const char* pattern : {
           "(a)(?:b)(?P<talk>c(d))", "[(](x)[^)(]\\((y)\\)", "[]()](z)[^]()](w)", "[[:alpha:](](v)",
           "\\Q(not)\\E(u)", "(?i:(t))(?s)(s)", "(?P<who>\\p{Lu}+)\\x{28}(?P<what>[\\p{L}(]+)",
           "(?P<a>x)(?P<a>y)",  // RE2 takes a repeated name; the first group keeps it
       }) {
    re2::RE2 re(pattern);
    ASSERT_TRUE(re.ok()) << pattern;
    RulePattern rp;
    std::string error;
    ASSERT_TRUE(rp.Parse(pattern, "test", &error)) << error;
    EXPECT_EQ(rp.NumberOfCapturingGroups(), re.NumberOfCapturingGroups()) << pattern;
    EXPECT_EQ(rp.NamedCapturingGroups(), re.NamedCapturingGroups()) << pattern;
  }
}

TEST(RulePatternTest, ParseRejectsWhatRe2RejectsWithItsText) {
  for (const char* pattern :
       {"(unclosed", "a{2,1}", "x{1001}", "\\p{Klingon}", "(?:a{0,40}){0,40}"}) {
    RulePattern rp;
    std::string error;
    EXPECT_FALSE(rp.Parse(pattern, "test", &error)) << pattern;
    re2::RE2 re(pattern, re2::RE2::Quiet);
    EXPECT_EQ(error, re.error()) << pattern;
    EXPECT_FALSE(error.empty()) << pattern;
  }
}

// A pattern too large for RE2 parses at load and fails at its first use, matching nothing.
TEST(RulePatternTest, PatternTooLargeParsesButCompilesToNothing) {
  RulePattern rp;
  std::string error;
  ASSERT_TRUE(rp.Parse("^\\p{L}{1000}$", "test", &error)) << error;
  const re2::RE2& re = rp.Compiled(/*warn=*/false);
  EXPECT_FALSE(re.ok());
  EXPECT_EQ(re.error(), "pattern too large - compile failed");
  EXPECT_FALSE(re2::RE2::PartialMatch(std::string(1000, 'a'), re));
}

// --- Context rules -------------------------------------------------------------------------

TEST_F(PassTest, ContextRuleTypesTheCandidateInItsSlot) {
  Extractor& ex = Start("The studio is based in Varnholm.");
  std::vector<Chunk> chunks = ex.FindChunks(S(0));
  ASSERT_EQ(Describe(chunks), (Strings{"? 'Varnholm' "}));
  std::string last_seen;
  ex.ApplyContextRules(S(0), chunks, 1, &last_seen, /*first_pass=*/true);
  EXPECT_EQ(Describe(chunks), (Strings{"PLACE.city 'Varnholm' based_in"}));
}

TEST_F(PassTest, ContextRuleReadsItsTypedNeighbour) {
  Extractor& ex = Start("Keiko Marsh works at Quillbright.");
  std::vector<Chunk> chunks = ex.FindChunks(S(0));
  std::string last_seen;
  ex.ApplyContextRules(S(0), chunks, 1, &last_seen, /*first_pass=*/true);
  EXPECT_EQ(Describe(chunks), (Strings{"? 'Keiko Marsh' ", "? 'Quillbright' "}));
  SetType(chunks[0], EntityType::kPerson, "test");
  ex.ApplyContextRules(S(0), chunks, 1, &last_seen, /*first_pass=*/false);
  EXPECT_EQ(Describe(chunks), (Strings{"PERSON 'Keiko Marsh' test", "ORG 'Quillbright' works_at"}));
}

TEST_F(PassTest, SlottedSentenceReplacesCandidatesAndTheNarrator) {
  Extractor& ex = Start("I met Keiko Marsh in Varnholm.");
  std::vector<Chunk> chunks = ex.FindChunks(S(0));
  ASSERT_EQ(chunks.size(), 2u);
  SetType(chunks[0], EntityType::kPerson, "test");
  std::vector<Extractor::Segment> segs;
  EXPECT_EQ(ex.Slot(S(0), chunks, /*with_untyped=*/true, &segs),
            "\xE2\x9F\xA8I\xE2\x9F\xA9 met \xE2\x9F\xA8PERSON_0\xE2\x9F\xA9 in "
            "\xE2\x9F\xA8?_1\xE2\x9F\xA9.");
}

// --- Document-level typing -----------------------------------------------------------------

TEST_F(PassTest, VoteGivesEveryMentionOfANameTheWinningType) {
  Extractor& ex = Start("Quillbright grew fast. Quillbright hired me. Quillbright is cold.");
  ASSERT_EQ(td_.sentences.size(), 3u);
  std::vector<std::vector<Chunk>> chunks;
  for (size_t i = 0; i < 3; ++i) chunks.push_back(ex.FindChunks(S(i)));
  SetType(Find(chunks[0], "Quillbright"), EntityType::kOrg, "works_at");    // weight 2
  SetType(Find(chunks[1], "Quillbright"), EntityType::kOrg, "works_at");    // weight 2
  SetType(Find(chunks[2], "Quillbright"), EntityType::kPlace, "lives_in");  // weight 1
  ex.VoteTypes(chunks);
  EXPECT_EQ(Describe(chunks[0]), (Strings{"ORG 'Quillbright' works_at"}));
  EXPECT_EQ(Describe(chunks[1]), (Strings{"ORG 'Quillbright' works_at"}));
  EXPECT_EQ(Describe(chunks[2]), (Strings{"ORG 'Quillbright' vote:works_at"}));
}

TEST_F(PassTest, VoteKeepsStrongEvidenceAgainstAWeakerMajority) {
  Extractor& ex = Start("Quillbright grew fast. Quillbright is cold.");
  std::vector<std::vector<Chunk>> chunks;
  for (size_t i = 0; i < 2; ++i) chunks.push_back(ex.FindChunks(S(i)));
  SetType(Find(chunks[0], "Quillbright"), EntityType::kOrg, "works_at");          // weight 2
  SetType(Find(chunks[1], "Quillbright"), EntityType::kPlace, "gazetteer:test");  // weight 3
  ex.VoteTypes(chunks);
  // PLACE wins the vote (3 to 2), but 3 is less than twice the ORG mention's strong 2.
  EXPECT_EQ(Describe(chunks[0]), (Strings{"ORG 'Quillbright' works_at"}));
  EXPECT_EQ(Describe(chunks[1]), (Strings{"PLACE 'Quillbright' gazetteer:test"}));
}

// --- Document memory -----------------------------------------------------------------------

TEST_F(PassTest, DocumentMemoryTypesALoneSurname) {
  Extractor& ex = Start("Mira Castell spoke first. Later, Castell answered questions.");
  std::vector<std::vector<Chunk>> chunks;
  for (size_t i = 0; i < 2; ++i) chunks.push_back(ex.FindChunks(S(i)));
  ASSERT_EQ(Describe(chunks[1]), (Strings{"? 'Castell' "}));
  SetType(Find(chunks[0], "Mira Castell"), EntityType::kPerson, "test");
  ex.RememberSurnames(chunks);
  ex.ApplyDocumentTypes(chunks[1]);
  EXPECT_EQ(Describe(chunks[1]), (Strings{"PERSON 'Castell' document_memory"}));
}

TEST_F(PassTest, DocumentMemoryTypesAnAcronymOfATypedName) {
  Extractor& ex = Start("We joined the Lowland Rowing Association. The LRA meets weekly.");
  std::vector<std::vector<Chunk>> chunks;
  for (size_t i = 0; i < 2; ++i) chunks.push_back(ex.FindChunks(S(i)));
  SetType(Find(chunks[0], "Lowland Rowing Association"), EntityType::kOrg, "test");
  ex.RememberAcronyms(chunks);
  ex.ApplyDocumentTypes(chunks[1]);
  EXPECT_EQ(Describe(chunks[1]), (Strings{"ORG 'LRA' document_memory"}));
}

// --- Relations and emission ----------------------------------------------------------------

TEST_F(PassTest, RelationRuleEmitsSpeakerOfBetweenItsSlots) {
  Extractor& ex = Start("Mira Castell gave the Closing Keynote.");
  std::vector<Chunk> chunks = ex.FindChunks(S(0));
  ASSERT_EQ(chunks.size(), 2u);
  SetType(chunks[0], EntityType::kPerson, "test");
  SetType(chunks[1], EntityType::kTalk, "test");
  ex.EmitSentence(0, chunks);
  const Extraction& out = ex.extraction();
  ASSERT_EQ(out.mentions.size(), 2u);
  EXPECT_EQ(out.mentions[0].text, "Mira Castell");
  EXPECT_EQ(out.mentions[1].text, "Closing Keynote");
  ASSERT_EQ(out.relations.size(), 1u);
  const RelationCandidate& r = out.relations[0];
  EXPECT_EQ(r.relation, "speaker_of");
  EXPECT_EQ(r.subject, 0);
  EXPECT_EQ(r.object, 1);
  EXPECT_EQ(r.rule, "person_gave_talk");
  EXPECT_EQ(r.sentence, 0u);
}

TEST_F(PassTest, RelationRuleGivesTheNarratorOneEdgePerListMember) {
  Extractor& ex = Start("I met Keiko Marsh and Oskar Dahl.");
  std::vector<Chunk> chunks = ex.FindChunks(S(0));
  ASSERT_EQ(chunks.size(), 2u);
  SetType(chunks[0], EntityType::kPerson, "test");
  SetType(chunks[1], EntityType::kPerson, "test");
  ex.EmitSentence(0, chunks);
  const Extraction& out = ex.extraction();
  ASSERT_EQ(out.relations.size(), 2u);
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(out.relations[static_cast<size_t>(i)].relation, "met");
    EXPECT_EQ(out.relations[static_cast<size_t>(i)].subject, kNarrator);
    EXPECT_EQ(out.relations[static_cast<size_t>(i)].object, i);
  }
}

// --- The whole sequence --------------------------------------------------------------------

TEST_F(PassTest, RunTypesAndRelatesWithTheFixtureRules) {
  Start("Keiko Marsh works at Quillbright in Lisbon.");
  Extraction out = Extractor(td_, FixtureRules(), options_).Run();
  Strings mentions;
  for (const Mention& m : out.mentions) {
    mentions.push_back(std::string(EntityTypeName(m.type)) + " '" + m.text + "' " + m.rule);
  }
  EXPECT_EQ(mentions, (Strings{"PERSON 'Keiko Marsh' default:given_name",
                               "ORG 'Quillbright' works_at", "PLACE 'Lisbon' gazetteer:cities"}));
  ASSERT_EQ(out.relations.size(), 1u);
  EXPECT_EQ(out.relations[0].relation, "affiliated_with");
  EXPECT_EQ(out.relations[0].subject, 0);
  EXPECT_EQ(out.relations[0].object, 1);
  EXPECT_FALSE(out.has_narrator);
}

}  // namespace
}  // namespace kg

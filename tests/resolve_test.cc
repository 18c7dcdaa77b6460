// Tests for graph/resolve.h ResolveDocument (stages 4-5): one node per entity
// within a document, aliases, the narrator node, typed edges, inference and
// co-occurrence, and the spans that record where each came from. Small invented
// texts go through Tokenize, Extract and ResolveDocument with the real data/
// directory.
#include "graph/resolve.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/extract.h"
#include "pipeline/text.h"
#include "tests/test_rules.h"

namespace kg {
namespace {

using Strings = std::vector<std::string>;

using testing::Rules;

// The code points [start, end) of UTF-8 `s`, as UTF-8: Python's s[start:end].
std::string CodePointSubstr(std::string_view s, uint32_t start, uint32_t end) {
  std::string out;
  uint32_t cp = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0) {
      len = 4;
    } else if (c >= 0xE0) {
      len = 3;
    } else if (c >= 0xC0) {
      len = 2;
    }
    if (cp >= start && cp < end) out.append(s.substr(i, len));
    ++cp;
    i += len;
  }
  return out;
}

// The real rules and the attendees pack (tests/fixtures/packs/attendees), whose inference
// rules use the selectors that data/ no longer does.
const RuleSet &RulesWithAttendeesPack() {
  static const RuleSet *rules = [] {
    RuleSetOptions options;
    options.data_dir = KGEXTRACT_TEST_DATA_DIR;
    options.packs.push_back(std::string(KGEXTRACT_TEST_FIXTURE_DIR) + "/../packs/attendees");
    std::unique_ptr<RuleSet> r;
    Status s = RuleSet::Load(options, &r);
    if (!s.ok()) ADD_FAILURE() << s.message();
    return r.release();
  }();
  if (rules == nullptr) std::abort();
  return *rules;
}

class ResolveTest : public ::testing::Test {
 protected:
  const DocumentGraph &Run(std::string text, std::string doc_id = "report.txt",
                           const RuleSet &rules = Rules()) {
    doc_.id = std::move(doc_id);
    doc_.text = std::move(text);
    td_ = tokenizer_.Tokenize(doc_);
    ex_ = Extract(td_, rules);
    dg_ = ResolveDocument(td_, ex_, rules);
    return dg_;
  }

  // Ids of the nodes of one type, narrator left out, sorted.
  Strings NodeIdsOfType(const std::string &type) const {
    Strings out;
    for (const NodeProps &n : dg_.nodes) {
      if (n.type == type && !n.narrator) out.push_back(n.id);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  Strings NodeIds() const {
    Strings out;
    for (const NodeProps &n : dg_.nodes) out.push_back(n.id);
    std::sort(out.begin(), out.end());
    return out;
  }

  const NodeProps *Node(std::string_view id) const {
    for (const NodeProps &n : dg_.nodes) {
      if (n.id == id) return &n;
    }
    return nullptr;
  }

  const NodeProps *Narrator() const {
    const NodeProps *found = nullptr;
    for (const NodeProps &n : dg_.nodes) {
      if (n.narrator) {
        EXPECT_EQ(found, nullptr) << "two narrator nodes";
        found = &n;
      }
    }
    return found;
  }

  // The edges from `source` to `target` with `relation`, in either direction
  // when symmetric.
  std::vector<const DocumentGraph::Edge *> Edges(std::string_view source, std::string_view relation,
                                                 std::string_view target) const {
    std::vector<const DocumentGraph::Edge *> out;
    for (const DocumentGraph::Edge &e : dg_.edges) {
      if (e.props.relation != relation) continue;
      bool forward = e.source == source && e.target == target;
      bool backward = e.props.symmetric && e.source == target && e.target == source;
      if (forward || backward) out.push_back(&e);
    }
    return out;
  }

  // "source -relation-> target" for every edge that is not co_occurs, sorted.
  Strings TypedEdges() const {
    Strings out;
    for (const DocumentGraph::Edge &e : dg_.edges) {
      if (e.props.relation == "co_occurs") continue;
      out.push_back(e.source + " -" + e.props.relation + "-> " + e.target);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  // TypedEdges() of one relation.
  Strings TypedEdges(const std::string &relation) const {
    Strings out;
    for (const std::string &e : TypedEdges()) {
      if (e.find(" -" + relation + "-> ") != std::string::npos) out.push_back(e);
    }
    return out;
  }

  Tokenizer tokenizer_{Rules().tokenizer_lexicon()};
  Document doc_;
  TokenizedDocument td_;
  Extraction ex_;
  DocumentGraph dg_;
};

// --- resolution ----------------------------------------------------------------------------------

TEST_F(ResolveTest, GivenNameJoinsTheFullName) {
  Run("I met Jay Lindqvist at NodeSummit 2025. Later Jay showed me the booth.");
  EXPECT_EQ(Node("person:jay"), nullptr);
  const NodeProps *jay = Node("person:jay-lindqvist");
  ASSERT_NE(jay, nullptr);
  EXPECT_EQ(jay->label, "Jay Lindqvist");
  EXPECT_EQ(jay->type, "PERSON");
  EXPECT_EQ(jay->aliases, (Strings{"Jay"}));
  ASSERT_EQ(jay->mentions.size(), 2u);
  EXPECT_EQ(jay->mentions[1].text, "Jay");
  EXPECT_EQ(jay->mentions[1].start, 46u);
  EXPECT_EQ(jay->mentions[1].end, 49u);
  EXPECT_EQ(jay->documents, (Strings{"report.txt"}));
}

TEST_F(ResolveTest, EverySpanAndCountSharesTheDocumentsName) {
  Run("I met Jay Lindqvist at NodeSummit 2025. Jay Lindqvist thanked Ana Keller.");
  EXPECT_EQ(dg_.doc, "report.txt");
  size_t spans = 0;
  for (const NodeProps &n : dg_.nodes) {
    for (const Span &m : n.mentions) {
      EXPECT_EQ(&m.doc.str(), &dg_.doc.str()) << n.id;
      ++spans;
    }
    for (const DocumentCount &c : n.mention_counts) EXPECT_EQ(&c.doc.str(), &dg_.doc.str());
  }
  for (const DocumentGraph::Edge &e : dg_.edges) {
    for (const Span &s : e.props.evidence) {
      EXPECT_EQ(&s.doc.str(), &dg_.doc.str()) << e.source << " " << e.target;
      ++spans;
    }
  }
  EXPECT_GE(spans, 5u);  // three mentions at least, and the met and thanked evidence
  // Spans of one rule share its name too.
  std::map<std::string, const std::string *> rule_copy;
  size_t repeated = 0;
  auto check = [&](const Span &s) {
    auto [it, first] = rule_copy.emplace(s.rule.str(), &s.rule.str());
    if (!first) {
      EXPECT_EQ(it->second, &s.rule.str()) << s.rule;
      ++repeated;
    }
  };
  for (const NodeProps &n : dg_.nodes) std::for_each(n.mentions.begin(), n.mentions.end(), check);
  for (const DocumentGraph::Edge &e : dg_.edges) {
    std::for_each(e.props.evidence.begin(), e.props.evidence.end(), check);
  }
  EXPECT_GE(repeated, 1u);
}

TEST_F(ResolveTest, EvidenceOfOneSentenceAndMentionsOfOneNameShareTheirText) {
  Run("Jay Lindqvist thanked Ana Keller and Omar Haddad. Later Jay Lindqvist met Omar Haddad.");
  // "thanked Ana Keller and Omar Haddad": two edges, one sentence.
  std::vector<const Span *> thanked;
  for (const DocumentGraph::Edge &e : dg_.edges) {
    if (e.props.relation != "thanked") continue;
    ASSERT_EQ(e.props.evidence.size(), 1u);
    thanked.push_back(&e.props.evidence[0]);
  }
  ASSERT_EQ(thanked.size(), 2u);
  EXPECT_EQ(thanked[0]->text, "Jay Lindqvist thanked Ana Keller and Omar Haddad.");
  EXPECT_TRUE(thanked[0]->text.SameAs(thanked[1]->text));
  const NodeProps *jay = Node("person:jay-lindqvist");
  ASSERT_NE(jay, nullptr);
  ASSERT_EQ(jay->mentions.size(), 2u);
  EXPECT_EQ(jay->mentions[0].text, "Jay Lindqvist");
  EXPECT_TRUE(jay->mentions[0].text.SameAs(jay->mentions[1].text));
}

TEST_F(ResolveTest, AcronymJoinsTheOrganisation) {
  Run("Maria Lopez from the Tidewater Gardening Foundation (TGF) spoke. I "
      "learned that TGF "
      "plants trees. We loved it.");
  EXPECT_EQ(Node("org:tgf"), nullptr);
  const NodeProps *tgf = Node("org:tidewater-gardening-foundation");
  ASSERT_NE(tgf, nullptr);
  EXPECT_EQ(tgf->label, "Tidewater Gardening Foundation");
  EXPECT_EQ(tgf->aliases, (Strings{"TGF"}));
  EXPECT_EQ(tgf->mentions.size(), 3u);
  EXPECT_EQ(
      Edges("person:maria-lopez", "affiliated_with", "org:tidewater-gardening-foundation").size(),
      1u);
}

TEST_F(ResolveTest, PossessiveKeynoteGivesSpeakerAndTalk) {
  Run("Anna Keller's keynote was great. I enjoyed it. We clapped.");
  const NodeProps *anna = Node("person:anna-keller");
  ASSERT_NE(anna, nullptr);
  EXPECT_EQ(anna->label, "Anna Keller");
  EXPECT_TRUE(anna->aliases.empty());
  const NodeProps *talk = Node("talk:anna-keller-s-keynote");
  ASSERT_NE(talk, nullptr);
  EXPECT_EQ(talk->type, "TALK");
  EXPECT_EQ(talk->kind, "keynote");
  auto edges = Edges("person:anna-keller", "speaker_of", "talk:anna-keller-s-keynote");
  ASSERT_EQ(edges.size(), 1u);
  EXPECT_EQ(edges[0]->props.weight, 1.0);
  EXPECT_FALSE(edges[0]->props.symmetric);
  ASSERT_EQ(edges[0]->props.evidence.size(), 1u);
  EXPECT_EQ(edges[0]->props.evidence[0].rule, "possessive_talk");
  EXPECT_EQ(edges[0]->props.evidence[0].text, "Anna Keller's keynote was great.");
}

TEST_F(ResolveTest, FirstPersonTextHasOneNarratorNode) {
  Run("I met Jay Lindqvist at NodeSummit 2025. We talked about gardens. I left "
      "early.",
      "reports/nodesummit.txt");
  const NodeProps *narrator = Narrator();
  ASSERT_NE(narrator, nullptr);
  // Named after the file name, not the path.
  EXPECT_EQ(narrator->id, "person:narrator-nodesummit-txt");
  EXPECT_EQ(narrator->label, "Narrator of nodesummit.txt");
  EXPECT_EQ(narrator->type, "PERSON");
  EXPECT_EQ(narrator->documents, (Strings{"reports/nodesummit.txt"}));
  auto met = Edges("person:narrator-nodesummit-txt", "met", "person:jay-lindqvist");
  ASSERT_EQ(met.size(), 1u);
  EXPECT_TRUE(met[0]->props.symmetric);
}

TEST_F(ResolveTest, ThirdPersonTextHasNoNarratorNode) {
  Run("Maria Lopez met Jay Lindqvist at NodeSummit 2025. She talked about "
      "gardens.");
  EXPECT_EQ(Narrator(), nullptr);
  for (const NodeProps &n : dg_.nodes) EXPECT_EQ(n.id.find("narrator"), std::string::npos) << n.id;
  EXPECT_EQ(Edges("person:maria-lopez", "met", "person:jay-lindqvist").size(), 1u);
}

TEST_F(ResolveTest, EventShortNameJoinsTheFullName) {
  Run("We flew to NodeSummit 2025 in Oslo. I also attended NodeSummit last "
      "year.");
  EXPECT_EQ(Node("event:nodesummit"), nullptr);
  const NodeProps *event = Node("event:nodesummit-2025");
  ASSERT_NE(event, nullptr);
  EXPECT_EQ(event->label, "NodeSummit 2025");
  EXPECT_EQ(event->aliases, (Strings{"NodeSummit"}));
  EXPECT_EQ(event->mentions.size(), 2u);
  // Both statements of attendance land on the one node: weight 2, two evidence
  // sentences.
  auto attended = Edges("person:narrator-report-txt", "attended", "event:nodesummit-2025");
  ASSERT_EQ(attended.size(), 1u);
  EXPECT_EQ(attended[0]->props.weight, 2.0);
  EXPECT_EQ(attended[0]->props.evidence.size(), 2u);
}

// A later bare "NodeSummit" that no context rule types is still the event the
// document already named, not an untyped candidate that is dropped.
TEST_F(ResolveTest, UntypedEventShortNameJoinsTheFullName) {
  Run("We flew to NodeSummit 2025 in Oslo. I liked NodeSummit a lot.");
  const NodeProps *event = Node("event:nodesummit-2025");
  ASSERT_NE(event, nullptr);
  EXPECT_EQ(event->aliases, (Strings{"NodeSummit"}));
  EXPECT_EQ(event->mentions.size(), 2u);
}

// --- inference -----------------------------------------------------------------------------------

TEST_F(ResolveTest, EventNamedAfterACityIsHeldThereAndAnOrganisationAtACityIsInIt) {
  Run("DataFest Porto 2026 was great. Anna Keller, head of data at Quillfeather Labs in Lisbon, "
      "spoke. Porto was sunny.");
  EXPECT_EQ(TypedEdges(), (Strings{"event:datafest-porto-2026 -held_at-> place:porto",
                                   "org:quillfeather-labs -located_in-> place:lisbon",
                                   "person:anna-keller -affiliated_with-> org:quillfeather-labs"}));
}

TEST_F(ResolveTest, InferenceTalkPartOfMainEventAndNarratorAttended) {
  Run("We spent the week at NodeSummit 2025. I met Jay Lindqvist there. The "
      "Compiler Workshop "
      "was packed.");
  EXPECT_EQ(NodeIds(), (Strings{"event:nodesummit-2025", "person:jay-lindqvist",
                                "person:narrator-report-txt", "talk:compiler-workshop"}));
  EXPECT_EQ(TypedEdges(), (Strings{"person:jay-lindqvist -attended-> event:nodesummit-2025",
                                   "person:jay-lindqvist -met-> person:narrator-report-txt",
                                   "person:narrator-report-txt -attended-> event:nodesummit-2025",
                                   "talk:compiler-workshop -part_of-> event:nodesummit-2025"}));
  auto part_of = Edges("talk:compiler-workshop", "part_of", "event:nodesummit-2025");
  ASSERT_EQ(part_of.size(), 1u);
  ASSERT_EQ(part_of[0]->props.evidence.size(), 1u);
  EXPECT_EQ(part_of[0]->props.evidence[0].rule, "inference:talks_are_part_of_main_event");
  // An inferred edge's evidence is the sentence of the subject's first mention.
  EXPECT_EQ(part_of[0]->props.evidence[0].text, "The Compiler Workshop was packed.");
  auto attended = Edges("person:narrator-report-txt", "attended", "event:nodesummit-2025");
  ASSERT_EQ(attended.size(), 1u);
  ASSERT_EQ(attended[0]->props.evidence.size(), 1u);
  EXPECT_EQ(attended[0]->props.evidence[0].rule, "inference:narrator_attended_main_event");
  auto met_attended = Edges("person:jay-lindqvist", "attended", "event:nodesummit-2025");
  ASSERT_EQ(met_attended.size(), 1u);
  EXPECT_EQ(met_attended[0]->props.evidence[0].rule, "inference:people_met_attended_main_event");
}

// The shipped rules do not infer that speakers attended: the text says who gave a talk.
TEST_F(ResolveTest, InferenceLeavesTheMainEventsSpeakersWithoutAnAttendedEdge) {
  Run("I spent two days at NodeSummit 2025. Anna Keller gave a talk called \"Slow Queries\". "
      "Paul Dunn told a story about his cat. NodeSummit was fun.");
  EXPECT_EQ(TypedEdges("attended"),
            (Strings{"person:narrator-report-txt -attended-> event:nodesummit-2025"}));
}

// @main_event_speakers (a pack's rule): speakers, panelists and moderators of the main event's
// talks; a talk stated to be part of another event does not make its speaker one of them.
TEST_F(ResolveTest, InferenceSpeakersOfTheMainEventsTalksAttendedIt) {
  Run("I spent two days at NodeSummit 2025. Anna Keller gave a talk called \"Slow Queries\". "
      "Tomas Brandt moderated a panel called \"Data Contracts\". At RustConf 2024, Mira Sato "
      "gave a talk called \"Borrowing Time\" and it was part of RustConf 2024. NodeSummit was "
      "fun.",
      "report.txt", RulesWithAttendeesPack());
  EXPECT_EQ(TypedEdges("attended"),
            (Strings{"person:anna-keller -attended-> event:nodesummit-2025",
                     "person:narrator-report-txt -attended-> event:nodesummit-2025",
                     "person:tomas-brandt -attended-> event:nodesummit-2025"}));
  auto keller = Edges("person:anna-keller", "attended", "event:nodesummit-2025");
  ASSERT_EQ(keller.size(), 1u);
  EXPECT_EQ(keller[0]->props.evidence[0].rule, "inference:speakers_attended_main_event");
}

// @people_of_main_event (a pack's rule): the people of the report, but those it ties to another
// event.
TEST_F(ResolveTest, InferencePeopleOfTheReportAttendedTheMainEventUnlessTiedToAnother) {
  Run("I spent two days at NodeSummit 2025. Paul Dunn told a story about his cat. Ida Holm "
      "attended RustConf 2024 instead. NodeSummit was fun.",
      "report.txt", RulesWithAttendeesPack());
  EXPECT_EQ(TypedEdges("attended"),
            (Strings{"person:ida-holm -attended-> event:rustconf-2024",
                     "person:narrator-report-txt -attended-> event:nodesummit-2025",
                     "person:paul-dunn -attended-> event:nodesummit-2025"}));
  auto dunn = Edges("person:paul-dunn", "attended", "event:nodesummit-2025");
  ASSERT_EQ(dunn.size(), 1u);
  EXPECT_EQ(dunn[0]->props.evidence[0].rule, "inference:people_attended_main_event");
}

TEST_F(ResolveTest, InferenceWithoutNarratorStillLinksTalksToTheMainEvent) {
  Run("Maria Lopez spent the week at NodeSummit 2025. The Compiler Workshop "
      "was packed.");
  EXPECT_EQ(TypedEdges(), (Strings{"person:maria-lopez -attended-> event:nodesummit-2025",
                                   "talk:compiler-workshop -part_of-> event:nodesummit-2025"}));
}

TEST_F(ResolveTest, MainEventIsTheEventMentionedMost) {
  Run("We went to DataFest 2025 in Oslo. I loved DataFest. RustConf 2026 is "
      "next. The Compiler "
      "Workshop was packed.");
  EXPECT_EQ(Edges("talk:compiler-workshop", "part_of", "event:datafest-2025").size(), 1u);
  EXPECT_TRUE(Edges("talk:compiler-workshop", "part_of", "event:rustconf-2026").empty());
}

TEST_F(ResolveTest, MainEventPrefersANameWithItsEditionYear) {
  // A generic title names an event once, as does the dated name: the dated one is the report's.
  Run("My First Data Conference\n\nI spoke at PyData Lisbon 2024 this spring. The Compiler "
      "Workshop was packed.");
  EXPECT_EQ(Edges("talk:compiler-workshop", "part_of", "event:pydata-lisbon-2024").size(), 1u);
}

TEST_F(ResolveTest, MainEventPrefersANameWithATwoDigitYearInIt) {
  // "DSE" is named more often; "DataCon26" is this year's edition, the report's event.
  Run("DataCon26: notes from Porto\n\nDataCon26 was held in Porto this year. Every year we send "
      "people to the DSE conference. Some DSE people came. The DSE community grows. I like DSE "
      "folks. The Compiler Workshop was packed.");
  EXPECT_EQ(Edges("talk:compiler-workshop", "part_of", "event:datacon26").size(), 1u);
}

TEST_F(ResolveTest, MainEventNamedOnceIsTheOneTheNarratorAttended) {
  // RustConf 2026 is named twice, but the narrator attended DataFest 2025, named once.
  Run("Some notes\n\nLast month I attended DataFest 2025. Next year RustConf 2026 returns, and "
      "RustConf 2026 will be bigger. The Compiler Workshop was packed.");
  EXPECT_EQ(Edges("talk:compiler-workshop", "part_of", "event:datafest-2025").size(), 1u);
  EXPECT_TRUE(Edges("talk:compiler-workshop", "part_of", "event:rustconf-2026").empty());
}

TEST_F(ResolveTest, MainEventIsTheFirstOfTwoEventsTheTitleNames) {
  // The conference is named more often; the title says the report is about the workshop at it.
  Run("Notes: SoilBot 2025 at DataFest 2025\n\nSoilBot 2025 was a workshop of DataFest 2025. "
      "DataFest 2025 had 3,000 people. DataFest was big. I liked DataFest. The Compiler Workshop "
      "was packed.");
  EXPECT_EQ(Edges("talk:compiler-workshop", "part_of", "event:soilbot-2025").size(), 1u);
  EXPECT_TRUE(Edges("talk:compiler-workshop", "part_of", "event:datafest-2025").empty());
  EXPECT_EQ(Edges("event:soilbot-2025", "related_to", "event:datafest-2025").size(), 1u);
}

TEST_F(ResolveTest, EventOnlyDescribedOnceByItsKindIsNoMainEvent) {
  // "Lakeside conference" is described once, with no year or title: nothing hangs on it.
  Run("Some notes\n\nIt was a long week. We met at a small Lakeside conference. The Compiler "
      "Workshop was packed.");
  EXPECT_EQ(NodeIdsOfType("EVENT"), (Strings{"event:lakeside"}));
  EXPECT_TRUE(Edges("talk:compiler-workshop", "part_of", "event:lakeside").empty());
}

TEST_F(ResolveTest, MainEventIsTheOneTheTitleLineNames) {
  // The title's meetup is named once without a year; the conference with a year is only news.
  Run("Kotlin Bergen meetup, May edition\n\nAbout thirty of us met again. Ida Holm is looking "
      "for speakers for DataFest 2027. The Compiler Workshop was packed.");
  EXPECT_EQ(TypedEdges("part_of"),
            (Strings{"talk:compiler-workshop -part_of-> event:kotlin-bergen"}));
}

TEST_F(ResolveTest, ModeratorOfTheTalkNamedBeforeThemInTheirSentence) {
  Run("Highlights: Ida Holm's keynote \"Boring Releases\" and a panel on platform teams with "
      "Tomas Brandt and Lena Ortiz, moderated by Mira Sato.");
  EXPECT_EQ(TypedEdges("moderator_of"),
            (Strings{"person:mira-sato -moderator_of-> talk:panel-on-platform-teams"}));
}

TEST_F(ResolveTest, NumberedHeadingsNamingEventsOpenTheirSections) {
  // (The list numbers and places would make each heading more than a name.)
  Run("My autumn after DataFest 2026\n\nDataFest 2026 was the start.\n\n1. NodeConf\n\nI gave a "
      "talk called \"Quiet Pipelines\" there. I met Ida Holm.\n\n2. RustConf Riga (Riga, "
      "Latvia)\n\nTomas Brandt gave a keynote titled \"Fearless Builds\".\n");
  EXPECT_EQ(TypedEdges("part_of"), (Strings{"talk:fearless-builds -part_of-> event:rustconf-riga",
                                            "talk:quiet-pipelines -part_of-> event:nodeconf"}));
  EXPECT_EQ(TypedEdges("attended"),
            (Strings{"person:ida-holm -attended-> event:nodeconf",
                     "person:narrator-report-txt -attended-> event:datafest-2026",
                     "person:narrator-report-txt -attended-> event:nodeconf",
                     "person:tomas-brandt -attended-> event:rustconf-riga"}));
}

TEST_F(ResolveTest, AFirmsFirstWordAloneIsTheFirm) {
  Run("We met at the offices of Brindle Analytics in Oslo. Many thanks to Brindle for the "
      "pizza! Brindle is hiring.");
  EXPECT_EQ(NodeIdsOfType("ORG"), (Strings{"org:brindle-analytics"}));
  EXPECT_EQ(NodeIdsOfType("PERSON"), Strings{});
  EXPECT_EQ(Node("org:brindle-analytics")->aliases, (Strings{"Brindle"}));
}

TEST_F(ResolveTest, AnUnnamedPanelsPeopleSitOnNoWorkshopOfTheSentenceBefore) {
  Run("I liked a workshop on SQL for analysts run by Ida Holm. I also enjoyed the career panel, "
      "which featured Tomas Brandt and Lena Ortiz, and was moderated by Mira Sato.");
  EXPECT_EQ(TypedEdges("panelist_of"), Strings{});
  EXPECT_EQ(TypedEdges("moderator_of"), Strings{});
}

// A panel's people may come a few sentences after its title, when no other talk is named between.
TEST_F(ResolveTest, PanelistsAFewSentencesAfterThePanelSitOnIt) {
  Run("The day ended with a panel, \"Who Pays for Open Source?\". Mira Sato chaired it. She "
      "did it well, as she always does. On stage: Tomas Brandt and Lena Ortiz. "
      "Strong disagreement on licences.");
  EXPECT_EQ(TypedEdges("panelist_of"),
            (Strings{"person:lena-ortiz -panelist_of-> talk:who-pays-for-open-source",
                     "person:tomas-brandt -panelist_of-> talk:who-pays-for-open-source"}));
}

TEST_F(ResolveTest, AMixedCaseAcronymBeforeTheSamePlaceAndYearIsTheEvent) {
  Run("Women in Data Science Bergen 2025 was held on March 8. WiDS Bergen 2025 sold out.");
  EXPECT_EQ(NodeIdsOfType("EVENT"), (Strings{"event:women-in-data-science-bergen-2025"}));
  EXPECT_EQ(Node("event:women-in-data-science-bergen-2025")->aliases,
            (Strings{"WiDS Bergen 2025"}));
}

TEST_F(ResolveTest, AnOrganisationNamedWithoutItsPlaceIsTheOneNamedWithIt) {
  Run("The jam took place at the IT University of Tromso. Thanks to the IT University for "
      "hosting.");
  EXPECT_EQ(NodeIdsOfType("ORG"), (Strings{"org:it-university-of-tromso"}));
  EXPECT_EQ(Node("org:it-university-of-tromso")->aliases, (Strings{"IT University"}));
}

TEST_F(ResolveTest, APersonsUntitledTalkIsTheirOneTitledTalk) {
  Run("Tomas Brandt's keynote was the best part. He gave a keynote titled \"Quiet "
      "Pipelines\". Ida Holm's talk and Ida Holm's workshop were fun too.");
  EXPECT_EQ(NodeIdsOfType("TALK"),
            (Strings{"talk:ida-holm-s-talk", "talk:ida-holm-s-workshop", "talk:quiet-pipelines"}));
  EXPECT_EQ(Node("talk:quiet-pipelines")->label, "Quiet Pipelines");
  EXPECT_EQ(TypedEdges("speaker_of"),
            (Strings{"person:ida-holm -speaker_of-> talk:ida-holm-s-talk",
                     "person:ida-holm -speaker_of-> talk:ida-holm-s-workshop",
                     "person:tomas-brandt -speaker_of-> talk:quiet-pipelines"}));
}

TEST_F(ResolveTest, AShortNameInBracketsAfterAnEventIsThatEventWithOrWithoutItsYear) {
  Run("Lumeno Data Conference 2024 (LDConf.EU) - Athens\n\nI went to LDConf.EU 2024 in October. "
      "The Compiler Workshop was packed.");
  EXPECT_EQ(NodeIdsOfType("EVENT"), (Strings{"event:lumeno-data-conference-2024"}));
  EXPECT_EQ(Node("event:lumeno-data-conference-2024")->aliases,
            (Strings{"LDConf.EU", "LDConf.EU 2024"}));
}

TEST_F(ResolveTest, WhoOrganisesAProgrammeItemGaveNoTalkOfIt) {
  // "organised by" also reads as a talk's "by": the schema's second exclusive group drops it.
  Run("I spent Saturday in the Rust devroom, which was organised by Ida Holm and Tomas Brandt.");
  EXPECT_EQ(TypedEdges("organized"),
            (Strings{"person:ida-holm -organized-> talk:rust-devroom",
                     "person:tomas-brandt -organized-> talk:rust-devroom"}));
  EXPECT_EQ(TypedEdges("speaker_of"), Strings{});
}

TEST_F(ResolveTest, AnEventsNameWithoutItsCityAndYearOpeningASentenceIsTheEvent) {
  // "Data" and "Council" are words: the first is kept as the start of the title's event.
  Run("Recap: Data Council Austin 2025\n\nData Council is a conference for data engineers.");
  EXPECT_EQ(NodeIdsOfType("EVENT"), (Strings{"event:data-council-austin-2025"}));
  EXPECT_EQ(Node("event:data-council-austin-2025")->aliases, (Strings{"Data Council"}));
  EXPECT_EQ(NodeIdsOfType("PERSON"), Strings{});
  EXPECT_EQ(NodeIdsOfType("ORG"), Strings{});
}

TEST_F(ResolveTest, AModeratorNamedInAnotherSentenceModeratesAPanelNotATalk) {
  Run("The local organising committee was chaired by Dr. Ida Holm. Later Tomas Brandt presented "
      "\"Quiet Pipelines in Practice\". Then came the panel \"Who Pays for Open Source?\". It "
      "was moderated by Mira Sato.");
  EXPECT_EQ(TypedEdges("moderator_of"),
            (Strings{"person:mira-sato -moderator_of-> talk:who-pays-for-open-source"}));
}

TEST_F(ResolveTest, TalkWithAStatedSpeakerTakesNoSpeakerFromANeighbouringSentence) {
  Run("Highlights:\n\nFrancesc Campoy spoke about machine learning. Later, Dave Cheney gave a "
      "keynote titled \"Practical Go\".");
  EXPECT_EQ(Edges("person:dave-cheney", "speaker_of", "talk:practical-go").size(), 1u);
  EXPECT_TRUE(Edges("person:francesc-campoy", "speaker_of", "talk:practical-go").empty());
}

TEST_F(ResolveTest, EventAcronymWithItsYearJoinsTheFullNameOnATopic) {
  Run("This May I travelled to Oslo for SDCW 2021, the Symposium on Distributed Computing "
      "Workshops. It was my first trip in years.");
  ASSERT_EQ(NodeIdsOfType("EVENT").size(), 1u);
  const auto *n = Node(NodeIdsOfType("EVENT")[0]);
  ASSERT_NE(n, nullptr);
  std::vector<std::string> names = n->aliases;
  names.push_back(n->label);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (Strings{"SDCW 2021", "Symposium on Distributed Computing Workshops"}));
}

TEST_F(ResolveTest, AcronymJoinsAnOrganisationWhoseNameHoldsIn) {
  Run("The workshop was organised by Women in Data Engineering (WDE). WDE runs it every year.");
  EXPECT_EQ(NodeIdsOfType("ORG"), (Strings{"org:women-in-data-engineering"}));
}

// The words an acronym has no letter for come from data/lexicon/acronym_skip_words.txt: with
// "in" left out of a copy of it, "WDE" is no longer the initials of Women in Data Engineering.
TEST(AcronymSkipWordsTest, WordLeftOutOfTheFileNoLongerJoinsTheAcronym) {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("kg_resolve_test_skip_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(KGEXTRACT_TEST_DATA_DIR, dir, fs::copy_options::recursive);
  std::ofstream(dir / "lexicon/acronym_skip_words.txt", std::ios::trunc)
      << "# without in\nof\nand\nfor\nthe\n&\non\n";
  std::unique_ptr<RuleSet> rules;
  Status s = RuleSet::Load(dir.string(), &rules);
  fs::remove_all(dir);
  ASSERT_TRUE(s.ok()) << s.message();
  Tokenizer tokenizer(rules->tokenizer_lexicon());
  Document doc;
  doc.id = "report.txt";
  doc.text =
      "The workshop was organised by Women in Data Engineering (WDE). WDE runs it every year.";
  TokenizedDocument td = tokenizer.Tokenize(doc);
  DocumentGraph g = ResolveDocument(td, Extract(td, *rules), *rules);
  Strings orgs;
  for (const NodeProps &n : g.nodes) {
    if (n.type == "ORG") orgs.push_back(n.id);
  }
  std::sort(orgs.begin(), orgs.end());
  EXPECT_EQ(orgs, (Strings{"org:wde", "org:women-in-data-engineering"}));
}

TEST_F(ResolveTest, EventNamesWithSynonymWordsAreOneEventAndYearsSeparateEditions) {
  Run("I went to DevConf EU 2021 in Brno. DevConf Europe 2021 had 40 talks. I also attended "
      "RustFest 2019 and RustFest 2023.");
  EXPECT_EQ(NodeIdsOfType("EVENT"),
            (Strings{"event:devconf-eu-2021", "event:rustfest-2019", "event:rustfest-2023"}));
}

TEST_F(ResolveTest, MainEventIsHeldInTheCityTheReportNamesMost) {
  Run("Notes from DataFest 2025\n\nI landed in Lisbon on Monday. Lisbon was sunny. We took a "
      "day trip to Porto.");
  EXPECT_EQ(Edges("event:datafest-2025", "held_at", "place:lisbon").size(), 1u);
  EXPECT_TRUE(Edges("event:datafest-2025", "held_at", "place:porto").empty());
  // A stated place wins: nothing is inferred.
  Run("DataFest 2025 took place in Porto. I landed in Lisbon on Monday. Lisbon was sunny.");
  EXPECT_EQ(Edges("event:datafest-2025", "held_at", "place:porto").size(), 1u);
  EXPECT_TRUE(Edges("event:datafest-2025", "held_at", "place:lisbon").empty());
}

TEST_F(ResolveTest, MainEventIsHeldInTheCityOfTheDatelineUnderTheTitle) {
  Run("Notes from DataFest 2025\n\nLisbon, May 2025\n\nOn the last day I took a train to Porto.");
  EXPECT_EQ(Edges("event:datafest-2025", "held_at", "place:lisbon").size(), 1u);
}

TEST_F(ResolveTest, LabelOfANameBrokenByAHardWrapIsOnOneLine) {
  Run("DataFest 2026 took place in Porto, Portugal, at the Tidehall International Conference\n"
      "Centre.");
  EXPECT_EQ(NodeIdsOfType("PLACE"), (Strings{"place:porto", "place:portugal",
                                             "place:tidehall-international-conference-centre"}));
  for (const NodeProps &n : dg_.nodes) {
    if (n.id != "place:tidehall-international-conference-centre") continue;
    EXPECT_EQ(n.label, "Tidehall International Conference Centre");
    EXPECT_EQ(n.mentions.at(0).text.str(), "Tidehall International Conference\nCentre");
  }
}

TEST_F(ResolveTest, CityTheNarratorCameFromIsNotWhereTheEventWas) {
  Run("Notes from DataFest 2025\n\nI flew in from Porto on Thursday. The venue was near Lisbon "
      "harbour.");
  EXPECT_TRUE(Edges("event:datafest-2025", "held_at", "place:porto").empty());
  EXPECT_EQ(Edges("event:datafest-2025", "held_at", "place:lisbon").size(), 1u);
}

// Nor is a city named only as where a speaker came from.
TEST_F(ResolveTest, CityNamedOnlyAsWhereSomeoneCameFromIsNotWhereTheEventWas) {
  Run("Notes from DataFest 2025\n\nThe best talk came from Liv Aasen from Oslo.");
  EXPECT_EQ(Edges("person:liv-aasen", "from", "place:oslo").size(), 1u);
  EXPECT_TRUE(Edges("event:datafest-2025", "held_at", "place:oslo").empty());
}

// A name many institutions share ("School of Computing") is no alias of one of them in the
// organisations' gazetteer (scripts/build_gazetteers.py leaves such names out).
TEST_F(ResolveTest, AGenericInstitutionNameIsNotAnotherInstitutionsAlias) {
  Run("Ana Ruiz teaches at the School of Computing.");
  EXPECT_EQ(NodeIdsOfType("ORG"), (Strings{"org:school-of-computing"}));
}

// An edition's name with its year in the title and the event's full name without one in the
// text are one event; with two years of it named, neither edition joins the full name.
TEST_F(ResolveTest, AnEditionsNameWithItsYearJoinsTheFullNameWithoutOne) {
  Run("Notes from Harbour Lights 2024\n\nI went to the Harbour Lights Developers Conference "
      "in Lisbon.");
  EXPECT_EQ(NodeIdsOfType("EVENT"), (Strings{"event:harbour-lights-developers-conference"}));
  Run("Notes from Harbour Lights 2024\n\nI went to the Harbour Lights Developers Conference "
      "in Lisbon. Harbour Lights 2023 was smaller.");
  EXPECT_EQ(NodeIdsOfType("EVENT"),
            (Strings{"event:harbour-lights-2023", "event:harbour-lights-2024",
                     "event:harbour-lights-developers-conference"}));
}

TEST_F(ResolveTest, EventNamedAfterAnotherCityIsNotHeldInTheCityTheReportNames) {
  Run("Notes from the Python Meetup Lisbon\n\nI went to the Python Meetup Lisbon. Next month "
      "I fly to Porto.");
  EXPECT_TRUE(Edges("event:python-meetup-lisbon", "held_at", "place:porto").empty());
}

TEST_F(ResolveTest, TalkOfAnotherNamedEventIsNotPartOfTheMainOne) {
  Run("I attended DataFest 2025 and DataFest 2025 was great. I gave the Compiler Workshop at "
      "RustConf 2024 last year.");
  EXPECT_EQ(Edges("talk:compiler-workshop", "part_of", "event:rustconf-2024").size(), 1u);
  EXPECT_TRUE(Edges("talk:compiler-workshop", "part_of", "event:datafest-2025").empty());
}

TEST_F(ResolveTest, GivenNameAndSurnameBothJoinTheFullName) {
  Run("I met Tomas Brandt. Tomas was kind. Later I walked with Brandt and Ana Lima.");
  EXPECT_EQ(NodeIdsOfType("PERSON"), (Strings{"person:ana-lima", "person:tomas-brandt"}));
}

// Given names of two words, or hyphenated, are the full name too.
TEST_F(ResolveTest, CompoundGivenNameJoinsTheFullName) {
  Run("I met Mei-Ling Chou and Ana Lucia Vargas. Mei-Ling was kind. Later I walked with Ana "
      "Lucia and Ida Holm.");
  EXPECT_EQ(NodeIdsOfType("PERSON"),
            (Strings{"person:ana-lucia-vargas", "person:ida-holm", "person:mei-ling-chou"}));
}

TEST_F(ResolveTest, SharedGivenNameIsThePersonNamedLastBeforeIt) {
  Run("I met Tomas Brandt at noon. Later Tomas Weber gave a demo. Tomas was great.");
  EXPECT_EQ(NodeIdsOfType("PERSON"), (Strings{"person:tomas-brandt", "person:tomas-weber"}));
  for (const auto &n : dg_.nodes) {
    if (n.id == "person:tomas-weber") {
      EXPECT_EQ(n.aliases, (Strings{"Tomas"}));
    }
  }
}

TEST_F(ResolveTest, NoEventMeansNoPartOf) {
  Run("Anna Keller's keynote was great. I enjoyed it. We clapped.");
  EXPECT_EQ(TypedEdges(), (Strings{"person:anna-keller -speaker_of-> talk:anna-keller-s-keynote"}));
}

// --- co-occurrence -------------------------------------------------------------------------------

TEST_F(ResolveTest, CoOccurrenceWeightCountsSentences) {
  Run("Zo\xC3\xAB \xC3\x85"
      "berg toured Lisbon on Monday. Later Zo\xC3\xAB \xC3\x85"
      "berg saw Lisbon again. Jos\xC3\xA9 N\xC3\xBA\xC3\xB1"
      "ez stayed in Oslo.");
  auto zoe_lisbon = Edges(
      "person:zo\xC3\xAB-\xC3\xA5"
      "berg",
      "co_occurs", "place:lisbon");
  ASSERT_EQ(zoe_lisbon.size(), 1u);
  EXPECT_EQ(zoe_lisbon[0]->props.weight, 2.0);
  EXPECT_TRUE(zoe_lisbon[0]->props.symmetric);
  ASSERT_EQ(zoe_lisbon[0]->props.evidence.size(), 2u);
  // Co-occurrence evidence refers to the sentence (offsets, no copy of its text).
  const Span &second = zoe_lisbon[0]->props.evidence[1];
  EXPECT_EQ(CodePointSubstr(doc_.text, second.start, second.end),
            "Later Zo\xC3\xAB \xC3\x85"
            "berg saw Lisbon again.");
  EXPECT_EQ(second.text, "");
  auto jose_oslo = Edges(
      "person:jos\xC3\xA9-n\xC3\xBA\xC3\xB1"
      "ez",
      "co_occurs", "place:oslo");
  ASSERT_EQ(jose_oslo.size(), 1u);
  EXPECT_EQ(jose_oslo[0]->props.weight, 1.0);
  // Entities of different sentences do not co-occur.
  EXPECT_TRUE(Edges("person:zo\xC3\xAB-\xC3\xA5"
                    "berg",
                    "co_occurs", "place:oslo")
                  .empty());
  EXPECT_TRUE(Edges("place:lisbon", "co_occurs", "place:oslo").empty());
}

TEST_F(ResolveTest, CoOccurrenceIsStoredOncePerPair) {
  Run("Zo\xC3\xAB \xC3\x85"
      "berg toured Lisbon on Monday. Later Zo\xC3\xAB \xC3\x85"
      "berg saw Lisbon again.");
  int count = 0;
  for (const DocumentGraph::Edge &e : dg_.edges) count += e.props.relation == "co_occurs";
  EXPECT_EQ(count, 1);
}

// --- spans and ids -------------------------------------------------------------------------------

TEST_F(ResolveTest, SpansAreCodePointOffsetsIntoTheText) {
  Run("Zo\xC3\xAB \xC3\x85"
      "berg toured Lisbon on Monday. Jos\xC3\xA9 N\xC3\xBA\xC3\xB1"
      "ez met Zo\xC3\xAB \xC3\x85"
      "berg in Oslo. \xE2\x80\x9CWe\xE2\x80\x9D loved it.");
  ASSERT_FALSE(dg_.edges.empty());
  int spans = 0;
  for (const NodeProps &n : dg_.nodes) {
    for (const Span &m : n.mentions) {
      EXPECT_EQ(m.doc, "report.txt");
      EXPECT_EQ(CodePointSubstr(doc_.text, m.start, m.end), m.text) << n.id;
      EXPECT_FALSE(m.rule.empty()) << n.id;
      ++spans;
    }
  }
  for (const DocumentGraph::Edge &e : dg_.edges) {
    for (const Span &ev : e.props.evidence) {
      // Co-occurrence evidence is a reference: offsets without the text.
      EXPECT_EQ(e.props.relation == "co_occurs" ? "" : CodePointSubstr(doc_.text, ev.start, ev.end),
                ev.text)
          << e.props.relation;
      EXPECT_FALSE(ev.rule.empty()) << e.props.relation;
      ++spans;
    }
  }
  EXPECT_GE(spans, 6);
  // The second sentence starts at code point 35 (byte 37): the evidence of
  // "met" is it.
  auto met = Edges(
      "person:jos\xC3\xA9-n\xC3\xBA\xC3\xB1"
      "ez",
      "met",
      "person:zo\xC3\xAB-\xC3\xA5"
      "berg");
  ASSERT_EQ(met.size(), 1u);
  ASSERT_EQ(met[0]->props.evidence.size(), 1u);
  const Span &ev = met[0]->props.evidence[0];
  EXPECT_EQ(ev.text,
            "Jos\xC3\xA9 N\xC3\xBA\xC3\xB1"
            "ez met Zo\xC3\xAB \xC3\x85"
            "berg in Oslo.");
  EXPECT_EQ(ev.start, 35u);
  EXPECT_EQ(ev.end, 68u);
  EXPECT_EQ(ev.rule, "person_met_person");
}

TEST_F(ResolveTest, EvidenceIsTheWholeSentence) {
  Run("Tomas Brandt hails from Kenya. He works at Quillfeather Labs.");
  auto from = Edges("person:tomas-brandt", "from", "place:kenya");
  ASSERT_EQ(from.size(), 1u);
  ASSERT_EQ(from[0]->props.evidence.size(), 1u);
  const Span &ev = from[0]->props.evidence[0];
  EXPECT_EQ(ev.text, "Tomas Brandt hails from Kenya.");
  EXPECT_EQ(ev.start, 0u);
  EXPECT_EQ(ev.end, 30u);
  EXPECT_EQ(ev.rule, "who_hails_from");
  EXPECT_EQ(ev.doc, "report.txt");
}

TEST_F(ResolveTest, NodeIdsAreSlugsOfTypeAndLabel) {
  Run("Zo\xC3\xAB \xC3\x85"
      "berg from Quillfeather Labs toured the Harbour Convention Center in "
      "Lisbon during RustConf 2026. I met her. We talked.");
  EXPECT_EQ(NodeIds(),
            (Strings{"event:rustconf-2026", "org:quillfeather-labs", "person:narrator-report-txt",
                     "person:zo\xC3\xAB-\xC3\xA5"
                     "berg",
                     "place:harbour-convention-center", "place:lisbon"}));
  for (const NodeProps &n : dg_.nodes) {
    if (n.narrator) continue;
    EXPECT_EQ(n.id, NodeId(n.type, n.label));
  }
  const NodeProps *venue = Node("place:harbour-convention-center");
  ASSERT_NE(venue, nullptr);
  EXPECT_EQ(venue->subtype, "venue");
  const NodeProps *city = Node("place:lisbon");
  ASSERT_NE(city, nullptr);
  EXPECT_EQ(city->subtype, "city");
}

TEST_F(ResolveTest, EmptyDocumentGivesAnEmptyGraph) {
  Run("");
  EXPECT_EQ(dg_.doc, "report.txt");
  EXPECT_TRUE(dg_.nodes.empty());
  EXPECT_TRUE(dg_.edges.empty());
}

TEST_F(ResolveTest, APersonHasOneRoleInATalkTheMostSpecific) {
  // "panel ... by X" reads as a speaker; "moderated by X" as a moderator: X moderated.
  Run("We joined a panel about open data, moderated by Ines Moreau. On the panel were Tomas "
      "Brandt and Lena Okafor.");
  const std::string talk = "talk:panel-about-open-data";
  ASSERT_NE(Node(talk), nullptr);
  EXPECT_EQ(Edges("person:ines-moreau", "moderator_of", talk).size(), 1u);
  EXPECT_TRUE(Edges("person:ines-moreau", "speaker_of", talk).empty());
  EXPECT_TRUE(Edges("person:ines-moreau", "panelist_of", talk).empty());
  EXPECT_EQ(Edges("person:tomas-brandt", "panelist_of", talk).size(), 1u);
  EXPECT_EQ(Edges("person:lena-okafor", "panelist_of", talk).size(), 1u);
}

TEST_F(ResolveTest, WhoSpeaksOnAPanelSitsOnIt) {
  Run("Amara Osei's panel, \"Research With Us\", was moderated by Ida Holm.");
  const std::string talk = "talk:research-with-us";
  ASSERT_NE(Node(talk), nullptr);
  EXPECT_EQ(Edges("person:amara-osei", "panelist_of", talk).size(), 1u);
  EXPECT_TRUE(Edges("person:amara-osei", "speaker_of", talk).empty());
  EXPECT_EQ(Edges("person:ida-holm", "moderator_of", talk).size(), 1u);
}

TEST_F(ResolveTest, ColleaguesBelongToTheNarratorsOrganisation) {
  Run("I work at Quillfeather Labs. Ida Holm, our producer, ran the booth with my colleague "
      "Tomas Brandt.");
  EXPECT_EQ(Edges("person:ida-holm", "affiliated_with", "org:quillfeather-labs").size(), 1u);
  EXPECT_EQ(Edges("person:tomas-brandt", "affiliated_with", "org:quillfeather-labs").size(), 1u);
}

TEST_F(ResolveTest, ANameMisspeltByOneLetterIsTheSameEntity) {
  Run("I attended RustConf Berlin. At RustConf Berlin I met Anna Keller. Later Anna Kellr "
      "spoke. Next year RustConf 2026 and RustConf 2025 follow.");
  EXPECT_NE(Node("person:anna-keller"), nullptr);
  EXPECT_EQ(Node("person:anna-kellr"), nullptr);
  const NodeProps *anna = Node("person:anna-keller");
  ASSERT_NE(anna, nullptr);
  EXPECT_NE(std::find(anna->aliases.begin(), anna->aliases.end(), "Anna Kellr"),
            anna->aliases.end());
  // Years are not typos: two editions stay two events.
  EXPECT_NE(Node("event:rustconf-2026"), nullptr);
  EXPECT_NE(Node("event:rustconf-2025"), nullptr);
}

}  // namespace
}  // namespace kg

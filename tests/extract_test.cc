// Tests for extractors/extract.h (stage 3): RuleSet::Load on the real data/
// directory and on broken copies of it, and Extract on small invented texts
// (exact mentions and relation candidates).
#include "extractors/extract.h"

#include <gtest/gtest.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/text.h"
#include "tests/test_rules.h"

namespace kg {
namespace {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;

using testing::Rules;

// "PERSON 'Maria Lopez' [6,17)", "PLACE.city 'Lisbon' [23,29)": type, subtype,
// text and code point span of a mention, so one comparison shows every
// difference.
std::string Describe(const Mention &m) {
  std::ostringstream os;
  os << EntityTypeName(m.type);
  if (!m.subtype.empty()) os << "." << m.subtype;
  os << " '" << m.text << "' [" << m.cp_begin << "," << m.cp_end << ")";
  return os.str();
}

class ExtractTest : public ::testing::Test {
 protected:
  const Extraction &Run(std::string text) {
    doc_.id = "report.txt";
    doc_.text = std::move(text);
    td_ = tokenizer_.Tokenize(doc_);
    ex_ = Extract(td_, Rules());
    return ex_;
  }

  Strings Mentions() const {
    Strings out;
    for (const Mention &m : ex_.mentions) out.push_back(Describe(m));
    return out;
  }

  std::string Endpoint(int32_t e) const {
    if (e == kNarrator) return "@narrator";
    if (e == kMainEvent) return "@main_event";
    if (e == kNearestTalk) return "@nearest_talk";
    if (e == kNarratorOrg) return "@narrator_org";
    if (e < 0 || static_cast<size_t>(e) >= ex_.mentions.size())
      return "<bad " + std::to_string(e) + ">";
    return ex_.mentions[static_cast<size_t>(e)].text;
  }

  // "met @narrator -> Maria Lopez", "affiliated_with Lena Okafor -> Saltmarsh
  // Systems [CTO]", sorted, so the order in which rules fire does not matter.
  Strings Relations() const {
    Strings out;
    for (const RelationCandidate &r : ex_.relations) {
      std::string d = r.relation + " " + Endpoint(r.subject) + " -> " + Endpoint(r.object);
      if (!r.role.empty()) d += " [" + r.role + "]";
      out.push_back(d);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  // The TALK mentions' texts in document order, each with " <rule>" when `with_rule`.
  Strings Talks(bool with_rule = false) const {
    Strings out;
    for (const Mention &m : ex_.mentions) {
      if (m.type == EntityType::kTalk)
        out.push_back(with_rule ? m.text + " <" + m.rule + ">" : m.text);
    }
    return out;
  }

  // The rule recorded on the first mention whose text is `text`.
  std::string RuleOf(std::string_view text) const {
    for (const Mention &m : ex_.mentions) {
      if (m.text == text) return m.rule;
    }
    return "<no mention '" + std::string(text) + "'>";
  }

  Tokenizer tokenizer_{Rules().tokenizer_lexicon()};
  Document doc_;
  TokenizedDocument td_;
  Extraction ex_;
};

// --- entity mentions -----------------------------------------------------------------------------

TEST_F(ExtractTest, PersonByGivenNameOrgBySuffixEventAndCountry) {
  Run("I met Maria Lopez from Quillfeather Labs at RustConf 2026 in Kenya.");
  EXPECT_EQ(Mentions(),
            (Strings{"PERSON 'Maria Lopez' [6,17)", "ORG 'Quillfeather Labs' [23,40)",
                     "EVENT 'RustConf 2026' [44,57)", "PLACE.country 'Kenya' [61,66)"}));
  EXPECT_EQ(RuleOf("Quillfeather Labs"), "org_suffix");
  EXPECT_EQ(RuleOf("Kenya"), "gazetteer:countries");
  EXPECT_EQ(Relations(),
            (Strings{"affiliated_with Maria Lopez -> Quillfeather Labs",
                     "held_at RustConf 2026 -> Kenya", "met @narrator -> Maria Lopez"}));
  ASSERT_EQ(ex_.mentions.size(), 4u);
  for (const Mention &m : ex_.mentions) EXPECT_EQ(m.sentence, 0u);
  // Byte spans slice the document to the mention's text.
  const Mention &org = ex_.mentions[1];
  EXPECT_EQ(doc_.text.substr(org.begin, org.end - org.begin), "Quillfeather Labs");
}

TEST_F(ExtractTest, CitiesFromTheGazetteerWithCanonicalName) {
  Run("We visited Nairobi and Lisbon last week.");
  EXPECT_EQ(Mentions(), (Strings{"PLACE.city 'Nairobi' [11,18)", "PLACE.city 'Lisbon' [23,29)"}));
  EXPECT_EQ(RuleOf("Lisbon"), "gazetteer:cities");
  ASSERT_EQ(ex_.mentions.size(), 2u);
  EXPECT_EQ(ex_.mentions[1].canonical, "Lisbon");
}

TEST_F(ExtractTest, CodePointOffsetsCountNonAsciiText) {
  // "Zoë and José visited Lisbon." : the city starts at byte 23 but code
  // point 21.
  Run("Zo\xC3\xAB and Jos\xC3\xA9 visited Lisbon.");
  ASSERT_FALSE(ex_.mentions.empty());
  const Mention &city = ex_.mentions.back();
  EXPECT_EQ(Describe(city), "PLACE.city 'Lisbon' [21,27)");
  EXPECT_EQ(city.begin, 23u);
  EXPECT_EQ(city.end, 29u);
}

TEST_F(ExtractTest, VenueBySuffixHeldAtMainEventAndLocatedIn) {
  Run("The conference was held at the Harbour Convention Center in Lisbon.");
  EXPECT_EQ(Mentions(), (Strings{"PLACE.venue 'Harbour Convention Center' [31,56)",
                                 "PLACE.city 'Lisbon' [60,66)"}));
  EXPECT_EQ(Relations(), (Strings{"held_at @main_event -> Harbour Convention Center",
                                  "located_in Harbour Convention Center -> Lisbon"}));
}

TEST_F(ExtractTest, EventByConSuffixAndNarratorAttended) {
  Run("I attended DataFest in Lisbon. I loved it.");
  EXPECT_EQ(Mentions(), (Strings{"EVENT 'DataFest' [11,19)", "PLACE.city 'Lisbon' [23,29)"}));
  EXPECT_EQ(RuleOf("DataFest"), "event_con_word");
  // Two rules read the one statement of held_at: one candidate (a weight counts statements).
  EXPECT_EQ(Relations(), (Strings{"attended @narrator -> DataFest", "held_at DataFest -> Lisbon"}));
  EXPECT_TRUE(ex_.has_narrator);
}

// "DataCon23" (the year in the word) and "Lisbon Python Meetup #31" (an edition number) are
// whole event names.
TEST_F(ExtractTest, EventNamesWithAYearInTheWordOrAnEditionNumber) {
  Run("I went to DataCon23 in Porto. The Lisbon Python Meetup #31 was packed.");
  EXPECT_EQ(Mentions(), (Strings{"EVENT 'DataCon23' [10,19)", "PLACE.city 'Porto' [23,28)",
                                 "EVENT 'Lisbon Python Meetup #31' [34,58)"}));
}

// "Porto University's Sea Campus": the institution owns the venue; neither is the other's name.
TEST_F(ExtractTest, InstitutionsPossessiveBeforeAVenueIsItsOwner) {
  Run("DataFest 2026 was held at Porto University's Sea Campus in May.");
  EXPECT_EQ(Mentions(), (Strings{"EVENT 'DataFest 2026' [0,13)", "ORG 'Porto University' [26,42)",
                                 "PLACE.venue 'Sea Campus' [45,55)"}));
  EXPECT_EQ(Relations(), (Strings{"held_at DataFest 2026 -> Sea Campus"}));
}

// "Maybe 2026 is the year": a discourse word before a year names no event.
TEST_F(ExtractTest, DiscourseWordBeforeAYearIsNoEvent) {
  Run("I went to DataFest 2026 in Porto. Maybe 2027 is the year it grows.");
  EXPECT_EQ(Mentions(), (Strings{"EVENT 'DataFest 2026' [10,23)", "PLACE.city 'Porto' [27,32)"}));
}

// "(Kasaba Pay, Istanbul)" after a speaker, in a programme line or in prose: the organisation
// and its city, not one name.
TEST_F(ExtractTest, OrganisationAndItsCityInBracketsAfterASpeaker) {
  Run("* \"Errors Are UX\" - Ida Holm (Kasaba Pay, Istanbul).\n\nTomas Brandt (Lumo Data, "
      "Lisbon) spoke.\n");
  EXPECT_EQ(Relations(),
            (Strings{"affiliated_with Ida Holm -> Kasaba Pay",
                     "affiliated_with Tomas Brandt -> Lumo Data", "located_in Lumo Data -> Lisbon",
                     "speaker_of Ida Holm -> Errors Are UX"}));
}

// "Anna Keller from Tarnby Chartered and Ida Holm": the name after "from" is where she works,
// not a third person in the list.
TEST_F(ExtractTest, NameAfterAPersonsFromIsAnOrganisationNotAListMember) {
  Run("Anna Keller from Tarnby Chartered and Ida Holm of Kestrel Labs started the panel.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Anna Keller' [0,11)", "ORG 'Tarnby Chartered' [17,33)",
                                 "PERSON 'Ida Holm' [38,46)", "ORG 'Kestrel Labs' [50,62)"}));
}

// "the University of Lumeno's Data Science Institute": two organisations, the owner and its
// institute, and the person is in both.
TEST_F(ExtractTest, OrganisationsPossessiveBeforeAnotherOrganisationIsItsOwner) {
  Run("Ida Holm from the University of Lumeno's Data Science Institute spoke.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Ida Holm' [0,8)", "ORG 'University of Lumeno' [18,38)",
                                 "ORG 'Data Science Institute' [41,63)"}));
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Ida Holm -> Data Science Institute",
                                  "affiliated_with Ida Holm -> University of Lumeno"}));
}

TEST_F(ExtractTest, ThirdPersonTextHasNoNarrator) {
  Run("Maria Lopez works at Quillfeather Labs. She attended DataFest.");
  EXPECT_FALSE(ex_.has_narrator);
  // "She" is Maria Lopez, the one person named before.
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Maria Lopez -> Quillfeather Labs",
                                  "attended Maria Lopez -> DataFest"}));
}

TEST_F(ExtractTest, TalkByTitleKeywordTakesItsKind) {
  Run("The Compiler Workshop was packed.");
  EXPECT_EQ(Mentions(), (Strings{"TALK.workshop 'Compiler Workshop' [4,21)"}));
  EXPECT_EQ(RuleOf("Compiler Workshop"), "talk_keyword");
}

TEST_F(ExtractTest, QuotedKeynoteTitleWithSpeaker) {
  Run("The keynote titled \xE2\x80\x9CGrowing Tomatoes on Mars\xE2\x80\x9D by "
      "Ines Varga "
      "opened the day.");
  EXPECT_EQ(Mentions(), (Strings{"TALK.keynote 'Growing Tomatoes on Mars' [20,44)",
                                 "PERSON 'Ines Varga' [49,59)"}));
  EXPECT_EQ(RuleOf("Growing Tomatoes on Mars"), "talk_titled");
  EXPECT_EQ(Relations(), (Strings{"speaker_of Ines Varga -> Growing Tomatoes on Mars"}));
}

TEST_F(ExtractTest, PossessiveKeynoteIsATalkSpokenByThePerson) {
  Run("Anna Keller's keynote was great.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Anna Keller' [0,11)",
                                 "TALK.keynote 'Anna Keller's keynote' [0,21)"}));
  EXPECT_EQ(Relations(), (Strings{"speaker_of Anna Keller -> Anna Keller's keynote"}));
}

TEST_F(ExtractTest, PersonListInContextTypesEveryMember) {
  Run("I met Anna Keller, Tomas Brandt and Ines at the booth.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Anna Keller' [6,17)", "PERSON 'Tomas Brandt' [19,31)",
                                 "PERSON 'Ines' [36,40)"}));
  EXPECT_EQ(Relations(), (Strings{"met @narrator -> Anna Keller", "met @narrator -> Ines",
                                  "met @narrator -> Tomas Brandt"}));
}

TEST_F(ExtractTest, AppositiveRoleGivesAffiliationWithRole) {
  Run("Lena Okafor, the CTO of Saltmarsh Systems, gave a demo.");
  EXPECT_EQ(Mentions(),
            (Strings{"PERSON 'Lena Okafor' [0,11)", "ORG 'Saltmarsh Systems' [24,41)"}));
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Lena Okafor -> Saltmarsh Systems [CTO]"}));
}

// "Park" is a common family name, and "Jun" a given name: the appositive ", the
// CTO of" makes "Jun Park" a person, not a venue (the chunk rule venue_suffix, …Park).
TEST_F(ExtractTest, GivenNamePlusParkWithRoleIsAPerson) {
  Run("Jun Park, the CTO of Saltmarsh Systems, gave a demo.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Jun Park' [0,8)", "ORG 'Saltmarsh Systems' [21,38)"}));
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Jun Park -> Saltmarsh Systems [CTO]"}));
}

// The same name as the object of "met": today PLACE.venue 'Jun Park' and no met
// candidate.
TEST_F(ExtractTest, GivenNamePlusParkMetByNarratorIsAPerson) {
  Run("I met Jun Park at the party. We had fun.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Jun Park' [6,14)"}));
  EXPECT_EQ(Relations(), (Strings{"met @narrator -> Jun Park"}));
}

// "for" joins names ("Institute for Space Studies"), but two gazetteer cities
// around it are two places, not one candidate "Lisbon for Oslo".
TEST_F(ExtractTest, ConnectorBetweenTwoCitiesDoesNotMergeThem) {
  Run("She left Lisbon for Oslo.");
  EXPECT_EQ(Mentions(), (Strings{"PLACE.city 'Lisbon' [9,15)", "PLACE.city 'Oslo' [20,24)"}));
}

// "of" joins names ("University of Ghana"), but a person's name followed by
// "of" and an organisation is a person and an organisation, not one ORG mention
// "Maria Lopez of Quillfeather Labs" (org_suffix).
TEST_F(ExtractTest, PersonOfOrgIsTwoMentions) {
  Run("Maria Lopez of Quillfeather Labs spoke.");
  EXPECT_EQ(Mentions(),
            (Strings{"PERSON 'Maria Lopez' [0,11)", "ORG 'Quillfeather Labs' [15,32)"}));
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Maria Lopez -> Quillfeather Labs"}));
}

TEST_F(ExtractTest, HailsFromCountry) {
  Run("Tomas Brandt hails from Kenya.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Tomas Brandt' [0,12)", "PLACE.country 'Kenya' [24,29)"}));
  EXPECT_EQ(Relations(), (Strings{"from Tomas Brandt -> Kenya"}));
}

TEST_F(ExtractTest, PanelistsAndModeratorGoToTheNearestTalk) {
  Run("The Observability Panel was fun. The panelists were Anna Keller and "
      "Tomas Brandt. "
      "It was moderated by Ravi Menon.");
  EXPECT_EQ(Mentions(),
            (Strings{"TALK.panel 'Observability Panel' [4,23)", "PERSON 'Anna Keller' [52,63)",
                     "PERSON 'Tomas Brandt' [68,80)", "PERSON 'Ravi Menon' [102,112)"}));
  EXPECT_EQ(Relations(), (Strings{"moderator_of Ravi Menon -> @nearest_talk",
                                  "panelist_of Anna Keller -> @nearest_talk",
                                  "panelist_of Tomas Brandt -> @nearest_talk"}));
  ASSERT_EQ(ex_.mentions.size(), 4u);
  EXPECT_EQ(ex_.mentions[0].sentence, 0u);
  EXPECT_EQ(ex_.mentions[3].sentence, 2u);
  for (const RelationCandidate &r : ex_.relations) {
    EXPECT_EQ(r.sentence, r.relation == "moderator_of" ? 2u : 1u) << r.relation;
  }
}

// Relations of one kind among a sentence's candidates, sorted.
Strings Only(const Strings &relations, std::string_view kind) {
  Strings out;
  for (const std::string &r : relations) {
    if (r.starts_with(kind)) out.push_back(r);
  }
  return out;
}

// A list of people goes on past a member's organisation: every member is met, each keeps
// only the organisation named with them.
TEST_F(ExtractTest, PeopleListGoesOnPastEachMembersOrganisation) {
  Run("At the party I met Ivan Petrov from JetBrains and Maria Lopez from Red Hat.");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Ivan Petrov -> JetBrains",
                                  "affiliated_with Maria Lopez -> Red Hat",
                                  "met @narrator -> Ivan Petrov", "met @narrator -> Maria Lopez"}));
}

// "A (Acme), B from Initech, and C": the organisation after B is not A's, who has one in
// brackets; the panel's list takes all three.
TEST_F(ExtractTest, PanelListWithAsidesKeepsEachAffiliationWithItsMember) {
  Run("The Observability Panel was fun. The panelists were Anna Keller (Saltmarsh Systems), "
      "Tomas Brandt from Quillfeather Labs, and Lena Okafor.");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Anna Keller -> Saltmarsh Systems",
                                  "affiliated_with Tomas Brandt -> Quillfeather Labs",
                                  "panelist_of Anna Keller -> @nearest_talk",
                                  "panelist_of Lena Okafor -> @nearest_talk",
                                  "panelist_of Tomas Brandt -> @nearest_talk"}));
}

TEST_F(ExtractTest, PanelThatBroughtTogetherItsPanelists) {
  Run("The closing panel, \"Why Gardens Need Data\", brought together Anna Keller from "
      "Saltmarsh Systems and Tomas Brandt.");
  EXPECT_EQ(Only(Relations(), "panelist_of"),
            (Strings{"panelist_of Anna Keller -> Why Gardens Need Data",
                     "panelist_of Tomas Brandt -> Why Gardens Need Data"}));
}

TEST_F(ExtractTest, EventDescribedInAppositionThenWhereItIsHeld) {
  Run("I went to DataFest 2026, a two-day conference on open data held at the Harbour "
      "Convention Center.");
  EXPECT_EQ(Only(Relations(), "held_at"),
            (Strings{"held_at DataFest 2026 -> Harbour Convention Center"}));
}

TEST_F(ExtractTest, PersonWhoOrganizesAnEvent) {
  Run("I chatted with Anna Keller, who organizes DataFest 2026, and with Tomas Brandt, one of "
      "the organizers of RustConf 2026.");
  EXPECT_EQ(Only(Relations(), "organized"), (Strings{"organized Anna Keller -> DataFest 2026",
                                                     "organized Tomas Brandt -> RustConf 2026"}));
}

TEST_F(ExtractTest, FeedbackFromSomeoneAfterATalkIsNoSpeaker) {
  Run("On Friday I gave a short talk, \"Why Gardens Need Data\", and got kind feedback from "
      "Anna Keller.");
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of @narrator -> Why Gardens Need Data"}));
  Run("The best talk was \"Why Gardens Need Data\" from Anna Keller.");
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Anna Keller -> Why Gardens Need Data"}));
}

TEST_F(ExtractTest, NarratorSpentDaysInACityForTheEvent) {
  Run("In May I spent four days in Lisbon for DataFest 2026.");
  EXPECT_EQ(Only(Relations(), "held_at"), (Strings{"held_at DataFest 2026 -> Lisbon"}));
}

TEST_F(ExtractTest, ConferenceThatTookPlaceAndWasOrganisedByAnOrganisation) {
  Run("The conference took place at the Harbour Convention Center and was organised by "
      "Quillfeather Labs.");
  EXPECT_EQ(Only(Relations(), "organized"),
            (Strings{"organized Quillfeather Labs -> @main_event"}));
}

// "Services" makes an organisation of a name, but after "a workshop called" it is the title.
TEST_F(ExtractTest, TitleAfterCalledWinsOverAnOrganisationsWords) {
  Run("Then I joined a workshop called Scaling Data Services, run by Anna Keller.");
  EXPECT_EQ(Mentions(), (Strings{"TALK.workshop 'Scaling Data Services' [32,53)",
                                 "PERSON 'Anna Keller' [62,73)"}));
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Anna Keller -> @nearest_talk",
                     "speaker_of Anna Keller -> Scaling Data Services"}));
}

TEST_F(ExtractTest, PeopleRanAHyphenatedKindOfTalk) {
  Run("Next, Anna Keller and Tomas Brandt ran a hands-on tutorial on Rust.");
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Anna Keller -> tutorial on Rust",
                     "speaker_of Tomas Brandt -> tutorial on Rust"}));
}

TEST_F(ExtractTest, ModeratedByMyFriend) {
  Run("The Observability Panel was fun. It was moderated by my friend Ravi Menon.");
  EXPECT_EQ(Relations(), (Strings{"moderator_of Ravi Menon -> @nearest_talk",
                                  "related_to Ravi Menon -> @narrator"}));
}

TEST_F(ExtractTest, PersonWhoGaveTheNarratorAdviceHelped) {
  Run("Shout-out to Anna Keller of Saltmarsh Systems, who gave me great advice on my first "
      "proposal.");
  EXPECT_EQ(Only(Relations(), "helped"), (Strings{"helped Anna Keller -> @narrator"}));
}

// An unknown one-word name after "head of <field> at" is an organisation.
TEST_F(ExtractTest, RoleOfAFieldAtAnOrganisation) {
  Run("The first keynote was given by Anna Keller, head of data science at Kivuko.");
  EXPECT_EQ(RuleOf("Kivuko"), "org_role_of_field_at");
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Anna Keller -> Kivuko [head]"}));
}

TEST_F(ExtractTest, TwoRolesOfOnePersonAtAnOrganisation) {
  Run("Anna Keller, co-founder and CTO of Saltmarsh Systems, opened the day.");
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Anna Keller -> Saltmarsh Systems [co-founder]"}));
}

TEST_F(ExtractTest, HostedByAnOrganisationThenTheEvent) {
  Run("Hosted by Quillfeather Labs, DataFest 2026 returns to Lisbon.");
  EXPECT_EQ(Only(Relations(), "organized"),
            (Strings{"organized Quillfeather Labs -> DataFest 2026"}));
}

// "the closing keynote titled 'T'": the person gave T, and the keynote is T (no unnamed
// "closing keynote" beside it).
TEST_F(ExtractTest, PersonDeliveredAKindOfTalkTitledSo) {
  Run("Anna Keller delivered the closing keynote titled 'Why Gardens Need Data'.");
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Anna Keller -> Why Gardens Need Data"}));
}

TEST_F(ExtractTest, ConferenceChairOrganisesAndASessionChairModerates) {
  Run("In her opening remarks, conference chair Anna Keller welcomed everyone.");
  EXPECT_EQ(Relations(), (Strings{"organized Anna Keller -> @main_event"}));
  Run("The Observability Panel was fun. Our session chair Ravi Menon kept time.");
  EXPECT_EQ(Relations(), (Strings{"moderator_of Ravi Menon -> @nearest_talk"}));
}

TEST_F(ExtractTest, AnAdjectiveBeforeTheEventOrganisedByOrganisations) {
  Run("The one-day conference was organized by Quillfeather Labs in partnership with "
      "Saltmarsh Systems.");
  EXPECT_EQ(Relations(), (Strings{"organized Quillfeather Labs -> @main_event",
                                  "organized Saltmarsh Systems -> @main_event"}));
}

TEST_F(ExtractTest, PanelDiscussionOnATopic) {
  Run("A panel discussion on careers featured Anna Keller and Tomas Brandt.");
  EXPECT_EQ(Mentions(), (Strings{"TALK.panel 'panel discussion on careers' [2,29)",
                                 "PERSON 'Anna Keller' [39,50)", "PERSON 'Tomas Brandt' [55,67)"}));
}

// "our mentor from X, Person,": X is the mentor's organisation, not a person of a list.
TEST_F(ExtractTest, MentorFromAnOrganisationNamedAfterIt) {
  Run("Our mentor from Kivuko Re, Daniel Meier, gave us great feedback all night.");
  EXPECT_EQ(RuleOf("Kivuko Re"), "org_people_from");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Daniel Meier -> Kivuko Re",
                                  "helped Daniel Meier -> @narrator"}));
}

TEST_F(ExtractTest, ListOfPeopleAllStudentsAtAnOrganisation) {
  Run("Our team was Elena Rossi, Marco Bianchi and me, all students at ETH Zurich.");
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with @narrator -> ETH Zurich",
                     "affiliated_with Elena Rossi -> ETH Zurich",
                     "affiliated_with Marco Bianchi -> ETH Zurich"}));
}

// Working on something at an organisation is working there; working on what an
// organisation posed is not.
TEST_F(ExtractTest, NarratorWorksOnSomethingAtAnOrganisation) {
  Run("These days I am mostly working on data pipelines at Quillfeather Labs.");
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with @narrator -> Quillfeather Labs"}));
  Run("We worked on the challenge posed by Quillfeather Labs.");
  EXPECT_EQ(Only(Relations(), "affiliated_with"), Strings{});
}

TEST_F(ExtractTest, PersonAndNarratorCoPresentedATalk) {
  Run("Anna Keller and I co-presented a workshop on garden sensors.");
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of @narrator -> workshop on garden sensors",
                     "speaker_of Anna Keller -> workshop on garden sensors"}));
}

TEST_F(ExtractTest, HerWorkAtAnOrganisationAfterTheNarrator) {
  Run("On the last day I met Anna Keller again and we discussed her work at Saltmarsh Systems.");
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Anna Keller -> Saltmarsh Systems"}));
}

// "I'm", "we've": a contraction of the narrator's pronoun is the narrator.
TEST_F(ExtractTest, NarratorContractionIsTheNarrator) {
  Run("I’m a frontend developer at Quillfeather Labs, and I've met Anna Keller.");
  EXPECT_TRUE(ex_.has_narrator);
  EXPECT_EQ(Relations(), (Strings{"affiliated_with @narrator -> Quillfeather Labs [developer]",
                                  "met @narrator -> Anna Keller"}));
}

// "VP of Engineering at Kivuko": Engineering is the field, Kivuko the organisation.
TEST_F(ExtractTest, RoleOfADepartmentAtAnOrganisation) {
  Run("Then Anna Keller, VP of Engineering at Kivuko, gave the keynote.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Anna Keller' [5,16)", "ORG 'Kivuko' [39,45)"}));
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Anna Keller -> Kivuko [VP]"}));
}

TEST_F(ExtractTest, SponsorThankedIsAnOrganisationAndTheOrganisersAreNamedAfter) {
  Run("I am grateful to Kivuko for sponsoring my ticket.");
  EXPECT_EQ(RuleOf("Kivuko"), "org_thanked_for_sponsoring");
  Run("Thanks to Anna Keller for the tips and to the organizers, Tomas Brandt and Lena Okafor.");
  EXPECT_EQ(Only(Relations(), "organized"), (Strings{"organized Lena Okafor -> @main_event",
                                                     "organized Tomas Brandt -> @main_event"}));
}

TEST_F(ExtractTest, SatNextToSomeoneWhoChairsAnOrganisationsBoard) {
  Run("At dinner I sat next to Anna Keller, who chairs the Saltmarsh Foundation board.");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Anna Keller -> Saltmarsh Foundation",
                                  "met @narrator -> Anna Keller"}));
}

TEST_F(ExtractTest, ThanksToAnOrganisationAndInParticularToPeople) {
  Run("Thanks to the Saltmarsh Foundation and all volunteers, in particular Anna Keller and "
      "Tomas Brandt.");
  EXPECT_EQ(Only(Relations(), "thanked"), (Strings{"thanked @narrator -> Anna Keller",
                                                   "thanked @narrator -> Saltmarsh Foundation",
                                                   "thanked @narrator -> Tomas Brandt"}));
}

TEST_F(ExtractTest, TookTheTrainToACityForTheEvent) {
  Run("Like every spring, I took the train to Lisbon for DataFest 2026.");
  EXPECT_EQ(Only(Relations(), "held_at"), (Strings{"held_at DataFest 2026 -> Lisbon"}));
}

TEST_F(ExtractTest, PossessiveTalkOnATopicThenItsTitle) {
  Run("The best talk for me was Anna Keller's session on soil sensors, titled \"No Soil, No "
      "Data\".");
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Anna Keller -> Anna Keller's session",
                     "speaker_of Anna Keller -> No Soil, No Data"}));
}

TEST_F(ExtractTest, NarratorDidSomethingLongAndThenMetSomeone) {
  Run("On Sunday I gave a lightning talk about reproducible garden sensors and met Anna Keller "
      "afterwards.");
  EXPECT_EQ(Only(Relations(), "met"), (Strings{"met @narrator -> Anna Keller"}));
}

// The second verb's subject is the narrator, past the people of the first verb.
TEST_F(ExtractTest, NarratorsSecondVerbPastThePeopleOfTheFirstMeetsSomeone) {
  Run("I spoke with Mira Sato and then had lunch with Erik Moen. I wrote up my notes on the "
      "train home and afterwards met Lena Ortiz.");
  EXPECT_EQ(Only(Relations(), "met"),
            (Strings{"met @narrator -> Erik Moen", "met @narrator -> Lena Ortiz",
                     "met @narrator -> Mira Sato"}));
}

// "is CTO at", "serves as treasurer of", "is Head of Data at": a role without an article.
TEST_F(ExtractTest, RoleWithoutAnArticleGivesTheAffiliation) {
  Run("Samuel Okafor is CTO at Quillfeather Labs. Ines Moreau is Head of Data at Saltmarsh "
      "Systems. Tomas Brandt serves as treasurer of the Kivuko Society.");
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Ines Moreau -> Saltmarsh Systems [Head]",
                     "affiliated_with Samuel Okafor -> Quillfeather Labs [CTO]",
                     "affiliated_with Tomas Brandt -> Kivuko Society [treasurer]"}));
}

// A name no list knows between "at the" and "in" a place is a venue there.
TEST_F(ExtractTest, NameAtTheInAPlaceIsAVenue) {
  Run("Fjordcamp 2025 happened on 10 June at the Tidehall in Bergen.");
  EXPECT_EQ(RuleOf("Tidehall"), "venue_at_the_in_place");
  EXPECT_EQ(Only(Relations(), "held_at"), (Strings{"held_at Fjordcamp 2025 -> Tidehall"}));
}

// Names no list knows, typed by what they do: after an opening phrase and its comma, and with
// where they come from between the name and the verb.
TEST_F(ExtractTest, UnknownNameThatPresentsAfterAnOpeningPhraseIsAPerson) {
  Run("After the break, Efe Nwosu presented a new parser. Later that day, Adjoa Quaye from "
      "Tidewater demoed her compiler.");
  EXPECT_EQ(RuleOf("Efe Nwosu"), "person_verb");
  EXPECT_EQ(RuleOf("Adjoa Quaye"), "person_from_somewhere_verb");
}

// A known given name, a connector and a surname is a full name: a weak context ("run by X",
// where X is most often an organisation) does not make it one.
TEST_F(ExtractTest, FullNameWithAConnectorResistsAWeakOrganisationContext) {
  Run("The workshop was run by Anna de Vries.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Anna de Vries' [24,37)"}));
}

// "the volunteers A and B": the people right after the group thanked are thanked, and so are
// the sponsors named after "our sponsors".
TEST_F(ExtractTest, ThanksToAGroupThenItsMembersWithoutAComma) {
  Run("Thanks to our sponsors Tidewater and Kivuko, and to the volunteers Ines Moreau and "
      "Tomas Brandt!");
  EXPECT_EQ(RuleOf("Kivuko"), "org_our_sponsors");
  EXPECT_EQ(Only(Relations(), "thanked"),
            (Strings{"thanked @narrator -> Ines Moreau", "thanked @narrator -> Kivuko",
                     "thanked @narrator -> Tidewater", "thanked @narrator -> Tomas Brandt"}));
}

// A degree is no name ("a PhD candidate"); "de los" joins a name, "for" only after an
// institution's head ("Institute for ...").
TEST_F(ExtractTest, DegreesAreNoNamesAndForJoinsOnlyAnInstitutionsName) {
  Run("Lena Ortiz, PhD candidate at Universidad de los Andes, flew in from Bogota for Kivuko "
      "Labs.");
  EXPECT_EQ(Mentions(),
            (Strings{"PERSON 'Lena Ortiz' [0,10)", "ORG 'Universidad de los Andes' [29,53)",
                     "PLACE.city 'Bogota' [68,74)", "ORG 'Kivuko Labs' [79,90)"}));
}

// "who runs" after a list of people is said of the last one; "who organised", of them all.
TEST_F(ExtractTest, SingularVerbAfterAListOfPeopleOrganisesWithTheLastOnly) {
  Run("We met Ines Moreau and Tomas Brandt, who runs Fjordcamp 2025. Later we met Lena Ortiz "
      "and Erik Moen, who organised Fjordcamp 2025.");
  // ("who organised" also names the report's main event, the same one once resolved.)
  EXPECT_EQ(
      Only(Relations(), "organized"),
      (Strings{"organized Erik Moen -> @main_event", "organized Erik Moen -> Fjordcamp 2025",
               "organized Lena Ortiz -> @main_event", "organized Lena Ortiz -> Fjordcamp 2025",
               "organized Tomas Brandt -> Fjordcamp 2025"}));
}

// "the organiser of the <organisation> meetup" runs another event, not the report's.
TEST_F(ExtractTest, OrganiserOfANamedOrganisationsMeetupDoesNotOrganiseTheMainEvent) {
  Run("At lunch I talked with Ines Moreau, the organiser of the Kivuko Labs meetup. Later I met "
      "Erik Moen, one of the organisers of the conference.");
  EXPECT_EQ(Only(Relations(), "organized"), (Strings{"organized Erik Moen -> @main_event"}));
}

// "X's talk "Title"": one talk, the quoted one, and X its speaker.
TEST_F(ExtractTest, PossessiveTalkThenAQuotedTitleIsOneTalk) {
  Run("I listened to Ines Moreau's talk \"Quiet Queues\" after lunch.");
  EXPECT_EQ(Mentions(),
            (Strings{"PERSON 'Ines Moreau' [14,25)", "TALK.talk 'Quiet Queues' [34,46)"}));
  EXPECT_EQ(Only(Relations(), "speaker_of"), (Strings{"speaker_of Ines Moreau -> Quiet Queues"}));
}

// "to thank the crew, and especially X"; "colleagues from Org: A, B and C" work there.
TEST_F(ExtractTest, ThankingEspeciallySomeoneAndColleaguesOfAnOrganisationListed) {
  Run("I would like to thank the whole crew, and especially Ines Moreau, for the week. I ran "
      "into old colleagues from Kivuko Labs: Erik Moen and Lena Ortiz.");
  EXPECT_EQ(Only(Relations(), "thanked"), (Strings{"thanked @narrator -> Ines Moreau"}));
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Erik Moen -> Kivuko Labs",
                     "affiliated_with Lena Ortiz -> Kivuko Labs"}));
}

// "by" after a talk names its speaker, but not across "and": "A's keynote, and a talk by B".
TEST_F(ExtractTest, TalkByPersonStopsAtAnAnd) {
  Run("I enjoyed Ines Moreau's keynote, and a talk by Erik Moen. The best talk was \"Quiet "
      "Queues\", by Lena Ortiz.");
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Ines Moreau -> Ines Moreau's keynote",
                     "speaker_of Lena Ortiz -> Quiet Queues"}));
}

// "The venue this year was X": the report's event was held there.
TEST_F(ExtractTest, TheVenueThisYearWasAPlace) {
  Run("Fjordcamp 2025 was fun. The venue this year was the Tidehall Conference Centre.");
  EXPECT_EQ(Only(Relations(), "held_at"),
            (Strings{"held_at @main_event -> Tidehall Conference Centre"}));
}

// "the Org folks, among them A and B" work at Org; "held, as always, at the X" names a venue.
TEST_F(ExtractTest, OrganisationsFolksAmongThemAndAVenueHeldAsAlways) {
  Run("I had dinner with the Kivuko Labs folks, among them Ines Moreau and Erik Moen. The "
      "meetup was held as always at the Tidehall.");
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Erik Moen -> Kivuko Labs",
                     "affiliated_with Ines Moreau -> Kivuko Labs"}));
  EXPECT_EQ(RuleOf("Tidehall"), "venue_held_at");
}

// "It's organised by the X association": an organisation, and the organiser of the event.
TEST_F(ExtractTest, ItIsOrganisedByAnAssociation) {
  Run("I went to Fjordcamp 2025 in Bergen. It's organised by the Tidewater association every "
      "spring.");
  EXPECT_EQ(RuleOf("Tidewater"), "org_lowercase_body_tail");
  EXPECT_EQ(Only(Relations(), "organized"), (Strings{"organized Tidewater -> @main_event"}));
}

// A product's name the document names as an employer is the company everywhere in it.
TEST_F(ExtractTest, ProductNamedAsEmployerIsTheCompanyThroughoutTheDocument) {
  Run("I met Ines Moreau, who works at Atlassian. Thanks to Kivuko Labs and Atlassian for "
      "sponsoring.");
  EXPECT_EQ(Only(Relations(), "thanked"),
            (Strings{"thanked @narrator -> Atlassian", "thanked @narrator -> Kivuko Labs"}));
  EXPECT_EQ(RuleOf("Atlassian"), "gazetteer:product_as_employer");
}

// The narrator helps someone: "I helped X set up".
TEST_F(ExtractTest, NarratorHelpedSomeone) {
  Run("At the booth I helped Tomas Brandt install the toolchain.");
  EXPECT_EQ(Only(Relations(), "helped"), (Strings{"helped @narrator -> Tomas Brandt"}));
}

// "had tacos with A and B, both from Org": the narrator met both, and both work at Org.
TEST_F(ExtractTest, MealWithPeopleBothFromAnOrganisation) {
  Run("On Friday I had tacos with Ida Holm and Erik Moen, both from Saltmarsh Systems.");
  EXPECT_EQ(Only(Relations(), "met"),
            (Strings{"met @narrator -> Erik Moen", "met @narrator -> Ida Holm"}));
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Erik Moen -> Saltmarsh Systems",
                     "affiliated_with Ida Holm -> Saltmarsh Systems"}));
}

// A line break inside a sentence (hard-wrapped text) is a space to the rules.
TEST_F(ExtractTest, HardWrappedSentenceMatchesAsOneLine) {
  Run("On Monday morning I took the early train to the venue together with two\n"
      "teammates from Kivuko Labs, Ida Holm and Erik Moen, who had never been to\n"
      "the conference before.");
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with @narrator -> Kivuko Labs",
                     "affiliated_with Erik Moen -> Kivuko Labs",
                     "affiliated_with Ida Holm -> Kivuko Labs"}));
}

// "presented by my co-author X": the relation noun between "by" and the name is skipped.
TEST_F(ExtractTest, TalkPresentedByMyCoauthor) {
  Run("Our paper, \"Quiet Queues in Practice\", was presented by my co-author Ida Holm.");
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Ida Holm -> Quiet Queues in Practice"}));
}

// "Event, which took place at the Venue": the event's venue.
TEST_F(ExtractTest, EventWhichTookPlaceAtAVenue) {
  Run("I flew to Lisbon for DataFest 2026, which took place at the Tidehall Conference Centre "
      "in May.");
  EXPECT_EQ(Only(Relations(), "held_at"),
            (Strings{"held_at DataFest 2026 -> Lisbon",
                     "held_at DataFest 2026 -> Tidehall Conference Centre"}));
}

// A panel "had" its panelists.
TEST_F(ExtractTest, PanelHadItsPanelists) {
  Run("The panel \"Open Data Now\" had Ida Holm and Erik Moen as panelists.");
  EXPECT_EQ(Only(Relations(), "panelist_of"), (Strings{"panelist_of Erik Moen -> Open Data Now",
                                                       "panelist_of Ida Holm -> Open Data Now"}));
}

// "Sofia Reyes": a given name that is also a city, then a family name ending in "s"
// (gazetteers/surnames.tsv), is a person, not "place + plural" (an organisation such as a sports
// team); "Boston Giants" stays one.
TEST_F(ExtractTest, GivenNameThatIsAPlaceAndASurnameIsAPerson) {
  Run("The panel was moderated by Sofia Reyes and sponsored by the Boston Giants.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Sofia Reyes' [27,38)", "ORG 'Boston Giants' [60,73)"}));
  // A family name that is also a word ("lopes") is a family name here all the same.
  Run("The labs were run by students, including Florence Lopes.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Florence Lopes' [41,55)"}));
}

// "Margaret-Anne Storey": a hyphenated given name whose first part is a known one.
TEST_F(ExtractTest, HyphenatedGivenNameIsAPerson) {
  Run("The opening keynote was by Marie-Claire Brandt from the University of Tidehall.");
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Marie-Claire Brandt -> University of Tidehall"}));
  EXPECT_EQ(RuleOf("Marie-Claire Brandt"), "default:given_name");
}

// "Tarvo Korhonen": a first word no list knows and a known family name is a person (the
// given-name lists lack many languages' names); "Tovin Hill" stays a place (Hill is a place's
// head word), and a word before a family name makes no person.
TEST_F(ExtractTest, UnknownGivenNameAndKnownSurnameIsAPerson) {
  Run("Tarvo Korhonen, who leads the data team at Kelpware, gave a talk on caching.");
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Tarvo Korhonen -> Kelpware"}));
  EXPECT_EQ(RuleOf("Tarvo Korhonen"), "default:given_name");
  Run("We walked up Tovin Hill after the talks, then met Kaimo Virtanen.");
  EXPECT_EQ(Only(Mentions(), "PERSON"), (Strings{"PERSON 'Kaimo Virtanen' [50,64)"}));
}

// Given names of languages the English lists lack (data/gazetteers/given_names.tsv takes
// faker's locales too): a Finnish and a Czech given name before family names no list holds.
TEST_F(ExtractTest, GivenNamesOfOtherLanguagesStartAPersonsName) {
  Run("Tiina Raudvere and Bořivoj Kladrubsky sat outside.");
  EXPECT_EQ(Only(Mentions(), "PERSON"),
            (Strings{"PERSON 'Tiina Raudvere' [0,14)", "PERSON 'Bořivoj Kladrubsky' [19,37)"}));
}

// A sentence's opening common word is no part of a name, unless the document named the whole
// before; and what is left of a name without it, one common word, is no name either.
TEST_F(ExtractTest, OpeningCommonWordOfANameTheDocumentKnows) {
  Run("Lantern Systems, a consultancy in Bergen, paid for the coffee.");
  EXPECT_EQ(Mentions(), (Strings{"PLACE.city 'Bergen' [34,40)"}));
  Run("We met the team of Lantern Systems at the booth. Lantern Systems, a consultancy in Bergen, "
      "paid for the coffee.");
  EXPECT_EQ(Relations(), (Strings{"located_in Lantern Systems -> Bergen"}));
}

// A list item is no heading: a given name and a word ("Lina Sand") opening one is a person,
// whose role and organisation follow a dash.
TEST_F(ExtractTest, ListItemOpeningWithAGivenNameAndAWordIsAPerson) {
  Run("- Lina Sand — platform engineer at Kelpware Labs");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Lina Sand -> Kelpware Labs [engineer]"}));
  Run("Rocky Start\n\nThe first day was slow.");
  EXPECT_EQ(Mentions(), Strings{});
}

// Who organised the event, said in passing: the organisation that runs it, the people in charge
// of a part of it, the narrator of an organisers' report (not one who read their notes).
TEST_F(ExtractTest, OrganisersOfAPartAndTheOrganisationThatRunsTheEvent) {
  Run("I joined the Kelp Collective, the user group that organises the event. Registration "
      "was handled by Ana Lima, and Bo Lund took care of the catering.");
  EXPECT_EQ(Only(Relations(), "organized"),
            (Strings{"organized Ana Lima -> @main_event", "organized Bo Lund -> @main_event",
                     "organized Kelp Collective -> @main_event"}));
  Run("Grindle Days 2024 — a recap from the organising team");
  EXPECT_EQ(Only(Relations(), "organized"), (Strings{"organized @narrator -> @main_event"}));
  Run("Later we asked for a summary from the organisers.");
  EXPECT_EQ(Only(Relations(), "organized"), Strings{});
}

// A printed programme's item: a programme word before a quoted title is its kind ('Panel
// "..."'); a keynote line ending in a dash (speaker to come) keeps its title whole; a quoted
// title, a dash and "convened by" names who ran it, not the title.
TEST_F(ExtractTest, ProgrammeItemsWithAKindWordQuotesAndADash) {
  Run("Programme\n\n09:00 Registration and coffee\n09:45 Welcome — Ana\n10:00 Keynote: "
      "\"Quiet Queues, Loud Pagers\" —\n\nMain track:\n11:00 \"Paging Less at Night\" — Tovi "
      "Kessler\n14:00 Panel \"Who Reviews the Reviewers Now\"\n");
  EXPECT_EQ(Only(Mentions(), "TALK"),
            (Strings{"TALK.keynote 'Quiet Queues, Loud Pagers' [77,102)",
                     "TALK.keynote 'Paging Less at Night' [126,146)",
                     "TALK.panel 'Who Reviews the Reviewers Now' [176,205)"}));
  Run("- \"Open maps for ferries\" — convened by Ana Lima, a harbour planner from Tromsø.");
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Ana Lima -> Open maps for ferries"}));
}

// A schedule table of times and titles (no speaker column) names talks but not its breaks; a
// list under "Sitting on the panel:" names panellists, not titles, and where they come from.
TEST_F(ExtractTest, ScheduleTableAndAListOfPanellists) {
  Run("| Time | What |\n|---|---|\n| 18:30 | Registration and tea |\n| 19:10 | Queues Are Not "
      "Free |\n| 20:40 | Panel: Pagers at Dawn |\n");
  EXPECT_EQ(Mentions(), (Strings{"TALK.talk 'Queues Are Not Free' [69,88)",
                                 "TALK.panel 'Pagers at Dawn' [108,122)"}));
  Run("Ida Holm moderated \"Who Owns the Pager?\". Sitting on the panel:\n\n- Lina Dahl — "
      "data analyst at Kelpware, visiting from Bergen\n- Bo Lund — data lead, Tovik Labs\n");
  EXPECT_EQ(Only(Relations(), "panelist_of"),
            (Strings{"panelist_of Bo Lund -> Who Owns the Pager?",
                     "panelist_of Lina Dahl -> Who Owns the Pager?"}));
  EXPECT_EQ(Only(Relations(), "from"), (Strings{"from Lina Dahl -> Bergen"}));
  EXPECT_EQ(Only(Mentions(), "TALK"), (Strings{"TALK.talk 'Who Owns the Pager?' [20,39)"}));
  // A title that ends in a word that is also a family name is still a title.
  Run("Talks I liked:\n\n- Functional Scala - Ana Lima\n- Modern Swift - Bo Lund\n");
  EXPECT_EQ(Only(Relations(), "speaker_of"), (Strings{"speaker_of Ana Lima -> Functional Scala",
                                                      "speaker_of Bo Lund -> Modern Swift"}));
}

// A travel report's section heading, an event and its place with the section's writer in
// brackets, is no talk; a title with the writer in brackets is.
TEST_F(ExtractTest, EventAndPlaceHeadingIsNoTalk) {
  Run("Where we went in May.\n\nFjordhack, Bergen (Ana Lima)\n\nWe spent a weekend "
      "there.\n\nOslo, Norway: Kelp Meetup (by Bo Lund)\n\nIt was busy.\n\nFast Parsers "
      "for Everyone (Ida Holm)\n\nThe best talk.\n");
  EXPECT_EQ(Only(Mentions(), "TALK"), (Strings{"TALK.talk 'Fast Parsers for Everyone' [134,159)"}));
}

// A speaker's hyphenated given name with a lower-case part ("Min-jun") is a name on a programme
// line; a bracket saying who chairs a session is no part of its title.
TEST_F(ExtractTest, HyphenatedGivenNameSpeakerAndChairNoteOnProgrammeLines) {
  Run("Programme of Kelpconf 2024:\n\n- Keynote: *Models We Can Audit* \xE2\x80\x94 Dr. Min-jun "
      "Seo (Tovik Labs)\n- Session 4: Parsing (chaired by Ana Lima)\n");
  EXPECT_EQ(Only(Mentions(), "TALK"), (Strings{"TALK.keynote 'Models We Can Audit' [41,60)",
                                               "TALK.session 'Parsing' [106,113)"}));
  const Strings speakers = Only(Relations(), "speaker_of");
  EXPECT_EQ(
      std::count(speakers.begin(), speakers.end(), "speaker_of Min-jun Seo -> Models We Can Audit"),
      1);
  EXPECT_EQ(Only(Relations(), "moderator_of"), (Strings{"moderator_of Ana Lima -> @nearest_talk"}));
}

// A "Speakers:" label over lines of speakers, a dash, the item's kind and its quoted title.
TEST_F(ExtractTest, SpeakersLabelOverLinesOfSpeakersKindAndTitle) {
  Run("Kelpconf 2024 recap\n\nSpeakers:\nAna Lima, CTO at Tovik Labs \xE2\x80\x94 opening keynote, "
      "\"Fast Parsers for Everyone\"\nBo Lund and Kai Ito of Quillon \xE2\x80\x94 workshop, "
      "\"Tokens for Tiny Teams\"\n\nIt was good.\n");
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Ana Lima -> Fast Parsers for Everyone",
                     "speaker_of Bo Lund -> Tokens for Tiny Teams",
                     "speaker_of Kai Ito -> Tokens for Tiny Teams"}));
  EXPECT_EQ(Only(Mentions(), "TALK"), (Strings{"TALK.keynote 'Fast Parsers for Everyone' [79,104)",
                                               "TALK.workshop 'Tokens for Tiny Teams' [150,171)"}));
}

// A schedule in columns two spaces apart: time, kind, title, then speakers (or a note).
TEST_F(ExtractTest, ScheduleInColumnsNamesTalksAndTheirSpeakers) {
  Run("The Friday programme:\n\n09:00  Keynote   Fast Parsers for Everyone      Ana "
      "Lima, Tovik Labs\n10:15  Panel     Who Owns the Queue?\n11:30  Workshop  Property Tests in "
      "Practice      (second floor)\n");
  EXPECT_EQ(Only(Mentions(), "TALK"),
            (Strings{"TALK.keynote 'Fast Parsers for Everyone' [40,65)",
                     "TALK.panel 'Who Owns the Queue?' [109,128)",
                     "TALK.workshop 'Property Tests in Practice' [146,172)"}));
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Ana Lima -> Fast Parsers for Everyone"}));
}

// A weekday before a full name is no part of it; a speaker's "CTO of Acme" on a programme line
// names the organisation and the role.
TEST_F(ExtractTest, WeekdayBeforeANameAndARoleOfAnOrganisationOnAProgrammeLine) {
  Run("On Thursday Tobias Brenner, who heads the lab at Kelpware, gave a short welcome.");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Tobias Brenner -> Kelpware"}));
  Run("Grindle Days 2025\n\n- 15:00 Opening keynote \"Tides of Data\" — Ama Boateng, CTO of "
      "Tovik Labs\n");
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Ama Boateng -> Tovik Labs [CTO]"}));
}

// A day of the event held at a venue is the event held there; a venue's kind and town say
// where it is, and "is a concert hall" makes a venue, not a person.
TEST_F(ExtractTest, DayOfTheEventHeldAtAVenueAndTheVenuesTown) {
  Run("The second day took place at Brannhall, an old warehouse in the centre of Tromsø.");
  EXPECT_EQ(Relations(),
            (Strings{"held_at @main_event -> Brannhall", "located_in Brannhall -> Tromsø"}));
  Run("Brannhall is a concert hall in Tromsø. This year the event moved from Bodø to Tromsø.");
  EXPECT_EQ(Relations(),
            (Strings{"held_at @main_event -> Tromsø", "located_in Brannhall -> Tromsø"}));
}

// The organising team named after a dash, "one of the organisers" as an aside, the people of
// an organisation who put the event together, and "our hosts at X".
TEST_F(ExtractTest, OrganisersNamedAfterADashAnAsideOrTheirOrganisation) {
  Run("Thanks to the organising team — Ilse Brandt, Tovi Kessler and Ruth Omondi.");
  EXPECT_EQ(Only(Relations(), "organized"),
            (Strings{"organized Ilse Brandt -> @main_event", "organized Ruth Omondi -> @main_event",
                     "organized Tovi Kessler -> @main_event"}));
  Run("Maarit Ojala, one of the organisers, opened the second day.");
  EXPECT_EQ(Relations(), (Strings{"organized Maarit Ojala -> @main_event"}));
  Run("Everything was put together by the folks at Kelpware Oy. Our hosts at Fjordgate Labs were "
      "great.");
  EXPECT_EQ(Relations(), (Strings{"organized Fjordgate Labs -> @main_event",
                                  "organized Kelpware Oy -> @main_event"}));
}

// "the executive director of X": a role of office makes X an employer even where X is also a
// product's name; "the creator of X" does not.
TEST_F(ExtractTest, RoleOfOfficeBeforeOfNamesAProductAsEmployer) {
  Run("I met Ida Holm, the executive director of WordPress. Erik Moen is the creator of "
      "Python.");
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Ida Holm -> WordPress [executive director]"}));
  EXPECT_EQ(RuleOf("Python"), "<no mention 'Python'>");
}

// Thanks that say what was given: an organisation's venue or food, a person's patience; "our
// mentor was X"; "and specially X" (a common learner's form of "especially").
TEST_F(ExtractTest, HelpNamedInThanksAndMentors) {
  Run("Thanks again to Kivuko Labs for the space and the pizza! Our mentor was Ida Holm. I "
      "thank the crew, and specially Erik Moen for his patience.");
  EXPECT_EQ(Only(Relations(), "helped"),
            (Strings{"helped Erik Moen -> @narrator", "helped Ida Holm -> @narrator",
                     "helped Kivuko Labs -> @narrator"}));
  EXPECT_EQ(Only(Relations(), "thanked"),
            (Strings{"thanked @narrator -> Erik Moen", "thanked @narrator -> Kivuko Labs"}));
}

// "took a selfie with X" is meeting X; "the organisers thanked the sponsors, including X" does
// not make X an organiser (the list belongs to the sponsors).
TEST_F(ExtractTest, SelfieWithSomeoneAndSponsorsListedAfterTheOrganisers) {
  Run("I took a selfie with Ida Holm. The organisers thanked the sponsors, including Erik "
      "Moen and Kivuko Labs. The organizers, including Tomas Brandt, did a great job.");
  EXPECT_EQ(Only(Relations(), "met"), (Strings{"met @narrator -> Ida Holm"}));
  EXPECT_EQ(Only(Relations(), "organized"), (Strings{"organized Tomas Brandt -> @main_event"}));
}

// "The school is organized by Org", "The event, organized by Org, featured": the organiser;
// "to my employer, Org, for covering my ticket" is help; "lucky to sit next to X" is meeting X.
TEST_F(ExtractTest, SchoolOrganisedByAnEmployerThankedAndSittingNextToSomeone) {
  Run("The school is organized by Kivuko Labs. The event, organized by Saltmarsh Systems, "
      "featured talks. Thanks to my employer, Quillfeather Labs, for covering my ticket. I was "
      "lucky to sit next to Ida Holm at lunch.");
  EXPECT_EQ(Only(Relations(), "organized"),
            (Strings{"organized Kivuko Labs -> @main_event",
                     "organized Saltmarsh Systems -> @main_event"}));
  EXPECT_EQ(Only(Relations(), "helped"), (Strings{"helped Quillfeather Labs -> @narrator"}));
  EXPECT_EQ(Only(Relations(), "met"), (Strings{"met @narrator -> Ida Holm"}));
}

// "Ida Moens' talk": a possessive after a name ending in "s" is the apostrophe alone.
TEST_F(ExtractTest, PossessiveOfANameEndingInS) {
  Run("The talk I liked most was Erik Moens' \"Quiet Queues in Practice\".");
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Erik Moens -> Quiet Queues in Practice"}));
}

// "the Android team at Kivuko Labs" is a team of Kivuko Labs: the product stays no organisation;
// "Anna Keller (Atlassian)" in a list names her employer, though the name is also a product's.
TEST_F(ExtractTest, ProductTeamAtAnOrganisationAndABrandInBracketsAfterAName) {
  Run("I talked to Erik Moen, who leads the Android team at Kivuko Labs.");
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Erik Moen -> Kivuko Labs"}));
  Run("Speakers included Anna Keller (Atlassian) and Ida Holm (Saltmarsh Systems).");
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Anna Keller -> Atlassian",
                     "affiliated_with Ida Holm -> Saltmarsh Systems"}));
}

// Casual forms: "Our CTO, X," works where the narrator works; "Lunch was noodles with A and
// B"; a shout-out with "esp."; "X did his usual \"Title\" session".
TEST_F(ExtractTest, CasualFormsOfRolesMealsThanksAndTalks) {
  Run("We are Quillfeather Labs. Our CTO, Ida Holm, spoke first. Lunch was beef noodles with "
      "Erik Moen and Anna Keller. Shout-out to the whole crew, esp. Tomas Brandt and Mira Sato! "
      "Later Paul Dunn did his usual \"Queues Without Tears\" session.");
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Ida Holm -> @narrator_org [CTO]"}));
  EXPECT_EQ(Only(Relations(), "met"),
            (Strings{"met @narrator -> Anna Keller", "met @narrator -> Erik Moen"}));
  EXPECT_EQ(Only(Relations(), "thanked"),
            (Strings{"thanked @narrator -> Mira Sato", "thanked @narrator -> Tomas Brandt"}));
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Paul Dunn -> Queues Without Tears"}));
}

// Thanks for a ride, a tour or introductions is help; "X interviewed me" is meeting X.
TEST_F(ExtractTest, ThanksForARideIsHelpAndAnInterviewIsAMeeting) {
  Run("Thanks to Ida Holm for the ride to the airport! Erik Moen interviewed me for a podcast.");
  EXPECT_EQ(Only(Relations(), "helped"), (Strings{"helped Ida Holm -> @narrator"}));
  EXPECT_EQ(Only(Relations(), "met"), (Strings{"met Erik Moen -> @narrator"}));
}

// A table typed as text: the header names the columns; each row's cells are typed by their
// column (several speakers, an organisation in brackets), the other cells are no names, and a
// row may open in lower case.
TEST_F(ExtractTest, TableRowsTypeTheirCellsByTheHeadersColumns) {
  Run("The talks I saw:\n\n"
      "Track | Speaker | Company | Title\n"
      "---|---|---|---\n"
      "Data engineering | Ida Holm | Kivuko Labs | Queues Without Tears\n"
      "data science | Erik Moen, Anna Keller (Saltmarsh Systems) | - | Models in Production\n"
      "\nIt was great.");
  EXPECT_EQ(Talks(), (Strings{"Queues Without Tears", "Models in Production"}));
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Anna Keller -> Models in Production",
                     "speaker_of Erik Moen -> Models in Production",
                     "speaker_of Ida Holm -> Queues Without Tears"}));
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Anna Keller -> Saltmarsh Systems",
                     "affiliated_with Ida Holm -> Kivuko Labs"}));
}

// A report on several events: a heading that is an event's name opens its section, whose
// talks are part of that event; the report's title opens none, and a heading that only
// mentions an event ends the section.
TEST_F(ExtractTest, TalksUnderAnEventsHeadingArePartOfThatEvent) {
  Run("My First Tidecon Conference\n\nIntro.\n\nI gave \"Queues Without Tears\" there.\n\n"
      "DataFest 2026\n\nI spoke about \"Models in Production\" in Porto.\n\n"
      "Why I liked RustFest 2026 so much\n\nAnna Keller gave \"Ferris at Sea\".");
  EXPECT_EQ(Only(Relations(), "part_of"),
            (Strings{"part_of Models in Production -> DataFest 2026"}));
}

// Running text whose names make most words capitalised is no programme line ("On Monday I saw
// X's keynote ... led by Y" is no talk of that title); "to see X's keynote" is no meeting.
TEST_F(ExtractTest, SentenceFullOfNamesIsNoTitleAndSeeingAKeynoteIsNoMeeting) {
  Run("On Wednesday I managed to see Erik Moen's keynote and a workshop on Ferris led by Ida "
      "Holm.");
  EXPECT_EQ(Talks(), (Strings{"Erik Moen's keynote", "workshop on Ferris"}));
  EXPECT_EQ(Only(Relations(), "met"), Strings{});
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Erik Moen -> Erik Moen's keynote",
                     "speaker_of Ida Holm -> workshop on Ferris"}));
}

// "hosted a panel called T" moderates it; "worked the desk with two other volunteers, A and B"
// meets them; "Trip report:" names no event; a company "based in" a city places the company,
// not the person who works there.
TEST_F(ExtractTest, PanelHostVolunteersTripReportAndACompanyBasedInACity) {
  Run("Trip report: DataFest 2026\n\nLater Karan Mehta hosted a panel called \"Go at Scale\" "
      "with Erik Moen. I worked the registration desk with two other volunteers, Lars Eriksen "
      "and Ida Holm. My friend Anna Keller, who works for Kivuko Labs, a startup based in Porto, "
      "came too.");
  // (person_moderated states it of the nearest talk too: the same one, once resolved.)
  EXPECT_EQ(Only(Relations(), "moderator_of"),
            (Strings{"moderator_of Karan Mehta -> @nearest_talk",
                     "moderator_of Karan Mehta -> Go at Scale"}));
  EXPECT_EQ(Only(Relations(), "met"),
            (Strings{"met @narrator -> Ida Holm", "met @narrator -> Lars Eriksen"}));
  EXPECT_EQ(RuleOf("Trip"), "<no mention 'Trip'>");
  EXPECT_EQ(Only(Relations(), "from"), Strings{});
}

// A hard wrap inside a venue's name, after a line whose names make it look like a title: the
// name is one venue; the venue after the city is where the event was; "and the X" ends a list of
// sponsors; "of X fame".
TEST_F(ExtractTest, WrappedVenueNameSponsorListWithTheAndFame) {
  Run("DataFest 2026 took place in Porto, Portugal, at the Tidehall International Conference\n"
      "Centre.\n\nSpecial thanks to the sponsors: Kivuko Labs, Saltmarsh Systems "
      "and the Kelp Foundation. I also met Jo Berg of Ferris fame.");
  EXPECT_EQ(RuleOf("Tidehall International Conference\nCentre"), "venue_keyword_then_place");
  EXPECT_EQ(Only(Relations(), "held_at"),
            (Strings{"held_at DataFest 2026 -> Porto",
                     "held_at DataFest 2026 -> Tidehall International Conference\nCentre"}));
  EXPECT_EQ(Only(Relations(), "thanked"),
            (Strings{"thanked @narrator -> Kelp Foundation", "thanked @narrator -> Kivuko Labs",
                     "thanked @narrator -> Saltmarsh Systems"}));
  EXPECT_EQ(Only(Relations(), "affiliated_with"), Strings{});
}

// "Her talk" after a sentence naming a man and a woman is the woman's (the given names'
// gender); with two women it stays unresolved. "who is studying at Org" studies there.
TEST_F(ExtractTest, GenderedPronounPicksThePersonOfThatGenderAndStudentsAffiliation) {
  Run("The speakers were Thomas Brandt from Kivuko Labs and Maria Keller from Tidehall.\n"
      "Her talk was called \"Queues Without Tears\".\n\n"
      "I met Anna Holm, who is studying physics at the University of Tidehall.");
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Maria Keller -> Queues Without Tears"}));
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Anna Holm -> University of Tidehall",
                     "affiliated_with Maria Keller -> Tidehall",
                     "affiliated_with Thomas Brandt -> Kivuko Labs"}));
  Run("The speakers were Anna Keller and Maria Holm.\nHer talk was called \"Queues Without "
      "Tears\".");
  EXPECT_EQ(Only(Relations(), "speaker_of"), Strings{});
}

// "at kLab, a tech hub in Kigali": an organisation named by what it is, here a hub, even when
// its name opens in lower case.
TEST_F(ExtractTest, TechHubNamedByWhatItIs) {
  Run("We met at tLoft, a tech hub in Porto. I want to thank tLoft for the space.");
  EXPECT_EQ(RuleOf("tLoft"), "org_appositive_kind");
  EXPECT_EQ(Only(Relations(), "thanked"), (Strings{"thanked @narrator -> tLoft"}));
}

// Rules that read "us" and "me" read the narrator's placeholder the slotted sentence writes for
// them: "walked us through", "introduced me to", "joined us".
TEST_F(ExtractTest, UsAndMeInRulesAreTheNarratorsPlaceholder) {
  Run("The next talk was \"Queues Without Tears\". Then Ida Holm walked us through the new "
      "scheduler. Later Ostap introduced me to Quillan Vey. Paul Dunn joined us for dinner.");
  EXPECT_EQ(Only(Relations(), "speaker_of"), (Strings{"speaker_of Ida Holm -> @nearest_talk"}));
  EXPECT_EQ(RuleOf("Quillan Vey"), "person_met");
  EXPECT_EQ(Only(Relations(), "met"),
            (Strings{"met @narrator -> Quillan Vey", "met Ostap -> @narrator",
                     "met Paul Dunn -> @narrator"}));
}

// A given name no list holds, used alone after the full name, is that person.
TEST_F(ExtractTest, GivenNameNoListHoldsAfterTheFullName) {
  Run("I met Łukasz Nowak at the booth. Łukasz works at Quillfeather Labs.");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Łukasz -> Quillfeather Labs",
                                  "met @narrator -> Łukasz Nowak"}));
}

// Products are no entities, but one named as an employer is the company behind it.
TEST_F(ExtractTest, ProductNamedAsAnEmployerIsTheCompany) {
  Run("Anna Keller is a staff engineer at Ionic. She told me Ionic is great.");
  EXPECT_EQ(RuleOf("Ionic"), "gazetteer:product_as_employer");
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Anna Keller -> Ionic [staff engineer]"}));
}

// "he" after a person named earlier in the same sentence is that person, not the one of the
// sentence before.
TEST_F(ExtractTest, PronounAfterAPersonOfTheSameSentence) {
  Run("I went to a workshop by Tomas Brandt. During the break I bumped into Anna Keller, one "
      "of the volunteers, and she introduced me to Lena Okafor.");
  EXPECT_EQ(Only(Relations(), "met"),
            (Strings{"met @narrator -> Anna Keller", "met @narrator -> Lena Okafor"}));
}

TEST_F(ExtractTest, ModeratorListAfterColon) {
  Run("The Observability Panel was fun. Moderators: Ravi Menon and Lena "
      "Okafor.");
  EXPECT_EQ(Relations(), (Strings{"moderator_of Lena Okafor -> @nearest_talk",
                                  "moderator_of Ravi Menon -> @nearest_talk"}));
}

TEST_F(ExtractTest, AcronymInBracketsAfterOrgName) {
  Run("Maria Lopez from the Tidewater Gardening Foundation (TGF) spoke.");
  EXPECT_EQ(Mentions(),
            (Strings{"PERSON 'Maria Lopez' [0,11)", "ORG 'Tidewater Gardening Foundation' [21,51)",
                     "ORG 'TGF' [53,56)"}));
  EXPECT_EQ(RuleOf("TGF"), "org_acronym_in_brackets");
  EXPECT_EQ(Relations(),
            (Strings{"affiliated_with Maria Lopez -> Tidewater Gardening Foundation"}));
}

TEST_F(ExtractTest, MentionsRecordTheirRuleAndAreSortedByBegin) {
  Run("I met Maria Lopez from Quillfeather Labs at RustConf 2026 in Kenya.");
  for (size_t i = 0; i < ex_.mentions.size(); ++i) {
    EXPECT_FALSE(ex_.mentions[i].rule.empty()) << i;
    if (i > 0) {
      EXPECT_LT(ex_.mentions[i - 1].begin, ex_.mentions[i].begin);
    }
  }
  for (const RelationCandidate &r : ex_.relations) EXPECT_FALSE(r.rule.empty()) << r.relation;
}

TEST_F(ExtractTest, ExplainShowsTheSlottedSentenceAndMatchingRules) {
  doc_.id = "report.txt";
  doc_.text = "Tomas Brandt hails from Kenya.";
  td_ = tokenizer_.Tokenize(doc_);
  ExtractOptions options;
  options.explain = true;
  Extraction ex = Extract(td_, Rules(), options);
  ASSERT_EQ(ex.explanations.size(), 1u);
  EXPECT_NE(ex.explanations[0].find("\xE2\x9F\xA8PERSON_0\xE2\x9F\xA9 hails from"),
            std::string::npos)
      << ex.explanations[0];
  EXPECT_NE(ex.explanations[0].find("who_hails_from"), std::string::npos) << ex.explanations[0];
  // Without the option, nothing is explained.
  EXPECT_TRUE(Extract(td_, Rules()).explanations.empty());
}

TEST_F(ExtractTest, EmptyDocumentGivesNothing) {
  Run("");
  EXPECT_TRUE(ex_.mentions.empty());
  EXPECT_TRUE(ex_.relations.empty());
  EXPECT_FALSE(ex_.has_narrator);
}

// --- entity type names ---------------------------------------------------------------------------

TEST(EntityTypeTest, NamesRoundTrip) {
  const EntityType all[] = {EntityType::kPerson, EntityType::kOrg, EntityType::kPlace,
                            EntityType::kEvent, EntityType::kTalk};
  const Strings names = {"PERSON", "ORG", "PLACE", "EVENT", "TALK"};
  for (int i = 0; i < kBuiltinEntityTypes; ++i) {
    EXPECT_EQ(EntityTypeName(all[i]), names[static_cast<size_t>(i)]);
    EntityType t = EntityType::kPerson;
    ASSERT_TRUE(ParseEntityType(names[static_cast<size_t>(i)], &t));
    EXPECT_EQ(t, all[i]);
  }
  EntityType t;
  EXPECT_FALSE(ParseEntityType("person", &t));
  EXPECT_FALSE(ParseEntityType("", &t));
}

// --- RuleSet::Load -------------------------------------------------------------------------------

// Rules() is data/ loaded once for the binary (tests/test_rules.h); it aborts when the load fails.
TEST(RuleSetLoadTest, RealDataLoadsWithAFingerprint) {
  const RuleSet &rules = Rules();
  EXPECT_FALSE(rules.fingerprint().empty());
  std::vector<std::string> names;
  for (const RuleSet::InferenceRule &r : rules.inference_rules()) names.push_back(r.name);
  EXPECT_NE(std::find(names.begin(), names.end(), "talks_are_part_of_main_event"), names.end());
}

// A copy of the fixture data directory (tests/fixtures/data: every file the loader reads, with
// a few entries each) in a fresh temporary folder, to break one file of.
class BrokenDataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kg_extract_test_" + std::to_string(::getpid()) + "_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::copy(KGEXTRACT_TEST_FIXTURE_DIR, dir_, fs::copy_options::recursive);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Appends `line` to data file `rel`; returns the line number it lands on.
  int Append(const std::string &rel, const std::string &line) {
    fs::path p = dir_ / rel;
    std::ifstream in(p, std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    in.close();
    if (!content.empty() && content.back() != '\n') content += '\n';
    int lines = static_cast<int>(std::count(content.begin(), content.end(), '\n'));
    content += line + "\n";
    std::ofstream(p, std::ios::binary | std::ios::trunc) << content;
    return lines + 1;
  }

  Status Load() {
    rules_.reset();
    return RuleSet::Load(dir_.string(), &rules_);
  }

  fs::path dir_;
  std::unique_ptr<RuleSet> rules_;
};

TEST_F(BrokenDataTest, UnbrokenCopyLoads) {
  Status s = Load();
  EXPECT_TRUE(s.ok()) << s.message();
  EXPECT_NE(rules_, nullptr);
}

TEST_F(BrokenDataTest, MissingDataDirNamesTheFirstMissingFile) {
  fs::remove_all(dir_);
  Status s = Load();
  EXPECT_EQ(s.code(), Status::Code::kRules);
  EXPECT_NE(s.message().find((dir_ / "gazetteers/countries.tsv").string()), std::string::npos)
      << s.message();
  EXPECT_EQ(rules_, nullptr);
}

TEST_F(BrokenDataTest, MissingLexiconIsNamed) {
  fs::remove(dir_ / "lexicon/roles.txt");
  Status s = Load();
  EXPECT_EQ(s.code(), Status::Code::kRules);
  EXPECT_NE(s.message().find((dir_ / "lexicon/roles.txt").string()), std::string::npos)
      << s.message();
}

TEST_F(BrokenDataTest, MissingRuleFileIsNamed) {
  fs::remove(dir_ / "rules/relations.rules");
  Status s = Load();
  EXPECT_EQ(s.code(), Status::Code::kRules);
  EXPECT_NE(s.message().find((dir_ / "rules/relations.rules").string()), std::string::npos)
      << s.message();
}

TEST_F(BrokenDataTest, BadEntityPatternNamesFileLineAndRe2Error) {
  int line = Append("rules/entities.rules", "broken_rule | ORG | chunk | (unclosed");
  Status s = Load();
  EXPECT_EQ(s.code(), Status::Code::kRules);
  std::string where = (dir_ / "rules/entities.rules").string() + ":" + std::to_string(line) + ":";
  EXPECT_EQ(s.message().rfind(where, 0), 0u) << s.message();
  EXPECT_NE(s.message().find("missing )"), std::string::npos) << s.message();  // RE2's text
  EXPECT_EQ(rules_, nullptr);
}

TEST_F(BrokenDataTest, BadRelationPatternNamesFileLineAndRe2Error) {
  int line = Append("rules/relations.rules", "broken | met | 1 | 2 | - | {PERSON} x**");
  Status s = Load();
  EXPECT_EQ(s.code(), Status::Code::kRules);
  std::string where = (dir_ / "rules/relations.rules").string() + ":" + std::to_string(line) + ":";
  EXPECT_EQ(s.message().rfind(where, 0), 0u) << s.message();
  EXPECT_NE(s.message().find("bad repetition operator"), std::string::npos) << s.message();
}

TEST_F(BrokenDataTest, UnknownSlotIsReported) {
  int line = Append("rules/relations.rules", "foo_rule | met | 1 | 2 | - | {FOO} met {PERSON}");
  Status s = Load();
  EXPECT_EQ(s.code(), Status::Code::kRules);
  std::string where = (dir_ / "rules/relations.rules").string() + ":" + std::to_string(line) + ":";
  EXPECT_EQ(s.message().rfind(where, 0), 0u) << s.message();
  EXPECT_NE(s.message().find("unknown slot {FOO}"), std::string::npos) << s.message();
}

TEST_F(BrokenDataTest, UnknownSlotInEntityRuleIsReported) {
  Append("rules/entities.rules", "foo_rule | PERSON | each | ({FOO}) said");
  Status s = Load();
  EXPECT_EQ(s.code(), Status::Code::kRules);
  EXPECT_NE(s.message().find("unknown slot {FOO}"), std::string::npos) << s.message();
}

TEST_F(BrokenDataTest, EndpointBeyondTheGroupsIsReported) {
  int line = Append("rules/relations.rules", "too_far | met | 1 | 3 | - | {PERSON} met {PERSON}");
  Status s = Load();
  EXPECT_EQ(s.code(), Status::Code::kRules);
  EXPECT_NE(s.message().find(":" + std::to_string(line) + ":"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("group 3"), std::string::npos) << s.message();
}

TEST_F(BrokenDataTest, MalformedRuleLineIsReported) {
  int line = Append("rules/entities.rules", "only | two fields");
  Status s = Load();
  EXPECT_EQ(s.code(), Status::Code::kRules);
  EXPECT_NE(s.message().find("entities.rules:" + std::to_string(line) + ":"), std::string::npos)
      << s.message();
}

TEST_F(BrokenDataTest, UnknownEntityTypeIsReported) {
  Append("rules/entities.rules", "animal | ANIMAL | chunk | Cat$");
  Status s = Load();
  EXPECT_EQ(s.code(), Status::Code::kRules);
  EXPECT_NE(s.message().find("ANIMAL"), std::string::npos) << s.message();
}

// The tokenizer's lists (pipeline/text.h) load with the rest of the data directory, and a
// broken one fails the load, naming its file and line.
TEST_F(BrokenDataTest, BrokenTokenizerListFailsTheLoadNamingFileAndLine) {
  int line = Append("lexicon/sentence_openers.txt", "Then again");
  Status s = Load();
  EXPECT_EQ(s.code(), Status::Code::kRules);
  EXPECT_EQ(s.message(), (dir_ / "lexicon/sentence_openers.txt").string() + ":" +
                             std::to_string(line) +
                             ": 'Then again' holds a space or a tab; expected one entry a line");
}

// --no-default-rules leaves the built-in rules out, not the language: the tokenizer's lists
// still come from the data directory.
TEST_F(BrokenDataTest, TokenizerListsLoadWithoutTheDefaultRules) {
  fs::remove_all(dir_ / "rules/entities.rules");
  RuleSetOptions options;
  options.data_dir = dir_.string();
  options.default_rules = false;
  Status s = RuleSet::Load(options, &rules_);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_NE(rules_->tokenizer_lexicon(), nullptr);
  EXPECT_EQ(rules_->tokenizer_lexicon()->abbreviations.size(), 24u);
}

TEST_F(BrokenDataTest, NewRuleTakesEffect) {
  // A chunk rule appended to the copy types a made-up suffix: the data
  // directory is the extractor's knowledge, read at run time.
  Append("rules/entities.rules", "weavers_suffix | ORG | chunk | \\bWeavers$");
  ASSERT_TRUE(Load().ok());
  Document doc;
  doc.id = "d.txt";
  doc.text = "She joined the Lantern Weavers.";
  Tokenizer tokenizer(rules_->tokenizer_lexicon());
  TokenizedDocument td = tokenizer.Tokenize(doc);
  Extraction ex = Extract(td, *rules_);
  ASSERT_EQ(ex.mentions.size(), 1u);
  EXPECT_EQ(Describe(ex.mentions[0]), "ORG 'Lantern Weavers' [15,30)");
  EXPECT_EQ(ex.mentions[0].rule, "weavers_suffix");
}

TEST_F(BrokenDataTest, ChangedRuleChangesTheFingerprint) {
  ASSERT_TRUE(Load().ok());
  std::string before = rules_->fingerprint();
  Append("rules/entities.rules", "guild_suffix | ORG | chunk | \\bGuild$");
  ASSERT_TRUE(Load().ok());
  EXPECT_NE(rules_->fingerprint(), before);
}

// The fingerprint is "a hash of every loaded file's bytes" (extract.h), so
// equal files give an equal fingerprint wherever they live: the word lists and
// gazetteers enter the hash by their name within data/ and their bytes.
TEST_F(BrokenDataTest, FingerprintDependsOnBytesNotOnLocation) {
  ASSERT_TRUE(Load().ok());
  std::unique_ptr<RuleSet> original;
  ASSERT_TRUE(RuleSet::Load(KGEXTRACT_TEST_FIXTURE_DIR, &original).ok());
  EXPECT_EQ(rules_->fingerprint(), original->fingerprint());
}

// ... and a changed word-list entry (same number of entries) changes it.
TEST_F(BrokenDataTest, ChangedWordListEntryChangesTheFingerprint) {
  ASSERT_TRUE(Load().ok());
  std::string before = rules_->fingerprint();
  fs::path p = dir_ / "lexicon/roles.txt";
  std::ifstream in(p, std::ios::binary);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  in.close();
  size_t ceo = content.find("CEO");
  ASSERT_NE(ceo, std::string::npos);
  content.replace(ceo, 3,
                  "QEO");  // a made-up role: the number of entries is unchanged
  std::ofstream(p, std::ios::binary | std::ios::trunc) << content;
  ASSERT_TRUE(Load().ok());
  EXPECT_NE(rules_->fingerprint(), before);
}

// The tokenizer's lists decide sentence breaks, and so the output: an added abbreviation
// changes the fingerprint too.
TEST_F(BrokenDataTest, ChangedTokenizerListChangesTheFingerprint) {
  ASSERT_TRUE(Load().ok());
  std::string before = rules_->fingerprint();
  Append("lexicon/abbreviations.txt", "Xyz.");
  ASSERT_TRUE(Load().ok());
  EXPECT_NE(rules_->fingerprint(), before);
}

// Load runs the relation rule files on a second thread beside the entity rule files: when
// both are broken, the error is still the one loading them in order meets first.
TEST_F(BrokenDataTest, EntityErrorIsReportedBeforeAnErrorInTheRelationsLoadedBeside) {
  int line = Append("rules/entities.rules", "broken_rule | ORG | chunk | (unclosed");
  Append("rules/relations.rules", "broken | met | 1 | 2 | - | {PERSON} x**");
  const std::string where =
      (dir_ / "rules/entities.rules").string() + ":" + std::to_string(line) + ":";
  for (int run = 0; run < 5; ++run) {
    Status s = Load();
    EXPECT_EQ(s.message().rfind(where, 0), 0u) << s.message();
  }
}

// ... and a pack's error after the built-in relation rules' error does not win over it.
TEST_F(BrokenDataTest, BuiltInRelationErrorIsReportedBeforeAPacksEntityError) {
  int line = Append("rules/relations.rules", "broken | met | 1 | 2 | - | {PERSON} x**");
  fs::create_directories(dir_ / "pack/rules");
  std::ofstream(dir_ / "pack/rules/entities.rules") << "broken_rule | ORG | chunk | (unclosed\n";
  RuleSetOptions options;
  options.data_dir = dir_.string();
  options.packs = {(dir_ / "pack").string()};
  const std::string where =
      (dir_ / "rules/relations.rules").string() + ":" + std::to_string(line) + ":";
  for (int run = 0; run < 5; ++run) {
    Status s = RuleSet::Load(options, &rules_);
    EXPECT_EQ(s.message().rfind(where, 0), 0u) << s.message();
  }
  fs::remove_all(dir_ / "rules/relations.rules");
  std::ofstream(dir_ / "rules/relations.rules") << "# no rules\n";
  Status s = RuleSet::Load(options, &rules_);
  EXPECT_EQ(s.message().rfind((dir_ / "pack/rules/entities.rules").string() + ":1:", 0), 0u)
      << s.message();
}

// A pack without rules is an error at its place in the order: after the rule files before it
// loaded.
TEST_F(BrokenDataTest, EmptyPackIsReportedAfterTheRuleFilesBeforeIt) {
  fs::create_directories(dir_ / "empty_pack");
  RuleSetOptions options;
  options.data_dir = dir_.string();
  options.packs = {(dir_ / "empty_pack").string()};
  Status s = RuleSet::Load(options, &rules_);
  EXPECT_NE(s.message().find("not a rule pack"), std::string::npos) << s.message();
  int line = Append("rules/relations.rules", "broken | met | 1 | 2 | - | {PERSON} x**");
  s = RuleSet::Load(options, &rules_);
  EXPECT_EQ(s.message().rfind(
                (dir_ / "rules/relations.rules").string() + ":" + std::to_string(line) + ":", 0),
            0u)
      << s.message();
}

// --- document structure --------------------------------------------------------------------------

TEST_F(ExtractTest, NumberedTalkListUnderAHeadingGivesTalksAndSpeakers) {
  Run("Talks we liked\n\n1. \"Tidal Caching\" by Ines Moreau\n2. \"Quiet Queues\" by Tomas "
      "Brandt\n");
  EXPECT_EQ(Mentions(),
            (Strings{"TALK.talk 'Tidal Caching' [20,33)", "PERSON 'Ines Moreau' [38,49)",
                     "TALK.talk 'Quiet Queues' [54,66)", "PERSON 'Tomas Brandt' [71,83)"}));
  EXPECT_EQ(Relations(), (Strings{"speaker_of Ines Moreau -> Tidal Caching",
                                  "speaker_of Tomas Brandt -> Quiet Queues"}));
}

// Notes in lower case under a colon are no programme, the list of talks ends at the next
// section's heading, and "Name - what they do" is a person's line, not a talk's.
TEST_F(ExtractTest, ProgrammeListEndsAtNotesInLowerCaseAndAtTheNextSection) {
  Run("The keynote was \"Tidal Caching\" by Ines Moreau. Her point, roughly:\n\n"
      "* caches in Rust encode a social contract\n* teams in Oslo already know it\n\n"
      "Talks I liked:\n\n* Quiet Queues\n* Slow Lanes\n\nThank you all\n\n"
      "* Kivuko Labs, for the dinner\n\nPeople\n\n* Tomas Brandt - runs the Oslo meetup.\n");
  EXPECT_EQ(Talks(/*with_rule=*/false), (Strings{"Tidal Caching", "Quiet Queues", "Slow Lanes"}));
}

TEST_F(ExtractTest, ANameTypedInOneSentenceIsTypedInTheOthers) {
  Run("Lena Okafor works at Bramblecode. Later a Staff Engineer at Bramblecode, Lena Okafor, "
      "spoke.");
  EXPECT_EQ(RuleOf("Bramblecode"), "org_works_at");
  ASSERT_EQ(ex_.mentions.size(), 4u);
  EXPECT_EQ(Describe(ex_.mentions[2]), "ORG 'Bramblecode' [60,71)");
  EXPECT_EQ(ex_.mentions[2].rule, "org_role_of");  // its own context, the same type
}

// An unnamed programme item names nothing a reader could tell apart from the next report's
// "opening keynote": no talk of its own (its titled form is one: "the keynote, T").
TEST_F(ExtractTest, UnnamedOpeningKeynoteIsNoTalkOfItsOwn) {
  Run("The opening keynote was given by Ines Moreau.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Ines Moreau' [33,44)"}));
  // (The speaker goes to a titled talk within two sentences, if there is one.)
  EXPECT_EQ(Relations(), (Strings{"speaker_of Ines Moreau -> @nearest_talk"}));
}

TEST_F(ExtractTest, OrganisationInBracketsAfterAPerson) {
  Run("The keynote came from Tomas Brandt (Saltmarsh), who spoke about queues.");
  EXPECT_EQ(RuleOf("Saltmarsh"), "org_of_person_in_brackets");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Tomas Brandt -> Saltmarsh"}));
}

TEST_F(ExtractTest, CityThatIsAlsoAGivenNameNeedsPlaceContext) {
  Run("I flew in from Charlotte to meet Florence and Austin in Florence.");
  EXPECT_EQ(Mentions(), (Strings{"PLACE.city 'Charlotte' [15,24)", "PERSON 'Florence' [33,41)",
                                 "PERSON 'Austin' [46,52)", "PLACE.city 'Florence' [56,64)"}));
}

TEST_F(ExtractTest, FirstPersonInsideAQuotationIsNotTheNarrator) {
  Run("The meetup drew 80 people. Ana Lima said: \"I loved the questions.\" We stayed late.");
  EXPECT_TRUE(ex_.has_narrator);  // "We" outside the quotation
  Run("The meetup drew 80 people. Ana Lima said: \"I loved the questions.\"");
  EXPECT_FALSE(ex_.has_narrator);
}

// --- programme lines: headings and list items that name a talk ---------------------------------

TEST_F(ExtractTest, ProgrammeLineSpeakerDashTitle) {
  Run("The talks\n\nMarta Kowalczyk - Building Fast Parsers in Go & C\n\nIt was good.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Marta Kowalczyk' [11,26)",
                                 "TALK.talk 'Building Fast Parsers in Go & C' [29,60)"}));
  EXPECT_EQ(RuleOf("Marta Kowalczyk"), "programme_line_speakers_dash_title");
  EXPECT_EQ(Relations(),
            (Strings{"speaker_of Marta Kowalczyk -> Building Fast Parsers in Go & C"}));
}

TEST_F(ExtractTest, ProgrammeLineTitleDashSpeakersWithOrganisation) {
  Run("Why Caches Lie: A Story of Stale Reads? - Tobias Lindqvist, Northwind Data Co\n\n"
      "Rethinking Queues - Ada Nwosu & Pieter de Vries\n");
  EXPECT_EQ(Relations(),
            (Strings{"affiliated_with Tobias Lindqvist -> Northwind Data Co",
                     "speaker_of Ada Nwosu -> Rethinking Queues",
                     "speaker_of Pieter de Vries -> Rethinking Queues",
                     "speaker_of Tobias Lindqvist -> Why Caches Lie: A Story of Stale Reads?"}));
}

TEST_F(ExtractTest, ProgrammeLineEndingInALegalFormWithAFullStop) {
  Run("Notes\n\nSafer Builds, Faster - Radka Novotna, Brightline Software Sp. z o.o.\n\n"
      "Caching Without Tears - Ole Brun, Fjordlys S.A.\n");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Ole Brun -> Fjordlys S.A.",
                                  "affiliated_with Radka Novotna -> Brightline Software Sp. z o.o.",
                                  "speaker_of Ole Brun -> Caching Without Tears",
                                  "speaker_of Radka Novotna -> Safer Builds, Faster"}));
}

TEST_F(ExtractTest, PolishLegalFormWithACapitalDoesNotEndTheLine) {
  Run("Notes\n\nKernel Work - Marta Zielinska, Nordlight Polska Sp. Z o.o.\n");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Marta Zielinska -> Nordlight Polska Sp. Z o.o.",
                                  "speaker_of Marta Zielinska -> Kernel Work"}));
}

TEST_F(ExtractTest, TitleBySpeakerOpeningALineOfRunningText) {
  // A title-case title, the speaker, then the writer's own words after a comma.
  Run("Day two.\n\nParsers, Lexers, Types: The What and Why of compilers on the BEAM by Ines "
      "Kowal, honestly I knew little about it. It was fun.\n\nFast Builds for Everyone by Ravi "
      "Menon, a consultant.\n\nTalks were given by Jane Doe, a volunteer.\n\nThis keynote "
      "titled \u201cWhy Tools Matter\u201d by Sara Ito was good.\n");
  EXPECT_EQ(Relations(),
            (Strings{"speaker_of Ines Kowal -> Parsers, Lexers, Types: The What and Why of "
                     "compilers on the BEAM",
                     "speaker_of Ravi Menon -> Fast Builds for Everyone",
                     "speaker_of Sara Ito -> Why Tools Matter"}));
  EXPECT_EQ(RuleOf("Fast Builds for Everyone"), "programme_line_title_by_speakers");
}

TEST_F(ExtractTest, PanelLineWithPanelistsAndAModeratorAfterAQuestion) {
  Run("Day 2\n\n- Panel: Is the Monolith Back? with Wei Zhang, Laura Perez and Sam Okoye, "
      "moderated by Dana Whitfield\n");
  // (The relation rule "moderated by" also points at the nearest talk: the same one.)
  EXPECT_EQ(Relations(), (Strings{"moderator_of Dana Whitfield -> @nearest_talk",
                                  "moderator_of Dana Whitfield -> Is the Monolith Back?",
                                  "panelist_of Laura Perez -> Is the Monolith Back?",
                                  "panelist_of Sam Okoye -> Is the Monolith Back?",
                                  "panelist_of Wei Zhang -> Is the Monolith Back?"}));
}

TEST_F(ExtractTest, KindTitleDashSpeakerWithARoleAtAnOrganisation) {
  Run("Keynotes\n\nOpening keynote: \"Platform Teams Are Product Teams\" \u2013 Wanjiru Kamau, VP "
      "of Engineering at Sendwave\n\nClosing keynote: \"On Call Without Burnout\" \u2013 Brian "
      "Otieno, CTO\n");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Wanjiru Kamau -> Sendwave [VP]",
                                  "speaker_of Brian Otieno -> On Call Without Burnout",
                                  "speaker_of Wanjiru Kamau -> Platform Teams Are Product Teams"}));
  for (const Mention &m : ex_.mentions) EXPECT_NE(m.text, "Engineering") << Describe(m);
}

TEST_F(ExtractTest, ProgrammeLineListItemsWithHandleColonAndBy) {
  Run("Highlights:\n\n- Jane Doe (@jdoe): testing the untestable\n\n"
      "- Ten Years of Type Checkers by Ravi Menon\n\n- Opening Keynote \xE2\x80\x93 Why Tools "
      "Matter\n");
  EXPECT_EQ(Relations(), (Strings{"speaker_of Jane Doe -> testing the untestable",
                                  "speaker_of Ravi Menon -> Ten Years of Type Checkers"}));
  EXPECT_EQ(RuleOf("Why Tools Matter"), "programme_line_kind_title");
}

TEST_F(ExtractTest, HeadingsThatAreNotTalksStayNames) {
  // A day and a place, a section title and a plain list item are not programme items.
  Run("Day 2 - Monday\n\nBerlin - Germany\n\nThe room was packed\n\n- Keynote - Sara Ito\n");
  for (const Mention &m : ex_.mentions) EXPECT_NE(m.type, EntityType::kTalk) << Describe(m);
  EXPECT_TRUE(Relations().empty()) << Relations()[0];
}

// --- relation phrasings ------------------------------------------------------------------------

TEST_F(ExtractTest, MetPhrasingsIntroductionsAndGreatToMeet) {
  Run("It was great to meet Farid Haddad at the booth. Lena Okafor introduced me to Tomas "
      "Brandt. Later I bumped into Ines Varga.");
  EXPECT_EQ(Relations(),
            (Strings{"met @narrator -> Farid Haddad", "met @narrator -> Ines Varga",
                     "met @narrator -> Tomas Brandt", "met Lena Okafor -> @narrator"}));
}

TEST_F(ExtractTest, NarratorModeratedSomeonesPanel) {
  Run("I moderated Ana Lima's panel.");
  EXPECT_EQ(Relations(), (Strings{"moderator_of @narrator -> Ana Lima's panel",
                                  "speaker_of Ana Lima -> Ana Lima's panel"}));
}

TEST_F(ExtractTest, RoleAndOrganisationInBracketsAfterAPerson) {
  Run("Ines Varga (Principal Engineer, Northwind Data) spoke next.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Ines Varga' [0,10)", "ORG 'Northwind Data' [32,46)"}));
  EXPECT_EQ(Relations(),
            (Strings{"affiliated_with Ines Varga -> Northwind Data [Principal Engineer]"}));
}

TEST_F(ExtractTest, NarratorInACityForTheEventGivesHeldAt) {
  Run("I was in sunny Valencia for RustFest 2022.");
  EXPECT_EQ(Relations(), (Strings{"held_at RustFest 2022 -> Valencia"}));
}

// --- talk titles in running text ---------------------------------------------------------------

TEST_F(ExtractTest, UnquotedTitleAfterHerTalkRunsToTheSentenceEnd) {
  Run("Marta Ruiz woke everyone up in her talk Parsing the Unparseable: Lessons from 10 Years "
      "of Logs.");
  EXPECT_EQ(Relations(),
            (Strings{"speaker_of Marta Ruiz -> Parsing the Unparseable: Lessons from 10 Years of "
                     "Logs"}));
}

TEST_F(ExtractTest, UnquotedTitleAfterCalledStopsAtAClause) {
  Run("Then I saw a talk called Why Queues Fail, which was great.");
  EXPECT_EQ(Mentions(), (Strings{"TALK.talk 'Why Queues Fail' [25,40)"}));
}

TEST_F(ExtractTest, TitlesInSingleCurlyQuotesAndGuillemets) {
  Run("Omar Haddad gave a talk titled \xE2\x80\x98Small Data, Big Wins\xE2\x80\x99 on Friday. "
      "Ana Lima presented \xC2\xAB"
      "Fixing Flaky Tests\xC2\xBB.");
  EXPECT_EQ(Relations(), (Strings{"speaker_of Ana Lima -> Fixing Flaky Tests",
                                  "speaker_of Omar Haddad -> Small Data, Big Wins"}));
}

// --- a name's type is decided per document, from all its evidence ----------------------------

TEST_F(ExtractTest, TypeVoteOutweighsOneWeakGivenNameReading) {
  // "Mercer" is a given name, so alone "Mercer Lane" reads as a person; three contexts say
  // organisation, and every mention follows the vote.
  Run("Mercer Lane was everywhere. I joined Mercer Lane last year, and Mercer Lane staff were "
      "great. Mercer Lane is hiring.");
  ASSERT_EQ(ex_.mentions.size(), 4u);
  for (const Mention &m : ex_.mentions) EXPECT_EQ(m.type, EntityType::kOrg) << Describe(m);
  EXPECT_EQ(ex_.mentions[0].rule, "vote:org_joined");
}

TEST_F(ExtractTest, LanguagesAndNationalitiesAreNotNames) {
  Run("The workshop was presented by French speakers and Jane Doe, with Italian food.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Jane Doe' [50,58)"}));
}

TEST_F(ExtractTest, AListMemberNeedsItsOwnEvidence) {
  Run("In the US, Jane Doe, John Roe and Ann Poe founded Acme Labs.");
  EXPECT_EQ(Mentions(), (Strings{"PLACE.country 'US' [7,9)", "PERSON 'Jane Doe' [11,19)",
                                 "PERSON 'John Roe' [21,29)", "PERSON 'Ann Poe' [34,41)",
                                 "ORG 'Acme Labs' [50,59)"}));
}

TEST_F(ExtractTest, NameInsideACommonPhraseIsNotAPerson) {
  Run("Murphy's law applies, and in March I met Robin.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Robin' [41,46)"}));
}

// --- organisations and products from the sourced lists ----------------------------------------

TEST_F(ExtractTest, KnownCompanyInProseAndItsPerson) {
  Run("Google's Sara Ito showed a demo, and I talked to Omar Haddad from Mozilla.");
  EXPECT_EQ(RuleOf("Google"), "gazetteer:companies");
  EXPECT_EQ(Relations(),
            (Strings{"affiliated_with Omar Haddad -> Mozilla", "affiliated_with Sara Ito -> Google",
                     "met @narrator -> Omar Haddad"}));
}

// Under "Thanks", an item's second name is thanked too ("Felix and the Kivuko Labs crew"), and
// a list item introduces no list of the items after it (no "meetup" social here).
TEST_F(ExtractTest, ThanksListItemsWithTwoNamesThankBothAndListNoSocials) {
  Run("I went to DataFest 2026.\n\nThanks\n\n* Felix Gruber and the Kivuko Labs crew for the "
      "meetup\n* Ana Lima & Tomas Brandt, for the couch\n* Quillfeather Labs, for paying\n");
  EXPECT_EQ(Talks(), Strings{});
  Strings thanked;
  for (const std::string &r : Relations()) {
    if (r.starts_with("thanked")) thanked.push_back(r);
  }
  std::sort(thanked.begin(), thanked.end());
  EXPECT_EQ(thanked,
            (Strings{"thanked @narrator -> Ana Lima", "thanked @narrator -> Felix Gruber",
                     "thanked @narrator -> Kivuko Labs", "thanked @narrator -> Quillfeather Labs",
                     "thanked @narrator -> Tomas Brandt"}));
}

TEST_F(ExtractTest, ThankingALibraryThanksNoOne) {
  Run("Thanks to NumPy and Kubernetes, and thanks to Ana Lima for the help.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Ana Lima' [46,54)"}));
}

TEST_F(ExtractTest, ProgrammeLinesWithKindNumberBracketsAndOn) {
  Run("Keynote: Why Tools Matter by Ines Moreau\n\nTalk 3: Fast Queues in Practice\n\n"
      "Building Fast Parsers (Jane Doe)\n\nRavi Menon on Testing the Untestable\n");
  EXPECT_EQ(Relations(), (Strings{"speaker_of Ines Moreau -> Why Tools Matter",
                                  "speaker_of Jane Doe -> Building Fast Parsers",
                                  "speaker_of Ravi Menon -> Testing the Untestable"}));
  EXPECT_EQ(RuleOf("Fast Queues in Practice"), "programme_line_kind_title");
}

TEST_F(ExtractTest, NarratorsOwnTalksByVerbAndByColon) {
  Run("I gave a talk about Property Testing in Rust at the meetup. My talk: Ten Years of Logs.");
  EXPECT_EQ(Relations(), (Strings{"speaker_of @narrator -> Property Testing in Rust",
                                  "speaker_of @narrator -> Ten Years of Logs"}));
}

TEST_F(ExtractTest, ThankedForDoingSomethingHelpedAndMeetingAList) {
  Run("I am thankful to Sara Ito for hosting us. The summit gave me the chance to meet people "
      "who shaped my path: Ana Lima and Omar Haddad. We explored the old town with Lena Okafor.");
  EXPECT_EQ(Relations(), (Strings{"helped Sara Ito -> @narrator", "met @narrator -> Ana Lima",
                                  "met @narrator -> Lena Okafor", "met @narrator -> Omar Haddad",
                                  "thanked @narrator -> Sara Ito"}));
}

TEST_F(ExtractTest, HeOrSheStandsForTheOnePersonNamedJustBefore) {
  Run("Then Hanna Ruiz gave the closing keynote. She is a Senior Researcher at Northwind Labs and "
      "a professor at the University of Porto.");
  EXPECT_EQ(Relations(),
            (Strings{"affiliated_with Hanna Ruiz -> Northwind Labs [Senior Researcher]",
                     "affiliated_with Hanna Ruiz -> University of Porto [professor]"}));
  // Two women named before: "she" is left alone; a woman and a man: she is the woman.
  Run("Ana Lima and Eva Berg joined. She works at Northwind Labs.");
  EXPECT_EQ(Relations(), Strings{});
  Run("Ana Lima and Tom Berg joined. She works at Northwind Labs.");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Ana Lima -> Northwind Labs"}));
}

// --- people's titles and honorifics, names with "of the" ---------------------------------------

TEST_F(ExtractTest, HonorificsAreNotNamesButMakePeople) {
  Run("Dr. Ada Nwosu and Prof Ravi Menon spoke. I met Tanaka-san and Suzuki-sensei later.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Ada Nwosu' [4,13)", "PERSON 'Ravi Menon' [23,33)",
                                 "PERSON 'Tanaka' [47,53)", "PERSON 'Suzuki' [62,68)"}));
  EXPECT_EQ(RuleOf("Suzuki"), "honorific");  // a company's name, but the suffix says person
  EXPECT_EQ(Relations(), (Strings{"met @narrator -> Suzuki", "met @narrator -> Tanaka"}));
}

TEST_F(ExtractTest, RoleWrittenAsATitleIsNoPartOfTheName) {
  Run("Later, CEO Jane Doe spoke. We met Principal Engineer Mark Otieno at the booth.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Jane Doe' [11,19)", "PERSON 'Mark Otieno' [53,64)"}));
  EXPECT_EQ(Relations(), (Strings{"met @narrator -> Mark Otieno"}));
}

TEST_F(ExtractTest, SurnameThatIsAWordNamesThePersonOnlyWithoutADeterminer) {
  Run("Joan Farmer joined the council. Then the council elected Farmer as chair. "
      "The farmer next door sold us eggs. We sat in the Farmer Room.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Joan Farmer' [0,11)", "PERSON 'Farmer' [57,63)"}));
  EXPECT_EQ(RuleOf("Farmer"), "document_memory");
}

TEST_F(ExtractTest, NameOfWordsAfterAWordLikeGivenNameIsNoPerson) {
  // "Amber" is a given name and a word; "Lantern" a word: a band, not a person.
  Run("Amber Lantern played a short set. Amber Okafor sang with them.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Amber Okafor' [34,46)"}));
}

TEST_F(ExtractTest, InstitutionOfTwoFieldsStaysWholeButTwoFirmsDoNot) {
  Run("She studies at the Department of Physics and Astronomy. We met the Bank of Ireland and "
      "Google.");
  EXPECT_EQ(Mentions(), (Strings{"ORG 'Department of Physics and Astronomy' [19,54)",
                                 "ORG 'Bank of Ireland' [67,82)", "ORG 'Google' [87,93)"}));
}

TEST_F(ExtractTest, NicknameInQuotesStaysInsideTheNameAndOutOfItsCanonicalForm) {
  Run("We met William \"Buckshot\" Moreau and Jane \u201cJD\u201d Doe. Mike said \"Great\" "
      "Tuesday.");
  EXPECT_EQ(Mentions(),
            (Strings{"PERSON 'William \"Buckshot\" Moreau' [7,32)",
                     "PERSON 'Jane \u201cJD\u201d Doe' [37,50)", "PERSON 'Mike' [52,56)"}));
  ASSERT_EQ(ex_.mentions.size(), 3u);
  EXPECT_EQ(ex_.mentions[0].canonical, "William Moreau");
  EXPECT_EQ(ex_.mentions[1].canonical, "Jane Doe");
  EXPECT_EQ(ex_.mentions[2].canonical, "");
}

TEST_F(ExtractTest, WordsBeforeAFullNameAreNoPartOfItButAnOrganisationsNameStaysWhole) {
  Run("Later Queenslander Mitchell Rawlins and Senior Kory Lind arrived. We visited the Bill "
      "Gates Foundation.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Mitchell Rawlins' [19,35)", "PERSON 'Kory Lind' [47,56)",
                                 "ORG 'Bill Gates Foundation' [81,102)"}));
}

TEST_F(ExtractTest, HallOfFameIsAnOrganisation) {
  Run("In 2019 she was elected to the Chess Hall of Fame.");
  EXPECT_EQ(Mentions(), (Strings{"ORG 'Chess Hall of Fame' [31,49)"}));
  EXPECT_EQ(RuleOf("Chess Hall of Fame"), "org_suffix");
}

TEST_F(ExtractTest, OrganisationOfAKindWithANationalityBeforeTheKind) {
  // "is a" alone would make a person; the kind says organisation, past the nationality.
  Run("Velora is a major Portuguese manufacturer of bicycles. Harbour Lane, a Welsh consultancy, "
      "helped. Brightmart is a Danish chain of hypermarkets.");
  EXPECT_EQ(Mentions(), (Strings{"ORG 'Velora' [0,6)", "ORG 'Harbour Lane' [55,67)",
                                 "ORG 'Brightmart' [98,108)"}));
  EXPECT_EQ(RuleOf("Velora"), "org_is_a_kind");
}

TEST_F(ExtractTest, ProgrammeItemNamesHoldConnectorsAndMealsAreSocialItems) {
  Run("We sat together at the Women in Data Lunch. Later came the Speakers and Volunteers "
      "Dinner. Dana Wu and Closing Panel hosts went home.");
  EXPECT_EQ(Mentions(),
            (Strings{"TALK.social 'Women in Data Lunch' [23,42)",
                     "TALK.social 'Speakers and Volunteers Dinner' [59,89)",
                     "PERSON 'Dana Wu' [91,98)", "TALK.panel 'Closing Panel' [103,116)"}));
  EXPECT_EQ(RuleOf("Women in Data Lunch"), "talk_social");
}

TEST_F(ExtractTest, PersonByTheirPartInTheEventAndAProductBeforeAName) {
  Run("That night, Ingvild Haugstad, an attendee, invited us over. The first speaker was the "
      "author of Kotlin Mirela Dobre who talked about types.");
  EXPECT_EQ(Mentions(),
            (Strings{"PERSON 'Ingvild Haugstad' [12,28)", "PERSON 'Mirela Dobre' [103,115)"}));
  EXPECT_EQ(RuleOf("Ingvild Haugstad"), "person_appositive_participant");
}

TEST_F(ExtractTest, GatheringNamedInBracketsAfterItsKind) {
  Run("The next day I left for another conference in Lisbon (CodeHarbor).");
  EXPECT_EQ(Mentions(), (Strings{"PLACE.city 'Lisbon' [46,52)", "EVENT 'CodeHarbor' [54,64)"}));
  EXPECT_EQ(RuleOf("CodeHarbor"), "event_in_brackets");
}

TEST_F(ExtractTest, VenueNameHoldingAndAndAnEventKeyword) {
  Run("We stayed at the Riverside Education and Conference Center. Ana Lima and Grand Hotel "
      "staff helped.");
  EXPECT_EQ(Mentions(),
            (Strings{"PLACE.venue 'Riverside Education and Conference Center' [17,58)",
                     "PERSON 'Ana Lima' [60,68)", "PLACE.venue 'Grand Hotel' [73,84)"}));
}

TEST_F(ExtractTest, UnknownNameAfterAPrepositionOfPlaceIsAPlaceByHintButNotDictionaryWords) {
  Run("Her family farmed near Kellstow until 1950. The poster was in Abstract Format. "
      "Dunmarra (locally Dunmara) is a small village on the river.");
  EXPECT_EQ(Mentions(), (Strings{"PLACE 'Kellstow' [23,31)", "PLACE 'Dunmarra' [79,87)"}));
  EXPECT_EQ(RuleOf("Kellstow"), "place_after_preposition_guess");
  EXPECT_EQ(RuleOf("Dunmarra"), "place_is_a_kind");
}

TEST_F(ExtractTest, NameWithALowerCaseWordForLandOrWaterIsAPlace) {
  Run("On Sunday we visited Barton springs with Ines Kowal.");
  EXPECT_EQ(Mentions(), (Strings{"PLACE 'Barton springs' [21,35)", "PERSON 'Ines Kowal' [41,51)"}));
  EXPECT_EQ(Relations(), (Strings{"met @narrator -> Ines Kowal"}));
}

TEST_F(ExtractTest, ListMemberWithACompanionKeepsTheListGoing) {
  Run("Later I headed out to the lake with a group of people, Ada Lee, Bo Chen and his wife, "
      "and Mia Holm.");
  EXPECT_EQ(Relations(), (Strings{"met @narrator -> Ada Lee", "met @narrator -> Bo Chen",
                                  "met @narrator -> Mia Holm"}));
}

TEST_F(ExtractTest, ColleaguesNamedAfterTheirOrganisationAndWhoRunsATeamThere) {
  Run("I went with two colleagues from Tidewater Analytics, Rui Almeida and Priya Nair. Sam "
      "Okoye, who runs the data team at Brightpath Labs, spoke.");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with @narrator -> Tidewater Analytics",
                                  "affiliated_with Priya Nair -> Tidewater Analytics",
                                  "affiliated_with Rui Almeida -> Tidewater Analytics",
                                  "affiliated_with Sam Okoye -> Brightpath Labs"}));
}

TEST_F(ExtractTest, OrganisationsThankedAndThankedForTheirSupport) {
  Run("I would like to thank the Harbour Trust for providing travel assistance. Many thanks to "
      "the organisers, and to Tidewater Analytics for sponsoring my trip.");
  EXPECT_EQ(
      Relations(),
      (Strings{"helped Harbour Trust -> @narrator", "helped Tidewater Analytics -> @narrator",
               "thanked @narrator -> Harbour Trust", "thanked @narrator -> Tidewater Analytics"}));
}

TEST_F(ExtractTest, QuestionMarkBeforeALowerCaseWordEndsNoSentence) {
  Run("Is the stack dead? asked Ana Lima. It is not! Then we left.");
  ASSERT_EQ(td_.sentences.size(), 3u);
  EXPECT_EQ(doc_.text.substr(td_.sentences[0].begin, td_.sentences[0].end - td_.sentences[0].begin),
            "Is the stack dead? asked Ana Lima.");
}

TEST_F(ExtractTest, FullNameAfterAnOrganisationsPossessiveIsAPerson) {
  Run("Later, Shopify's Aaron Chen hosted a workshop on profiling.");
  EXPECT_EQ(Mentions(), (Strings{"ORG 'Shopify' [7,14)", "PERSON 'Aaron Chen' [17,27)",
                                 "TALK.workshop 'workshop on profiling' [37,58)"}));
  EXPECT_EQ(RuleOf("Aaron Chen"), "default:given_name");
}

TEST_F(ExtractTest, EventNameWithoutItsYearNamesTheEvent) {
  Run("I attended KaigiLab 2023 in Osaka. Huge thanks to the KaigiLab team.");
  EXPECT_EQ(Mentions(), (Strings{"EVENT 'KaigiLab 2023' [11,24)", "PLACE.city 'Osaka' [28,33)",
                                 "EVENT 'KaigiLab' [54,62)"}));
}

TEST_F(ExtractTest, TitlesInPlainSingleQuotesAfterATitleCue) {
  Run("It opened with a keynote by Dr. Mateja Novak, titled 'Why Open Data Needs Open Tools'. "
      "Then Luka Horvat, who presented 'Scaling Messaging to a Billion Users', took questions. "
      "We didn't stay.");
  EXPECT_EQ(Relations(), (Strings{"speaker_of Luka Horvat -> Scaling Messaging to a Billion Users",
                                  "speaker_of Mateja Novak -> Why Open Data Needs Open Tools"}));
}

TEST_F(ExtractTest, OrganisationRoleAppositionAndAnEventOrganisedByAcrossItsPlace) {
  Run("I volunteered at HackDays 2022 in Ljubljana, a community conference organised by the "
      "Open Source Society. I also met Ivana Kovac, the Acme Labs treasurer. Gregor Krajnc, one "
      "of the Acme Labs founders, spoke. I ran the registration desk with Jana Horvat.");
  EXPECT_EQ(Relations(),
            (Strings{"affiliated_with Gregor Krajnc -> Acme Labs [founder]",
                     "affiliated_with Ivana Kovac -> Acme Labs [treasurer]",
                     "attended @narrator -> HackDays 2022", "held_at HackDays 2022 -> Ljubljana",
                     "met @narrator -> Ivana Kovac", "met @narrator -> Jana Horvat",
                     "organized Open Source Society -> HackDays 2022"}));
}

TEST_F(ExtractTest, ListOfPeopleEachWithAnOrganisationInBrackets) {
  Run("My favourite session was the panel on funding with Ana Petrovic (Red Hat), Tomaz Zupan "
      "(Brightline) and Sara Lind (Mozilla Foundation).");
  EXPECT_EQ(RuleOf("Brightline"), "org_in_brackets_parallel");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Ana Petrovic -> Red Hat",
                                  "affiliated_with Sara Lind -> Mozilla Foundation",
                                  "affiliated_with Tomaz Zupan -> Brightline",
                                  "panelist_of Ana Petrovic -> panel on funding",
                                  "panelist_of Sara Lind -> panel on funding",
                                  "panelist_of Tomaz Zupan -> panel on funding"}));
}

TEST_F(ExtractTest, WorkshopRunByTwoPeopleOneWithAWordLikeGivenName) {
  Run("I joined the Terraform workshop run by Grace Achieng and Kevin Mwangi. Grace leads the "
      "cloud team at Equity Bank. Mostly engineers from East African startups came. She moved to "
      "a local fintech called Pezesha.");
  EXPECT_EQ(Mentions(), (Strings{"TALK.workshop 'Terraform workshop' [13,31)",
                                 "PERSON 'Grace Achieng' [39,52)", "PERSON 'Kevin Mwangi' [57,69)",
                                 "ORG 'Equity Bank' [101,112)", "ORG 'Pezesha' [200,207)"}));
  EXPECT_EQ(Relations(), (Strings{"speaker_of Grace Achieng -> Terraform workshop",
                                  "speaker_of Kevin Mwangi -> Terraform workshop"}));
}

TEST_F(ExtractTest, PersonWhoLeadsATeamAtAnOrganisation) {
  Run("Ana Lima leads the cloud platform team at Equity Bank.");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Ana Lima -> Equity Bank"}));
}

TEST_F(ExtractTest, EventOrganisedByATeamLedByAPerson) {
  Run("The conference was organised by a volunteer team led by Mercy Wambui.");
  EXPECT_EQ(Relations(), (Strings{"organized Mercy Wambui -> @main_event"}));
}

TEST_F(ExtractTest, TwoNameConnectorsInARowAndHerTalkWasCalled) {
  Run("Afterwards I went to see Marieke van der Berg, a data scientist at ING, talk about "
      "graphs. Her talk was called Graphs Catch Fraudsters.");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Marieke van der Berg -> ING [data scientist]",
                                  "met @narrator -> Marieke van der Berg",
                                  "speaker_of Marieke van der Berg -> Graphs Catch Fraudsters"}));
}

TEST_F(ExtractTest, TitleCaseTitleSetOffByCommasAfterMyTalk) {
  Run("I presented my own talk, Notebooks in Production?, in the afternoon slot. In her talk, "
      "Emily explained how to grow a community.");
  EXPECT_EQ(Mentions(),
            (Strings{"TALK.talk 'Notebooks in Production?' [25,49)", "PERSON 'Emily' [87,92)"}));
  EXPECT_EQ(Relations(), (Strings{"speaker_of @narrator -> Notebooks in Production?"}));
}

TEST_F(ExtractTest, PossessiveTalkFollowedByItsTitleIsTheTitle) {
  Run("Ana Lima's talk, \"Fast Parsers Everywhere\", was my favourite. Kavya Rao's talk, A Race "
      "Detector Unravelled, was close.");
  EXPECT_EQ(
      Mentions(),
      (Strings{"PERSON 'Ana Lima' [0,8)", "TALK.talk 'Fast Parsers Everywhere' [18,41)",
               "PERSON 'Kavya Rao' [62,71)", "TALK.talk 'A Race Detector Unravelled' [80,106)"}));
  EXPECT_EQ(Relations(), (Strings{"speaker_of Ana Lima -> Fast Parsers Everywhere",
                                  "speaker_of Kavya Rao -> A Race Detector Unravelled"}));
}

TEST_F(ExtractTest, OrganisersNamedAfterTheWordAndTheVenueInAnAppositive) {
  Run("The organisers, Satish Talim and Vinay Kumar, put together a great lineup, and the "
      "venue, Hyatt Regency Pune, was comfortable.");
  EXPECT_EQ(RuleOf("Hyatt Regency Pune"), "venue_appositive");
  EXPECT_EQ(Relations(), (Strings{"held_at @main_event -> Hyatt Regency Pune",
                                  "organized Satish Talim -> @main_event",
                                  "organized Vinay Kumar -> @main_event"}));
}

TEST_F(ExtractTest, AcademicReportPaperSessionChairVenueAndAKeynoteDay) {
  Run("On Tuesday I presented our paper, \"Flaky Tests in the Wild\", in a packed room. The "
      "session was chaired by Dr. Hannah Weber. The keynote on Wednesday was good. The reception "
      "was at the Harbour Museum of Natural History.");
  EXPECT_EQ(Mentions(), (Strings{"TALK.talk 'Flaky Tests in the Wild' [35,58)",
                                 "PERSON 'Hannah Weber' [110,122)",
                                 "PLACE.venue 'Harbour Museum of Natural History' [184,217)"}));
  EXPECT_EQ(Relations(), (Strings{"moderator_of Hannah Weber -> @nearest_talk",
                                  "speaker_of @narrator -> Flaky Tests in the Wild"}));
}

TEST_F(ExtractTest, AcronymInBracketsSaysHowFarBackTheNameGoes) {
  Run("I joined the mentoring workshop organised by Women in Data Engineering (WDE). We are "
      "members of the Association for Computing Machinery (ACM).");
  EXPECT_EQ(Mentions(), (Strings{"ORG 'Women in Data Engineering' [45,70)", "ORG 'WDE' [72,75)",
                                 "ORG 'Association for Computing Machinery' [100,135)",
                                 "ORG 'ACM' [137,140)"}));
}

TEST_F(ExtractTest, LowerCaseMeetupRecapWithQuotedTitleAndAKindSpeakersTitleLine) {
  Run("first up was Ingrid Svensson with \"async code without tears\". she was great.\n\n"
      "second talk: Mateo Alvarez (Embark Studios) \u2013 Building Game Tools in Rust. we "
      "loved it.");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Mateo Alvarez -> Embark Studios",
                                  "speaker_of Ingrid Svensson -> async code without tears",
                                  "speaker_of Mateo Alvarez -> Building Game Tools in Rust"}));
}

TEST_F(ExtractTest, NameWithOfTheStaysWhole) {
  Run("I attended the Annual Meeting of the Society for Neuroscience in Chicago.");
  EXPECT_EQ(Mentions(), (Strings{"EVENT 'Annual Meeting of the Society for Neuroscience' [15,61)",
                                 "PLACE.city 'Chicago' [65,72)"}));
}

TEST_F(ExtractTest, QuotedTitleCaseTextIsATalkButQuotedSpeechIsNot) {
  Run("Ana Lima's \"Gardens and Glaciers: Saving Knowledge Through Succession\" was the best. "
      "Tom Berg said \"I would write a parser for it\" later.");
  EXPECT_EQ(Mentions(),
            (Strings{"PERSON 'Ana Lima' [0,8)",
                     "TALK.talk 'Gardens and Glaciers: Saving Knowledge Through Succession' "
                     "[12,69)",
                     "PERSON 'Tom Berg' [85,93)"}));
  EXPECT_EQ(Relations(),
            (Strings{"speaker_of Ana Lima -> Gardens and Glaciers: Saving Knowledge Through "
                     "Succession"}));
}

TEST_F(ExtractTest, TalkTopicIsNotAPronounOrFunctionWord) {
  Run("I gave a talk about it at the meetup. Later Ana Lima gave a talk about how hard naming is.");
  for (const Mention &m : ex_.mentions) EXPECT_NE(m.type, EntityType::kTalk) << Describe(m);
}

TEST_F(ExtractTest, NationalityBeforeAProductIsNoEvent) {
  Run("It is the Italian Go conference, and I spoke there.");
  EXPECT_TRUE(Mentions().empty()) << Mentions()[0];
}

TEST_F(ExtractTest, OrdinalOpensAnOrganisationAndBothWorkForIt) {
  Run("The tutorial by Ana Lima & Tom Berg, both working for 8th Meridian Labs, was great.");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Ana Lima -> 8th Meridian Labs",
                                  "affiliated_with Tom Berg -> 8th Meridian Labs"}));
}

TEST_F(ExtractTest, TalksTheNarratorAnnouncesAreTheTitleLinesThatFollow) {
  Run("While there, I gave three talks.\n\nFast Parsers in Go\nThis covered parsing tips.\n\n"
      "Testing the Untestable\nThis one was about tests.\n\nThe Big Show\nA joint talk with Ana "
      "Lima.\n\nLunch Break\nWe ate.\n");
  EXPECT_EQ(Relations(), (Strings{"speaker_of @narrator -> Fast Parsers in Go",
                                  "speaker_of @narrator -> Testing the Untestable",
                                  "speaker_of @narrator -> The Big Show"}));
  // Someone else's announcement does not make the headings talks.
  Run("There were three workshops.\n\nFast Parsers in Go\nThis covered parsing tips.\n");
  for (const Mention &m : ex_.mentions) EXPECT_NE(m.type, EntityType::kTalk) << Describe(m);
}

TEST_F(ExtractTest, ProgrammeListSkipsLinksAndDayHeadingsAndKeepsLeadingNumbers) {
  Run("The talks I liked:\n\n- 12 Rules for Calm Releases\n- Day 2, 3 & 4\n"
      "- https://example.org/slides\n- Quiet Queues\n");
  EXPECT_EQ(Mentions(), (Strings{"TALK.talk '12 Rules for Calm Releases' [22,48)",
                                 "TALK.talk 'Quiet Queues' [95,107)"}));
}

TEST_F(ExtractTest, ProgrammeWordsAloneNameNoTalk) {
  Run("The Keynote was long, the Lightning Talks were short, and the Compiler Workshop was full.");
  EXPECT_EQ(Mentions(), (Strings{"TALK.workshop 'Compiler Workshop' [62,79)"}));
}

TEST_F(ExtractTest, VersionNumberInsideAnEventName) {
  Run("I went to the DevFest 2.0 Summit in Pune.");
  EXPECT_EQ(Mentions(),
            (Strings{"EVENT 'DevFest 2.0 Summit' [14,32)", "PLACE.city 'Pune' [36,40)"}));
}

TEST_F(ExtractTest, PronounsAndLettersAloneAreNoNames) {
  Run("Later He spoke, and then D said hi to Ana Lima.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Ana Lima' [38,46)"}));
}

TEST_F(ExtractTest, AmbiguousCityAfterAPlaceCue) {
  Run("We had dinner in the heart of Florence, then went visiting Charlotte.");
  EXPECT_EQ(Mentions(),
            (Strings{"PLACE.city 'Florence' [30,38)", "PLACE.city 'Charlotte' [59,68)"}));
}

TEST_F(ExtractTest, CapitalisedFunctionWordsDoNotOpenANameAndQuotedTitleSpeakersSplit) {
  Run("I read How To Give Better Demos online. I attended the tutorial \"Queues in Practice\" by "
      "Makos Vanter & Georgina Blake.");
  EXPECT_EQ(Relations(), (Strings{"speaker_of Georgina Blake -> Queues in Practice",
                                  "speaker_of Makos Vanter -> Queues in Practice"}));
  for (const Mention &m : ex_.mentions) EXPECT_NE(m.text, "To Give Better Demos");
}

TEST_F(ExtractTest, NarratorsEmployerAndRoleInAnAsPhrase) {
  Run("It is the project I am currently working on at Northwind Labs.");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with @narrator -> Northwind Labs"}));
  Run("As a former Northwind Labs intern, I presented my work.");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with @narrator -> Northwind Labs [intern]"}));
}

TEST_F(ExtractTest, PersonWhoTalkedRightAfterATalkIsItsSpeaker) {
  Run("The last talk of the day: Quiet Queues in Practice. Ana Lima talked about her work.");
  EXPECT_EQ(Relations(), (Strings{"speaker_of Ana Lima -> @nearest_talk"}));
}

TEST_F(ExtractTest, PeopleFromAnOrganisationAndTeamMembers) {
  Run("The people from Develix organized it.\n\nTeam Quorra [Zed Arno, Hal, Rose Tan]\n");
  EXPECT_EQ(RuleOf("Develix"), "org_people_from");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Hal -> Quorra [member]",
                                  "affiliated_with Rose Tan -> Quorra [member]",
                                  "affiliated_with Zed Arno -> Quorra [member]"}));
}

TEST_F(ExtractTest, EmoticonLetterIsNoName) {
  Run("It worked :D He said so, and Ana Lima agreed.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Ana Lima' [29,37)"}));
}

TEST_F(ExtractTest, OrganisationHeadWordsBeyondCompanies) {
  Run("The album came out on Blue Lantern Records, and Rovers United Club played.");
  EXPECT_EQ(Mentions(),
            (Strings{"ORG 'Blue Lantern Records' [22,42)", "ORG 'Rovers United Club' [48,66)"}));
}

TEST_F(ExtractTest, NarratorWentOutWithAGroupOfPeopleAndAnOrgRoleInAnAsPhrase) {
  Run("On Saturday, I headed out to the lake with an eclectic group of people, Ted Marsh and "
      "Rina Lo. As a former Quillworks intern, I was glad to be there.");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with @narrator -> Quillworks [intern]",
                                  "met @narrator -> Rina Lo", "met @narrator -> Ted Marsh"}));
}

TEST_F(ExtractTest, CityForTheEventSplitsWithoutTheArticleAndADemonymProductIsNoEvent) {
  Run("We were in Rotterdam for the European Ruby conference. I was in Lisbon for the Data "
      "Summit.");
  EXPECT_EQ(Mentions(), (Strings{"PLACE.city 'Rotterdam' [11,20)", "PLACE.city 'Lisbon' [64,70)",
                                 "EVENT 'Data Summit' [79,90)"}));
}

TEST_F(ExtractTest, QuotedTitlesAfterAProgrammeWordOrAPerson) {
  Run("Next up was Tom Berg with \xE2\x80\x9CQuiet Queues in Practice\xE2\x80\x9D. Then came the "
      "panel \xE2\x80\x9COpen Source Funding\xE2\x80\x9D with Ana Lima and Ravi Menon.");
  EXPECT_EQ(Relations(), (Strings{"panelist_of Ana Lima -> Open Source Funding",
                                  "panelist_of Ravi Menon -> Open Source Funding",
                                  "speaker_of Tom Berg -> Quiet Queues in Practice"}));
}

TEST_F(ExtractTest, UnknownNamesAtASentenceStartTypedByTheirVerb) {
  Run("Pia Alvestad told me about it. Sondre Vik was there too.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Pia Alvestad' [0,12)", "PERSON 'Sondre Vik' [31,41)"}));
  // (Someone who "was there too" was at the report's event.)
  EXPECT_EQ(Relations(),
            (Strings{"attended Sondre Vik -> @main_event", "met Pia Alvestad -> @narrator"}));
}

TEST_F(ExtractTest, JourneyFromACityToAnAmbiguousOne) {
  Run("We reached the venue after a long journey from Nairobi to Austin.");
  EXPECT_EQ(Mentions(), (Strings{"PLACE.city 'Nairobi' [47,54)", "PLACE.city 'Austin' [58,64)"}));
  EXPECT_EQ(Relations(), (Strings{"from @narrator -> Nairobi"}));
}

TEST_F(ExtractTest, PlacesByTheirHeadWord) {
  Run("We walked from Harbor Street to the Old Mill Bridge along the Silverdale River.");
  EXPECT_EQ(Mentions(),
            (Strings{"PLACE.venue 'Harbor Street' [15,28)", "PLACE.venue 'Old Mill Bridge' [36,51)",
                     "PLACE.region 'Silverdale River' [62,78)"}));
}

TEST_F(ExtractTest, NameCommaRegionIsAPlaceInThatRegion) {
  // "Virginia" is also a given name; after a comma and a town it is the state.
  Run("She grew up in Marlow Falls, Virginia, and later moved to Tarnby, Denmark.");
  EXPECT_EQ(Mentions(),
            (Strings{"PLACE.venue 'Marlow Falls' [15,27)", "PLACE.region 'Virginia' [29,37)",
                     "PLACE.city 'Tarnby' [58,64)", "PLACE.country 'Denmark' [66,73)"}));
}

TEST_F(ExtractTest, RegionThatIsAlsoAGivenNameAfterAPlaceCue) {
  Run("We spent a week in Hawaii before the summit.");
  EXPECT_EQ(Mentions(), (Strings{"PLACE.region 'Hawaii' [19,25)"}));
}

TEST_F(ExtractTest, SentenceThatDefinesANameAsAPlaceOrAnOrganisation) {
  Run("Holmbury is a small village in Surrey. Brannock Tide was a folk band from Leeds.");
  EXPECT_EQ(RuleOf("Holmbury"), "place_is_a_kind");
  EXPECT_EQ(RuleOf("Brannock Tide"), "org_is_a_kind");
  EXPECT_EQ(Mentions(), (Strings{"PLACE 'Holmbury' [0,8)", "PLACE.city 'Surrey' [31,37)",
                                 "ORG 'Brannock Tide' [39,52)", "PLACE.city 'Leeds' [74,79)"}));
}

TEST_F(ExtractTest, GivenNameAndAHeadWordThatIsNoSurname) {
  // "Hall" is also a surname, "Media" and "College" are not.
  Run("Ana Hall joined Fairfax Media after Mercedes College.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Ana Hall' [0,8)", "ORG 'Fairfax Media' [16,29)",
                                 "ORG 'Mercedes College' [36,52)"}));
}

TEST_F(ExtractTest, QualifierAndAKnownPlaceIsAPlace) {
  Run("They moved from West Germany to North Melbourne.");
  EXPECT_EQ(Mentions(), (Strings{"PLACE.region 'West Germany' [16,28)",
                                 "PLACE.region 'North Melbourne' [32,47)"}));
}

TEST_F(ExtractTest, SurnameAloneNamesThePersonTheDocumentNamedInFull) {
  Run("In 2019, Castell moved to Oslo. Mira Castell had founded the studio.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Castell' [9,16)", "PLACE.city 'Oslo' [26,30)",
                                 "PERSON 'Mira Castell' [32,44)"}));
  EXPECT_EQ(RuleOf("Castell"), "document_memory");
}

TEST_F(ExtractTest, TitleOfRankBeforeAGivenNameMakesAPersonWithoutTheTitle) {
  Run("Lt. Gen. Ravi Menon met Captain Ada Nwosu. the Admiral Lantern sailed.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Ravi Menon' [9,19)", "PERSON 'Ada Nwosu' [32,41)"}));
  EXPECT_EQ(RuleOf("Ada Nwosu"), "honorific");
}

TEST_F(ExtractTest, InstitutionalHeadWordOfANameIsOneOrganisation) {
  Run("She joined the Rowing Association of Norland in May.");
  EXPECT_EQ(Mentions(), (Strings{"ORG 'Rowing Association of Norland' [15,44)"}));
}

TEST_F(ExtractTest, OrganisationsThatOwnOrSignAndTeamsNamedByTheirCity) {
  Run("The station was operated by Quillon Transit. He played for the Toronto Herons, then "
      "signed with Velmora.");
  EXPECT_EQ(Mentions(), (Strings{"ORG 'Quillon Transit' [28,43)", "ORG 'Toronto Herons' [63,77)",
                                 "ORG 'Velmora' [96,103)"}));
  EXPECT_EQ(RuleOf("Toronto Herons"), "org_place_plural");
}

TEST_F(ExtractTest, AcronymInSpacedBracketsAfterAnOrganisation) {
  Run("The Northland Rowing Federation ( NRF ) met. Later the NRF voted.");
  EXPECT_EQ(Mentions(), (Strings{"ORG 'Northland Rowing Federation' [4,31)", "ORG 'NRF' [34,37)",
                                 "ORG 'NRF' [55,58)"}));
}

TEST_F(ExtractTest, SmallerTownOnlyWithAPlaceCue) {
  // Wicklow is a town of towns.tsv: a place after "from", not on its own.
  Run("Wicklow was quiet.");
  EXPECT_EQ(Mentions(), Strings{});
  Run("Our driver came from Wicklow and moved to Kenora.");
  EXPECT_EQ(Mentions(), (Strings{"PLACE.city 'Wicklow' [21,28)", "PLACE.city 'Kenora' [42,48)"}));
  EXPECT_EQ(RuleOf("Kenora"), "gazetteer:towns");
}

TEST_F(ExtractTest, AcronymOfANameTheDocumentTypedNamesTheSameThing) {
  Run("The NRF met in May. Members of the Northern Rowing Federation voted.");
  EXPECT_EQ(Mentions(), (Strings{"ORG 'NRF' [4,7)", "ORG 'Northern Rowing Federation' [35,61)"}));
  EXPECT_EQ(RuleOf("NRF"), "document_memory");
}

TEST_F(ExtractTest, LifeDatesInBracketsAndLifeEventsMakeAPerson) {
  Run("Tamsin Vey (born 1950 in Kenora) was a sculptor. Later Orlo Brandt died.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Tamsin Vey' [0,10)", "PLACE.city 'Kenora' [25,31)",
                                 "PERSON 'Orlo Brandt' [55,66)"}));
  EXPECT_EQ(RuleOf("Tamsin Vey"), "person_born_in_brackets");
}

TEST_F(ExtractTest, OccupationBeforeANameAndTheMakerOfAWorkArePeople) {
  Run("We heard drummer Tavi Roon. The studio was founded by Kelm Adair.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Tavi Roon' [17,26)", "PERSON 'Kelm Adair' [54,64)"}));
}

TEST_F(ExtractTest, OrganisationsByWhatTheyOwnOrBelongTo) {
  Run("Quorrel's debut album sold well. It is a division of Brightmoor. Then came Tessaline, a "
      "record label from Leeds.");
  EXPECT_EQ(RuleOf("Quorrel"), "org_possessive_assets");
  EXPECT_EQ(RuleOf("Brightmoor"), "org_division_of");
  EXPECT_EQ(RuleOf("Tessaline"), "org_appositive_kind");
}

TEST_F(ExtractTest, NameBoundariesAroundAbbreviationsTitlesAndRoles) {
  Run("Dr Ines Ruhl of the Rowing Board met Tomas Vey Jr. in St. Louis. The Secretary of the "
      "Ferry Council came too.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Ines Ruhl' [3,12)", "ORG 'Rowing Board' [20,32)",
                                 "PERSON 'Tomas Vey Jr.' [37,50)", "PLACE.city 'St. Louis' [54,63)",
                                 "ORG 'Ferry Council' [86,99)"}));
}

TEST_F(ExtractTest, PlacesByTheirLeadingWordAndDirectionalCues) {
  Run("We sailed up the River Tolva to Mount Asker, then drove to southern Hawaii.");
  EXPECT_EQ(Mentions(),
            (Strings{"PLACE.region 'River Tolva' [17,28)", "PLACE.region 'Mount Asker' [32,43)",
                     "PLACE.region 'Hawaii' [68,74)"}));
}

TEST_F(ExtractTest, UnquotedTitlesAfterTalkedAboutOrAsWhatATalkWas) {
  Run("Mira Castell talked about Quiet Queues for Garden Science.");
  EXPECT_EQ(Relations(), (Strings{"speaker_of Mira Castell -> Quiet Queues for Garden Science"}));
  Run("Tom Berg talked about Kubernetes.");  // one word: a topic, no title
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Tom Berg' [0,8)"}));
  Run("One talk that caught my eye was Why Parsers Fail and How to Fix Them. Tom Berg "
      "explained it well.");
  EXPECT_EQ(Relations(), (Strings{"speaker_of Tom Berg -> @nearest_talk"}));
  EXPECT_EQ(RuleOf("Why Parsers Fail and How to Fix Them"), "talk_was_title");
}

TEST_F(ExtractTest, PeopleWhoRunAWorkshopStayPeople) {
  Run("The workshop on stream processing was run by Lukas Brenner and Ayo Adeyemi.");
  EXPECT_EQ(RuleOf("Lukas Brenner"), "default:given_name");
  EXPECT_EQ(RuleOf("Ayo Adeyemi"), "default:given_name");
}

TEST_F(ExtractTest, KeynoteFromASpeakerWithARoleTitledLater) {
  Run("It opened with a keynote from Priya Raman, head of data platforms at Tidewater Analytics, "
      "titled \"Pipelines That Heal Themselves\".");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Priya Raman -> Tidewater Analytics [head]",
                                  "speaker_of Priya Raman -> Pipelines That Heal Themselves"}));
}

TEST_F(ExtractTest, UnquotedTitlesAfterPresentedAndInAnAppositive) {
  Run("Chen Wei presented Lessons from Ten Years of Batch Jobs.");
  EXPECT_EQ(Relations(), (Strings{"speaker_of Chen Wei -> Lessons from Ten Years of Batch Jobs"}));
  Run("On the second day I gave my own talk, Testing Data Like Code, in the main hall. In her "
      "talk, Ana Lima showed graphs.");
  EXPECT_EQ(Relations(), (Strings{"speaker_of @narrator -> Testing Data Like Code"}));
}

TEST_F(ExtractTest, OrganisationsAndPeopleWhoHelpedUsAndThanksEspecially) {
  Run("Mentors from Brightwave Labs helped us all weekend. Ifeoma Chukwu, who helped us fix our "
      "deployment, was great. Thanks to the organisers, especially Elena Vidal, for all of it.");
  EXPECT_EQ(Relations(),
            (Strings{"helped Brightwave Labs -> @narrator", "helped Ifeoma Chukwu -> @narrator",
                     "organized Elena Vidal -> @main_event", "thanked @narrator -> Elena Vidal"}));
}

TEST_F(ExtractTest, ProgrammeLineSpeakerWithATitleAndAnOrganisationInBrackets) {
  Run("- Keynote: \"Fifty Years of Parsing\" by Prof. Hanne Dahl (Aalborg University)\n"
      "- Tom Berg (Quillworks) & Ana Lima - Quiet Queues\n");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Hanne Dahl -> Aalborg University",
                                  "affiliated_with Tom Berg -> Quillworks",
                                  "speaker_of Ana Lima -> Quiet Queues",
                                  "speaker_of Hanne Dahl -> Fifty Years of Parsing",
                                  "speaker_of Tom Berg -> Quiet Queues"}));
}

TEST_F(ExtractTest, ProgrammeListItemWithPanelistsAfterWith) {
  Run("Highlights:\n\n- Sven Nyberg - Incremental Parsing at Scale\n- A panel on language "
      "servers with Lea Virtanen and Karin Holm\n- Taming Databases with Django\n");
  EXPECT_EQ(Relations(), (Strings{"panelist_of Karin Holm -> panel on language servers",
                                  "panelist_of Lea Virtanen -> panel on language servers",
                                  "speaker_of Sven Nyberg -> Incremental Parsing at Scale"}));
}

TEST_F(ExtractTest, HisTalkOpeningASentenceAndWorkingOnSomethingAtAnOrganisation) {
  Run("The first talk was by Tobias Eriksen, who works on the compiler at Ferrous Labs. His "
      "talk, Borrow Checking Without Tears, was clear.");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Tobias Eriksen -> Ferrous Labs",
                                  "speaker_of Tobias Eriksen -> Borrow Checking Without Tears"}));
}

TEST_F(ExtractTest, WorkshopNamedInTheTitleIsTheEventAndItsOrganisers) {
  Run("Notes from the Nordic Parsing Workshop\n\nThe workshop was hosted by the University of "
      "Tromsø and co-organised by Ingrid Solberg.");
  EXPECT_EQ(RuleOf("Nordic Parsing Workshop"), "workshop_named_in_title");
  EXPECT_EQ(Relations(), (Strings{"organized Ingrid Solberg -> @main_event",
                                  "organized University of Tromsø -> @main_event"}));
}

TEST_F(ExtractTest, QuotedTitleAfterWasAndAQuotedNameOfThreeWords) {
  Run("My favourite talk was \"Accessible Data Visualisation\" by Maria Gonzalez. I also liked "
      "\"Quiet Queues Everywhere\" a lot.");
  EXPECT_EQ(RuleOf("Quiet Queues Everywhere"), "talk_quoted_one_name");
  EXPECT_EQ(Relations(), (Strings{"speaker_of Maria Gonzalez -> Accessible Data Visualisation"}));
}

TEST_F(ExtractTest, ALanguageNamedAsAnEventsTopicIsNoEvent) {
  Run("It was my first time at a regional Python conference.");
  EXPECT_EQ(Mentions(), Strings{});
}

TEST_F(ExtractTest, ChairsThanksAndOrganisationsKnownFromOrWorkedAt) {
  Run("Raj Patel explained how his team at Quillworks migrated. I bumped into Dave Brown, whom I "
      "know from PyLadies Seattle. A big thank you to the volunteers and to Lisa Park, who "
      "chaired the conference this year.");
  EXPECT_EQ(Relations(),
            (Strings{"affiliated_with Dave Brown -> PyLadies Seattle [member]",
                     "affiliated_with Raj Patel -> Quillworks", "met @narrator -> Dave Brown",
                     "organized Lisa Park -> @main_event", "thanked @narrator -> Lisa Park"}));
}

TEST_F(ExtractTest, ScheduleLinesLoseTheirTimesAndALoneWordAfterAFullNameIsTheOrganisation) {
  Run("Schedule\n\n09:30 \xE2\x80\x93 Opening remarks (Freja Holm)\n10:00-10:45 | Designing for "
      "Trust (Kofi Mensah, Lumen)\n");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Kofi Mensah -> Lumen",
                                  "speaker_of Freja Holm -> Opening remarks",
                                  "speaker_of Kofi Mensah -> Designing for Trust"}));
}

TEST_F(ExtractTest, ThanksAreOnlyAHintThatANameIsAPerson) {
  // The office says Quorrel is an organisation; two thanks do not make it a person.
  Run("We met at the Quorrel office. Thanks to Quorrel! Thanks to Quorrel for the pizza, and to "
      "Karthik Subramanian for running the meetup every month.");
  EXPECT_EQ(Mentions(),
            (Strings{"ORG 'Quorrel' [14,21)", "ORG 'Quorrel' [40,47)", "ORG 'Quorrel' [59,66)",
                     "PERSON 'Karthik Subramanian' [89,108)"}));
  // Thanking for a service is also help, in the rules' reading.
  EXPECT_EQ(Relations(),
            (Strings{"helped Karthik Subramanian -> @narrator", "helped Quorrel -> @narrator",
                     "organized Karthik Subramanian -> @main_event",
                     "thanked @narrator -> Karthik Subramanian", "thanked @narrator -> Quorrel",
                     "thanked @narrator -> Quorrel"}));
}

TEST_F(ExtractTest, TitleOpeningWithACommonWordNamesAMeetupAndHerWorkAtAnOrganisation) {
  Run("Rust Meetup Lisbon \xE2\x80\x93 March edition\n\nAnjali Rao spoke first. She showed a "
      "few benchmarks from her work at Zerodha.");
  EXPECT_EQ(RuleOf("Rust Meetup Lisbon"), "event_keyword_then_place");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Anjali Rao -> Zerodha",
                                  "speaker_of Anjali Rao -> @nearest_talk"}));
}

TEST_F(ExtractTest, FriendsColleaguesAndMentorsOfTheNarratorAreRelatedToThem) {
  Run("On the flight I ran into my good friend Tomas Vey. The mentors who helped me most were "
      "there too: Ana Lima and Ravi Menon.");
  EXPECT_EQ(Relations(),
            (Strings{"met @narrator -> Tomas Vey", "related_to Ana Lima -> @narrator",
                     "related_to Ravi Menon -> @narrator", "related_to Tomas Vey -> @narrator"}));
}

TEST_F(ExtractTest, HyphenatedGivenNameWithALowerCasePartAndWhereTheyFlewFrom) {
  Run("At the desk I met Joon-ho Park, who had flown in from Seoul.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Joon-ho Park' [18,30)", "PLACE.city 'Seoul' [54,59)"}));
  EXPECT_EQ(Relations(), (Strings{"from Joon-ho Park -> Seoul", "met @narrator -> Joon-ho Park"}));
}

TEST_F(ExtractTest, EventHeldAtAVenueInAnAppositiveAndAffiliationsAroundHandles) {
  Run("Four of us from Nimbus Systems went to CloudConf Berlin 2024, held at the Estrel Congress "
      "Center. Ben went to the session led by Priscilla Owusu (@powusu) from HashiCorp.");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with @narrator -> Nimbus Systems",
                                  "affiliated_with Priscilla Owusu -> HashiCorp",
                                  "attended @narrator -> CloudConf Berlin 2024",
                                  "held_at CloudConf Berlin 2024 -> Estrel Congress Center"}));
}

TEST_F(ExtractTest, HeadingFollowedByASpeakerWhoPresentsIsTheirTalk) {
  Run("Day 1\n\nBuilding Fast Parsers\n\nJane Doe showed how to write a parser. It was "
      "great.\n\nThe Venue\n\nThe hall was big.\n");
  EXPECT_EQ(RuleOf("Building Fast Parsers"), "heading_before_speaker");
  EXPECT_EQ(Relations(), (Strings{"speaker_of Jane Doe -> @nearest_talk"}));
  for (const Mention &m : ex_.mentions) EXPECT_NE(m.text, "The Venue");
}

TEST_F(ExtractTest, GivenNameAfterAnOrganisationInAPairStaysThePerson) {
  Run("At lunch I met Yaw Darko and Akosua Frimpong. Yaw is a developer at Hubtel and Akosua "
      "studies at the university. Then the lead organiser, Kwame Asante, spoke.");
  EXPECT_EQ(RuleOf("Akosua"), "document_memory");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Yaw -> Hubtel [developer]",
                                  "met @narrator -> Akosua Frimpong", "met @narrator -> Yaw Darko",
                                  "organized Kwame Asante -> @main_event"}));
}

TEST_F(ExtractTest, ChairColleaguesAtAnOrganisationAndHelpFromAPerson) {
  Run("This is for my colleagues at the Harbour Data Lab. The chair, Dr. Ingrid Weber, kept time. "
      "I fixed my first bug with help from Aisha Bello.");
  EXPECT_EQ(Relations(),
            (Strings{"affiliated_with @narrator -> Harbour Data Lab",
                     "helped Aisha Bello -> @narrator", "organized Ingrid Weber -> @main_event"}));
}

TEST_F(ExtractTest, PlaceWhoseNameHoldsAndAndTeamsBeaten) {
  Run("We flew to Bosnia and Herzegovina. In the final they beat the Lakeford Herons.");
  EXPECT_EQ(Mentions(), (Strings{"PLACE.country 'Bosnia and Herzegovina' [11,33)",
                                 "ORG 'Lakeford Herons' [62,77)"}));
}

TEST_F(ExtractTest, LabelledListItemsTakeTheTitleBeforeByAndLeaveTheRoleToContext) {
  Run("Day two\n\n- After the break: *Small Models Are Enough*, by Jonas Berg, a data engineer "
      "at Kivuko. It was short.\n- Full-day tutorial: Query Planning for Everyone, by Ida Holm "
      "of Saltmarsh Systems. Long day.\n");
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Ida Holm -> Saltmarsh Systems",
                                  "affiliated_with Jonas Berg -> Kivuko [engineer]",
                                  "speaker_of Ida Holm -> Query Planning for Everyone",
                                  "speaker_of Jonas Berg -> Small Models Are Enough"}));
}

TEST_F(ExtractTest, UnquotedTitlesBetweenCommasEmphasisedOrAfterAColon) {
  Run("Then came the evening workshop, Writing Parsers by Hand, run by Lena Vogt. Tomas Brandt "
      "presented _Ten Years of Broken Pipelines_, which was honest. Paul Dunn went to Rust for "
      "Data People, a two-hour session led by Mira Sato. The day ended with the panel: Funding "
      "Open Source Without Burning Out. Sofia Marin gave a talk with the title Cache Me If You "
      "Can.");
  const Strings talks = Talks(/*with_rule=*/true);
  EXPECT_EQ(talks, (Strings{"Writing Parsers by Hand <talk_kind_appositive_unquoted>",
                            "Ten Years of Broken Pipelines <talk_emphasised_title_case>",
                            "Rust for Data People <talk_title_then_kind_appositive>",
                            "Funding Open Source Without Burning Out <talk_after_colon_unquoted>",
                            "Cache Me If You Can <talk_titled_unquoted>"}));
  EXPECT_EQ(Relations(), (Strings{"speaker_of Lena Vogt -> @nearest_talk",
                                  "speaker_of Lena Vogt -> Writing Parsers by Hand",
                                  "speaker_of Mira Sato -> Rust for Data People",
                                  "speaker_of Sofia Marin -> Cache Me If You Can",
                                  "speaker_of Tomas Brandt -> Ten Years of Broken Pipelines"}));
}

TEST_F(ExtractTest, UnderscoresAroundAWordAreMarksOfTheirOwn) {
  Run("She wrote _Quiet Rooms_ in snake_case.");
  Strings words;
  for (const Token &t : td_.tokens) words.push_back(doc_.text.substr(t.begin, t.end - t.begin));
  EXPECT_EQ(words, (Strings{"She", "wrote", "_", "Quiet", "Rooms", "_", "in", "snake_case", "."}));
}

TEST_F(ExtractTest, ThankYouListsOrganisersAndWhereTheWriterTravelledFrom) {
  Run("Thanks\n\nTo Anna Keller for the mentoring, to Tomas Brandt for the slide cuts, and to "
      "Quillfeather Labs for paying for the trip. Thank you to the sponsors, especially "
      "Saltmarsh Systems and Brightpond Labs, for the captions. I caught an early train from "
      "Vienna. Organised, like every year, by Kivuko Foundation. I'm one of the organisers, "
      "together with Mira Sato and Paul Dunn.");
  EXPECT_EQ(
      Relations(),
      (Strings{"from @narrator -> Vienna", "helped Anna Keller -> @narrator",
               "helped Quillfeather Labs -> @narrator",  // paying for the trip
               "organized @narrator -> @main_event", "organized Kivuko Foundation -> @main_event",
               "organized Mira Sato -> @main_event", "organized Paul Dunn -> @main_event",
               "thanked @narrator -> Anna Keller", "thanked @narrator -> Brightpond Labs",
               "thanked @narrator -> Quillfeather Labs", "thanked @narrator -> Saltmarsh Systems",
               "thanked @narrator -> Tomas Brandt"}));
}

TEST_F(ExtractTest, SpeakersWithQuotedTitlesAfterAsidesAndTheUnnamedKeynoteGoes) {
  Run("The opening keynote was Anna Keller (Quillfeather Labs) with *Quiet Rooms at Scale*. I "
      "went to see Tomas Brandt from Saltmarsh Systems, whose talk *Ten Years of Pipelines* was "
      "the best. Mira Sato gave a tight, slightly nervous talk called \"Small Models Are "
      "Enough\". On the panel were Paul Dunn and Ida Holm.");
  const Strings talks = Talks();
  // No "opening keynote" of its own: the title is the keynote.
  EXPECT_EQ(talks,
            (Strings{"Quiet Rooms at Scale", "Ten Years of Pipelines", "Small Models Are Enough"}));
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Anna Keller -> Quiet Rooms at Scale",
                     "speaker_of Mira Sato -> Small Models Are Enough",
                     "speaker_of Tomas Brandt -> Ten Years of Pipelines"}));
  EXPECT_EQ(Only(Relations(), "panelist_of"), (Strings{"panelist_of Ida Holm -> @nearest_talk",
                                                       "panelist_of Paul Dunn -> @nearest_talk"}));
}

TEST_F(ExtractTest, AffiliationsInAsidesAfterAnOrganisationAndInAKindOfOrganisation) {
  Run("Lunch with Anna Keller, a DBA at Quillfeather Labs. Panelists: Ines Roth, Tomas Brandt "
      "(founder of Saltmarsh Systems). Moderator: Mira Sato, Saltmarsh Systems board member. "
      "Paul Dunn, a researcher at the Copenhagen studio Brightpond Play, ran it. Omar Haddad "
      "moved his studio, Carpathian Lynx, to the engine. Lena Vogt works at Brightline Labs, a "
      "content consultancy in Bristol.");
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Anna Keller -> Quillfeather Labs [DBA]",
                     "affiliated_with Lena Vogt -> Brightline Labs",
                     "affiliated_with Mira Sato -> Saltmarsh Systems [board member]",
                     "affiliated_with Omar Haddad -> Carpathian Lynx",
                     "affiliated_with Paul Dunn -> Brightpond Play [researcher]",
                     "affiliated_with Tomas Brandt -> Saltmarsh Systems [founder]"}));
  EXPECT_EQ(Only(Relations(), "located_in"), (Strings{"located_in Brightline Labs -> Bristol",
                                                      "located_in Brightpond Play -> Copenhagen"}));
  EXPECT_EQ(Only(Relations(), "met"), (Strings{"met @narrator -> Anna Keller"}));
}

TEST_F(ExtractTest, PossessiveTalkIsNoTalkOfItsOwnWhenItsTitleFollows) {
  Run("Then came Anna Keller's talk on Quiet Rooms at Scale, the best one. Tomas Brandt's talk, "
      "\u201cTen Years of Pipelines\u201d, was next. Mira Sato's keynote was short.");
  const Strings talks = Talks();
  EXPECT_EQ(talks,
            (Strings{"Quiet Rooms at Scale", "Ten Years of Pipelines", "Mira Sato's keynote"}));
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Anna Keller -> Quiet Rooms at Scale",
                     "speaker_of Mira Sato -> Mira Sato's keynote",
                     "speaker_of Tomas Brandt -> Ten Years of Pipelines"}));
}

TEST_F(ExtractTest, ListsUnderAPanelOrThanksHeadingAreNoProgrammeItems) {
  Run("Panel: \"Who Owns the Data?\"\n- Moderator: Mira Sato (Kivuko)\n- Tomas Brandt, "
      "Saltmarsh Systems\n\nSocial\n- The party at a pub round the corner. Loud.\n\n"
      "Thanks\n- Anna Keller, for the spare charger\n\nPeople I met\n- Ida Holm: Paul "
      "introduced us at the party and I mostly nodded\n- Omar Haddad, who gave me advice on "
      "Conference Talks.\n");
  const Strings talks = Talks(/*with_rule=*/true);
  EXPECT_EQ(talks, (Strings{"Who Owns the Data? <programme_line_kind_title>"}));
}

TEST_F(ExtractTest, CommonWordAndYearOpeningASentenceIsAnEventAtAVenueNamedVenueFirst) {
  Run("Lantern 2026 is at the Centro de Congressos do Sul this year. June 2024 was busy.");
  EXPECT_EQ(Mentions(), (Strings{"EVENT 'Lantern 2026' [0,12)",
                                 "PLACE.venue 'Centro de Congressos do Sul' [23,50)"}));
  EXPECT_EQ(Relations(), (Strings{"held_at Lantern 2026 -> Centro de Congressos do Sul"}));
}

TEST_F(ExtractTest, MarkdownTypedIntoPlainTextAndPeopleListsAfterAPanel) {
  Run("## Day 1\n\n- **Keynote: \"Twenty Years of Parsers\"** - Anna Keller, the project "
      "lead, on two decades of work.\n- Tomas Brandt - Packaging Crates Without Tears.\n- "
      "Small Models Are Enough - Ida Holm of Kivuko Labs.\n\n### Panel: Governance After the "
      "Merger\n\nThe big event of the day. The panelists were:\n\n- Mira "
      "Sato (project leader)\n- Paul Dunn, representing a sponsor\n");
  const Strings talks = Talks();
  EXPECT_EQ(talks, (Strings{"Twenty Years of Parsers", "Packaging Crates Without Tears",
                            "Small Models Are Enough", "Governance After the Merger"}));
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Anna Keller -> Twenty Years of Parsers",
                     "speaker_of Ida Holm -> Small Models Are Enough",
                     "speaker_of Tomas Brandt -> Packaging Crates Without Tears"}));
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Ida Holm -> Kivuko Labs"}));
}

TEST_F(ExtractTest, ListUnderAPanelHeadingNamesItsModeratorAndPanelists) {
  Run("Panel: \"Is Cross-Platform Good Enough?\"\n- Moderator: Mira Sato (programme "
      "co-chair)\n- Anna Keller, Quillfeather Labs\n- Ida Holm, an expert and independent "
      "consultant from Pune\n\nPeople I met\n- Paul Dunn, after his talk.\n");
  EXPECT_EQ(Only(Relations(), "panelist_of"),
            (Strings{"panelist_of Anna Keller -> Is Cross-Platform Good Enough?",
                     "panelist_of Ida Holm -> Is Cross-Platform Good Enough?"}));
  EXPECT_EQ(Only(Relations(), "moderator_of"),
            (Strings{"moderator_of Mira Sato -> @nearest_talk",
                     "moderator_of Mira Sato -> Is Cross-Platform Good Enough?"}));
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Anna Keller -> Quillfeather Labs"}));
}

TEST_F(ExtractTest, PanelListsGoOnPastAppositivesSemicolonsAndTitles) {
  Run("The closing panel, \"Who Owns the Roadmap?\", was moderated by Anna Keller. Panellists "
      "were Tomas Brandt again; Ida Holm, engineering manager at Quillfeather Labs; and Dr Mira "
      "Sato from Oslo. Paul Dunn sat on it, along with Lena Ortiz, Kotlin developer at the Lisbon "
      "studio Saltmarsh Systems.");
  EXPECT_EQ(
      Only(Relations(), "panelist_of"),
      (Strings{"panelist_of Ida Holm -> @nearest_talk", "panelist_of Lena Ortiz -> @nearest_talk",
               "panelist_of Mira Sato -> @nearest_talk", "panelist_of Paul Dunn -> @nearest_talk",
               "panelist_of Tomas Brandt -> @nearest_talk"}));
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Ida Holm -> Quillfeather Labs [engineering manager]",
                     "affiliated_with Lena Ortiz -> Saltmarsh Systems [developer]"}));
  // "Kotlin" is the role's field, not a person of the list.
  for (const std::string &m : Mentions()) EXPECT_EQ(m.find("Kotlin"), std::string::npos) << m;
}

TEST_F(ExtractTest, PlacePossessiveBeforeAnOrganisationIsWhereItIs) {
  Run("A short talk came from Ida Holm of Oslo's Fjordline Studio. The prize went to Tomas's "
      "team.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Ida Holm' [23,31)", "PLACE.city 'Oslo' [35,39)",
                                 "ORG 'Fjordline Studio' [42,58)", "PERSON 'Tomas' [78,83)"}));
  EXPECT_EQ(Relations(), (Strings{"affiliated_with Ida Holm -> Fjordline Studio",
                                  "located_in Fjordline Studio -> Oslo"}));
}

TEST_F(ExtractTest, ChairedByInAProgrammeLineNamesTheModeratorNotASpeaker) {
  Run("Programme notes\n\n- Panel: \"Who Owns the Archive?\", chaired by Ida Holm. Panellists "
      "were Anna Keller and Florence Hughes. It was lively.\n- Lightning talks, chaired by Paul "
      "Dunn. Ten speakers, five minutes each.\n");
  EXPECT_EQ(Talks(), (Strings{"Who Owns the Archive?"}));
  // (The graph keeps the moderator over the speaker that "T, chaired by X" also reads.)
  EXPECT_EQ(Only(Relations(), "moderator_of"),
            (Strings{"moderator_of Ida Holm -> @nearest_talk",
                     "moderator_of Ida Holm -> Who Owns the Archive?",
                     "moderator_of Paul Dunn -> @nearest_talk"}));
  // "Florence" is a city and "Hughes" a plural's shape: still a person.
  EXPECT_EQ(Only(Relations(), "panelist_of"),
            (Strings{"panelist_of Anna Keller -> @nearest_talk",
                     "panelist_of Florence Hughes -> @nearest_talk"}));
}

TEST_F(ExtractTest, ProgrammeLineSpeakerOfTheOrganisationAndTitlesAfterAPersonsTalk) {
  Run("Talks\n\n- \"Walking the Old Roads\" \u2014 Dr Mira Sato of the University of Turin.\n\n"
      "After that I went to Nina Lund's talk, Portals for People Who Hate Portals.\n");
  EXPECT_EQ(Talks(), (Strings{"Walking the Old Roads", "Portals for People Who Hate Portals"}));
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Mira Sato -> Walking the Old Roads",
                     "speaker_of Nina Lund -> Portals for People Who Hate Portals"}));
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Mira Sato -> University of Turin"}));
}

TEST_F(ExtractTest, HeadingsOverListsOfPeopleMetAndThanksNameEachItem) {
  Run("DataFest 2026\n\n## People I met\n\n- **Ida Holm** \u2014 she runs Kivuko Labs.\n- Tomas "
      "Brandt, after his talk.\n\nThanks\n\n- Mira Sato, for the charger\n- Quillfeather Labs, "
      "for the ticket\n\nNotes\n\n- Paul Dunn was late.\n");
  EXPECT_EQ(Only(Relations(), "met"),
            (Strings{"met @narrator -> Ida Holm", "met @narrator -> Tomas Brandt"}));
  EXPECT_EQ(Only(Relations(), "thanked"),
            (Strings{"thanked @narrator -> Mira Sato", "thanked @narrator -> Quillfeather Labs"}));
  EXPECT_EQ(Talks(), Strings{});  // "she runs Kivuko Labs" is no talk's title
}

TEST_F(ExtractTest, PeopleListsJoinedByAndAlsoOrAndWith) {
  Run("There I met Tomas Brandt again, and also Ida Holm. Later I shared a table with Mira Sato "
      "and with Paul Dunn.");
  EXPECT_EQ(Only(Relations(), "met"),
            (Strings{"met @narrator -> Ida Holm", "met @narrator -> Mira Sato",
                     "met @narrator -> Paul Dunn", "met @narrator -> Tomas Brandt"}));
}

TEST_F(ExtractTest, TimedProgrammeLinesWithSpeakersInBracketsAndAnEditAThon) {
  Run("I went to the Women of Wales Edit-a-thon.\n\nSchedule\n\n09:00  Keynote: \"Every Puzzle Is "
      "Solved\" "
      "(Dr. Ida Holm)\n10:30  Workshop: Counting Systems, from Yoruba to Ndom (Paul Dunn)\n");
  EXPECT_EQ(Talks(), (Strings{"Every Puzzle Is Solved", "Counting Systems, from Yoruba to Ndom"}));
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Ida Holm -> Every Puzzle Is Solved",
                     "speaker_of Paul Dunn -> Counting Systems, from Yoruba to Ndom"}));
  const Strings mentions = Mentions();
  EXPECT_NE(
      std::find(mentions.begin(), mentions.end(), "EVENT 'Women of Wales Edit-a-thon' [14,40)"),
      mentions.end());
}

TEST_F(ExtractTest, InstitutionNamesGoOnWithAndAfterOfAndWithFor) {
  Run("Ida Holm of the Oslo University of Science and Technology met Tomas Brandt from the "
      "Kestrel Institute for Machine Intelligence.");
  EXPECT_EQ(
      Only(Relations(), "affiliated_with"),
      (Strings{"affiliated_with Ida Holm -> Oslo University of Science and Technology",
               "affiliated_with Tomas Brandt -> Kestrel Institute for Machine Intelligence"}));
}

TEST_F(ExtractTest, ProgrammeTimesAndNotesAboutPeopleAreNoTalks) {
  Run("Who did what\n\n- Ida Holm: staffing the booth\n- Tomas Brandt: the panel\n\n15:35 - "
      "Lightning talks in the small room. Afternoon workshop on fonts.\n");
  EXPECT_EQ(Talks(), Strings{});
}

TEST_F(ExtractTest, AnInstitutionOfAFieldStopsBeforeAPersonAfterAnd) {
  Run("Ida Holm of the University of Tromso and Tomas Brandt from Kestrel Institute came. So "
      "did Lena Ortiz of the University of Bergen and Prof. Mira Sato.");
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Ida Holm -> University of Tromso",
                     "affiliated_with Lena Ortiz -> University of Bergen",
                     "affiliated_with Tomas Brandt -> Kestrel Institute"}));
}

TEST_F(ExtractTest, ProgrammeListItemWithAKindLabelAndAFirstPersonTitle) {
  Run("Talks\n\n- Quiet Pipelines, by Ida Holm\n- Lightning talk: *Why I stopped using "
      "mocks* \u2014 Tomas Brandt\n");
  EXPECT_EQ(Talks(), (Strings{"Quiet Pipelines", "Why I stopped using mocks"}));
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Ida Holm -> Quiet Pipelines",
                     "speaker_of Tomas Brandt -> Why I stopped using mocks"}));
}

TEST_F(ExtractTest, ACompanyNamedLikeAPersonIsTheCompanyAfterAPersonsBracketOrFrom) {
  Run("Ida Holm (Ericsson) spoke first. I met Tomas Brandt from Ericsson. Ericsson Silva waved.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Ida Holm' [0,8)", "ORG 'Ericsson' [10,18)",
                                 "PERSON 'Tomas Brandt' [39,51)", "ORG 'Ericsson' [57,65)",
                                 "PERSON 'Ericsson Silva' [67,81)"}));
}

TEST_F(ExtractTest, AScheduleLineEndingInAQuestionMarkIsStillAProgrammeItem) {
  Run("11:30 Panel: Who Pays for Open Source?\nModerator: Sara Lund.\n");
  EXPECT_EQ(Talks(), (Strings{"Who Pays for Open Source?"}));
}

TEST_F(ExtractTest, APersonsFullNameBeforeAKindIsTheirTalkNotItsTitle) {
  Run("After lunch I listened Ida Holm talk with title \"Quiet Pipelines\". The Compiler "
      "Workshop session was full.");
  EXPECT_EQ(Talks(), (Strings{"Quiet Pipelines", "Compiler Workshop"}));
  EXPECT_EQ(Only(Relations(), "speaker_of"), (Strings{"speaker_of Ida Holm -> Quiet Pipelines"}));
}

TEST_F(ExtractTest, AGivenNameBeforeACountryIsNoPersonAndForeignTitlesStartNames) {
  Run("The conference was organized by Ruby Thailand with support from Kestrel Labs. I met Dra. "
      "Ines Moreau and Mme. Sara Vik.");
  EXPECT_EQ(Mentions(), (Strings{"ORG 'Ruby Thailand' [32,45)", "ORG 'Kestrel Labs' [64,76)",
                                 "PERSON 'Ines Moreau' [89,100)", "PERSON 'Sara Vik' [110,118)"}));
}

// The rule indexes hold any words where a pattern has {ROLE}; the rules still check the role.
TEST_F(ExtractTest, RolesAreCheckedByTheRuleNotTheLooserIndex) {
  Run("Ida Holm, a wonderful person at Kestrel Labs, spoke. Tomas Brandt, a senior engineer at "
      "Kestrel Labs, spoke.");
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Tomas Brandt -> Kestrel Labs [senior engineer]"}));
}

// A known place holds lower-case words and given names: "Dar es Salaam", "Ho Chi Minh City".
TEST_F(ExtractTest, KnownPlacesKeepTheirLowerCaseWordsAndGivenNames) {
  Run("Amara Osei flew in from Dar es Salaam to Ho Chi Minh City via Aix-en-Provence.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Amara Osei' [0,10)", "PLACE.city 'Dar es Salaam' [24,37)",
                                 "PLACE.city 'Ho Chi Minh City' [41,57)",
                                 "PLACE.city 'Aix-en-Provence' [62,77)"}));
  EXPECT_EQ(Only(Relations(), "from"), (Strings{"from Amara Osei -> Dar es Salaam"}));
}

TEST_F(ExtractTest, ALowerCaseLegalFormEndsAnOrganisationsName) {
  Run("The conference is run by Kotlin Denmark vzw and by Open Data asbl.");
  EXPECT_EQ(Mentions(),
            (Strings{"ORG 'Kotlin Denmark vzw' [25,43)", "ORG 'Open Data asbl' [51,65)"}));
}

// Each name of a list with its role in brackets is a person; "MC" is a role, no organisation.
TEST_F(ExtractTest, NamesWithTheirRolesInBracketsArePeople) {
  Run("The meetup is run by Kofi Larbi (lead organiser), Vo Thu Hoa (venues and sponsors) and "
      "Le Quoc Tuan (MC).");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Kofi Larbi' [21,31)", "PERSON 'Vo Thu Hoa' [50,60)",
                                 "PERSON 'Le Quoc Tuan' [87,99)"}));
}

// "Name, visiting from City - Title": a short aside between the speaker and the title.
TEST_F(ExtractTest, AShortAsideAfterTheSpeakerKeepsAProgrammeLine) {
  Run("Lightning talks:\n- Ana Vaz (Talkdesk) - \"Borrowing Without Tears\"\n- Hiro Tanaka, "
      "visiting from Kyoto - \"Rust on a Toaster\"\n");
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Ana Vaz -> Borrowing Without Tears",
                     "speaker_of Hiro Tanaka -> Rust on a Toaster"}));
  EXPECT_EQ(Only(Relations(), "from"), (Strings{"from Hiro Tanaka -> Kyoto"}));
}

TEST_F(ExtractTest, ANameBesideAKindOfVenueIsAVenue) {
  Run("Kotlin Harbour 2025 was held at Docklands Forum, the convention centre by the harbour.");
  EXPECT_EQ(Mentions(), (Strings{"EVENT 'Kotlin Harbour 2025' [0,19)",
                                 "PLACE.venue 'Docklands Forum' [32,47)"}));
}

TEST_F(ExtractTest, ThanksReachOrganisationsThroughTheirPeopleAndAThankYou) {
  Run("A big thank-you to Bluefjord Cloud, the main sponsor. Thanks also to Lars Holt and the "
      "rest of the Kotlin Denmark vzw volunteers.");
  EXPECT_EQ(Only(Relations(), "thanked"),
            (Strings{"thanked @narrator -> Bluefjord Cloud",
                     "thanked @narrator -> Kotlin Denmark vzw", "thanked @narrator -> Lars Holt"}));
}

TEST_F(ExtractTest, HisTalkAndItsQuotedTitleAndAMoveFromAPlace) {
  Run("Day two opened with Lars Holt, a compiler contributor, and his talk \"Inline Classes "
      "Revisited\". Mette Kjaer moved to Saigon from Accra two years ago.");
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Lars Holt -> Inline Classes Revisited"}));
  EXPECT_EQ(Only(Relations(), "from"), (Strings{"from Mette Kjaer -> Accra"}));
}

// "by Liv Aasen from Oslo" in a programme line: a known place after "from" is where the
// speaker comes from, not her organisation.
TEST_F(ExtractTest, AProgrammeLinesSpeakerFromAPlaceComesFromIt) {
  Run("Talks:\n- \"From Jam to Store Page\" by Liv Aasen from Oslo\n- \"Tiny Worlds\" by Ana Ruiz "
      "from Kestrel Games\n");
  EXPECT_EQ(Only(Relations(), "from"), (Strings{"from Liv Aasen -> Oslo"}));
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Ana Ruiz -> Kestrel Games"}));
}

TEST_F(ExtractTest, OrganisersAndVenuesOfAJamSaidInOtherWords) {
  Run("Pixel Jam 2025 was fun. The jam ran all weekend at Harbour Works, by the water. The theme "
      "was announced by "
      "the jam's lead organiser, Elin Stromberg. On Monday the jam moved to Kvarnen. Both events "
      "were organised by Game Forge. Sofie Vik runs the Lund Game Incubator.");
  EXPECT_EQ(Only(Relations(), "organized"), (Strings{"organized Elin Stromberg -> @main_event",
                                                     "organized Game Forge -> @main_event"}));
  EXPECT_EQ(Only(Relations(), "held_at"),
            (Strings{"held_at @main_event -> Harbour Works", "held_at @main_event -> Kvarnen"}));
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Sofie Vik -> Lund Game Incubator"}));
}

TEST_F(ExtractTest, AndThankYouOpeningASentenceThanksTheNamesAfter) {
  Run("We had a great time. And thank you Oskar Lind, Maja Berg and Freja Holm.");
  EXPECT_EQ(Only(Relations(), "thanked"),
            (Strings{"thanked @narrator -> Freja Holm", "thanked @narrator -> Maja Berg",
                     "thanked @narrator -> Oskar Lind"}));
}

// "Knut and Alice Wallenberg Foundation": two given names, a family name and a head word.
TEST_F(ExtractTest, AFoundationNamedAfterTwoPeopleIsOneName) {
  Run("Support came from the Knut and Alice Wallenberg Foundation. Ana and Maria Lopez came.");
  EXPECT_EQ(Mentions(), (Strings{"ORG 'Knut and Alice Wallenberg Foundation' [22,58)",
                                 "PERSON 'Ana' [60,63)", "PERSON 'Maria Lopez' [68,79)"}));
}

TEST_F(ExtractTest, PanelistsOfAnOrganisationInACityStayInTheList) {
  Run("The panel \"Who Owns Sea Data?\" was moderated by Dr. Erik Lind. The panelists were Dr. "
      "Yuki Mori of RIKEN in Yokohama, Professor Samuel Okoro of the University of Ibadan in "
      "Nigeria, and Dr. Clara Hof of the Pasteur Institute in Paris.");
  EXPECT_EQ(Only(Relations(), "panelist_of"), (Strings{"panelist_of Clara Hof -> @nearest_talk",
                                                       "panelist_of Samuel Okoro -> @nearest_talk",
                                                       "panelist_of Yuki Mori -> @nearest_talk"}));
}

TEST_F(ExtractTest, ThanksToEachPartOfAListAndFromAThirdPerson) {
  Run("I want to say a big thank you to Esther Kato for helping me, to Brian Oduya and all the "
      "organising team, and to the sponsors Hostinger and Kestrel Labs. Priya Raman thanked her "
      "former supervisor, Professor Alan Reid, and the Wellcome Trust.");
  EXPECT_EQ(Only(Relations(), "thanked"),
            (Strings{"thanked @narrator -> Brian Oduya", "thanked @narrator -> Esther Kato",
                     "thanked @narrator -> Hostinger", "thanked @narrator -> Kestrel Labs",
                     "thanked Priya Raman -> Alan Reid", "thanked Priya Raman -> Wellcome Trust"}));
}

TEST_F(ExtractTest, AffiliationsAfterAPlaceAndChairsServingAsChairs) {
  Run("Over 900 researchers gathered at Aula Nova, Lund University, for the Baltic Data "
      "Conference. Ana Ruiz, a developer from Nairobi who works at Kestrel Digital, spoke. I sat "
      "with Grace Obi, a student from Makerere University. The committee was led by Tomas Berg, "
      "with Dr. Ida Holm of Uppsala University serving as programme chair.");
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Ana Ruiz -> Kestrel Digital",
                     "affiliated_with Grace Obi -> Makerere University [student]",
                     "affiliated_with Ida Holm -> Uppsala University"}));
  EXPECT_EQ(Only(Relations(), "organized"), (Strings{"organized Ida Holm -> @main_event"}));
  EXPECT_EQ(Only(Relations(), "held_at"), (Strings{"held_at Baltic Data Conference -> Aula Nova"}));
}

// A list after a heading of its own lists no talks of the section before; sponsor tiers list
// organisations; a quoted title "with" its speakers is a programme line.
TEST_F(ExtractTest, QuotedTitlesWithSpeakersAndSponsorTiersUnderTheirOwnHeading) {
  Run("The workshops were:\n\n\u201CTerraform from Zero\u201D with Keegan Pieters (Kestrel "
      "Cloud)\n\n"
      "two beginner sessions on Git\n\nOur sponsors\n\nNone of this happens without them:\n\n"
      "Gold: Yocto Pay, Standard Kelp\n");
  EXPECT_EQ(Mentions(), (Strings{"TALK.workshop 'Terraform from Zero' [22,41)",
                                 "PERSON 'Keegan Pieters' [48,62)", "ORG 'Kestrel Cloud' [64,77)",
                                 "ORG 'Yocto Pay' [166,175)", "ORG 'Standard Kelp' [177,190)"}));
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Keegan Pieters -> Terraform from Zero"}));
}

// "Our team:" lists its members and what they did, not talks and their speakers.
TEST_F(ExtractTest, AListOfATeamsMembersNamesNoTalks) {
  Run("Pixel Jam 2024\n\nOur team:\n\n- Maja Holm \u2013 2D artist, drew the whole game\n- Oskar "
      "Lind "
      "\u2013 Programming and Sound\n\nThe speakers:\n\n- Ana Ruiz \u2013 Fast Parsers for "
      "Everyone\n");
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Ana Ruiz -> Fast Parsers for Everyone"}));
}

TEST_F(ExtractTest, AJamsVenuesThroughTheWeekAndACompassWordAfterTheKeyword) {
  Run("The jam ran from Friday evening to Sunday evening at Harbour Works, right on the water. On "
      "Monday the whole thing moved to Kvarnen, by the central station, for Indie Summit North. A "
      "big thank-you to Elin Strom and her volunteers.");
  EXPECT_EQ(Only(Relations(), "held_at"), (Strings{"held_at @main_event -> Harbour Works",
                                                   "held_at Indie Summit North -> Kvarnen"}));
  EXPECT_EQ(Only(Relations(), "thanked"), (Strings{"thanked @narrator -> Elin Strom"}));
}

// Notes in a data engineer's shorthand: a city and its state's code, a pair of speakers of one
// firm, a note after the firm, an MC, and who organised it.
TEST_F(ExtractTest, ShorthandNotesNameTheirCityFirmsAndOrganisers) {
  Run("notes from PipeConf 2023 (Austin, TX)\n\n* \"Lakes at Scale\" - Hannah Kowal & Joel Marsh "
      "(Shopify)\n* \"Rivers\" - Gunnar Lind (Tabular, also on the Iceberg PMC)\n* Lightning talks "
      "(5 min each), MC'd by Obi Nwosu\n* ran into my old coworker Bettina Ruiz, now at Fivetrek. "
      "We worked together at Targetly years ago.\n* conference is organised by Dataflow "
      "Kollektiv (a nonprofit). shout-out to Jenna Whit, who ran the whole thing.\n");
  EXPECT_EQ(Only(Mentions(), "PLACE"),
            (Strings{"PLACE.city 'Austin' [26,32)", "PLACE.city 'TX' [34,36)"}));
  EXPECT_EQ(
      Only(Relations(), "affiliated_with"),
      (Strings{
          "affiliated_with @narrator -> Targetly", "affiliated_with Bettina Ruiz -> @narrator_org",
          "affiliated_with Bettina Ruiz -> Fivetrek", "affiliated_with Gunnar Lind -> Tabular",
          "affiliated_with Hannah Kowal -> Shopify", "affiliated_with Joel Marsh -> Shopify"}));
  EXPECT_EQ(Only(Relations(), "speaker_of"), (Strings{"speaker_of Gunnar Lind -> Rivers",
                                                      "speaker_of Hannah Kowal -> Lakes at Scale",
                                                      "speaker_of Joel Marsh -> Lakes at Scale"}));
  EXPECT_EQ(Only(Relations(), "organized"), (Strings{"organized Dataflow Kollektiv -> @main_event",
                                                     "organized Jenna Whit -> @main_event"}));
}

// A panel's line, then "with panelists:" over its members; a workshop "run by" its speakers.
TEST_F(ExtractTest, PanelistsListedAfterThePanelsLineSitOnIt) {
  Run("15:30 \u2013 Panel: \u201CWho Owns Data Quality?\u201D The one I waited for. Moderated by "
      "Ines "
      "Carvalho, with panelists:\n\nHenrik Lind (Nordea)\n\nSofia Alves (Farfetch)\n\n17:00 \u2013 "
      "Workshop: \u201CData Contracts\u201D, run by Priya Raman and Tiago Mendes.\n");
  EXPECT_EQ(Only(Relations(), "panelist_of"),
            (Strings{"panelist_of Henrik Lind -> Who Owns Data Quality?",
                     "panelist_of Sofia Alves -> Who Owns Data Quality?"}));
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Priya Raman -> @nearest_talk",
                     "speaker_of Priya Raman -> Data Contracts",
                     "speaker_of Tiago Mendes -> @nearest_talk",
                     "speaker_of Tiago Mendes -> Data Contracts"}));
}

// A note in brackets after a quoted title says its kind; a user group and its city is an
// organisation, thanked through its volunteers and organising the day.
TEST_F(ExtractTest, ATitlesNoteInBracketsAndAUserGroupOfACity) {
  Run("Kelp Community Day 2025 was fun, and it was organised by the Kelp User Group Izmir "
      "together with friends.\n\nTalks:\n\n- Elif Yildiz \u2013 \u201CTen Years of Cloud\u201D "
      "(opening keynote)\n\nHuge thanks to Mert Aydin and all the volunteers of the Kelp User "
      "Group Izmir.\n");
  EXPECT_EQ(Only(Mentions(), "TALK"), (Strings{"TALK.keynote 'Ten Years of Cloud' [132,150)"}));
  EXPECT_EQ(Only(Relations(), "organized"),
            (Strings{"organized Kelp User Group Izmir -> @main_event",
                     "organized Kelp User Group Izmir -> Kelp Community Day 2025"}));
  EXPECT_EQ(Only(Relations(), "thanked"), (Strings{"thanked @narrator -> Kelp User Group Izmir",
                                                   "thanked @narrator -> Mert Aydin"}));
}

TEST_F(ExtractTest, AFieldAfterARolesOfIsNoOrganisation) {
  Run("Sara Vik, Halcyon Labs' VP of Research, joined. Ida Holm is Director of Engineering.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Sara Vik' [0,8)", "ORG 'Halcyon Labs' [10,22)",
                                 "PERSON 'Ida Holm' [48,56)"}));
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Sara Vik -> Halcyon Labs [VP]"}));
}

// "for" continues the names of public bodies ("Agency for", "Alliance for") as it does of
// institutes; a group's word takes "in" into a community's name unless a known place follows.
TEST_F(ExtractTest, PublicBodiesForAFieldAndGroupsInAFieldAreOneName) {
  Run("Rosa Lind works at the Danish Agency for Open Maps. The day was run by Tamu Women in "
      "Tech, a non-profit. Women in Nairobi came too.");
  EXPECT_EQ(Only(Mentions(), "ORG"), (Strings{"ORG 'Danish Agency for Open Maps' [23,50)",
                                              "ORG 'Tamu Women in Tech' [71,89)"}));
  EXPECT_EQ(Only(Mentions(), "PLACE"), (Strings{"PLACE.city 'Nairobi' [114,121)"}));
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Rosa Lind -> Danish Agency for Open Maps"}));
}

// A capitalised pronoun after "the" opens a name: "the She Codes Summit".
TEST_F(ExtractTest, APronounAfterTheOpensAnEventsName) {
  Run("We went to the She Codes Lisbon Summit, a one-day conference.");
  EXPECT_EQ(Only(Mentions(), "EVENT"), (Strings{"EVENT 'She Codes Lisbon Summit' [15,38)"}));
}

// "a volunteer-heavy foundation": a people noun inside an organisation's kind is no person's
// part in the event.
TEST_F(ExtractTest, APeopleNounInsideAnOrganisationsKindIsNoPersonsPart) {
  Run("The workshop was organised by Harbour Lab Mersey, a volunteer-heavy foundation.");
  EXPECT_EQ(Only(Mentions(), "ORG"), (Strings{"ORG 'Harbour Lab Mersey' [30,48)"}));
  EXPECT_EQ(Only(Mentions(), "PERSON"), Strings{});
}

// A title in title case after "the <kind>," that ends the sentence or is followed by "came
// from": the talk, and who gave it.
TEST_F(ExtractTest, AnUnquotedTitleAfterAKeynoteAndAComma) {
  Run("The afternoon keynote, Maps Are Arguments, came from Nomi Zulu. On the second morning "
      "Sam Oduya delivered the other keynote, Budgets Are Code.");
  EXPECT_EQ(Only(Mentions(), "TALK"), (Strings{"TALK.keynote 'Maps Are Arguments' [23,41)",
                                               "TALK.keynote 'Budgets Are Code' [125,141)"}));
  EXPECT_EQ(Only(Relations(), "speaker_of"), (Strings{"speaker_of Nomi Zulu -> Maps Are Arguments",
                                                      "speaker_of Sam Oduya -> Budgets Are Code"}));
}

// "Gophers Lisbon #23": an edition number after a community's city is in the event's name;
// "Issue #23" stays no event.
TEST_F(ExtractTest, AnEditionNumberAfterACommunitysCityNamesAnEvent) {
  Run("Ninety people came to Gophers Lisbon #23 last night. Issue #23 was fixed by Ana Lee.");
  EXPECT_EQ(Only(Mentions(), "EVENT"), (Strings{"EVENT 'Gophers Lisbon #23' [22,40)"}));
}

// "of the University of Bologna and Sung-min Cho": a hyphenated given name after "and" is a
// person, not the institution's second field; "Field notes" opens a report and names nothing.
TEST_F(ExtractTest, AHyphenatedGivenNameAfterAnInstitutionIsAPerson) {
  Run("Field notes: Kelp Days 2024\n\nThe organisers were Laura Bianchi from the University of "
      "Bologna and Sung-min Cho (KAIST).");
  EXPECT_EQ(Mentions(), (Strings{"EVENT 'Kelp Days 2024' [13,27)", "PERSON 'Laura Bianchi' [49,62)",
                                 "ORG 'University of Bologna' [72,93)",
                                 "PERSON 'Sung-min Cho' [98,110)", "ORG 'KAIST' [112,117)"}));
}

// A role of several words before "of the" is no name ("Chief Technology Officer of the Lagos-based
// payments company PayLat" is the person's role there); nor is a plural noun for people.
TEST_F(ExtractTest, ARoleOfSeveralWordsAndAPluralOfPeopleAreNoNames) {
  Run("The keynote was given by Dr. Fola Ade, Chief Technology Officer of the Lagos-based "
      "payments company PayLat. Organisers said it was full.");
  EXPECT_EQ(Only(Mentions(), "PERSON"), (Strings{"PERSON 'Fola Ade' [29,37)"}));
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Fola Ade -> PayLat [Chief Technology Officer]"}));
}

// "The four panellists were:" over a list: each item sits on the panel named before the
// heading, however long the list.
TEST_F(ExtractTest, PanellistsListedUnderAHeadingSitOnThePanelNamedBefore) {
  Run("The last session was a panel titled \"Funding Founders\", moderated by Achi Oti. The "
      "four panellists were:\n\n- Grace Mutua, CEO of FarmLink;\n- Halima Yusuf, partner at "
      "Savanna Ventures;\n- Leila Benal, head of product at Atlas Pay;\n- Tandi Moyo, founder "
      "of AgriStack.\n\nOtieno opened.");
  EXPECT_EQ(Only(Relations(), "panelist_of"),
            (Strings{"panelist_of Grace Mutua -> Funding Founders",
                     "panelist_of Halima Yusuf -> Funding Founders",
                     "panelist_of Leila Benal -> Funding Founders",
                     "panelist_of Tandi Moyo -> Funding Founders"}));
}

// A list item's quoted title after "on" ends at its closing quote, whatever note follows; a
// kind and a colon may come first.
TEST_F(ExtractTest, AQuotedTitleAfterOnEndsAtItsClosingQuote) {
  Run("- Hanna Maki (City of Tampere) on \"Tampere's Bus Data, Four Years In\" - an honest "
      "look.\n4. Lightning talk: Sofia Nava from Kestrel on \"cargo-deny and Friends\", five "
      "fast minutes.\n");
  EXPECT_EQ(Only(Mentions(), "TALK"),
            (Strings{"TALK.talk 'Tampere\'s Bus Data, Four Years In' [35,68)",
                     "TALK.talk 'cargo-deny and Friends' [135,157)"}));
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Hanna Maki -> Tampere's Bus Data, Four Years In",
                     "speaker_of Sofia Nava -> cargo-deny and Friends"}));
}

// "What We Learned ..." is a title (a capitalised "We" between capitalised words is no
// narrator); a fireside chat's quoted title, its guest and its host; "giving a talk called";
// a dash aside "-- also from" an organisation.
TEST_F(ExtractTest, TitlesWithWeAFiresideChatsGuestAndHostAndADashAside) {
  Run("I stayed all day. The last session was What We Learned Shipping on Consoles, presented by "
      "Hyun "
      "Park. I caught "
      "Marco Bell giving a talk called Audio Without Tears. Then came a fireside chat, \"Twenty "
      "Years of Indie,\" with Dana Whit, hosted by Luis Orta. I saw \"Netcode for Us\" by "
      "Priya Ram -- also from Tin Fox Interactive, which did well.");
  EXPECT_EQ(Only(Mentions(), "TALK"),
            (Strings{"TALK.talk 'What We Learned Shipping on Consoles' [39,75)",
                     "TALK.talk 'Audio Without Tears' [142,161)",
                     "TALK.talk 'Twenty Years of Indie' [191,212)",
                     "TALK.talk 'Netcode for Us' [259,273)"}));
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Dana Whit -> Twenty Years of Indie",
                     "speaker_of Hyun Park -> What We Learned Shipping on Consoles",
                     "speaker_of Marco Bell -> Audio Without Tears",
                     "speaker_of Priya Ram -> Netcode for Us"}));
  EXPECT_EQ(Only(Relations(), "moderator_of"),
            (Strings{"moderator_of Luis Orta -> Twenty Years of Indie"}));
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Priya Ram -> Tin Fox Interactive"}));
}

// A list item's quoted title and what it was before "by"; an unquoted title after "called"
// that a dash and a note end; who "did a session called" it; a name before ", who ran ...".
TEST_F(ExtractTest, QuotedTitleThenItsKindByASpeakerAndATitleEndedByADash) {
  Run("- \"Your First Kernel Patch\", a three-hour workshop by Arjun Nair, a kernel developer, "
      "ended well.\n- Rafa Okoro from Kelp Labs did a short, packed session called Rebinding Is "
      "Not Dead - live demos, all of which worked.\n\nA special mention: Ashwini Varkey, who "
      "ran registration.\n");
  EXPECT_EQ(Only(Mentions(), "TALK"), (Strings{"TALK.workshop 'Your First Kernel Patch' [3,26)",
                                               "TALK.session 'Rebinding Is Not Dead' [161,182)"}));
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Arjun Nair -> Your First Kernel Patch",
                     "speaker_of Rafa Okoro -> Rebinding Is Not Dead"}));
  EXPECT_EQ(Only(Mentions(), "PERSON"),
            (Strings{"PERSON 'Arjun Nair' [54,64)", "PERSON 'Rafa Okoro' [100,110)",
                     "PERSON 'Ashwini Varkey' [238,252)"}));
}

// A quoted title in any case, then who proposed or ran it (a barcamp's sessions); the narrator
// who "pitched a session called" a title gave it.
TEST_F(ExtractTest, AQuotedSessionProposedBySomeoneAndOneTheNarratorPitched) {
  Run("After lunch I joined \"RAG evals that don't lie\", proposed by Mara Vogt, who works in "
      "Kiel. Then I pitched a session called Label Noise Confessions.");
  EXPECT_EQ(Only(Mentions(), "TALK"),
            (Strings{"TALK.talk 'RAG evals that don\'t lie' [22,46)",
                     "TALK.session 'Label Noise Confessions' [123,146)"}));
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of @narrator -> Label Noise Confessions",
                     "speaker_of Mara Vogt -> RAG evals that don't lie"}));
}

// "moderated by the journalist X ... and brought together A, B and C": the moderator after a
// word for their job, and the people a panel brought together.
TEST_F(ExtractTest, APanelModeratedByAJournalistBroughtTogetherItsPanellists) {
  Run("The last panel, \"Who Pays When Patches Break?\", was moderated by the journalist Ivo "
      "Stan and brought together Elena Mar, Mihai Pope and Jakob Brandt.");
  EXPECT_EQ(Only(Relations(), "moderator_of"), (Strings{"moderator_of Ivo Stan -> @nearest_talk"}));
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Elena Mar -> Who Pays When Patches Break?",
                     "speaker_of Jakob Brandt -> Who Pays When Patches Break?",
                     "speaker_of Mihai Pope -> Who Pays When Patches Break?"}));
}

// An event "organised by a small non-profit called the X" that "moved into" a venue; a CISO
// of "the <demonym> fintech" is affiliated with it; thanks to "Professor" someone.
TEST_F(ExtractTest, AnOrganiserCalledTheXAVenueMovedIntoAndACisosFintech) {
  Run("Kelp Days 2025 was great. It is organised by a small non-profit called the Harbour Code "
      "Collective, and this year it finally moved out of a hotel into Harbour Expo Center. Ela "
      "Marr, CISO of the Bulgarian fintech Paylina, opened. Thank you also to Professor Kiran "
      "Ram for the rooms.");
  EXPECT_EQ(Only(Relations(), "organized"),
            (Strings{"organized Harbour Code Collective -> @main_event"}));
  EXPECT_EQ(Only(Relations(), "held_at"), (Strings{"held_at @main_event -> Harbour Expo Center"}));
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Ela Marr -> Paylina [CISO]"}));
  EXPECT_EQ(Only(Relations(), "thanked"), (Strings{"thanked @narrator -> Kiran Ram"}));
}

// "Darya Kov and her crew at Redline Labs, a pentest shop in Kyiv": the person's organisation,
// and where a shop of its kind is.
TEST_F(ExtractTest, APersonAndHerCrewAtAnOrganisationAndAShopInACity) {
  Run("The challenges were written by Darya Kov and her crew at Redline Labs, a pentest shop in "
      "Kyiv.");
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Darya Kov -> Redline Labs"}));
  EXPECT_EQ(Only(Relations(), "located_in"), (Strings{"located_in Redline Labs -> Kyiv"}));
}

// Organisers named as "Organiser X", "X (organiser)" and "X and Y organised the whole thing".
TEST_F(ExtractTest, OrganisersByTitleBracketsAndOrganisingTheWholeThing) {
  Run("I went to Kelp Days 2025. Organiser Ana Lima opened the day. Ivo Stan (organiser) closed "
      "it. Tom Berg and Eva Rho organised the whole thing.");
  EXPECT_EQ(Only(Relations(), "organized"),
            (Strings{"organized Ana Lima -> @main_event", "organized Eva Rho -> @main_event",
                     "organized Ivo Stan -> @main_event", "organized Tom Berg -> @main_event"}));
}

// Thanks in more words: "kudos to", "deserves a huge thank you", "thank you X!", "to our
// sponsors X and Y", "thank our speakers: A and B", "not have been possible without".
TEST_F(ExtractTest, ThanksInMoreWords) {
  Run("I went. Kudos to Ana Lima for the desk. Ivo Stan deserves a huge thank you. Last but "
      "not least, thank you Eva Rho! A big thank-you to our sponsors Kelp Labs and Tide "
      "Foundation. We would like to thank our speakers: Tom Berg and Rui Sa. It would not have "
      "been possible without Harbour Labs.");
  EXPECT_EQ(Only(Relations(), "thanked"),
            (Strings{"thanked @narrator -> Ana Lima", "thanked @narrator -> Eva Rho",
                     "thanked @narrator -> Harbour Labs", "thanked @narrator -> Ivo Stan",
                     "thanked @narrator -> Kelp Labs", "thanked @narrator -> Rui Sa",
                     "thanked @narrator -> Tide Foundation", "thanked @narrator -> Tom Berg"}));
}

// "A and B (both from X)", "X’s Tom Berg": each person's organisation.
TEST_F(ExtractTest, APairBothFromAnOrganisationAndAPluralPossessive) {
  Run("Ana Lima and Tom Berg (both from Kelp Labs) gave the keynote. Then Harbour Labs\u2019 "
      "Eva Rho spoke.");
  EXPECT_EQ(
      Only(Relations(), "affiliated_with"),
      (Strings{"affiliated_with Ana Lima -> Kelp Labs", "affiliated_with Eva Rho -> Harbour Labs",
               "affiliated_with Tom Berg -> Kelp Labs"}));
}

// Who gave a talk, in more words: "took the stage to talk about", "walked us through",
// "kicked off day two with", 'On the panel "X" were A and B'.
TEST_F(ExtractTest, SpeakersInMoreWords) {
  Run("Ana Lima took the stage to talk about \"Data for All\". Tom Berg walked us through "
      "\"Maps Are Arguments\". Eva Rho kicked off day two with \"Budgets Are Code\". On the "
      "panel \"Who Pays?\" were Ivo Stan and Rui Sa.");
  EXPECT_EQ(
      Only(Relations(), "speaker_of"),
      (Strings{"speaker_of Ana Lima -> Data for All", "speaker_of Eva Rho -> Budgets Are Code",
               "speaker_of Ivo Stan -> Who Pays?", "speaker_of Rui Sa -> Who Pays?",
               "speaker_of Tom Berg -> Maps Are Arguments"}));
}

// Organisations by what they did or are thanked for: "a developer advocate with X", "Thanks
// to X for the venue", "X sponsored the coffee".
TEST_F(ExtractTest, OrganisationsByARoleWithThemAVenueThankedForAndASponsoredThing) {
  Run("Ana Lima, a developer advocate with Quillon, spoke. Thanks to Brevant for the venue. "
      "Ostrava sponsored the coffee. Tovik sponsored the drinks.");
  EXPECT_EQ(Only(Mentions(), "ORG"),
            (Strings{"ORG 'Quillon' [36,43)", "ORG 'Brevant' [62,69)", "ORG 'Tovik' [115,120)"}));
}

// Where people and organisations are from, in more words.
TEST_F(ExtractTest, WhereSomeoneIsFromInMoreWords) {
  Run("I live in Vienna. Ana Lima (Nairobi) spoke. Eva Rho, a Lisbon-based designer, spoke. "
      "Then Ivo Stan of Madrid spoke. Quillon Labs is based in Porto.");
  EXPECT_EQ(
      Only(Relations(), "from"),
      (Strings{"from @narrator -> Vienna", "from Ana Lima -> Nairobi", "from Eva Rho -> Lisbon",
               "from Ivo Stan -> Madrid", "from Quillon Labs -> Porto"}));
}

// Meetings in more words; "joined X and Y for drinks" names people, not an employer.
TEST_F(ExtractTest, MeetingsInMoreWords) {
  Run("I joined Quorra Vell and Tom Berg for drinks. A highlight was meeting Ana Lima. Eva Rho "
      "and Ivo Stan met at the booth. Great conversations with Rui Sa.");
  EXPECT_EQ(Only(Mentions(), "ORG"), Strings{});
  EXPECT_EQ(
      Only(Relations(), "met"),
      (Strings{"met @narrator -> Ana Lima", "met @narrator -> Quorra Vell",
               "met @narrator -> Rui Sa", "met @narrator -> Tom Berg", "met Eva Rho -> Ivo Stan"}));
}

// Organisations by their company: "companies like", a booth, "represented", "among the
// sponsors".
TEST_F(ExtractTest, OrganisationsByCompaniesLikeBoothsAndSponsorLists) {
  Run("People came from companies like Quillon and Brevant. Tovik had the biggest booth. I "
      "represented Zorvan at our stand. Ardio and Belmek were among the sponsors.");
  EXPECT_EQ(Only(Mentions(), "ORG"),
            (Strings{"ORG 'Quillon' [32,39)", "ORG 'Brevant' [44,51)", "ORG 'Tovik' [53,58)",
                     "ORG 'Zorvan' [96,102)", "ORG 'Ardio' [117,122)", "ORG 'Belmek' [127,133)"}));
}

// Who organised an event, in more words: "is organised each year by", "co-organised X with
// Y", "one of the people behind the conference", "was the main organiser", "who has run".
TEST_F(ExtractTest, OrganisersInMoreWords) {
  Run("We went to Grindle Conf 2025. Grindle Conf is organised each year by the Harrow Guild. "
      "Ana Lima co-organised Grindle Conf with Bo Lund. Eva Rho, one of the people behind the "
      "conference, spoke. Tovik Labs was the main organiser. Ivo Stan, who has run the "
      "conference since 2019, spoke too.");
  EXPECT_EQ(Only(Relations(), "organized"),
            (Strings{"organized Ana Lima -> Grindle Conf", "organized Bo Lund -> Grindle Conf",
                     "organized Eva Rho -> @main_event", "organized Harrow Guild -> Grindle Conf",
                     "organized Ivo Stan -> @main_event", "organized Tovik Labs -> @main_event"}));
}

// Where people work, in more words: "X's CTO Y", "The head of design at X, Y", "formerly of X
// and now at Y", "represented X", "who volunteers with X".
TEST_F(ExtractTest, AffiliationsInMoreWords) {
  Run("Quillon's CTO Ana Lima gave a demo. The head of design at Brevant Labs, Bo Lund, spoke. "
      "Eva Rho, formerly of Tovik Labs and now at Ardio Labs, spoke. Ivo Stan represented "
      "Belmek Labs. Rui Sa, who volunteers with the Harbour Coders Society, helped.");
  EXPECT_EQ(
      Only(Relations(), "affiliated_with"),
      (Strings{"affiliated_with Ana Lima -> Quillon [CTO]",
               "affiliated_with Bo Lund -> Brevant Labs [head]",
               "affiliated_with Eva Rho -> Ardio Labs", "affiliated_with Ivo Stan -> Belmek Labs",
               "affiliated_with Rui Sa -> Harbour Coders Society [volunteer]"}));
}

// Who was at an event, in the text's words (nothing infers it for everyone a report names).
TEST_F(ExtractTest, AttendeesInMoreWords) {
  Run("Ana Lima spent two days at Grindle Days. Among the attendees of Grindle Days were Bo Lund "
      "and Eva Rho. Ivo Stan, a first-time attendee at Grindle Days, asked a question. Rui Sa "
      "told us about Grindle Days.");
  EXPECT_EQ(Only(Relations(), "attended"),
            (Strings{"attended Ana Lima -> Grindle Days", "attended Bo Lund -> Grindle Days",
                     "attended Eva Rho -> Grindle Days", "attended Ivo Stan -> Grindle Days"}));
}

// Where an event was held: "The venue was the X", "The conference, organised by Y, was held at
// X", "Everything took place in X".
TEST_F(ExtractTest, VenuesInMoreWords) {
  Run("We went to Grindle Days. The venue was the Tollgate Rooms, a Victorian hall. The "
      "conference, organised by Tovik Labs, was held at the Marrow Arena. Everything took place "
      "in the Grand Hall of the Kelvin Museum.");
  EXPECT_EQ(
      Only(Relations(), "held_at"),
      (Strings{"held_at @main_event -> Grand Hall of the Kelvin Museum",
               "held_at @main_event -> Marrow Arena", "held_at @main_event -> Tollgate Rooms"}));
}

// Thanks in other words: "Hats off to", "My gratitude goes to", "the whole X crew", "A, thank
// you", "Our sponsors were X and Y - thank you!".
TEST_F(ExtractTest, ThanksInOtherWords) {
  Run("I went to Grindle Days. Hats off to Ana Lima, who kept the schedule. My gratitude goes to "
      "Tovik Labs for the grant. Thanks to Bo and the whole Quillon Labs crew for the coffee. Eva "
      "Rho, thank you for everything. Our sponsors were Ardio Systems and Belmek Labs - thank "
      "you!");
  EXPECT_EQ(Only(Relations(), "thanked"),
            (Strings{"thanked @narrator -> Ana Lima", "thanked @narrator -> Ardio Systems",
                     "thanked @narrator -> Belmek Labs", "thanked @narrator -> Bo",
                     "thanked @narrator -> Eva Rho", "thanked @narrator -> Quillon Labs",
                     "thanked @narrator -> Tovik Labs"}));
}

// Where places and organisations are, and people from, in more words: "has offices in A and
// B", "X, in the heart of Y", "is located in", "a Nairobi native", "but now lives in".
TEST_F(ExtractTest, LocationsInMoreWords) {
  Run("Tovik Labs has offices in Porto and Lisbon. The Marrow Arena, in the heart of Leeds, was "
      "packed. The Kelvin Museum is located in Glasgow. Ana Lima, a Nairobi native, spoke. Bo "
      "Lund is originally from Braga but now lives in Madrid.");
  EXPECT_EQ(Only(Relations(), "located_in"),
            (Strings{"located_in Kelvin Museum -> Glasgow", "located_in Marrow Arena -> Leeds",
                     "located_in Tovik Labs -> Lisbon", "located_in Tovik Labs -> Porto"}));
  EXPECT_EQ(Only(Relations(), "from"), (Strings{"from Ana Lima -> Nairobi", "from Bo Lund -> Braga",
                                                "from Bo Lund -> Madrid"}));
}

// An organisation's offices where it hosts ("at their offices in"), where people moved from,
// an aside between a person and "works at", and French venue names joined by "des".
TEST_F(ExtractTest, HostsOfficesMovesAndAsidesBeforeTheVerb) {
  Run("The next meetup will be hosted by Kivuko at their offices in Lisbon. Tovik Labs welcomed "
      "us at its headquarters in Porto. Bo Rask, a consultant who moved to Oslo from Lagos, "
      "spoke. Ida Berg relocated from Nairobi to Ghent. Ana Lima, originally from Recife, now "
      "works at Belmek Labs. The party was at the Palais des Congrès in Lyon.");
  EXPECT_EQ(Only(Relations(), "located_in"),
            (Strings{"located_in Kivuko -> Lisbon", "located_in Palais des Congrès -> Lyon",
                     "located_in Tovik Labs -> Porto"}));
  EXPECT_EQ(Only(Relations(), "from"), (Strings{"from Ana Lima -> Recife", "from Bo Rask -> Lagos",
                                                "from Ida Berg -> Nairobi"}));
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Ana Lima -> Belmek Labs"}));
}

// A capitalised role before a given and a family name starts the person's name: "Our CTO Ana
// Lima" names Ana Lima, "Tovik Labs CEO Bo Rask" an organisation and its CEO.
TEST_F(ExtractTest, ARoleBeforeAFullNameEndsTheNameBeforeIt) {
  Run("Our CTO Maria Keller gave a talk. Tovik Labs CEO Ruth Abara opened the day.");
  EXPECT_EQ(Mentions(), (Strings{"PERSON 'Maria Keller' [8,20)", "ORG 'Tovik Labs' [34,44)",
                                 "PERSON 'Ruth Abara' [49,59)"}));
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Maria Keller -> @narrator_org [CTO]",
                     "affiliated_with Ruth Abara -> Tovik Labs [CEO]"}));
}

// A printed programme: a time and a title, then the people on indented lines under it.
TEST_F(ExtractTest, IndentedLinesUnderATimedItemNameItsPeople) {
  Run("THE PROGRAMME\n\n09:00  Registration and coffee\n\n"
      "09:45  KEYNOTE: \"A Life of Index Mistakes\"\n       Maria Olsen-Keller \u2014 Quarkly "
      "Labs, Lisbon\n\n10:45  \"Sharding Without Tears\"\n       Rafe Olsen [Zenmetric "
      "Bank]\n\n13:30  PANEL: \"Databases at the Town Hall\"\n       Moderator: Ida Berg "
      "(Civic Records Office)\n       Panel: Bo Rask (Northmoor Health),\n              Tomas "
      "Brandt (Kestrel Data)\n");
  EXPECT_EQ(Relations(),
            (Strings{"affiliated_with Bo Rask -> Northmoor Health",
                     "affiliated_with Ida Berg -> Civic Records Office",
                     "affiliated_with Maria Olsen-Keller -> Quarkly Labs",
                     "affiliated_with Rafe Olsen -> Zenmetric Bank",
                     "affiliated_with Tomas Brandt -> Kestrel Data",
                     "from Maria Olsen-Keller -> Lisbon", "moderator_of Ida Berg -> @nearest_talk",
                     "moderator_of Ida Berg -> Databases at the Town Hall",
                     "panelist_of Bo Rask -> @nearest_talk",
                     "panelist_of Bo Rask -> Databases at the Town Hall",
                     "panelist_of Tomas Brandt -> @nearest_talk",
                     "panelist_of Tomas Brandt -> Databases at the Town Hall",
                     "speaker_of Maria Olsen-Keller -> A Life of Index Mistakes",
                     "speaker_of Rafe Olsen -> Sharding Without Tears"}));
}

// Notes in a list under a talk's heading: "Delivered by X" names its speaker; a passive
// sentence in a list ("It's organised every year by X") is no title with its speaker, while a
// sentence-case title is ("It starts with a problem by X").
TEST_F(ExtractTest, DeliveredByUnderATalksHeadingAndPassivesInAList) {
  Run("## Day 1\n\n### \"Small Sensors, Fair Data\"\n\n- Delivered by Ana Lima, who "
      "founded Quarkly Labs.\n- It was great.\n\n## The basics\n\n- It's organised every year "
      "by Zenmetric Collective, a hackerspace.\n\n## Talks\n\n- It starts with a problem by "
      "Bo Rask\n");
  EXPECT_EQ(Talks(), (Strings{"Small Sensors, Fair Data", "It starts with a problem"}));
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Ana Lima -> @nearest_talk",
                     "speaker_of Bo Rask -> It starts with a problem"}));
}

// Organisers, sponsors and helpers in more words: "I co-run X with Y", "Y and I organise X",
// "run by Y herself, the lead organiser", lunch paid for by a sponsor, the sponsors in brackets,
// and a helper whose appositive names an institution (an organisation, not a lake).
TEST_F(ExtractTest, OrganisersSponsorsAndHelpersInMoreWords) {
  Run("We went to Grindle Days. Registration was run by Ana Lima herself, the lead organiser. "
      "Lunch was paid for by Tovik Labs. She thanked the sponsors (Ardio Systems and others). I "
      "co-run the Kelp Meetup with Bo Rask. Ida Berg and I organise the Rust Lumeno Meetup. Oren "
      "Vale, a PhD student at Lake Tarn University, helped me.");
  EXPECT_EQ(
      Only(Relations(), "organized"),
      (Strings{"organized @narrator -> Kelp Meetup", "organized @narrator -> Rust Lumeno Meetup",
               "organized Ana Lima -> @main_event", "organized Bo Rask -> Kelp Meetup",
               "organized Ida Berg -> Rust Lumeno Meetup"}));
  EXPECT_EQ(Only(Relations(), "related_to"), (Strings{"related_to Ardio Systems -> @main_event",
                                                      "related_to Tovik Labs -> @main_event"}));
  EXPECT_EQ(Only(Relations(), "helped"), (Strings{"helped Oren Vale -> @narrator"}));
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Oren Vale -> Lake Tarn University [PhD student]"}));
}

// A thanks heading, a sentence introducing its list, then items that open with a name, a
// list of names or what they are ("Our sponsors, A, B and C, for ..."), some of two sentences.
TEST_F(ExtractTest, AThanksHeadingsListAfterAnIntroductionThanksEveryNameItOpensWith) {
  Run("We went to Grindle Days 2025.\n\nThank yous\n\nWe owe many people, so here is the list:\n\n"
      "- Bo Rask and the whole team from Kivuko, for two great days.\n- Ida Berg, for the "
      "volunteers. Seriously.\n- Our sponsors, Tovik Labs, Ardio Systems and Belmek Labs, for the "
      "coffee.\n"
      "- And Quillon Labs, for the days off.\n");
  EXPECT_EQ(Only(Relations(), "thanked"),
            (Strings{"thanked @narrator -> Ardio Systems", "thanked @narrator -> Belmek Labs",
                     "thanked @narrator -> Bo Rask", "thanked @narrator -> Ida Berg",
                     "thanked @narrator -> Quillon Labs", "thanked @narrator -> Tovik Labs"}));
}

// Programme lines with the item's kind in brackets after an unquoted title, and a panel line
// naming its moderator ("X (Org), moderating; with A (Org) and B").
TEST_F(ExtractTest, ProgrammeLinesWithAKindNoteAndAModeratingPanel) {
  Run("The talks:\n\n- Quiet Clusters (closing keynote) \u2014 Marcus Vale (Saltpan Compute)\n"
      "- Who Owns the Pager? (panel) \u2014 Jess Lund (Dingo Cloud), moderating; with Rohan "
      "Vale (Birchmoor Analytics) and Wei Berg\n");
  EXPECT_EQ(Talks(), (Strings{"Quiet Clusters", "Who Owns the Pager?"}));
  EXPECT_EQ(Only(Relations(), "moderator_of"),
            (Strings{"moderator_of Jess Lund -> Who Owns the Pager?"}));
  // (A prose rule reads the moderator as a panelist too; resolution keeps the moderator_of.)
  EXPECT_EQ(Only(Relations(), "panelist_of"),
            (Strings{"panelist_of Jess Lund -> @nearest_talk",
                     "panelist_of Rohan Vale -> Who Owns the Pager?",
                     "panelist_of Wei Berg -> Who Owns the Pager?"}));
  EXPECT_EQ(Only(Relations(), "affiliated_with"),
            (Strings{"affiliated_with Jess Lund -> Dingo Cloud",
                     "affiliated_with Marcus Vale -> Saltpan Compute",
                     "affiliated_with Rohan Vale -> Birchmoor Analytics"}));
}

// A given name that is also a region ("Farah") names the person the document named in full
// before; it is no region, and the name before it no city of that region.
TEST_F(ExtractTest, GivenNamesOfPeopleNamedInFullBeforeAreNoRegions) {
  Run("I met Yuki Sato and Farah Aziz at the snacks. The panel was \"Closures Revisited\". The "
      "panelists were Yuki, Farah, and Anil Rao.");
  EXPECT_EQ(Mentions(),
            (Strings{"PERSON 'Yuki Sato' [6,15)", "PERSON 'Farah Aziz' [20,30)",
                     "TALK.panel 'Closures Revisited' [61,79)", "PERSON 'Yuki' [101,105)",
                     "PERSON 'Farah' [107,112)", "PERSON 'Anil Rao' [118,126)"}));
}

// "Rustaceans of Lagos": a plural and its city name one group; "The Mayor of London" is
// still a person of a city.
TEST_F(ExtractTest, APluralAndItsCityNameOneGroup) {
  Run("The meetup was hosted by Rustaceans of Lagos, the local user group. The Mayor of London "
      "spoke.");
  EXPECT_EQ(Mentions(), (Strings{"ORG 'Rustaceans of Lagos' [25,44)", "PERSON 'Mayor' [72,77)",
                                 "PLACE.city 'London' [81,87)"}));
}

// Sections written like Markdown in plain text: an underlined heading over indented items.
TEST_F(ExtractTest, UnderlinedHeadingsOverIndentedItems) {
  Run("We went to Grindle Days 2025.\n\nSPONSORS\n--------\n\n  * Platinum: Tovik Labs\n"
      "  * Venue: Tide Conference Centre, provided at no cost\n\nTHANKS\n------\n\n  * To Ida "
      "Berg, Bo Rask and the rest of the team for organising.\n");
  EXPECT_EQ(Only(Relations(), "related_to"), (Strings{"related_to Tovik Labs -> @main_event"}));
  EXPECT_EQ(Only(Relations(), "held_at"),
            (Strings{"held_at @main_event -> Tide Conference Centre"}));
  EXPECT_EQ(Only(Relations(), "thanked"),
            (Strings{"thanked @narrator -> Bo Rask", "thanked @narrator -> Ida Berg"}));
}

// A sponsor and the event it paid for are related_to ("sponsored by", "sponsored X", "The main
// sponsors were").
TEST_F(ExtractTest, SponsorsOfAnEventAreRelatedToIt) {
  Run("We went to Grindle Days. Grindle Days was sponsored by Tovik Labs. Ardio Systems "
      "generously sponsored Grindle Days. The main sponsors were Belmek Labs and Quillon Labs.");
  EXPECT_EQ(
      Only(Relations(), "related_to"),
      (Strings{"related_to Ardio Systems -> Grindle Days", "related_to Belmek Labs -> @main_event",
               "related_to Quillon Labs -> @main_event", "related_to Tovik Labs -> Grindle Days"}));
}

// A sponsors section's tier and partner lines name organisations related to the report's event.
TEST_F(ExtractTest, SponsorTierLinesRelateTheirOrganisationsToTheEvent) {
  Run("We went to Grindle Days in May.\n\nSponsors\n\nPlatinum: Tovik Labs\n"
      "Gold sponsors: Ardio Systems, Belmek Labs and Quillon Labs\n"
      "Media partner: Saltmarsh Press\n\nThe weather: Hexwright Labs was not there.");
  EXPECT_EQ(Only(Relations(), "related_to"), (Strings{"related_to Ardio Systems -> @main_event",
                                                      "related_to Belmek Labs -> @main_event",
                                                      "related_to Quillon Labs -> @main_event",
                                                      "related_to Saltmarsh Press -> @main_event",
                                                      "related_to Tovik Labs -> @main_event"}));
}

// Label lines under a thanks line are its list: each name after a label, and a label that is
// a name, is thanked ("Gold" is no one).
TEST_F(ExtractTest, LabelLinesUnderAThanksLineAreItsList) {
  Run("We went to Grindle Days in May.\n\nThe event is free. Our warmest thanks go to:\n\n"
      "Gold: Tovik Labs, Ardio Systems and the Belmek Trust\nIda Berg: for the venue\n\n"
      "People I met:\n\nRafe Olsen: a long talk about parsers\n");
  EXPECT_EQ(Only(Relations(), "thanked"),
            (Strings{"thanked @narrator -> Ardio Systems", "thanked @narrator -> Belmek Trust",
                     "thanked @narrator -> Ida Berg", "thanked @narrator -> Tovik Labs"}));
  EXPECT_EQ(Only(Relations(), "met"), (Strings{"met @narrator -> Rafe Olsen"}));
}

// A timed programme: breaks and housekeeping are no talks, the time is no title, and a panel's
// title ends before " - moderated by".
TEST_F(ExtractTest, ProgrammeBreaksAndTimesAreNoTalks) {
  Run("We went to Grindle Days 2025. Here is the schedule as it ran (slides to follow):\n\n"
      "- 09:00 - Welcome & housekeeping - Ana Lima and Bo Rask\n"
      "- 10:10 - Fast Parsers for Everyone - Rafe Olsen\n- 11:00 - Morning tea\n"
      "- 12:15 - Lunch (thanks Tovik Labs!)\n"
      "- 13:15 - Panel: Who Pays for Tools - moderated by Ida Berg, with Ana Lima\n"
      "- 15:00 - Welcome to the Machine - Bo Rask\n");
  EXPECT_EQ(Talks(),
            (Strings{"Fast Parsers for Everyone", "Who Pays for Tools", "Welcome to the Machine"}));
  // (The moderator is a speaker too before resolution, which keeps the moderator_of.)
  EXPECT_EQ(Only(Relations(), "moderator_of"),
            (Strings{"moderator_of Ida Berg -> @nearest_talk",
                     "moderator_of Ida Berg -> Who Pays for Tools"}));
  EXPECT_EQ(Only(Relations(), "speaker_of"),
            (Strings{"speaker_of Bo Rask -> Welcome to the Machine",
                     "speaker_of Ida Berg -> Who Pays for Tools",
                     "speaker_of Rafe Olsen -> Fast Parsers for Everyone"}));
}

// ICU's case folding with typographic apostrophes made ASCII: what FoldCase promises, whichever
// way it takes (its own loop or ICU).
std::string IcuFold(const std::string &s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  u.foldCase();
  std::string folded, out;
  u.toUTF8String(folded);
  for (size_t i = 0; i < folded.size(); ++i) {
    if (folded.compare(i, 3, "\xE2\x80\x99") == 0) {
      out += '\'';
      i += 2;
    } else {
      out += folded[i];
    }
  }
  return out;
}

TEST(FoldCaseTest, EveryBmpCodePointFoldsAsIcuFoldsIt) {
  for (UChar32 c = 0x80; c <= 0xFFFF; ++c) {
    if (U_IS_SURROGATE(c)) continue;
    std::string ch;
    icu::UnicodeString(c).toUTF8String(ch);
    const std::string s = "Ab" + ch + "CD\xE2\x80\x99s";
    ASSERT_EQ(FoldCase(s), IcuFold(s)) << "U+" << std::hex << c;
    ASSERT_EQ(FoldCase(s), IcuFold(s)) << "U+" << std::hex << c << ", asked again";
    // Long ASCII runs fold 8 bytes at a time, around the code point.
    const std::string l = "@AZ[`az{ Maria" + ch + "LOPEZ-Garcia\xE2\x80\x99s ABCDEFGH" + ch;
    ASSERT_EQ(FoldCase(l), IcuFold(l)) << "U+" << std::hex << c;
  }
  for (const std::string s : {"\xF0\x9D\x90\x80 X",
                              "Stra\xC3\x9F"
                              "e",
                              "\xC3\x96ZG\xC3\xBCR"}) {
    EXPECT_EQ(FoldCase(s), IcuFold(s)) << s;
  }
}

TEST(FoldCaseTest, InvalidUtf8FoldsAsIcuFoldsIt) {
  for (const std::string s : {"\xFF", "A\xC3", "A\xED\xA0\x80Z", "\xE2\x80", "\xC0\xAF"}) {
    EXPECT_EQ(FoldCase(s), IcuFold(s));
  }
}

// Lookups fold 8 bytes at a time, the rest one by one, and hand long or non-ASCII words to
// FoldCase: every length and every letter, either case, must find its entry.
TEST(LexiconTest, FoldedLookupsOfEveryLengthFindTheirEntry) {
  const fs::path path =
      fs::temp_directory_path() / ("kg_lexicon_test_" + std::to_string(::getpid()) + ".txt");
  std::vector<std::string> words;
  const std::string letters = "abcdefghijklmnopqrstuvwxyz@[`{0189_-";
  for (size_t n = 1; n <= 70; ++n) {
    std::string w;
    for (size_t i = 0; i < n; ++i) w += letters[(i * 7 + n) % letters.size()];
    words.push_back(w);
  }
  words.push_back("j\xC3\xB6rg");
  {
    std::ofstream out(path);
    for (const std::string &w : words) out << w << "\n";
  }
  Lexicon lexicon;
  ASSERT_TRUE(lexicon.Load(path.string(), /*fold_case=*/true).ok());
  fs::remove(path);
  for (const std::string &w : words) {
    std::string upper = w;
    for (char &c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    EXPECT_TRUE(lexicon.Contains(w)) << w;
    EXPECT_TRUE(lexicon.Contains(upper)) << upper;
    EXPECT_FALSE(lexicon.Contains(w + "x")) << w;
    EXPECT_FALSE(lexicon.Contains(w.substr(1))) << w;
  }
  EXPECT_TRUE(lexicon.Contains("J\xC3\x96RG"));
}

// Load stores each key in one buffer, folded in place, and checks the lines in one pass: it
// must keep what adding the lines one by one keeps (first of a key wins, with its canonical
// form; keys ICU folds longer, "Straße" -> "strasse"; a CRLF line; a comment).
TEST(LexiconTest, FoldedListFindsAnAccentedWordByItsPlainEntry) {
  Lexicon folded, exact;
  const fs::path path =
      fs::temp_directory_path() / ("kg_lexicon_accents_" + std::to_string(::getpid()) + ".txt");
  {
    std::ofstream out(path);
    out << "Zsofia\nJos\xC3\xA9\nLodz\n";
  }
  ASSERT_TRUE(folded.Load(path.string(), /*fold_case=*/true).ok());
  ASSERT_TRUE(exact.Load(path.string(), /*fold_case=*/false).ok());
  fs::remove(path);
  EXPECT_TRUE(
      folded.Contains("Zs\xC3\xB3"
                      "fia"));  // Zsófia
  EXPECT_TRUE(
      folded.Contains("\xC5\x81\xC3\xB3"
                      "d\xC5\xBA"));  // Łódź
  EXPECT_TRUE(folded.Contains("Jos\xC3\xA9"));
  EXPECT_FALSE(folded.Contains("Jose"));  // no accent is made up
  EXPECT_FALSE(
      folded.Contains("Zs\xC3\xB6"
                      "fib"));
  EXPECT_FALSE(
      exact.Contains("Zs\xC3\xB3"
                     "fia"));
}

TEST(LexiconTest, LoadFindsWhatAddingTheLinesFinds) {
  const std::vector<std::pair<std::string, std::string>> lines = {
      {"Acme Corp", "Acme Corporation"},
      {"ACME corp", "Other"},
      {"Straße", "Strasse Inc"},
      {"J\xC3\xB6rg", "J\xC3\xB6rg AG"},
      {"Nicky\xE2\x80\x99s", "Nicky's"},
      {"x", "X Ltd"},
      {"A Very Long Organisation Name Of Many Words", "Long"},
  };
  const fs::path path =
      fs::temp_directory_path() / ("kg_lexicon_add_" + std::to_string(::getpid()) + ".tsv");
  {
    std::ofstream out(path, std::ios::binary);
    out << "# Fields (TAB-separated): surface, canonical\n";
    for (const auto &[surface, canonical] : lines) out << surface << "\t" << canonical << "\n";
    out << "Crlf Line\tCRLF\r\n";
  }
  Lexicon loaded;
  ASSERT_TRUE(loaded.Load(path.string(), /*fold_case=*/true).ok());
  fs::remove(path);
  Lexicon added;  // folding, as the loaded one: an empty list loaded with fold_case
  std::ofstream(path, std::ios::binary).close();
  ASSERT_TRUE(added.Load(path.string(), /*fold_case=*/true).ok());
  fs::remove(path);
  for (const auto &[surface, canonical] : lines) added.Add(surface, canonical);
  added.Add("Crlf Line", "CRLF");
  EXPECT_EQ(loaded.Surfaces(), added.Surfaces());
  EXPECT_EQ(loaded.size(), lines.size());  // the second "acme corp" is no entry of its own
  for (const std::string probe :
       {"acme corp", "ACME CORP", "STRASSE", "straße", "jörg", "JÖRG", "nicky's", "X",
        "a very long organisation name of many words", "crlf line", "acme", "", "y"}) {
    EXPECT_EQ(loaded.Contains(probe), added.Contains(probe)) << probe;
    EXPECT_EQ(loaded.Canonical(probe), added.Canonical(probe)) << probe;
  }
  EXPECT_EQ(loaded.Canonical("Acme corp"), "Acme Corporation");
  EXPECT_EQ(loaded.Canonical("STRASSE"), "Strasse Inc");
  EXPECT_EQ(loaded.Canonical("Crlf line"), "CRLF");
}

// Entries added one by one go into the one buffer, and the table grows under them.
TEST(LexiconTest, AddGrowsTheTableAndKeepsEveryEntry) {
  Lexicon lexicon;
  for (int i = 0; i < 5000; ++i) lexicon.Add("Word" + std::to_string(i), std::to_string(i));
  lexicon.Add("Word7", "again");  // not an entry of its own: the first wins
  EXPECT_EQ(lexicon.size(), 5000u);
  for (int i = 0; i < 5000; ++i) {
    ASSERT_EQ(lexicon.Canonical("Word" + std::to_string(i)), std::to_string(i)) << i;
  }
}

}  // namespace
}  // namespace kg

// Internal to stage 3: the extraction of one document as named passes over its sentences'
// candidates ("chunks"). Not part of the public interface (extract.h); the tests of the passes
// (tests/extract_passes_test.cc) use it to run one pass alone.
//
// Extractor::Run is the whole extraction, in this order:
//   MarkNarratorPronouns          token classes asked for many times (document_context.cc)
//   FindProgrammeLists            programme lists of the document (pass_programme.cc)
//   TypeSentence, per sentence    candidates, programme lines, gazetteers, chunk rules, splits,
//                                 context rules (twice, around the given names) (extract.cc)
//   VoteTypes, PromoteWorkshopToEvent      one name, one type (pass_document_types.cc)
//   RememberSurnames, RememberAcronyms     document memory (pass_document_memory.cc)
//   EmitSentence, per sentence    mentions and relations (pass_relations.cc)
// DocumentContext (document_context.cc) is what every pass reads: the document, the rules and
// token classes. Extractor adds the passes and the state they hand on (programme items, the
// document's types, the extraction so far); each pass's section says what it reads and writes.
//
// THREAD SAFETY: an Extractor is one document's extraction, used by one thread; the RuleSet it
// reads is shared and immutable.
#pragma once

#include <array>
#include <climits>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/internal.h"

namespace kg {

// The per-document context every pass reads: the document, the rules, the options, and token
// classes computed once (first-person pronouns, a sentence's quotation marks); the helpers
// the passes share; the candidate ("chunk") the passes type.
class DocumentContext {
 public:
  DocumentContext(const TokenizedDocument& doc, const RuleSet& rules, const ExtractOptions& options)
      : doc_(doc), rules_(rules), options_(options) {}

  static constexpr int kUntyped = -1;  // a Chunk's type before a pass types it

  // A candidate name of one sentence, and what the passes have concluded about it.
  struct Chunk {
    uint32_t begin = 0, end = 0;          // bytes: the span the sentence's slot replaces
    uint32_t mention_begin = UINT32_MAX;  // where the mention starts, when before `begin`
    uint32_t first_token = 0, end_token = 0;
    int type = kUntyped;
    std::string subtype;
    std::string rule;
    std::string canonical;
    bool dropped = false;
    std::vector<uint32_t> possessive_splits;  // token indexes of inner "'s"
  };

  // A piece of the slotted sentence: raw text, a chunk placeholder or the narrator.
  struct Segment {
    size_t slot_begin, slot_len;
    uint32_t doc_begin, doc_len;
    int chunk;  // -1 raw text, -2 narrator
  };

  // The byte offsets of the quotation marks of one sentence, in order: “, ” and '"'.
  struct QuoteMarks {
    uint32_t begin = UINT32_MAX, end = 0;  // the sentence they belong to
    std::vector<uint32_t> open, close, ascii;
  };

  // --- Token classes and helpers every pass uses (document_context.cc) -----------------------
  // The small ones are defined here, to stay inlined in the passes' loops.

  // Sets is_narrator_ and narrator_count_: first-person pronouns outside quotations. Runs
  // first: IsNarratorPronoun and IsCapitalized read what it sets.
  void MarkNarratorPronouns();

  // "Dr", "Prof." before a name, "-san" after one (data/lexicon/honorifics.txt).
  bool IsHonorific(uint32_t t) const { return rules_.honorifics_.Contains(TokenText(t)); }

  bool IsPersonTitle(uint32_t t) const { return rules_.person_titles_.Contains(TokenText(t)); }

  bool HasHonorificSuffix(const Sentence& s, uint32_t end_token) const {
    if (end_token + 1 >= s.end_token || TokenText(end_token) != "-" ||
        !Adjacent(end_token - 1, end_token) || !Adjacent(end_token, end_token + 1)) {
      return false;
    }
    return rules_.honorifics_.Contains("-" + std::string(TokenText(end_token + 1)));
  }

  std::string_view Text(uint32_t b, uint32_t e) const {
    return std::string_view(doc_.doc->text).substr(b, e - b);
  }

  std::string_view TokenText(uint32_t t) const { return doc_.TextOf(doc_.tokens[t]); }

  bool IsNarratorPronoun(uint32_t t, const Sentence&) const { return is_narrator_[t]; }

  bool IsCapitalized(uint32_t t, const Sentence& s) const {
    Shape sh = doc_.tokens[t].shape;
    if (sh != Shape::kCapitalized && sh != Shape::kAllCaps && sh != Shape::kMixed) return false;
    return !IsNarratorPronoun(t, s);
  }

  bool IsYear(uint32_t t) const {
    std::string_view w = TokenText(t);
    return doc_.tokens[t].shape == Shape::kDigits && w.size() == 4 &&
           (w.starts_with("19") || w.starts_with("20"));
  }

  bool IsVersion(uint32_t t) const {  // "2.0", "6.1.3"
    std::string_view w = TokenText(t);
    bool dot = false;
    for (char ch : w) {
      if (ch == '.') {
        dot = true;
      } else if (!std::isdigit(static_cast<unsigned char>(ch))) {
        return false;
      }
    }
    return dot && std::isdigit(static_cast<unsigned char>(w.front())) &&
           std::isdigit(static_cast<unsigned char>(w.back()));
  }

  bool Adjacent(uint32_t a, uint32_t b) const {  // no space between tokens a and b
    return doc_.tokens[a].end == doc_.tokens[b].begin;
  }

  bool IsPossessive(uint32_t t) const {
    std::string_view w = TokenText(t);
    return w == "'s" || w == "\xE2\x80\x99s" || w == "'S";
  }

  // How many tokens from t spell a capitalised role of data/lexicon/roles.txt ("CEO",
  // "Principal Engineer", "Co-founder"), longest first; 0 if none.
  uint32_t RoleTitleLength(uint32_t t, const Sentence& s) const {
    if (t >= s.end_token || !IsCapitalized(t, s)) return 0;
    for (uint32_t n = std::min<uint32_t>(4, s.end_token - t); n > 0; --n) {
      if (rules_.roles_.Contains(Text(doc_.tokens[t].begin, doc_.tokens[t + n - 1].end))) {
        return n;
      }
    }
    return 0;
  }

  // Whether tokens [f, l) read as a title: two words or more, the first capitalised, and most
  // words of four letters or more capitalised ("Fast Parsers for Everyone", not "Talks were
  // given").
  bool InTitleCase(uint32_t f, uint32_t l) const {
    if (l < f + 2 || doc_.tokens[f].shape == Shape::kLower) return false;
    // "This keynote titled “...” by": a sentence about a title, which the quote rules read.
    if (rules_.no_title_openers_.Contains(TokenText(f))) return false;
    int long_words = 0, capitalised = 0;
    for (uint32_t t = f; t < l; ++t) {
      Shape sh = doc_.tokens[t].shape;
      if (IsQuote(TokenText(t))) return false;
      if (sh == Shape::kPunct || TokenText(t).size() < 4) continue;
      ++long_words;
      capitalised += sh == Shape::kCapitalized || sh == Shape::kAllCaps || sh == Shape::kMixed;
    }
    return long_words > 0 && 2 * capitalised > long_words;
  }

  // A person's name without the nickname in quotes inside it ('Jane "JD" Doe' -> "Jane Doe"),
  // or "" when it has none.
  std::string WithoutNickname(const Chunk& c) const {
    std::string out;
    bool quoted = false, had = false;
    for (uint32_t t = c.first_token; t < c.end_token; ++t) {
      if (IsQuote(TokenText(t))) {
        quoted = !quoted;
        had = true;
        continue;
      }
      if (quoted) continue;
      if (!out.empty() && !Adjacent(t - 1, t)) out += ' ';
      out += TokenText(t);
    }
    return had ? out : std::string();
  }

  static bool IsQuote(std::string_view w) {
    return w == "\"" || w == "'" || w == "\xE2\x80\x9C" || w == "\xE2\x80\x9D" ||
           w == "\xE2\x80\x98" || w == "\xE2\x80\x99";
  }

  // "the Player", "a Wren", "at Hall": a word before token t that makes a name a common noun.
  bool AfterDeterminer(uint32_t t) const {
    if (t == 0) return false;
    return rules_.determiners_.Contains(TokenText(t - 1)) || IsPossessive(t - 1);
  }

  bool IsCommonWord(std::string_view w) const {
    return rules_.common_words_.Contains(w) && !rules_.given_names_.Contains(w) &&
           !rules_.ambiguous_given_names_.Contains(w);
  }

  bool IsPlaceName(std::string_view w) const {
    return rules_.countries_.Contains(w) || rules_.regions_.Contains(w) ||
           rules_.cities_.Contains(w);
  }

  // Whether tokens [f, l) end in ", PLACE" or open with "PLACE:" or "PLACE, PLACE:", PLACE a
  // country, region or city of the gazetteers: a dateline, as in a heading "Event, City".
  bool PlaceInTitle(uint32_t f, uint32_t l) const {
    auto place = [&](uint32_t a, uint32_t b) {
      return b > a && b - a <= 4 && IsPlaceName(Text(doc_.tokens[a].begin, doc_.tokens[b - 1].end));
    };
    for (uint32_t t = l; t > f + 1; --t) {
      if (TokenText(t - 1) == ",") {
        if (place(t, l)) return true;
        break;
      }
    }
    for (uint32_t t = f + 1; t < l && t <= f + 6; ++t) {
      if (TokenText(t) != ":") continue;
      uint32_t comma = f;
      while (comma < t && TokenText(comma) != ",") ++comma;
      return place(f, comma) && (comma == t || place(comma + 1, t));
    }
    return false;
  }

  // "chair", "moderator", "chaired", "hosted": a word that opens a note on who chairs an item.
  bool IsChairWord(std::string_view w) const {
    return w == "chair" || w == "chairs" || w == "Chair" || w == "moderator" || w == "Moderator" ||
           w == "host" || rules_.chairing_verbs_.Contains(w);
  }

  bool IsNameConnector(std::string_view w) const { return rules_.name_connectors_.Contains(w); }

  bool IsProductName(std::string_view w) const {
    return rules_.products_.Contains(w) || rules_.ambiguous_products_.Contains(w);
  }

  // How much a typing says about a name (data/rules/evidence.weights).
  int EvidenceWeight(std::string_view rule) const { return rules_.EvidenceWeight(rule); }

  // Whether token t is a first-person pronoun ("I", "we"; not the "I" of "D&I").
  bool ComputeIsNarratorPronoun(uint32_t t, const Sentence& s) const;

  // Whether tokens [f, l) read as one person's name: "Jane Doe", "Ana M. de Souza",
  // "Jean-Luc Picard", "Justin" (a single word only when it is a given name).
  bool LooksLikePersonName(const Sentence& s, uint32_t f, uint32_t l) const;

  // "Jane Doe": a known given name and one to three more capitalised words; or a known given
  // name alone that is no place ("Akosua", not "Sydney").
  bool LooksLikeFullName(const Chunk& c) const;

  // "African", "Japanese", "Europeans": a place name with a demonym suffix.
  bool IsDemonym(std::string_view w) const;

  // Whether the chunk lies between an opening and a closing quotation mark of its sentence: the
  // last curly mark before it opens and a ” follows it, or else an odd number of '"' precede it
  // and one follows. Looked up in the sentence's QuoteMarks, so a sentence of n candidates costs
  // O(n log n), not n scans of the sentence (issue 12: a 2.3 MB line took 121 s).
  bool InsideQuotes(const Sentence& s, const Chunk& c) const;

  // The quotation marks of `s`, cached for the last sentence asked about (quote_marks_).
  const QuoteMarks& QuoteMarksOf(const Sentence& s) const;

  // Tokens of the sentence inside bytes [b, e).
  std::pair<uint32_t, uint32_t> TokensIn(const Sentence& s, uint32_t b, uint32_t e) const;

  // The kind of programme item `text` names ("keynote", "panel"), by its last programme word
  // (data/lexicon/talk_kinds.tsv); "" when it holds none.
  std::string TalkKind(std::string_view text) const;

  // Inserts `nc` in begin order.
  static void InsertChunk(std::vector<Chunk>& chunks, Chunk nc);

 protected:
  const TokenizedDocument& doc_;
  const RuleSet& rules_;
  const ExtractOptions& options_;
  std::vector<bool> is_narrator_;   // per token: a first-person pronoun
  mutable QuoteMarks quote_marks_;  // of the sentence InsideQuotes last looked at
  int narrator_count_ = 0;
};

// The extraction of one document: the passes, in the files named by their sections, and the
// per-document state they hand on. Candidates live per sentence; a candidate is typed by
// programme lines, gazetteers, chunk rules, context rules and given names, in that order.
class Extractor : public DocumentContext {
 public:
  using DocumentContext::DocumentContext;

  // A part of a programme line: a speaker (PERSON) or a speaker's organisation (ORG).
  struct Part {
    uint32_t begin, end;  // bytes
    int type;
    uint32_t owner = UINT32_MAX;  // an organisation of one speaker only: that speaker's begin
  };

  static constexpr uint32_t kNarratorBegin = UINT32_MAX;  // a LineRelation's narrator subject
  // Relations stated by the shape of a programme line, by the first byte of their endpoints'
  // chunks (chunk indexes change as later rules add chunks).
  struct LineRelation {
    uint32_t sentence, subject_begin, object_begin;
    std::string relation, rule;
  };

  // The whole extraction (extract.cc). Call once.
  Extraction Run();
  // Finds and types the candidates of one sentence (extract.cc): every per-sentence pass, in
  // order. Requires MarkNarratorPronouns and FindProgrammeLists to have run.
  std::vector<Chunk> TypeSentence(uint32_t si);

  // --- Pass: candidates (pass_candidates.cc) --------------------------------------------------
  // In: one sentence's tokens. Out: its candidates, runs of capitalised tokens ("David L.
  // Lawrence Convention Center") without sentence-initial common words, honorifics and role
  // titles; untyped, except after an honorific ("Dr. Ines Varga": PERSON, rule "honorific").

  // The candidates of sentence `s`, in text order.
  std::vector<Chunk> FindChunks(const Sentence& s) const;

  // "Queenslander Mitchell Rawlins", "Senior Kory Lind", "Texas Coach Darrell Royal": words
  // before a full name (a known given name and one or two capitalised words that end the
  // candidate) are no part of it when each is a common word, a role, a title, a demonym or a
  // place; unless a chunk rule reads the whole as one name ("Bill Gates Foundation").
  // The end token of a known place that runs from t (or j - 1) across the lower-case words at
  // j ("Dar es Salaam"), or 0.
  uint32_t KnownPlaceThrough(const Sentence& s, uint32_t t, uint32_t j) const;
  void StripWordsBeforeAFullName(const Sentence& s, Chunk& c) const;

  // --- Pass: candidate splits and joins (pass_splits.cc) --------------------------------------
  // In and out: a sentence's candidates. Cuts a candidate that holds two names ("Fatuma Hassan
  // of Microsoft", "Ana Lima & Tom Berg", possessives) and joins the parts of one ("Women in
  // Software Engineering (WSE)"). The parts of a split are typed at once by the gazetteers and
  // chunk rules when the split needs to know what they are.

  // The two candidates on either side of token `cut` of `c` (the token itself is in neither).
  std::pair<Chunk, Chunk> SplitChunkAt(const Chunk& c, uint32_t cut) const;

  // Splits a candidate at an inner "of"/"for" where the parts are separate names:
  //  - a given name and a surname before it: "Fatuma Hassan of Microsoft" is a person and
  //    her organisation (`before_typing`, so "Maria Lopez of Acme Labs" is not one ORG);
  //  - an untyped whole with a place on either side: "Lisbon for Oslo" is two cities.
  // Names whose rules know the connector ("Bank of America", "University of Warsaw") are
  // typed by then and stay whole.
  void SplitAtConnectors(std::vector<Chunk>& chunks, bool before_typing) const;

  // "Ana Lima & Tom Berg": an ampersand between two people's full names joins no name
  // ("Procter & Gamble" stays whole: one word a side, and no given name).
  void SplitPersonPairs(const Sentence& s, std::vector<Chunk>& chunks) const;

  // Splits an untyped chunk at its inner possessives: "Google's Amsterdam" -> two chunks.
  void SplitPossessives(std::vector<Chunk>& chunks, const Sentence& s) const;

  // "Women in Software Engineering (WSE)", "Association for Computing Machinery (ACM)": the
  // acronym in brackets says how far back the name goes across lower-case connectors.
  void JoinNamesBeforeTheirAcronym(const Sentence& s, std::vector<Chunk>& chunks) const;

  // Whether a chunk rule types `text` as a venue ("Conference Center", "Grand Hotel").
  bool IsVenueName(std::string_view text) const;

  // "Women in Open Source Lunch", "Sponsor and Scholarship Breakfast", "Ethics in AI Panel": a
  // programme item's name may hold a lower-case connector; two candidates joined by one, the
  // second ending in a programme keyword (data/lexicon/talk_kinds.tsv) or joined by "and" and
  // a venue's name, are one name, unless the first is a person or a place ("Ana Lima and the
  // Closing Panel").
  void JoinProgrammeItemNames(const Sentence& s, std::vector<Chunk>& chunks) const;

  // --- Pass: programme (pass_programme.cc) -----------------------------------------------------
  // Programme lists and lines, whose shape, not their words, types their parts.
  // FindProgrammeLists runs once per document, before any sentence, and records the list items
  // (programme_items_, narrator_items_). Per sentence, TypeProgrammeItem types a line's title
  // (TALK) and speakers (PERSON) and records their speaker_of relations (line_relations_,
  // emitted by EmitSentence); HeadingBeforeASpeaker and DropPossessiveTalkBeforeItsTitle run
  // later in TypeSentence.
  //
  // A heading or list item that names one programme item and its speakers: "Jane Doe - Building
  // Fast Parsers", "Building Fast Parsers by Jane Doe", "Jane Doe (@jdoe): Building Fast
  // Parsers", "Opening Keynote – Why Tools Matter", "Fast Parsers - Jane Doe, Acme". The shapes
  // are the 'line' rules of data/rules/entities.rules; here each part is checked for what it
  // must be (speakers are people's names, a title is not a name), because a pattern alone
  // cannot tell "Jane Doe - Parsers" from "Day 2 - Parsers".

  // Types a programme line or list item of sentence `si`, when it is one; true when it
  // was a programme line (ParseProgrammeLine).
  bool TypeProgrammeItem(uint32_t si, const Sentence& s, std::vector<Chunk>& chunks);

  // Pipe tables: a header line whose cells name columns (data/lexicon/table_columns.tsv:
  // "Speaker", "Company", "Title") over lines of as many cells ("Ida Holm | Kivuko | Fast
  // Parsers"), as plain text, Markdown and HTML tables are read. Records each row's column
  // types in table_rows_ (the header's: none). Runs once per document, before any sentence.
  void FindTables();
  // Types the cells of a table row by their column (people through ParseSpeakers) and records
  // their speaker_of and affiliated_with relations; a header row holds no names.
  void TypeTableRow(uint32_t si, const Sentence& s, std::vector<Chunk>& chunks);
  // Spaces, quotes and emphasis around a programme line's part or a table cell, [*b, *e),
  // are no part of it: moves *b and *e past them.
  static constexpr std::string_view kMarks[] = {" ",
                                                "\"",
                                                "*",
                                                "_",
                                                "'",
                                                "\xE2\x80\x9C",
                                                "\xE2\x80\x9D",
                                                "\xE2\x80\x98",
                                                "\xE2\x80\x99",
                                                "\xC2\xAB",
                                                "\xC2\xBB"};
  void TrimMarks(uint32_t* b, uint32_t* e) const;
  // The byte ranges of the cells of the line `s` spans, or none when `s` is no whole line of
  // two cells or more split by '|'.
  std::vector<std::pair<uint32_t, uint32_t>> TableCells(const Sentence& s) const;

  // A programme list: a sentence that names programme items and ends with a colon ("at least 5
  // talks were about databases:"), then one item per line (headings or list items). Each item
  // up to " by " / " - " is a TALK of the kind the introducing sentence names.
  void FindProgrammeLists();

  // "I gave three talks." and then three title lines, each over its own description: the
  // next headings (as many as announced) are the narrator's programme items, when the
  // announcing sentence says the narrator gave them (data/lexicon/talk_giving_verbs.txt).
  void FindAnnouncedItems(uint32_t si);

  // "Day 2", "Day 3, 4 & 5", "Day One": the heading of a day, not a programme item.
  bool IsDayHeading(const Sentence& s) const;

  // "- ", "* ", "+ ", "•", "1. " or "1) ": a list item.
  bool OpensWithListMarker(const Sentence& s) const;
  // The token index of the colon closing a label that opens the sentence ("Gold sponsors:
  // Acme"), or 0 when it opens with none.
  uint32_t LabelColon(const Sentence& s) const;

  // Whether the sentence holds a capitalised word (a name or a title).
  // Whether its first word, after a list marker or a quotation mark, is in lower case.
  bool OpensInLowerCase(const Sentence& s) const;
  bool IsCapitalizedWordIn(const Sentence& s) const;

  // The chunk of a programme item's title: list markers and quotes off, and what follows
  // " by " or a dash (the speaker) left to the other rules.
  Chunk ProgrammeItemChunk(const Sentence& s, const std::string& kind) const;
  // Whether tokens [first, end) are a break or housekeeping item of a programme ("Morning tea",
  // "Welcome & housekeeping"): lexicon/programme_breaks.txt, and no other capitalised word.
  bool IsBreakItem(uint32_t first, uint32_t end) const;

  // Splits a speakers part into people ("Jane Doe & John Roe", "Jane Doe (@jdoe)") and, as
  // its last comma-separated piece, their organisation ("Jane Doe, Acme Labs"). False when a
  // piece is neither.
  // *end (when given) becomes the end of the names read: "by Jane Doe, a trainer at Acme"
  // reads "Jane Doe" and leaves the rest to the context rules.
  // A list item under a "Panel: Title" heading: "- Moderator: Jane Doe (Acme)", "- John Roe,
  // CTO at Acme": its people are the panel's moderator or panelists.
  void TypePanelMember(uint32_t si, const Sentence& s, std::vector<Chunk>& chunks);
  // An indented line right under a timed programme line that named a talk: its people
  // ("       Jane Doe — Acme Labs, Lisbon", "Moderator: John Roe (Kivuko)") speak at, moderate
  // or sit on the panel of that talk. False when si is no such line.
  bool TypeItemSpeakerLine(uint32_t si, const Sentence& s, std::vector<Chunk>& chunks);
  // The people (and their organisations) of a line about talk_begin's item: their chunks
  // replace the candidates they overlap, and each person gets `relation` to the talk.
  void AddItemPeople(uint32_t si, const Sentence& s, const std::vector<Part>& parts,
                     uint32_t talk_begin, const std::string& relation, const std::string& rule,
                     std::vector<Chunk>& chunks);
  // The chunks of a line's parts (TALK parts of the given kind), each recording `rule`.
  void InsertParts(const Sentence& s, const std::vector<Part>& parts, const std::string& kind,
                   const std::string& rule, std::vector<Chunk>& chunks) const;

  // Whether [b, e) is a short description after the speakers, not a clause of its own.
  bool ShortAside(const Sentence& s, uint32_t b, uint32_t e) const;
  // The speaker's affiliated_with (organisations) and from (places) relations of a line's parts.
  void AddSpeakerTies(uint32_t si, const Part& speaker, const std::vector<Part>& parts,
                      const std::string& rule);
  bool ParseSpeakers(const Sentence& s, uint32_t b, uint32_t e, std::vector<Part>* parts,
                     uint32_t* end = nullptr) const;

  // "09:30 – ", "9.30-10.15am | ", "14:00 ": a schedule line's time (or time range) and the
  // separator after it; 0 when the line does not open with a time.
  static size_t ScheduleTimeLength(std::string_view line);

  // The chunks and speaker relations of a programme line, or false when no line rule fits.
  bool ParseProgrammeLine(uint32_t si, const Sentence& s, std::vector<Chunk>& chunks);

  // "Building Fast Parsers" as a heading, then "Jane Doe showed how ...": a heading whose
  // paragraph opens with a person's full name and a presenting verb
  // (data/lexicon/presenting_verbs.txt) is that person's talk.
  void HeadingBeforeASpeaker(uint32_t si, const Sentence& s, std::vector<Chunk>& chunks) const;

  // "Ana Lima's talk, "Fast Parsers", was ...": the talk is the title; "Ana Lima's talk" names
  // it only where no title follows.
  void DropPossessiveTalkBeforeItsTitle(std::vector<Chunk>& chunks) const;

  // --- Pass: gazetteers (pass_gazetteers.cc) ---------------------------------------------------
  // In and out: candidates. Types the names the word lists know (countries, cities, regions,
  // institutions, companies, given names), with the context checks an ambiguous entry needs
  // ("Reading" the city, "Apple" the company), and drops products.

  // Types one untyped candidate by the unambiguous gazetteers (rule "gazetteer:LIST", the
  // canonical name), or drops it when it names a product (unless NamedAsEmployer).
  void TypeByGazetteer(Chunk& c) const;
  // Whether `c` follows "<role> at|for" or an employer cue ("works at|for"): a product named
  // so is the company behind it ("a staff engineer at Ionic").
  bool NamedAsEmployer(const Chunk& c) const;

  // "in Florence", "the heart of Charlotte", "from Wicklow": a city whose name is also a word
  // or a given name, or a smaller town, is a city after a place cue
  // (data/lexicon/place_cues.txt).
  void ApplyAmbiguousCities(const Sentence& s, std::vector<Chunk>& chunks) const;

  // A known given name starts a person's name: "Steve Lott", "Naomi". Runs after the first
  // context pass, so "dinner at Nicky's Thai" is already a venue and "Emily Fox from Apple"
  // can still make Apple an organisation in the second.
  // A company's one-word name that is also a given name ("Ericsson") waits, with
  // `defer_companies`, for the second context pass ("Linnea Ahl (Ericsson)"), and is a given
  // name only where that pass said nothing.
  void ApplyGivenNames(const Sentence& s, std::vector<Chunk>& chunks,
                       bool defer_companies = false) const;

  // "Lakeford, Vermont", "Tarnów, Poland": a name followed by a comma and a country or a
  // region is a place in that region, and so is the region even when it is also a given
  // name. Only a name that nothing else typed, or that only looked like a given name.
  void ApplyPlaceAppositions(const Sentence& s, std::vector<Chunk>& chunks) const;

  // "Oracle", "Apple": a company whose name is also a word is one when nothing else typed it.
  // Not at the start of a sentence, and not a dictionary word alone ("Black", "Note").
  void ApplyAmbiguousCompanies(const Sentence& s, std::vector<Chunk>& chunks) const;

  // After typing: an ambiguous product name that only a weak default typed is dropped.
  void DropAmbiguousProducts(std::vector<Chunk>& chunks) const;

  // --- Pass: chunk rules (pass_chunk_rules.cc) -------------------------------------------------
  // In and out: one candidate. The 'chunk' rules of the entity rule files, matched against the
  // candidate's own text ("Acme Labs": ORG); the first matching rule in file order decides.

  // Types `c` by the first chunk rule that matches its text and word-list conditions (a 'force'
  // rule retypes a typed one); a matching guard (skip=TYPES) keeps the rules of those types
  // below it from applying.
  void TypeByChunkRules(Chunk& c) const;

  // Gives `c` the type, subtype and name of `rule` (TALK: the kind from the text).
  void SetType(Chunk& c, const RuleSet::EntityRule& rule, std::string_view match_text) const;

  // A person's name is capitalised words, initials and name connectors: "Anna van Dijk",
  // "David L. Lawrence", "Jean-Luc", "O'Brien"; never "Thanos & Prometheus" or "Web3".
  bool CanBePersonName(const Chunk& c) const;

  // "PyCon APAC Booth", "PyCon 2024 Reflection": trailing common words are not the event's
  // name, unless they are event words ("Summit"), or the name says what the event is on
  // ("Conference on Software Engineering").
  void TrimEventName(Chunk& c) const;

  // --- Pass: context rules (pass_context_rules.cc) ---------------------------------------------
  // In and out: a sentence's candidates. The 'each' and 'span' rules, matched against the
  // slotted sentence (extract.h, "How it works"): an 'each' rule types the candidates in its
  // group, a 'span' rule makes a new candidate of its group's span (InsertChunk).

  // Builds the slotted sentence: chunks become ⟨TYPE_subtype_i⟩ (untyped ones ⟨?_i⟩ when
  // `with_untyped`, raw text otherwise), narrator pronouns ⟨I⟩.
  // With `ids`, placeholders carry ids[chunk] (the mention index) instead of the chunk index,
  // and chunks without an id are left as text; `antecedents` (any, she/her, he/his: Antecedent)
  // are the people a pronoun with no person before it in the sentence stands for.
  std::string Slot(const Sentence& s, const std::vector<Chunk>& chunks, bool with_untyped,
                   std::vector<Segment>* segs, const std::vector<int32_t>* ids = nullptr,
                   const std::array<int32_t, 3>* antecedents = nullptr) const;

  // Maps an offset of the slotted sentence to a document byte offset.
  static uint32_t ToDoc(const std::vector<Segment>& segs, size_t off);

  // Chunk indexes (or -2 for the narrator) of the placeholders inside `part`; with
  // `outside_brackets`, not those of an aside in brackets; with `people_only`, people and the
  // narrator only (a list of people's asides: "A from ⟨ORG_3⟩ and B").
  static std::vector<int> SlotsIn(std::string_view part, bool outside_brackets = false,
                                  bool people_only = false);

  // Whether every word of `c` is a dictionary word (a 'weak' rule leaves such names alone).
  bool OnlyCommonWords(const Chunk& c) const;

  // Runs the context rules `passes` times over the sentence; `first_pass` marks the pass before
  // the given names ('weak' rules then skip full personal names).
  // `last_seen` is the slotted sentence of the previous pass over this sentence: the rules are
  // deterministic, so a sentence that has not changed since then yields nothing new.
  void ApplyContextRules(const Sentence& s, std::vector<Chunk>& chunks, int passes,
                         std::string* last_seen, bool first_pass);

  // --- Pass: document-level typing (pass_document_types.cc) ------------------------------------
  // In and out: every sentence's typed candidates, after TypeSentence. Sets document_types_ to
  // each name's winning type, for the document memory.

  // One name, one type per document, decided by all its evidence: every mention of a name
  // votes for its type with the weight of the rule that typed it. A mention takes the winning
  // type when the winner outweighs the mention's own type, and, if the mention's own evidence
  // is strong (a gazetteer or a context rule), by at least two to one, so one weak or odd
  // context ("presented by French speakers") never relabels a name the document knows well.
  // Talks and spans made by span rules keep their types: their text is not a name to vote on.
  // A firm's distinctive first word ("Fjordline" of "Fjordline Systems") is the firm: it
  // votes ORG, and its mentions take the full name as their canonical name.
  void VoteTypes(std::vector<std::vector<Chunk>>& chunks);
  // The full name of the one firm whose first word `c` (an ORG of one word) is, if any.
  void SetOrgShortNameCanonical(Chunk& c) const;

  // "Notes from the Nordic Parsing Workshop": a report about a workshop names no other event;
  // a workshop named in its opening sentences (the title) is then the event, not a talk.
  void PromoteWorkshopToEvent(std::vector<std::vector<Chunk>>& chunks) const;

  // --- Pass: document memory (pass_document_memory.cc) -----------------------------------------
  // What the document has typed (document_types_, word_surnames_: names, their surnames and
  // given names, acronyms) types the same name where a sentence left it untyped
  // (ApplyDocumentTypes, which EmitSentence runs; rule "document_memory").

  // Records what the candidates of one sentence were typed (document_types_), and an
  // event's distinctive first word ("NodeSummit 2025" ... "NodeSummit").
  void RememberSentenceTypes(const std::vector<Chunk>& chunks);

  // "Mira Castell ... Later, Castell said": the surname of a person the document names in
  // full names that person when it stands alone. Not a surname that is also a word ("Park"),
  // nor one the document gave another type.
  void RememberSurnames(const std::vector<std::vector<Chunk>>& chunks);

  // "the Northern Rowing Association ... the NRA": an all-capitals word whose letters are the
  // initials of a name the document typed names the same thing. Initials of the capitalised
  // words only ("United States Air Forces in Europe" is USAFE).
  void RememberAcronyms(const std::vector<std::vector<Chunk>>& chunks);

  // A name left untyped in one sentence takes the type the document gave it elsewhere:
  // "Aaron works at Shopify. ... a Staff Engineer at Shopify".
  void ApplyDocumentTypes(std::vector<Chunk>& chunks) const;

  // --- Pass: relations and emission (pass_relations.cc) ----------------------------------------
  // In: a sentence's final candidates. Out: its mentions and relation candidates, appended to
  // out_ (the relation rules and the programme lines' relations).

  // "Including folks like A and B.": a sentence that continues the one before it
  // (data/lexicon/continuation_openers.txt); the relation rules read the two as one.
  bool OpensWithContinuation(const Sentence& s) const;

  // The person "he" or "she" most likely stands for: the one person named in the closest of
  // the two sentences before that names anyone ("Ana Lima spoke next. She works at Acme."). When
  // that sentence names several people, the pronoun is left alone (-1): no guessing, unless
  // `gender` ('f' for she/her, 'm' for he/his) leaves one of them ("Tomas Brandt and Ana Lima
  // spoke. Her talk ..."): a given name's gender is that of gazetteers/given_names.tsv, where
  // the lists agree ('u' when they do not, or the name is in none).
  int32_t Antecedent(uint32_t sentence, char gender = 0) const;
  // 'f', 'm' or 'u' for a person's name, by its first word.
  char GenderOf(std::string_view name) const;

  // Whether the sentence already states the relation: several rules often read one statement
  // ("great to meet A" is also "to meet A"), and a relation's weight counts statements.
  bool Stated(const std::string& relation, int32_t subject, int32_t object,
              uint32_t sentence) const;

  // Matches the relation rules against the slotted sentence, whose placeholders carry mention
  // indexes (`chunk_to_mention`), and appends what they state to out_.relations.
  void ApplyRelationRules(uint32_t sentence_index, const Sentence& s,
                          const std::vector<Chunk>& chunks,
                          const std::vector<int32_t>& chunk_to_mention);

  // The code point offset of byte `at` of sentence `s`: counted from the nearest token that
  // starts at or before it, not from the sentence's start (quadratic in a long sentence).
  uint32_t CodePointOffset(const Sentence& s, uint32_t at) const;

  // Emits the sentence's typed candidates as mentions and runs the relation rules on it.
  void EmitSentence(uint32_t si, std::vector<Chunk>& chunks);

  // Appends the relations of `relations` (in sentence order, from *next on) that belong to
  // sentence si, their endpoints found by the byte where their mention begins.
  void EmitLineRelations(uint32_t si, const std::vector<Chunk>& chunks,
                         const std::vector<int32_t>& chunk_to_mention,
                         const std::vector<LineRelation>& relations, size_t* next);

  // A rule with an @item endpoint matched sentence si: when si is a heading (or ends with a
  // colon) over a list, each item's opening name gets the rule's relation with the narrator.
  void AddListItemRelations(uint32_t si, const RuleSet::RelationRule& rule);
  void AddListItemRelation(uint32_t item, uint32_t name, uint32_t talk_begin,
                           const RuleSet::RelationRule& rule);
  // Whether sentence si ends in a colon and a list follows it: under a heading, it introduces
  // the heading's list ("Thanks" | "We owe many people, so here is the list:" | "- Ana Lima").
  bool ListIntroduction(uint32_t si) const;
  // Whether the sentence is a line of dashes or equals signs (a heading's underline).
  bool IsUnderline(const Sentence& s) const;

  // The extraction so far (mentions and relations of the emitted sentences).
  const Extraction& extraction() const { return out_; }
  // What the document has said each name is: folded name -> (type, subtype).
  const std::map<std::string, std::pair<int, std::string>>& document_types() const {
    return document_types_;
  }

 private:
  std::map<std::string, std::pair<int, std::string>> document_types_;  // folded name -> type
  // Surnames that are also words ("Player", "Hall"), of people named in full: folded -> type.
  std::map<std::string, std::pair<int, std::string>> word_surnames_;
  // A firm's first word -> its full name ("fjordline" -> "Fjordline Systems"); empty when two
  // firms share the word. By VoteTypes.
  std::map<std::string, std::string> org_short_names_;
  // The given names of the people named in full in the sentences typed so far (folded).
  std::set<std::string> person_given_names_;
  Extraction out_;
  std::string previous_slotted_;  // the last sentence as the relation rules saw it
  std::map<uint32_t, std::string> programme_items_;  // sentence -> TALK kind
  std::set<uint32_t> narrator_items_;                // programme items the narrator gave
  std::map<uint32_t, uint32_t> panel_members_;       // list item -> the "Panel: T" heading
  std::set<uint32_t> member_items_;  // items of a list of a group's members ("Our team:")
  std::map<uint32_t, uint32_t> line_talk_begin_;  // programme line -> its title's byte
  // A sentence -> the first byte and kind of the TALK it typed (by TypeSentence), for the
  // speaker lines under a timed programme line; and those speaker lines -> their talk's sentence.
  std::map<uint32_t, std::pair<uint32_t, std::string>> sentence_talk_;
  std::map<uint32_t, uint32_t> item_speaker_lines_;
  std::map<uint32_t, std::vector<int>> table_rows_;  // table line -> its columns' types
  int32_t section_event_ = -1;  // the EVENT mention of the last heading that named one
  std::vector<LineRelation> line_relations_;       // in sentence order
  size_t line_relation_next_ = 0;                  // the first one not yet emitted
  std::vector<LineRelation> list_item_relations_;  // @item rules' relations, in order
  size_t list_item_relation_next_ = 0;
};

}  // namespace kg

// The gazetteer pass of stage 3: names the word lists of data/gazetteers/ know.
// Inputs, outputs and the order of the passes: extractors/passes.h.

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "extractors/passes.h"

namespace kg {

bool Extractor::NamedAsEmployer(const Chunk& c) const {
  // "<role> at X", "works for X" (data/lexicon/roles.txt, employer_cues.txt).
  if (c.first_token < 2) return false;
  // "executive director of X": a role of office before "of" (employer_cues.txt, "director of").
  std::string_view prep = TokenText(c.first_token - 1);
  std::string_view before = TokenText(c.first_token - 2);
  if (prep == "of") return rules_.employer_cues_.Contains(std::string(before) + " of");
  // "Tom Walsh (Atlassian) - Title": a brand in brackets right after a name is the person's
  // employer, as in programme lists.
  if (prep == "(") {
    return c.end_token < doc_.tokens.size() && TokenText(c.end_token) == ")" &&
           doc_.tokens[c.first_token - 2].shape == Shape::kCapitalized && !IsProductName(before);
  }
  if (prep != "at" && prep != "for") return false;
  return rules_.roles_.Contains(before) || rules_.employer_cues_.Contains(before);
}

void Extractor::TypeByGazetteer(Chunk& c) const {
  std::string_view text = Text(c.begin, c.end);
  struct Gazetteer {
    const Lexicon& lexicon;
    EntityType type;
    const char* subtype;
    const char* rule;
  };
  const Gazetteer gazetteers[] = {
      // Cities before regions: "Berlin" and "Zurich" are also states and cantons, but a
      // report means the city.
      {rules_.countries_, EntityType::kPlace, "country", "gazetteer:countries"},
      {rules_.cities_, EntityType::kPlace, "city", "gazetteer:cities"},
      {rules_.regions_, EntityType::kPlace, "region", "gazetteer:regions"},
      {rules_.organizations_, EntityType::kOrg, "", "gazetteer:organizations"},
      {rules_.companies_, EntityType::kOrg, "", "gazetteer:companies"},
  };
  for (const Gazetteer& g : gazetteers) {
    std::string_view canonical = g.lexicon.Canonical(text);
    if (canonical.empty()) continue;
    // "Hal", "Shelly": a company named like a person waits for context.
    if (&g.lexicon == &rules_.companies_ && c.end_token == c.first_token + 1 &&
        (rules_.given_names_.Contains(text) || rules_.ambiguous_given_names_.Contains(text))) {
      continue;
    }
    // Thousands of small subdivisions share a name with people ("Amara"): a region that
    // is also a given name waits for context.
    if (&g.lexicon == &rules_.regions_ && c.end_token == c.first_token + 1 &&
        rules_.subdivisions_.Contains(text) &&
        (rules_.given_names_.Contains(text) || rules_.ambiguous_given_names_.Contains(text))) {
      continue;
    }
    // "Farah Aziz ... The panelists were Yuki, Farah and Anil": the given name of a person the
    // document named in full is that person, not the region of that name.
    if (&g.lexicon == &rules_.regions_ && c.end_token == c.first_token + 1 &&
        person_given_names_.count(FoldCase(text)) != 0) {
      continue;
    }
    c.type = static_cast<int>(g.type);
    c.subtype = g.subtype;
    c.rule = g.rule;
    c.canonical = std::string(canonical);
    return;
  }
  // "West Germany", "Old Goa": a qualifier and a known place is a place
  // (after the gazetteers: "South Africa" is a country).
  if (c.end_token > c.first_token + 1 &&
      rules_.place_qualifiers_.Contains(TokenText(c.first_token)) &&
      IsPlaceName(Text(doc_.tokens[c.first_token + 1].begin, c.end))) {
    c.type = static_cast<int>(EntityType::kPlace);
    c.subtype = "region";
    c.rule = "gazetteer:qualified_place";
    return;
  }
  // Products, software and programming languages are not entities of the graph: "thanks to
  // NumPy" thanks no one. One that is also a given name ("Julia", "Ruby") waits for context.
  // One whose name is also a word or a name ("Glyph", "Julia") is one unless the sentence
  // says otherwise ("I met Glyph"): see DropAmbiguousProducts.
  if (rules_.products_.Contains(text)) {
    // ... except as an employer: "a staff engineer at Ionic", "works for AWS" (the company
    // named after its product).
    if (NamedAsEmployer(c)) {
      c.type = static_cast<int>(EntityType::kOrg);
      c.rule = "gazetteer:product_as_employer";
      return;
    }
    c.dropped = true;
    c.rule = "gazetteer:products";
  }
  // "Italian Go", "Swiss Python": a language or nationality word before a product describes
  // it; no name.
  std::string_view lead = TokenText(c.first_token);
  if (c.end_token > c.first_token + 1 && (rules_.languages_.Contains(lead) || IsDemonym(lead))) {
    std::string_view rest = Text(doc_.tokens[c.first_token + 1].begin, c.end);
    if (rules_.products_.Contains(rest) || rules_.ambiguous_products_.Contains(rest)) {
      c.dropped = true;
      c.rule = "gazetteer:products";
    }
  }
}

void Extractor::ApplyAmbiguousCities(const Sentence& s, std::vector<Chunk>& chunks) const {
  for (Chunk& c : chunks) {
    // (A hint's guess gives way to the gazetteer: "near Florence" is the city.)
    if (c.dropped || (c.type != kUntyped && !rules_.hint_rules_.count(c.rule)) ||
        c.first_token == s.first_token) {
      continue;
    }
    // (The given name of a person named in full before: "Yuki, Farah and Anil".)
    if (c.end_token == c.first_token + 1 &&
        person_given_names_.count(FoldCase(TokenText(c.first_token))) != 0) {
      continue;
    }
    uint32_t p = c.first_token - 1;
    bool cue = rules_.place_cues_.Contains(FoldCase(TokenText(p)));
    if (!cue && p > s.first_token) {
      cue =
          rules_.place_cues_.Contains(FoldCase(Text(doc_.tokens[p - 1].begin, doc_.tokens[p].end)));
    }
    // "(Austin, TX)", "Florence, Italy": a state's code or a known place after a comma.
    if (!cue && c.end_token + 1 < s.end_token && TokenText(c.end_token) == ",") {
      const uint32_t n = c.end_token + 1;
      cue = (doc_.tokens[n].shape == Shape::kAllCaps && TokenText(n).size() == 2) ||
            rules_.countries_.Contains(TokenText(n)) || rules_.regions_.Contains(TokenText(n));
    }
    if (!cue) continue;
    std::string_view text = Text(c.begin, c.end);
    const char* rule = "gazetteer:cities_ambiguous";
    std::string_view canonical = rules_.ambiguous_cities_.Canonical(text);
    // Smaller towns (towns.tsv) are places only in such context.
    if (canonical.empty()) {
      canonical = rules_.towns_.Canonical(text);
      rule = "gazetteer:towns";
    }
    // A region that is also a given name ("in Georgia") waited for this cue.
    bool region = canonical.empty();
    if (region) {
      canonical = rules_.regions_.Canonical(text);
      rule = "gazetteer:regions";
    }
    if (canonical.empty()) continue;
    c.type = static_cast<int>(EntityType::kPlace);
    c.subtype = region ? "region" : "city";
    c.rule = rule;
    c.canonical = std::string(canonical);
  }
}

void Extractor::ApplyGivenNames(const Sentence& s, std::vector<Chunk>& chunks,
                                bool defer_companies) const {
  for (Chunk& c : chunks) {
    if (c.dropped || c.type != kUntyped) continue;
    if (InsideQuotes(s, c)) continue;  // “Saving Knowledge Through Succession” is a title
    if (defer_companies && c.end_token == c.first_token + 1 &&
        rules_.companies_.Contains(TokenText(c.first_token))) {
      continue;
    }
    bool demonym = false;
    for (uint32_t t = c.first_token; t < c.end_token; ++t) demonym |= IsDemonym(TokenText(t));
    if (demonym) continue;
    std::string_view first = TokenText(c.first_token);
    uint32_t n = c.end_token - c.first_token;
    bool plain = true;    // every token a capitalised word: "Steve Lott", not "PyCon X"
    bool quoted = false;  // inside a nickname: 'Jane "JD" Doe' counts as "Jane Doe"
    for (uint32_t t = c.first_token; t < c.end_token; ++t) {
      Shape sh = doc_.tokens[t].shape;
      if (t > c.first_token && IsQuote(TokenText(t))) {
        quoted = !quoted;
        n -= 1;
        continue;
      }
      if (quoted) {
        n -= 1;
        continue;
      }
      // "Margaret-Anne Storey", "Anne-Marie Dupont": a hyphen inside a capitalised word.
      if (TokenText(t) == "-" && t > c.first_token && t + 1 < c.end_token && Adjacent(t - 1, t) &&
          Adjacent(t, t + 1) && doc_.tokens[t - 1].shape == Shape::kCapitalized &&
          doc_.tokens[t + 1].shape == Shape::kCapitalized) {
        n -= 2;
        continue;
      }
      if (sh != Shape::kCapitalized && !(t > c.first_token && TokenText(t) == ".") &&
          !rules_.name_connectors_.Contains(TokenText(t))) {
        plain = false;
      }
    }
    // Names that are also words ("Frank", "May") only start longer names ("Frank Lee").
    bool given = rules_.given_names_.Contains(first) ||
                 (n > 1 && rules_.ambiguous_given_names_.Contains(first));
    // "Tarvo Lahtinen": a word no list knows, then a known family name, is a person's name too
    // (no list holds every language's given names). Not "Tovin Hill" (a family name that is
    // also a place's head word), "Modern Jones" (a word first) or "Lisbon Mendes" (a place).
    if (!given && n == 2 && c.end_token == c.first_token + 2) {
      std::string_view last = TokenText(c.first_token + 1);
      given = rules_.surnames_.Contains(last) && !rules_.surname_heads_.Contains(last) &&
              !rules_.common_words_.Contains(first) && !IsPlaceName(first) &&
              !rules_.companies_.Contains(first) && !rules_.ambiguous_companies_.Contains(first);
    }
    // "Ruby Thailand", "Julia Brasil": a name and a country no family is named after is a
    // community or a company, not a person.
    if (given && n == 2 && rules_.countries_.Contains(TokenText(c.end_token - 1)) &&
        !rules_.surnames_.Contains(TokenText(c.end_token - 1))) {
      given = false;
    }
    // "the Westin", "Nicky's Thai": after a determiner or a possessive, not a person.
    bool after_determiner = false;
    // In a pair ("on Linux and Mac") the word before the pair decides.
    uint32_t head = c.first_token;
    while (head >= s.first_token + 2) {
      std::string_view sep = TokenText(head - 1);
      // Only "and"/"or": a comma may end an appositive ("CTO at Acme, Brian Otieno").
      if ((sep != "and" && sep != "or") || !IsCapitalized(head - 2, s)) break;
      head -= 2;
    }
    if (head > s.first_token) {
      std::string_view prev = TokenText(head - 1);
      // Also after prepositions of place and means: "on Mac", "in Florence", "via Slack"
      // (data/lexicon/name_start_blockers.txt).
      after_determiner |= rules_.name_start_blockers_.Contains(prev);
      // ... but "Google's Jane Doe": a known given name and a surname after a possessive.
      after_determiner |=
          IsPossessive(head - 1) && !(n >= 2 && rules_.given_names_.Contains(first) && plain);
    }
    // "San Diego Python": a place name opens the candidate.
    bool starts_with_place = false;
    for (uint32_t k = c.first_token + 2; k <= c.end_token && k <= c.first_token + 3; ++k) {
      starts_with_place |=
          IsPlaceName(Text(doc_.tokens[c.first_token].begin, doc_.tokens[k - 1].end));
    }
    // "Apple Vision Pro": a first name that is also a word, followed only by words.
    bool word_name = rules_.ambiguous_given_names_.Contains(first) && n >= 2;
    for (uint32_t t = c.first_token + 1; word_name && t < c.end_token; ++t) {
      word_name = rules_.common_words_.Contains(TokenText(t));
    }
    if (plain && n <= 4 && given && !after_determiner && !starts_with_place && !word_name) {
      bool all_common = true;
      for (uint32_t t = c.first_token + 1; t < c.end_token; ++t) {
        all_common &= rules_.common_words_.Contains(TokenText(t));
      }
      // In a heading, "Rocky Start" is words, not a person; a list item is no heading ("- Lina
      // Sand — engineer at Acme").
      if (!(s.is_heading && !OpensWithListMarker(s) && n > 1 && all_common)) {
        c.type = static_cast<int>(EntityType::kPerson);
        c.rule = "default:given_name";
      }
    }
  }
}

void Extractor::ApplyPlaceAppositions(const Sentence& s, std::vector<Chunk>& chunks) const {
  for (size_t i = 0; i + 1 < chunks.size(); ++i) {
    Chunk& a = chunks[i];
    Chunk& b = chunks[i + 1];
    if (a.dropped || b.dropped || b.first_token != a.end_token + 1 ||
        TokenText(a.end_token) != ",") {
      continue;
    }
    bool b_open = b.type == kUntyped || b.rule == "default:given_name" ||
                  b.type == static_cast<int>(EntityType::kPlace);
    std::string_view text = Text(b.begin, b.end);
    std::string_view country = rules_.countries_.Canonical(text);
    std::string_view region = country.empty() ? rules_.regions_.Canonical(text) : "";
    if (!b_open || (country.empty() && region.empty())) continue;
    bool a_open = a.type == kUntyped || a.rule == "default:given_name" ||
                  a.type == static_cast<int>(EntityType::kPlace);
    if (!a_open || InsideQuotes(s, a)) continue;
    // "Yuki, Farah and Anil": people named in full before, by their given names.
    auto given = [&](const Chunk& c) {
      return c.end_token == c.first_token + 1 &&
             person_given_names_.count(FoldCase(TokenText(c.first_token))) != 0;
    };
    if (given(a) || given(b)) continue;
    b.type = static_cast<int>(EntityType::kPlace);
    b.subtype = country.empty() ? "region" : "country";
    b.rule = country.empty() ? "gazetteer:regions" : "gazetteer:countries";
    b.canonical = std::string(country.empty() ? region : country);
    if (a.type != static_cast<int>(EntityType::kPlace)) {
      a.type = static_cast<int>(EntityType::kPlace);
      a.subtype = "city";
      a.rule = "place_apposition";
    }
  }
}

void Extractor::ApplyAmbiguousCompanies(const Sentence& s, std::vector<Chunk>& chunks) const {
  for (Chunk& c : chunks) {
    if (c.dropped || c.type != kUntyped || c.first_token == s.first_token) continue;
    if (c.end_token == c.first_token + 1 && IsCommonWord(FoldCase(TokenText(c.first_token)))) {
      continue;
    }
    // "Hal", "Shelly": a given name alone is more often a person.
    if (c.end_token == c.first_token + 1 &&
        (rules_.given_names_.Contains(TokenText(c.first_token)) ||
         rules_.ambiguous_given_names_.Contains(TokenText(c.first_token)))) {
      continue;
    }
    std::string_view canonical = rules_.ambiguous_companies_.Canonical(Text(c.begin, c.end));
    if (canonical.empty()) continue;
    c.type = static_cast<int>(EntityType::kOrg);
    c.rule = "gazetteer:companies_ambiguous";
    c.canonical = std::string(canonical);
  }
}

void Extractor::DropAmbiguousProducts(std::vector<Chunk>& chunks) const {
  for (Chunk& c : chunks) {
    // "a Python conference", "the Go meetup": a language or product named as an event's
    // topic describes the event; it names none.
    if (!c.dropped && c.type == static_cast<int>(EntityType::kEvent) &&
        (rules_.products_.Contains(Text(c.begin, c.end)) ||
         rules_.ambiguous_products_.Contains(Text(c.begin, c.end)))) {
      c.dropped = true;
      continue;
    }
    if (c.dropped || !(c.type == kUntyped || EvidenceWeight(c.rule) <= 1)) continue;
    if (rules_.ambiguous_products_.Contains(Text(c.begin, c.end))) c.dropped = true;
  }
}

}  // namespace kg

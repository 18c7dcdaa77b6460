// The candidates pass of stage 3: a sentence's runs of capitalised tokens, the names to type.
// Inputs, outputs and the order of the passes: extractors/passes.h.

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "extractors/passes.h"

namespace kg {

std::vector<Extractor::Chunk> Extractor::FindChunks(const Sentence& s) const {
  std::vector<Chunk> chunks;
  uint32_t t = s.first_token;
  uint32_t honorific_until = UINT32_MAX;  // a title ("Dr.") makes the next candidate a person
  while (t < s.end_token) {
    // "8th Light", "2nd Quadrant": a name may open with an ordinal.
    bool ordinal_start = doc_.tokens[t].shape == Shape::kAlnum && t + 1 < s.end_token &&
                         IsCapitalized(t + 1, s) && !Adjacent(t, t + 1) &&
                         std::isdigit(static_cast<unsigned char>(TokenText(t)[0])) &&
                         std::isalpha(static_cast<unsigned char>(TokenText(t).back()));
    // "Dr. Ada Nwosu", "Prof Ravi Menon": the title is no part of the name.
    // "Captain Ada Nwosu", "Lt. Gen. Ravi Menon": a title of rank or office, when a known
    // given name follows.
    if (IsCapitalized(t, s) && (IsHonorific(t) || IsPersonTitle(t))) {
      bool honorific = IsHonorific(t);
      uint32_t next = t + 1;
      if (next < s.end_token && TokenText(next) == "." && Adjacent(t, next)) ++next;
      while (!honorific && next + 1 < s.end_token && IsPersonTitle(next)) {
        ++next;
        if (next < s.end_token && TokenText(next) == "." && Adjacent(next - 1, next)) ++next;
      }
      bool given = next < s.end_token && (rules_.given_names_.Contains(TokenText(next)) ||
                                          rules_.ambiguous_given_names_.Contains(TokenText(next)));
      if (next < s.end_token && IsCapitalized(next, s) && !IsHonorific(next) &&
          (honorific || given)) {
        honorific_until = next;
        t = next;
      }
    }
    // "CEO Jane Doe", "Principal Engineer Mark Otieno": a role written as a title before a
    // known given name is no part of the name either.
    if (honorific_until != t && IsCapitalized(t, s) && !IsHonorific(t)) {
      uint32_t next = t;
      while (uint32_t n = RoleTitleLength(next, s)) next += n;
      if (next > t && next < s.end_token && IsCapitalized(next, s) &&
          (rules_.given_names_.Contains(TokenText(next)) ||
           rules_.ambiguous_given_names_.Contains(TokenText(next)))) {
        honorific_until = next;
        t = next;
      }
    }
    // ":D", ";P": an emoticon's letter is no name.
    bool emoticon = TokenText(t).size() == 1 && t > s.first_token && Adjacent(t - 1, t) &&
                    (TokenText(t - 1) == ":" || TokenText(t - 1) == ";" || TokenText(t - 1) == "=");
    if ((!IsCapitalized(t, s) && !ordinal_start) || emoticon) {
      ++t;
      continue;
    }
    Chunk c;
    c.first_token = t;
    uint32_t j = t + 1;
    while (j < s.end_token) {
      // "Kivuko CTO Ana Lima", "Our CTO Ana Lima": a role written as a title before a given
      // name and a family name starts the person's candidate and ends this one.
      if (IsCapitalized(j, s)) {
        const uint32_t role = RoleTitleLength(j, s);
        const uint32_t given = j + role;
        if (role != 0 && given + 1 < s.end_token && IsCapitalized(given, s) &&
            IsCapitalized(given + 1, s) &&
            (rules_.given_names_.Contains(TokenText(given)) ||
             rules_.ambiguous_given_names_.Contains(TokenText(given)))) {
          break;
        }
      }
      if (IsCapitalized(j, s) || (IsYear(j) && j > t)) {
        ++j;
        continue;
      }
      // "DevFest 2.0 Summit": a version number between capitalised words.
      if (j + 1 < s.end_token && IsVersion(j) && IsCapitalized(j + 1, s)) {
        j += 2;
        continue;
      }
      // "Diversity & Inclusion (D&I) Workgroup Session": an acronym in brackets inside a name.
      if (TokenText(j) == "(") {
        uint32_t k = j + 1;
        while (k < s.end_token && k < j + 5 && TokenText(k) != ")") ++k;
        if (k < s.end_token && TokenText(k) == ")" && k > j + 1 && IsCapitalized(j + 1, s) &&
            k + 1 < s.end_token && IsCapitalized(k + 1, s)) {
          j = k + 1;
          continue;
        }
      }
      // 'Jane "JD" Doe', "William 'Buckshot' May": a nickname in quotes between a given name
      // and a surname.
      if (IsQuote(TokenText(j)) && (rules_.given_names_.Contains(TokenText(t)) ||
                                    rules_.ambiguous_given_names_.Contains(TokenText(t)))) {
        uint32_t k = j + 1;
        while (k < s.end_token && k < j + 4 && IsCapitalized(k, s)) ++k;
        if (k > j + 1 && k + 1 < s.end_token && IsQuote(TokenText(k)) &&
            doc_.tokens[k + 1].shape == Shape::kCapitalized && !Adjacent(k, k + 1)) {
          j = k + 2;
          continue;
        }
      }
      // "Annual Meeting of the Society for Neuroscience", "Army of the Potomac".
      // ("for the" stays out: "in Lisbon for the Data Summit" names two things.)
      if (j + 2 < s.end_token && TokenText(j + 1) == "the" && IsCapitalized(j + 2, s) &&
          TokenText(j) == "of") {
        j += 3;
        continue;
      }
      // "Joon-ho Park", "Seo-yeon Kim": a hyphenated given name with a lower-case second part.
      if (j + 2 < s.end_token && TokenText(j) == "-" && Adjacent(j - 1, j) && Adjacent(j, j + 1) &&
          doc_.tokens[j + 1].shape == Shape::kLower && TokenText(j + 1).size() <= 4 &&
          doc_.tokens[j - 1].shape == Shape::kCapitalized && IsCapitalized(j + 2, s) &&
          !Adjacent(j + 1, j + 2)) {
        j += 2;
        continue;
      }
      // "Women of Wales Edit-a-thon", "Hack-a-thon": the "-a-thon" ending stays in the name.
      if (j + 3 < s.end_token && TokenText(j) == "-" && TokenText(j + 1) == "a" &&
          TokenText(j + 2) == "-" && TokenText(j + 3).ends_with("thon") && Adjacent(j - 1, j) &&
          Adjacent(j, j + 1) && Adjacent(j + 1, j + 2) && Adjacent(j + 2, j + 3)) {
        j += 4;
        continue;
      }
      // "Lisbon Python Meetup #31", "Rustaceans Lisbon #23": an edition number after an event
      // keyword, or after a community's name that ends in its city, is in the name.
      if (j + 1 < s.end_token && TokenText(j) == "#" && Adjacent(j, j + 1) &&
          doc_.tokens[j + 1].shape == Shape::kDigits &&
          (rules_.event_keywords_.Contains(TokenText(j - 1)) ||
           (j >= t + 2 && rules_.cities_.Contains(TokenText(j - 1))))) {
        j += 2;
        continue;
      }
      // "International Conference on Software Engineering", "Symposium for Data Science": an
      // event keyword and "on"/"for" continue the event's name.
      if (j + 1 < s.end_token && (TokenText(j) == "on" || TokenText(j) == "for") &&
          IsCapitalized(j + 1, s) && rules_.event_keywords_.Contains(TokenText(j - 1)) &&
          !rules_.not_names_.Contains(TokenText(j + 1)) && !IsNarratorPronoun(j + 1, s)) {
        j += 2;
        continue;
      }
      // "Marieke van der Berg", "José de la Cruz": two connectors in a row.
      if (j + 2 < s.end_token && rules_.name_connectors_.Contains(TokenText(j)) &&
          rules_.name_connectors_.Contains(TokenText(j + 1)) && IsCapitalized(j + 2, s) &&
          doc_.tokens[j - 1].shape == Shape::kCapitalized) {
        j += 3;
        continue;
      }
      // "Dar es Salaam", "Aix-en-Provence", "Trinidad and Tobago": a known place whose name
      // holds lower-case words.
      if (uint32_t k = KnownPlaceThrough(s, t, j); k != 0) {
        j = k;
        continue;
      }
      if (j + 1 < s.end_token && IsCapitalized(j + 1, s)) {
        std::string_view w = TokenText(j);
        bool joins = rules_.name_connectors_.Contains(w) ||
                     ((w == "&" || w == "+") && !IsNarratorPronoun(j + 1, s)) ||
                     (w == "." && Adjacent(j - 1, j) &&
                      (TokenText(j - 1).size() == 1 ||
                       rules_.name_abbreviations_.Contains(TokenText(j - 1)))) ||
                     (w == "-" && Adjacent(j - 1, j) && Adjacent(j, j + 1));
        // "Quillmark's CTO Ana Lima": a possessive before a role and a given name ends the
        // owner's name; the role is skipped where the person's candidate starts.
        if (IsPossessive(j)) {
          uint32_t role = RoleTitleLength(j + 1, s);
          uint32_t given = j + 1 + role;
          bool person_after = role != 0 && given + 1 < s.end_token && IsCapitalized(given, s) &&
                              IsCapitalized(given + 1, s) &&
                              (rules_.given_names_.Contains(TokenText(given)) ||
                               rules_.ambiguous_given_names_.Contains(TokenText(given)));
          if (!person_after) {
            c.possessive_splits.push_back(j);
            joins = true;
          }
        }
        // "Knut and Alice Wallenberg Foundation": two given names, a family name and an
        // institution's head word.
        if (w == "and" && !joins && j == t + 1 &&
            (rules_.given_names_.Contains(TokenText(t)) ||
             rules_.ambiguous_given_names_.Contains(TokenText(t))) &&
            rules_.given_names_.Contains(TokenText(j + 1))) {
          for (uint32_t k = j + 2; k < s.end_token && k < j + 5 && IsCapitalized(k, s); ++k) {
            if (rules_.field_name_heads_.Contains(TokenText(k))) {
              joins = true;
              break;
            }
          }
        }
        // "Department of Physics and Astronomy", "Oslo University of Science and Technology":
        // after "<head> of <Name>", two fields.
        // Not before a person: "the University of Pune and Kofi Mensah", "... and Prof. Lee".
        // ("Sung-min Cho": a hyphenated given name, its second part in lower case.)
        const bool person_follows =
            rules_.honorifics_.Contains(TokenText(j + 1)) ||
            (rules_.given_names_.Contains(TokenText(j + 1)) && j + 2 < s.end_token &&
             doc_.tokens[j + 2].shape == Shape::kCapitalized) ||
            (j + 4 < s.end_token && TokenText(j + 2) == "-" && Adjacent(j + 1, j + 2) &&
             Adjacent(j + 2, j + 3) && doc_.tokens[j + 3].shape == Shape::kLower &&
             doc_.tokens[j + 4].shape == Shape::kCapitalized && !Adjacent(j + 3, j + 4));
        for (uint32_t h = t; w == "and" && !joins && !person_follows && h + 2 < j; ++h) {
          joins = TokenText(h + 1) == "of" && rules_.field_name_heads_.Contains(TokenText(h)) &&
                  std::none_of(doc_.tokens.begin() + h + 2, doc_.tokens.begin() + j,
                               [&](const Token& k) { return doc_.TextOf(k) == "and"; });
        }
        // "Kestrel Institute for Machine Intelligence": "for" after an institution's head.
        joins |= w == "for" && rules_.field_name_heads_.Contains(TokenText(j - 1));
        // "Amani Women in Tech", "Black in AI": "in" after a group's word, not before a place.
        joins |= w == "in" && rules_.groups_in_names_.Contains(TokenText(j - 1)) &&
                 !IsPlaceName(TokenText(j + 1)) &&
                 !(j + 2 < s.end_token && IsCapitalized(j + 2, s) &&
                   IsPlaceName(Text(doc_.tokens[j + 1].begin, doc_.tokens[j + 2].end)));
        if (joins) {
          j += 2;
          continue;
        }
      }
      break;
    }
    // "Kotlin Denmark vzw": a legal form in lower case ends the name.
    if (j < s.end_token && j > t && rules_.lower_case_legal_forms_.Contains(TokenText(j))) ++j;
    // "Ada Lee Jr.": the suffix keeps its full stop.
    if (j < s.end_token && TokenText(j) == "." && Adjacent(j - 1, j) &&
        rules_.name_suffixes_.Contains(TokenText(j - 1))) {
      ++j;
    }
    c.end_token = j;
    // "CEO of Laloka Labs", "Secretary of the Rowing Board": a role and its connector (and
    // article) are not part of the name.
    // "Chief Technology Officer of the Lagos ...": a role of several words too.
    auto skip_role = [&] {
      // (A role, its connector and a word at least: the candidate may be empty by now.)
      while (c.first_token + 2 < c.end_token) {
        uint32_t n = rules_.roles_.Contains(TokenText(c.first_token)) ? 1 : 0;
        if (n == 0) n = RoleTitleLength(c.first_token, s);
        if (n == 0 || c.first_token + n + 1 >= c.end_token ||
            !rules_.name_connectors_.Contains(TokenText(c.first_token + n))) {
          break;
        }
        c.first_token += n + 1;
        if (c.first_token + 1 < c.end_token && TokenText(c.first_token) == "the") ++c.first_token;
      }
    };
    skip_role();
    // Sentence-initial common words ("Thanks", "Meeting") and a leading "The" are not names.
    bool initial =
        t == s.first_token || (t > s.first_token && doc_.tokens[t - 1].shape == Shape::kPunct &&
                               (t - 1 == s.first_token || TokenText(t - 1) == ":"));
    std::string_view first = TokenText(c.first_token);
    // ... unless the whole reads as an event's name, "Rust Meetup Bengaluru" opening a title, or
    // a chunk rule flagged `initial` names it ("Team Blue Kettle").
    auto event_name = [&] {
      // "Lantern 2026 is at ...": a word and an edition year, unless the word is no name
      // ("June 2024", not_names.txt).
      bool word_and_year = c.end_token == c.first_token + 2 &&
                           doc_.tokens[c.first_token + 1].shape == Shape::kDigits &&
                           TokenText(c.first_token + 1).size() == 4 &&
                           (TokenText(c.first_token + 1).starts_with("19") ||
                            TokenText(c.first_token + 1).starts_with("20")) &&
                           !rules_.not_names_.Contains(first);
      if (rules_.function_words_.Contains(first)) return false;
      // ... or the start of an event the document named before ("Data Council Austin 2025"
      // in the title, then "Data Council is a conference").
      const std::string prefix =
          FoldCase(Text(doc_.tokens[c.first_token].begin, doc_.tokens[j - 1].end)) + " ";
      if (auto known = document_types_.lower_bound(prefix);
          j > c.first_token + 1 && known != document_types_.end() &&
          known->first.starts_with(prefix) &&
          known->second.first == static_cast<int>(EntityType::kEvent)) {
        return true;
      }
      std::string_view whole = Text(doc_.tokens[c.first_token].begin, doc_.tokens[j - 1].end);
      // ... or a name the document typed before ("the team of Kettle Systems", then "Kettle
      // Systems sponsored the coffee").
      if (document_types_.count(FoldCase(whole)) != 0) return true;
      if (c.end_token < c.first_token + 3 && !word_and_year) return false;
      for (int r : rules_.MatchChunkRules(whole)) {
        const auto& rule = *rules_.entity_rules_[static_cast<size_t>(r)];
        if (rule.type == EntityType::kEvent || rule.initial) return true;
      }
      return false;
    };
    bool dropped_opening_word = false;
    if ((initial && doc_.tokens[t].shape == Shape::kCapitalized &&
         (IsCommonWord(first) || rules_.function_words_.Contains(first)) && !IsPlaceName(first) &&
         !event_name()) ||
        first == "The") {
      dropped_opening_word = first != "The";
      c.first_token++;
      if (!c.possessive_splits.empty() && c.possessive_splits.front() == c.first_token) {
        c.possessive_splits.erase(c.possessive_splits.begin());
        c.first_token++;
      }
      // The next token might now be a connector; skip to a capitalised one.
      while (c.first_token < c.end_token && !IsCapitalized(c.first_token, s)) c.first_token++;
      skip_role();  // "The Secretary of the Rowing Board"
    }
    // "How To Give": capitalised function words do not open a name ("To Give" is none).
    // A capitalised pronoun after "the" does: "the She Codes Summit".
    const bool pronoun_after_the = c.first_token > s.first_token && c.first_token < c.end_token &&
                                   TokenText(c.first_token - 1) == "the" &&
                                   rules_.person_pronouns_.Contains(TokenText(c.first_token));
    while (!pronoun_after_the && c.first_token + 1 < c.end_token &&
           doc_.tokens[c.first_token].shape == Shape::kCapitalized &&
           rules_.function_words_.Contains(TokenText(c.first_token)) &&
           IsCapitalized(c.first_token + 1, s)) {
      c.first_token++;
    }
    uint32_t unstripped = c.first_token;
    StripWordsBeforeAFullName(s, c);
    // "the creator of Ruby Yukihiro Matsumoto": a product before the name is a candidate of
    // its own (which the product gazetteer then drops).
    if (c.first_token == unstripped + 1 && IsProductName(TokenText(unstripped))) {
      Chunk product;
      product.first_token = unstripped;
      product.end_token = unstripped + 1;
      product.begin = doc_.tokens[unstripped].begin;
      product.end = doc_.tokens[unstripped].end;
      chunks.push_back(std::move(product));
    }
    bool only_not_names = true;
    for (uint32_t k = c.first_token; k < c.end_token; ++k) {
      only_not_names &= rules_.not_names_.Contains(TokenText(k)) || IsYear(k);
    }
    // "CEO", "Program Chair", "Senior Staff Engineer": a role (with common words before
    // it) is not a name, and role slots need its text.
    bool is_role = false;
    if (c.first_token < c.end_token) {
      is_role = rules_.roles_.Contains(
          Text(doc_.tokens[c.first_token].begin, doc_.tokens[c.end_token - 1].end));
      if (!is_role && rules_.roles_.Contains(TokenText(c.end_token - 1))) {
        is_role = true;
        for (uint32_t k = c.first_token; k + 1 < c.end_token; ++k) {
          is_role &= rules_.common_words_.Contains(TokenText(k)) &&
                     !rules_.given_names_.Contains(TokenText(k));
        }
      }
    }
    // "French", "Swahili": a language or nationality word alone is no name; nor is the name
    // in a common phrase ("Murphy's law").
    bool not_a_name = false;
    if (c.first_token + 1 == c.end_token) {
      std::string_view w = TokenText(c.first_token);
      not_a_name =
          rules_.languages_.Contains(w) ||
          // "Organisers said ...": a plural noun for people opening a sentence, then a verb.
          (initial && rules_.people_nouns_.Contains(w) &&
           doc_.tokens[c.first_token].shape == Shape::kCapitalized && c.end_token < s.end_token &&
           doc_.tokens[c.end_token].shape == Shape::kLower &&
           !rules_.inner_connectors_.Contains(TokenText(c.end_token))) ||
          (rules_.function_words_.Contains(w) &&  // "He", but "US" is a country
           doc_.tokens[c.first_token].shape != Shape::kAllCaps) ||
          (w.size() == 1 && doc_.tokens[c.first_token].shape != Shape::kAllCaps) ||
          // A dictionary word with a demonym's shape: "Italian", not "Adrian".
          (rules_.common_words_.Contains(FoldCase(w)) && !rules_.given_names_.Contains(w) &&
           !rules_.ambiguous_given_names_.Contains(w) && IsDemonym(w)) ||
          // "Kettle Systems, a consultancy": with its opening word gone, "Systems" is no name.
          (dropped_opening_word && IsCommonWord(w) &&
           doc_.tokens[c.first_token].shape == Shape::kCapitalized);
    }
    // "East African", "South Asian": a demonym after place qualifiers is no name either.
    if (c.end_token > c.first_token + 1 && IsDemonym(TokenText(c.end_token - 1))) {
      bool qualified = true;
      for (uint32_t k = c.first_token; k + 1 < c.end_token; ++k) {
        qualified &= rules_.place_qualifiers_.Contains(TokenText(k));
      }
      not_a_name |= qualified;
    }
    if (c.end_token + 1 < s.end_token && IsPossessive(c.end_token) &&
        rules_.eponym_heads_.Contains(TokenText(c.end_token + 1))) {
      not_a_name = true;
    }
    // "VP of Research", "Director of Engineering": a dictionary word after a role's "of" is the
    // role's field, unless it names a known company ("CEO of Apple").
    if (c.first_token + 1 == c.end_token && c.first_token >= s.first_token + 2 &&
        TokenText(c.first_token - 1) == "of" &&
        rules_.roles_.Contains(TokenText(c.first_token - 2)) &&
        IsCommonWord(FoldCase(TokenText(c.first_token))) &&
        !rules_.companies_.Contains(TokenText(c.first_token)) &&
        !rules_.organizations_.Contains(TokenText(c.first_token))) {
      not_a_name = true;
    }
    // "Android lead", "Kotlin developer": a product or language right before a role in lower
    // case is the role's field, not a name (a list rule would take it for a person).
    if (c.first_token + 1 == c.end_token && c.end_token < s.end_token &&
        doc_.tokens[c.end_token].shape == Shape::kLower &&
        IsProductName(TokenText(c.first_token)) && rules_.roles_.Contains(TokenText(c.end_token))) {
      not_a_name = true;
    }
    if (c.first_token < c.end_token && !only_not_names && !is_role && !not_a_name) {
      c.begin = doc_.tokens[c.first_token].begin;
      c.end = doc_.tokens[c.end_token - 1].end;
      if (t == honorific_until || HasHonorificSuffix(s, c.end_token)) {
        c.type = static_cast<int>(EntityType::kPerson);
        c.rule = "honorific";
      }
      chunks.push_back(std::move(c));
    }
    t = j;
  }
  return chunks;
}

uint32_t Extractor::KnownPlaceThrough(const Sentence& s, uint32_t t, uint32_t j) const {
  // Up to three short lower-case words ("es", "de la", "upon") and hyphens, then the
  // capitalised word that ends a known place; prose's longer words end the look at once.
  uint32_t k = j, words = 0;
  for (; k < s.end_token; ++k) {
    if (TokenText(k) == "-") continue;  // "Aix-en-Provence"
    if (doc_.tokens[k].shape != Shape::kLower || TokenText(k).size() > 4 || ++words > 3) break;
  }
  if (k == j || k >= s.end_token || !IsCapitalized(k, s)) return 0;
  const uint32_t end = doc_.tokens[k].end;
  if (IsPlaceName(Text(doc_.tokens[t].begin, end))) return k + 1;
  if (j - 1 > t && IsPlaceName(Text(doc_.tokens[j - 1].begin, end))) return k + 1;
  return 0;
}

void Extractor::StripWordsBeforeAFullName(const Sentence& s, Chunk& c) const {
  if (c.end_token < c.first_token + 3) return;
  uint32_t k = c.end_token >= c.first_token + 4 ? c.end_token - 3 : c.first_token + 1;
  for (; k + 1 < c.end_token; ++k) {
    if (doc_.tokens[k].shape == Shape::kCapitalized && rules_.given_names_.Contains(TokenText(k))) {
      break;
    }
  }
  if (k + 1 >= c.end_token || c.end_token > k + 3) return;
  for (uint32_t t = k; t < c.end_token; ++t) {
    if (doc_.tokens[t].shape != Shape::kCapitalized) return;
  }
  for (uint32_t t = c.first_token; t < k; ++t) {
    std::string_view w = TokenText(t);
    if (!IsCapitalized(t, s)) return;
    // ("On Thursday Ana Lima spoke": a weekday or month, not_names.txt, is no part of it.)
    if (!(rules_.common_words_.Contains(FoldCase(w)) && !rules_.given_names_.Contains(w)) &&
        !IsDemonym(w) && !IsPersonTitle(t) && !rules_.roles_.Contains(w) && !IsPlaceName(w) &&
        !IsProductName(w) && !rules_.not_names_.Contains(w)) {
      return;
    }
  }
  std::string_view whole = Text(doc_.tokens[c.first_token].begin, doc_.tokens[c.end_token - 1].end);
  // "Ho Chi Minh City": a known place is one name, whatever given name it holds.
  if (IsPlaceName(whole) || !rules_.MatchChunkRules(whole).empty()) return;
  c.first_token = k;
}

}  // namespace kg

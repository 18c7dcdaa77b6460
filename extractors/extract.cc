#include <algorithm>
#include <array>
#include <atomic>
#include <climits>
#include <cstdint>
#include <cstring>
#include <map>
#include <mutex>
#include <set>

#include "extractors/internal.h"

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

// The extraction of one document. Candidates ("chunks") live per sentence; a chunk is typed
// by gazetteers, chunk rules, context rules and defaults, in that order.
class Extractor {
 public:
  Extractor(const TokenizedDocument& doc, const RuleSet& rules, const ExtractOptions& options)
      : doc_(doc), rules_(rules), options_(options) {}

  Extraction Run() {
    // Token classes are asked for many times per token: compute them once.
    // A first-person pronoun inside quotation marks is the quoted speaker, not the author
    // ("Ana said: “I loved it”"); a quotation ends at the latest with its paragraph.
    is_narrator_.resize(doc_.tokens.size());
    bool quoted = false;
    uint32_t previous_end = 0;
    for (const Sentence& s : doc_.sentences) {
      if (Text(previous_end, s.begin).find("\n\n") != std::string_view::npos) quoted = false;
      previous_end = s.end;
      for (uint32_t t = s.first_token; t < s.end_token; ++t) {
        std::string_view w = TokenText(t);
        if (w == "\xE2\x80\x9C") {
          quoted = true;
        } else if (w == "\xE2\x80\x9D") {
          quoted = false;
        } else if (w == "\"") {
          quoted = !quoted;
        }
        is_narrator_[t] = !quoted && ComputeIsNarratorPronoun(t, s);
      }
    }
    FindProgrammeLists();
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

 private:
  static constexpr int kUntyped = -1;

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

  // A piece of the slotted sentence: raw text, a chunk placeholder or the narrator.
  struct Segment {
    size_t slot_begin, slot_len;
    uint32_t doc_begin, doc_len;
    int chunk;  // -1 raw text, -2 narrator
  };

  std::string_view Text(uint32_t b, uint32_t e) const {
    return std::string_view(doc_.doc->text).substr(b, e - b);
  }
  std::string_view TokenText(uint32_t t) const { return doc_.TextOf(doc_.tokens[t]); }

  bool IsNarratorPronoun(uint32_t t, const Sentence&) const { return is_narrator_[t]; }

  bool ComputeIsNarratorPronoun(uint32_t t, const Sentence& s) const {
    std::string_view w = TokenText(t);
    if (!rules_.narrator_pronouns_.Contains(w)) return false;
    // "D&I": an "I" glued to other tokens is part of a name, not the pronoun.
    const std::string& text = doc_.doc->text;
    const Token& tok = doc_.tokens[t];
    auto glued = [&](size_t pos) {
      char c = text[pos];
      return std::isalnum(static_cast<unsigned char>(c)) || c == '&' || c == '+';
    };
    if (tok.begin > s.begin && glued(tok.begin - 1)) return false;
    if (tok.end < s.end && glued(tok.end)) return false;
    return true;
  }

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

  std::vector<Chunk> FindChunks(const Sentence& s) const {
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
        bool given =
            next < s.end_token && (rules_.given_names_.Contains(TokenText(next)) ||
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
      bool emoticon =
          TokenText(t).size() == 1 && t > s.first_token && Adjacent(t - 1, t) &&
          (TokenText(t - 1) == ":" || TokenText(t - 1) == ";" || TokenText(t - 1) == "=");
      if ((!IsCapitalized(t, s) && !ordinal_start) || emoticon) {
        ++t;
        continue;
      }
      Chunk c;
      c.first_token = t;
      uint32_t j = t + 1;
      while (j < s.end_token) {
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
        if (j + 2 < s.end_token && TokenText(j) == "-" && Adjacent(j - 1, j) &&
            Adjacent(j, j + 1) && doc_.tokens[j + 1].shape == Shape::kLower &&
            TokenText(j + 1).size() <= 4 && doc_.tokens[j - 1].shape == Shape::kCapitalized &&
            IsCapitalized(j + 2, s) && !Adjacent(j + 1, j + 2)) {
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
        if (j + 1 < s.end_token && IsCapitalized(j + 1, s)) {
          std::string_view w = TokenText(j);
          bool joins = rules_.name_connectors_.Contains(w) ||
                       ((w == "&" || w == "+") && !IsNarratorPronoun(j + 1, s)) ||
                       (w == "." && Adjacent(j - 1, j) &&
                        (TokenText(j - 1).size() == 1 || TokenText(j - 1) == "St" ||
                         TokenText(j - 1) == "Mt" || TokenText(j - 1) == "Ft")) ||
                       (w == "-" && Adjacent(j - 1, j) && Adjacent(j, j + 1));
          if (IsPossessive(j)) {
            c.possessive_splits.push_back(j);
            joins = true;
          }
          // "Bosnia and Herzegovina", "Trinidad and Tobago": a place whose name holds "and".
          joins |= w == "and" && IsPlaceName(Text(doc_.tokens[t].begin, doc_.tokens[j + 1].end));
          // "Department of Physics and Astronomy": after "<head> of <Name>", two fields.
          joins |= w == "and" && j >= t + 3 && TokenText(t + 1) == "of" &&
                   rules_.field_name_heads_.Contains(TokenText(t)) &&
                   std::none_of(doc_.tokens.begin() + t + 2, doc_.tokens.begin() + j,
                                [&](const Token& k) { return doc_.TextOf(k) == "and"; });
          if (joins) {
            j += 2;
            continue;
          }
        }
        break;
      }
      // "Ada Lee Jr.": the suffix keeps its full stop.
      if (j < s.end_token && TokenText(j) == "." && Adjacent(j - 1, j) &&
          (TokenText(j - 1) == "Jr" || TokenText(j - 1) == "Sr")) {
        ++j;
      }
      c.end_token = j;
      // "CEO of Laloka Labs", "Secretary of the Rowing Board": a role and its connector (and
      // article) are not part of the name.
      auto skip_role = [&] {
        while (c.first_token + 2 < c.end_token &&
               rules_.roles_.Contains(TokenText(c.first_token)) &&
               rules_.name_connectors_.Contains(TokenText(c.first_token + 1))) {
          c.first_token += 2;
          if (c.first_token + 1 < c.end_token && TokenText(c.first_token) == "the") ++c.first_token;
        }
      };
      skip_role();
      // Sentence-initial common words ("Thanks", "Meeting") and a leading "The" are not names.
      bool initial =
          t == s.first_token || (t > s.first_token && doc_.tokens[t - 1].shape == Shape::kPunct &&
                                 (t - 1 == s.first_token || TokenText(t - 1) == ":"));
      std::string_view first = TokenText(c.first_token);
      // ... unless the whole reads as an event's name: "Rust Meetup Bengaluru" opening a title.
      auto event_name = [&] {
        if (c.end_token < c.first_token + 3 || rules_.function_words_.Contains(first)) return false;
        std::string_view whole = Text(doc_.tokens[c.first_token].begin, doc_.tokens[j - 1].end);
        for (int r : rules_.MatchChunkRules(whole)) {
          const auto& rule = *rules_.entity_rules_[static_cast<size_t>(r)];
          if (rule.skip_types == 0 && rule.type == EntityType::kEvent) return true;
        }
        return false;
      };
      if ((initial && doc_.tokens[t].shape == Shape::kCapitalized &&
           (IsCommonWord(first) || rules_.function_words_.Contains(first)) && !IsPlaceName(first) &&
           !event_name()) ||
          first == "The") {
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
      while (c.first_token + 1 < c.end_token &&
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
            (rules_.function_words_.Contains(w) &&  // "He", but "US" is a country
             doc_.tokens[c.first_token].shape != Shape::kAllCaps) ||
            (w.size() == 1 && doc_.tokens[c.first_token].shape != Shape::kAllCaps) ||
            // A dictionary word with a demonym's shape: "Italian", not "Adrian".
            (rules_.common_words_.Contains(FoldCase(w)) && !rules_.given_names_.Contains(w) &&
             !rules_.ambiguous_given_names_.Contains(w) && IsDemonym(w));
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

  void TypeByGazetteer(Chunk& c) const {
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

  // After typing: an ambiguous product name that only a weak default typed is dropped.
  void DropAmbiguousProducts(std::vector<Chunk>& chunks) const {
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

  // "Oracle", "Apple": a company whose name is also a word is one when nothing else typed it.
  // Not at the start of a sentence, and not a dictionary word alone ("Black", "Note").
  void ApplyAmbiguousCompanies(const Sentence& s, std::vector<Chunk>& chunks) const {
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

  // A programme list: a sentence that names programme items and ends with a colon ("at least 5
  // talks were about databases:"), then one item per line (headings or list items). Each item
  // up to " by " / " - " is a TALK of the kind the introducing sentence names.
  void FindProgrammeLists() {
    const auto& sents = doc_.sentences;
    for (uint32_t si = 0; si + 1 < sents.size(); ++si) {
      const Sentence& intro = sents[si];
      if (intro.end_token == intro.first_token) continue;
      // "... talks were about databases:" or a heading "Talks we liked" over a bullet list.
      bool colon = TokenText(intro.end_token - 1) == ":";
      bool heading_over_list = intro.is_heading && OpensWithListMarker(sents[si + 1]);
      if (!colon && !heading_over_list) {
        FindAnnouncedItems(si);
        continue;
      }
      // The kind: named in the introducing sentence ("talks we liked:"), else in the two
      // sentences before it ("The lightning talks were great. Highlights:").
      std::string kind = TalkKind(doc_.TextOf(intro));
      for (uint32_t back = 1; kind.empty() && back <= 2 && back <= si; ++back) {
        kind = TalkKind(doc_.TextOf(sents[si - back]));
      }
      if (kind.empty()) continue;
      for (uint32_t k = si + 1; k < sents.size() && k <= si + 30; ++k) {
        const Sentence& item = sents[k];
        std::string_view text = doc_.TextOf(item);
        // A link or a day's heading ("Day 3, 4 & 5") is no programme item, but the list goes on.
        bool link = text.find("://") != std::string_view::npos;
        if (item.is_heading && (link || IsDayHeading(item)) &&
            (!heading_over_list || OpensWithListMarker(item))) {
          continue;
        }
        if (!item.is_heading || text.find('!') != std::string_view::npos ||
            item.end_token - item.first_token < 2 || !IsCapitalizedWordIn(item) ||
            (heading_over_list && !OpensWithListMarker(item))) {
          break;
        }
        programme_items_[k] = kind;
      }
    }
  }

  // "I gave three talks." and then three title lines, each over its own description: the
  // next headings (as many as announced) are the narrator's programme items, when the
  // announcing sentence says the narrator gave them (data/lexicon/talk_giving_verbs.txt).
  void FindAnnouncedItems(uint32_t si) {
    const Sentence& intro = doc_.sentences[si];
    bool narrator = false;
    for (uint32_t t = intro.first_token; t < intro.end_token && !narrator; ++t) {
      narrator = is_narrator_[t];
    }
    if (!narrator) return;  // most sentences: nothing more to look at
    int count = 0;
    std::string kind;
    bool gave = false;
    for (uint32_t t = intro.first_token; t < intro.end_token; ++t) {
      std::string_view w = TokenText(t);
      gave |= rules_.talk_giving_verbs_.Contains(w);
      if (t + 1 >= intro.end_token) break;
      int n = 0;
      if (std::string_view v = rules_.number_words_.Canonical(w); !v.empty()) {
        n = std::atoi(std::string(v).c_str());
      } else if (doc_.tokens[t].shape == Shape::kDigits && w.size() == 1) {
        n = w[0] - '0';
      }
      std::string_view next = TokenText(t + 1);
      if (n >= 2 && next.size() > 1 && next.back() == 's') {
        std::string_view k = rules_.talk_kinds_.Canonical(next);
        if (!k.empty()) {
          count = n;
          kind = std::string(k);
        }
      }
    }
    // Only the narrator's own announcement: "there were five workshops" is often followed by
    // headings that are not their titles.
    if (count == 0 || !narrator || !gave) return;
    int found = 0;
    const auto& sents = doc_.sentences;
    for (uint32_t k = si + 1; k < sents.size() && k <= si + 40 && found < count; ++k) {
      const Sentence& item = sents[k];
      if (!item.is_heading || item.end_token - item.first_token < 2 || !IsCapitalizedWordIn(item) ||
          doc_.TextOf(item).find('!') != std::string_view::npos) {
        continue;
      }
      programme_items_[k] = kind;
      narrator_items_.insert(k);
      ++found;
    }
  }

  // "Day 2", "Day 3, 4 & 5", "Day One": the heading of a day, not a programme item.
  bool IsDayHeading(const Sentence& s) const {
    uint32_t t = s.first_token;
    while (t < s.end_token && doc_.tokens[t].shape == Shape::kPunct) ++t;
    if (t + 1 >= s.end_token || FoldCase(TokenText(t)) != "day") return false;
    std::string_view next = TokenText(t + 1);
    return doc_.tokens[t + 1].shape == Shape::kDigits ||
           !rules_.number_words_.Canonical(FoldCase(next)).empty() || FoldCase(next) == "one";
  }

  bool OpensWithListMarker(const Sentence& s) const {
    std::string_view t = doc_.TextOf(s);
    if (t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ ") ||
        t.starts_with("\xE2\x80\xA2")) {
      return true;
    }
    size_t d = 0;
    while (d < t.size() && d < 3 && std::isdigit(static_cast<unsigned char>(t[d]))) ++d;
    return d > 0 && d + 1 < t.size() && (t[d] == '.' || t[d] == ')') && t[d + 1] == ' ';
  }

  bool IsCapitalizedWordIn(const Sentence& s) const {
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      if (IsCapitalized(t, s)) return true;
    }
    return false;
  }

  // The chunk of a programme item's title: list markers and quotes off, and what follows
  // " by " or a dash (the speaker) left to the other rules.
  Chunk ProgrammeItemChunk(const Sentence& s, const std::string& kind) const {
    Chunk c;
    c.first_token = s.first_token;
    auto list_number = [&](uint32_t t) {  // "1." or "2)" opening a list item
      return t + 1 < s.end_token && (TokenText(t + 1) == "." || TokenText(t + 1) == ")");
    };
    while (c.first_token < s.end_token && doc_.tokens[c.first_token].shape != Shape::kCapitalized &&
           doc_.tokens[c.first_token].shape != Shape::kMixed &&
           doc_.tokens[c.first_token].shape != Shape::kAllCaps &&
           doc_.tokens[c.first_token].shape != Shape::kLower &&
           !(doc_.tokens[c.first_token].shape == Shape::kDigits && !list_number(c.first_token))) {
      c.first_token++;  // "-", "1.", "•", "“"; not the "16" of "16 Ways to ..."
    }
    c.end_token = c.first_token;
    while (c.end_token < s.end_token) {
      std::string_view w = TokenText(c.end_token);
      if (w == "by" || w == "-" || w == "\xE2\x80\x93" || w == "\xE2\x80\x94" || w == "(") break;
      // "A panel on funding with Ana Lima and Tom Berg": the people are no part of the title.
      // ("Taming Databases with Django" keeps its tail: no given name follows.)
      if (w == "with" && c.end_token + 1 < s.end_token && IsCapitalized(c.end_token + 1, s) &&
          rules_.given_names_.Contains(TokenText(c.end_token + 1)) &&
          c.end_token > c.first_token + 1) {
        break;
      }
      c.end_token++;
    }
    while (c.end_token > c.first_token && doc_.tokens[c.end_token - 1].shape == Shape::kPunct) {
      c.end_token--;  // a closing quote or a comma
    }
    if (c.end_token > c.first_token) {
      c.begin = doc_.tokens[c.first_token].begin;
      c.end = doc_.tokens[c.end_token - 1].end;
      c.type = static_cast<int>(EntityType::kTalk);
      // The item's own programme word wins over the list's ("A panel on ..." in a talk list).
      std::string own = TalkKind(Text(c.begin, c.end));
      c.subtype = own.empty() ? kind : own;
      c.rule = "programme_list";
    }
    return c;
  }

  std::string TalkKind(std::string_view text) const {
    // The last talk keyword in the text decides ("Workshop Social" is a social).
    std::string kind;
    size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && !std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
      size_t b = i;
      while (i < text.size() &&
             (std::isalpha(static_cast<unsigned char>(text[i])) || text[i] == '-')) {
        ++i;
      }
      if (i > b) {
        std::string_view k = rules_.talk_kinds_.Canonical(text.substr(b, i - b));
        if (!k.empty()) kind = std::string(k);
      }
      if (i == b) ++i;
    }
    return kind;
  }

  // --- Programme lines ----------------------------------------------------------------------
  // A heading or list item that names one programme item and its speakers: "Jane Doe - Building
  // Fast Parsers", "Building Fast Parsers by Jane Doe", "Jane Doe (@jdoe): Building Fast
  // Parsers", "Opening Keynote – Why Tools Matter", "Fast Parsers - Jane Doe, Acme". The shapes
  // are the 'line' rules of data/rules/entities.rules; here each part is checked for what it
  // must be (speakers are people's names, a title is not a name), because a pattern alone
  // cannot tell "Jane Doe - Parsers" from "Day 2 - Parsers".

  // Tokens of the sentence inside bytes [b, e).
  std::pair<uint32_t, uint32_t> TokensIn(const Sentence& s, uint32_t b, uint32_t e) const {
    uint32_t f = s.first_token;
    while (f < s.end_token && doc_.tokens[f].begin < b) ++f;
    uint32_t l = f;
    while (l < s.end_token && doc_.tokens[l].end <= e) ++l;
    return {f, l};
  }

  bool IsNameConnector(std::string_view w) const { return rules_.name_connectors_.Contains(w); }

  // Whether tokens [f, l) read as one person's name: "Jane Doe", "Ana M. de Souza",
  // "Jean-Luc Picard", "Justin" (a single word only when it is a given name).
  bool LooksLikePersonName(const Sentence& s, uint32_t f, uint32_t l) const {
    uint32_t words = 0;
    bool any_common = false;
    for (uint32_t t = f; t < l; ++t) {
      std::string_view w = TokenText(t);
      Shape sh = doc_.tokens[t].shape;
      if (w == "." && t > f && TokenText(t - 1).size() == 1) continue;  // an initial
      if ((w == "-" || w == "'" || w == "\xE2\x80\x99") && t > f && t + 1 < l &&
          Adjacent(t - 1, t) && Adjacent(t, t + 1)) {
        continue;  // "Jean-Luc", "O'Brien"
      }
      if (t > f && t + 1 < l && IsNameConnector(w)) continue;  // "van", "de"
      if (sh != Shape::kCapitalized && sh != Shape::kMixed &&
          !(sh == Shape::kAllCaps && w.size() <= 2)) {
        return false;
      }
      if (IsNarratorPronoun(t, s) || rules_.not_names_.Contains(w) ||
          !rules_.talk_kinds_.Canonical(w).empty() || rules_.roles_.Contains(w)) {
        return false;
      }
      any_common |= IsCommonWord(FoldCase(w)) || rules_.function_words_.Contains(w);
      ++words;
    }
    if (words == 0 || words > 4 || l - f > 7) return false;
    std::string_view first = TokenText(f);
    std::string_view whole = Text(doc_.tokens[f].begin, doc_.tokens[l - 1].end);
    if (IsPlaceName(whole) || rules_.organizations_.Contains(whole)) return false;
    if (rules_.given_names_.Contains(first)) return words > 1 || !IsCommonWord(FoldCase(first));
    if (rules_.ambiguous_given_names_.Contains(first)) return words > 1 && !any_common;
    return words > 1 && !any_common;
  }

  struct Part {
    uint32_t begin, end;  // bytes
    int type;
    uint32_t owner = UINT32_MAX;  // an organisation of one speaker only: that speaker's begin
  };

  // Splits a speakers part into people ("Jane Doe & John Roe", "Jane Doe (@jdoe)") and, as
  // its last comma-separated piece, their organisation ("Jane Doe, Acme Labs"). False when a
  // piece is neither.
  bool ParseSpeakers(const Sentence& s, uint32_t b, uint32_t e, std::vector<Part>* parts) const {
    auto [f, l] = TokensIn(s, b, e);
    uint32_t start = f;
    bool after_comma = false;
    auto flush = [&](uint32_t end, bool last) {
      // "Prof. Hanne Dahl": a title is no part of the name.
      while (start + 1 < end && (IsHonorific(start) || IsPersonTitle(start))) {
        ++start;
        if (start + 1 < end && TokenText(start) == "." && Adjacent(start - 1, start)) ++start;
      }
      if (end <= start) return true;
      // "Kofi Mensah, Lumen": one word after a full name is the organisation, not a person.
      bool lone_word_after_full_name =
          last && after_comma && end == start + 1 && !parts->empty() &&
          parts->back().type == static_cast<int>(EntityType::kPerson) &&
          TokensIn(s, parts->back().begin, parts->back().end).second >
              TokensIn(s, parts->back().begin, parts->back().end).first + 1;
      if (!lone_word_after_full_name && LooksLikePersonName(s, start, end)) {
        parts->push_back({doc_.tokens[start].begin, doc_.tokens[end - 1].end,
                          static_cast<int>(EntityType::kPerson)});
        return true;
      }
      // "Jane Doe, VP of Engineering at Acme": the organisation follows the role's "at"; a
      // role alone ("Jane Doe, CTO") names none.
      if (last && after_comma && !parts->empty()) {
        for (uint32_t k = end - 1; k > start; --k) {
          if ((TokenText(k - 1) == "at" || TokenText(k - 1) == "@") && IsCapitalized(k, s)) {
            start = k;
            break;
          }
        }
        if (rules_.roles_.Contains(Text(doc_.tokens[start].begin, doc_.tokens[end - 1].end))) {
          return true;
        }
      }
      // "Jane Doe, Acme Labs": the last piece after a comma names the speakers' organisation.
      if (last && after_comma && !parts->empty() && IsCapitalized(start, s)) {
        parts->push_back({doc_.tokens[start].begin, doc_.tokens[end - 1].end,
                          static_cast<int>(EntityType::kOrg)});
        return true;
      }
      return false;
    };
    for (uint32_t t = f; t < l; ++t) {
      std::string_view w = TokenText(t);
      if (w == "(") {  // "(@jdoe)", "(Acme)": a handle or an aside, not part of the name
        if (!flush(t, false)) return false;
        uint32_t open = t;
        while (t < l && TokenText(t) != ")") ++t;
        // "Hanne Dahl (Aalborg University)": a capitalised aside after a speaker is their
        // organisation.
        if (t < l && t > open + 1 && IsCapitalized(open + 1, s) && !parts->empty() &&
            parts->back().type == static_cast<int>(EntityType::kPerson) &&
            parts->back().end == doc_.tokens[open - 1].end) {
          parts->push_back({doc_.tokens[open + 1].begin, doc_.tokens[t - 1].end,
                            static_cast<int>(EntityType::kOrg), parts->back().begin});
        }
        start = t + 1;
        continue;
      }
      // "by Jane Doe, a consultant from Lyon", "by Jane Doe, who ...": a lower-case word after a
      // comma ends the speakers.
      if (w == "," && t + 1 < l && doc_.tokens[t + 1].shape == Shape::kLower &&
          TokenText(t + 1) != "and") {
        if (!flush(t, true)) return false;
        start = l = t;
        break;
      }
      if (w == "," || w == "&" || w == "and" || w == "with" || w == "/" || w == ";" || w == "+") {
        if (!flush(t, false)) return false;
        after_comma = w == ",";
        start = t + 1;
      }
    }
    if (!flush(l, true)) return false;
    bool person = false;
    for (const Part& p : *parts) person |= p.type == static_cast<int>(EntityType::kPerson);
    return person;
  }

  // "09:30 – ", "9.30-10.15am | ", "14:00 ": a schedule line's time (or time range) and the
  // separator after it; 0 when the line does not open with a time.
  static size_t ScheduleTimeLength(std::string_view line) {
    size_t i = 0;
    auto time = [&]() {
      size_t start = i, digits = 0;
      while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i])) && digits < 2) {
        ++i;
        ++digits;
      }
      if (digits == 0 || i + 2 >= line.size() || (line[i] != ':' && line[i] != '.') ||
          !std::isdigit(static_cast<unsigned char>(line[i + 1])) ||
          !std::isdigit(static_cast<unsigned char>(line[i + 2]))) {
        i = start;
        return false;
      }
      i += 3;
      size_t j = i;
      while (j < line.size() && line[j] == ' ') ++j;
      for (std::string_view ampm : {"am", "pm", "AM", "PM"}) {
        if (line.substr(j).starts_with(ampm)) i = j + 2;
      }
      return true;
    };
    auto separator = [&]() {
      size_t start = i;
      while (i < line.size() && line[i] == ' ') ++i;
      for (std::string_view sep : {"-", "\xE2\x80\x93", "\xE2\x80\x94", "|", ":"}) {
        if (line.substr(i).starts_with(sep)) {
          i += sep.size();
          while (i < line.size() && line[i] == ' ') ++i;
          return true;
        }
      }
      i = start;
      return false;
    };
    if (!time()) return 0;
    size_t after_first = i;
    if (separator() && !time()) i = after_first;  // "09:30-10:15" is a range; "09:30 - Title" not
    separator();
    while (i < line.size() && line[i] == ' ') ++i;
    return i < line.size() ? i : 0;
  }

  // "Building Fast Parsers" as a heading, then "Jane Doe showed how ...": a heading whose
  // paragraph opens with a person's full name and a presenting verb
  // (data/lexicon/presenting_verbs.txt) is that person's talk.
  void HeadingBeforeASpeaker(uint32_t si, const Sentence& s, std::vector<Chunk>& chunks) const {
    if (!s.is_heading || si + 1 >= doc_.sentences.size() || IsDayHeading(s)) return;
    for (const Chunk& c : chunks) {
      // A programme line, or a name the heading is about ("Rust Meetup Lisbon").
      if (!c.dropped && c.type != kUntyped) return;
    }
    // The heading reads as a title: two to twelve words, opening with a capital.
    uint32_t words = 0;
    bool only_kinds = true;
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      if (doc_.tokens[t].shape == Shape::kPunct) continue;
      ++words;
      only_kinds &= !rules_.talk_kinds_.Canonical(TokenText(t)).empty();
    }
    if (words < 2 || words > 12 || only_kinds || !IsCapitalized(s.first_token, s)) return;
    const Sentence& next = doc_.sentences[si + 1];
    if (next.is_heading || next.end_token < next.first_token + 3) return;
    uint32_t t = next.first_token;
    if (!rules_.given_names_.Contains(TokenText(t))) return;
    uint32_t e = t + 1;
    while (e < next.end_token && e < t + 4 && doc_.tokens[e].shape == Shape::kCapitalized) ++e;
    if (e == t + 1 || e >= next.end_token ||
        !rules_.presenting_verbs_.Contains(FoldCase(TokenText(e)))) {
      return;
    }
    Chunk title;
    title.first_token = s.first_token;
    title.end_token = s.end_token;
    while (title.end_token > title.first_token &&
           doc_.tokens[title.end_token - 1].shape == Shape::kPunct) {
      title.end_token--;
    }
    title.begin = doc_.tokens[title.first_token].begin;
    title.end = doc_.tokens[title.end_token - 1].end;
    title.type = static_cast<int>(EntityType::kTalk);
    title.subtype = TalkKind(Text(title.begin, title.end));
    if (title.subtype.empty()) title.subtype = "talk";
    title.rule = "heading_before_speaker";
    chunks.clear();
    chunks.push_back(std::move(title));
  }

  // The chunks and speaker relations of a programme line, or false when no line rule fits.
  bool ParseProgrammeLine(uint32_t si, const Sentence& s, std::vector<Chunk>& chunks) {
    if (s.end_token - s.first_token < 2) return false;
    bool list_item = OpensWithListMarker(s);
    // Running text: only 'prose' rules, on a sentence that opens its line.
    bool prose = !s.is_heading && !list_item && !programme_items_.count(si);
    if (prose && s.begin > 0 && doc_.doc->text[s.begin - 1] != '\n') return false;
    // The text without a list marker or bold markers: "- **Jane Doe** - Parsers".
    uint32_t body = s.begin;
    std::string_view text = doc_.TextOf(s);
    if (list_item) {
      size_t i = 0;
      while (i < text.size() && text[i] != ' ') ++i;
      while (i < text.size() && text[i] == ' ') ++i;
      body += static_cast<uint32_t>(i);
    }
    body += static_cast<uint32_t>(ScheduleTimeLength(Text(body, s.end)));
    std::string_view line = Text(body, s.end);
    for (int index : rules_.line_index_->Match(line)) {
      const auto& rule = *rules_.entity_rules_[static_cast<size_t>(index)];
      if (prose && !rule.prose) continue;
      re2::StringPiece sub[8];
      int n = std::min(rule.re->NumberOfCapturingGroups() + 1, 8);
      if (!rule.re->Match(re2::StringPiece(line.data(), line.size()), 0, line.size(),
                          re2::RE2::UNANCHORED, sub, n)) {
        continue;
      }
      auto span = [&](int g, uint32_t* b, uint32_t* e) {
        if (g <= 0 || g >= n || sub[g].data() == nullptr || sub[g].empty()) return false;
        *b = body + static_cast<uint32_t>(sub[g].data() - line.data());
        *e = *b + static_cast<uint32_t>(sub[g].size());
        // Quotes, emphasis and spaces around a part are not part of it.
        static constexpr std::string_view kEdge[] = {" ",
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
        for (bool changed = true; changed && *e > *b;) {
          changed = false;
          for (std::string_view q : kEdge) {
            if (Text(*b, *e).starts_with(q)) *b += static_cast<uint32_t>(q.size()), changed = true;
            if (*e > *b && Text(*b, *e).ends_with(q)) {
              *e -= static_cast<uint32_t>(q.size());
              changed = true;
            }
          }
        }
        while (*e > *b && (doc_.doc->text[*e - 1] == ',' || doc_.doc->text[*e - 1] == ':')) --*e;
        return *e > *b;
      };
      uint32_t tb, te;
      if (!span(rule.title_group, &tb, &te)) continue;
      auto [tf, tl] = TokensIn(s, tb, te);
      if (tl <= tf || tl - tf > 40) continue;
      // A lower-case title ("testing the untestable") needs speakers to vouch for the line.
      if (!IsCapitalized(tf, s) && doc_.tokens[tf].shape != Shape::kDigits &&
          rule.speakers_group == 0) {
        continue;
      }
      // A title is not a name, nor only programme words ("Keynote", "Closing Keynote").
      if (LooksLikePersonName(s, tf, tl)) continue;
      if (prose && !InTitleCase(tf, tl)) continue;
      bool only_kind_words = !rules_.talk_kinds_.Canonical(TokenText(tl - 1)).empty();
      for (uint32_t t = tf; only_kind_words && t + 1 < tl; ++t) {
        std::string_view w = TokenText(t);
        only_kind_words = !rules_.talk_kinds_.Canonical(w).empty() || IsCommonWord(FoldCase(w)) ||
                          doc_.tokens[t].shape == Shape::kDigits;
      }
      if (only_kind_words) continue;
      std::vector<Part> parts;
      uint32_t pb = 0, pe = 0;
      if (rule.speakers_group > 0) {
        if (!span(rule.speakers_group, &pb, &pe) || !ParseSpeakers(s, pb, pe, &parts)) continue;
      }
      const uint32_t speakers_begin = pb, speakers_end = pe;
      // "..., moderated by Dana Whitfield": the moderators, people only.
      std::vector<Part> moderators;
      if (rule.moderators_group > 0) {
        if (!span(rule.moderators_group, &pb, &pe) || !ParseSpeakers(s, pb, pe, &moderators)) {
          continue;
        }
        std::erase_if(moderators, [](const Part& p) {
          return p.type != static_cast<int>(EntityType::kPerson);
        });
      }
      std::string kind;
      if (uint32_t kb, ke; span(rule.kind_group, &kb, &ke)) kind = TalkKind(Text(kb, ke));
      if (kind.empty()) kind = TalkKind(Text(tb, te));
      if (auto item = programme_items_.find(si); kind.empty() && item != programme_items_.end()) {
        kind = item->second;
      }
      if (kind.empty()) kind = "talk";
      // The line's parts replace the candidates they overlap.
      size_t speaker_parts = parts.size();
      parts.insert(parts.end(), moderators.begin(), moderators.end());
      parts.push_back({tb, te, static_cast<int>(EntityType::kTalk)});
      // So do the words of the speakers' part that are none ("VP of Engineering").
      std::erase_if(chunks, [&](const Chunk& c) {
        if (c.begin < speakers_end && speakers_begin < c.end) return true;
        for (const Part& p : parts) {
          if (c.begin < p.end && p.begin < c.end) return true;
        }
        return false;
      });
      for (const Part& p : parts) {
        Chunk c;
        std::tie(c.first_token, c.end_token) = TokensIn(s, p.begin, p.end);
        c.begin = p.begin;
        c.end = p.end;
        c.type = p.type;
        c.subtype = p.type == static_cast<int>(EntityType::kTalk) ? kind : "";
        c.rule = rule.name;
        InsertChunk(chunks, std::move(c));
      }
      // Every speaker speaks at the item, and belongs to the organisation named after them.
      std::string role_relation = kind == "panel" ? "panelist_of" : "speaker_of";
      for (size_t i = 0; i < parts.size(); ++i) {
        const Part& p = parts[i];
        if (p.type != static_cast<int>(EntityType::kPerson)) continue;
        if (i >= speaker_parts) {
          line_relations_.push_back({si, p.begin, tb, "moderator_of", rule.name});
          continue;
        }
        line_relations_.push_back({si, p.begin, tb, role_relation, rule.name});
        for (const Part& o : parts) {
          if (o.type == static_cast<int>(EntityType::kOrg) &&
              (o.owner == UINT32_MAX || o.owner == p.begin)) {
            line_relations_.push_back({si, p.begin, o.begin, "affiliated_with", rule.name});
          }
        }
      }
      return true;
    }
    return false;
  }

  // A person's name is capitalised words, initials and name connectors: "Anna van Dijk",
  // "David L. Lawrence", "Jean-Luc", "O'Brien"; never "Thanos & Prometheus" or "Web3".
  bool CanBePersonName(const Chunk& c) const {
    for (uint32_t t = c.first_token; t < c.end_token; ++t) {
      Shape sh = doc_.tokens[t].shape;
      std::string_view w = TokenText(t);
      // Mixed case in a name is "McDonald", "DeShawn": at most two capitals ("ChatGPT" is not).
      bool name_like_mixed = sh == Shape::kMixed && std::count_if(w.begin(), w.end(), [](char ch) {
                                                      return ch >= 'A' && ch <= 'Z';
                                                    }) <= 2;
      // "Joon-ho": a short lower-case part after a hyphen.
      bool hyphen_part = sh == Shape::kLower && t > c.first_token && TokenText(t - 1) == "-" &&
                         Adjacent(t - 1, t) && w.size() <= 4;
      bool ok = sh == Shape::kCapitalized || name_like_mixed || hyphen_part || w == "." ||
                w == "-" || w == "'" || w == "\xE2\x80\x99" || rules_.name_connectors_.Contains(w);
      if (!ok) return false;
    }
    return true;
  }

  void SetType(Chunk& c, const RuleSet::EntityRule& rule, std::string_view match_text) const {
    if (rule.type == EntityType::kPerson && !CanBePersonName(c)) return;
    c.type = static_cast<int>(rule.type);
    c.rule = rule.name;
    c.subtype = rule.subtype;
    if (rule.type == EntityType::kTalk && (c.subtype.empty() || c.subtype == "*")) {
      c.subtype = TalkKind(Text(c.begin, c.end));
      if (c.subtype.empty()) c.subtype = TalkKind(match_text);
      if (c.subtype.empty()) c.subtype = "talk";
    }
  }

  // The first applicable chunk rule in file order types the candidate; a guard that matches
  // (skip=TYPES) keeps the rules of those types below it from applying.
  void TypeByChunkRules(Chunk& c) const {
    std::string_view text = Text(c.begin, c.end);
    std::vector<int> matching = rules_.MatchChunkRules(text);
    uint32_t skipped = 0;
    for (int rule_index : matching) {
      const auto& rule = rules_.entity_rules_[static_cast<size_t>(rule_index)];
      if (rule->skip_types != 0) {
        skipped |= rule->skip_types;
        continue;
      }
      if (c.type != kUntyped && !rule->force) continue;
      if ((skipped >> static_cast<unsigned>(rule->type)) & 1u) continue;
      // "Keynote", "Lightning Talks": programme words alone name no programme item.
      if (rule->type == EntityType::kTalk) {
        bool only_kinds = true;
        for (uint32_t t = c.first_token; t < c.end_token && only_kinds; ++t) {
          only_kinds = !rules_.talk_kinds_.Canonical(TokenText(t)).empty();
        }
        if (only_kinds) continue;
      }
      SetType(c, *rule, text);
      if (rule->type == EntityType::kEvent) TrimEventName(c);
      return;
    }
  }

  // "PyCon APAC Booth", "PyCon 2024 Reflection": trailing common words are not the event's
  // name, unless they are event words ("Summit"), or the name says what the event is on
  // ("Conference on Software Engineering").
  void TrimEventName(Chunk& c) const {
    for (uint32_t t = c.first_token + 1; t < c.end_token; ++t) {
      if ((TokenText(t) == "on" || TokenText(t) == "for") &&
          rules_.event_keywords_.Contains(TokenText(t - 1))) {
        return;
      }
    }
    while (c.end_token > c.first_token + 1) {
      uint32_t last = c.end_token - 1;
      std::string_view w = TokenText(last);
      if (doc_.tokens[last].shape != Shape::kCapitalized || !rules_.common_words_.Contains(w) ||
          rules_.event_keywords_.Contains(w)) {
        break;
      }
      c.end_token--;
    }
    c.end = doc_.tokens[c.end_token - 1].end;
  }

  // Splits an untyped chunk at its inner possessives: "Google's Amsterdam" -> two chunks.
  void SplitPossessives(std::vector<Chunk>& chunks, const Sentence& s) const {
    std::vector<Chunk> out;
    for (Chunk& c : chunks) {
      if (c.type != kUntyped || c.possessive_splits.empty()) {
        out.push_back(std::move(c));
        continue;
      }
      uint32_t start = c.first_token;
      std::vector<uint32_t> cuts = c.possessive_splits;
      cuts.push_back(c.end_token);
      for (uint32_t cut : cuts) {
        Chunk part;
        part.first_token = start;
        part.end_token = cut;
        while (part.first_token < part.end_token && !IsCapitalized(part.first_token, s)) {
          part.first_token++;
        }
        if (part.first_token < part.end_token) {
          part.begin = doc_.tokens[part.first_token].begin;
          part.end = doc_.tokens[part.end_token - 1].end;
          TypeByGazetteer(part);
          if (part.type == kUntyped) TypeByChunkRules(part);
          out.push_back(std::move(part));
        }
        start = cut + 1;
      }
    }
    chunks = std::move(out);
  }

  // Builds the slotted sentence: chunks become ⟨TYPE_subtype_i⟩ (untyped ones ⟨?_i⟩ when
  // `with_untyped`, raw text otherwise), narrator pronouns ⟨I⟩.
  // With `ids`, placeholders carry ids[chunk] (the mention index) instead of the chunk index,
  // and chunks without an id are left as text.
  std::string Slot(const Sentence& s, const std::vector<Chunk>& chunks, bool with_untyped,
                   std::vector<Segment>* segs, const std::vector<int32_t>* ids = nullptr,
                   int32_t antecedent = -1) const {
    struct Item {
      uint32_t begin, end;
      int chunk;  // chunk index, -2 for a narrator pronoun, -3 for "he"/"she" or an opening
                  // "His"/"Her" (`antecedent`)
    };
    std::vector<Item> items;
    for (size_t ci = 0; ci < chunks.size(); ++ci) {
      const Chunk& c = chunks[ci];
      if (c.dropped || (c.type == kUntyped && !with_untyped)) continue;
      if (ids && (*ids)[ci] < 0) continue;
      items.push_back({c.begin, c.end, static_cast<int>(ci)});
    }
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      if (IsNarratorPronoun(t, s)) items.push_back({doc_.tokens[t].begin, doc_.tokens[t].end, -2});
      if (antecedent >= 0) {
        std::string_view w = TokenText(t);
        // "His talk, ...": a possessive opening the sentence names the same person.
        bool opening_possessive = t == s.first_token && (w == "His" || w == "Her");
        if (w == "He" || w == "She" || w == "he" || w == "she" || opening_possessive) {
          items.push_back({doc_.tokens[t].begin, doc_.tokens[t].end, -3});
        }
      }
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const Item& a, const Item& b) { return a.begin < b.begin; });
    std::string out;
    segs->clear();
    uint32_t pos = s.begin;
    auto emit_raw = [&](uint32_t b, uint32_t e) {
      if (e <= b) return;
      segs->push_back({out.size(), e - b, b, e - b, -1});
      out.append(Text(b, e));
    };
    for (const Item& it : items) {
      if (it.begin < pos) continue;  // overlaps an earlier item
      emit_raw(pos, it.begin);
      std::string ph = "\xE2\x9F\xA8";
      if (it.chunk == -2) {
        ph += "I";
      } else if (it.chunk == -3) {
        ph += "PERSON_" + std::to_string(antecedent);
      } else {
        const Chunk& c = chunks[static_cast<size_t>(it.chunk)];
        ph += c.type == kUntyped ? "?" : EntityTypeName(static_cast<EntityType>(c.type));
        // Underscores, not dots: "\\bpanel\\b" in a rule must not match inside ⟨TALK_panel_4⟩.
        if (c.type != kUntyped && !c.subtype.empty()) ph += "_" + c.subtype;
        ph += "_" + std::to_string(ids ? (*ids)[static_cast<size_t>(it.chunk)] : it.chunk);
      }
      ph += "\xE2\x9F\xA9";
      segs->push_back({out.size(), ph.size(), it.begin, it.end - it.begin, it.chunk});
      out += ph;
      pos = it.end;
    }
    emit_raw(pos, s.end);
    return out;
  }

  // Maps an offset of the slotted sentence to a document byte offset.
  static uint32_t ToDoc(const std::vector<Segment>& segs, size_t off) {
    for (const Segment& sg : segs) {
      if (off < sg.slot_begin + sg.slot_len || &sg == &segs.back()) {
        if (sg.chunk == -1) {
          return sg.doc_begin + static_cast<uint32_t>(
                                    std::min(off - sg.slot_begin, static_cast<size_t>(sg.doc_len)));
        }
        return off <= sg.slot_begin ? sg.doc_begin : sg.doc_begin + sg.doc_len;
      }
    }
    return 0;
  }

  // Chunk indexes (or -2 for the narrator) of the placeholders inside `part`.
  static std::vector<int> SlotsIn(std::string_view part, bool outside_brackets = false) {
    std::vector<int> ids;
    size_t pos = 0;
    while ((pos = part.find("\xE2\x9F\xA8", pos)) != std::string_view::npos) {
      size_t close = part.find("\xE2\x9F\xA9", pos);
      if (close == std::string_view::npos) break;
      if (outside_brackets) {
        std::string_view before = part.substr(0, pos);
        if (std::count(before.begin(), before.end(), '(') >
            std::count(before.begin(), before.end(), ')')) {
          pos = close + 3;
          continue;
        }
      }
      std::string_view body = part.substr(pos + 3, close - pos - 3);
      if (body == "I") {
        ids.push_back(-2);
      } else if (size_t colon = body.rfind('_'); colon != std::string_view::npos) {
        ids.push_back(std::atoi(std::string(body.substr(colon + 1)).c_str()));
      }
      pos = close + 3;
    }
    return ids;
  }

  // `last_seen` is the slotted sentence of the previous pass over this sentence: the rules are
  // deterministic, so a sentence that has not changed since then yields nothing new.
  void ApplyContextRules(const Sentence& s, std::vector<Chunk>& chunks, int passes,
                         std::string* last_seen, bool first_pass) {
    std::vector<Segment> segs;
    for (int pass = 0; pass < passes; ++pass) {
      std::string slotted = Slot(s, chunks, true, &segs);
      if (slotted == *last_seen) return;
      *last_seen = slotted;
      bool dirty = false;  // chunks changed since `slotted` was built
      for (int rule_index : rules_.context_index_->Match(slotted)) {
        const auto& rule = rules_.entity_rules_[static_cast<size_t>(rule_index)];
        if (dirty) {
          slotted = Slot(s, chunks, true, &segs);
          dirty = false;
        }
        re2::StringPiece text(slotted);
        re2::StringPiece sub[RuleSet::EntityRule::kMaxTargetGroup + 1];
        const int target = rule->target_group;
        size_t at = 0;
        while (at < slotted.size() &&
               rule->re->Match(text, at, slotted.size(), re2::RE2::UNANCHORED, sub, target + 1)) {
          if (sub[target].data() == nullptr) {
            at = static_cast<size_t>(sub[0].data() - slotted.data()) +
                 std::max<size_t>(sub[0].size(), 1);
            continue;
          }
          std::string_view group(sub[target].data(), sub[target].size());
          size_t gb = static_cast<size_t>(group.data() - slotted.data());
          size_t ge = gb + group.size();
          std::string_view match_text(sub[0].data(), sub[0].size());
          at = std::max(ge, gb + 1);
          if (rule->mode == RuleSet::EntityRule::Mode::kEach) {
            for (int id : SlotsIn(group)) {
              if (id < 0) continue;
              Chunk& c = chunks[static_cast<size_t>(id)];
              // (A known given name alone is left to its own evidence in every pass.)
              if (rule->weak && (first_pass || c.end_token == c.first_token + 1) &&
                  LooksLikeFullName(c)) {
                continue;
              }
              // A hint never names dictionary words alone ("in Abstract Format").
              if (rule->hint && OnlyCommonWords(c)) continue;
              if (c.type == kUntyped || rule->force) {
                SetType(c, *rule, match_text);
                dirty = true;
              }
            }
            continue;
          }
          // span: the group becomes one new typed chunk replacing the chunks inside it.
          Chunk nc;
          nc.begin = ToDoc(segs, gb);
          nc.end = ToDoc(segs, ge);
          while (nc.end > nc.begin &&
                 std::isspace(static_cast<unsigned char>(doc_.doc->text[nc.end - 1]))) {
            nc.end--;
          }
          bool blocked = nc.end <= nc.begin;
          std::vector<int> inner = SlotsIn(group);
          if (rule->keep) {
            // The slot starts after the kept mentions and a possessive: "⟨PERSON_3⟩’s
            // ⟨TALK_keynote_4⟩".
            for (int id : inner) {
              if (id >= 0) nc.begin = std::max(nc.begin, chunks[static_cast<size_t>(id)].end);
            }
            std::string_view rest = Text(nc.begin, nc.end);
            for (std::string_view p : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
              if (rest.starts_with(p)) {
                nc.begin += static_cast<uint32_t>(p.size());
                break;
              }
            }
            while (nc.begin < nc.end && doc_.doc->text[nc.begin] == ' ') nc.begin++;
            nc.mention_begin = ToDoc(segs, gb);
            blocked = nc.end <= nc.begin;
            inner.clear();
          }
          for (int id : inner) {
            if (id >= 0 && chunks[static_cast<size_t>(id)].type != kUntyped && !rule->force) {
              blocked = true;
            }
          }
          // "a talk about it", "a talk on how hard ...": a topic is not a pronoun or a
          // function word.
          if (rule->type == EntityType::kTalk && !blocked) {
            std::string_view span = Text(nc.begin, nc.end);
            for (std::string_view cue : {" about ", " on "}) {
              size_t at = span.find(cue);
              if (at == std::string_view::npos) continue;
              // Only "<kind> on/about ...": a title may say "on its Promise".
              std::string_view before = span.substr(0, at);
              before = before.substr(
                  before.rfind(' ') == std::string_view::npos ? 0 : before.rfind(' ') + 1);
              if (rules_.talk_kinds_.Canonical(before).empty()) break;
              std::string_view topic = span.substr(at + cue.size());
              std::string_view first = topic.substr(0, topic.find(' '));
              // ... nor a day or a month: "the keynote on Wednesday" is a time.
              if (rules_.function_words_.Contains(first) || rules_.not_names_.Contains(first)) {
                blocked = true;
              }
              break;
            }
          }
          if (rule->long_span && !blocked) {
            uint32_t words = 0;
            for (uint32_t t = s.first_token; t < s.end_token; ++t) {
              words += doc_.tokens[t].begin >= nc.begin && doc_.tokens[t].end <= nc.end &&
                       doc_.tokens[t].shape != Shape::kPunct;
            }
            blocked = words < 3;
          }
          if (blocked) continue;
          for (int id : inner) {
            if (id >= 0) chunks[static_cast<size_t>(id)].dropped = true;
          }
          nc.first_token = s.first_token;
          while (nc.first_token < s.end_token && doc_.tokens[nc.first_token].end <= nc.begin) {
            nc.first_token++;
          }
          nc.end_token = nc.first_token;
          while (nc.end_token < s.end_token && doc_.tokens[nc.end_token].begin < nc.end) {
            nc.end_token++;
          }
          SetType(nc, *rule, match_text);
          InsertChunk(chunks, std::move(nc));
          dirty = true;
          break;  // chunk indexes changed: re-slot before matching again
        }
      }
    }
  }

  static void InsertChunk(std::vector<Chunk>& chunks, Chunk nc) {
    // Dropped chunks stay (their indexes are in use) but give way to the new chunk.
    auto it = std::lower_bound(chunks.begin(), chunks.end(), nc.begin,
                               [](const Chunk& c, uint32_t b) { return c.begin < b; });
    chunks.insert(it, std::move(nc));
  }

  // The two candidates on either side of token `cut` of `c` (the token itself is in neither).
  std::pair<Chunk, Chunk> SplitChunkAt(const Chunk& c, uint32_t cut) const {
    Chunk head = c, tail = c;
    head.end_token = cut;
    head.end = doc_.tokens[cut - 1].end;
    head.possessive_splits.clear();
    tail.first_token = cut + 1;
    // "Lisbon for the Data Summit": the article after the connector is in neither part.
    if (tail.first_token + 1 < tail.end_token && TokenText(tail.first_token) == "the") {
      tail.first_token++;
    }
    tail.begin = doc_.tokens[tail.first_token].begin;
    tail.possessive_splits.clear();
    return {std::move(head), std::move(tail)};
  }

  // Splits a candidate at an inner "of"/"for" where the parts are separate names:
  //  - a given name and a surname before it: "Fatuma Hassan of Microsoft" is a person and
  //    her organisation (`before_typing`, so "Maria Lopez of Acme Labs" is not one ORG);
  //  - an untyped whole with a place on either side: "Lisbon for Oslo" is two cities.
  // Names whose rules know the connector ("Bank of America", "University of Warsaw") are
  // typed by then and stay whole.
  void SplitAtConnectors(std::vector<Chunk>& chunks, bool before_typing) const {
    std::vector<Chunk> out;
    for (Chunk& c : chunks) {
      uint32_t cut = 0;
      bool given_first = rules_.given_names_.Contains(TokenText(c.first_token)) ||
                         rules_.ambiguous_given_names_.Contains(TokenText(c.first_token));
      // A title typed the candidate a person: "Dr Ana Lima of the Rowing Board" still splits.
      bool honorific = c.rule == "honorific";
      if (!c.dropped && (c.type == kUntyped || honorific)) {
        for (uint32_t t = c.first_token + 1; t + 1 < c.end_token && cut == 0; ++t) {
          std::string_view w = TokenText(t);
          if (w == "of" || w == "for") cut = t;
        }
      }
      // A person needs a given name and a surname before the connector.
      bool person_first =
          (given_first && cut >= c.first_token + 2) || (honorific && cut >= c.first_token + 1);
      if (before_typing && !person_first) cut = 0;
      if (cut == 0) {
        out.push_back(std::move(c));
        continue;
      }
      auto [head, tail] = SplitChunkAt(c, cut);
      if (honorific) {
        tail.type = kUntyped;
        tail.rule.clear();
        tail.subtype.clear();
      }
      for (Chunk* part : {&head, &tail}) {
        if (part->type != kUntyped) continue;
        TypeByGazetteer(*part);
        if (part->type == kUntyped) TypeByChunkRules(*part);
      }
      bool place_part = head.rule.starts_with("gazetteer:") || tail.rule.starts_with("gazetteer:");
      if (!person_first && !place_part) {  // "Code of Conduct": one name, leave it whole
        out.push_back(std::move(c));
        continue;
      }
      // "Ana Lima of Kenora": a town the gazetteers hold only for context.
      if (person_first && tail.type == kUntyped &&
          rules_.towns_.Contains(Text(tail.begin, tail.end))) {
        tail.type = static_cast<int>(EntityType::kPlace);
        tail.subtype = "city";
        tail.rule = "gazetteer:towns";
      }
      if (person_first && (head.type == kUntyped || honorific) && tail.type == kUntyped) {
        tail.type = static_cast<int>(EntityType::kOrg);  // a person's "of" is their organisation
        tail.rule = "person_of_organization";
      }
      out.push_back(std::move(head));
      out.push_back(std::move(tail));
    }
    chunks = std::move(out);
  }

  // "Ana Lima & Tom Berg": an ampersand between two people's full names joins no name
  // ("Procter & Gamble" stays whole: one word a side, and no given name).
  void SplitPersonPairs(const Sentence& s, std::vector<Chunk>& chunks) const {
    std::vector<Chunk> out;
    for (Chunk& c : chunks) {
      uint32_t amp = 0;
      for (uint32_t t = c.first_token + 1; t + 1 < c.end_token && amp == 0; ++t) {
        if (TokenText(t) == "&" || TokenText(t) == "+") amp = t;
      }
      auto full_name = [&](uint32_t f, uint32_t l) {
        return l >= f + 2 && LooksLikePersonName(s, f, l);
      };
      auto given = [&](uint32_t f) { return rules_.given_names_.Contains(TokenText(f)); };
      // Both sides read as names, and at least one opens with a known given name.
      if (c.dropped || c.type != kUntyped || amp == 0 || !full_name(c.first_token, amp) ||
          !full_name(amp + 1, c.end_token) || !(given(c.first_token) || given(amp + 1))) {
        out.push_back(std::move(c));
        continue;
      }
      auto [left, right] = SplitChunkAt(c, amp);
      out.push_back(std::move(left));
      out.push_back(std::move(right));
    }
    chunks = std::move(out);
  }

  // Whether the chunk lies between an opening and a closing quotation mark of its sentence: the
  // last curly mark before it opens and a ” follows it, or else an odd number of '"' precede it
  // and one follows. Looked up in the sentence's QuoteMarks, so a sentence of n candidates costs
  // O(n log n), not n scans of the sentence (issue 12: a 2.3 MB line took 121 s).
  bool InsideQuotes(const Sentence& s, const Chunk& c) const {
    const QuoteMarks& q = QuoteMarksOf(s);
    // Marks that end by the chunk's first byte, and marks from its end on.
    auto ended_by = [](const std::vector<uint32_t>& v, uint32_t at, uint32_t len) {
      if (at < len) return std::ptrdiff_t{0};
      return std::upper_bound(v.begin(), v.end(), at - len) - v.begin();
    };
    auto any_from = [](const std::vector<uint32_t>& v, uint32_t at) {
      return !v.empty() && v.back() >= at;
    };
    const uint32_t kCurly = 3;  // “ and ” are three bytes
    auto open = ended_by(q.open, c.begin, kCurly), close = ended_by(q.close, c.begin, kCurly);
    bool opened = open > 0 && (close == 0 || q.close[close - 1] < q.open[open - 1]);
    if (!opened) {
      return ended_by(q.ascii, c.begin, 1) % 2 == 1 && any_from(q.ascii, c.end);
    }
    return any_from(q.close, c.end);
  }

  // The byte offsets of the quotation marks of one sentence, in order: “, ” and '"'.
  struct QuoteMarks {
    uint32_t begin = UINT32_MAX, end = 0;  // the sentence they belong to
    std::vector<uint32_t> open, close, ascii;
  };
  const QuoteMarks& QuoteMarksOf(const Sentence& s) const {
    if (quote_marks_.begin == s.begin && quote_marks_.end == s.end) return quote_marks_;
    quote_marks_ = QuoteMarks{s.begin, s.end, {}, {}, {}};
    std::string_view text = Text(s.begin, s.end);
    for (size_t i = 0; i < text.size(); ++i) {
      auto at = static_cast<uint32_t>(s.begin + i);
      if (text[i] == '"') {
        quote_marks_.ascii.push_back(at);
      } else if (text.substr(i, 3) == "\xE2\x80\x9C") {
        quote_marks_.open.push_back(at);
      } else if (text.substr(i, 3) == "\xE2\x80\x9D") {
        quote_marks_.close.push_back(at);
      }
    }
    return quote_marks_;
  }

  // "in Florence", "the heart of Charlotte", "from Wicklow": a city whose name is also a word
  // or a given name, or a smaller town, is a city after a place cue (data/lexicon/place_cues.txt).
  void ApplyAmbiguousCities(const Sentence& s, std::vector<Chunk>& chunks) const {
    for (Chunk& c : chunks) {
      // (A hint's guess gives way to the gazetteer: "near Florence" is the city.)
      if (c.dropped || (c.type != kUntyped && !rules_.hint_rules_.count(c.rule)) ||
          c.first_token == s.first_token) {
        continue;
      }
      uint32_t p = c.first_token - 1;
      bool cue = rules_.place_cues_.Contains(FoldCase(TokenText(p)));
      if (!cue && p > s.first_token) {
        cue = rules_.place_cues_.Contains(
            FoldCase(Text(doc_.tokens[p - 1].begin, doc_.tokens[p].end)));
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

  // "Lakeford, Vermont", "Tarnów, Poland": a name followed by a comma and a country or a
  // region is a place in that region, and so is the region even when it is also a given
  // name. Only a name that nothing else typed, or that only looked like a given name.
  void ApplyPlaceAppositions(const Sentence& s, std::vector<Chunk>& chunks) const {
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

  // "Queenslander Mitchell Rawlins", "Senior Kory Lind", "Texas Coach Darrell Royal": words
  // before a full name (a known given name and one or two capitalised words that end the
  // candidate) are no part of it when each is a common word, a role, a title, a demonym or a
  // place; unless a chunk rule reads the whole as one name ("Bill Gates Foundation").
  void StripWordsBeforeAFullName(const Sentence& s, Chunk& c) const {
    if (c.end_token < c.first_token + 3) return;
    uint32_t k = c.end_token >= c.first_token + 4 ? c.end_token - 3 : c.first_token + 1;
    for (; k + 1 < c.end_token; ++k) {
      if (doc_.tokens[k].shape == Shape::kCapitalized &&
          rules_.given_names_.Contains(TokenText(k))) {
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
      if (!(rules_.common_words_.Contains(FoldCase(w)) && !rules_.given_names_.Contains(w)) &&
          !IsDemonym(w) && !IsPersonTitle(t) && !rules_.roles_.Contains(w) && !IsPlaceName(w) &&
          !IsProductName(w)) {
        return;
      }
    }
    std::string_view whole =
        Text(doc_.tokens[c.first_token].begin, doc_.tokens[c.end_token - 1].end);
    for (int r : rules_.MatchChunkRules(whole)) {
      if (rules_.entity_rules_[static_cast<size_t>(r)]->skip_types == 0) return;
    }
    c.first_token = k;
  }

  // "Women in Software Engineering (WSE)", "Association for Computing Machinery (ACM)": the
  // acronym in brackets says how far back the name goes across lower-case connectors.
  void JoinNamesBeforeTheirAcronym(const Sentence& s, std::vector<Chunk>& chunks) const {
    auto is_connector = [&](uint32_t t) { return rules_.inner_connectors_.Contains(TokenText(t)); };
    for (size_t i = 1; i < chunks.size(); ++i) {
      const Chunk& last = chunks[i];
      uint32_t open = last.end_token;
      if (last.type != kUntyped || open + 2 >= s.end_token || TokenText(open) != "(" ||
          TokenText(open + 2) != ")") {
        continue;
      }
      std::string letters;
      for (char ch : TokenText(open + 1)) {
        if (std::isupper(static_cast<unsigned char>(ch))) {
          letters.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
        }
      }
      if (letters.size() < 2 || letters.size() > 8) continue;
      for (size_t k = i; k-- > 0;) {
        const Chunk& first = chunks[k];
        const Chunk& next = chunks[k + 1];
        if (first.type != kUntyped || next.first_token < first.end_token + 1 ||
            next.first_token > first.end_token + 2) {
          break;
        }
        bool joined_by_connectors = true;
        for (uint32_t t = first.end_token; t < next.first_token; ++t) {
          joined_by_connectors &= is_connector(t);
        }
        if (!joined_by_connectors) break;
        std::string initials;
        for (uint32_t t = first.first_token; t < last.end_token; ++t) {
          if (IsCapitalized(t, s)) {
            initials.push_back(
                static_cast<char>(std::tolower(static_cast<unsigned char>(TokenText(t)[0]))));
          }
        }
        if (initials == letters) {
          chunks[k].end_token = last.end_token;
          chunks[k].end = last.end;
          chunks.erase(chunks.begin() + static_cast<std::ptrdiff_t>(k) + 1,
                       chunks.begin() + static_cast<std::ptrdiff_t>(i) + 1);
          i = k;
          break;
        }
      }
    }
  }

  // "Women in Open Source Lunch", "Sponsor and Scholarship Breakfast", "Ethics in AI Panel": a
  // programme item's name may hold a lower-case connector; two candidates joined by one, the
  // second ending in a programme keyword (data/lexicon/talk_kinds.tsv) or joined by "and" and
  // a venue's name, are one name, unless the first is a person or a place ("Ana Lima and the
  // Closing Panel").
  void JoinProgrammeItemNames(const Sentence& s, std::vector<Chunk>& chunks) const {
    for (size_t i = 0; i + 1 < chunks.size(); ++i) {
      Chunk& a = chunks[i];
      const Chunk& b = chunks[i + 1];
      if (a.type != kUntyped || b.type != kUntyped || a.dropped || b.dropped ||
          b.first_token != a.end_token + 1 || a.end_token > a.first_token + 5 ||
          b.end_token < b.first_token + 2) {
        continue;
      }
      std::string_view connector = TokenText(a.end_token);
      // ... and a venue's: "Executive Education and Conference Center".
      if (rules_.talk_kinds_.Canonical(TokenText(b.end_token - 1)).empty() &&
          !(connector == "and" && IsVenueName(Text(b.begin, b.end)))) {
        continue;
      }
      if (!rules_.inner_connectors_.Contains(connector) || connector == "the") continue;
      std::string_view first = TokenText(a.first_token);
      if (rules_.given_names_.Contains(first) || IsPlaceName(Text(a.begin, a.end)) ||
          IsNarratorPronoun(a.first_token, s) || a.mention_begin != UINT32_MAX) {
        continue;
      }
      a.end_token = b.end_token;
      a.end = b.end;
      chunks.erase(chunks.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    }
  }

  // Whether a chunk rule types `text` as a venue ("Conference Center", "Grand Hotel").
  bool IsVenueName(std::string_view text) const {
    for (int r : rules_.MatchChunkRules(text)) {
      const auto& rule = *rules_.entity_rules_[static_cast<size_t>(r)];
      if (rule.skip_types == 0 && rule.type == EntityType::kPlace && rule.subtype == "venue") {
        return true;
      }
    }
    return false;
  }

  bool OnlyCommonWords(const Chunk& c) const {
    for (uint32_t t = c.first_token; t < c.end_token; ++t) {
      if (!IsCommonWord(FoldCase(TokenText(t)))) return false;
    }
    return true;
  }

  bool IsProductName(std::string_view w) const {
    return rules_.products_.Contains(w) || rules_.ambiguous_products_.Contains(w);
  }

  // "Ana Lima's talk, "Fast Parsers", was ...": the talk is the title; "Ana Lima's talk" names
  // it only where no title follows.
  void DropPossessiveTalkBeforeItsTitle(std::vector<Chunk>& chunks) const {
    for (size_t i = 0; i + 1 < chunks.size(); ++i) {
      Chunk& a = chunks[i];
      const Chunk& b = chunks[i + 1];
      if (a.dropped || b.dropped || a.type != static_cast<int>(EntityType::kTalk) ||
          b.type != static_cast<int>(EntityType::kTalk) || a.mention_begin == UINT32_MAX ||
          b.begin < a.end) {
        continue;
      }
      std::string_view between = Text(a.end, b.begin);
      bool only_punctuation = between.size() <= 6 && between.find(',') != std::string_view::npos;
      for (char ch : between) {
        only_punctuation &= std::isspace(static_cast<unsigned char>(ch)) || ch == ',' ||
                            ch == ':' || ch == '"' || ch == '\'' || (ch & 0x80);
      }
      if (only_punctuation) a.dropped = true;
    }
  }

  // "African", "Japanese", "Europeans": a place name with a demonym suffix.
  bool IsDemonym(std::string_view w) const {
    if (w.ends_with("s")) w.remove_suffix(1);
    for (std::string_view suffix : rules_.demonym_suffix_list_) {
      if (w.size() > suffix.size() + 2 && w.ends_with(suffix)) {
        std::string_view stem = w.substr(0, w.size() - suffix.size());
        if (IsPlaceName(stem) || IsPlaceName(std::string(stem) + "a") ||
            IsPlaceName(std::string(stem) + "e")) {
          return true;
        }
      }
    }
    return false;
  }

  // A known given name starts a person's name: "Steve Lott", "Naomi". Runs after the first
  // context pass, so "dinner at Nicky's Thai" is already a venue and "Emily Fox from Apple"
  // can still make Apple an organisation in the second.
  void ApplyGivenNames(const Sentence& s, std::vector<Chunk>& chunks) const {
    for (Chunk& c : chunks) {
      if (c.dropped || c.type != kUntyped) continue;
      if (InsideQuotes(s, c)) continue;  // “Saving Knowledge Through Succession” is a title
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
        if (sh != Shape::kCapitalized && !(t > c.first_token && TokenText(t) == ".") &&
            !rules_.name_connectors_.Contains(TokenText(t))) {
          plain = false;
        }
      }
      // Names that are also words ("Frank", "May") only start longer names ("Frank Lee").
      bool given = rules_.given_names_.Contains(first) ||
                   (n > 1 && rules_.ambiguous_given_names_.Contains(first));
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
        // In a heading, "Rocky Start" is words, not a person.
        if (!(s.is_heading && n > 1 && all_common)) {
          c.type = static_cast<int>(EntityType::kPerson);
          c.rule = "default:given_name";
        }
      }
    }
  }

  bool OpensWithContinuation(const Sentence& s) const {
    std::string head = FoldCase(doc_.TextOf(s).substr(0, 24));
    for (const std::string& opener : rules_.continuation_opener_list_) {
      if (head.starts_with(opener) &&
          (head.size() == opener.size() ||
           !std::isalpha(static_cast<unsigned char>(head[opener.size()])))) {
        return true;
      }
    }
    return false;
  }

  // The person "he" or "she" most likely stands for: the one person named in the closest of
  // the two sentences before that names anyone ("Ana Lima spoke next. She works at Acme."). When
  // that sentence names several people, the pronoun is left alone (-1): no guessing.
  int32_t Antecedent(uint32_t sentence) const {
    int32_t found = -1;
    uint32_t found_sentence = 0;
    std::string_view name;
    for (size_t i = out_.mentions.size(); i-- > 0;) {
      const Mention& m = out_.mentions[i];
      if (m.sentence >= sentence) continue;
      if (m.sentence + 2 < sentence) break;
      if (m.type != EntityType::kPerson) continue;
      if (found < 0) {
        found = static_cast<int32_t>(i);
        found_sentence = m.sentence;
        name = m.text;
      } else if (m.sentence == found_sentence && m.text != name) {
        return -1;
      }
    }
    return found;
  }

  // Whether the sentence already states the relation: several rules often read one statement
  // ("great to meet A" is also "to meet A"), and a relation's weight counts statements.
  bool Stated(const std::string& relation, int32_t subject, int32_t object,
              uint32_t sentence) const {
    const Schema::Relation* def = rules_.schema().FindRelation(relation);
    bool symmetric = def && def->symmetric;
    for (size_t i = out_.relations.size(); i-- > 0 && out_.relations[i].sentence == sentence;) {
      const RelationCandidate& c = out_.relations[i];
      if (c.relation != relation) continue;
      if ((c.subject == subject && c.object == object) ||
          (symmetric && c.subject == object && c.object == subject)) {
        return true;
      }
    }
    return false;
  }

  void ApplyRelationRules(uint32_t sentence_index, const Sentence& s,
                          const std::vector<Chunk>& chunks,
                          const std::vector<int32_t>& chunk_to_mention) {
    std::vector<Segment> segs;
    std::string own = Slot(s, chunks, false, &segs, &chunk_to_mention, Antecedent(sentence_index));
    // "Including folks like A and B." continues the sentence before it.
    std::string slotted = own;
    size_t own_begin = 0;
    if (!previous_slotted_.empty() && OpensWithContinuation(s)) {
      // Joined as one sentence: "... communities, Including folks like A and B."
      std::string_view prev = previous_slotted_;
      while (!prev.empty() && (prev.back() == '.' || prev.back() == ' ')) prev.remove_suffix(1);
      slotted = std::string(prev) + ", " + own;
      own_begin = prev.size() + 2;
    }
    previous_slotted_ = own;
    std::string matched_rules;
    if (slotted.find("\xE2\x9F\xA8") != std::string::npos) {
      re2::StringPiece text(slotted);
      std::vector<re2::StringPiece> sub;
      for (int rule_index : rules_.relation_index_->Match(slotted)) {
        const auto& rule = rules_.relation_rules_[static_cast<size_t>(rule_index)];
        int n = rule->re->NumberOfCapturingGroups() + 1;
        sub.assign(static_cast<size_t>(n), re2::StringPiece());
        size_t at = 0;
        while (at < slotted.size() &&
               rule->re->Match(text, at, slotted.size(), re2::RE2::UNANCHORED, sub.data(), n)) {
          size_t match_end = static_cast<size_t>(sub[0].data() - slotted.data()) + sub[0].size();
          auto endpoints = [&](const RuleEndpoint& e) {
            std::vector<int32_t> ids;
            if (e.group == 0) {
              ids.push_back(e.special);
              return ids;
            }
            const re2::StringPiece& g = sub[static_cast<size_t>(e.group)];
            // (A list's asides in brackets, "A (Acme), B", hold no members.)
            for (int id : SlotsIn(std::string_view(g.data() ? g.data() : "", g.size()),
                                  /*outside_brackets=*/true)) {
              ids.push_back(id == -2 ? kNarrator : id);
            }
            return ids;
          };
          std::string role = rule->role;
          const re2::StringPiece& rg = sub[static_cast<size_t>(rule->role_group)];
          if (rule->role_group > 0 && rg.data()) role = std::string(rg.data(), rg.size());
          // A match that ends in the previous sentence was found there already.
          if (match_end > own_begin) {
            for (int32_t subj : endpoints(rule->subject)) {
              for (int32_t obj : endpoints(rule->object)) {
                if (subj == obj || Stated(rule->relation, subj, obj, sentence_index)) continue;
                out_.relations.push_back(
                    {rule->relation, subj, obj, role, sentence_index, rule->name});
                if (options_.explain) matched_rules += " " + rule->name;
              }
            }
          }
          // Continue after the last captured group, so overlapping statements still match.
          size_t next = static_cast<size_t>(sub[0].data() - slotted.data()) + 1;
          for (int g = 1; g < n; ++g) {
            const re2::StringPiece& sp = sub[static_cast<size_t>(g)];
            if (sp.data() != nullptr) {
              next = std::max(next, static_cast<size_t>(sp.data() - slotted.data()) + sp.size());
            }
          }
          at = next;
        }
      }
    }
    if (options_.explain) {
      out_.explanations.push_back("sentence " + std::to_string(sentence_index) + ": " + slotted +
                                  (matched_rules.empty() ? "" : " |" + matched_rules));
    }
  }

  // Finds and types the candidates of one sentence.
  std::vector<Chunk> TypeSentence(uint32_t si) {
    const Sentence& s = doc_.sentences[si];
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      if (IsNarratorPronoun(t, s)) ++narrator_count_;
    }
    std::vector<Chunk> chunks = FindChunks(s);
    if (ParseProgrammeLine(si, s, chunks)) {
      // typed by its shape
    } else if (auto item = programme_items_.find(si); item != programme_items_.end()) {
      Chunk title = ProgrammeItemChunk(s, item->second);
      if (title.type != kUntyped && narrator_items_.count(si)) {
        line_relations_.push_back(
            {si, kNarratorBegin, title.begin, "speaker_of", "programme_list"});
      }
      if (title.type != kUntyped) {
        std::erase_if(chunks, [&](const Chunk& c) { return c.begin < title.end; });
        chunks.insert(chunks.begin(), std::move(title));
      }
    }
    SplitAtConnectors(chunks, /*before_typing=*/true);
    JoinNamesBeforeTheirAcronym(s, chunks);
    JoinProgrammeItemNames(s, chunks);
    SplitPersonPairs(s, chunks);
    for (Chunk& c : chunks) {
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
    ApplyGivenNames(s, chunks);
    ApplyPlaceAppositions(s, chunks);
    ApplyAmbiguousCompanies(s, chunks);
    ApplyContextRules(s, chunks, 2, &last_seen, /*first_pass=*/false);
    DropPossessiveTalkBeforeItsTitle(chunks);
    DropAmbiguousProducts(chunks);
    for (const Chunk& c : chunks) {  // what this document has said a name is
      if (c.dropped || c.type == kUntyped || c.mention_begin != UINT32_MAX) continue;
      document_types_.try_emplace(FoldCase(Text(c.begin, c.end)), c.type, c.subtype);
      // "NodeSummit 2025" ... "NodeSummit": an event's distinctive first word names it too.
      std::string_view first = TokenText(c.first_token);
      if (c.type == static_cast<int>(EntityType::kEvent) && c.end_token > c.first_token + 1 &&
          doc_.tokens[c.first_token].shape == Shape::kMixed && !IsPlaceName(first)) {
        document_types_.try_emplace(FoldCase(first), c.type, c.subtype);
      }
    }
    return chunks;
  }

  // "Jane Doe": a known given name and one to three more capitalised words; or a known given
  // name alone that is no place ("Akosua", not "Sydney").
  bool LooksLikeFullName(const Chunk& c) const {
    if (c.end_token == c.first_token + 1) {
      std::string_view w = TokenText(c.first_token);
      return doc_.tokens[c.first_token].shape == Shape::kCapitalized &&
             rules_.given_names_.Contains(w) && !IsPlaceName(w) && !IsCommonWord(FoldCase(w));
    }
    if (c.end_token < c.first_token + 2 || c.end_token > c.first_token + 4) return false;
    // A given name that is also a word ("Grace", "Amber") starts a full name when no later
    // word is a dictionary word ("Grace Achieng", not "Amber Lantern").
    bool word_given = !rules_.given_names_.Contains(TokenText(c.first_token));
    if (word_given && !rules_.ambiguous_given_names_.Contains(TokenText(c.first_token))) {
      return false;
    }
    for (uint32_t t = c.first_token; t < c.end_token; ++t) {
      if (doc_.tokens[t].shape != Shape::kCapitalized) return false;
      if (word_given && t > c.first_token &&
          rules_.common_words_.Contains(FoldCase(TokenText(t)))) {
        return false;
      }
    }
    return !IsPlaceName(Text(c.begin, c.end));
  }

  // How much a typing says about a name (data/rules/evidence.weights).
  int EvidenceWeight(std::string_view rule) const { return rules_.EvidenceWeight(rule); }

  // One name, one type per document, decided by all its evidence: every mention of a name
  // votes for its type with the weight of the rule that typed it. A mention takes the winning
  // type when the winner outweighs the mention's own type, and, if the mention's own evidence
  // is strong (a gazetteer or a context rule), by at least two to one, so one weak or odd
  // context ("presented by French speakers") never relabels a name the document knows well.
  // Talks and spans made by span rules keep their types: their text is not a name to vote on.
  void VoteTypes(std::vector<std::vector<Chunk>>& chunks) {
    struct Tally {
      int weight[kMaxEntityTypes] = {};
      std::string subtype[kMaxEntityTypes];
      std::string rule[kMaxEntityTypes];  // the strongest rule for each type
      int best_rule_weight[kMaxEntityTypes] = {};
    };
    auto votes = [](const Chunk& c) {
      return !c.dropped && c.type != kUntyped && c.mention_begin == UINT32_MAX &&
             c.type != static_cast<int>(EntityType::kTalk);
    };
    std::map<std::string, Tally> tallies;
    for (const auto& sentence : chunks) {
      for (const Chunk& c : sentence) {
        if (!votes(c)) continue;
        Tally& t = tallies[FoldCase(Text(c.begin, c.end))];
        int w = EvidenceWeight(c.rule);
        t.weight[c.type] += w;
        if (w > t.best_rule_weight[c.type] || t.rule[c.type].empty()) {
          t.best_rule_weight[c.type] = w;
          t.rule[c.type] = c.rule;
          t.subtype[c.type] = c.subtype;
        }
      }
    }
    // "RubyKaigi 2023 ... the RubyKaigi team": an event's name without its edition year names
    // the event, with the weight of two context rules (so it relabels one of them).
    for (const auto& sentence : chunks) {
      for (const Chunk& c : sentence) {
        if (!votes(c) || c.type != static_cast<int>(EntityType::kEvent) ||
            c.end_token < c.first_token + 2 || !IsYear(c.end_token - 1)) {
          continue;
        }
        auto it = tallies.find(FoldCase(Text(c.begin, doc_.tokens[c.end_token - 2].end)));
        if (it != tallies.end() && it->second.weight[c.type] == 0) {
          it->second.weight[c.type] = 4;
          it->second.best_rule_weight[c.type] = 4;
          it->second.rule[c.type] = c.rule;
        }
      }
    }
    for (auto& [name, t] : tallies) {
      // On a tie, the type with the strongest single piece of evidence wins: one office
      // outweighs two thanks.
      int winner = 0;
      for (int k = 1; k < kMaxEntityTypes; ++k) {
        if (t.weight[k] > t.weight[winner] ||
            (t.weight[k] == t.weight[winner] &&
             t.best_rule_weight[k] > t.best_rule_weight[winner])) {
          winner = k;
        }
      }
      if (t.weight[winner] == 0) continue;
      // Untyped mentions elsewhere take the winner too.
      document_types_[name] = {winner, t.subtype[winner]};
    }
    for (auto& sentence : chunks) {
      for (Chunk& c : sentence) {
        if (!votes(c)) continue;
        std::string name = FoldCase(Text(c.begin, c.end));
        const Tally& t = tallies[name];
        int w = document_types_[name].first;
        if (w == c.type) continue;
        int own = t.weight[c.type], best = t.weight[w];
        bool strong = EvidenceWeight(c.rule) >= 2;
        // (On a tie, the winner above was decided by the strongest evidence.)
        if (best >= own && (!strong || best >= 2 * own)) {
          c.type = w;
          c.subtype = t.subtype[w];
          c.rule = "vote:" + t.rule[w];
        }
      }
    }
  }

  // "Notes from the Nordic Parsing Workshop": a report about a workshop names no other event;
  // a workshop named in its opening sentences (the title) is then the event, not a talk.
  void PromoteWorkshopToEvent(std::vector<std::vector<Chunk>>& chunks) const {
    std::string name;
    for (const auto& sentence : chunks) {
      for (const Chunk& c : sentence) {
        if (c.dropped) continue;
        if (c.type == static_cast<int>(EntityType::kEvent)) return;
        if (name.empty() && c.type == static_cast<int>(EntityType::kTalk) &&
            c.rule == "talk_keyword" && c.subtype == "workshop" &&
            c.end_token > c.first_token + 1 && &sentence - chunks.data() < 2 &&
            doc_.sentences[static_cast<size_t>(&sentence - chunks.data())].is_heading) {
          name = FoldCase(Text(c.begin, c.end));
        }
      }
    }
    if (name.empty()) return;
    for (auto& sentence : chunks) {
      for (Chunk& c : sentence) {
        if (c.dropped || c.type != static_cast<int>(EntityType::kTalk) ||
            FoldCase(Text(c.begin, c.end)) != name) {
          continue;
        }
        c.type = static_cast<int>(EntityType::kEvent);
        c.subtype.clear();
        c.rule = "workshop_named_in_title";
      }
    }
  }

  // "Mira Castell ... Later, Castell said": the surname of a person the document names in
  // full names that person when it stands alone. Not a surname that is also a word ("Park"),
  // nor one the document gave another type.
  void RememberSurnames(const std::vector<std::vector<Chunk>>& chunks) {
    for (const auto& sentence : chunks) {
      for (const Chunk& c : sentence) {
        if (c.dropped || c.type != static_cast<int>(EntityType::kPerson) ||
            c.mention_begin != UINT32_MAX || c.end_token < c.first_token + 2) {
          continue;
        }
        uint32_t last = c.end_token - 1;
        std::string_view surname = TokenText(last);
        if (doc_.tokens[last].shape != Shape::kCapitalized || surname.size() < 3 ||
            IsPlaceName(surname)) {
          continue;
        }
        if (rules_.common_words_.Contains(surname)) {
          // "Ben Player ... Player won": a surname that is also a word names the person only
          // where no determiner makes it the word (ApplyDocumentTypes).
          word_surnames_.try_emplace(FoldCase(surname), c.type, c.subtype);
          continue;
        }
        document_types_.try_emplace(FoldCase(surname), c.type, c.subtype);
        // ... and so does the given name: "Akosua Frimpong ... Akosua studies".
        std::string_view given = TokenText(c.first_token);
        if (last == c.first_token + 1 && rules_.given_names_.Contains(given) &&
            !rules_.common_words_.Contains(FoldCase(given)) && !IsPlaceName(given)) {
          document_types_.try_emplace(FoldCase(given), c.type, c.subtype);
        }
      }
    }
  }

  // "the Northern Rowing Association ... the NRA": an all-capitals word whose letters are the
  // initials of a name the document typed names the same thing. Initials of the capitalised
  // words only ("United States Air Forces in Europe" is USAFE).
  void RememberAcronyms(const std::vector<std::vector<Chunk>>& chunks) {
    for (const auto& sentence : chunks) {
      for (const Chunk& c : sentence) {
        if (c.dropped || c.type == kUntyped || c.type == static_cast<int>(EntityType::kTalk) ||
            c.type == static_cast<int>(EntityType::kPerson) || c.mention_begin != UINT32_MAX) {
          continue;
        }
        std::string initials;
        for (uint32_t t = c.first_token; t < c.end_token; ++t) {
          std::string_view w = TokenText(t);
          if (doc_.tokens[t].shape == Shape::kCapitalized) {
            initials += w[0];
          } else if (doc_.tokens[t].shape == Shape::kAllCaps ||
                     !std::isalpha(static_cast<unsigned char>(w[0])) ||
                     !rules_.name_connectors_.Contains(w)) {
            initials.clear();  // an acronym or a word that is no connector inside: no initials
            break;
          }
        }
        if (initials.size() < 3) continue;
        document_types_.try_emplace(FoldCase(initials), c.type, c.subtype);
      }
    }
  }

  // A name left untyped in one sentence takes the type the document gave it elsewhere:
  // "Aaron works at Shopify. ... a Staff Engineer at Shopify".
  void ApplyDocumentTypes(std::vector<Chunk>& chunks) const {
    for (Chunk& c : chunks) {
      if (c.dropped || c.type != kUntyped) continue;
      std::string name = FoldCase(Text(c.begin, c.end));
      auto it = document_types_.find(name);
      if (it == document_types_.end()) {
        it = word_surnames_.find(name);
        if (it == word_surnames_.end() || c.end_token != c.first_token + 1 ||
            doc_.tokens[c.first_token].shape != Shape::kCapitalized ||
            AfterDeterminer(c.first_token)) {
          continue;
        }
      }
      c.type = it->second.first;
      c.subtype = it->second.second;
      c.rule = "document_memory";
    }
  }

  // The code point offset of byte `at` of sentence `s`: counted from the nearest token that
  // starts at or before it, not from the sentence's start (quadratic in a long sentence).
  uint32_t CodePointOffset(const Sentence& s, uint32_t at) const {
    auto first = doc_.tokens.begin() + s.first_token, last = doc_.tokens.begin() + s.end_token;
    auto it =
        std::upper_bound(first, last, at, [](uint32_t v, const Token& t) { return v < t.begin; });
    if (it == first) return s.cp_begin + CodePointCount(Text(s.begin, at));
    --it;
    return it->cp_begin + CodePointCount(Text(it->begin, at));
  }

  // Emits the sentence's typed candidates as mentions and runs the relation rules on it.
  void EmitSentence(uint32_t si, std::vector<Chunk>& chunks) {
    const Sentence& s = doc_.sentences[si];
    ApplyDocumentTypes(chunks);
    // Typed chunks become mentions; everything else is dropped.
    std::vector<int32_t> chunk_to_mention(chunks.size(), -1);
    for (size_t i = 0; i < chunks.size(); ++i) {
      Chunk& c = chunks[i];
      if (c.dropped || c.type == kUntyped) continue;
      Mention m;
      m.type = static_cast<EntityType>(c.type);
      m.subtype = c.subtype;
      m.begin = std::min(c.begin, c.mention_begin);
      m.end = c.end;
      m.cp_begin = CodePointOffset(s, m.begin);
      m.cp_end = m.cp_begin + CodePointCount(Text(m.begin, m.end));
      m.sentence = si;
      m.text = std::string(Text(m.begin, m.end));
      m.canonical = c.canonical;
      if (m.canonical.empty() && m.type == EntityType::kPerson) {
        m.canonical = WithoutNickname(c);  // 'Jane "JD" Doe' is Jane Doe
      }
      m.rule = c.rule;
      chunk_to_mention[i] = static_cast<int32_t>(out_.mentions.size());
      out_.mentions.push_back(std::move(m));
    }
    ApplyRelationRules(si, s, chunks, chunk_to_mention);
    for (; line_relation_next_ < line_relations_.size() &&
           line_relations_[line_relation_next_].sentence <= si;
         ++line_relation_next_) {
      const LineRelation& r = line_relations_[line_relation_next_];
      if (r.sentence != si) continue;
      bool narrator_subject = r.subject_begin == kNarratorBegin;
      int32_t subject = narrator_subject ? kNarrator : -1, object = -1;
      for (size_t i = 0; i < chunks.size(); ++i) {
        if (chunk_to_mention[i] < 0) continue;
        if (chunks[i].begin == r.subject_begin) subject = chunk_to_mention[i];
        if (chunks[i].begin == r.object_begin) object = chunk_to_mention[i];
      }
      if ((!narrator_subject && subject < 0) || object < 0 ||
          Stated(r.relation, subject, object, si)) {
        continue;
      }
      out_.relations.push_back({r.relation, subject, object, "", si, r.rule});
    }
  }

  const TokenizedDocument& doc_;
  const RuleSet& rules_;
  const ExtractOptions& options_;
  std::map<std::string, std::pair<int, std::string>> document_types_;  // folded name -> type
  // Surnames that are also words ("Player", "Hall"), of people named in full: folded -> type.
  std::map<std::string, std::pair<int, std::string>> word_surnames_;
  Extraction out_;
  std::string previous_slotted_;    // the last sentence as the relation rules saw it
  std::vector<bool> is_narrator_;   // per token: a first-person pronoun
  mutable QuoteMarks quote_marks_;  // of the sentence InsideQuotes last looked at
  int narrator_count_ = 0;
  std::map<uint32_t, std::string> programme_items_;       // sentence -> TALK kind
  std::set<uint32_t> narrator_items_;                     // programme items the narrator gave
  static constexpr uint32_t kNarratorBegin = UINT32_MAX;  // a LineRelation's narrator subject
  // Relations stated by the shape of a programme line, by the first byte of their endpoints'
  // chunks (chunk indexes change as later rules add chunks).
  struct LineRelation {
    uint32_t sentence, subject_begin, object_begin;
    std::string relation, rule;
  };
  std::vector<LineRelation> line_relations_;  // in sentence order
  size_t line_relation_next_ = 0;             // the first one not yet emitted
};

Extraction Extract(const TokenizedDocument& doc, const RuleSet& rules,
                   const ExtractOptions& options) {
  return Extractor(doc, rules, options).Run();
}

}  // namespace kg

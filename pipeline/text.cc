#include "pipeline/text.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iterator>

namespace kg {

// Returns the byte offset of the first malformed UTF-8 sequence, or npos. Strict: rejects
// overlong forms, surrogates and code points above U+10FFFF, as RFC 3629 requires.
size_t FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    // Word lists and documents are mostly ASCII: skip it 8 bytes at a time.
    if (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if ((w & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + len > n) return i;
    if (p[i + 1] < lo || p[i + 1] > hi) return i;
    for (size_t k = 2; k < len; ++k) {
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

namespace {

// Control characters that never occur in a text report: their presence means binary data.
size_t FindBinaryByte(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') return i;
    if (c == 0x7F) return i;
  }
  return std::string_view::npos;
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Decodes one code point of valid UTF-8 at s[i], advancing i.
UChar32 NextCodePoint(std::string_view s, size_t& i) {
  UChar32 c;
  int32_t idx = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), idx, static_cast<int32_t>(s.size()), c);
  i = static_cast<size_t>(idx);
  return c;
}

// What ShapeOf counts a code point as.
enum class CharClass : uint8_t { kLower, kUpper, kDigit, kSymbol, kOther, kMark };

CharClass ClassOf(UChar32 c) {
  if (u_isalpha(c)) return u_isupper(c) || u_istitle(c) ? CharClass::kUpper : CharClass::kLower;
  if (u_isdigit(c)) return CharClass::kDigit;
  int8_t type = u_charType(c);
  if (type == U_MATH_SYMBOL || type == U_OTHER_SYMBOL || type == U_CURRENCY_SYMBOL ||
      type == U_MODIFIER_SYMBOL) {
    return CharClass::kSymbol;
  }
  if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK) return CharClass::kMark;
  return CharClass::kOther;
}

Shape ShapeOf(std::string_view word) {
  // Most tokens are ASCII: their classes come from a table ICU filled (four ICU calls a byte
  // otherwise).
  static const std::array<CharClass, 128> kAscii = [] {
    std::array<CharClass, 128> table;
    for (UChar32 c = 0; c < 128; ++c) table[static_cast<size_t>(c)] = ClassOf(c);
    return table;
  }();
  int letters = 0, upper = 0, digits = 0, others = 0, symbols = 0;
  int trailing_digits = 0;  // digits after the last letter
  bool first_letter_upper = false, seen_letter = false;
  size_t i = 0;
  while (i < word.size()) {
    auto byte = static_cast<unsigned char>(word[i]);
    CharClass cc;
    if (byte < 0x80) {
      cc = kAscii[byte];
      ++i;
    } else {
      cc = ClassOf(NextCodePoint(word, i));
    }
    if (cc == CharClass::kLower || cc == CharClass::kUpper) {
      bool is_upper = cc == CharClass::kUpper;
      if (!seen_letter) first_letter_upper = is_upper;
      seen_letter = true;
      ++letters;
      if (is_upper) ++upper;
      trailing_digits = 0;
    } else if (cc == CharClass::kDigit) {
      ++digits;
      ++trailing_digits;
    } else if (cc == CharClass::kSymbol) {
      ++symbols;
    } else if (cc == CharClass::kOther) {
      ++others;
    }
  }
  if (letters == 0 && digits == 0) return symbols > 0 ? Shape::kSymbol : Shape::kPunct;
  if (letters == 0) return others == 0 ? Shape::kDigits : Shape::kAlnum;
  // "RSECon23", "PyCon2019": a name and its edition's year, written as one word, is a name.
  const bool name_and_year = first_letter_upper && letters >= 3 && others == 0 && symbols == 0 &&
                             digits == trailing_digits && (digits == 2 || digits == 4) &&
                             upper >= 2 && upper < letters;
  if (digits > 0 && !name_and_year) return Shape::kAlnum;
  if (name_and_year) return Shape::kMixed;
  if (first_letter_upper) {
    if (upper == letters && letters >= 2) return Shape::kAllCaps;
    if (upper == 1) return Shape::kCapitalized;
    return Shape::kMixed;
  }
  return upper > 0 ? Shape::kMixed : Shape::kLower;
}

bool EndsWithPossessive(std::string_view w) {
  if (w.size() > 2 && (w.ends_with("'s") || w.ends_with("'S"))) return true;
  return w.size() > 4 && w.ends_with("\xE2\x80\x99s");  // ’s
}

struct Line {
  size_t begin, end;  // without the line break
  uint32_t length;    // code points, trailing spaces not counted
};

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\f') return false;
  }
  return true;
}

std::string_view TrimLeft(std::string_view s) {
  size_t i = s.find_first_not_of(" \t");
  return i == std::string_view::npos ? std::string_view() : s.substr(i);
}

std::string_view TrimRight(std::string_view s) {
  size_t end = s.find_last_not_of(" \t\r\f");
  return end == std::string_view::npos ? std::string_view() : s.substr(0, end + 1);
}

// A Markdown heading line: "## Day two".
bool IsMarkdownHeading(std::string_view line) { return TrimLeft(line).starts_with("#"); }

// Whether the line opens a list item: "- ", "* ", "+ ", "•", "1. ", "12) ".
bool OpensListItem(std::string_view line) {
  std::string_view rest = TrimLeft(line);
  if (rest.size() >= 2 && (rest[0] == '-' || rest[0] == '*' || rest[0] == '+') && rest[1] == ' ')
    return true;
  if (rest.starts_with("\xE2\x80\xA2")) return true;  // •
  size_t d = 0;
  while (d < rest.size() && d < 3 && rest[d] >= '0' && rest[d] <= '9') ++d;
  return d > 0 && d + 1 < rest.size() && (rest[d] == '.' || rest[d] == ')') && rest[d + 1] == ' ';
}

bool Contains(const std::vector<std::string>& list, std::string_view word) {
  for (const std::string& w : list) {
    if (w == word) return true;
  }
  return false;
}

// A heading: a line without closing punctuation that stands alone (a blank line or the end of
// the text follows). Title lines of reports and section headings look like this. A line ending
// in a legal form after a space ("Jane Doe, Acme Sp. z o.o.": lexicon/legal_form_endings.txt)
// has no final punctuation of its own.
bool LooksLikeHeading(std::string_view line, const TokenizerLexicon& lex) {
  line = TrimRight(line);
  if (line.empty()) return false;
  for (const std::string& form : lex.legal_form_endings) {
    if (line.size() > form.size() && line.ends_with(form) &&
        line[line.size() - form.size() - 1] == ' ') {
      return true;
    }
  }
  char last = line.back();
  return last != '.' && last != '!' && last != '?' && last != ':' && last != ';' && last != ',';
}

// Words that end no title or list line but often end a hard-wrapped line: "the keynote by" is
// continued by "Jane Doe" on the next line (lexicon/line_wrap_words.txt).
bool IsFunctionWord(std::string_view w, const TokenizerLexicon& lex) {
  return Contains(lex.line_wrap_words, w);
}

// Calls f(word) for each word of `line`: a run of letters, digits, hyphens and apostrophes.
template <typename F>
void ForEachWord(std::string_view line, F f) {
  size_t start = 0, i = 0;
  bool in_word = false;
  while (i < line.size()) {
    size_t at = i;
    UChar32 c = NextCodePoint(line, i);
    bool word_char = u_isalnum(c) || c == '\'' || c == '-' || c == 0x2019;
    if (word_char && !in_word) start = at;
    if (!word_char && in_word) f(line.substr(start, at - start));
    in_word = word_char;
  }
  if (in_word) f(line.substr(start));
}

UChar32 FirstCodePoint(std::string_view s) {
  size_t i = 0;
  return s.empty() ? U_SENTINEL : NextCodePoint(s, i);
}

bool EndsWithFunctionWord(std::string_view line, const TokenizerLexicon& lex) {
  std::string_view last;
  ForEachWord(line, [&](std::string_view w) { last = w; });
  return IsFunctionWord(last, lex);
}

// Title case: at least three quarters of the words that are not function words start with a
// capital ("Jane Doe (Acme) - Building Fast Parsers for Modern Languages"). Prose, even prose
// full of names, does not.
bool LooksLikeTitle(std::string_view line, const TokenizerLexicon& lex) {
  int words = 0, capitalised = 0;
  ForEachWord(line, [&](std::string_view w) {
    UChar32 c = FirstCodePoint(w);
    if (!u_isalpha(c) || IsFunctionWord(w, lex)) return;
    ++words;
    capitalised += u_isupper(c) || u_istitle(c);
  });
  // "... took place in Arusha, Tanzania, at the Arusha International Conference": names make
  // a sentence's line mostly capitalised; a comma and lower-case words say it is running text.
  if (words - capitalised >= 2 && line.find(", ") != std::string_view::npos) return false;
  return words >= 2 && capitalised * 4 >= words * 3;
}

// Code points up to the first space of `line` (leading spaces skipped).
uint32_t FirstWordLength(std::string_view line) {
  line = TrimLeft(line);
  return CodePointCount(line.substr(0, std::min(line.find_first_of(" \t"), line.size())));
}

// Hard wrapping fills a line to near the wrap width, so a paragraph with lines this long (code
// points) may be hard-wrapped; a list of short lines is not.
constexpr uint32_t kMinWrapWidth = 60;

// "Ida Holm | Kivuko | Fast Parsers", "| a | b |": a row of a table typed as text.
bool IsTableRow(std::string_view line) {
  line = TrimLeft(line);
  return line.starts_with('|') || line.find(" | ") != std::string_view::npos;
}

// Whether line `next` continues the block whose first line is `first` and whose last line so far
// is `prev`; `longest` is the length of the longest line of the paragraph (the run of lines
// between blank lines). Otherwise `next` opens a new block: a list item, a heading, or a line of
// a list whose lines have no closing punctuation ("Jane Doe - Building Fast Parsers").
// Whether `line` leaves a double quotation open ("... and "Teaching Python in Senior High"
// wrapped before "Schools" by Ana"): an odd number of straight quotes, or more opening curly
// quotes than closing ones.
bool LeavesQuoteOpen(std::string_view line) {
  size_t straight = 0, open = 0, close = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '"') ++straight;
    if (line.compare(i, 3, "\xE2\x80\x9C") == 0) ++open;
    if (line.compare(i, 3, "\xE2\x80\x9D") == 0) ++close;
  }
  return straight % 2 == 1 || open > close;
}

// "Gold sponsors: Acme and Kivuko": a line opened by a label of one to four words, the first
// capitalised, and a colon. Two such lines in a row are fields of a list, however long.
bool StartsWithLabel(std::string_view line) {
  line = TrimLeft(line);
  if (!u_isupper(FirstCodePoint(line))) return false;
  int words = 1;
  size_t i = 0;
  while (i < line.size()) {
    size_t at = i;
    UChar32 c = NextCodePoint(line, i);
    if (c == ':') return i == line.size() || line[i] == ' ' || line[i] == '\t';
    if (c == ' ') {
      if (++words > 4 || (i < line.size() && line[i] == ' ')) return false;
    } else if (!u_isalnum(c) && c != '-' && c != '&' && c != '\'' && c != 0x2019) {
      return false;
    }
    if (at > 80) return false;
  }
  return false;
}

// Whether `line` opens with a clock time, as a schedule's lines do ("09:00  Keynote  ...",
// "13:30 - Lunch"): "H:MM" or "HH:MM", then the line's end, a dash, or a space and no
// lower-case word.
bool OpensWithTime(std::string_view line) {
  line = TrimLeft(line);
  size_t i = 0;
  while (i < line.size() && i < 2 && line[i] >= '0' && line[i] <= '9') ++i;
  if (i == 0 || i + 3 > line.size() || line[i] != ':') return false;
  if (line[i + 1] < '0' || line[i + 1] > '5' || line[i + 2] < '0' || line[i + 2] > '9') {
    return false;
  }
  i += 3;
  if (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '-' &&
      !line.substr(i).starts_with("\xE2\x80\x93")) {
    return false;
  }
  // "... a little before\n13:30 and walked on": a wrapped sentence goes on in lower case.
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  return i == line.size() || !u_islower(FirstCodePoint(line.substr(i)));
}

// "Ana Lima (Acme) — keynote, "Fast Parsers"": a line of a list whose lines pair a name and a
// note with a spaced dash: it opens in upper case and ends with no full stop, comma or semicolon.
bool IsDashedListLine(std::string_view line) {
  line = TrimRight(TrimLeft(line));
  if (line.empty() || !u_isupper(FirstCodePoint(line))) return false;
  const char last = line.back();
  if (last == '.' || last == ',' || last == ';') return false;
  return line.find(" \xE2\x80\x94 ") != std::string_view::npos ||
         line.find(" \xE2\x80\x93 ") != std::string_view::npos ||
         line.find(" - ") != std::string_view::npos;
}

bool ContinuesBlock(std::string_view first, std::string_view prev, uint32_t prev_length,
                    std::string_view next, uint32_t longest, const TokenizerLexicon& lex) {
  if (IsMarkdownHeading(prev) || IsMarkdownHeading(next) || OpensListItem(next)) return false;
  if (IsTableRow(prev) || IsTableRow(next)) return false;  // each row is a line of its own
  if (OpensWithTime(next)) return false;                   // a schedule's line
  if (LeavesQuoteOpen(prev)) return true;                  // a title wrapped inside its quotes
  std::string_view rest = TrimLeft(next);
  if (u_islower(FirstCodePoint(rest))) return true;  // a sentence goes on in lower case
  if (OpensListItem(first) && rest.size() < next.size()) return true;  // indented: same item
  if (StartsWithLabel(prev) && StartsWithLabel(next)) return false;    // "Gold: A" | "Silver: B"
  // "Ana Lima — keynote, "T"" | "Bo Lund (Acme) — "U"": lines of a list, not a wrapped sentence.
  if (IsDashedListLine(prev) && IsDashedListLine(next)) return false;
  // "." "!" "?" "," ";": ICU decides. ":" is like no punctuation: "Talks I saw:" over a list.
  if (!LooksLikeHeading(prev, lex) && !TrimRight(prev).ends_with(':')) return true;
  if (EndsWithFunctionWord(prev, lex)) return true;  // "the keynote by" | "Jane Doe ..."
  // A line filled to the paragraph's width (the next word would not have fitted, give or take a
  // tenth) ends where a hard wrap broke a sentence, unless it reads like a title.
  bool filled =
      longest >= kMinWrapWidth && prev_length + 1 + FirstWordLength(next) > longest - longest / 10;
  return filled && !LooksLikeTitle(prev, lex);
}

// The sentence splitter's lists (lexicon/*.txt, TokenizerLexicon):
//  - abbreviations.txt never end a sentence, even before a capital ("Dr. Jane Doe", "approx. 300
//    Rust fans", "Sp. z o.o."). With the initials A. to Z. ("David L. Lawrence") they go to
//    ICU's filter (FilteredBreakIteratorBuilder), which ICU's sentence rules run behind. The
//    filter matches an entry against whatever precedes the break, with no word boundary (a bare
//    "Ms." would glue "We compared LLMs. Then ..."), so each entry is registered behind a space
//    and behind "(", and ICU reads each block behind a space. ICU's own English list
//    ("en@ss=standard") is not used: it lacks "Dr.", "St." and lower-case "approx.", and holds
//    "Joe.", "Go.", "OK.", "DC." and single capitals, which glue "We met Joe. He ..." and "She
//    is the CEO. Then ...".
//  - dotted_abbreviations.txt ("e.g.") never end one either, but ICU 72's filter suppresses no
//    break after an entry with an inner period (it only tries the break after the first one),
//    so they are checked by hand (AbbreviationBeforeBreak), like the next list.
//  - maybe_final_abbreviations.txt ("Acme Inc.", "the U.S.") end a sentence only when one of
//    sentence_openers.txt follows ("The", "We"), not in "Acme Inc. CEO Jane Doe".

bool IsSentenceOpener(std::string_view w, const TokenizerLexicon& lex) {
  return Contains(lex.sentence_openers, w);
}

// Whether a sentence break at `b` comes right after one of the dotted abbreviations, or after one
// of the maybe-final abbreviations that no sentence-opening word follows.
bool AbbreviationBeforeBreak(std::string_view block, size_t b, const TokenizerLexicon& lex) {
  std::string_view before = TrimRight(block.substr(0, b));
  auto ends_with_word = [&](std::string_view a) {
    if (!before.ends_with(a)) return false;
    size_t start = before.size() - a.size();
    return start == 0 || before[start - 1] == ' ' || before[start - 1] == '(';
  };
  for (const std::string& a : lex.dotted_abbreviations) {
    if (ends_with_word(a)) return true;
  }
  // "Is the Stack Dead? with Wei Zhang", "Really?! asked Ana": a question or exclamation that
  // a word of attribution or a preposition continues ends no sentence (ICU breaks after "?"
  // and "!" regardless); "hi all! short recap" does. The words: sentence_continuations.txt.
  // '"Who Pays?" (Eva Rho)': a quoted title that ends in "?" and the bracket after it are one
  // line of a programme.
  std::string_view unquoted = before;
  bool quoted = false;
  for (std::string_view q : {"\"", "\xE2\x80\x9D", "\xE2\x80\x99", "'", "\xC2\xBB"}) {
    if (unquoted.ends_with(q)) {
      unquoted.remove_suffix(q.size());
      quoted = true;
      break;
    }
  }
  if (!unquoted.empty() && (unquoted.back() == '?' || unquoted.back() == '!')) {
    std::string_view after = TrimLeft(block.substr(b));
    if (quoted && (after.starts_with('(') || after.starts_with('['))) return true;
    // "Who Owns the Pager? (panel) - Jess Lund": a bracketed note in lower case.
    if ((after.starts_with('(') || after.starts_with('[')) && after.size() > 1 &&
        std::islower(static_cast<unsigned char>(after[1]))) {
      return true;
    }
    size_t n = 0;
    while (n < after.size() && std::isalpha(static_cast<unsigned char>(after[n]))) ++n;
    if (Contains(lex.sentence_continuations, after.substr(0, n))) return true;
  }
  for (const std::string& a : lex.maybe_final_abbreviations) {
    if (ends_with_word(a)) {
      std::string_view after = TrimLeft(block.substr(b));
      size_t n = 0;
      while (n < after.size() && std::isalpha(static_cast<unsigned char>(after[n]))) ++n;
      return !IsSentenceOpener(after.substr(0, n), lex);
    }
  }
  return false;
}

// "great night. she showed ...": writers who start sentences in lower case. ICU never breaks
// before a lower-case word (for "approx. 300 people"); a full stop or "!" after a word of two
// letters or more that is no abbreviation (lower_case_no_end.txt, abbreviations.txt,
// maybe_final_abbreviations.txt), then a space and a lower-case letter, ends a sentence here.
// Breaks are added in order into `bounds` (sorted, first 0).
void AddLowerCaseSentenceStarts(std::string_view block, std::vector<size_t>* bounds,
                                const TokenizerLexicon& lex) {
  std::vector<size_t> added;
  for (size_t p = 2; p + 2 < block.size(); ++p) {
    if ((block[p] != '.' && block[p] != '!') || block[p + 1] != ' ' ||
        !std::islower(static_cast<unsigned char>(block[p + 2]))) {
      continue;
    }
    // After a closing quote or bracket: 'with "async Rust". she showed'.
    char prev = block[p - 1];
    if (prev == '"' || prev == ')' || block.substr(0, p).ends_with("\xE2\x80\x9D")) {
      added.push_back(p + 2);
      continue;
    }
    if (!std::isalpha(static_cast<unsigned char>(prev))) continue;
    size_t w = p;
    while (w > 0 && std::isalpha(static_cast<unsigned char>(block[w - 1]))) --w;
    std::string_view word = block.substr(w, p - w);
    if (word.size() < 2 || (w > 0 && block[w - 1] == '.')) continue;  // "e.g." "A."
    std::string lower(word);
    for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (Contains(lex.lower_case_no_end, lower)) continue;
    std::string dotted = std::string(word) + ".";  // "Sp. z o.o.", "Dr. who"
    if (Contains(lex.abbreviations, dotted) || Contains(lex.maybe_final_abbreviations, dotted)) {
      continue;
    }
    if (block[p] == '!' && AbbreviationBeforeBreak(block, p + 2, lex)) continue;
    added.push_back(p + 2);
  }
  if (added.empty()) return;
  std::vector<size_t> merged;
  std::merge(bounds->begin(), bounds->end(), added.begin(), added.end(),
             std::back_inserter(merged));
  merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
  *bounds = std::move(merged);
}

// "1. " or "12) ": a list item's number, which ICU takes for a sentence of its own.
bool IsListNumber(std::string_view piece) {
  size_t i = piece.find_first_not_of(" \t");
  if (i == std::string_view::npos) return false;
  size_t d = i;
  while (d < piece.size() && std::isdigit(static_cast<unsigned char>(piece[d]))) ++d;
  if (d == i || d - i > 3 || d >= piece.size() || (piece[d] != '.' && piece[d] != ')')) {
    return false;
  }
  return piece.find_first_not_of(" \t", d + 1) == std::string_view::npos;
}

UChar32 CodePointBefore(std::string_view s, size_t i) {
  if (i == 0) return U_SENTINEL;
  UChar32 c;
  int32_t idx = static_cast<int32_t>(i);
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, idx, c);
  return c;
}

UChar32 CodePointAt(std::string_view s, size_t i) {
  return i < s.size() ? NextCodePoint(s, i) : U_SENTINEL;
}

bool IsSpace(UChar32 c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

// The quotations open at some point of a sentence: “…”, ‘…’, «…», "…" and Markdown *…* / **…**.
struct Quotes {
  int curly = 0, single = 0, guillemets = 0;
  bool ascii = false, star = false;

  bool open() const { return curly > 0 || single > 0 || guillemets > 0 || ascii || star; }

  // Takes the quotation mark at s[i] into account; returns its end, or i when s[i] is none
  // (or a ’ that is an apostrophe, or a * that is a bullet or a multiplication sign).
  size_t Step(std::string_view s, size_t i, bool close_only) {
    size_t j = i;
    UChar32 c = NextCodePoint(s, j);
    switch (c) {
      case 0x201C:  // “
        if (close_only) return i;
        ++curly;
        return j;
      case 0x201D:  // ”
        if (curly == 0) return i;
        --curly;
        return j;
      case 0x2018:  // ‘
        if (close_only) return i;
        ++single;
        return j;
      case 0x2019:  // ’, unless an apostrophe ("Zoë’s")
        if (single == 0 || u_isalpha(CodePointAt(s, j))) return i;
        --single;
        return j;
      case 0x00AB:  // «
        if (close_only) return i;
        ++guillemets;
        return j;
      case 0x00BB:  // »
        if (guillemets == 0) return i;
        --guillemets;
        return j;
      case '"':
        if (close_only && !ascii) return i;
        ascii = !ascii;
        return j;
      case '*': {
        while (j < s.size() && s[j] == '*') ++j;
        UChar32 before = CodePointBefore(s, i), after = CodePointAt(s, j);
        bool can_close = before != U_SENTINEL && !IsSpace(before);
        bool can_open = (before == U_SENTINEL || IsSpace(before) || u_ispunct(before)) &&
                        after != U_SENTINEL && !IsSpace(after);
        if (star && can_close) {
          star = false;
        } else if (!star && can_open && !close_only) {
          star = true;
        } else {
          return i;
        }
        return j;
      }
      default:
        return i;
    }
  }

  // Whether a quotation that is open closes in the 300 bytes from s[i] on.
  bool ClosesSoon(std::string_view s, size_t i) const {
    std::string_view ahead = s.substr(i, 300);
    return (curly > 0 && ahead.find("\xE2\x80\x9D") != std::string_view::npos) ||
           (single > 0 && ahead.find("\xE2\x80\x99") != std::string_view::npos) ||
           (guillemets > 0 && ahead.find("\xC2\xBB") != std::string_view::npos) ||
           (ascii && ahead.find('"') != std::string_view::npos) ||
           (star && ahead.find('*') != std::string_view::npos);
  }
};

// The quotations open after scanning a sentence from `from` up to `pos`. Kept across the ICU
// breaks of one sentence, so that breaks refused inside a long quotation do not rescan the
// sentence from its start each time (quadratic: `““Go now. ” ` 32,000 times took 28 s).
struct QuoteScan {
  size_t from = std::string_view::npos, pos = 0;
  Quotes quotes;

  // The quotations open at `t`, a code point boundary at or after `from`.
  const Quotes& At(std::string_view block, size_t sentence_from, size_t t) {
    if (from != sentence_from || pos > t) {
      from = pos = sentence_from;
      quotes = Quotes();
    }
    while (pos < t) {
      size_t next = quotes.Step(block, pos, false);
      if (next == pos) NextCodePoint(block, next);  // not a quotation mark: step over it
      pos = next;
    }
    return quotes;
  }
};

// Where a sentence that starts at `from` ends, given ICU's break at `b`, or npos for no break
// there. A sentence end inside a quotation is none when the quotation goes on (“Is It Done? A
// Story”) or when a lower-case word follows its closing mark (`a talk called "Why Not Rust?" and
// everyone loved it`); else the sentence ends after the closing marks (`He asked "why?" Then`).
// `scan` carries the quotation state of the sentence from one call to the next.
size_t QuoteAwareBreak(std::string_view block, size_t from, size_t b, QuoteScan* scan) {
  // Back over spaces and closing marks to the sentence terminator.
  size_t t = b;
  while (t > from) {
    UChar32 c = CodePointBefore(block, t);
    if (!IsSpace(c) && c != '*' && c != '_' &&
        u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK) != U_SB_CLOSE) {
      break;
    }
    t -= static_cast<size_t>(U8_LENGTH(c));
  }
  if (t == from) return b;
  int32_t kind = u_getIntPropertyValue(CodePointBefore(block, t), UCHAR_SENTENCE_BREAK);
  if (kind != U_SB_STERM && kind != U_SB_ATERM) return b;
  Quotes q = scan->At(block, from, t);  // a copy: the closing marks below are this break's
  if (!q.open()) return b;
  // The closing marks right after the terminator.
  size_t i = t;
  for (size_t next; i < block.size() && (next = q.Step(block, i, true)) > i;) i = next;
  if (i == t || q.open()) return q.ClosesSoon(block, i) ? std::string_view::npos : b;
  while (i < block.size() && IsSpace(static_cast<unsigned char>(block[i]))) ++i;
  return u_islower(CodePointAt(block, i)) ? std::string_view::npos : i;
}

}  // namespace

uint32_t CodePointCount(std::string_view utf8) {
  uint32_t n = 0;
  for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string DescribeUtf16(std::string_view head) {
  if (head.starts_with("\xFF\xFE")) return "UTF-16LE text (byte-order mark FF FE)";
  if (head.starts_with("\xFE\xFF")) return "UTF-16BE text (byte-order mark FE FF)";
  head = head.substr(0, 512);
  if (head.size() < 8) return "";
  size_t nul[2] = {0, 0}, ascii[2] = {0, 0};
  for (size_t i = 0; i + 1 < head.size(); i += 2) {
    for (size_t k = 0; k < 2; ++k) {
      unsigned char c = static_cast<unsigned char>(head[i + k]);
      nul[k] += c == 0;
      ascii[k] += c >= 0x09 && c < 0x80;
    }
  }
  const size_t units = head.size() / 2;
  if (nul[1] * 10 >= units * 9 && ascii[0] * 10 >= units * 9) {
    return "UTF-16LE text (no byte-order mark)";
  }
  if (nul[0] * 10 >= units * 9 && ascii[1] * 10 >= units * 9) {
    return "UTF-16BE text (no byte-order mark)";
  }
  return "";
}

std::string EscapeControls(std::string_view message) {
  size_t bad = FindInvalidUtf8(message);
  bool plain = bad == std::string_view::npos;
  for (size_t i = 0; plain && i < message.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(message[i]);
    plain = c >= 0x20 && c != 0x7f;
  }
  if (plain) return std::string(message);
  std::string out;
  for (size_t i = 0; i < message.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(message[i]);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7f || (i >= bad && c >= 0x80)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

void MappedText::AddRun(size_t length, SourceRun run) {
  if (length == 0) return;
  run.begin = static_cast<uint32_t>(text.size());
  if (!runs.empty()) {
    const SourceRun& last = runs.back();
    if (run.exact && last.exact && last.src_begin + (run.begin - last.begin) == run.src_begin) {
      return;  // continues the last exact run
    }
    if (!run.exact && !last.exact && last.src_begin == run.src_begin &&
        last.src_end == run.src_end) {
      return;  // the same inexact source (or none)
    }
  }
  runs.push_back(run);
}

void MappedText::Append(std::string_view s, uint32_t src_begin) {
  AddRun(s.size(), {0, src_begin, static_cast<uint32_t>(src_begin + s.size()), true});
  text.append(s);
}

void MappedText::AppendSpan(std::string_view s, uint32_t src_begin, uint32_t src_end) {
  AddRun(s.size(), {0, src_begin, src_end, false});
  text.append(s);
}

void MappedText::AppendUnmapped(std::string_view s) {
  AddRun(s.size(), {});
  text.append(s);
}

void MappedText::AppendSlice(const MappedText& from, size_t b, size_t e) {
  e = std::min(e, from.text.size());
  if (b >= e) return;
  auto it = std::upper_bound(from.runs.begin(), from.runs.end(), b,
                             [](size_t v, const SourceRun& r) { return v < r.begin; });
  if (it == from.runs.begin()) {  // no map at all
    AppendUnmapped(std::string_view(from.text).substr(b, e - b));
    return;
  }
  for (--it; b < e; ++it) {
    size_t run_end = it + 1 == from.runs.end() ? from.text.size() : (it + 1)->begin;
    size_t piece_end = std::min(e, run_end);
    std::string_view piece = std::string_view(from.text).substr(b, piece_end - b);
    if (it->src_begin == SourceRun::kNoSource) {
      AppendUnmapped(piece);
    } else if (it->exact) {
      Append(piece, static_cast<uint32_t>(it->src_begin + (b - it->begin)));
    } else {
      AppendSpan(piece, it->src_begin, it->src_end);
    }
    b = piece_end;
  }
}

void MappedText::ComposeWith(const std::vector<SourceRun>& outer) {
  if (outer.size() == 1 && outer[0].begin == 0 && outer[0].exact) {  // a shift (the usual case)
    for (SourceRun& r : runs) {
      if (r.src_begin == SourceRun::kNoSource) continue;
      r.src_begin += outer[0].src_begin;
      r.src_end += outer[0].src_begin;
    }
    return;
  }
  for (size_t i = 0; i < runs.size(); ++i) {
    SourceRun& r = runs[i];
    if (r.src_begin == SourceRun::kNoSource) continue;
    if (r.exact) {  // merged exact runs keep their first piece's end: recompute it
      size_t end = i + 1 < runs.size() ? runs[i + 1].begin : text.size();
      r.src_end = static_cast<uint32_t>(r.src_begin + (end - r.begin));
    }
    uint32_t b = 0, e = 0;
    if (!SourceRange(outer, r.src_begin, r.src_end, &b, &e)) {
      r.src_begin = r.src_end = SourceRun::kNoSource;
      r.exact = false;
      continue;
    }
    // Still exact when the whole source range lies in one exact run of `outer`.
    r.exact = r.exact && e - b == r.src_end - r.src_begin;
    r.src_begin = b;
    r.src_end = e;
  }
}

bool SourceRange(const std::vector<SourceRun>& map, uint32_t begin, uint32_t end,
                 uint32_t* src_begin, uint32_t* src_end) {
  if (map.empty() || end <= begin) return false;
  auto run_of = [&map](uint32_t at) {
    auto it = std::upper_bound(map.begin(), map.end(), at,
                               [](uint32_t v, const SourceRun& r) { return v < r.begin; });
    return it == map.begin() ? map.end() : it - 1;
  };
  auto first = run_of(begin), last = run_of(end - 1);
  if (first == map.end() || last == map.end() || first->src_begin == SourceRun::kNoSource ||
      last->src_begin == SourceRun::kNoSource) {
    return false;
  }
  *src_begin = first->exact ? first->src_begin + (begin - first->begin) : first->src_begin;
  *src_end = last->exact ? last->src_begin + (end - last->begin) : last->src_end;
  return *src_begin < *src_end;
}

namespace {

// The map of NFC text to the bytes it came from (`offset` is the first byte's place in the
// file): NFC never changes across ASCII whitespace, so words that it left alone map exactly
// and the others to their whole original word.
std::vector<SourceRun> NfcMap(const icu::Normalizer2& nfc, std::string_view bytes, uint32_t offset,
                              const std::string& normalized) {
  MappedText m;
  auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  };
  for (size_t pos = 0; pos < bytes.size();) {
    size_t end = pos;
    const bool space = is_space(bytes[pos]);
    while (end < bytes.size() && is_space(bytes[end]) == space) ++end;
    std::string_view word = bytes.substr(pos, end - pos);
    const uint32_t src = static_cast<uint32_t>(offset + pos);
    if (space || IsAscii(word)) {
      m.Append(word, src);
    } else {
      UErrorCode err = U_ZERO_ERROR;
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(
          icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
      std::string out;
      nfc.normalize(u, err).toUTF8String(out);
      if (out == word) {
        m.Append(word, src);
      } else {
        m.AppendSpan(out, src, static_cast<uint32_t>(src + word.size()));
      }
    }
    pos = end;
  }
  if (m.text != normalized) {  // never expected: the whole text maps to the whole file
    return {{0, offset, static_cast<uint32_t>(offset + bytes.size()), false}};
  }
  return std::move(m.runs);
}

}  // namespace

Status IcuStatus(std::string_view what, UErrorCode code) {
  if (U_SUCCESS(code)) return Status::Ok();
  return Status::Internal(std::string(what) + ": ICU error " + u_errorName(code));
}

Status MakeDocument(std::string source, std::string_view bytes, Document* doc) {
  doc->warning.clear();
  if (std::string utf16 = DescribeUtf16(bytes); !utf16.empty()) {
    return Status::InvalidInput(source + ": " + utf16 + "; expected UTF-8: convert it first " +
                                "(iconv -f UTF-16 -t UTF-8)");
  }
  if (size_t bad = FindInvalidUtf8(bytes); bad != std::string_view::npos) {
    return Status::InvalidInput(source + ": invalid UTF-8 at byte " + std::to_string(bad));
  }
  // Control characters: a NUL or many of them make binary data; a few strays are replaced.
  size_t strays = 0, first = std::string_view::npos;
  for (size_t i = FindBinaryByte(bytes); i < bytes.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    bool control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F;
    if (!control) continue;
    if (first == std::string_view::npos) first = i;
    ++strays;
    if (c == 0 || (strays >= 16 && static_cast<double>(strays) >
                                       kMaxControlShare * static_cast<double>(bytes.size()))) {
      size_t at = c == 0 ? i : first;
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[at]));
      return Status::InvalidInput(source + ": binary data (control byte " + hex + ") at byte " +
                                  std::to_string(at) + "; expected a text report");
    }
  }
  std::string repaired;
  if (strays > 0) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[first]));
    doc->warning = source + ": " + std::to_string(strays) + " stray control character" +
                   (strays == 1 ? "" : "s") + " replaced by spaces (the first, " + hex +
                   ", at byte " + std::to_string(first) + ")";
    repaired.assign(bytes);
    for (size_t i = first; i < repaired.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(repaired[i]);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) {
        repaired[i] = ' ';
      }
    }
    bytes = repaired;
  }
  uint32_t offset = 0;                      // the analysed text's first byte in the file
  if (bytes.starts_with("\xEF\xBB\xBF")) {  // a BOM is not text
    bytes.remove_prefix(3);
    offset = 3;
  }
  doc->id = std::move(source);
  doc->source_map.clear();
  if (!bytes.empty()) {
    doc->source_map.push_back({0, offset, static_cast<uint32_t>(offset + bytes.size()), true});
  }
  if (IsAscii(bytes)) {  // ASCII is always in NFC: skip ICU's UTF-16 round trip
    doc->text.assign(bytes);
    return Status::Ok();
  }
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return IcuStatus(doc->id + ": NFC normaliser", err);
  // Checked in UTF-8: text already in NFC (nearly all) needs no UTF-16 copy, which is twice
  // the text's size for a large document.
  const icu::StringPiece utf8(bytes.data(), static_cast<int32_t>(bytes.size()));
  if (nfc->isNormalizedUTF8(utf8, err) && U_SUCCESS(err)) {
    doc->text.assign(bytes);
    return Status::Ok();
  }
  err = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  icu::UnicodeString normalized = nfc->normalize(u, err);
  if (U_FAILURE(err)) return IcuStatus(doc->id + ": cannot normalise to NFC", err);
  doc->text.clear();
  normalized.toUTF8String(doc->text);
  doc->source_map = NfcMap(*nfc, bytes, offset, doc->text);
  return Status::Ok();
}

Status ReadFileBytes(const std::string& path, bool regular_only, std::string* bytes,
                     FileSystem* fs) {
  bytes->clear();
  std::unique_ptr<SequentialFile> file = StandardInput();
  if (path != "-") {
    FileInfo info;
    if (std::error_code ec = fs->Stat(path, &info)) {
      if (ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory) {
        return Status::NotFound(path + ": no such file");
      }
      return Status::InvalidInput(path + ": " + ec.message());
    }
    if (info.type == FileType::kDirectory) {
      return Status::InvalidInput(path + ": is a directory, not a file");
    }
    if (regular_only && info.type != FileType::kRegular) {
      return Status::InvalidInput(path + ": not a regular file");
    }
    if (std::error_code ec = fs->NewSequentialFile(path, &file)) {
      return Status::InvalidInput(path + ": cannot open: " + ec.message());
    }
  }
  if (std::error_code ec = ReadAll(*file, bytes)) {
    return Status::InvalidInput(path + ": cannot read: " + ec.message());
  }
  return Status::Ok();
}

Status ReadDocument(const std::string& path, Document* doc, FileSystem* fs) {
  std::string bytes;
  if (Status s = ReadFileBytes(path, /*regular_only=*/true, &bytes, fs); !s.ok()) return s;
  return MakeDocument(path, bytes, doc);
}

struct Tokenizer::Impl {
  std::shared_ptr<const TokenizerLexicon> lexicon;
  std::unique_ptr<icu::BreakIterator> words;
  // ICU's sentence rules behind a filter that suppresses breaks after lexicon->abbreviations.
  std::unique_ptr<icu::BreakIterator> sentences;
  // Reused for every document, so that tokenising allocates no more once warm.
  std::vector<Line> lines;
  struct Block {
    size_t begin, end;
    bool heading;
  };
  std::vector<Block> blocks;
  std::string icu_text;        // " " + a block, line breaks and tabs as spaces: what ICU reads
  std::vector<size_t> bounds;  // sentence boundaries in a block
};

Tokenizer::Tokenizer(std::shared_ptr<const TokenizerLexicon> lexicon)
    : impl_(std::make_unique<Impl>()) {
  if (lexicon == nullptr) {
    error_ = "no tokenizer lexicon (LoadTokenizerLexicon)";
    return;
  }
  impl_->lexicon = std::move(lexicon);
  UErrorCode err = U_ZERO_ERROR;
  impl_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), err));
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> filter;
  if (U_SUCCESS(err)) filter.reset(icu::FilteredBreakIteratorBuilder::createEmptyInstance(err));
  auto suppress = [&](std::string_view abbreviation) {
    for (std::string_view before : {" ", "("}) {
      std::string entry(before);
      entry += abbreviation;
      if (U_SUCCESS(err)) filter->suppressBreakAfter(icu::UnicodeString::fromUTF8(entry), err);
    }
  };
  for (const std::string& a : impl_->lexicon->abbreviations) suppress(a);
  for (char initial = 'A'; initial <= 'Z'; ++initial) suppress(std::string{initial, '.'});
  if (U_SUCCESS(err)) {
    icu::BreakIterator* plain =
        icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), err);
    if (U_SUCCESS(err)) {
      impl_->sentences.reset(filter->wrapIteratorWithFilter(plain, err));  // adopts plain
    } else {
      delete plain;
    }
  }
  if (U_FAILURE(err)) error_ = IcuStatus("ICU break iterators", err).message();
}

Tokenizer::~Tokenizer() = default;

TokenizedDocument Tokenizer::Tokenize(const Document& doc) {
  TokenizedDocument out;
  out.doc = &doc;
  if (!ok()) return out;
  std::string_view text = doc.text;
  const TokenizerLexicon& lex = *impl_->lexicon;

  // Code point offsets advance monotonically with byte offsets, so one running counter turns
  // every byte offset into a code point offset in linear time.
  size_t cp_byte = 0;
  uint32_t cp = 0;
  auto cp_at = [&](size_t byte) {
    if (byte < cp_byte) {  // never expected; restart for safety
      cp_byte = 0;
      cp = 0;
    }
    cp += CodePointCount(text.substr(cp_byte, byte - cp_byte));
    cp_byte = byte;
    return cp;
  };

  // Blocks: paragraphs (lines joined), headings, list items and the lines of unpunctuated lists.
  std::vector<Line>& lines = impl_->lines;
  lines.clear();
  for (size_t pos = 0; pos <= text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back({pos, nl, CodePointCount(TrimRight(text.substr(pos, nl - pos)))});
    pos = nl + 1;
  }
  auto line_text = [&](size_t k) {
    return text.substr(lines[k].begin, lines[k].end - lines[k].begin);
  };
  std::vector<Impl::Block>& blocks = impl_->blocks;
  blocks.clear();
  for (size_t i = 0; i < lines.size();) {
    if (IsBlank(line_text(i))) {
      ++i;
      continue;
    }
    // A paragraph: the run of lines [i, end) up to a blank line.
    size_t end = i;
    uint32_t longest = 0;
    for (; end < lines.size() && !IsBlank(line_text(end)); ++end) {
      longest = std::max(longest, lines[end].length);
    }
    for (size_t first = i, j = i + 1; j <= end; ++j) {
      if (j < end && ContinuesBlock(line_text(first), line_text(j - 1), lines[j - 1].length,
                                    line_text(j), longest, lex)) {
        continue;
      }
      // A heading is short: a long unpunctuated line is a paragraph (a quotation, say).
      bool heading =
          j == first + 1 && LooksLikeHeading(line_text(first), lex) && lines[first].length <= 120;
      blocks.push_back({lines[first].begin, lines[j - 1].end, heading});
      first = j;
    }
    i = end;
  }

  UErrorCode err = U_ZERO_ERROR;
  UText* ut = nullptr;
  UText* wt = nullptr;
  std::vector<size_t>& bounds = impl_->bounds;
  for (const Impl::Block& block : blocks) {
    // ICU ends a sentence at every line break; inside a block (a hard-wrapped paragraph) a
    // line break is a space. The leading space lets the filter's " Dr." match at the start.
    std::string& icu_text = impl_->icu_text;
    icu_text.assign(1, ' ');
    icu_text.append(text, block.begin, block.end - block.begin);
    for (char& ch : icu_text) {
      if (ch == '\n' || ch == '\r' || ch == '\t' || ch == '\f') ch = ' ';
    }
    std::string_view btext = std::string_view(icu_text).substr(1);  // offsets as in the block
    err = U_ZERO_ERROR;
    ut = utext_openUTF8(ut, icu_text.data(), static_cast<int64_t>(icu_text.size()), &err);
    if (U_FAILURE(err)) break;
    impl_->sentences->setText(ut, err);
    bounds.assign(1, 0);
    QuoteScan quote_scan;
    impl_->sentences->first();
    for (int32_t icu_b = impl_->sentences->next(); icu_b != icu::BreakIterator::DONE;
         icu_b = impl_->sentences->next()) {
      size_t b = icu_b > 0 ? static_cast<size_t>(icu_b) - 1 : 0;
      if (b >= btext.size()) break;
      size_t from = bounds.back();
      if (b <= from || AbbreviationBeforeBreak(btext, b, lex) ||
          IsListNumber(btext.substr(from, b - from))) {
        continue;  // "e.g. This", "Acme Inc. CEO", "1. First item": not an end
      }
      b = QuoteAwareBreak(btext, from, b, &quote_scan);
      if (b == std::string_view::npos || b <= from) continue;
      if (b >= btext.size()) break;
      bounds.push_back(b);
    }
    AddLowerCaseSentenceStarts(btext, &bounds, lex);
    bounds.push_back(btext.size());
    for (size_t k = 0; k + 1 < bounds.size(); ++k) {
      size_t sb = block.begin + bounds[k];
      size_t se = block.begin + bounds[k + 1];
      while (se > sb && std::isspace(static_cast<unsigned char>(text[se - 1]))) --se;
      if (se == sb) continue;
      Sentence sent;
      sent.begin = static_cast<uint32_t>(sb);
      sent.end = static_cast<uint32_t>(se);
      sent.is_heading = block.heading;
      sent.first_token = static_cast<uint32_t>(out.tokens.size());
      sent.cp_begin = cp_at(sb);
      std::string_view stext = text.substr(sb, se - sb);
      err = U_ZERO_ERROR;
      wt = utext_openUTF8(wt, stext.data(), static_cast<int64_t>(stext.size()), &err);
      impl_->words->setText(wt, err);
      int32_t start = impl_->words->first();
      for (int32_t end = impl_->words->next(); end != icu::BreakIterator::DONE;
           start = end, end = impl_->words->next()) {
        std::string_view w =
            stext.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
        if (IsBlank(w) || w == "\n") continue;
        size_t tb = sb + static_cast<size_t>(start), te = sb + static_cast<size_t>(end);
        auto push = [&](size_t b, size_t e, Shape shape) {
          Token t;
          t.begin = static_cast<uint32_t>(b);
          t.end = static_cast<uint32_t>(e);
          t.cp_begin = cp_at(b);
          t.cp_end = cp_at(e);
          t.shape = shape;
          out.tokens.push_back(t);
        };
        // ICU joins underscores to words; around a word they are plain-text emphasis
        // ("_Ten Years of Pipelines_"), marks of their own. Inside one (snake_case) they stay.
        size_t lead = w.find_first_not_of('_');
        size_t trail = lead == std::string_view::npos ? 0 : w.size() - 1 - w.find_last_not_of('_');
        if (lead == std::string_view::npos) lead = 0;
        const size_t cb = tb + lead, ce = te - trail;
        std::string_view core = w.substr(lead, w.size() - lead - trail);
        size_t split = ce;
        if (EndsWithPossessive(core)) split = ce - (core.ends_with("\xE2\x80\x99s") ? 4 : 2);
        if (cb != tb) push(tb, cb, Shape::kPunct);
        push(cb, split, ShapeOf(text.substr(cb, split - cb)));
        if (split != ce) push(split, ce, Shape::kPunct);  // the possessive "'s"
        if (ce != te) push(ce, te, Shape::kPunct);
      }
      sent.end_token = static_cast<uint32_t>(out.tokens.size());
      sent.cp_end = cp_at(se);
      if (sent.end_token > sent.first_token) out.sentences.push_back(sent);
    }
  }
  if (ut) utext_close(ut);
  if (wt) utext_close(wt);
  return out;
}

namespace {

// What the entries of a tokenizer list must look like.
enum class EntryForm {
  kWord,          // no space
  kFullStop,      // no space, ends with "."
  kOneFullStop,   // no space, ends with "." and holds no other (ICU's filter takes these)
  kLetters,       // ASCII letters
  kLowerLetters,  // ASCII letters, stored in lower case
};

// Reads one list of `data_dir`/lexicon/ (the rules in LoadTokenizerLexicon's comment).
Status LoadTokenizerList(const std::string& data_dir, const char* name, EntryForm form,
                         std::vector<std::string>* list, FileSystem* fs) {
  const std::string path = data_dir + "/lexicon/" + name;
  std::string data;
  if (Status s = ReadDataFile(fs, path, "word list", &data); !s.ok()) return s;
  std::string_view rest = data;
  for (size_t line_no = 1; !rest.empty(); ++line_no) {
    auto error = [&](const std::string& what) {
      return Status::Rules(path + ":" + std::to_string(line_no) + ": " + what);
    };
    size_t nl = rest.find('\n');
    if (nl == std::string_view::npos) {
      return error("the last line does not end with a newline (is the file cut short?)");
    }
    std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (size_t bad = FindInvalidUtf8(line); bad != std::string_view::npos) {
      return error("invalid UTF-8 at byte " + std::to_string(bad) + " of the line");
    }
    for (char c : line) {
      unsigned char u = static_cast<unsigned char>(c);
      if ((u < 0x20 && c != '\t') || u == 0x7f) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", u);
        return error(std::string("binary data (control byte ") + hex +
                     "); expected a UTF-8 word list");
      }
    }
    if (line.empty() || line[0] == '#') continue;
    const std::string entry = EscapeControls(line);
    if (line.find_first_of(" \t") != std::string_view::npos) {
      return error("'" + entry + "' holds a space or a tab; expected one entry a line");
    }
    std::string word(line);
    switch (form) {
      case EntryForm::kWord:
        break;
      case EntryForm::kFullStop:
      case EntryForm::kOneFullStop:
        if (!line.ends_with('.')) return error("'" + entry + "' does not end with a full stop");
        if (form == EntryForm::kOneFullStop && line.find('.') + 1 != line.size()) {
          return error("'" + entry +
                       "' has a full stop inside (ICU's filter ignores it): it belongs in "
                       "dotted_abbreviations.txt");
        }
        break;
      case EntryForm::kLetters:
      case EntryForm::kLowerLetters:
        for (char& c : word) {
          if (!std::isalpha(static_cast<unsigned char>(c))) {
            return error("'" + entry + "' is not a word of ASCII letters");
          }
          if (form == EntryForm::kLowerLetters) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          }
        }
        break;
    }
    list->push_back(std::move(word));
  }
  return Status::Ok();
}

}  // namespace

Status LoadTokenizerLexicon(const std::string& data_dir,
                            std::shared_ptr<const TokenizerLexicon>* out, FileSystem* fs) {
  auto lex = std::make_shared<TokenizerLexicon>();
  const struct {
    const char* name;
    EntryForm form;
    std::vector<std::string>* list;
  } files[] = {
      {"legal_form_endings.txt", EntryForm::kFullStop, &lex->legal_form_endings},
      {"line_wrap_words.txt", EntryForm::kWord, &lex->line_wrap_words},
      {"abbreviations.txt", EntryForm::kOneFullStop, &lex->abbreviations},
      {"dotted_abbreviations.txt", EntryForm::kFullStop, &lex->dotted_abbreviations},
      {"maybe_final_abbreviations.txt", EntryForm::kFullStop, &lex->maybe_final_abbreviations},
      {"sentence_openers.txt", EntryForm::kLetters, &lex->sentence_openers},
      {"sentence_continuations.txt", EntryForm::kLetters, &lex->sentence_continuations},
      {"lower_case_no_end.txt", EntryForm::kLowerLetters, &lex->lower_case_no_end},
  };
  for (const auto& f : files) {
    if (Status s = LoadTokenizerList(data_dir, f.name, f.form, f.list, fs); !s.ok()) return s;
  }
  *out = std::move(lex);
  return Status::Ok();
}

std::string QuotePath(std::string_view path) {
  bool plain = FindInvalidUtf8(path) == std::string_view::npos;
  for (size_t i = 0; plain && i < path.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(path[i]);
    // C0 and DEL, C1 (U+0080-U+009F: C2 80-9F) and the backslash.
    plain = c >= 0x20 && c != 0x7f && c != '\\' &&
            !(c == 0xC2 && i + 1 < path.size() && static_cast<unsigned char>(path[i + 1]) < 0xA0);
  }
  if (plain) return std::string(path);
  std::string out = "'";
  size_t bad = FindInvalidUtf8(path);
  for (size_t i = 0; i < path.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(path[i]);
    // Control characters, and every non-ASCII byte from the first invalid sequence on.
    bool escape = c < 0x20 || c == 0x7f || (i >= bad && c >= 0x80);
    if (i < bad && c == 0xC2 && i + 1 < path.size() &&
        static_cast<unsigned char>(path[i + 1]) < 0xA0) {  // a C1 control: \u0080-\u009f
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(path[++i]));
      out += buf;
      continue;
    }
    if (c == '\\' || c == '\'') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (escape) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += "'";
  return out;
}

}  // namespace kg

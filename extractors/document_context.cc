// The per-document context of stage 3's passes: token classes and the helpers they share.
// Inputs, outputs and the order of the passes: extractors/passes.h.

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "extractors/passes.h"

namespace kg {

void DocumentContext::MarkNarratorPronouns() {
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
      if (is_narrator_[t]) ++narrator_count_;
    }
  }
}

bool DocumentContext::ComputeIsNarratorPronoun(uint32_t t, const Sentence& s) const {
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
  // "... was What We Learned Shipping Games": a capitalised "We" (not "I") between capitalised
  // words inside a sentence is a word of a title.
  if (w != "I" && tok.shape == Shape::kCapitalized && t > s.first_token + 1 &&
      t + 1 < s.end_token && doc_.tokens[t - 1].shape == Shape::kCapitalized &&
      doc_.tokens[t - 2].shape != Shape::kPunct &&
      doc_.tokens[t + 1].shape == Shape::kCapitalized) {
    return false;
  }
  return true;
}

bool DocumentContext::LooksLikePersonName(const Sentence& s, uint32_t f, uint32_t l) const {
  uint32_t words = 0;
  bool any_common = false;
  for (uint32_t t = f; t < l; ++t) {
    std::string_view w = TokenText(t);
    Shape sh = doc_.tokens[t].shape;
    if (w == "." && t > f && TokenText(t - 1).size() == 1) continue;  // an initial
    if ((w == "-" || w == "'" || w == "\xE2\x80\x99") && t > f && t + 1 < l && Adjacent(t - 1, t) &&
        Adjacent(t, t + 1)) {
      continue;  // "Jean-Luc", "O'Brien"
    }
    if (t > f && t + 1 < l && IsNameConnector(w)) continue;  // "van", "de"
    // "Min-jun", "Ji-ho": a short lower-case part after a hyphen.
    if (sh == Shape::kLower && w.size() <= 4 && t > f + 1 && TokenText(t - 1) == "-" &&
        Adjacent(t - 1, t)) {
      continue;
    }
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

bool DocumentContext::LooksLikeFullName(const Chunk& c) const {
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
    // "Anna de Vries", "Maria van der Berg": a connector between the names.
    if (t > c.first_token && t + 1 < c.end_token && IsNameConnector(TokenText(t))) continue;
    if (doc_.tokens[t].shape != Shape::kCapitalized) return false;
    if (word_given && t > c.first_token && rules_.common_words_.Contains(FoldCase(TokenText(t)))) {
      return false;
    }
  }
  return !IsPlaceName(Text(c.begin, c.end));
}

bool DocumentContext::IsDemonym(std::string_view w) const {
  if (w.ends_with("s")) w.remove_suffix(1);
  for (std::string_view suffix : rules_.demonym_suffix_list_) {
    // (The last byte first: most words end in none of the suffixes.)
    if (w.size() > suffix.size() + 2 && (suffix.empty() || w.back() == suffix.back()) &&
        w.ends_with(suffix)) {
      std::string_view stem = w.substr(0, w.size() - suffix.size());
      if (IsPlaceName(stem) || IsPlaceName(std::string(stem) + "a") ||
          IsPlaceName(std::string(stem) + "e")) {
        return true;
      }
    }
  }
  return false;
}

bool DocumentContext::InsideQuotes(const Sentence& s, const Chunk& c) const {
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

const DocumentContext::QuoteMarks& DocumentContext::QuoteMarksOf(const Sentence& s) const {
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

std::pair<uint32_t, uint32_t> DocumentContext::TokensIn(const Sentence& s, uint32_t b,
                                                        uint32_t e) const {
  uint32_t f = s.first_token;
  while (f < s.end_token && doc_.tokens[f].begin < b) ++f;
  uint32_t l = f;
  while (l < s.end_token && doc_.tokens[l].end <= e) ++l;
  return {f, l};
}

std::string DocumentContext::TalkKind(std::string_view text) const {
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

void DocumentContext::InsertChunk(std::vector<Chunk>& chunks, Chunk nc) {
  // Dropped chunks stay (their indexes are in use) but give way to the new chunk.
  auto it = std::lower_bound(chunks.begin(), chunks.end(), nc.begin,
                             [](const Chunk& c, uint32_t b) { return c.begin < b; });
  chunks.insert(it, std::move(nc));
}

}  // namespace kg

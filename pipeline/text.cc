#include "pipeline/text.h"

#include <sys/stat.h>
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace kg {
namespace {

// Returns the byte offset of the first malformed UTF-8 sequence, or npos. Strict: rejects
// overlong forms, surrogates and code points above U+10FFFF, as RFC 3629 requires.
size_t FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
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

Shape ShapeOf(std::string_view word) {
  int letters = 0, upper = 0, digits = 0, others = 0, symbols = 0;
  bool first_letter_upper = false, seen_letter = false;
  size_t i = 0;
  while (i < word.size()) {
    UChar32 c = NextCodePoint(word, i);
    if (u_isalpha(c)) {
      bool is_upper = u_isupper(c) || u_istitle(c);
      if (!seen_letter) first_letter_upper = is_upper;
      seen_letter = true;
      ++letters;
      if (is_upper) ++upper;
    } else if (u_isdigit(c)) {
      ++digits;
    } else {
      int8_t type = u_charType(c);
      if (type == U_MATH_SYMBOL || type == U_OTHER_SYMBOL || type == U_CURRENCY_SYMBOL ||
          type == U_MODIFIER_SYMBOL) {
        ++symbols;
      } else if (type != U_NON_SPACING_MARK && type != U_COMBINING_SPACING_MARK) {
        ++others;
      }
    }
  }
  if (letters == 0 && digits == 0) return symbols > 0 ? Shape::kSymbol : Shape::kPunct;
  if (letters == 0) return others == 0 ? Shape::kDigits : Shape::kAlnum;
  if (digits > 0) return Shape::kAlnum;
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
};

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\f') return false;
  }
  return true;
}

// Skips leading spaces; returns true when the line opens a list item or a Markdown heading.
bool OpensListItemOrHeading(std::string_view line) {
  size_t i = line.find_first_not_of(" \t");
  if (i == std::string_view::npos) return false;
  std::string_view rest = line.substr(i);
  if (rest.starts_with("#")) return true;
  if (rest.size() >= 2 && (rest[0] == '-' || rest[0] == '*' || rest[0] == '+') && rest[1] == ' ')
    return true;
  if (rest.starts_with("\xE2\x80\xA2")) return true;  // •
  size_t d = 0;
  while (d < rest.size() && d < 3 && rest[d] >= '0' && rest[d] <= '9') ++d;
  return d > 0 && d + 1 < rest.size() && (rest[d] == '.' || rest[d] == ')') && rest[d + 1] == ' ';
}

// A heading: a line without closing punctuation that stands alone (a blank line or the end of
// the text follows). Title lines of reports and section headings look like this.
bool LooksLikeHeading(std::string_view line) {
  size_t end = line.find_last_not_of(" \t\r\f");
  if (end == std::string_view::npos) return false;
  char last = line[end];
  return last != '.' && last != '!' && last != '?' && last != ':' && last != ';' && last != ',';
}

// Whether `s` (text up to a sentence break) ends with an initial ("L. ") or a title
// abbreviation ("Dr. "), after which ICU would otherwise end the sentence.
bool EndsWithAbbreviation(std::string_view s) {
  size_t end = s.find_last_not_of(" \t");
  if (end == std::string_view::npos || s[end] != '.') return false;
  size_t word_end = end;
  size_t b = word_end;
  while (b > 0 && std::isalpha(static_cast<unsigned char>(s[b - 1]))) --b;
  std::string_view word = s.substr(b, word_end - b);
  if (b > 0 && !std::isspace(static_cast<unsigned char>(s[b - 1])) && s[b - 1] != '(') return false;
  if (word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0]))) return true;
  static constexpr std::string_view kTitles[] = {"Dr", "Mr", "Mrs", "Ms", "Prof",
                                                 "St", "Jr", "Sr",  "vs", "Mt"};
  for (std::string_view t : kTitles) {
    if (word == t) return true;
  }
  return false;
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

// Whether a break at `b` falls inside a quotation opened after `from` that closes soon after
// `b`: a quoted title such as “Is Kubernetes Delivering? A Perspective” is one sentence.
bool InsideQuote(std::string_view block, size_t from, size_t b) {
  constexpr std::string_view kOpenQuote = "\xE2\x80\x9C", kCloseQuote = "\xE2\x80\x9D";
  int open = 0, ascii = 0;
  for (size_t i = from; i < b; ++i) {
    if (block.compare(i, 3, kOpenQuote) == 0) ++open;
    if (block.compare(i, 3, kCloseQuote) == 0 && open > 0) --open;
    if (block[i] == '"') ascii ^= 1;
  }
  if (open == 0 && ascii == 0) return false;
  std::string_view after = block.substr(b, 300);
  return open > 0 ? after.find(kCloseQuote) != std::string_view::npos
                  : after.find('"') != std::string_view::npos;
}

}  // namespace

uint32_t CodePointCount(std::string_view utf8) {
  uint32_t n = 0;
  for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

Status MakeDocument(std::string source, std::string_view bytes, Document* doc) {
  if (size_t bad = FindInvalidUtf8(bytes); bad != std::string_view::npos) {
    return Status::InvalidInput(source + ": invalid UTF-8 at byte " + std::to_string(bad));
  }
  if (size_t bad = FindBinaryByte(bytes); bad != std::string_view::npos) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[bad]));
    return Status::InvalidInput(source + ": binary data (control byte " + hex + ") at byte " +
                                std::to_string(bad) + "; expected a text report");
  }
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);  // a BOM is not text
  doc->id = std::move(source);
  if (IsAscii(bytes)) {  // ASCII is always in NFC: skip ICU's UTF-16 round trip
    doc->text.assign(bytes);
    return Status::Ok();
  }
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return Status::IOError(doc->id + ": ICU NFC unavailable");
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(bytes.data(), static_cast<int32_t>(bytes.size())));
  if (nfc->isNormalized(u, err) && U_SUCCESS(err)) {
    doc->text.assign(bytes);
    return Status::Ok();
  }
  err = U_ZERO_ERROR;
  icu::UnicodeString normalized = nfc->normalize(u, err);
  if (U_FAILURE(err)) return Status::InvalidInput(doc->id + ": cannot normalise to NFC");
  doc->text.clear();
  normalized.toUTF8String(doc->text);
  return Status::Ok();
}

Status ReadDocument(const std::string& path, Document* doc) {
  std::string bytes;
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    if (std::cin.bad()) return Status::IOError("-: cannot read standard input");
    bytes = ss.str();
    return MakeDocument("-", bytes, doc);
  }
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    int e = errno;
    if (e == ENOENT || e == ENOTDIR) return Status::NotFound(path + ": no such file");
    return Status::IOError(path + ": " + std::strerror(e));
  }
  if (S_ISDIR(st.st_mode)) return Status::InvalidInput(path + ": is a directory, not a file");
  if (!S_ISREG(st.st_mode)) return Status::InvalidInput(path + ": not a regular file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open: " + std::strerror(errno));
  bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::IOError(path + ": read error");
  return MakeDocument(path, bytes, doc);
}

struct Tokenizer::Impl {
  std::unique_ptr<icu::BreakIterator> words, sentences;
};

Tokenizer::Tokenizer() : impl_(std::make_unique<Impl>()) {
  UErrorCode err = U_ZERO_ERROR;
  impl_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), err));
  if (U_SUCCESS(err)) {
    impl_->sentences.reset(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), err));
  }
  if (U_FAILURE(err)) error_ = std::string("ICU break iterators: ") + u_errorName(err);
}

Tokenizer::~Tokenizer() = default;

TokenizedDocument Tokenizer::Tokenize(const Document& doc) {
  TokenizedDocument out;
  out.doc = &doc;
  if (!ok()) return out;
  std::string_view text = doc.text;

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

  // Blocks: paragraphs (lines joined), headings and list items.
  std::vector<Line> lines;
  for (size_t pos = 0; pos <= text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back({pos, nl});
    pos = nl + 1;
  }
  struct Block {
    size_t begin, end;
    bool heading;
  };
  std::vector<Block> blocks;
  size_t i = 0;
  while (i < lines.size()) {
    std::string_view line = text.substr(lines[i].begin, lines[i].end - lines[i].begin);
    if (IsBlank(line)) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < lines.size()) {
      std::string_view next = text.substr(lines[j].begin, lines[j].end - lines[j].begin);
      if (IsBlank(next) || OpensListItemOrHeading(next)) break;
      std::string_view prev =
          text.substr(lines[j - 1].begin, lines[j - 1].end - lines[j - 1].begin);
      // A short line without closing punctuation, followed by a line that starts a new
      // sentence (not in lower case), is a heading; otherwise the paragraph is hard-wrapped.
      size_t first = next.find_first_not_of(" \t");
      bool next_starts_lower =
          first != std::string_view::npos && std::islower(static_cast<unsigned char>(next[first]));
      if (j == i + 1 && LooksLikeHeading(prev) && CodePointCount(prev) < 80 && !next_starts_lower) {
        break;
      }
      ++j;
    }
    bool single = j == i + 1;
    // A heading is short: a long unpunctuated line is a paragraph (a quotation, say).
    bool heading = single && LooksLikeHeading(line) && CodePointCount(line) <= 120;
    blocks.push_back({lines[i].begin, lines[j - 1].end, heading});
    i = j;
  }

  UErrorCode err = U_ZERO_ERROR;
  UText* ut = nullptr;
  UText* wt = nullptr;
  for (const Block& block : blocks) {
    std::string_view btext = text.substr(block.begin, block.end - block.begin);
    // ICU ends a sentence at every line break; inside a block (a hard-wrapped paragraph) a
    // line break is a space. Same length, so offsets are unchanged.
    std::string joined;
    if (btext.find('\n') != std::string_view::npos) {
      joined.assign(btext);
      for (char& ch : joined) {
        if (ch == '\n' || ch == '\r') ch = ' ';
      }
      btext = joined;
    }
    err = U_ZERO_ERROR;
    ut = utext_openUTF8(ut, btext.data(), static_cast<int64_t>(btext.size()), &err);
    if (U_FAILURE(err)) break;
    impl_->sentences->setText(ut, err);
    std::vector<int32_t> sbounds;
    for (int32_t b = impl_->sentences->first(); b != icu::BreakIterator::DONE;
         b = impl_->sentences->next()) {
      if (!sbounds.empty() && b < static_cast<int32_t>(btext.size()) &&
          (EndsWithAbbreviation(btext.substr(0, static_cast<size_t>(b))) ||
           InsideQuote(btext, static_cast<size_t>(sbounds.back()), static_cast<size_t>(b)) ||
           IsListNumber(btext.substr(static_cast<size_t>(sbounds.back()),
                                     static_cast<size_t>(b - sbounds.back()))))) {
        // "David L. Lawrence", "Dr. Smith", “Is it? A title”, "1. First item": not an end
        continue;
      }
      sbounds.push_back(b);
    }
    for (size_t k = 0; k + 1 < sbounds.size(); ++k) {
      size_t sb = block.begin + static_cast<size_t>(sbounds[k]);
      size_t se = block.begin + static_cast<size_t>(sbounds[k + 1]);
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
        size_t split = te;
        if (EndsWithPossessive(w)) split = te - (w.ends_with("\xE2\x80\x99s") ? 4 : 2);
        Token t;
        t.begin = static_cast<uint32_t>(tb);
        t.end = static_cast<uint32_t>(split);
        t.cp_begin = cp_at(tb);
        t.cp_end = cp_at(split);
        t.shape = ShapeOf(text.substr(tb, split - tb));
        out.tokens.push_back(t);
        if (split != te) {
          Token poss;
          poss.begin = static_cast<uint32_t>(split);
          poss.end = static_cast<uint32_t>(te);
          poss.cp_begin = t.cp_end;
          poss.cp_end = cp_at(te);
          poss.shape = Shape::kPunct;
          out.tokens.push_back(poss);
        }
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

}  // namespace kg

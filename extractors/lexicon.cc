#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iterator>

#include "extractors/internal.h"
#include "pipeline/text.h"

namespace kg {

namespace {

// ICU's full case folding of the whole string, typographic apostrophes then made ASCII.
std::string IcuFoldCase(std::string_view s) {
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.foldCase();
  std::string folded;
  u.toUTF8String(folded);
  // Typographic apostrophes fold to ASCII so "Nicky’s" and "Nicky's" are one word.
  std::string out;
  out.reserve(folded.size());
  for (size_t i = 0; i < folded.size(); ++i) {
    if (folded[i] == '\xE2' && folded.compare(i, 3, "\xE2\x80\x99") == 0) {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(folded[i]);
    }
  }
  return out;
}

// Whether case folding leaves BMP code point `c` as it is, asked of ICU once per code point
// (folding is context-free, one code point at a time, so a string of such code points folds to
// itself). 0: not asked yet, 1: unchanged, 2: changed. Relaxed atomics: every thread that asks
// stores the same answer.
std::atomic<uint8_t> g_folds_to_itself[0x10000];

bool FoldsToItself(UChar32 c) {
  if (c < 0 || c > 0xFFFF) return false;
  uint8_t known = g_folds_to_itself[c].load(std::memory_order_relaxed);
  if (known == 0) {
    icu::UnicodeString u(c);
    known = u.foldCase() == icu::UnicodeString(c) ? 1 : 2;
    g_folds_to_itself[c].store(known, std::memory_order_relaxed);
  }
  return known == 1;
}

constexpr uint64_t kHighBits = 0x8080808080808080ull;

// Lower-cases the ASCII letters among 8 bytes that are all below 0x80 (so the per-byte sums
// carry into no neighbour).
uint64_t LowerAscii8(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  uint64_t at_least_a = w + (0x80 - 'A') * kOnes;         // high bit set where byte >= 'A'
  uint64_t above_z = w + (0x7F - 'Z') * kOnes;            // high bit set where byte > 'Z'
  return w | ((at_least_a & ~above_z & kHighBits) >> 2);  // 0x20: upper to lower case
}

// Appends FoldCase(s) to `out`: Lexicon::Load folds each key straight into its storage.
void AppendFolded(std::string_view s, std::string* out) {
  const size_t start = out->size();
  out->resize(start + s.size());
  // Never ahead of the input: a code point folds to itself or shorter.
  char* o = out->data() + start;
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    if (i + 8 <= s.size()) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if ((w & kHighBits) == 0) {
        w = LowerAscii8(w);
        std::memcpy(o + n, &w, 8);
        n += 8;
        i += 8;
        continue;
      }
    }
    char c = s[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      o[n++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      ++i;
      continue;
    }
    if (s.size() > INT32_MAX) {
      out->resize(start);
      out->append(IcuFoldCase(s));
      return;
    }
    int32_t next = static_cast<int32_t>(i);
    UChar32 cp;
    U8_NEXT(s.data(), next, static_cast<int32_t>(s.size()), cp);
    if (!FoldsToItself(cp)) {  // also invalid UTF-8: ICU's U+FFFD
      out->resize(start);
      out->append(IcuFoldCase(s));
      return;
    }
    if (cp == 0x2019) {
      o[n++] = '\'';  // as IcuFoldCase: a typographic apostrophe becomes ASCII
    } else {
      for (size_t k = i; k < static_cast<size_t>(next); ++k) o[n++] = s[k];
    }
    i = static_cast<size_t>(next);
  }
  out->resize(start + n);
}

}  // namespace

namespace {

// The ASCII letter of each of U+00C0..U+017F without its accent ('.' for none: "æ", "ß"),
// lower case: folded keys only.
constexpr std::string_view kUnaccented =
    "aaaaaa.ceeeeiiiidnooooo.ouuuuy..aaaaaa.ceeeeiiiidnooooo.ouuuuy."
    "yaaaaaaccccccccddddeeeeeeeeeegggggggghh..iiiiiiiiii..jjkk.llllll..llnnnnnn...oooooo.."
    "rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzz.";

// `folded` with the accented Latin letters of U+00C0..U+017F made ASCII ("zsófia" -> "zsofia");
// empty when it has none.
std::string WithoutAccents(std::string_view folded) {
  std::string out;
  bool changed = false;
  for (size_t i = 0; i < folded.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(folded[i]);
    if ((c == 0xC3 || c == 0xC4 || c == 0xC5) && i + 1 < folded.size()) {
      const unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(folded[i + 1]) & 0x3Fu);
      if (cp >= 0xC0 && cp < 0x180 && kUnaccented[cp - 0xC0] != '.') {
        out.push_back(kUnaccented[cp - 0xC0]);
        changed = true;
        ++i;
        continue;
      }
    }
    out.push_back(folded[i]);
  }
  if (!changed) out.clear();
  return out;
}

}  // namespace

// ICU folding costs a UTF-16 copy and back; names and words are mostly ASCII letters and code
// points that fold to themselves ("ö", "“"), which this folds in place, 8 ASCII bytes at a time.
std::string FoldCase(std::string_view s) {
  std::string out;
  AppendFolded(s, &out);
  return out;
}

namespace {

// The longest line a word list may have (the longest shipped is 800 bytes).
constexpr size_t kMaxListLine = 64 * 1024;

// Lexicon::Load's byte classes: a line feed; a control byte that no word list may hold.
constexpr unsigned kNewline = 1, kControl = 2;
constexpr std::array<unsigned char, 256> kByteClass = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = kControl;
  t['\t'] = t['\r'] = 0;
  t['\n'] = kNewline;
  t[0x7f] = kControl;
  return t;
}();

size_t LineOf(std::string_view data, size_t byte) {
  return 1 + static_cast<size_t>(std::count(data.begin(), data.begin() + byte, '\n'));
}

// The field names of a "# Fields (TAB-separated): surface, canonical, population" header.
std::vector<std::string> HeaderFields(std::string_view line) {
  constexpr std::string_view kHeader = "# Fields (TAB-separated): ";
  std::vector<std::string> names;
  if (!line.starts_with(kHeader)) return names;
  line.remove_prefix(kHeader.size());
  int depth = 0;
  std::string name;
  bool in_name = true;
  for (char c : line) {
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (c == ',' && depth == 0) {
      names.push_back(name);
      name.clear();
      in_name = true;
      continue;
    }
    if (c == ' ' || c == '(') in_name = in_name && name.empty();
    if (in_name && c != ' ') name.push_back(c);
  }
  names.push_back(name);
  return names;
}

}  // namespace

// Checks the file as a whole (a word list, not a directory; UTF-8; no control bytes), then each
// line: at most kMaxListLine bytes; in a .tsv file, the fields of the "# Fields" header (or of
// its first line), at least two, and a population that is a number. Errors name file and line.
Status Lexicon::Load(const std::string& path, bool fold_case, bool keep_canonical,
                     std::string_view only_kind, FileSystem* fs) {
  fold_case_ = fold_case;
  keep_canonical_ = keep_canonical;
  std::string data;
  if (Status s = ReadDataFile(fs, path, "word list", &data); !s.ok()) return s;
  // One pass over the bytes for the hash, the line count and the control-byte check (the
  // hash's multiply chain sets the pace; the rest comes almost free beside it).
  uint64_t hash = 1469598103934665603ull;
  size_t newlines = 0;
  unsigned seen = 0;  // kControl: some byte is a control byte (other than TAB, LF, CR)
  for (char ch : data) {
    unsigned char c = static_cast<unsigned char>(ch);
    hash ^= c;
    hash *= 1099511628211ull;
    unsigned k = kByteClass[c];
    newlines += k & kNewline;
    seen |= k;
  }
  content_hash_ = hash;
  auto error = [&](size_t line, const std::string& what) {
    return Status::Rules(path + ":" + std::to_string(line) + ": " + what);
  };
  for (size_t i = 0; (seen & kControl) != 0 && i < data.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(data[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", c);
      return error(LineOf(data, i), std::string("binary data (control byte ") + hex +
                                        "); expected a UTF-8 word list");
    }
  }
  if (size_t bad = FindInvalidUtf8(data); bad != std::string::npos) {
    size_t line_start = data.rfind('\n', bad == 0 ? 0 : bad - 1);
    line_start = line_start == std::string::npos || bad == 0 ? 0 : line_start + 1;
    return error(LineOf(data, bad),
                 "invalid UTF-8 at byte " + std::to_string(bad - line_start) + " of the line");
  }
  const bool tsv = path.ends_with(".tsv");
  size_t expected_fields = 0;
  size_t population_field = SIZE_MAX;
  std::string_view rest = data;
  size_t line_no = 0;
  // Room for every line: the inserts below need no Grow.
  Grow(entries_.size() + newlines);
  entries_.reserve(entries_.size() + newlines);
  chars_.reserve(chars_.size() + data.size());
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    ++line_no;
    if (line.size() > kMaxListLine) {
      return error(line_no, "a line of " + std::to_string(line.size()) + " bytes; at most " +
                                std::to_string(kMaxListLine));
    }
    if (nl == std::string_view::npos) {
      return error(line_no, "the last line does not end with a newline (is the file cut short?)");
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (tsv && expected_fields == 0 && line.starts_with('#')) {
      std::vector<std::string> names = HeaderFields(line);
      if (names.size() >= 2) {
        expected_fields = names.size();
        for (size_t k = 0; k < names.size(); ++k) {
          if (names[k] == "population") population_field = k;
        }
      }
    }
    if (line.empty() || line[0] == '#') continue;
    if (tsv) {
      size_t fields = 1 + static_cast<size_t>(std::count(line.begin(), line.end(), '\t'));
      if (fields < 2) {
        return error(line_no, "one field; expected TAB-separated fields (surface, canonical...)");
      }
      if (expected_fields == 0) expected_fields = fields;
      if (fields != expected_fields) {
        return error(line_no, std::to_string(fields) + " fields, expected " +
                                  std::to_string(expected_fields) + " (is the line cut short?)");
      }
      if (population_field != SIZE_MAX) {
        std::string_view f = line;
        for (size_t k = 0; k < population_field; ++k) f.remove_prefix(f.find('\t') + 1);
        f = f.substr(0, f.find('\t'));
        if (f.empty() || f.size() > 12 || f.find_first_not_of("0123456789") != f.npos) {
          return error(line_no,
                       "population '" + std::string(f.substr(0, 40)) + "' is not a whole number");
        }
      }
    }
    size_t tab = line.find('\t');
    std::string_view surface = line.substr(0, tab);
    std::string_view canonical = surface;
    std::string_view kind;
    if (tab != std::string_view::npos) {
      canonical = line.substr(tab + 1);
      size_t tab2 = canonical.find('\t');
      if (tab2 != std::string_view::npos) {
        kind = canonical.substr(tab2 + 1);
      }
      canonical = canonical.substr(0, tab2);
    }
    // `only_kind` matches the third field or the last one ("Go<TAB>Go<TAB>language<TAB>ambiguous").
    if (!only_kind.empty() && kind.substr(0, kind.find('\t')) != only_kind &&
        kind.substr(kind.rfind('\t') == std::string_view::npos
                        ? kind.size()
                        : kind.rfind('\t') + 1) != only_kind) {
      continue;
    }
    if (surface.empty()) return error(line_no, "empty entry");
    Insert(surface, keep_canonical ? canonical : std::string_view());
  }
  return Status::Ok();
}

namespace {

// The table's hash: 8 bytes at a time (the last ones zero-padded), a multiply and shift per 8,
// then MurmurHash3's finalizer, so the low bits (the slot) and the high ones (the tag) both
// mix every byte. Most keys are one or two such words, where std::hash costs twice as much.
// Find hashes its folded copy word by word with the same two steps.
constexpr uint64_t kHashMul = 0x9E3779B97F4A7C15ull;

uint64_t MixWord(uint64_t h, uint64_t w) {
  h = (h ^ w) * kHashMul;
  return h ^ (h >> 32);
}

uint64_t FinishHash(uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 33);
}

uint64_t KeyHash(std::string_view s) {
  uint64_t h = s.size();
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = MixWord(h, w);
  }
  if (i < s.size()) {
    uint64_t w = 0;
    std::memcpy(&w, s.data() + i, s.size() - i);
    h = MixWord(h, w);
  }
  return FinishHash(h);
}

}  // namespace

void Lexicon::Grow(size_t entries) {
  size_t want = 16;
  while (want < 2 * entries) want *= 2;
  if (want <= slots_.size()) return;
  slots_.assign(want, Slot());
  const size_t mask = want - 1;
  for (size_t e = 0; e < entries_.size(); ++e) {
    uint64_t h = KeyHash(SurfaceOf(entries_[e]));
    size_t i = h & mask;
    while (slots_[i].index != 0) i = (i + 1) & mask;
    slots_[i] = {static_cast<uint32_t>(h >> 32), static_cast<uint32_t>(e + 1)};
  }
}

const Lexicon::Entry* Lexicon::FindEntry(std::string_view key, uint64_t hash) const {
  if (slots_.empty()) return nullptr;
  const size_t mask = slots_.size() - 1;
  const uint32_t tag = static_cast<uint32_t>(hash >> 32);
  for (size_t i = hash & mask; slots_[i].index != 0; i = (i + 1) & mask) {
    if (slots_[i].tag == tag) {
      const Entry& e = entries_[slots_[i].index - 1];
      if (SurfaceOf(e) == key) return &e;
    }
  }
  return nullptr;
}

// The key goes straight to the end of chars_ (folded there), and is taken back when it is an
// entry already: no string is made per line.
void Lexicon::Insert(std::string_view surface, std::string_view canonical) {
  const size_t begin = chars_.size();
  if (fold_case_) {
    AppendFolded(surface, &chars_);
  } else {
    chars_.append(surface);
  }
  const std::string_view key(chars_.data() + begin, chars_.size() - begin);
  const uint64_t h = KeyHash(key);
  const size_t mask = slots_.size() - 1;
  const uint32_t tag = static_cast<uint32_t>(h >> 32);
  size_t i = h & mask;
  for (; slots_[i].index != 0; i = (i + 1) & mask) {
    if (slots_[i].tag == tag && SurfaceOf(entries_[slots_[i].index - 1]) == key) {
      chars_.resize(begin);  // the first entry wins
      return;
    }
  }
  slots_[i] = {tag, static_cast<uint32_t>(entries_.size() + 1)};
  entries_.push_back(
      {begin, static_cast<uint32_t>(key.size()), static_cast<uint32_t>(canonical.size())});
  chars_.append(canonical);
}

void Lexicon::Add(std::string surface, std::string canonical) {
  Grow(entries_.size() + 1);
  Insert(surface, canonical);
}

std::vector<std::string> Lexicon::Surfaces() const {
  std::vector<std::string> out;
  out.reserve(entries_.size());
  for (const Entry& e : entries_) out.emplace_back(SurfaceOf(e));
  return out;
}

const Lexicon::Entry* Lexicon::Find(std::string_view s) const {
  // A folded list finds "Zsófia" as "Zsofia" when it has no entry with the accent: lists of
  // names are often written without them.
  auto find = [this](const std::string& key) {
    const Entry* e = FindEntry(key, KeyHash(key));
    if (e == nullptr && fold_case_) {
      if (std::string plain = WithoutAccents(key); !plain.empty()) {
        e = FindEntry(plain, KeyHash(plain));
      }
    }
    return e;
  };
  if (!fold_case_) return FindEntry(s, KeyHash(s));
  // Most lookups are short ASCII words: fold and hash them on the stack, 8 bytes at a time
  // (the last 8 zero-padded, as KeyHash pads them).
  alignas(8) char buf[64];
  if (s.size() > sizeof buf) return find(FoldCase(s));
  const size_t words = (s.size() + 7) / 8;
  if (words > 0) std::memset(buf + 8 * (words - 1), 0, 8);
  std::memcpy(buf, s.data(), s.size());
  uint64_t h = s.size();
  for (size_t k = 0; k < words; ++k) {
    uint64_t w;
    std::memcpy(&w, buf + 8 * k, 8);
    if (w & kHighBits) return find(FoldCase(s));
    w = LowerAscii8(w);
    std::memcpy(buf + 8 * k, &w, 8);
    h = MixWord(h, w);
  }
  return FindEntry(std::string_view(buf, s.size()), FinishHash(h));
}

bool Lexicon::Contains(std::string_view s) const { return Find(s) != nullptr; }

std::string_view Lexicon::Canonical(std::string_view s) const {
  const Entry* e = Find(s);
  return e ? CanonicalOf(*e) : std::string_view();
}

}  // namespace kg

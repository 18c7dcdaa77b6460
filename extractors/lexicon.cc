#include <unicode/unistr.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "extractors/internal.h"

namespace kg {

std::string FoldCase(std::string_view s) {
  bool ascii = true;
  for (char c : s) ascii &= static_cast<unsigned char>(c) < 0x80;
  std::string out;
  if (ascii) {
    out.resize(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      out[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
  }
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.foldCase();
  std::string folded;
  u.toUTF8String(folded);
  // Typographic apostrophes fold to ASCII so "Nicky’s" and "Nicky's" are one word.
  out.reserve(folded.size());
  for (size_t i = 0; i < folded.size(); ++i) {
    if (folded.compare(i, 3, "\xE2\x80\x99") == 0) {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(folded[i]);
    }
  }
  return out;
}

Status Lexicon::Load(const std::string& path, bool fold_case, bool keep_canonical,
                     std::string_view only_kind) {
  fold_case_ = fold_case;
  keep_canonical_ = keep_canonical;
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Rules(path + ": cannot open word list");
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  content_hash_ = 1469598103934665603ull;
  for (char c : data) {
    content_hash_ ^= static_cast<unsigned char>(c);
    content_hash_ *= 1099511628211ull;
  }
  std::string_view rest = data;
  int line_no = 0;
  Grow(entries_.size() + static_cast<size_t>(std::count(data.begin(), data.end(), '\n')));
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
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
    if (surface.empty()) {
      return Status::Rules(path + ":" + std::to_string(line_no) + ": empty entry");
    }
    Add(std::string(surface), keep_canonical ? std::string(canonical) : std::string());
  }
  return Status::Ok();
}

namespace {

uint64_t KeyHash(std::string_view s) { return std::hash<std::string_view>()(s); }

}  // namespace

void Lexicon::Grow(size_t entries) {
  size_t want = 16;
  while (want < 2 * entries) want *= 2;
  if (want <= slots_.size()) return;
  slots_.assign(want, Slot());
  const size_t mask = want - 1;
  for (size_t e = 0; e < entries_.size(); ++e) {
    uint64_t h = KeyHash(entries_[e].surface);
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
      if (e.surface == key) return &e;
    }
  }
  return nullptr;
}

void Lexicon::Add(std::string surface, std::string canonical) {
  std::string key = fold_case_ ? FoldCase(surface) : std::move(surface);
  uint64_t h = KeyHash(key);
  if (FindEntry(key, h) != nullptr) return;  // the first entry wins
  Grow(entries_.size() + 1);
  const size_t mask = slots_.size() - 1;
  size_t i = h & mask;
  while (slots_[i].index != 0) i = (i + 1) & mask;
  slots_[i] = {static_cast<uint32_t>(h >> 32), static_cast<uint32_t>(entries_.size() + 1)};
  entries_.push_back({std::move(key), std::move(canonical)});
}

std::vector<std::string> Lexicon::Surfaces() const {
  std::vector<std::string> out;
  out.reserve(entries_.size());
  for (const Entry& e : entries_) out.push_back(e.surface);
  return out;
}

const std::string* Lexicon::Find(std::string_view s) const {
  auto find = [this](std::string_view key) {
    const Entry* e = FindEntry(key, KeyHash(key));
    return e ? &e->canonical : nullptr;
  };
  if (!fold_case_) return find(s);
  // Most lookups are short ASCII words: fold them on the stack.
  char buf[64];
  bool ascii = s.size() <= sizeof buf;
  for (size_t i = 0; ascii && i < s.size(); ++i) {
    char c = s[i];
    if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return ascii ? find(std::string_view(buf, s.size())) : find(FoldCase(s));
}

bool Lexicon::Contains(std::string_view s) const { return Find(s) != nullptr; }

std::string_view Lexicon::Canonical(std::string_view s) const {
  const std::string* c = Find(s);
  return c ? std::string_view(*c) : std::string_view();
}

}  // namespace kg

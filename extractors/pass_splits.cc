// The candidate splits and joins of stage 3: one name per candidate.
// Inputs, outputs and the order of the passes: extractors/passes.h.

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "extractors/passes.h"

namespace kg {

std::pair<Extractor::Chunk, Extractor::Chunk> Extractor::SplitChunkAt(const Chunk& c,
                                                                      uint32_t cut) const {
  Chunk head = c, tail = c;
  head.end_token = cut;
  head.end = doc_.tokens[cut - 1].end;
  std::erase_if(head.possessive_splits, [&](uint32_t t) { return t >= cut; });
  tail.first_token = cut + 1;
  // "Lisbon for the Data Summit": the article after the connector is in neither part.
  if (tail.first_token + 1 < tail.end_token && TokenText(tail.first_token) == "the") {
    tail.first_token++;
  }
  tail.begin = doc_.tokens[tail.first_token].begin;
  std::erase_if(tail.possessive_splits, [&](uint32_t t) { return t <= tail.first_token; });
  return {std::move(head), std::move(tail)};
}

void Extractor::SplitAtConnectors(std::vector<Chunk>& chunks, bool before_typing) const {
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
    // A person needs a given name and a surname before the connector ("Kestrel Institute for
    // X": an institution's head word is no surname).
    bool person_first = (given_first && cut >= c.first_token + 2 &&
                         !rules_.field_name_heads_.Contains(TokenText(cut - 1))) ||
                        (honorific && cut >= c.first_token + 1);
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
    // "Rustaceans of Lagos", "Pythonistas of Accra": a group named by a plural and its city.
    if (const std::string_view h = TokenText(head.first_token);
        place_part && head.end_token == head.first_token + 1 && h.size() > 4 && h.ends_with('s') &&
        !h.ends_with("ss") && !h.ends_with("'s") &&
        doc_.tokens[head.first_token].shape == Shape::kCapitalized && head.rule.empty() &&
        tail.type == static_cast<int>(EntityType::kPlace)) {
      c.type = static_cast<int>(EntityType::kOrg);
      c.rule = "org_group_of_place";
      out.push_back(std::move(c));
      continue;
    }
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
    // ("Jo Berg of Kotlin fame" is known for it, not from it.)
    const bool fame = c.end_token < doc_.tokens.size() && TokenText(c.end_token) == "fame";
    if (person_first && (head.type == kUntyped || honorific) && tail.type == kUntyped && !fame) {
      tail.type = static_cast<int>(EntityType::kOrg);  // a person's "of" is their organisation
      tail.rule = "person_of_organization";
    }
    out.push_back(std::move(head));
    out.push_back(std::move(tail));
  }
  chunks = std::move(out);
}

void Extractor::SplitPersonPairs(const Sentence& s, std::vector<Chunk>& chunks) const {
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

void Extractor::SplitPossessives(std::vector<Chunk>& chunks, const Sentence& s) const {
  std::vector<Chunk> out;
  for (Chunk& c : chunks) {
    // "Oslo's Bokstav Studio": a place's possessive before a name that a chunk rule typed is
    // where the organisation is, not part of its name (a gazetteer's name stays whole).
    bool place_first = c.type != kUntyped && !c.possessive_splits.empty() &&
                       !c.rule.starts_with("gazetteer") &&
                       IsPlaceName(Text(doc_.tokens[c.first_token].begin,
                                        doc_.tokens[c.possessive_splits.front() - 1].end));
    // "Porto University's Sea Campus": an institution's possessive before a venue is whose
    // venue it is.
    place_first |= c.type == static_cast<int>(EntityType::kPlace) && !c.possessive_splits.empty() &&
                   !c.rule.starts_with("gazetteer") &&
                   rules_.field_name_heads_.Contains(TokenText(c.possessive_splits.front() - 1));
    // "NASA's Jet Propulsion Laboratory", "University of Leeds's Data Lab": an organisation's
    // possessive before a name that a chunk rule types as an organisation is its owner.
    if (!place_first && c.type == static_cast<int>(EntityType::kOrg) &&
        !c.possessive_splits.empty() && !c.rule.starts_with("gazetteer")) {
      Chunk owner, owned;
      owner.first_token = c.first_token;
      owner.end_token = c.possessive_splits.front();
      owned.first_token = c.possessive_splits.front() + 1;
      owned.end_token = c.end_token;
      for (Chunk* part : {&owner, &owned}) {
        if (part->first_token >= part->end_token) break;
        part->begin = doc_.tokens[part->first_token].begin;
        part->end = doc_.tokens[part->end_token - 1].end;
        TypeByGazetteer(*part);
        if (part->type == kUntyped) TypeByChunkRules(*part);
      }
      place_first = owner.type == static_cast<int>(EntityType::kOrg) &&
                    owned.type == static_cast<int>(EntityType::kOrg);
    }
    if ((c.type != kUntyped && !place_first) || c.possessive_splits.empty()) {
      out.push_back(std::move(c));
      continue;
    }
    if (place_first) {
      c.type = kUntyped;
      c.subtype.clear();
      c.rule.clear();
      c.canonical.clear();
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

void Extractor::JoinNamesBeforeTheirAcronym(const Sentence& s, std::vector<Chunk>& chunks) const {
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

bool Extractor::IsVenueName(std::string_view text) const {
  for (int r : rules_.MatchChunkRules(text)) {
    const auto& rule = *rules_.entity_rules_[static_cast<size_t>(r)];
    if (rule.type == EntityType::kPlace && rule.subtype == "venue") return true;
  }
  return false;
}

void Extractor::JoinProgrammeItemNames(const Sentence& s, std::vector<Chunk>& chunks) const {
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

}  // namespace kg

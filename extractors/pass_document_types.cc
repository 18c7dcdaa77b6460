// The document-level typing pass of stage 3: one name, one type per document, by a vote.
// Inputs, outputs and the order of the passes: extractors/passes.h.

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "extractors/passes.h"

namespace kg {

void Extractor::VoteTypes(std::vector<std::vector<Chunk>>& chunks) {
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
  // "RubyKaigi 2023 ... the RubyKaigi team": an event's name without its edition year (and its
  // city) names the event, with the weight of two context rules (so it relabels one of them).
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
      // ... and so does it without its city too: "Data Council Austin 2025" ... "Data Council".
      if (c.end_token >= c.first_token + 3 &&
          (IsPlaceName(TokenText(c.end_token - 2)) ||
           rules_.ambiguous_cities_.Contains(TokenText(c.end_token - 2)))) {
        it = tallies.find(FoldCase(Text(c.begin, doc_.tokens[c.end_token - 3].end)));
        if (it != tallies.end() && it->second.weight[c.type] == 0) {
          it->second.weight[c.type] = 4;
          it->second.best_rule_weight[c.type] = 4;
          it->second.rule[c.type] = c.rule;
        }
      }
    }
  }
  // "Fjordline Systems ... thanks to Fjordline": a firm's distinctive first word before the
  // head word of its kind names the firm, with the weight of two context rules, unless the word
  // is a person's given name, a place, a product or a word.
  for (const auto& sentence : chunks) {
    for (const Chunk& c : sentence) {
      if (!votes(c) || c.type != static_cast<int>(EntityType::kOrg) || c.rule != "org_suffix" ||
          c.end_token != c.first_token + 2 ||
          doc_.tokens[c.first_token].shape != Shape::kCapitalized) {
        continue;
      }
      std::string_view first = TokenText(c.first_token);
      if (first.size() < 3 || rules_.given_names_.Contains(first) ||
          rules_.surnames_.Contains(first) || IsPlaceName(first) || IsProductName(first) ||
          rules_.common_words_.Contains(FoldCase(first))) {
        continue;
      }
      std::string key = FoldCase(first);
      auto [named, fresh] = org_short_names_.try_emplace(key, Text(c.begin, c.end));
      if (!fresh && FoldCase(named->second) != FoldCase(Text(c.begin, c.end))) {
        named->second.clear();  // two firms start with the word: it names neither
      }
      Tally& t = tallies[key];  // also a word no sentence typed: "Fjordline is hiring"
      if (t.weight[c.type] == 0) {
        t.weight[c.type] = 4;
        t.best_rule_weight[c.type] = 4;
        t.rule[c.type] = c.rule;
      }
    }
  }
  for (auto& [name, t] : tallies) {
    // On a tie, the type with the strongest single piece of evidence wins: one office
    // outweighs two thanks.
    int winner = 0;
    for (int k = 1; k < kMaxEntityTypes; ++k) {
      if (t.weight[k] > t.weight[winner] ||
          (t.weight[k] == t.weight[winner] && t.best_rule_weight[k] > t.best_rule_weight[winner])) {
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
        SetOrgShortNameCanonical(c);
      }
    }
  }
}

void Extractor::SetOrgShortNameCanonical(Chunk& c) const {
  if (c.type != static_cast<int>(EntityType::kOrg) || !c.canonical.empty() ||
      c.end_token != c.first_token + 1) {
    return;
  }
  auto it = org_short_names_.find(FoldCase(TokenText(c.first_token)));
  if (it != org_short_names_.end()) c.canonical = it->second;
}

void Extractor::PromoteWorkshopToEvent(std::vector<std::vector<Chunk>>& chunks) const {
  std::string name;
  for (const auto& sentence : chunks) {
    for (const Chunk& c : sentence) {
      if (c.dropped) continue;
      if (c.type == static_cast<int>(EntityType::kEvent)) return;
      if (name.empty() && c.type == static_cast<int>(EntityType::kTalk) &&
          c.rule == "talk_keyword" && c.subtype == "workshop" && c.end_token > c.first_token + 1 &&
          &sentence - chunks.data() < 2 &&
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

}  // namespace kg

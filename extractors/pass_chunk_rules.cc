// The chunk-rules pass of stage 3: a candidate typed by its own text ("Acme Labs": ORG).
// Inputs, outputs and the order of the passes: extractors/passes.h.

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "extractors/passes.h"

namespace kg {

void Extractor::TypeByChunkRules(Chunk& c) const {
  std::string_view text = Text(c.begin, c.end);
  // A name broken by a hard wrap ("Conference\nCentre") is matched as written on one line.
  std::string one_line;
  if (text.find_first_of("\n\r\t") != std::string_view::npos) {
    one_line = std::string(text);
    std::replace_if(
        one_line.begin(), one_line.end(),
        [](char ch) { return ch == '\n' || ch == '\r' || ch == '\t'; }, ' ');
    text = one_line;
  }
  std::vector<int> matching = rules_.MatchChunkRules(text, /*with_guards=*/true);
  uint32_t skipped = 0;  // the types a matching guard (skip=TYPES) keeps out
  // The first matching rule in file order decides.
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

void Extractor::SetType(Chunk& c, const RuleSet::EntityRule& rule,
                        std::string_view match_text) const {
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

bool Extractor::CanBePersonName(const Chunk& c) const {
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
    bool ok = sh == Shape::kCapitalized || name_like_mixed || hyphen_part || w == "." || w == "-" ||
              w == "'" || w == "\xE2\x80\x99" || rules_.name_connectors_.Contains(w);
    if (!ok) return false;
  }
  return true;
}

void Extractor::TrimEventName(Chunk& c) const {
  for (uint32_t t = c.first_token + 1; t < c.end_token; ++t) {
    if ((TokenText(t) == "on" || TokenText(t) == "for") &&
        rules_.event_keywords_.Contains(TokenText(t - 1))) {
      return;
    }
  }
  while (c.end_token > c.first_token + 1) {
    uint32_t last = c.end_token - 1;
    std::string_view w = TokenText(last);
    // ("Indie Summit North": a compass word after the event's keyword names its region.)
    if (doc_.tokens[last].shape != Shape::kCapitalized || !rules_.common_words_.Contains(w) ||
        rules_.event_keywords_.Contains(w) ||
        (rules_.place_qualifiers_.Contains(w) &&
         rules_.event_keywords_.Contains(TokenText(last - 1)))) {
      break;
    }
    c.end_token--;
  }
  c.end = doc_.tokens[c.end_token - 1].end;
}

}  // namespace kg

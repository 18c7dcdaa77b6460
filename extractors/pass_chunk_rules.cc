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
  std::vector<int> matching = rules_.chunk_index_->Match(text);
  // "PyLadies Ghana", "GDG Lagos": a community's name and the place of its chapter, when no
  // chunk rule knows better ("PyCon Lagos" is an event).
  if (matching.empty() && c.end_token >= c.first_token + 2) {
    Shape first = doc_.tokens[c.first_token].shape;
    std::string_view last = TokenText(c.end_token - 1);
    if ((first == Shape::kAllCaps || first == Shape::kMixed) &&
        (rules_.cities_.Contains(last) || rules_.countries_.Contains(last))) {
      c.type = static_cast<int>(EntityType::kOrg);
      c.rule = "org_with_place";
      return;
    }
    // "Lakeford Herons", "Oslo Gophers": a place and a plural name is a team or a group.
    std::string_view head = TokenText(c.first_token);
    if (last.size() > 3 && last.ends_with("s") && !last.ends_with("ss") &&
        doc_.tokens[c.end_token - 1].shape == Shape::kCapitalized &&
        (rules_.cities_.Contains(head) || rules_.countries_.Contains(head) ||
         rules_.regions_.Contains(head)) &&
        !IsPlaceName(Text(c.begin, c.end))) {
      c.type = static_cast<int>(EntityType::kOrg);
      c.rule = "org_place_plural";
      return;
    }
  }
  // "Jun Park", "Ana Hall": a given name and a head word that is also a surname is a
  // person, whatever the suffix rules for venues and organisations say ("Fairfax Media" is
  // not: data/lexicon/surname_heads.txt).
  // ("Joon-ho Park": a hyphenated given name with a lower-case part counts as one word.)
  uint32_t surname = c.first_token + 1;
  if (c.end_token == c.first_token + 4 && TokenText(c.first_token + 1) == "-" &&
      doc_.tokens[c.first_token + 2].shape == Shape::kLower) {
    surname = c.first_token + 3;
  }
  bool given_and_surname = c.end_token == surname + 1 &&
                           rules_.given_names_.Contains(TokenText(c.first_token)) &&
                           doc_.tokens[surname].shape == Shape::kCapitalized &&
                           rules_.surname_heads_.Contains(TokenText(surname));
  // The first matching rule in file order decides.
  for (int rule_index : matching) {
    const auto& rule = rules_.entity_rules_[static_cast<size_t>(rule_index)];
    if (c.type != kUntyped && !rule->force) continue;
    if (given_and_surname && (rule->type == EntityType::kPlace || rule->type == EntityType::kOrg)) {
      continue;
    }
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
    if (doc_.tokens[last].shape != Shape::kCapitalized || !rules_.common_words_.Contains(w) ||
        rules_.event_keywords_.Contains(w)) {
      break;
    }
    c.end_token--;
  }
  c.end = doc_.tokens[c.end_token - 1].end;
}

}  // namespace kg

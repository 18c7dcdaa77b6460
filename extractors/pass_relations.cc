// The relations pass of stage 3: a sentence's mentions and its relation candidates.
// Inputs, outputs and the order of the passes: extractors/passes.h.

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "extractors/passes.h"

namespace kg {

bool Extractor::OpensWithContinuation(const Sentence& s) const {
  std::string head = FoldCase(doc_.TextOf(s).substr(0, 24));
  for (const std::string& opener : rules_.continuation_opener_list_) {
    // (The first byte first: most sentences open with none of them.)
    if (!opener.empty() && (head.empty() || head[0] != opener[0])) continue;
    if (head.starts_with(opener) &&
        (head.size() == opener.size() ||
         !std::isalpha(static_cast<unsigned char>(head[opener.size()])))) {
      return true;
    }
  }
  return false;
}

char Extractor::GenderOf(std::string_view name) const {
  std::string_view first = name.substr(0, std::min(name.find(' '), name.size()));
  std::string_view g = rules_.given_names_.Canonical(first);
  if (g.empty()) g = rules_.ambiguous_given_names_.Canonical(first);
  return g == "f" || g == "m" ? g[0] : 'u';
}

int32_t Extractor::Antecedent(uint32_t sentence, char gender) const {
  // The people of the closest sentence before that names anyone, last first.
  std::vector<size_t> people;
  for (size_t i = out_.mentions.size(); i-- > 0;) {
    const Mention& m = out_.mentions[i];
    if (m.sentence >= sentence) continue;
    if (m.sentence + 2 < sentence) break;
    if (m.type != EntityType::kPerson) continue;
    if (!people.empty() && m.sentence != out_.mentions[people.front()].sentence) break;
    people.push_back(i);
  }
  auto one = [&](auto keep) {
    int32_t found = -1;
    for (size_t i : people) {
      if (!keep(out_.mentions[i])) continue;
      if (found >= 0 && out_.mentions[i].text != out_.mentions[static_cast<size_t>(found)].text) {
        return int32_t{-1};
      }
      if (found < 0) found = static_cast<int32_t>(i);
    }
    return found;
  };
  const int32_t any = one([](const Mention&) { return true; });
  if (gender == 0 || any >= 0) {
    // One person: theirs, unless their given name says otherwise.
    if (any < 0 || gender == 0) return any;
    const char g = GenderOf(out_.mentions[static_cast<size_t>(any)].text);
    return g == 'u' || g == gender ? any : -1;
  }
  return one([&](const Mention& m) { return GenderOf(m.text) == gender; });
}

bool Extractor::Stated(const std::string& relation, int32_t subject, int32_t object,
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

void Extractor::ApplyRelationRules(uint32_t sentence_index, const Sentence& s,
                                   const std::vector<Chunk>& chunks,
                                   const std::vector<int32_t>& chunk_to_mention) {
  std::vector<Segment> segs;
  const std::array<int32_t, 3> antecedents = {
      Antecedent(sentence_index), Antecedent(sentence_index, 'f'), Antecedent(sentence_index, 'm')};
  std::string own = Slot(s, chunks, false, &segs, &chunk_to_mention, &antecedents);
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
  // (A sentence without names states nothing, unless it heads a list: "Thanks" over names.)
  uint32_t after = sentence_index + 1;  // the first item, past a heading's underline
  if (s.is_heading && after < doc_.sentences.size() && IsUnderline(doc_.sentences[after])) ++after;
  const bool heads_list =
      after < doc_.sentences.size() &&
      (OpensWithListMarker(doc_.sentences[after]) || LabelColon(doc_.sentences[after]) != 0 ||
       (s.is_heading && after + 1 < doc_.sentences.size() && ListIntroduction(after)));
  if (heads_list || slotted.find("\xE2\x9F\xA8") != std::string::npos) {
    re2::StringPiece text(slotted);
    std::vector<re2::StringPiece> sub;
    for (int rule_index : rules_.relation_index_->Candidates(slotted)) {
      const auto& rule = rules_.relation_rules_[static_cast<size_t>(rule_index)];
      int n = rule->re.NumberOfCapturingGroups() + 1;
      sub.assign(static_cast<size_t>(n), re2::StringPiece());
      size_t at = 0;
      while (at < slotted.size() &&
             rule->re.Compiled().Match(text, at, slotted.size(), re2::RE2::UNANCHORED, sub.data(),
                                       n)) {
        size_t match_end = static_cast<size_t>(sub[0].data() - slotted.data()) + sub[0].size();
        auto endpoints = [&](const RuleEndpoint& e) {
          std::vector<int32_t> ids;
          if (e.group == 0) {
            ids.push_back(e.special);
            return ids;
          }
          const re2::StringPiece& g = sub[static_cast<size_t>(e.group)];
          // (A list's asides, "A (Acme), B" or "A from ⟨ORG⟩ and B", hold no members.)
          for (int id : SlotsIn(std::string_view(g.data() ? g.data() : "", g.size()),
                                /*outside_brackets=*/true, e.people)) {
            ids.push_back(id == -2 ? kNarrator : id);
          }
          return ids;
        };
        std::string role = rule->role;
        const re2::StringPiece& rg = sub[static_cast<size_t>(rule->role_group)];
        if (rule->role_group > 0 && rg.data()) role = std::string(rg.data(), rg.size());
        if (rule->subject.special == kListItems || rule->object.special == kListItems) {
          AddListItemRelations(sentence_index, *rule);
          break;
        }
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

uint32_t Extractor::CodePointOffset(const Sentence& s, uint32_t at) const {
  auto first = doc_.tokens.begin() + s.first_token, last = doc_.tokens.begin() + s.end_token;
  auto it =
      std::upper_bound(first, last, at, [](uint32_t v, const Token& t) { return v < t.begin; });
  if (it == first) return s.cp_begin + CodePointCount(Text(s.begin, at));
  --it;
  return it->cp_begin + CodePointCount(Text(it->begin, at));
}

void Extractor::EmitSentence(uint32_t si, std::vector<Chunk>& chunks) {
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
  // "## FOSDEM 2026" over "I spoke about "Packaging Without Pain"": a heading that is an
  // event's name opens its section, and the talks of the section are part of that event (in a
  // report on several events, not all of the main one). A heading that only mentions an event
  // ("Why I went to my first kernel conference") opens none and ends the one before, and the
  // report's title opens none.
  if (s.is_heading && si > 0) {
    for (size_t i = 0; i < chunks.size(); ++i) {
      if (chunk_to_mention[i] < 0) continue;
      const Mention& m = out_.mentions[static_cast<size_t>(chunk_to_mention[i])];
      std::string_view heading = doc_.TextOf(s);
      while (!heading.empty() && (heading.front() == '#' || heading.front() == ' ')) {
        heading.remove_prefix(1);
      }
      while (!heading.empty() && (heading.back() == ':' || heading.back() == ' ')) {
        heading.remove_suffix(1);
      }
      // ... nor a list number or where it was: "2. DevConf Tallinn (Tallinn, Estonia)".
      if (size_t digits = heading.find_first_not_of("0123456789");
          digits > 0 && digits != std::string_view::npos && digits + 1 < heading.size() &&
          (heading[digits] == '.' || heading[digits] == ')') && heading[digits + 1] == ' ') {
        heading.remove_prefix(digits + 2);
      }
      if (size_t open = heading.rfind(" (");
          heading.ends_with(")") && open != std::string_view::npos && open > 0) {
        heading = heading.substr(0, open);
      }
      // (A name: "FOSDEM 2026", not "first kernel conference".)
      const bool named = !m.text.empty() && (std::isupper(static_cast<unsigned char>(m.text[0])) ||
                                             static_cast<unsigned char>(m.text[0]) >= 0x80);
      if (m.type != EntityType::kEvent) continue;
      // (A heading that names an event some other way ends the section before it.)
      section_event_ = named && m.text.size() * 10 >= heading.size() * 8 ? chunk_to_mention[i] : -1;
    }
  }
  // The people of the section, the writer among them, were at its event.
  if (section_event_ >= 0 && !s.is_heading) {
    bool narrator = false;
    for (uint32_t t = s.first_token; t < s.end_token && !narrator; ++t) {
      narrator = is_narrator_[t];
    }
    if (narrator && !Stated("attended", kNarrator, section_event_, si)) {
      out_.relations.push_back({"attended", kNarrator, section_event_, "", si, "section_event"});
    }
    for (size_t i = 0; i < chunks.size(); ++i) {
      if (chunk_to_mention[i] < 0) continue;
      const int32_t m = chunk_to_mention[i];
      const EntityType type = out_.mentions[static_cast<size_t>(m)].type;
      if (type == EntityType::kTalk && !Stated("part_of", m, section_event_, si)) {
        out_.relations.push_back({"part_of", m, section_event_, "", si, "section_event"});
      } else if (type == EntityType::kPerson && !Stated("attended", m, section_event_, si)) {
        out_.relations.push_back({"attended", m, section_event_, "", si, "section_event"});
      }
    }
  }
  ApplyRelationRules(si, s, chunks, chunk_to_mention);
  EmitLineRelations(si, chunks, chunk_to_mention, line_relations_, &line_relation_next_);
  EmitLineRelations(si, chunks, chunk_to_mention, list_item_relations_, &list_item_relation_next_);
}

void Extractor::EmitLineRelations(uint32_t si, const std::vector<Chunk>& chunks,
                                  const std::vector<int32_t>& chunk_to_mention,
                                  const std::vector<LineRelation>& relations, size_t* next) {
  for (; *next < relations.size() && relations[*next].sentence <= si; ++*next) {
    const LineRelation& r = relations[*next];
    if (r.sentence != si) continue;
    auto find = [&](uint32_t begin) {
      if (begin == kNarratorBegin) return kNarrator;
      for (size_t i = 0; i < chunks.size(); ++i) {
        if (chunk_to_mention[i] >= 0 && chunks[i].begin == begin) return chunk_to_mention[i];
      }
      // (A panel member's talk is the heading's, a few sentences before: a panel's list is
      // at most 12 items, so the search stops there.)
      for (size_t m = out_.mentions.size(); m-- > 0;) {
        if (out_.mentions[m].sentence + 16 < si) break;
        if (out_.mentions[m].begin == begin) return static_cast<int32_t>(m);
      }
      return int32_t{-100};
    };
    const int32_t subject = find(r.subject_begin), object = find(r.object_begin);
    if (subject == -100 || object == -100 || Stated(r.relation, subject, object, si)) continue;
    out_.relations.push_back({r.relation, subject, object, "", si, r.rule});
  }
}

void Extractor::AddListItemRelations(uint32_t si, const RuleSet::RelationRule& rule) {
  const auto& sents = doc_.sentences;
  const Sentence& heading = sents[si];
  bool colon = heading.end_token > heading.first_token && TokenText(heading.end_token - 1) == ":";
  if (!heading.is_heading && !colon) return;
  // "A panel titled ... . The four panellists were:": @nearest_talk is the talk named last,
  // in the heading or the two sentences before it (not near each item: the list may be long).
  uint32_t talk_begin = kNarratorBegin;
  if (rule.subject.special == kNearestTalk || rule.object.special == kNearestTalk) {
    for (size_t m = out_.mentions.size(); m-- > 0 && out_.mentions[m].sentence + 2 >= si;) {
      if (out_.mentions[m].type == EntityType::kTalk && out_.mentions[m].sentence <= si) {
        talk_begin = out_.mentions[m].begin;
        break;
      }
    }
    if (talk_begin == kNarratorBegin) return;
  }
  // A heading, one sentence introducing the list ("We owe many people, so here is the
  // list:"), then the list.
  uint32_t first = si + 1;
  if (heading.is_heading && !colon && first < sents.size() && IsUnderline(sents[first])) ++first;
  if (heading.is_heading && !colon && first + 1 < sents.size() && ListIntroduction(first)) {
    ++first;
  }
  for (uint32_t k = first; k < sents.size() && k <= si + 30; ++k) {
    const Sentence& item = sents[k];
    // A label line is an item too: "Gold: Acme and Kivuko" under "Our thanks go to:". Its label
    // may be a name ("Ana Lima: ...") or not ("Gold"); only names that are mentions count.
    uint32_t colon_at = LabelColon(item);
    if (!OpensWithListMarker(item) && colon_at == 0) {
      // "- Bo Lund, for the charger. Truly.": a sentence on an item's line is the item's.
      const std::string& text = doc_.doc->text;
      const uint32_t prev_end = sents[k - 1].end;
      if (k > first && prev_end <= item.begin &&
          text.find('\n', prev_end) >= static_cast<size_t>(item.begin)) {
        continue;
      }
      break;
    }
    if (colon_at != 0) {
      std::vector<uint32_t> names;
      if (IsCapitalized(item.first_token, item))
        names.push_back(doc_.tokens[item.first_token].begin);
      bool after_separator = true;
      for (uint32_t u = colon_at + 1; u < item.end_token; ++u) {
        std::string_view w = TokenText(u);
        if (w == "the" && after_separator) continue;
        if (w == "," || w == "and" || w == "&") {
          after_separator = true;
          continue;
        }
        if (after_separator && IsCapitalized(u, item)) names.push_back(doc_.tokens[u].begin);
        after_separator = false;
      }
      for (uint32_t name : names) AddListItemRelation(k, name, talk_begin, rule);
      continue;
    }
    // Past the marker, any emphasis and a "To the": "- **Anna Keller**", "- To the Kivuko Fund".
    uint32_t t = item.first_token;
    while (t < item.end_token && doc_.tokens[t].shape == Shape::kPunct) ++t;
    if (t + 1 < item.end_token && (TokenText(t) == "And" || TokenText(t) == "Also")) ++t;
    if (t + 1 < item.end_token && TokenText(t) == "To") ++t;
    // "- Our sponsors, Acme and Kivuko, for ...": the names after what they are.
    if (t + 2 < item.end_token && (TokenText(t) == "Our" || TokenText(t) == "My")) {
      uint32_t comma = t + 1;
      while (comma < item.end_token && comma < t + 4 && TokenText(comma) != ",") ++comma;
      if (comma + 1 < item.end_token && TokenText(comma) == ",") t = comma + 1;
    }
    if (t + 1 < item.end_token && TokenText(t) == "the") ++t;
    if (t == item.end_token || !IsCapitalized(t, item)) continue;
    // The opening name, and those joined to it: "- Felix and the Rust Vienna crew", "- Acme,
    // Kivuko and Initech, for the coffee".
    std::vector<uint32_t> names = {doc_.tokens[t].begin};
    uint32_t u = t;
    while (true) {
      while (u < item.end_token && IsCapitalized(u, item)) ++u;
      const std::string_view w = u + 1 < item.end_token ? TokenText(u) : std::string_view();
      if (w != "and" && w != "&" && w != ",") break;
      ++u;
      if (u + 1 < item.end_token && TokenText(u) == "and") ++u;
      if (u + 1 < item.end_token && TokenText(u) == "the") ++u;
      if (u >= item.end_token || !IsCapitalized(u, item)) break;
      names.push_back(doc_.tokens[u].begin);
    }
    for (uint32_t name : names) AddListItemRelation(k, name, talk_begin, rule);
  }
}

bool Extractor::IsUnderline(const Sentence& s) const {
  // "THANKS" over "------": a heading's underline in text written like Markdown.
  const std::string_view t = doc_.TextOf(s);
  return t.size() >= 3 && t.find_first_not_of("-=~_* \t") == std::string_view::npos;
}

bool Extractor::ListIntroduction(uint32_t si) const {
  const Sentence& s = doc_.sentences[si];
  return si + 1 < doc_.sentences.size() && !OpensWithListMarker(s) && LabelColon(s) == 0 &&
         s.end_token > s.first_token && TokenText(s.end_token - 1) == ":" &&
         OpensWithListMarker(doc_.sentences[si + 1]);
}

void Extractor::AddListItemRelation(uint32_t item, uint32_t name, uint32_t talk_begin,
                                    const RuleSet::RelationRule& rule) {
  auto begin = [&](const RuleEndpoint& e) {
    // (The loader allows @narrator and @nearest_talk on the other side.)
    if (e.special == kListItems) return name;
    return e.special == kNearestTalk ? talk_begin : kNarratorBegin;
  };
  list_item_relations_.push_back(
      {item, begin(rule.subject), begin(rule.object), rule.relation, rule.name});
}

uint32_t Extractor::LabelColon(const Sentence& s) const {
  // One to four capitalised or lower-case words, the first capitalised, then ":" and more.
  uint32_t t = s.first_token;
  if (t >= s.end_token || !IsCapitalized(t, s)) return 0;
  for (uint32_t u = t + 1; u < s.end_token && u <= t + 4; ++u) {
    if (TokenText(u) == ":") return u + 1 < s.end_token ? u : 0;
    if (doc_.tokens[u].shape == Shape::kPunct || doc_.tokens[u].shape == Shape::kSymbol) return 0;
  }
  return 0;
}

}  // namespace kg

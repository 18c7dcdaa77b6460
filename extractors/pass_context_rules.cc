// The context-rules pass of stage 3: candidates typed by the slotted sentence around them.
// Inputs, outputs and the order of the passes: extractors/passes.h.

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string>
#include <vector>

#include "extractors/passes.h"

namespace kg {

std::string Extractor::Slot(const Sentence& s, const std::vector<Chunk>& chunks, bool with_untyped,
                            std::vector<Segment>* segs, const std::vector<int32_t>* ids,
                            const std::array<int32_t, 3>* antecedents) const {
  struct Item {
    uint32_t begin, end;
    int chunk;           // chunk index, -2 for a narrator pronoun, -3 for "he"/"she" or an
                         // opening "His"/"Her"
    int32_t person = 0;  // -3: the id the pronoun stands for
  };
  std::vector<Item> items;
  for (size_t ci = 0; ci < chunks.size(); ++ci) {
    const Chunk& c = chunks[ci];
    if (c.dropped || (c.type == kUntyped && !with_untyped)) continue;
    if (ids && (*ids)[ci] < 0) continue;
    items.push_back({c.begin, c.end, static_cast<int>(ci)});
  }
  for (uint32_t t = s.first_token; t < s.end_token; ++t) {
    if (IsNarratorPronoun(t, s)) {
      // "I'm", "we've": the placeholder is the pronoun; the contraction stays text ("⟨I⟩'m").
      std::string_view w = TokenText(t);
      size_t apostrophe = std::min(w.find('\''), w.find("\xE2\x80\x99"));
      const uint32_t end = apostrophe == std::string_view::npos
                               ? doc_.tokens[t].end
                               : doc_.tokens[t].begin + static_cast<uint32_t>(apostrophe);
      items.push_back({doc_.tokens[t].begin, end, -2});
    }
    if (ids) {
      std::string_view w = TokenText(t);
      // "His talk, ...": a possessive opening the sentence names the same person.
      bool opening_possessive = t == s.first_token && rules_.opening_possessives_.Contains(w);
      if (rules_.person_pronouns_.Contains(w) || opening_possessive) {
        // "I bumped into Ana, ..., and she introduced me": the one person named earlier in
        // the sentence; with two, the pronoun is left as a word; with none, `antecedent`.
        // ("She", "Her": the woman; "He", "His": the man; by the given names' gender.)
        const char first = w.empty() ? 'h' : static_cast<char>(std::tolower(w[0]));
        const size_t gendered = first == 's' || w == "Her" || w == "her" ? 1 : 2;
        int32_t person = antecedents ? (*antecedents)[gendered] : -1;
        std::string_view name;
        for (size_t ci = 0; ci < chunks.size(); ++ci) {
          const Chunk& c = chunks[ci];
          if (c.dropped || c.type != static_cast<int>(EntityType::kPerson) || (*ids)[ci] < 0 ||
              c.end > doc_.tokens[t].begin) {
            continue;
          }
          std::string_view text = Text(c.begin, c.end);
          if (!name.empty() && text != name) {
            person = -1;
            break;
          }
          name = text;
          person = (*ids)[ci];
        }
        if (person >= 0) {
          items.push_back({doc_.tokens[t].begin, doc_.tokens[t].end, -3, person});
        }
      }
    }
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const Item& a, const Item& b) { return a.begin < b.begin; });
  std::string out;
  out.reserve(s.end - s.begin + 24 * items.size());  // a placeholder is about 20 bytes
  segs->clear();
  uint32_t pos = s.begin;
  auto emit_raw = [&](uint32_t b, uint32_t e) {
    if (e <= b) return;
    segs->push_back({out.size(), e - b, b, e - b, -1});
    const size_t from = out.size();
    out.append(Text(b, e));
    // A hard-wrapped line goes on in the same sentence: the rules' spaces match its breaks.
    std::replace_if(
        out.begin() + static_cast<std::ptrdiff_t>(from), out.end(),
        [](char ch) { return ch == '\n' || ch == '\r' || ch == '\t'; }, ' ');
  };
  for (const Item& it : items) {
    if (it.begin < pos) continue;  // overlaps an earlier item
    emit_raw(pos, it.begin);
    // The placeholder goes straight into `out` (no temporary strings: a few per sentence).
    const size_t ph_begin = out.size();
    auto append_number = [&out](int64_t v) {
      char buf[24];
      out.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
    };
    out += "\xE2\x9F\xA8";
    if (it.chunk == -2) {
      out += 'I';
    } else if (it.chunk == -3) {
      out += "PERSON_";
      append_number(it.person);
    } else {
      const Chunk& c = chunks[static_cast<size_t>(it.chunk)];
      out += c.type == kUntyped ? "?" : EntityTypeName(static_cast<EntityType>(c.type));
      // Underscores, not dots: "\\bpanel\\b" in a rule must not match inside ⟨TALK_panel_4⟩.
      if (c.type != kUntyped && !c.subtype.empty()) {
        out += '_';
        out += c.subtype;
      }
      out += '_';
      append_number(ids ? (*ids)[static_cast<size_t>(it.chunk)] : it.chunk);
    }
    out += "\xE2\x9F\xA9";
    segs->push_back({ph_begin, out.size() - ph_begin, it.begin, it.end - it.begin, it.chunk});
    pos = it.end;
  }
  emit_raw(pos, s.end);
  return out;
}

uint32_t Extractor::ToDoc(const std::vector<Segment>& segs, size_t off) {
  for (const Segment& sg : segs) {
    if (off < sg.slot_begin + sg.slot_len || &sg == &segs.back()) {
      if (sg.chunk == -1) {
        return sg.doc_begin + static_cast<uint32_t>(
                                  std::min(off - sg.slot_begin, static_cast<size_t>(sg.doc_len)));
      }
      return off <= sg.slot_begin ? sg.doc_begin : sg.doc_begin + sg.doc_len;
    }
  }
  return 0;
}

std::vector<int> Extractor::SlotsIn(std::string_view part, bool outside_brackets,
                                    bool people_only) {
  std::vector<int> ids;
  size_t pos = 0;
  while ((pos = part.find("\xE2\x9F\xA8", pos)) != std::string_view::npos) {
    size_t close = part.find("\xE2\x9F\xA9", pos);
    if (close == std::string_view::npos) break;
    if (outside_brackets) {
      std::string_view before = part.substr(0, pos);
      if (std::count(before.begin(), before.end(), '(') >
          std::count(before.begin(), before.end(), ')')) {
        pos = close + 3;
        continue;
      }
    }
    std::string_view body = part.substr(pos + 3, close - pos - 3);
    if (people_only && body != "I" && !body.starts_with("PERSON_")) {
      pos = close + 3;
      continue;
    }
    if (body == "I") {
      ids.push_back(-2);
    } else if (size_t colon = body.rfind('_'); colon != std::string_view::npos) {
      ids.push_back(std::atoi(std::string(body.substr(colon + 1)).c_str()));
    }
    pos = close + 3;
  }
  return ids;
}

bool Extractor::OnlyCommonWords(const Chunk& c) const {
  for (uint32_t t = c.first_token; t < c.end_token; ++t) {
    if (!IsCommonWord(FoldCase(TokenText(t)))) return false;
  }
  return true;
}

void Extractor::ApplyContextRules(const Sentence& s, std::vector<Chunk>& chunks, int passes,
                                  std::string* last_seen, bool first_pass) {
  std::vector<Segment> segs;
  for (int pass = 0; pass < passes; ++pass) {
    std::string slotted = Slot(s, chunks, true, &segs);
    if (slotted == *last_seen) return;
    *last_seen = slotted;
    bool dirty = false;  // chunks changed since `slotted` was built
    for (int rule_index : rules_.context_index_->Candidates(slotted)) {
      const auto& rule = rules_.entity_rules_[static_cast<size_t>(rule_index)];
      if (dirty) {
        slotted = Slot(s, chunks, true, &segs);
        dirty = false;
      }
      re2::StringPiece text(slotted);
      re2::StringPiece sub[RuleSet::EntityRule::kMaxTargetGroup + 1];
      const int target = rule->target_group;
      size_t at = 0;
      while (at < slotted.size() &&
             rule->re.Compiled().Match(text, at, slotted.size(), re2::RE2::UNANCHORED, sub,
                                       target + 1)) {
        if (sub[target].data() == nullptr) {
          at = static_cast<size_t>(sub[0].data() - slotted.data()) +
               std::max<size_t>(sub[0].size(), 1);
          continue;
        }
        std::string_view group(sub[target].data(), sub[target].size());
        size_t gb = static_cast<size_t>(group.data() - slotted.data());
        size_t ge = gb + group.size();
        std::string_view match_text(sub[0].data(), sub[0].size());
        at = std::max(ge, gb + 1);
        if (rule->mode == RuleSet::EntityRule::Mode::kEach) {
          for (int id : SlotsIn(group)) {
            if (id < 0) continue;
            Chunk& c = chunks[static_cast<size_t>(id)];
            // (A known given name alone is left to its own evidence in every pass.)
            if (rule->weak && (first_pass || c.end_token == c.first_token + 1) &&
                LooksLikeFullName(c)) {
              // The given names may yet decline it ("Ruby Thailand"): the second pass looks
              // again even if nothing else changed.
              if (first_pass) last_seen->clear();
              continue;
            }
            // A hint never names dictionary words alone ("in Abstract Format").
            if (rule->hint && OnlyCommonWords(c)) continue;
            if (c.type == kUntyped || rule->force) {
              SetType(c, *rule, match_text);
              dirty = true;
            }
          }
          continue;
        }
        // span: the group becomes one new typed chunk replacing the chunks inside it.
        Chunk nc;
        nc.begin = ToDoc(segs, gb);
        nc.end = ToDoc(segs, ge);
        while (nc.end > nc.begin &&
               std::isspace(static_cast<unsigned char>(doc_.doc->text[nc.end - 1]))) {
          nc.end--;
        }
        bool blocked = nc.end <= nc.begin;
        std::vector<int> inner = SlotsIn(group);
        if (rule->keep) {
          // The slot starts after the kept mentions and a possessive: "⟨PERSON_3⟩’s
          // ⟨TALK_keynote_4⟩".
          for (int id : inner) {
            if (id >= 0) nc.begin = std::max(nc.begin, chunks[static_cast<size_t>(id)].end);
          }
          std::string_view rest = Text(nc.begin, nc.end);
          for (std::string_view p : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
            if (rest.starts_with(p)) {
              nc.begin += static_cast<uint32_t>(p.size());
              break;
            }
          }
          while (nc.begin < nc.end && doc_.doc->text[nc.begin] == ' ') nc.begin++;
          nc.mention_begin = ToDoc(segs, gb);
          blocked = nc.end <= nc.begin;
          inner.clear();
        }
        for (int id : inner) {
          if (id >= 0 && chunks[static_cast<size_t>(id)].type != kUntyped && !rule->force) {
            blocked = true;
          }
        }
        // "I listened Mehmet Demir talk": a person's full name and a kind is their talk, no
        // title.
        if (rule->type == EntityType::kTalk && !blocked && inner.size() == 1 && inner[0] >= 0) {
          const Chunk& name = chunks[static_cast<size_t>(inner[0])];
          const std::string_view rest = Text(name.end, nc.end);
          blocked = name.begin == nc.begin && name.end_token >= name.first_token + 2 &&
                    LooksLikeFullName(name) && rest.find(' ', 1) == std::string_view::npos;
        }
        // "a talk about it", "a talk on how hard ...": a topic is not a pronoun or a
        // function word.
        if (rule->type == EntityType::kTalk && !blocked) {
          std::string_view span = Text(nc.begin, nc.end);
          for (std::string_view cue : {" about ", " on "}) {
            size_t at = span.find(cue);
            if (at == std::string_view::npos) continue;
            // Only "<kind> on/about ...": a title may say "on its Promise".
            std::string_view before = span.substr(0, at);
            before = before.substr(
                before.rfind(' ') == std::string_view::npos ? 0 : before.rfind(' ') + 1);
            if (rules_.talk_kinds_.Canonical(before).empty()) break;
            std::string_view topic = span.substr(at + cue.size());
            std::string_view first = topic.substr(0, topic.find(' '));
            // ... nor a day or a month: "the keynote on Wednesday" is a time.
            if (rules_.function_words_.Contains(first) || rules_.not_names_.Contains(first)) {
              blocked = true;
            }
            break;
          }
        }
        if (rule->long_span && !blocked) {
          uint32_t words = 0;
          for (uint32_t t = s.first_token; t < s.end_token; ++t) {
            words += doc_.tokens[t].begin >= nc.begin && doc_.tokens[t].end <= nc.end &&
                     doc_.tokens[t].shape != Shape::kPunct;
          }
          blocked = words < 3;
        }
        if (blocked) continue;
        for (int id : inner) {
          if (id >= 0) chunks[static_cast<size_t>(id)].dropped = true;
        }
        nc.first_token = s.first_token;
        while (nc.first_token < s.end_token && doc_.tokens[nc.first_token].end <= nc.begin) {
          nc.first_token++;
        }
        nc.end_token = nc.first_token;
        while (nc.end_token < s.end_token && doc_.tokens[nc.end_token].begin < nc.end) {
          nc.end_token++;
        }
        SetType(nc, *rule, match_text);
        InsertChunk(chunks, std::move(nc));
        dirty = true;
        break;  // chunk indexes changed: re-slot before matching again
      }
    }
  }
}

}  // namespace kg

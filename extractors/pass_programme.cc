// The programme pass of stage 3: programme lists and lines ("Jane Doe - Fast Parsers").
// Inputs, outputs and the order of the passes: extractors/passes.h.

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "extractors/passes.h"

namespace kg {

bool Extractor::TypeProgrammeItem(uint32_t si, const Sentence& s, std::vector<Chunk>& chunks) {
  if (table_rows_.count(si)) {
    TypeTableRow(si, s, chunks);
    return true;
  }
  if (panel_members_.count(si)) {
    TypePanelMember(si, s, chunks);
    return true;
  }
  if (TypeItemSpeakerLine(si, s, chunks)) return true;
  if (ParseProgrammeLine(si, s, chunks)) return true;  // typed by its shape
  auto item = programme_items_.find(si);
  if (item == programme_items_.end()) return false;
  Chunk title = ProgrammeItemChunk(s, item->second);
  if (title.type != kUntyped && narrator_items_.count(si)) {
    line_relations_.push_back({si, kNarratorBegin, title.begin, "speaker_of", "programme_list"});
  }
  if (title.type != kUntyped) {
    std::erase_if(chunks, [&](const Chunk& c) { return c.begin < title.end; });
    chunks.insert(chunks.begin(), std::move(title));
  }
  return false;
}

std::vector<std::pair<uint32_t, uint32_t>> Extractor::TableCells(const Sentence& s) const {
  std::vector<std::pair<uint32_t, uint32_t>> cells;
  const std::string& text = doc_.doc->text;
  // The sentence must be its whole line (a row is one line).
  uint32_t b = s.begin, e = s.end;
  if (b > 0 && text[b - 1] != '\n') return cells;
  while (e < text.size() && (text[e] == ' ' || text[e] == '\t' || text[e] == '\r')) ++e;
  if (e < text.size() && text[e] != '\n') return cells;
  std::string_view line = Text(b, e);
  if (line.find('|') == std::string_view::npos) return cells;
  // "| a | b |": the outer pipes open and close the row.
  size_t from = 0, to = line.size();
  while (to > from && (line[to - 1] == ' ' || line[to - 1] == '\r')) --to;
  if (from < to && line[from] == '|') ++from;
  if (to > from && line[to - 1] == '|') --to;
  for (size_t at = from;;) {
    size_t bar = line.find('|', at);
    if (bar == std::string_view::npos || bar > to) bar = to;
    size_t cb = at, ce = bar;
    while (cb < ce && (line[cb] == ' ' || line[cb] == '\t')) ++cb;
    while (ce > cb && (line[ce - 1] == ' ' || line[ce - 1] == '\t')) --ce;
    cells.emplace_back(b + static_cast<uint32_t>(cb), b + static_cast<uint32_t>(ce));
    if (bar >= to) break;
    at = bar + 1;
  }
  if (cells.size() < 2) cells.clear();
  return cells;
}

// A table header's time column ("Time", "When"): with a talk column, a schedule.
constexpr int kTimeColumn = -2;

void Extractor::FindTables() {
  const auto& sents = doc_.sentences;
  // A column's type from its header cell: "Speaker(s)", "**Company**", "Talk title:".
  auto column = [&](uint32_t b, uint32_t e) {
    std::string_view cell = Text(b, e);
    while (!cell.empty() && (cell.front() == '*' || cell.front() == '_')) cell.remove_prefix(1);
    while (!cell.empty() && (cell.back() == '*' || cell.back() == '_' || cell.back() == ':')) {
      cell.remove_suffix(1);
    }
    std::string_view type = rules_.table_columns_.Canonical(cell);
    if (type == "PERSON") return static_cast<int>(EntityType::kPerson);
    if (type == "ORG") return static_cast<int>(EntityType::kOrg);
    if (type == "TALK") return static_cast<int>(EntityType::kTalk);
    if (type == "TIME") return kTimeColumn;
    return kUntyped;
  };
  for (uint32_t si = 0; si + 1 < sents.size(); ++si) {
    std::vector<std::pair<uint32_t, uint32_t>> head = TableCells(sents[si]);
    if (head.empty()) continue;
    std::vector<int> types;
    bool person = false, other = false, time = false, talk_column = false;
    for (auto [b, e] : head) {
      int type = column(b, e);
      time |= type == kTimeColumn;
      types.push_back(type == kTimeColumn ? kUntyped : type);
      person |= type == static_cast<int>(EntityType::kPerson);
      talk_column |= type == static_cast<int>(EntityType::kTalk);
      other |=
          type == static_cast<int>(EntityType::kTalk) || type == static_cast<int>(EntityType::kOrg);
    }
    // A table of people and their talks or organisations, or a schedule of times and talks,
    // with one title column: the last ("Talk | Speaker | Title": the title).
    if (!(person && other) && !(time && talk_column)) continue;
    bool talk = false;
    for (size_t c = types.size(); c-- > 0;) {
      if (types[c] != static_cast<int>(EntityType::kTalk)) continue;
      if (talk) types[c] = kUntyped;
      talk = true;
    }
    uint32_t row = si + 1;
    std::vector<uint32_t> rows;
    for (; row < sents.size(); ++row) {
      std::vector<std::pair<uint32_t, uint32_t>> cells = TableCells(sents[row]);
      if (cells.empty() || (cells.size() != head.size() && cells.size() + 1 != head.size())) break;
      rows.push_back(row);
    }
    if (rows.empty()) continue;
    table_rows_[si] = {};
    for (uint32_t r : rows) table_rows_[r] = types;
    si = row - 1;
  }
}

void Extractor::TrimMarks(uint32_t* b, uint32_t* e) const {
  for (bool changed = true; changed && *e > *b;) {
    changed = false;
    for (std::string_view q : kMarks) {
      if (Text(*b, *e).starts_with(q)) *b += static_cast<uint32_t>(q.size()), changed = true;
      if (*e > *b && Text(*b, *e).ends_with(q)) {
        *e -= static_cast<uint32_t>(q.size());
        changed = true;
      }
    }
  }
}

void Extractor::TypeTableRow(uint32_t si, const Sentence& s, std::vector<Chunk>& chunks) {
  const std::vector<int>& types = table_rows_[si];
  std::vector<std::pair<uint32_t, uint32_t>> cells = TableCells(s);
  // The header names columns, and "|---|:--|" rules them off: no names.
  bool rule_line = true;
  for (auto [b, e] : cells) {
    for (char ch : Text(b, e)) rule_line &= ch == '-' || ch == ':' || ch == ' ';
  }
  if (types.empty() || rule_line) {
    chunks.clear();
    return;
  }
  std::vector<Part> parts;
  size_t speakers = 0;
  uint32_t tb = 0, te = 0;
  std::string cell_kind;
  for (size_t c = 0; c < cells.size() && c < types.size(); ++c) {
    auto [b, e] = cells[c];
    TrimMarks(&b, &e);  // emphasis and quotes around a cell are no part of it
    if (e <= b) continue;
    // A cell of words, not "-", "TBA" in brackets or a time.
    auto [tf, tl] = TokensIn(s, b, e);
    bool word = false;
    for (uint32_t t = tf; t < tl; ++t) {
      const auto first = static_cast<unsigned char>(TokenText(t)[0]);
      word |= std::isalpha(first) != 0 || first >= 0x80;
    }
    if (!word) continue;
    if (types[c] == static_cast<int>(EntityType::kTalk)) {
      if (IsBreakItem(tf, tl)) continue;  // "Registration and tea", "Welcome & housekeeping"
      // "Panel: Pagers at Dawn": a programme word (two words at most) and a colon before the
      // title say its kind.
      std::string_view cell = Text(b, e);
      if (size_t colon = cell.find(':');
          colon != std::string_view::npos && colon + 1 < cell.size()) {
        std::string_view head = cell.substr(0, colon);
        std::string head_kind = TalkKind(head);
        if (!head_kind.empty() && std::count(head.begin(), head.end(), ' ') <= 1) {
          cell_kind = head_kind;
          b += static_cast<uint32_t>(colon + 1);
          while (b < e && Text(b, b + 1) == " ") ++b;
          TrimMarks(&b, &e);
        }
      }
      tb = b;
      te = e;
    } else if (types[c] == static_cast<int>(EntityType::kPerson)) {
      std::vector<Part> people;
      if (!ParseSpeakers(s, b, e, &people)) continue;
      for (const Part& p : people) {
        parts.insert(parts.begin() + static_cast<std::ptrdiff_t>(speakers), p);
        if (p.type == static_cast<int>(EntityType::kPerson)) ++speakers;
      }
    } else if (types[c] == static_cast<int>(EntityType::kOrg)) {
      parts.push_back({b, e, static_cast<int>(EntityType::kOrg)});
    }
  }
  const bool has_talk = te > tb;
  std::string kind = has_talk ? TalkKind(Text(tb, te)) : "";
  if (kind.empty()) kind = cell_kind;
  if (kind.empty()) kind = "talk";
  if (has_talk) parts.push_back({tb, te, static_cast<int>(EntityType::kTalk)});
  // Only the columns' parts are names: the other cells ("Room B", "Data engineering") are not.
  chunks.clear();
  InsertParts(s, parts, kind, "table_row", chunks);
  if (has_talk) line_talk_begin_[si] = tb;
  const std::string role_relation = kind == "panel" ? "panelist_of" : "speaker_of";
  for (const Part& p : parts) {
    if (p.type != static_cast<int>(EntityType::kPerson)) continue;
    if (has_talk) line_relations_.push_back({si, p.begin, tb, role_relation, "table_row"});
    AddSpeakerTies(si, p, parts, "table_row");
  }
}

void Extractor::FindProgrammeLists() {
  const auto& sents = doc_.sentences;
  for (uint32_t si = 0; si + 1 < sents.size(); ++si) {
    const Sentence& intro = sents[si];
    if (intro.end_token == intro.first_token) continue;
    // "... talks were about databases:" or a heading "Talks we liked" over a bullet list.
    bool colon = TokenText(intro.end_token - 1) == ":";
    // (A list item is no heading over the items after it: "- Felix and the crew for the
    // meetup" lists no socials.)
    bool heading_over_list =
        intro.is_heading && OpensWithListMarker(sents[si + 1]) && !OpensWithListMarker(intro);
    if (!colon && !heading_over_list) {
      FindAnnouncedItems(si);
      continue;
    }
    // The kind: named in the introducing sentence ("talks we liked:"), else in the two
    // sentences before it ("The lightning talks were great. Highlights:").
    // A heading introduces its own list: "Thanks" after a paragraph about a party lists no
    // parties. And a heading that is itself an item ("Panel: Is X Dead?") lists its people.
    std::string kind = TalkKind(doc_.TextOf(intro));
    // "The panelists were:" lists people (people_nouns.txt), whatever came before it.
    bool people = false, members = false;
    for (uint32_t t = intro.first_token; t < intro.end_token; ++t) {
      people |= rules_.people_nouns_.Contains(TokenText(t));
      members |= rules_.member_nouns_.Contains(TokenText(t));
    }
    // "Panel: Who Pays? ... Moderated by Ana, with panelists:" over "- Jo Berg (Acme)": the
    // panel's members, when a line just before names a panel.
    bool panelists = false;
    for (uint32_t t = intro.first_token; t < intro.end_token; ++t) {
      panelists |= FoldCase(TokenText(t)) == "panelists" || FoldCase(TokenText(t)) == "panellists";
    }
    if (colon && panelists) {
      uint32_t panel = UINT32_MAX;
      for (uint32_t back = 0; back <= 3 && back <= si && panel == UINT32_MAX; ++back) {
        const Sentence& p = sents[si - back];
        const bool line_start = p.begin == 0 || doc_.doc->text[p.begin - 1] == '\n';
        if (line_start && TalkKind(doc_.TextOf(p)) == "panel" && (back > 0 || !p.is_heading)) {
          panel = si - back;
        }
      }
      if (panel != UINT32_MAX && panel != si) {
        for (uint32_t k = si + 1; k < sents.size() && k <= si + 12; ++k) {
          if (!sents[k].is_heading || sents[k].end_token - sents[k].first_token > 12) break;
          panel_members_[k] = panel;
        }
        continue;
      }
    }
    // "Our team:" over "- Ana Ruiz – 2D artist": its members and what they did, no talks.
    if (colon && members && kind.empty()) {
      for (uint32_t k = si + 1; k < sents.size() && k <= si + 30; ++k) {
        if (!sents[k].is_heading || OpensInLowerCase(sents[k])) break;
        member_items_.insert(k);
      }
      continue;
    }
    // (Not across a heading: "## Our sponsors" starts a section of its own.)
    for (uint32_t back = 1;
         kind.empty() && !heading_over_list && !people && back <= 2 && back <= si; ++back) {
      kind = TalkKind(doc_.TextOf(sents[si - back]));
      if (sents[si - back].is_heading && !OpensWithListMarker(sents[si - back])) break;
    }
    if (kind.empty()) continue;
    if (heading_over_list) {
      bool names_an_item = false;
      for (uint32_t t = intro.first_token; t + 1 < intro.end_token; ++t) {
        names_an_item |= TokenText(t) == ":";
      }
      if (names_an_item) {
        // "Panel: Is X Dead?" over "- Moderator: Jane Doe", "- John Roe, Acme": its people.
        if (kind == "panel") {
          for (uint32_t k = si + 1; k < sents.size() && k <= si + 12; ++k) {
            if (!OpensWithListMarker(sents[k])) break;
            panel_members_[k] = si;
          }
        }
        continue;
      }
    }
    bool bullets = false;  // the items so far open with list markers
    for (uint32_t k = si + 1; k < sents.size() && k <= si + 30; ++k) {
      const Sentence& item = sents[k];
      std::string_view text = doc_.TextOf(item);
      // A link or a day's heading ("Day 3, 4 & 5") is no programme item, but the list goes on.
      bool link = text.find("://") != std::string_view::npos;
      if (item.is_heading && (link || IsDayHeading(item)) &&
          (!heading_over_list || OpensWithListMarker(item))) {
        continue;
      }
      // The list ends at a line that no longer opens as its items did (a new section's
      // heading), and at an item that opens in lower case: notes ("ran into Chidi again"),
      // not titles.
      const bool marked = OpensWithListMarker(item);
      if (!item.is_heading || text.find('!') != std::string_view::npos ||
          item.end_token - item.first_token < 2 || !IsCapitalizedWordIn(item) ||
          ((heading_over_list || bullets) && !marked) || OpensInLowerCase(item)) {
        break;
      }
      bullets |= marked;
      programme_items_[k] = kind;
    }
  }
}

void Extractor::FindAnnouncedItems(uint32_t si) {
  const Sentence& intro = doc_.sentences[si];
  bool narrator = false;
  for (uint32_t t = intro.first_token; t < intro.end_token && !narrator; ++t) {
    narrator = is_narrator_[t];
  }
  if (!narrator) return;  // most sentences: nothing more to look at
  int count = 0;
  std::string kind;
  bool gave = false;
  for (uint32_t t = intro.first_token; t < intro.end_token; ++t) {
    std::string_view w = TokenText(t);
    gave |= rules_.talk_giving_verbs_.Contains(w);
    if (t + 1 >= intro.end_token) break;
    int n = 0;
    if (std::string_view v = rules_.number_words_.Canonical(w); !v.empty()) {
      n = std::atoi(std::string(v).c_str());
    } else if (doc_.tokens[t].shape == Shape::kDigits && w.size() == 1) {
      n = w[0] - '0';
    }
    std::string_view next = TokenText(t + 1);
    if (n >= 2 && next.size() > 1 && next.back() == 's') {
      std::string_view k = rules_.talk_kinds_.Canonical(next);
      if (!k.empty()) {
        count = n;
        kind = std::string(k);
      }
    }
  }
  // Only the narrator's own announcement: "there were five workshops" is often followed by
  // headings that are not their titles.
  if (count == 0 || !narrator || !gave) return;
  int found = 0;
  const auto& sents = doc_.sentences;
  for (uint32_t k = si + 1; k < sents.size() && k <= si + 40 && found < count; ++k) {
    const Sentence& item = sents[k];
    if (!item.is_heading || item.end_token - item.first_token < 2 || !IsCapitalizedWordIn(item) ||
        doc_.TextOf(item).find('!') != std::string_view::npos) {
      continue;
    }
    programme_items_[k] = kind;
    narrator_items_.insert(k);
    ++found;
  }
}

bool Extractor::IsDayHeading(const Sentence& s) const {
  uint32_t t = s.first_token;
  while (t < s.end_token && doc_.tokens[t].shape == Shape::kPunct) ++t;
  if (t + 1 >= s.end_token || FoldCase(TokenText(t)) != "day") return false;
  std::string_view next = TokenText(t + 1);
  return doc_.tokens[t + 1].shape == Shape::kDigits ||
         !rules_.number_words_.Canonical(FoldCase(next)).empty() || FoldCase(next) == "one";
}

bool Extractor::OpensWithListMarker(const Sentence& s) const {
  std::string_view t = doc_.TextOf(s);
  // ("  * Gold: Acme": an indented item.)
  t.remove_prefix(std::min(t.size(), t.find_first_not_of(" \t")));
  if (t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ ") ||
      t.starts_with("\xE2\x80\xA2")) {
    return true;
  }
  size_t d = 0;
  while (d < t.size() && d < 3 && std::isdigit(static_cast<unsigned char>(t[d]))) ++d;
  return d > 0 && d + 1 < t.size() && (t[d] == '.' || t[d] == ')') && t[d + 1] == ' ';
}

bool Extractor::OpensInLowerCase(const Sentence& s) const {
  uint32_t t = s.first_token;
  while (t < s.end_token &&
         (doc_.tokens[t].shape == Shape::kPunct || doc_.tokens[t].shape == Shape::kSymbol ||
          (doc_.tokens[t].shape == Shape::kDigits && t + 1 < s.end_token &&
           (TokenText(t + 1) == "." || TokenText(t + 1) == ")")))) {
    ++t;  // "-", "*", "1.", a quotation mark
  }
  return t < s.end_token && doc_.tokens[t].shape == Shape::kLower;
}

bool Extractor::IsCapitalizedWordIn(const Sentence& s) const {
  for (uint32_t t = s.first_token; t < s.end_token; ++t) {
    if (IsCapitalized(t, s)) return true;
  }
  return false;
}

Extractor::Chunk Extractor::ProgrammeItemChunk(const Sentence& s, const std::string& kind) const {
  Chunk c;
  c.first_token = s.first_token;
  auto list_number = [&](uint32_t t) {  // "1." or "2)" opening a list item
    return t + 1 < s.end_token && (TokenText(t + 1) == "." || TokenText(t + 1) == ")");
  };
  while (c.first_token < s.end_token && doc_.tokens[c.first_token].shape != Shape::kCapitalized &&
         doc_.tokens[c.first_token].shape != Shape::kMixed &&
         doc_.tokens[c.first_token].shape != Shape::kAllCaps &&
         doc_.tokens[c.first_token].shape != Shape::kLower &&
         !(doc_.tokens[c.first_token].shape == Shape::kDigits && !list_number(c.first_token))) {
    c.first_token++;  // "-", "1.", "•", "“"; not the "16" of "16 Ways to ..."
  }
  // "11:00 - Morning tea": the time and its dash are no part of the title.
  if (c.first_token < s.end_token) {
    const uint32_t from = doc_.tokens[c.first_token].begin;
    if (size_t n = ScheduleTimeLength(Text(from, s.end)); n > 0) {
      while (c.first_token < s.end_token && doc_.tokens[c.first_token].begin < from + n) {
        ++c.first_token;
      }
    }
  }
  // 'Panel "Hiring in a Hurry"', 'Keynote: "Fast Parsers"': the item's programme word before
  // a quoted title is its kind, no part of the title.
  std::string word_kind;
  if (c.first_token + 2 < s.end_token) {
    uint32_t q = c.first_token + 1;
    if (TokenText(q) == ":") ++q;
    if (q + 1 < s.end_token && IsQuote(TokenText(q))) {
      word_kind = TalkKind(TokenText(c.first_token));
      if (!word_kind.empty()) c.first_token = q + 1;
    }
  }
  // A break or housekeeping item is no talk ("Lunch (thanks Kivuko!)", "Registration").
  c.end_token = c.first_token;
  while (c.end_token < s.end_token) {
    std::string_view w = TokenText(c.end_token);
    if (w == "by" || w == "-" || w == "\xE2\x80\x93" || w == "\xE2\x80\x94" || w == "(") break;
    // "A panel on funding with Ana Lima and Tom Berg": the people are no part of the title.
    // ("Taming Databases with Django" keeps its tail: no given name follows.)
    if (w == "with" && c.end_token + 1 < s.end_token && IsCapitalized(c.end_token + 1, s) &&
        rules_.given_names_.Contains(TokenText(c.end_token + 1)) &&
        c.end_token > c.first_token + 1) {
      break;
    }
    c.end_token++;
  }
  while (c.end_token > c.first_token && doc_.tokens[c.end_token - 1].shape == Shape::kPunct) {
    c.end_token--;  // a closing quote or a comma
  }
  if (IsBreakItem(c.first_token, c.end_token)) c.end_token = c.first_token;
  // "- Lina Dahl — data analyst at Kelpware" under "On the panel:": a person's name is who, not
  // a title, as on a programme line ("Functional Scala" is a title).
  if (c.end_token > c.first_token && LooksLikePersonName(s, c.first_token, c.end_token)) {
    c.end_token = c.first_token;
  }
  if (c.end_token > c.first_token) {
    c.begin = doc_.tokens[c.first_token].begin;
    c.end = doc_.tokens[c.end_token - 1].end;
    c.type = static_cast<int>(EntityType::kTalk);
    // The item's own programme word wins over the list's ("A panel on ..." in a talk list).
    std::string own = TalkKind(Text(c.begin, c.end));
    if (own.empty()) own = word_kind;
    c.subtype = own.empty() ? kind : own;
    c.rule = "programme_list";
  }
  return c;
}

bool Extractor::IsBreakItem(uint32_t first, uint32_t end) const {
  // "Morning tea", "Welcome & housekeeping", "Registration and Breakfast"; not "Welcome to the
  // Machine" (a capitalised word of its own: a title).
  if (first >= end || !rules_.programme_breaks_.Contains(TokenText(first))) return false;
  for (uint32_t t = first + 1; t < end; ++t) {
    const Shape sh = doc_.tokens[t].shape;
    if ((sh == Shape::kCapitalized || sh == Shape::kAllCaps || sh == Shape::kMixed ||
         sh == Shape::kDigits || sh == Shape::kAlnum) &&
        !rules_.programme_breaks_.Contains(TokenText(t))) {
      return false;
    }
  }
  return true;
}

bool Extractor::ShortAside(const Sentence& s, uint32_t b, uint32_t e) const {
  // ", visiting from Kyoto", ", a consultant from Lyon": a few words of description; not a
  // clause ("who gave me advice") nor the writer's own words.
  auto [f, l] = TokensIn(s, b, e);
  if (f < l && TokenText(f) == ",") ++f;
  if (l <= f || l - f > 6) return false;
  std::string_view first = TokenText(f);
  if (first == "who" || first == "which" || first == "that" || first == "whom" ||
      rules_.person_pronouns_.Contains(first)) {
    return false;
  }
  for (uint32_t t = f; t < l; ++t) {
    if (IsNarratorPronoun(t, s)) return false;
  }
  return true;
}

bool Extractor::ParseSpeakers(const Sentence& s, uint32_t b, uint32_t e, std::vector<Part>* parts,
                              uint32_t* end) const {
  auto [f, l] = TokensIn(s, b, e);
  uint32_t start = f;
  bool after_comma = false, pair_joined = false;
  auto flush = [&](uint32_t end, bool last) {
    // "Prof. Hanne Dahl": a title is no part of the name.
    while (start + 1 < end && (IsHonorific(start) || IsPersonTitle(start))) {
      ++start;
      if (start + 1 < end && TokenText(start) == "." && Adjacent(start - 1, start)) ++start;
    }
    if (end <= start) return true;
    // "Ida Holm of Kivuko Labs", "Ida Holm from the University of Turin": a person and her
    // organisation.
    for (uint32_t k = start + 2; k + 1 < end; ++k) {
      std::string_view w = TokenText(k);
      const uint32_t org = k + 2 < end && TokenText(k + 1) == "the" ? k + 2 : k + 1;
      bool org_words = true;  // "Acme Labs", "Bank of Lisbon"; not "Acme spoke on X"
      for (uint32_t o = org; o < end && org_words; ++o) {
        org_words = IsCapitalized(o, s) || rules_.inner_connectors_.Contains(TokenText(o)) ||
                    doc_.tokens[o].shape == Shape::kPunct;
      }
      if ((w == "of" || w == "from" || w == "at") && IsCapitalized(org, s) && org_words &&
          LooksLikePersonName(s, start, k)) {
        const uint32_t person = doc_.tokens[start].begin;
        parts->push_back({person, doc_.tokens[k - 1].end, static_cast<int>(EntityType::kPerson)});
        // "Liv Aas from Oslo": a known place is where she comes from.
        const bool place = w == "from" && org == k + 1 &&
                           IsPlaceName(Text(doc_.tokens[org].begin, doc_.tokens[end - 1].end));
        parts->push_back({doc_.tokens[org].begin, doc_.tokens[end - 1].end,
                          static_cast<int>(place ? EntityType::kPlace : EntityType::kOrg), person});
        return true;
      }
    }
    // "Kofi Mensah, Lumen": one word after a full name is the organisation, not a person.
    bool lone_word_after_full_name =
        last && after_comma && end == start + 1 && !parts->empty() &&
        parts->back().type == static_cast<int>(EntityType::kPerson) &&
        TokensIn(s, parts->back().begin, parts->back().end).second >
            TokensIn(s, parts->back().begin, parts->back().end).first + 1;
    if (!lone_word_after_full_name && LooksLikePersonName(s, start, end)) {
      parts->push_back({doc_.tokens[start].begin, doc_.tokens[end - 1].end,
                        static_cast<int>(EntityType::kPerson)});
      return true;
    }
    // "Jane Doe, VP of Engineering at Acme", "Jane Doe, CTO of Acme": the organisation follows
    // the role's "at" (or "of" after a whole role); a role alone ("Jane Doe, CTO") names none.
    if (last && after_comma && !parts->empty()) {
      for (uint32_t k = end - 1; k > start; --k) {
        if (!IsCapitalized(k, s)) continue;
        const std::string_view before = TokenText(k - 1);
        if (before == "at" || before == "@" ||
            (before == "of" && k >= start + 2 &&
             rules_.roles_.Contains(Text(doc_.tokens[start].begin, doc_.tokens[k - 2].end)))) {
          start = k;
          break;
        }
      }
      if (rules_.roles_.Contains(Text(doc_.tokens[start].begin, doc_.tokens[end - 1].end))) {
        return true;
      }
    }
    // "Jane Doe, Acme Labs": the last piece after a comma names the speakers' organisation.
    if (last && after_comma && !parts->empty() && IsCapitalized(start, s)) {
      parts->push_back(
          {doc_.tokens[start].begin, doc_.tokens[end - 1].end, static_cast<int>(EntityType::kOrg)});
      return true;
    }
    return false;
  };
  for (uint32_t t = f; t < l; ++t) {
    std::string_view w = TokenText(t);
    if (w == "(") {  // "(@jdoe)", "(Acme)": a handle or an aside, not part of the name
      if (!flush(t, false)) return false;
      uint32_t open = t;
      while (t < l && TokenText(t) != ")") ++t;
      // "Hanne Dahl (Aalborg University)": a capitalised aside after a speaker is their
      // organisation.
      if (t < l && t > open + 1 && IsCapitalized(open + 1, s) && !parts->empty() &&
          parts->back().type == static_cast<int>(EntityType::kPerson) &&
          parts->back().end == doc_.tokens[open - 1].end) {
        // "(Kasaba Pay, Istanbul)": the organisation ends before its city; "(Tabular, also on
        // the Iceberg PMC)": before a note in lower case.
        uint32_t org_end = t;
        for (uint32_t k = open + 2; k + 1 < t; ++k) {
          if (TokenText(k) != ",") continue;
          uint32_t tail = k + 1;
          while (tail < t && TokenText(tail) != ",") ++tail;
          if (IsPlaceName(Text(doc_.tokens[k + 1].begin, doc_.tokens[tail - 1].end)) ||
              doc_.tokens[k + 1].shape == Shape::kLower) {
            org_end = k;
          }
          break;
        }
        // "Hannah Kowalczyk & Joel Marsh (Shopify)": after a pair joined by "&" or "and" whose
        // first has no organisation of their own, both.
        uint32_t owner = parts->back().begin;
        if (parts->size() == 2 && (*parts)[0].type == static_cast<int>(EntityType::kPerson) &&
            pair_joined) {
          owner = UINT32_MAX;
        }
        parts->push_back({doc_.tokens[open + 1].begin, doc_.tokens[org_end - 1].end,
                          static_cast<int>(EntityType::kOrg), owner});
      }
      start = t + 1;
      continue;
    }
    // "by Jane Doe, a consultant from Lyon", "by Jane Doe, who ...": a lower-case word after a
    // comma ends the speakers.
    if (w == "," && t + 1 < l && doc_.tokens[t + 1].shape == Shape::kLower &&
        TokenText(t + 1) != "and") {
      if (!flush(t, true)) return false;
      start = l = t;
      break;
    }
    if (w == "," || w == "&" || w == "and" || w == "with" || w == "/" || w == ";" || w == "+") {
      if (!flush(t, false)) return false;
      after_comma = w == ",";
      pair_joined = parts->size() == 1 && (w == "&" || w == "and");
      start = t + 1;
    }
  }
  if (!flush(l, true)) return false;
  if (end) *end = l > f ? doc_.tokens[l - 1].end : b;
  bool person = false;
  for (const Part& p : *parts) person |= p.type == static_cast<int>(EntityType::kPerson);
  return person;
}

size_t Extractor::ScheduleTimeLength(std::string_view line) {
  size_t i = 0;
  auto time = [&]() {
    size_t start = i, digits = 0;
    while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i])) && digits < 2) {
      ++i;
      ++digits;
    }
    if (digits == 0 || i + 2 >= line.size() || (line[i] != ':' && line[i] != '.') ||
        !std::isdigit(static_cast<unsigned char>(line[i + 1])) ||
        !std::isdigit(static_cast<unsigned char>(line[i + 2]))) {
      i = start;
      return false;
    }
    i += 3;
    size_t j = i;
    while (j < line.size() && line[j] == ' ') ++j;
    for (std::string_view ampm : {"am", "pm", "AM", "PM"}) {
      if (line.substr(j).starts_with(ampm)) i = j + 2;
    }
    return true;
  };
  auto separator = [&]() {
    size_t start = i;
    while (i < line.size() && line[i] == ' ') ++i;
    for (std::string_view sep : {"-", "\xE2\x80\x93", "\xE2\x80\x94", "|", ":"}) {
      if (line.substr(i).starts_with(sep)) {
        i += sep.size();
        while (i < line.size() && line[i] == ' ') ++i;
        return true;
      }
    }
    i = start;
    return false;
  };
  if (!time()) return 0;
  size_t after_first = i;
  if (separator() && !time()) i = after_first;  // "09:30-10:15" is a range; "09:30 - Title" not
  separator();
  while (i < line.size() && line[i] == ' ') ++i;
  return i < line.size() ? i : 0;
}

bool Extractor::ParseProgrammeLine(uint32_t si, const Sentence& s, std::vector<Chunk>& chunks) {
  if (s.end_token - s.first_token < 2 || member_items_.count(si)) return false;
  bool list_item = OpensWithListMarker(s);
  // Running text: only 'prose' rules, on a sentence that opens its line. A line opening with
  // a time is a schedule's, whatever ends it ("11:30 Panel: Who Pays for Open Source?").
  const bool timed = (s.begin == 0 || doc_.doc->text[s.begin - 1] == '\n') &&
                     ScheduleTimeLength(doc_.TextOf(s)) > 0;
  bool prose = !s.is_heading && !list_item && !timed && !programme_items_.count(si);
  if (prose && s.begin > 0 && doc_.doc->text[s.begin - 1] != '\n') return false;
  // The text without a list marker or bold markers: "- **Jane Doe** - Parsers".
  uint32_t body = s.begin;
  std::string_view text = doc_.TextOf(s);
  if (list_item) {
    size_t i = 0;
    while (i < text.size() && text[i] != ' ') ++i;
    while (i < text.size() && text[i] == ' ') ++i;
    body += static_cast<uint32_t>(i);
  }
  // Markdown typed into plain text: "### Panel: Title", "- **Keynote: Title** - Jane Doe".
  while (body < s.end && doc_.doc->text[body] == '#') ++body;
  while (body < s.end && doc_.doc->text[body] == ' ') ++body;
  if (Text(body, s.end).starts_with("**") || Text(body, s.end).starts_with("__")) body += 2;
  body += static_cast<uint32_t>(ScheduleTimeLength(Text(body, s.end)));
  std::string_view line = Text(body, s.end);
  for (int index : rules_.line_index_->Candidates(line)) {
    const auto& rule = *rules_.entity_rules_[static_cast<size_t>(index)];
    if (prose && !rule.prose) continue;
    re2::StringPiece sub[8];
    int n = std::min(rule.re.NumberOfCapturingGroups() + 1, 8);
    if (!rule.re.Compiled().Match(re2::StringPiece(line.data(), line.size()), 0, line.size(),
                                  re2::RE2::UNANCHORED, sub, n)) {
      continue;
    }
    auto span = [&](int g, uint32_t* b, uint32_t* e) {
      if (g <= 0 || g >= n || sub[g].data() == nullptr || sub[g].empty()) return false;
      *b = body + static_cast<uint32_t>(sub[g].data() - line.data());
      *e = *b + static_cast<uint32_t>(sub[g].size());
      // ("“Title”." ending a line: the full stop after the closing quote goes first.)
      if (std::string_view t = Text(*b, *e); t.size() > 1 && t.back() == '.') {
        for (std::string_view q : kMarks) {
          if (q != " " && t.substr(0, t.size() - 1).ends_with(q)) --*e;
          if (*e < *b + t.size()) break;
        }
      }
      TrimMarks(b, e);  // quotes, emphasis and spaces around a part are not part of it
      while (*e > *b && (doc_.doc->text[*e - 1] == ',' || doc_.doc->text[*e - 1] == ':')) --*e;
      // The full stop ending the line ("- Jane Doe - Fast Parsers."), but not an
      // abbreviation's ("Acme Inc.", "J. Doe Jr.", "...").
      if (std::string_view t = Text(*b, *e);
          t.size() > 4 && t.back() == '.' && !t.ends_with("..")) {
        size_t word = t.find_last_of(" .", t.size() - 2);
        word = word == std::string_view::npos ? 0 : word + 1;
        std::string_view last = t.substr(word, t.size() - 1 - word);
        const std::string abbr = std::string(last) + ".";
        auto listed = [&](const std::vector<std::string>& list) {
          return std::find(list.begin(), list.end(), abbr) != list.end();
        };
        const auto& lex = rules_.tokenizer_lexicon();
        if (last.size() > 3 &&
            !(lex && (listed(lex->abbreviations) || listed(lex->maybe_final_abbreviations)))) {
          --*e;
        }
      }
      return *e > *b;
    };
    uint32_t tb, te;
    if (!span(rule.title_group, &tb, &te)) continue;
    // '- The best paper award went to "Quiet Machines", by ...': the quoted words ending the
    // title part are the title (running text keeps its own test of the whole part below).
    const uint32_t whole_tb = tb, whole_te = te;
    if (std::string_view t = Text(tb, te); t.size() > 4) {
      for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"\"", "\""},
                                 {"\xE2\x80\x9C", "\xE2\x80\x9D"}}) {
        size_t o = t.find(open);
        if (o == std::string_view::npos || o == 0 || t[o - 1] != ' ') continue;
        size_t c = t.find(close, o + open.size());
        if (c == std::string_view::npos) c = t.size();  // the closing quote was trimmed
        if (c <= o + open.size() + 2 || c + close.size() < t.size()) continue;
        te = tb + static_cast<uint32_t>(c);
        tb += static_cast<uint32_t>(o + open.size());
        break;
      }
    }
    // '"Ten Years of Cloud" (opening keynote)': a note in brackets after the closing quote
    // is no part of the title; it may say the item's kind.
    std::string_view title_note;
    if (std::string_view t = Text(tb, te); te == whole_te && t.ends_with(")")) {
      for (std::string_view close : {std::string_view("\""), std::string_view("\xE2\x80\x9D")}) {
        size_t c = t.rfind(close);
        if (c == std::string_view::npos || c < 3) continue;
        std::string_view rest = t.substr(c + close.size());
        size_t b = rest.find_first_not_of(' ');
        if (b == std::string_view::npos || rest[b] != '(' ||
            rest.find_first_of("()", b + 1) != rest.size() - 1) {
          continue;
        }
        title_note = rest.substr(b);
        te = tb + static_cast<uint32_t>(c);
        TrimMarks(&tb, &te);
        break;
      }
      // "Quiet Clusters (closing keynote)": unquoted, a bracket of a few words that name
      // the item's kind.
      if (size_t open = t.rfind(" ("); title_note.empty() && open != std::string_view::npos &&
                                       open > 3 && t.find(')', open) == t.size() - 1) {
        std::string_view note = t.substr(open + 1);
        // "Parsing (chair: Ana Lima)", "(chaired by Ana Lima)": who chairs it, no title.
        std::string_view first_word = note.substr(1, note.find_first_of(" :)", 1) - 1);
        if (IsChairWord(first_word) ||
            (std::count(note.begin(), note.end(), ' ') <= 2 && !TalkKind(note).empty())) {
          title_note = note;
          te = tb + static_cast<uint32_t>(open);
          TrimMarks(&tb, &te);
        }
      }
    }
    auto [tf, tl] = TokensIn(s, tb, te);
    if (tl <= tf || tl - tf > 40) continue;
    // "Welcome & housekeeping - Ana Lima": a break or housekeeping item is no talk.
    if (IsBreakItem(tf, tl)) continue;
    // "Lightning talks, chaired by Ida Holm": the people after "by" chair the item; they gave
    // no talk of that title.
    if (rule.speakers_group > 0) {
      auto [wf, wl] = TokensIn(s, whole_tb, whole_te);
      if (wl > wf && rules_.chairing_verbs_.Contains(TokenText(wl - 1))) continue;
    }
    // A lower-case title ("testing the untestable") needs speakers to vouch for the line, and
    // opens with no pronoun ("Anna Keller - she runs Kivuko" is a note about a person).
    if (!IsCapitalized(tf, s) && doc_.tokens[tf].shape != Shape::kDigits &&
        (rule.speakers_group == 0 || rules_.person_pronouns_.Contains(TokenText(tf)) ||
         IsNarratorPronoun(tf, s))) {
      continue;
    }
    // A title is not a name, nor only programme words ("Keynote", "Closing Keynote").
    if (LooksLikePersonName(s, tf, tl)) continue;
    if (prose && !InTitleCase(tf, tl)) continue;
    // "Paul Dunn went to Rust for Data People, ... run by Ida Holm": a sentence about a person.
    if (prose && tf + 2 < tl && doc_.tokens[tf + 2].shape == Shape::kLower &&
        LooksLikePersonName(s, tf, tf + 2)) {
      continue;
    }
    if (prose && (whole_tb != tb || whole_te != te)) {
      auto [wf, wl] = TokensIn(s, whole_tb, whole_te);
      if (!InTitleCase(wf, wl)) continue;
    }
    // "Eleanor: she introduced us at the party and I nodded": the writer's own words, no title;
    // in running text, also where names make most words capitalised ("On Monday I saw Ada
    // Brook's keynote ... led by Jo Berg"), unless every longer word is ("How I Met Rust").
    // A title in quotes or emphasis is marked as one: "*Why I stopped using unwrap* - Ida Holm".
    auto marked_at = [&](uint32_t at) {
      const char ch = doc_.doc->text[at];
      return ch == '*' || ch == '_' || ch == '"' ||
             Text(at, std::min<uint32_t>(at + 3, s.end)) == "\xE2\x80\x9C" ||
             Text(at, std::min<uint32_t>(at + 3, s.end)) == "\xE2\x80\x9D";
    };
    // So is one after a programme word and before its speakers ("Lightning talk: Why I
    // stopped using unwrap - Ida Holm"; Markdown's reader drops the emphasis).
    const bool marked_title =
        !prose && rule.speakers_group > 0 &&
        (rule.kind_group > 0 ||
         (tb >= s.begin + 1 && te + 1 <= s.end &&
          (marked_at(tb - 1) || (tb >= s.begin + 3 && marked_at(tb - 3))) && marked_at(te)));
    const bool narrator_words =
        !marked_title &&
        std::any_of(is_narrator_.begin() + tf, is_narrator_.begin() + tl, [](bool n) { return n; });
    if (narrator_words && !InTitleCase(tf, tl)) continue;
    // "Fjordhack, Bergen (Ana Lima)", "Oslo: Kelp Meetup (by Bo Lund)": a travel report's
    // section heading, an event and its place with the section's writer, is no talk.
    if (!marked_title && PlaceInTitle(tf, tl)) continue;
    // "- It's organised every year by Kivuko", "- Delivered by Jane Doe" (under the talk's
    // heading): a sentence or a verb in a list, no title (unless quoted or emphasised).
    if (!marked_title && s.end_token > tl && TokenText(tl) == "by") {
      auto participle = [&](uint32_t t) {
        const std::string w = FoldCase(TokenText(t));
        return (w.size() > 4 && w.ends_with("ed")) || w == "run" || w == "led" || w == "held" ||
               w == "given" || w == "taught";
      };
      // A passive before "by": "is organised", "was (jointly) run".
      bool passive = tl == tf + 1 && participle(tf);
      for (uint32_t t = tf; !passive && t + 1 < tl; ++t) {
        const std::string w = FoldCase(TokenText(t));
        const bool be = w == "is" || w == "was" || w == "are" || w == "were" || w == "been" ||
                        w.ends_with("'s");
        passive = be && (participle(t + 1) || (t + 2 < tl && participle(t + 2)));
      }
      if (passive) continue;
    }
    if (narrator_words && prose) {
      bool every = true;
      for (uint32_t t = tf; every && t < tl; ++t) {
        every = TokenText(t).size() < 4 || doc_.tokens[t].shape != Shape::kLower;
      }
      if (!every) continue;
    }
    bool only_kind_words = !rules_.talk_kinds_.Canonical(TokenText(tl - 1)).empty();
    for (uint32_t t = tf; only_kind_words && t + 1 < tl; ++t) {
      std::string_view w = TokenText(t);
      only_kind_words = !rules_.talk_kinds_.Canonical(w).empty() || IsCommonWord(FoldCase(w)) ||
                        doc_.tokens[t].shape == Shape::kDigits;
    }
    if (only_kind_words) continue;
    std::vector<Part> parts;
    uint32_t pb = 0, pe = 0;
    // "Jess Lund (Kivuko), moderating; with A (X), B and C": the moderator, then the panel.
    std::vector<Part> leading_moderators;
    if (rule.speakers_group > 0) {
      if (!span(rule.speakers_group, &pb, &pe)) continue;
      auto [sf, sl] = TokensIn(s, pb, pe);
      // "Parsing (chaired by Ana Lima)", "(chair: Bo Lund)": the people chair the item.
      if (sl > sf && IsChairWord(TokenText(sf))) continue;
      for (uint32_t k = sf + 1; k + 2 < sl; ++k) {
        const std::string_view w = TokenText(k);
        if (w != "moderating" && w != "moderator" && w != "chairing" && w != "hosting") continue;
        uint32_t with = k + 1;
        while (with < sl && with <= k + 3 && TokenText(with) != "with") ++with;
        uint32_t end = k;
        while (end > sf && (TokenText(end - 1) == "," || TokenText(end - 1) == "(" ||
                            TokenText(end - 1) == "as" || TokenText(end - 1) == "the")) {
          --end;
        }
        if (with + 1 < sl && TokenText(with) == "with" && end > sf &&
            ParseSpeakers(s, pb, doc_.tokens[end - 1].end, &leading_moderators)) {
          pb = doc_.tokens[with + 1].begin;
        } else {
          leading_moderators.clear();
        }
        break;
      }
      const uint32_t group_end = pe;
      if (!ParseSpeakers(s, pb, pe, &parts, &pe)) continue;
      // "Jane Doe, who gave me advice on databases": names that stop at a clause before the
      // title are no speakers of it (after the title, "by Jane Doe, a consultant" is fine).
      if (pe < group_end && pb < tb && !ShortAside(s, pe, group_end)) continue;
      // "The keynote by Ana Lima, CTO of Acme": after the speakers, a role is no title.
      if (pb < tb && rules_.roles_.Contains(TokenText(tf))) continue;
    }
    const uint32_t speakers_begin = pb, speakers_end = pe;
    // "..., moderated by Dana Whitfield": the moderators, people only.
    std::vector<Part> moderators;
    if (rule.moderators_group > 0) {
      if (!span(rule.moderators_group, &pb, &pe) || !ParseSpeakers(s, pb, pe, &moderators)) {
        continue;
      }
      std::erase_if(moderators,
                    [](const Part& p) { return p.type != static_cast<int>(EntityType::kPerson); });
    }
    moderators.insert(moderators.end(), leading_moderators.begin(), leading_moderators.end());
    std::string kind;
    if (uint32_t kb, ke; span(rule.kind_group, &kb, &ke)) kind = TalkKind(Text(kb, ke));
    if (kind.empty()) kind = TalkKind(Text(tb, te));
    if (kind.empty() && !title_note.empty()) kind = TalkKind(title_note);
    if (auto item = programme_items_.find(si); kind.empty() && item != programme_items_.end()) {
      kind = item->second;
    }
    if (kind.empty()) kind = "talk";
    // The line's parts replace the candidates they overlap.
    size_t speaker_parts = parts.size();
    parts.insert(parts.end(), moderators.begin(), moderators.end());
    parts.push_back({tb, te, static_cast<int>(EntityType::kTalk)});
    // So do the words of the speakers' part that are none ("VP of Engineering").
    std::erase_if(chunks, [&](const Chunk& c) {
      if (c.begin < speakers_end && speakers_begin < c.end) return true;
      for (const Part& p : parts) {
        if (c.begin < p.end && p.begin < c.end) return true;
      }
      return false;
    });
    InsertParts(s, parts, kind, rule.name, chunks);
    line_talk_begin_[si] = tb;
    // Every speaker speaks at the item, and belongs to the organisation named after them.
    std::string role_relation = kind == "panel" ? "panelist_of" : "speaker_of";
    for (size_t i = 0; i < parts.size(); ++i) {
      const Part& p = parts[i];
      if (p.type != static_cast<int>(EntityType::kPerson)) continue;
      if (i >= speaker_parts) {
        line_relations_.push_back({si, p.begin, tb, "moderator_of", rule.name});
        AddSpeakerTies(si, p, parts, rule.name);
        continue;
      }
      line_relations_.push_back({si, p.begin, tb, role_relation, rule.name});
      AddSpeakerTies(si, p, parts, rule.name);
    }
    return true;
  }
  return false;
}

void Extractor::AddSpeakerTies(uint32_t si, const Part& speaker, const std::vector<Part>& parts,
                               const std::string& rule) {
  // A speaker belongs to the organisation named after them, and comes from the place.
  for (const Part& o : parts) {
    if (o.owner != UINT32_MAX && o.owner != speaker.begin) continue;
    if (o.type == static_cast<int>(EntityType::kOrg)) {
      line_relations_.push_back({si, speaker.begin, o.begin, "affiliated_with", rule});
    } else if (o.type == static_cast<int>(EntityType::kPlace) && o.owner == speaker.begin) {
      line_relations_.push_back({si, speaker.begin, o.begin, "from", rule});
    }
  }
}

void Extractor::InsertParts(const Sentence& s, const std::vector<Part>& parts,
                            const std::string& kind, const std::string& rule,
                            std::vector<Chunk>& chunks) const {
  for (const Part& p : parts) {
    Chunk c;
    std::tie(c.first_token, c.end_token) = TokensIn(s, p.begin, p.end);
    c.begin = p.begin;
    c.end = p.end;
    c.type = p.type;
    c.subtype = p.type == static_cast<int>(EntityType::kTalk) ? kind : "";
    c.rule = rule;
    if (p.type == static_cast<int>(EntityType::kPlace)) {
      c.type = kUntyped;
      TypeByGazetteer(c);  // its subtype and canonical name
      if (c.type == kUntyped) c.type = p.type;
    }
    InsertChunk(chunks, std::move(c));
  }
}

void Extractor::TypePanelMember(uint32_t si, const Sentence& s, std::vector<Chunk>& chunks) {
  auto talk = line_talk_begin_.find(panel_members_[si]);
  if (talk == line_talk_begin_.end()) return;  // the heading named no title after all
  uint32_t t = s.first_token;
  while (t < s.end_token && doc_.tokens[t].shape == Shape::kPunct) ++t;  // the list marker
  const char* relation = "panelist_of";
  std::string_view first = t < s.end_token ? TokenText(t) : "";
  if ((first == "Moderator" || first == "Moderated" || first == "Chair" || first == "Host") &&
      t + 1 < s.end_token) {
    relation = "moderator_of";
    ++t;
    while (t < s.end_token && (TokenText(t) == ":" || TokenText(t) == "by")) ++t;
  }
  if (t >= s.end_token) return;
  std::vector<Part> parts;
  const uint32_t b = doc_.tokens[t].begin;
  // The whole item, else its first piece ("Jane Doe, an expert and consultant from Pune").
  if (!ParseSpeakers(s, b, s.end, &parts)) {
    parts.clear();
    uint32_t e = t;
    while (e < s.end_token && TokenText(e) != "," && TokenText(e) != "(") ++e;
    if (e == t || !ParseSpeakers(s, b, doc_.tokens[e - 1].end, &parts)) return;
  }
  AddItemPeople(si, s, parts, talk->second, relation, "panel_member_list", chunks);
}

void Extractor::AddItemPeople(uint32_t si, const Sentence& s, const std::vector<Part>& parts,
                              uint32_t talk_begin, const std::string& relation,
                              const std::string& rule, std::vector<Chunk>& chunks) {
  std::erase_if(chunks, [&](const Chunk& c) {
    for (const Part& p : parts) {
      if (c.begin < p.end && p.begin < c.end) return true;
    }
    return false;
  });
  InsertParts(s, parts, "", rule, chunks);
  for (const Part& p : parts) {
    if (p.type != static_cast<int>(EntityType::kPerson)) continue;
    line_relations_.push_back({si, p.begin, talk_begin, relation, rule});
    AddSpeakerTies(si, p, parts, rule);
  }
}

bool Extractor::TypeItemSpeakerLine(uint32_t si, const Sentence& s, std::vector<Chunk>& chunks) {
  if (si == 0 || s.first_token >= s.end_token) return false;
  const std::string& text = doc_.doc->text;
  // Indented by two spaces or a tab at least, on the line right after the sentence before.
  uint32_t line_start = s.begin;
  while (line_start > 0 && (text[line_start - 1] == ' ' || text[line_start - 1] == '\t')) {
    --line_start;
  }
  uint32_t body = line_start;
  while (body < s.end && (text[body] == ' ' || text[body] == '\t')) ++body;
  if (line_start == 0 || text[line_start - 1] != '\n' ||
      (body - line_start < 2 && text[line_start] != '\t')) {
    return false;
  }
  const Sentence& prev = doc_.sentences[si - 1];
  if (prev.end > line_start - 1 ||
      text.find('\n', prev.end) != static_cast<size_t>(line_start - 1)) {
    return false;
  }
  // The item: the sentence before, a line opening with a time that typed a talk, or a speaker
  // line of the same item.
  uint32_t item = si - 1;
  if (auto up = item_speaker_lines_.find(si - 1); up != item_speaker_lines_.end()) {
    item = up->second;
  } else {
    uint32_t item_line = prev.begin;
    while (item_line > 0 && text[item_line - 1] != '\n') --item_line;
    if (ScheduleTimeLength(Text(item_line, prev.end)) == 0) return false;
  }
  auto talk = sentence_talk_.find(item);
  if (talk == sentence_talk_.end()) return false;
  // "Moderator: Jane Doe (Acme)", "Panel: A (X), B (Y)", "Speakers: ...".
  uint32_t t = s.first_token;
  std::string relation = talk->second.second == "panel" ? "panelist_of" : "speaker_of";
  if (t + 2 < s.end_token && TokenText(t + 1) == ":") {
    std::string label = FoldCase(TokenText(t));
    if (label == "moderator" || label == "moderators" || label == "chair" || label == "host" ||
        label == "hosts" || label == "moderated" || label == "chaired") {
      relation = "moderator_of";
    } else if (label == "panel" || label == "panelists" || label == "panellists" ||
               label == "with") {
      relation = "panelist_of";
    } else if (label != "speaker" && label != "speakers" && label != "by") {
      return false;
    }
    t += 2;
  }
  item_speaker_lines_[si] = item;
  // "Jane Doe — Acme Labs, Lisbon": the people before a dash, their organisation (and its
  // place) after it; else "Jane Doe (Acme)", "Jane Doe [Acme]", "A (X), B (Y)".
  std::vector<Part> parts;
  uint32_t dash = t;
  // (A spaced dash: "Ana Olsen-Berg — Acme" keeps the hyphen of her name.)
  while (dash < s.end_token && ((TokenText(dash) != "\xE2\x80\x94" &&
                                 TokenText(dash) != "\xE2\x80\x93" && TokenText(dash) != "-") ||
                                (dash > t && Adjacent(dash - 1, dash)))) {
    ++dash;
  }
  if (dash + 1 < s.end_token && dash > t) {
    if (!ParseSpeakers(s, doc_.tokens[t].begin, doc_.tokens[dash - 1].end, &parts)) return true;
    uint32_t piece = dash + 1, comma = piece;
    while (comma < s.end_token && TokenText(comma) != ",") ++comma;
    const uint32_t owner = parts.size() == 1 ? parts[0].begin : UINT32_MAX;
    if (comma > piece && IsCapitalized(piece, s)) {
      const uint32_t b = doc_.tokens[piece].begin, e = doc_.tokens[comma - 1].end;
      parts.push_back(
          {b, e, static_cast<int>(IsPlaceName(Text(b, e)) ? EntityType::kPlace : EntityType::kOrg),
           owner});
    }
    if (comma + 1 < s.end_token && IsCapitalized(comma + 1, s)) {
      const uint32_t b = doc_.tokens[comma + 1].begin, e = doc_.tokens[s.end_token - 1].end;
      if (IsPlaceName(Text(b, e))) {
        parts.push_back({b, e, static_cast<int>(EntityType::kPlace), owner});  // from there
      }
    }
  } else if (uint32_t open = t; [&] {
               while (open < s.end_token && TokenText(open) != "[") ++open;
               return open > t && open + 1 < s.end_token;
             }()) {
    // "Jane Doe [Acme]": the people, then their organisation in square brackets.
    if (!ParseSpeakers(s, doc_.tokens[t].begin, doc_.tokens[open - 1].end, &parts)) return true;
    uint32_t close = open + 1;
    while (close < s.end_token && TokenText(close) != "]" && TokenText(close) != ",") ++close;
    if (close > open + 1 && IsCapitalized(open + 1, s)) {
      parts.push_back({doc_.tokens[open + 1].begin, doc_.tokens[close - 1].end,
                       static_cast<int>(EntityType::kOrg),
                       parts.size() == 1 ? parts[0].begin : UINT32_MAX});
    }
  } else {
    const uint32_t b = doc_.tokens[t].begin;
    uint32_t e = s.end;
    while (e > b && (text[e - 1] == ',' || text[e - 1] == ' ')) --e;
    if (!ParseSpeakers(s, b, e, &parts)) return true;
  }
  AddItemPeople(si, s, parts, talk->second.first, relation, "programme_speaker_line", chunks);
  return true;
}

void Extractor::HeadingBeforeASpeaker(uint32_t si, const Sentence& s,
                                      std::vector<Chunk>& chunks) const {
  if (!s.is_heading || si + 1 >= doc_.sentences.size() || IsDayHeading(s)) return;
  for (const Chunk& c : chunks) {
    // A programme line, or a name the heading is about ("Rust Meetup Lisbon").
    if (!c.dropped && c.type != kUntyped) return;
  }
  // The heading reads as a title: two to twelve words, opening with a capital.
  uint32_t words = 0;
  bool only_kinds = true;
  for (uint32_t t = s.first_token; t < s.end_token; ++t) {
    if (doc_.tokens[t].shape == Shape::kPunct) continue;
    ++words;
    only_kinds &= !rules_.talk_kinds_.Canonical(TokenText(t)).empty();
  }
  if (words < 2 || words > 12 || only_kinds || !IsCapitalized(s.first_token, s)) return;
  const Sentence& next = doc_.sentences[si + 1];
  if (next.is_heading || next.end_token < next.first_token + 3) return;
  uint32_t t = next.first_token;
  if (!rules_.given_names_.Contains(TokenText(t))) return;
  uint32_t e = t + 1;
  while (e < next.end_token && e < t + 4 && doc_.tokens[e].shape == Shape::kCapitalized) ++e;
  if (e == t + 1 || e >= next.end_token ||
      !rules_.presenting_verbs_.Contains(FoldCase(TokenText(e)))) {
    return;
  }
  Chunk title;
  title.first_token = s.first_token;
  title.end_token = s.end_token;
  while (title.end_token > title.first_token &&
         doc_.tokens[title.end_token - 1].shape == Shape::kPunct) {
    title.end_token--;
  }
  title.begin = doc_.tokens[title.first_token].begin;
  title.end = doc_.tokens[title.end_token - 1].end;
  title.type = static_cast<int>(EntityType::kTalk);
  title.subtype = TalkKind(Text(title.begin, title.end));
  if (title.subtype.empty()) title.subtype = "talk";
  title.rule = "heading_before_speaker";
  chunks.clear();
  chunks.push_back(std::move(title));
}

void Extractor::DropPossessiveTalkBeforeItsTitle(std::vector<Chunk>& chunks) const {
  for (size_t i = 0; i + 1 < chunks.size(); ++i) {
    Chunk& a = chunks[i];
    const Chunk& b = chunks[i + 1];
    if (a.dropped || b.dropped || a.type != static_cast<int>(EntityType::kTalk) ||
        b.type != static_cast<int>(EntityType::kTalk) || a.mention_begin == UINT32_MAX ||
        b.begin < a.end) {
      continue;
    }
    std::string_view between = Text(a.end, b.begin);
    bool only_punctuation =
        between.size() <= 6 && between.find_first_of(",:") != std::string_view::npos;
    for (char ch : between) {
      only_punctuation &= std::isspace(static_cast<unsigned char>(ch)) || ch == ',' || ch == ':' ||
                          ch == '"' || ch == '\'' || (ch & 0x80);
    }
    // "Ida Holm's talk was called "T"": the title follows its naming words (quotes and
    // commas around them left out).
    std::string words;
    for (char ch : between) {
      if (std::isalpha(static_cast<unsigned char>(ch)) || (ch == ' ' && !words.empty())) {
        words += ch;
      }
    }
    while (!words.empty() && words.back() == ' ') words.pop_back();
    if (only_punctuation || (!words.empty() && rules_.naming_phrases_.Contains(words))) {
      a.dropped = true;
    }
  }
}

}  // namespace kg

// Resolution: mentions -> entities of one document, relation candidates -> typed edges,
// inference rules, co-occurrence edges.
#include "graph/resolve.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace kg {
namespace {

// A name as written on one line: a hard wrap inside it ("Conference\nCentre") and any run of
// spaces are one space (a mention's text keeps the document's bytes; a label does not).
std::string OneLine(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char ch : name) {
    const bool space = ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : ch);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The key two names of one entity share: case-folded, possessive and a leading "the" removed,
// runs of other characters than letters, digits and '&' turned into one space.
std::string NameKey(std::string_view name) {
  std::string f = FoldCase(name);
  std::string out;
  out.reserve(f.size());
  size_t i = 0;
  // (ASCII tests, not std::isalnum: a libc call per byte of every name.)
  auto is_word = [](unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c >= 0x80 || c == '&';
  };
  while (i < f.size()) {
    // (Byte tests, not f.compare(i, 2, "'s"): this runs per byte of every name.)
    if (f[i] == '\'' && i + 1 < f.size() && f[i + 1] == 's' &&
        (i + 2 == f.size() || !is_word(f[i + 2]))) {
      i += 2;
      continue;
    }
    unsigned char c = static_cast<unsigned char>(f[i]);
    if (is_word(c)) {
      out.push_back(static_cast<char>(c));
    } else if (!out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
    ++i;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.starts_with("the ")) out.erase(0, 4);
  return out;
}

// Words(key).size(), without the words.
size_t WordCount(std::string_view key) {
  size_t n = 0;
  for (size_t i = 0; i < key.size(); ++i) n += key[i] != ' ' && (i == 0 || key[i - 1] == ' ');
  return n;
}

std::vector<std::string> Words(std::string_view key) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < key.size()) {
    size_t sp = key.find(' ', i);
    if (sp == std::string_view::npos) sp = key.size();
    if (sp > i) words.emplace_back(key.substr(i, sp - i));
    i = sp + 1;
  }
  return words;
}

bool IsPossessiveName(std::string_view s) {
  return s.find("'s") != std::string_view::npos ||
         s.find("\xE2\x80\x99s") != std::string_view::npos;
}

struct Entity {
  EntityType type;
  std::string subtype;
  std::string canonical;         // gazetteer canonical name, if any
  std::vector<size_t> mentions;  // indexes into Extraction::mentions, in document order
  std::set<std::string> keys;
  bool alive = true;
  std::string id, label;
};

class Resolver {
 public:
  Resolver(const TokenizedDocument& doc, const Extraction& ex, const RuleSet& rules,
           const ResolveOptions& options)
      : doc_(doc), ex_(ex), rules_(rules), options_(options), name_(doc.doc->id) {}

  DocumentGraph Run() {
    out_.doc = name_;
    std::vector<EntityType> types = ReconcileTypes();
    GroupByKey(types);
    MergePersons();
    MergeAcronyms();
    MergeNamesWithTheirShortNameInBrackets();
    MergeOrgsNamedWithoutTheirPlace();
    MergeBySubset(EntityType::kEvent, 1);
    MergeBySubset(EntityType::kTalk, 2);
    MergeTypos();
    MergePossessiveTalks();
    Finalize();
    AddRelations();
    KeepMostSpecificTalkRoles();
    AddInferred();
    AddCoOccurrences();
    return std::move(out_);
  }

 private:
  // The same name typed two ways in one document takes the type most of its mentions have.
  std::vector<EntityType> ReconcileTypes() const {
    // (Hashed: only looked up; a value's address is stable in either.)
    std::unordered_map<std::string, std::array<int, kMaxEntityTypes>> votes;
    std::vector<const std::array<int, kMaxEntityTypes>*> vote_of;  // per mention: its name's
    vote_of.reserve(ex_.mentions.size());
    for (const Mention& m : ex_.mentions) {
      auto& v = votes[NameKey(m.text)];
      v[static_cast<int>(m.type)]++;
      vote_of.push_back(&v);
    }
    std::vector<EntityType> types;
    for (size_t i = 0; i < ex_.mentions.size(); ++i) {
      const Mention& m = ex_.mentions[i];
      const auto& v = *vote_of[i];
      int best = static_cast<int>(m.type);
      for (int t = 0; t < EntityTypeCount(); ++t) {
        if (v[static_cast<size_t>(t)] > v[static_cast<size_t>(best)]) best = t;
      }
      types.push_back(static_cast<EntityType>(best));
    }
    return types;
  }

  void GroupByKey(const std::vector<EntityType>& types) {
    std::unordered_map<std::string, size_t> by_key;  // type (one byte) and key -> entity
    for (size_t i = 0; i < ex_.mentions.size(); ++i) {
      const Mention& m = ex_.mentions[i];
      std::string key = NameKey(m.canonical.empty() ? m.text : m.canonical);
      if (key.empty()) continue;
      // A type the schema does not define (left out with --no-default-rules) makes no node.
      if (!rules_.schema().FindType(EntityTypeName(types[i]))) continue;
      std::string k(1, static_cast<char>(types[i]));
      k += key;
      auto it = by_key.find(k);
      size_t e;
      if (it == by_key.end()) {
        e = entities_.size();
        by_key.emplace(k, e);
        Entity ent{types[i], types[i] == m.type ? m.subtype : "", m.canonical, {}, {key}, true, "",
                   ""};
        entities_.push_back(std::move(ent));
      } else {
        e = it->second;
      }
      if (entities_[e].subtype.empty() && types[i] == m.type) entities_[e].subtype = m.subtype;
      entities_[e].mentions.push_back(i);
    }
  }

  void Absorb(size_t into, size_t from) {
    Entity& a = entities_[into];
    Entity& b = entities_[from];
    a.mentions.insert(a.mentions.end(), b.mentions.begin(), b.mentions.end());
    std::sort(a.mentions.begin(), a.mentions.end());
    a.keys.insert(b.keys.begin(), b.keys.end());
    b.alive = false;
    b.mentions.clear();
  }

  std::vector<size_t> Alive(EntityType type) const {
    std::vector<size_t> out;
    for (size_t i = 0; i < entities_.size(); ++i) {
      if (entities_[i].alive && entities_[i].type == type) out.push_back(i);
    }
    return out;
  }

  // "Jay" joins "Jay Miller" when exactly one full name starts (or ends) with it; the given
  // names of a longer name join it too ("Mei-Ling", "Ana Lucia" of "Ana Lucia Vargas").
  void MergePersons() {
    std::vector<size_t> persons = Alive(EntityType::kPerson);
    // Each entity's fullest name: after "Scott" joined "Scott Bellware", its keys are both.
    // Computed once: the names absorbed here are the start or end of a longer one, which never
    // makes a name fuller, and the entities they join (a word more at least) stay alive.
    std::vector<std::vector<std::string>> fullest(persons.size());
    for (size_t p = 0; p < persons.size(); ++p) {
      for (const std::string& key : entities_[persons[p]].keys) {
        std::vector<std::string> kw = Words(key);
        if (kw.size() > fullest[p].size()) fullest[p] = std::move(kw);
      }
    }
    for (size_t short_e : persons) {
      std::vector<std::string> w = Words(*entities_[short_e].keys.begin());
      if (w.empty() || w.size() > 3 || entities_[short_e].keys.size() != 1) continue;
      std::vector<size_t> firsts, lasts;
      for (size_t p = 0; p < persons.size(); ++p) {
        size_t long_e = persons[p];
        if (long_e == short_e || !entities_[long_e].alive) continue;
        const std::vector<std::string>& lw = fullest[p];
        if (lw.size() < 2 || lw.size() <= w.size()) continue;
        if (std::equal(w.begin(), w.end(), lw.begin())) firsts.push_back(long_e);
        if (w.size() == 1 && lw.back() == w[0]) lasts.push_back(long_e);
      }
      if (firsts.size() == 1) {
        Absorb(firsts[0], short_e);
      } else if (firsts.empty() && lasts.size() == 1) {
        Absorb(lasts[0], short_e);
      } else if (firsts.size() > 1) {
        // Two people share the given name: "Scott" is the one named last before it.
        size_t first_use = entities_[short_e].mentions.front(), best = SIZE_MAX, best_at = 0;
        for (size_t long_e : firsts) {
          for (size_t mi : entities_[long_e].mentions) {
            if (mi < first_use && (best == SIZE_MAX || mi > best_at)) {
              best = long_e;
              best_at = mi;
            }
          }
        }
        if (best != SIZE_MAX) Absorb(best, short_e);
      }
    }
  }

  // The initials of an entity's name, connectors (data/lexicon/acronym_skip_words.txt) left
  // out: "psf" for Python Software Foundation, "wde" for Women in Data Engineering.
  std::string Initials(size_t e) const {
    std::string initials;
    for (const std::string& w : Words(*entities_[e].keys.begin())) {
      if (rules_.acronym_skip_words().Contains(w)) continue;
      initials.push_back(w[0]);
    }
    return initials;
  }

  // "PSF" joins "Python Software Foundation": the initials of the name's words.
  void MergeAcronyms() {
    std::vector<size_t> orgs = Alive(EntityType::kOrg);
    for (size_t a : orgs) {
      const Mention& m = ex_.mentions[entities_[a].mentions.front()];
      std::string_view text = m.text;
      bool acronym =
          text.size() >= 2 && text.size() <= 8 && std::all_of(text.begin(), text.end(), [](char c) {
            return std::isupper(static_cast<unsigned char>(c));
          });
      if (!acronym) continue;
      std::string lower = FoldCase(text);
      for (size_t b : orgs) {
        if (a == b || !entities_[b].alive) continue;
        if (Initials(b) == lower) {
          Absorb(b, a);
          break;
        }
      }
    }
    // "ICSE 2022, the International Conference on Software Engineering": an event's full name
    // joins its acronym (with or without the edition year); both stay names of the node.
    std::vector<size_t> events = Alive(EntityType::kEvent);
    for (size_t a : events) {
      if (!entities_[a].alive) continue;
      std::string_view text = ex_.mentions[entities_[a].mentions.front()].text;
      if (size_t space = text.find(' '); space != std::string_view::npos) {
        std::string_view year = text.substr(space + 1);
        if (year.size() != 4 || !std::all_of(year.begin(), year.end(), [](char c) {
              return std::isdigit(static_cast<unsigned char>(c));
            })) {
          continue;
        }
        text = text.substr(0, space);
      }
      if (text.size() < 3 || text.size() > 8 || !std::all_of(text.begin(), text.end(), [](char c) {
            return std::isupper(static_cast<unsigned char>(c));
          })) {
        continue;
      }
      std::string lower = FoldCase(text);
      for (size_t b : events) {
        if (a == b || !entities_[b].alive) continue;
        if (Initials(b) == lower) Absorb(a, b);
      }
    }
    // "WiDS Lagos 2025" and "Women in Data Science Lagos 2025": an acronym in mixed case (its
    // connectors' initials too) before the same place and year.
    for (size_t a : events) {
      if (!entities_[a].alive) continue;
      std::string_view text = ex_.mentions[entities_[a].mentions.front()].text;
      const size_t space = text.find(' ');
      if (space == std::string_view::npos) continue;
      const std::string_view acronym = text.substr(0, space), rest = text.substr(space);
      const auto capitals = std::count_if(acronym.begin(), acronym.end(), [](char c) {
        return std::isupper(static_cast<unsigned char>(c));
      });
      if (acronym.size() < 3 || acronym.size() > 8 || capitals < 2 ||
          !std::all_of(acronym.begin(), acronym.end(),
                       [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) {
        continue;
      }
      const std::string lower = FoldCase(acronym);
      for (size_t b : events) {
        if (a == b || !entities_[b].alive) continue;
        std::string_view full = ex_.mentions[entities_[b].mentions.front()].text;
        if (full.size() <= rest.size() + acronym.size() || !full.ends_with(rest)) continue;
        std::string every;
        for (const std::string& w : Words(NameKey(full.substr(0, full.size() - rest.size())))) {
          every.push_back(w[0]);
        }
        if (every == lower) {
          Absorb(b, a);
          break;
        }
      }
    }
  }

  // The alive entity of each mention (SIZE_MAX for none), for the merges that read relations
  // or neighbouring mentions.
  std::vector<size_t> MentionOwners() const {
    std::vector<size_t> owner(ex_.mentions.size(), SIZE_MAX);
    for (size_t e = 0; e < entities_.size(); ++e) {
      if (!entities_[e].alive) continue;
      for (size_t m : entities_[e].mentions) owner[m] = e;
    }
    return owner;
  }

  // "Postgres Conference Europe 2024 (PGConf.EU)": an event or organisation, then right after
  // it in brackets a short name of one or two words (not all capitals) of the same type, is
  // one entity.
  void MergeNamesWithTheirShortNameInBrackets() {
    std::vector<size_t> owner = MentionOwners();
    const std::string& text = doc_.doc->text;
    for (size_t i = 0; i + 1 < ex_.mentions.size(); ++i) {
      const Mention& a = ex_.mentions[i];
      const Mention& b = ex_.mentions[i + 1];
      if ((a.type != EntityType::kEvent && a.type != EntityType::kOrg) || b.type != a.type ||
          b.begin != a.end + 2 || text.compare(a.end, 2, " (") != 0 || b.end >= text.size() ||
          text[b.end] != ')' || std::count(b.text.begin(), b.text.end(), ' ') > 1) {
        continue;
      }
      // (An acronym in capitals is joined by its initials, MergeAcronyms, or not at all.)
      if (std::none_of(b.text.begin(), b.text.end(),
                       [](char c) { return std::islower(static_cast<unsigned char>(c)); })) {
        continue;
      }
      const size_t ea = owner[i], eb = owner[i + 1];
      if (ea == SIZE_MAX || eb == SIZE_MAX || ea == eb || !entities_[ea].alive ||
          !entities_[eb].alive) {
        continue;
      }
      Absorb(ea, eb);
      // ... and so is the short name with an edition year ("PGConf.EU 2024").
      for (size_t e = 0; e < entities_.size(); ++e) {
        if (e == ea || !entities_[e].alive || entities_[e].type != a.type) continue;
        std::string_view other = ex_.mentions[entities_[e].mentions.front()].text;
        if (other.size() == b.text.size() + 5 && other.starts_with(b.text) &&
            other[b.text.size()] == ' ' &&
            std::all_of(other.begin() + static_cast<std::ptrdiff_t>(b.text.size()) + 1, other.end(),
                        [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
          Absorb(ea, e);
        }
      }
      for (size_t m : entities_[ea].mentions) owner[m] = ea;
    }
  }

  // "the IT University" of "the IT University of Copenhagen": an organisation's name of two
  // words or more that one longer name of the document goes on with "of", "in" or "at".
  void MergeOrgsNamedWithoutTheirPlace() {
    std::vector<size_t> orgs = Alive(EntityType::kOrg);
    std::vector<std::string> keys(entities_.size());
    for (size_t e : orgs) keys[e] = NameKey(ex_.mentions[entities_[e].mentions.front()].text);
    for (size_t a : orgs) {
      if (WordCount(keys[a]) < 2) continue;
      size_t into = SIZE_MAX, found = 0;
      for (size_t b : orgs) {
        if (a == b || !entities_[b].alive || keys[b].size() <= keys[a].size() ||
            !keys[b].starts_with(keys[a])) {
          continue;
        }
        std::string_view rest = std::string_view(keys[b]).substr(keys[a].size());
        if (rest.starts_with(" of ") || rest.starts_with(" in ") || rest.starts_with(" at ")) {
          into = b;
          ++found;
        }
      }
      if (found == 1 && entities_[a].alive) Absorb(into, a);
    }
  }

  std::set<std::string> MatchWords(size_t e) const {
    std::set<std::string> words;
    for (size_t mi : entities_[e].mentions) {
      std::string f = FoldCase(ex_.mentions[mi].text);
      // Drop "+ CloudNativeCon": co-located event names are not part of the identity.
      if (size_t plus = f.find(" + "); plus != std::string::npos) {
        size_t next = f.find(' ', plus + 3);
        f.erase(plus, next == std::string::npos ? std::string::npos : next - plus);
      }
      for (const std::string& w : Words(NameKey(f))) {
        // "DevConf EU 2021" and "DevConf Europe 2021" are one event (data/lexicon).
        std::string_view same = rules_.name_synonyms().Canonical(w);
        words.insert(same.empty() ? w : std::string(same));
      }
      break;  // the first mention stands for the entity
    }
    return words;
  }

  // "PyCon" and "PyCon 2024" join "PyCon US 2024": a name whose words are all in a longer
  // name of the document is that entity; with several candidates, the most mentioned wins.
  // Used for events and talks ("Workgroup Session" of "D&I Workgroup Session").
  void MergeBySubset(EntityType type, size_t min_words) {
    std::vector<size_t> events = Alive(type);
    // Each entity's words, computed once and again for an entity that absorbs another (its
    // first mention may change).
    std::vector<std::set<std::string>> words(entities_.size());
    for (size_t e : events) words[e] = MatchWords(e);
    std::sort(events.begin(), events.end(),
              [&](size_t a, size_t b) { return words[a].size() > words[b].size(); });
    // "Harbour Lights 2024" (a title) and "the Harbour Lights Developers Conference" (the
    // text, with no year): an edition's name without its year is in the longer name, when
    // the document names no other year of it.
    auto is_year = [](const std::string& w) {
      return w.size() == 4 && (w.starts_with("19") || w.starts_with("20")) &&
             std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    auto without_years = [&](const std::set<std::string>& ws) {
      std::set<std::string> out;
      for (const std::string& w : ws) {
        if (!is_year(w)) out.insert(w);
      }
      return out;
    };
    std::map<std::set<std::string>, std::set<std::string>> years_of;  // words -> their years
    if (type == EntityType::kEvent) {
      for (size_t e : events) {
        for (const std::string& w : words[e]) {
          if (is_year(w)) years_of[without_years(words[e])].insert(w);
        }
      }
    }
    for (size_t i = events.size(); i-- > 0;) {
      size_t short_e = events[i];
      if (!entities_[short_e].alive) continue;
      const std::set<std::string>& sw = words[short_e];
      if (sw.size() < min_words) continue;
      std::set<std::string> sw_plain;
      if (type == EntityType::kEvent) {
        sw_plain = without_years(sw);
        auto years = years_of.find(sw_plain);
        if (sw_plain.size() == sw.size() || sw_plain.empty() || years == years_of.end() ||
            years->second.size() != 1) {
          sw_plain.clear();
        }
      }
      size_t best = SIZE_MAX;
      for (size_t long_e : events) {
        if (long_e == short_e || !entities_[long_e].alive) continue;
        const std::set<std::string>& lw = words[long_e];
        const bool plain_in_long =
            !sw_plain.empty() && lw.size() > sw_plain.size() &&
            std::none_of(lw.begin(), lw.end(), is_year) &&
            std::includes(lw.begin(), lw.end(), sw_plain.begin(), sw_plain.end());
        if (!plain_in_long &&
            (lw.size() < sw.size() || (lw.size() == sw.size() && long_e > short_e))) {
          continue;
        }
        if (!plain_in_long && !std::includes(lw.begin(), lw.end(), sw.begin(), sw.end())) {
          continue;
        }
        if (best == SIZE_MAX ||
            entities_[long_e].mentions.size() > entities_[best].mentions.size()) {
          best = long_e;
        }
      }
      if (best != SIZE_MAX) {
        Absorb(best, short_e);
        words[best] = MatchWords(best);
      }
    }
  }

  // "Hannah's talk" with no title of its own, where the text names exactly one other talk of
  // Hannah's ("The State of Open Weights" - Hannah Lee), is that talk.
  void MergePossessiveTalks() {
    // "X's talk": a possessive and one lower-case word, every mention.
    auto untitled = [&](const Entity& e) {
      for (size_t m : e.mentions) {
        std::string_view t = ex_.mentions[m].text;
        size_t space = t.rfind(' ');
        if (space == std::string_view::npos || space + 1 >= t.size() ||
            !std::islower(static_cast<unsigned char>(t[space + 1]))) {
          return false;
        }
        std::string_view before = t.substr(0, space);
        if (!before.ends_with("'s") && !before.ends_with("\xE2\x80\x99s")) return false;
      }
      return !e.mentions.empty();
    };
    std::vector<size_t> owner = MentionOwners();
    std::map<size_t, std::set<size_t>> talks_of;  // person -> the talks they speak at
    for (const RelationCandidate& r : ex_.relations) {
      if (r.relation != "speaker_of" || r.subject < 0 || r.object < 0) continue;
      const size_t p = owner[static_cast<size_t>(r.subject)];
      const size_t t = owner[static_cast<size_t>(r.object)];
      if (p == SIZE_MAX || t == SIZE_MAX || entities_[t].type != EntityType::kTalk) continue;
      talks_of[p].insert(t);
    }
    for (size_t t = 0; t < entities_.size(); ++t) {
      if (!entities_[t].alive || entities_[t].type != EntityType::kTalk ||
          !untitled(entities_[t])) {
        continue;
      }
      size_t speaker = SIZE_MAX, speakers = 0;
      for (const auto& [p, talks] : talks_of) {
        if (talks.count(t)) speaker = p, ++speakers;
      }
      if (speakers != 1) continue;
      size_t titled = SIZE_MAX, others = 0;
      for (size_t other : talks_of[speaker]) {
        if (other == t || !entities_[other].alive || untitled(entities_[other])) continue;
        titled = other;
        ++others;
      }
      if (others == 1) Absorb(titled, t);
    }
  }

  static bool OneEditApart(const std::string& a, const std::string& b) {
    if (a == b) return false;
    size_t la = a.size(), lb = b.size();
    if (la > lb + 1 || lb > la + 1) return false;
    size_t i = 0, j = 0, edits = 0;
    while (i < la && j < lb) {
      if (a[i] == b[j]) {
        ++i, ++j;
        continue;
      }
      if (++edits > 1) return false;
      if (la > lb) {
        ++i;
      } else if (lb > la) {
        ++j;
      } else {
        ++i, ++j;
      }
    }
    return edits + (la - i) + (lb - j) <= 1;
  }

  // Where two names can be one typo apart: for every word of four or more ASCII letters, the
  // name's word count, the word's position, the other words, and the word itself or with one
  // letter deleted (a deletion neighbourhood). Two names that differ in one word by one edit
  // share a signature; most names share none, so the typo merge compares near names only.
  static std::vector<std::string> TypoSignatures(const std::string& key) {
    std::vector<std::string> out;
    std::vector<std::string> w = Words(key);
    if (w.size() < 2) return out;
    for (size_t k = 0; k < w.size(); ++k) {
      const std::string& word = w[k];
      if (word.size() < 4 || !std::all_of(word.begin(), word.end(), ::isalpha)) continue;
      std::string prefix = std::to_string(w.size()) + '\x1f' + std::to_string(k) + '\x1f';
      for (size_t j = 0; j < w.size(); ++j) {
        if (j != k) prefix += w[j] + '\x1f';
      }
      prefix += '\x1e';
      out.push_back(prefix + word);
      for (size_t d = 0; d < word.size(); ++d) {
        out.push_back(prefix + word.substr(0, d) + word.substr(d + 1));
      }
    }
    return out;
  }

  bool IsTypoOf(size_t a, size_t b) const {
    std::vector<std::string> wa = Words(*entities_[a].keys.begin());
    std::vector<std::string> wb = Words(*entities_[b].keys.begin());
    if (wa.size() != wb.size() || wa.size() < 2) return false;
    int differing = 0;
    bool typo = true;
    for (size_t k = 0; k < wa.size() && typo; ++k) {
      if (wa[k] == wb[k]) continue;
      bool letters = wa[k].size() >= 4 && wb[k].size() >= 4 &&
                     std::all_of(wa[k].begin(), wa[k].end(), ::isalpha) &&
                     std::all_of(wb[k].begin(), wb[k].end(), ::isalpha);
      typo = ++differing == 1 && letters && OneEditApart(wa[k], wb[k]);
    }
    return typo && differing == 1;
  }

  // Up to this many names of a type, comparing every pair costs less than building the index.
  static constexpr size_t kTypoPairLoopMax = 64;

  // MergeTypos by the pair loop itself: `alive` in entity order, each with every other.
  void MergeTyposPairwise(const std::vector<size_t>& alive) {
    for (size_t a : alive) {
      for (size_t b : alive) {
        if (a == b || !entities_[a].alive || !entities_[b].alive) continue;
        if (entities_[a].mentions.size() < entities_[b].mentions.size() ||
            (entities_[a].mentions.size() == entities_[b].mentions.size() && a > b)) {
          continue;  // absorb the less mentioned into the more mentioned (then the first)
        }
        // One edit in one word changes the length of the name by one at most.
        const size_t la = entities_[a].keys.begin()->size();
        const size_t lb = entities_[b].keys.begin()->size();
        if (la > lb + 1 || lb > la + 1 || !IsTypoOf(a, b)) continue;
        Absorb(a, b);
      }
    }
  }

  // "PyCon APAAC" is "PyCon APAC": two names of one type whose words are equal but for one
  // word of letters (four or more) one edit apart. Numbers never count ("2024" vs "2025").
  // The result is that of comparing every pair in entity order (each name with every other,
  // the less mentioned absorbed into the more mentioned, then the first); the index of
  // TypoSignatures only skips the pairs that cannot match, so it takes near-linear time.
  void MergeTypos() {
    for (int t = 0; t < EntityTypeCount(); ++t) {
      std::vector<size_t> alive = Alive(static_cast<EntityType>(t));
      if (alive.size() <= kTypoPairLoopMax) {
        MergeTyposPairwise(alive);
        continue;
      }
      std::unordered_map<std::string, std::vector<size_t>> index;
      auto add = [&](size_t e) {
        for (std::string& sig : TypoSignatures(*entities_[e].keys.begin())) {
          index[std::move(sig)].push_back(e);
        }
      };
      for (size_t e : alive) add(e);
      for (size_t a : alive) {
        if (!entities_[a].alive) continue;
        size_t next = 0;  // candidates from this entity index on (the order of the pair loop)
        for (bool again = true; again;) {
          again = false;
          const std::string key = *entities_[a].keys.begin();
          std::vector<size_t> candidates;
          for (const std::string& sig : TypoSignatures(key)) {
            if (auto it = index.find(sig); it != index.end()) {
              for (size_t b : it->second) {
                if (b >= next) candidates.push_back(b);
              }
            }
          }
          std::sort(candidates.begin(), candidates.end());
          candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
          for (size_t b : candidates) {
            next = b + 1;
            if (a == b || !entities_[a].alive || !entities_[b].alive) continue;
            if (entities_[a].mentions.size() < entities_[b].mentions.size() ||
                (entities_[a].mentions.size() == entities_[b].mentions.size() && a > b)) {
              continue;  // absorb the less mentioned into the more mentioned (then the first)
            }
            if (!IsTypoOf(a, b)) continue;
            Absorb(a, b);
            if (*entities_[a].keys.begin() != key) {  // a's name changed: look again from b on
              add(a);
              again = true;
              break;
            }
          }
        }
      }
    }
  }

  void Finalize() {
    mention_entity_.assign(ex_.mentions.size(), -1);
    std::map<std::string, size_t> by_id;
    for (size_t e = 0; e < entities_.size(); ++e) {
      Entity& ent = entities_[e];
      if (!ent.alive) continue;
      // Label: the gazetteer's name, else the fullest name (most words, no possessive).
      std::string label;
      if (!ent.canonical.empty()) {
        label = ent.canonical;
      } else {
        size_t best_words = 0;
        bool best_possessive = true;
        for (size_t mi : ent.mentions) {
          const std::string& t = ex_.mentions[mi].text;
          // The label's own words again change nothing (most mentions repeat it).
          if (!label.empty() && t == label) continue;
          size_t words = WordCount(NameKey(t));
          bool possessive = IsPossessiveName(t);
          if (label.empty() || (best_possessive && !possessive) ||
              (possessive == best_possessive && words > best_words)) {
            label = t;
            best_words = words;
            best_possessive = possessive;
          }
        }
      }
      ent.label = OneLine(label);
      ent.id = NodeId(EntityTypeName(ent.type), ent.label);
      if (auto it = by_id.find(ent.id); it != by_id.end()) {
        Absorb(it->second, e);
        continue;
      }
      by_id.emplace(ent.id, e);
    }
    for (size_t e = 0; e < entities_.size(); ++e) {
      Entity& ent = entities_[e];
      if (!ent.alive) continue;
      NodeProps n;
      n.id = ent.id;
      n.label = ent.label;
      n.type = EntityTypeName(ent.type);
      id_type_[ent.id] = EntityTypeName(ent.type);
      // (A type a schema adds keeps its subtype too; a talk's is its kind.)
      if (ent.type == EntityType::kPlace || static_cast<int>(ent.type) >= kBuiltinEntityTypes) {
        n.subtype = ent.subtype;
      }
      if (ent.type == EntityType::kTalk) n.kind = ent.subtype.empty() ? "talk" : ent.subtype;
      std::set<std::string> aliases;
      for (size_t mi : ent.mentions) {
        const Mention& m = ex_.mentions[mi];
        if (std::string name = OneLine(m.text); name != ent.label) aliases.insert(name);
        if (n.mentions.size() < options_.max_node_mentions) {
          n.mentions.push_back(WithSource(
              {name_, m.cp_begin, m.cp_end, Shared(m.text), Shared(m.rule)}, m.begin, m.end));
        }
        mention_entity_[mi] = static_cast<int64_t>(e);
        if (ent.type == EntityType::kTalk) talk_sentences_.push_back({m.sentence, m.begin, ent.id});
      }
      first_sentence_[ent.id] = ex_.mentions[ent.mentions.front()].sentence;
      n.aliases.assign(aliases.begin(), aliases.end());
      n.documents = {doc_.doc->id};
      n.mention_counts = {{name_, ent.mentions.size()}};
      out_.nodes.push_back(std::move(n));
    }
    std::sort(talk_sentences_.begin(), talk_sentences_.end());
    if (ex_.has_narrator) {
      NodeProps n;
      // Named after the file name, not the path as typed, so runs from elsewhere agree.
      std::string_view file = doc_.doc->id;
      if (size_t slash = file.rfind('/'); slash != std::string_view::npos) {
        file.remove_prefix(slash + 1);
      }
      n.id = NodeId("PERSON", "narrator " + std::string(file));
      n.label = "Narrator of " + std::string(file);
      // The author of the metadata (front matter, <meta name="author">, a JSON Lines record)
      // names the narrator; the id stays per document, so two posts never share a narrator
      // by accident and runs agree on it.
      if (!doc_.doc->author.empty()) {
        n.aliases = {n.label};
        n.label = doc_.doc->author;
      }
      n.type = "PERSON";
      n.narrator = true;
      n.documents = {doc_.doc->id};
      narrator_id_ = n.id;
      id_type_[n.id] = "PERSON";
      out_.nodes.push_back(std::move(n));
    }
    // The main event: the event mentioned most, where a name with an edition year counts two
    // mentions more (a report names its own event with the year: "NodeConf 2024", while "a
    // Rust conference" or a title like "My First Kernel Conference" is generic), an event the
    // narrator is said to attend counts two more and one named in the opening sentences (the
    // title) one more, so a report that names its own event once still finds it; the first
    // mentioned on a tie.
    std::set<size_t> attended_mentions;
    for (const RelationCandidate& r : ex_.relations) {
      if (r.subject == kNarrator && r.object >= 0 && r.relation == "attended") {
        attended_mentions.insert(static_cast<size_t>(r.object));
      }
    }
    // A title line of its own ("Rust Oslo meetup, March edition") says what the report is
    // about: an event it names counts one more again.
    const bool titled = !doc_.sentences.empty() && doc_.sentences[0].is_heading;
    // A title naming two events is about the first ("Notes: a workshop 2024 at ConfX"): the
    // other is where it took place, however often the text names it.
    const Entity* title_subject = nullptr;
    if (titled) {
      std::vector<std::pair<uint32_t, size_t>> in_title;  // (begin, entity)
      for (size_t e = 0; e < entities_.size(); ++e) {
        if (!entities_[e].alive || entities_[e].type != EntityType::kEvent) continue;
        for (size_t m : entities_[e].mentions) {
          if (ex_.mentions[m].sentence == 0) in_title.push_back({ex_.mentions[m].begin, e});
        }
      }
      std::sort(in_title.begin(), in_title.end());
      for (const auto& [begin, e] : in_title) {
        if (e != in_title.front().second) title_subject = &entities_[in_title.front().second];
      }
    }
    auto score = [&](const Entity& ent) {
      size_t n = ent.mentions.size();
      bool attended = false, opening = false, title = false;
      for (size_t m : ent.mentions) {
        attended |= attended_mentions.count(m) > 0;
        opening |= ex_.mentions[m].sentence < 2;
        title |= titled && ex_.mentions[m].sentence == 0;
      }
      n += (attended ? 2 : 0) + (opening ? 1 : 0) + (title ? 1 : 0) +
           (&ent == title_subject ? 3 : 0);
      bool year = false;
      for (size_t i = 0; i + 4 <= ent.label.size(); ++i) {
        bool digits = true;
        for (size_t k = i; k < i + 4; ++k)
          digits &= std::isdigit(static_cast<unsigned char>(ent.label[k])) != 0;
        bool bounded = (i == 0 || !std::isdigit(static_cast<unsigned char>(ent.label[i - 1]))) &&
                       (i + 4 == ent.label.size() ||
                        !std::isdigit(static_cast<unsigned char>(ent.label[i + 4])));
        year |= digits && bounded &&
                (ent.label.compare(i, 2, "19") == 0 || ent.label.compare(i, 2, "20") == 0);
      }
      // "RSECon23": a two-digit year written in the name.
      const std::string& l = ent.label;
      year |= l.size() >= 5 && std::isdigit(static_cast<unsigned char>(l[l.size() - 1])) &&
              std::isdigit(static_cast<unsigned char>(l[l.size() - 2])) &&
              std::isalpha(static_cast<unsigned char>(l[l.size() - 3]));
      return n + (year ? 2 : 0);
    };
    // An event only described once by its kind ("at an R conference"), without a year, the
    // title or the narrator's attending, is too weak to be the report's own: the inferred
    // part_of and attended edges would all hang on a guess.
    auto weak = [&](const Entity& ent, size_t ent_score) {
      if (ent_score > 1) return false;
      for (size_t m : ent.mentions) {
        if (ex_.mentions[m].rule != "event_named_by_kind") return false;
      }
      return true;
    };
    // (Each score once: an event's walks all its mentions.)
    size_t best = SIZE_MAX, best_score = 0;
    for (size_t e = 0; e < entities_.size(); ++e) {
      const Entity& ent = entities_[e];
      if (!ent.alive || ent.type != EntityType::kEvent) continue;
      const size_t ent_score = score(ent);
      if (weak(ent, ent_score)) continue;
      if (best == SIZE_MAX || ent_score > best_score ||
          (ent_score == best_score && ent.mentions.front() < entities_[best].mentions.front())) {
        best = e;
        best_score = ent_score;
      }
    }
    std::string main_event_label;
    if (best != SIZE_MAX) {
      main_event_id_ = entities_[best].id;
      main_event_label = entities_[best].label;
    }
    // The main city: the city the report names most, if it names it at least twice or names
    // no other city; the first named on a tie. Trip reports name where they went, often in the
    // opening lines ("Copenhagen, September 2019" under the title): a city named there counts
    // one mention more.
    auto city_score = [&](const Entity& ent) {
      bool opening = false;
      for (size_t m : ent.mentions) opening |= ex_.mentions[m].sentence < 3;
      return ent.mentions.size() + (opening ? 1 : 0);
    };
    // "Flew in from Osaka": where the narrator came from is not where the event was.
    // Nor is a city named only as where people came from ("Liv Aas from Oslo").
    std::set<std::string> narrator_from;
    std::map<std::string, size_t> from_count;
    for (const RelationCandidate& r : ex_.relations) {
      if (r.relation != "from") continue;
      if (r.subject == kNarrator) narrator_from.insert(EndpointId(r.object, r.sentence));
      ++from_count[EndpointId(r.object, r.sentence)];
    }
    size_t city = SIZE_MAX, cities = 0, best_city_score = 0;
    for (size_t e = 0; e < entities_.size(); ++e) {
      const Entity& ent = entities_[e];
      if (!ent.alive || ent.type != EntityType::kPlace || ent.subtype != "city") continue;
      if (narrator_from.count(ent.id) != 0) continue;
      if (auto f = from_count.find(ent.id);
          f != from_count.end() && f->second >= ent.mentions.size()) {
        continue;
      }
      ++cities;
      const size_t ent_score = city_score(ent);
      if (city == SIZE_MAX || ent_score > best_city_score ||
          (ent_score == best_city_score &&
           ent.mentions.front() < entities_[city].mentions.front())) {
        city = e;
        best_city_score = ent_score;
      }
    }
    if (city != SIZE_MAX && (cities == 1 || best_city_score >= 2)) {
      main_city_id_ = entities_[city].id;
    }
    // "Rust Meetup Bengaluru ... a conference in Pune": an event whose name holds another city
    // is held there, not in the city the report happens to name.
    if (!main_city_id_.empty() && !main_event_id_.empty()) {
      const std::string& event = main_event_label;
      const std::string& place = entities_[city].label;
      size_t i = 0;
      while (i < event.size()) {
        size_t j = event.find(' ', i);
        if (j == std::string::npos) j = event.size();
        std::string_view word(event.data() + i, j - i);
        if (word != place && rules_.IsCity(word)) {
          main_city_id_.clear();
          break;
        }
        i = j + 1;
      }
    }
    // The narrator's organisation: the one the text says the narrator belongs to most often
    // (the first stated on a tie), for "Ida Holm, our producer" (@narrator_org).
    std::map<std::string, std::pair<int, size_t>> narrator_orgs;  // id -> (count, -first)
    for (size_t i = 0; i < ex_.relations.size(); ++i) {
      const RelationCandidate& r = ex_.relations[i];
      if (r.relation != "affiliated_with" || r.subject != kNarrator) continue;
      const std::string& org = EndpointId(r.object, r.sentence);
      if (org.empty() || TypeOf(org) != "ORG") continue;
      auto [it, fresh] = narrator_orgs.try_emplace(org, 0, i);
      ++it->second.first;
    }
    int most = 0;
    size_t first = SIZE_MAX;
    for (const auto& [id, count_first] : narrator_orgs) {
      if (count_first.first > most || (count_first.first == most && count_first.second < first)) {
        narrator_org_id_ = id;
        most = count_first.first;
        first = count_first.second;
      }
    }
  }

  // The document's one copy of a string that many spans and edges repeat: a rule's name, a
  // relation's, a mention's words.
  const SharedName& Shared(std::string_view text) const { return shared_.Get(text); }

  // Sentence `si` as a span; without `copy_text`, a reference (its text left empty). The
  // sentence's text is one copy, whichever edges it is evidence of.
  Span SentenceSpan(uint32_t si, const std::string& rule, bool copy_text = true) const {
    const Sentence& s = doc_.sentences[si];
    SharedName text;
    if (copy_text) {
      if (sentence_texts_.size() < doc_.sentences.size()) {
        sentence_texts_.resize(doc_.sentences.size());
      }
      if (sentence_texts_[si].empty()) sentence_texts_[si] = SharedName(doc_.TextOf(s));
      text = sentence_texts_[si];
    }
    return WithSource({name_, s.cp_begin, s.cp_end, std::move(text), Shared(rule)}, s.begin, s.end);
  }

  // The span's byte range in the original file, when the document's reader knows it.
  Span WithSource(Span span, uint32_t begin, uint32_t end) const {
    uint32_t b = 0, e = 0;
    if (SourceRange(doc_.doc->source_map, begin, end, &b, &e)) {
      span.source_start = b;
      span.source_end = e;
    }
    return span;
  }

  // The first talk mention in sentence `si` or after it (binary search).
  auto FirstTalkFrom(uint32_t si) const {
    return std::lower_bound(
        talk_sentences_.begin(), talk_sentences_.end(), si,
        [](const TalkMention& t, uint32_t sentence) { return t.sentence < sentence; });
  }

  // The TALK mention nearest to sentence `si`, at most two sentences away: in `si` itself, the
  // last one before byte `anchor` (the person the relation is about: "Ana's keynote and a
  // panel with Ida, moderated by Jo" is the panel), else its first; then the closer sentence,
  // the earlier on a tie, and in it the first talk. Binary search over the talks' sentences.
  const std::string& NearestTalk(uint32_t si, uint32_t anchor) const {
    static const std::string* const kNone = new std::string();
    auto it = FirstTalkFrom(si > 2 ? si - 2 : 0);
    const std::string* best = kNone;
    uint32_t best_distance = 3;
    for (; it != talk_sentences_.end() && it->sentence <= si + 2; ++it) {
      uint32_t distance = it->sentence > si ? it->sentence - si : si - it->sentence;
      if (distance < best_distance) {
        best_distance = distance;
        best = &it->id;
      } else if (distance == 0 && it->begin < anchor) {
        best = &it->id;  // in order: the last one before the anchor
      }
    }
    return *best;
  }

  // The panel named last in the five sentences before si, when no other talk is named after it
  // up to si; none otherwise.
  const std::string& PanelBefore(uint32_t si, const std::set<std::string>& panels) const {
    static const std::string* const kNone = new std::string();
    const std::string* last = kNone;
    for (auto it = FirstTalkFrom(si > 5 ? si - 5 : 0);
         it != talk_sentences_.end() && it->sentence <= si; ++it) {
      last = panels.count(it->id) ? &it->id : kNone;
    }
    return *last;
  }

  // Whether talk `id` is named in sentence `si`.
  bool TalkInSentence(const std::string& id, uint32_t si) const {
    auto it = FirstTalkFrom(si);
    for (; it != talk_sentences_.end() && it->sentence == si; ++it) {
      if (it->id == id) return true;
    }
    return false;
  }

  std::string_view TypeOf(const std::string& id) const {
    auto it = id_type_.find(id);
    return it == id_type_.end() ? std::string_view() : it->second;
  }

  // A reference, not a copy: it is called twice per relation candidate.
  // `anchor`: where the relation's other endpoint is named (for @nearest_talk).
  const std::string& EndpointId(int32_t endpoint, uint32_t si, uint32_t anchor = 0) const {
    static const std::string* const kNone = new std::string();
    if (endpoint == kNarrator) return narrator_id_;
    if (endpoint == kMainEvent) return main_event_id_;
    if (endpoint == kNarratorOrg) return narrator_org_id_;
    if (endpoint == kNearestTalk) return NearestTalk(si, anchor);
    if (endpoint < 0 || static_cast<size_t>(endpoint) >= mention_entity_.size() ||
        mention_entity_[static_cast<size_t>(endpoint)] < 0) {
      return *kNone;
    }
    return entities_[static_cast<size_t>(mention_entity_[static_cast<size_t>(endpoint)])].id;
  }

  // An edge's key in edge_index_: source, target, relation and role, each ended by a 0 byte
  // (no id or name holds one), written into *out.
  static void EdgeKey(std::string_view source, std::string_view target, std::string_view relation,
                      std::string_view role, std::string* out) {
    out->clear();
    for (std::string_view part : {source, target, relation, role}) {
      out->append(part);
      out->push_back('\0');
    }
  }

  // Adds one statement of an edge: the evidence sentence starting at code point `start`,
  // `make_evidence` its span (made only when kept). A sentence counts once per edge (two rules
  // matching it are one statement); an edge keeps at most options_.max_evidence spans and
  // counts every statement in its weight. Constant time per statement.
  template <typename MakeSpan>
  void AddEdge(const std::string& source, const std::string& target, const std::string& relation,
               const std::string& role, uint32_t start, const MakeSpan& make_evidence,
               bool keep_evidence = true) {
    if (source.empty() || target.empty() || source == target) return;
    bool symmetric = relation == "co_occurs";
    if (!symmetric) {
      // A relation the schema does not define, or whose signature the resolved endpoints do
      // not fit (a rule's slot was retyped by the document's vote), is no edge.
      const Schema::Relation* def = rules_.schema().FindRelation(relation);
      if (!def || !def->Allows(TypeOf(source), TypeOf(target))) return;
      symmetric = def->symmetric;
    }
    const std::string* s = &source;
    const std::string* t = &target;
    if (symmetric && *t < *s) std::swap(s, t);
    EdgeKey(*s, *t, relation, role, &key_buffer_);
    auto it = edge_index_.find(std::string_view(key_buffer_));
    if (it == edge_index_.end()) {
      DocumentGraph::Edge e;
      e.source = *s;
      e.target = *t;
      e.props.relation = Shared(relation);
      e.props.role = Shared(role);
      e.props.weight = 0;
      e.props.symmetric = symmetric;
      it = edge_index_.emplace(key_buffer_, out_.edges.size()).first;
      out_.edges.push_back(std::move(e));
    }
    if (!edge_sentences_.insert(uint64_t{it->second} << 32 | start).second) return;
    EdgeProps& p = out_.edges[it->second].props;
    p.weight += 1;
    if (keep_evidence && p.evidence.size() < options_.max_evidence) {
      p.evidence.push_back(make_evidence());
    }
  }
  void AddEdge(const std::string& source, const std::string& target, const std::string& relation,
               const std::string& role, uint32_t si, const std::string& rule) {
    AddEdge(source, target, relation, role, doc_.sentences[si].cp_begin,
            [&] { return SentenceSpan(si, rule); });
  }

  void AddRelations() {
    // A talk whose speakers the text states takes no speaker guessed from a neighbouring
    // sentence ("Ana spoke about X. Later, Bo gave a keynote titled "Y"": Ana is no speaker of Y).
    // (Panelists and moderators of a panel are several, and stay.)
    std::set<std::string> talks_with_stated_speakers;
    std::set<std::string> panels;      // "Amara's panel, "T"": who speaks on a panel sits on it
    std::set<std::string> solo_items;  // workshops, tutorials, keynotes, socials: no panelists
    std::set<std::string> talk_items;  // of kind "talk": one speaker's, no moderator
    for (const Entity& ent : entities_) {
      if (ent.alive && ent.type == EntityType::kTalk && ent.subtype == "panel") {
        panels.insert(ent.id);
      }
      if (ent.alive && ent.type == EntityType::kTalk &&
          (ent.subtype == "workshop" || ent.subtype == "tutorial" || ent.subtype == "keynote" ||
           ent.subtype == "social")) {
        solo_items.insert(ent.id);
      }
      if (ent.alive && ent.type == EntityType::kTalk && ent.subtype == "talk") {
        talk_items.insert(ent.id);
      }
    }
    const bool panelists = rules_.schema().FindRelation(kPanelistOf) != nullptr;
    for (const RelationCandidate& r : ex_.relations) {
      if (r.relation == "speaker_of" && r.object != kNearestTalk) {
        talks_with_stated_speakers.insert(EndpointId(r.object, r.sentence));
      }
    }
    for (const RelationCandidate& r : ex_.relations) {
      const std::string& s = EndpointId(r.subject, r.sentence);
      const std::string& nearest =
          EndpointId(r.object, r.sentence,
                     r.subject >= 0 ? ex_.mentions[static_cast<size_t>(r.subject)].begin : 0);
      // "The day ended with a panel, "T". A chaired it. She did it well. On stage: B and C": a
      // panel's people may come a few sentences after its title, with no talk between.
      const std::string& o = r.object == kNearestTalk && nearest.empty() &&
                                     (r.relation == kPanelistOf || r.relation == "moderator_of")
                                 ? PanelBefore(r.sentence, panels)
                                 : nearest;
      if (r.object == kNearestTalk && r.relation == "speaker_of" &&
          talks_with_stated_speakers.count(o)) {
        continue;
      }
      // "... a workshop run by Bo. I also enjoyed the career panel, which featured Ana": the
      // panelists (and moderator) of a panel the text does not name sit on no workshop of
      // another sentence.
      if (r.object == kNearestTalk && (r.relation == kPanelistOf || r.relation == "moderator_of") &&
          solo_items.count(o) && !TalkInSentence(o, r.sentence)) {
        continue;
      }
      // "The organising committee was chaired by Emma. ... Sofia presented "T"": a moderator
      // named in another sentence moderates a panel or a session, not a talk.
      if (r.object == kNearestTalk && r.relation == "moderator_of" && talk_items.count(o) &&
          !TalkInSentence(o, r.sentence)) {
        continue;
      }
      const bool on_panel = panelists && r.relation == "speaker_of" && panels.count(o);
      AddEdge(s, o, on_panel ? kPanelistOf : r.relation, r.role, r.sentence, r.rule);
      if (s.empty() || o.empty() || s == o) continue;
      if (r.relation == "met" && (s == narrator_id_ || o == narrator_id_)) {
        met_by_narrator_.insert(s == narrator_id_ ? o : s);
      }
      if (r.relation == "helped" && o == narrator_id_ && s.starts_with("person:")) {
        helpers_.insert(s);
      }
      if (r.relation == "organized" && o.starts_with("talk:") && s.starts_with("person:")) {
        talk_organizers_.insert(s);
      }
    }
  }

  // "a panel, moderated by X": the talk rules may also call X a speaker or a panelist. A
  // person has one role in a talk: moderator over panelist over speaker.
  // The schema's `exclusive` groups say which relations a pair keeps only one of.
  void KeepMostSpecificTalkRoles() {
    // relation -> (group, rank in group) for every group it is in
    std::map<std::string, std::vector<std::pair<int, int>>> rank;
    const auto& groups = rules_.schema().exclusive_groups();
    for (size_t g = 0; g < groups.size(); ++g) {
      for (size_t r = 0; r < groups[g].size(); ++r) {
        rank[groups[g][r]].emplace_back(static_cast<int>(g), static_cast<int>(r));
      }
    }
    if (rank.empty()) return;
    std::map<std::tuple<std::string, std::string, int>, int> best;
    for (const DocumentGraph::Edge& e : out_.edges) {
      auto r = rank.find(e.props.relation);
      if (r == rank.end()) continue;
      for (auto [group, place] : r->second) {
        int& b = best.try_emplace({e.source, e.target, group}, -1).first->second;
        b = std::max(b, place);
      }
    }
    size_t kept = 0;
    std::vector<uint32_t> new_index(out_.edges.size(), UINT32_MAX);
    for (size_t i = 0; i < out_.edges.size(); ++i) {
      const DocumentGraph::Edge& e = out_.edges[i];
      auto r = rank.find(e.props.relation);
      bool outranked = false;
      for (size_t k = 0; r != rank.end() && k < r->second.size(); ++k) {
        auto [group, place] = r->second[k];
        outranked |= place < best[{e.source, e.target, group}];
      }
      if (outranked) continue;
      if (kept != i) out_.edges[kept] = std::move(out_.edges[i]);
      new_index[i] = static_cast<uint32_t>(kept++);
    }
    if (kept == out_.edges.size()) return;
    out_.edges.resize(kept);
    std::unordered_set<uint64_t> sentences;
    sentences.reserve(edge_sentences_.size());
    for (uint64_t v : edge_sentences_) {
      const uint32_t to = new_index[v >> 32];
      if (to != UINT32_MAX) sentences.insert(uint64_t{to} << 32 | (v & 0xFFFFFFFFu));
    }
    edge_sentences_ = std::move(sentences);
    edge_index_.clear();
    for (size_t i = 0; i < out_.edges.size(); ++i) {
      const DocumentGraph::Edge& e = out_.edges[i];
      EdgeKey(e.source, e.target, e.props.relation, e.props.role, &key_buffer_);
      edge_index_[key_buffer_] = i;
    }
  }

  // The cities of the document whose names are words of entity `id`'s name ("DataFest Porto
  // 2026" -> Porto).
  std::vector<std::string> CitiesInName(const std::string& id) const {
    std::vector<std::string> ids;
    const Entity* named = nullptr;
    for (const Entity& e : entities_) {
      if (e.alive && e.id == id) named = &e;
    }
    if (!named) return ids;
    const std::string& name = named->label;
    for (const Entity& e : entities_) {
      if (!e.alive || e.type != EntityType::kPlace || e.subtype != "city" || e.label.empty()) {
        continue;
      }
      for (size_t at = name.find(e.label); at != std::string::npos;
           at = name.find(e.label, at + 1)) {
        size_t end = at + e.label.size();
        bool word_start = at == 0 || name[at - 1] == ' ';
        bool word_end = end == name.size() || name[end] == ' ' || name[end] == ',';
        if (word_start && word_end) {
          ids.push_back(e.id);
          break;
        }
      }
    }
    return ids;
  }

  std::vector<std::string> Select(const std::string& selector) const {
    std::vector<std::string> ids;
    if (selector == "@narrator") {
      if (!narrator_id_.empty()) ids.push_back(narrator_id_);
    } else if (selector == "@main_event") {
      if (!main_event_id_.empty()) ids.push_back(main_event_id_);
    } else if (selector == "@main_city") {
      if (!main_city_id_.empty()) ids.push_back(main_city_id_);
    } else if (selector == "@met_by_narrator") {
      ids.assign(met_by_narrator_.begin(), met_by_narrator_.end());
    } else if (selector == "@helpers") {
      ids.assign(helpers_.begin(), helpers_.end());
    } else if (selector == "@talk_organizers") {
      ids.assign(talk_organizers_.begin(), talk_organizers_.end());
    } else if (selector == "@main_event_speakers") {
      ids = MainEventSpeakers();
    } else if (selector == "@people_of_main_event") {
      ids = PeopleOfMainEvent();
    } else {
      for (const Entity& e : entities_) {
        if (e.alive && selector == EntityTypeName(e.type)) ids.push_back(e.id);
      }
    }
    return ids;
  }

  // The people with a talk role (a relation whose object can only be a talk: speaker_of,
  // panelist_of, moderator_of) in a talk that is part of the main event, in id order. Read
  // from the edges so far, so the part_of edges inferred by an earlier rule count.
  std::vector<std::string> MainEventSpeakers() const {
    std::vector<std::string> ids;
    if (main_event_id_.empty()) return ids;
    std::set<std::string> talks, people;
    for (const DocumentGraph::Edge& e : out_.edges) {
      if (e.target == main_event_id_ && e.props.relation == "part_of") talks.insert(e.source);
    }
    for (const DocumentGraph::Edge& e : out_.edges) {
      if (!talks.count(e.target) || !e.source.starts_with("person:")) continue;
      const Schema::Relation* r = rules_.schema().FindRelation(e.props.relation);
      if (r && r->objects.size() == 1 && r->objects[0] == "TALK") people.insert(e.source);
    }
    ids.assign(people.begin(), people.end());
    return ids;
  }

  // Every person of a report about an event, but those the text ties to another event: an
  // edge to another event, or a role in a talk of another event.
  std::vector<std::string> PeopleOfMainEvent() const {
    std::vector<std::string> ids;
    if (main_event_id_.empty()) return ids;
    std::set<std::string> other_talks, elsewhere;
    for (const DocumentGraph::Edge& e : out_.edges) {
      if (e.props.relation == "part_of" && e.target != main_event_id_ &&
          e.target.starts_with("event:")) {
        other_talks.insert(e.source);
      }
    }
    for (const DocumentGraph::Edge& e : out_.edges) {
      if (!e.source.starts_with("person:") || e.props.relation == "co_occurs") continue;
      if ((e.target.starts_with("event:") && e.target != main_event_id_) ||
          other_talks.count(e.target)) {
        elsewhere.insert(e.source);
      }
    }
    for (const Entity& e : entities_) {
      if (e.alive && e.type == EntityType::kPerson && !elsewhere.count(e.id)) {
        ids.push_back(e.id);
      }
    }
    return ids;
  }

  Span FirstMentionSentence(const std::string& id, const std::string& rule) const {
    if (auto it = first_sentence_.find(id); it != first_sentence_.end()) {
      return SentenceSpan(it->second, rule);
    }
    if (!doc_.sentences.empty()) return SentenceSpan(0, rule);
    return {name_, 0, 0, "", Shared(rule)};
  }

  void AddInferred() {
    std::set<std::pair<std::string, std::string>> stated;  // (subject, relation) from the text
    for (const DocumentGraph::Edge& e : out_.edges) stated.emplace(e.source, e.props.relation);
    for (const RuleSet::InferenceRule& rule : rules_.inference_rules()) {
      for (const std::string& s : Select(rule.subject)) {
        if (rule.unless_stated && stated.count({s, rule.relation})) continue;
        for (const std::string& o :
             rule.object == "@city_in_name" ? CitiesInName(s) : Select(rule.object)) {
          std::string anchor = s == narrator_id_ ? o : s;
          Span evidence = FirstMentionSentence(anchor, "inference:" + rule.name);
          AddEdge(s, o, rule.relation, "", evidence.start, [&] { return evidence; });
        }
      }
    }
  }

  // Entities named in one sentence co-occur: one edge per pair, at most
  // options_.max_pairs_per_sentence pairs a sentence (the first in sorted id order; the rest
  // are counted in out_.pairs_dropped). Their evidence is a reference to the sentence (document
  // and offsets, no text): co-occurrences are most of the edges of a corpus, and a copy of the
  // sentence for each would make the graph grow with the text.
  void AddCoOccurrences() {
    // (sentence, entity id) of every resolved mention, by sentence, then id.
    std::vector<std::pair<uint32_t, const std::string*>> named;
    for (size_t mi = 0; mi < mention_entity_.size(); ++mi) {
      if (mention_entity_[mi] < 0) continue;
      named.emplace_back(ex_.mentions[mi].sentence,
                         &entities_[static_cast<size_t>(mention_entity_[mi])].id);
    }
    std::sort(named.begin(), named.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : *a.second < *b.second;
    });
    named.erase(std::unique(named.begin(), named.end(),
                            [](const auto& a, const auto& b) {
                              return a.first == b.first && *a.second == *b.second;
                            }),
                named.end());
    const std::string rule = "co_occurrence";
    const std::string relation = "co_occurs";
    const std::string no_role;
    for (size_t begin = 0, end = 0; begin < named.size(); begin = end) {
      const uint32_t si = named[begin].first;  // a plain variable: lambdas capture it (clang 14)
      for (end = begin; end < named.size() && named[end].first == si;) ++end;
      const size_t n = end - begin;
      const size_t pairs = n * (n - 1) / 2;
      size_t made = 0;
      for (size_t a = begin; a < end && made < options_.max_pairs_per_sentence; ++a) {
        for (size_t b = a + 1; b < end && made < options_.max_pairs_per_sentence; ++b) {
          AddEdge(*named[a].second, *named[b].second, relation, no_role,
                  doc_.sentences[si].cp_begin, [&] {
                    Span span = SentenceSpan(si, rule, /*copy_text=*/false);
                    return span;
                  });
          ++made;
        }
      }
      if (made < pairs) {
        ++out_.sentences_pairs_capped;
        out_.pairs_dropped += pairs - made;
      }
    }
  }

  const TokenizedDocument& doc_;
  const Extraction& ex_;
  const RuleSet& rules_;
  const ResolveOptions& options_;
  const SharedName name_;       // the document's name, shared by every span and count
  mutable SharedNames shared_;  // Shared's
  mutable std::vector<SharedName> sentence_texts_;  // SentenceSpan's, by sentence
  DocumentGraph out_;
  // (edge index << 32 | sentence start) of every statement: one set, not one per edge.
  std::unordered_set<uint64_t> edge_sentences_;
  std::vector<Entity> entities_;
  std::vector<int64_t> mention_entity_;  // per mention: its entity, -1 for none
  struct TalkMention {
    uint32_t sentence, begin;  // the mention's sentence and first byte
    std::string id;
    bool operator<(const TalkMention& o) const {
      return std::tie(sentence, begin, id) < std::tie(o.sentence, o.begin, o.id);
    }
  };
  std::vector<TalkMention> talk_sentences_;  // every talk mention, in document order
  std::unordered_map<std::string, uint32_t> first_sentence_;  // entity id -> sentence
  // EdgeKey -> index in out_.edges. Hashed: AddEdge runs per statement and per co-occurring
  // pair, and a tree of four-string tuples was a fifth of a large document's resolution.
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view k) const { return std::hash<std::string_view>()(k); }
  };
  std::unordered_map<std::string, size_t, KeyHash, std::equal_to<>> edge_index_;
  std::string key_buffer_;  // AddEdge's key, reused
  std::set<std::string> met_by_narrator_, helpers_, talk_organizers_;
  std::string narrator_id_, main_event_id_, main_city_id_, narrator_org_id_;
  inline static const std::string kPanelistOf = "panelist_of";
  std::unordered_map<std::string, std::string_view> id_type_;  // node id -> its type's name
};

}  // namespace

DocumentGraph ResolveDocument(const TokenizedDocument& doc, const Extraction& extraction,
                              const RuleSet& rules, const ResolveOptions& options) {
  const size_t max = options.max_mentions;
  if (extraction.mentions.size() <= max) return Resolver(doc, extraction, rules, options).Run();
  // Mentions are in document order: keep a prefix of the document, and the relations that
  // name nothing past it (special endpoints, the narrator and the main event, are negative).
  Extraction kept;
  kept.mentions.assign(extraction.mentions.begin(),
                       extraction.mentions.begin() + static_cast<std::ptrdiff_t>(max));
  auto within = [max](int32_t e) { return e < 0 || static_cast<size_t>(e) < max; };
  for (const RelationCandidate& r : extraction.relations) {
    if (within(r.subject) && within(r.object)) kept.relations.push_back(r);
  }
  kept.has_narrator = extraction.has_narrator;
  DocumentGraph graph = Resolver(doc, kept, rules, options).Run();
  graph.mentions_dropped = extraction.mentions.size() - max;
  return graph;
}

}  // namespace kg

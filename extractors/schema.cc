// Reading data/schema (the grammar is at the top of that file and in docs/rules.md).
#include "extractors/schema.h"

#include <algorithm>
#include <sstream>

#include "extractors/extract.h"

namespace kg {
namespace {

// One field of a line and the 1-based column where it starts (for error messages).
struct Field {
  std::string text;
  size_t column = 1;
};

std::vector<Field> SplitLine(const std::string& line) {
  std::vector<Field> fields;
  size_t pos = 0;
  while (true) {
    size_t bar = line.find(" | ", pos);
    std::string_view raw = std::string_view(line).substr(
        pos, bar == std::string::npos ? std::string::npos : bar - pos);
    size_t b = raw.find_first_not_of(" \t");
    size_t e = raw.find_last_not_of(" \t\r");
    Field f;
    f.column = pos + (b == std::string_view::npos ? 0 : b) + 1;
    if (b != std::string_view::npos) f.text = std::string(raw.substr(b, e - b + 1));
    fields.push_back(std::move(f));
    if (bar == std::string::npos) break;
    pos = bar + 3;
  }
  return fields;
}

// "a, b , c" -> {"a", "b", "c"}; "-" or "*" -> {}.
std::vector<std::string> SplitList(std::string_view s, char sep) {
  std::vector<std::string> out;
  if (s == "-" || s == "*") return out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t next = std::min(s.find(sep, pos), s.size());
    std::string_view item = s.substr(pos, next - pos);
    size_t b = item.find_first_not_of(' ');
    size_t e = item.find_last_not_of(' ');
    out.emplace_back(b == std::string_view::npos ? "" : item.substr(b, e - b + 1));
    pos = next + 1;
  }
  return out;
}

bool IsTypeName(std::string_view s) {
  return !s.empty() && s.size() <= 24 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool IsRelationName(std::string_view s) {
  return !s.empty() && s.size() <= 48 && s[0] >= 'a' && s[0] <= 'z' &&
         std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
         });
}

bool IsColor(std::string_view s) {
  return s.size() == 7 && s[0] == '#' && std::all_of(s.begin() + 1, s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
         });
}

}  // namespace

bool Schema::Relation::Has(const std::vector<std::string>& types, std::string_view type) {
  return types.empty() || std::find(types.begin(), types.end(), type) != types.end();
}

const Schema::Type* Schema::FindType(std::string_view name) const {
  for (const Type& t : types_) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

const Schema::Relation* Schema::FindRelation(std::string_view name) const {
  for (const Relation& r : relations_) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

std::vector<std::string> Schema::RelationNames() const {
  std::vector<std::string> names;
  for (const Relation& r : relations_) names.push_back(r.name);
  names.push_back("co_occurs");
  return names;
}

Status Schema::Load(const std::string& path, FileSystem* fs) {
  std::string text;
  if (Status s = ReadDataFile(fs, path, "schema file", &text); !s.ok()) return s;
  std::istringstream in(std::move(text));
  std::string line;
  int line_no = 0;
  auto error = [&](size_t column, const std::string& what) {
    return Status::Rules(path + ":" + std::to_string(line_no) + ":" + std::to_string(column) +
                         ": " + what);
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    std::vector<Field> f = SplitLine(line);
    const std::string& keyword = f[0].text;
    std::string where = path + ":" + std::to_string(line_no);
    if (keyword == "type") {
      if (f.size() != 5) {
        return error(1, "expected 'type | NAME | #RRGGBB | subtypes | description'");
      }
      if (!IsTypeName(f[1].text)) {
        return error(f[1].column, "a type name is 1 to 24 letters A-Z, not '" + f[1].text + "'");
      }
      if (const Type* t = FindType(f[1].text)) {
        return error(f[1].column, "type " + t->name + " is already defined at " + t->defined_at);
      }
      if (!IsColor(f[2].text)) {
        return error(f[2].column, "a colour is #RRGGBB, not '" + f[2].text + "'");
      }
      EntityType id;
      if (!RegisterEntityType(f[1].text, &id)) {
        return error(f[1].column,
                     "too many entity types (at most " + std::to_string(kMaxEntityTypes) + ")");
      }
      Type t{f[1].text, f[2].text, SplitList(f[3].text, ','), f[4].text, where};
      for (const std::string& sub : t.subtypes) {
        if (!IsRelationName(sub)) {
          return error(f[3].column, "a subtype is a-z, 0-9 and _, not '" + sub + "'");
        }
      }
      types_.push_back(std::move(t));
    } else if (keyword == "relation") {
      if (f.size() != 6) {
        return error(1,
                     "expected 'relation | name | SUBJECT TYPES | OBJECT TYPES | "
                     "directed|symmetric | description'");
      }
      if (!IsRelationName(f[1].text) || f[1].text == "co_occurs") {
        return error(f[1].column,
                     "a relation name is a-z, 0-9 and _ (not co_occurs), not '" + f[1].text + "'");
      }
      if (const Relation* r = FindRelation(f[1].text)) {
        return error(f[1].column,
                     "relation " + r->name + " is already defined at " + r->defined_at);
      }
      Relation r;
      r.name = f[1].text;
      r.subjects = SplitList(f[2].text, ',');
      r.objects = SplitList(f[3].text, ',');
      for (int side = 2; side <= 3; ++side) {
        for (const std::string& t : side == 2 ? r.subjects : r.objects) {
          if (!FindType(t)) {
            return error(f[static_cast<size_t>(side)].column,
                         "unknown type '" + t + "' (define it with a 'type' line first)");
          }
        }
      }
      if (f[4].text != "directed" && f[4].text != "symmetric") {
        return error(f[4].column, "expected 'directed' or 'symmetric', not '" + f[4].text + "'");
      }
      r.symmetric = f[4].text == "symmetric";
      r.description = f[5].text;
      r.defined_at = where;
      relations_.push_back(std::move(r));
    } else if (keyword == "exclusive") {
      if (f.size() != 2) return error(1, "expected 'exclusive | r1 < r2 < ...'");
      std::vector<std::string> group = SplitList(f[1].text, '<');
      if (group.size() < 2)
        return error(f[1].column, "an exclusive group names 2 relations or more");
      for (const std::string& name : group) {
        if (!FindRelation(name)) {
          return error(f[1].column + f[1].text.find(name), "unknown relation '" + name + "'");
        }
      }
      exclusive_.push_back(std::move(group));
    } else {
      return error(f[0].column, "unknown keyword '" + keyword + "' (type, relation or exclusive)");
    }
  }
  return Status::Ok();
}

}  // namespace kg

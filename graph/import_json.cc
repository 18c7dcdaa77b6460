// Stage 7a, backwards: node-link JSON into a KnowledgeGraph (kgextract render GRAPH.json).
//
// Reads everything ToNodeLinkJson writes, so ToNodeLinkJson(FromNodeLinkJson(x)) == x for its
// output, and is lenient where NetworkX's node_link_data differs: "edges" instead of "links",
// node ids that are numbers (turned into their JSON text, "7"), attributes of its own (ignored),
// optional keys absent or null (defaults: label = id, weight = 1), and "directed": false (each
// edge is read as source -> target). Node and edge order are the file's. Errors name the
// place: "nodes[3]: ...", "links[7].evidence[0]: ...", or the byte where the JSON breaks.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graph/export.h"

namespace kg {
namespace {

using Json = nlohmann::json;

// Reads the fields of one JSON object; the first problem is kept in `error` with the place.
class ObjectReader {
 public:
  ObjectReader(const Json& object, std::string place, std::string* error)
      : object_(object), place_(std::move(place)), error_(*error) {}

  bool ok() const { return error_.empty(); }
  const std::string& place() const { return place_; }

  // Absent and null are the same to every reader: NetworkX writes null for None.
  const Json* Find(const char* key) const {
    auto it = object_.find(key);
    return it == object_.end() || it->is_null() ? nullptr : &*it;
  }

  void String(const char* key, std::string* out) {
    const Json* v = Find(key);
    if (v == nullptr) return;
    if (!v->is_string()) return Fail(key, "a string");
    *out = v->get<std::string>();
  }
  void Bool(const char* key, bool* out) {
    const Json* v = Find(key);
    if (v == nullptr) return;
    if (!v->is_boolean()) return Fail(key, "true or false");
    *out = v->get<bool>();
  }
  void Double(const char* key, double* out) {
    const Json* v = Find(key);
    if (v == nullptr) return;
    if (!v->is_number()) return Fail(key, "a number");
    *out = v->get<double>();
  }
  void Int(const char* key, int* out) {
    const Json* v = Find(key);
    if (v == nullptr) return;
    const bool fits =
        v->is_number_unsigned()
            ? v->get<uint64_t>() <= static_cast<uint64_t>(std::numeric_limits<int>::max())
            : v->is_number_integer() && v->get<int64_t>() >= std::numeric_limits<int>::min() &&
                  v->get<int64_t>() <= std::numeric_limits<int>::max();
    if (!fits) return Fail(key, "an integer");
    *out = v->get<int>();
  }
  bool Has(const char* key) const { return Find(key) != nullptr; }
  void Offset(const char* key, uint32_t* out) {
    const Json* v = Find(key);
    if (v == nullptr) return;
    if (!v->is_number_unsigned() || v->get<uint64_t>() > std::numeric_limits<uint32_t>::max()) {
      return Fail(key, "a non-negative integer");
    }
    *out = v->get<uint32_t>();
  }
  void Strings(const char* key, std::vector<std::string>* out) {
    const Json* v = Find(key);
    if (v == nullptr) return;
    if (!v->is_array()) return Fail(key, "an array of strings");
    out->clear();
    for (const Json& s : *v) {
      if (!s.is_string()) return Fail(key, "an array of strings");
      out->push_back(s.get<std::string>());
    }
  }
  // {"doc": count, ...}: a corpus graph's document_counts.
  void Counts(const char* key, std::vector<DocumentCount>* out) {
    const Json* v = Find(key);
    if (v == nullptr) return;
    if (!v->is_object()) return Fail(key, "an object of counts");
    out->clear();
    for (const auto& [doc, count] : v->items()) {
      if (!count.is_number_unsigned()) return Fail(key, "an object of counts");
      out->push_back({doc, count.get<uint64_t>()});
    }
    std::sort(out->begin(), out->end(),
              [](const DocumentCount& a, const DocumentCount& b) { return a.doc < b.doc; });
  }
  void Spans(const char* key, std::vector<Span>* out, SharedNames* names) {
    const Json* v = Find(key);
    if (v == nullptr) return;
    if (!v->is_array()) return Fail(key, "an array");
    out->clear();
    for (size_t i = 0; i < v->size() && ok(); ++i) {
      const std::string place = place_ + "." + key + "[" + std::to_string(i) + "]";
      const Json& item = (*v)[i];
      if (!item.is_object()) {
        error_ = place + ": must be an object";
        return;
      }
      ObjectReader r(item, place, &error_);
      Span span;
      std::string doc, rule, text;
      r.String("doc", &doc);
      span.doc = names->Get(std::string_view(doc));
      r.Offset("start", &span.start);
      r.Offset("end", &span.end);
      if (uint32_t b = 0, e = 0; r.Has("source_start") && r.Has("source_end")) {
        r.Offset("source_start", &b);
        r.Offset("source_end", &e);
        span.source_start = b;
        span.source_end = e;
      }
      r.String("text", &text);
      span.text = names->Get(std::string_view(text));
      r.String("rule", &rule);
      span.rule = names->Get(std::string_view(rule));
      out->push_back(std::move(span));
    }
  }
  // A node id, or an edge's end: a string, or a number as NetworkX writes integer nodes.
  bool Id(const char* key, const char* what, std::string* out) {
    const Json* v = Find(key);
    if (v == nullptr) {
      error_ = place_ + ": missing " + what;
      return false;
    }
    if (v->is_string()) {
      *out = v->get<std::string>();
    } else if (v->is_number()) {
      *out = v->dump();
    } else {
      error_ = place_ + ": " + what + " must be a string or a number";
      return false;
    }
    return true;
  }

 private:
  void Fail(const char* key, const char* expected) {
    if (ok()) error_ = place_ + ": \"" + key + "\" must be " + expected;
  }

  const Json& object_;
  std::string place_;
  std::string& error_;
};

bool ReadNodeLink(const Json& root, KnowledgeGraph* out, std::string* error) {
  if (!root.is_object()) {
    *error = "the top level must be an object";
    return false;
  }
  KnowledgeGraph kg;
  SharedNames shared;
  ObjectReader top(root, "top level", error);
  if (const Json* meta = top.Find("graph")) {
    if (!meta->is_object()) {
      *error = "\"graph\" must be an object";
      return false;
    }
    ObjectReader r(*meta, "graph", error);
    r.String("generator", &kg.generator);
    r.String("rules", &kg.rules_fingerprint);
    r.Strings("documents", &kg.documents);
    r.Strings("relations", &kg.relations);
    if (!r.ok()) return false;
    // The schema's types and colours (absent from graphs written before there was a schema).
    if (const Json* types = r.Find("types")) {
      auto bad = [&] {
        *error = "graph.types must be an array of {\"type\": string, \"color\": \"#RRGGBB\"}";
        return false;
      };
      if (!types->is_array()) return bad();
      for (const Json& t : *types) {
        if (!t.is_object() || !t.contains("type") || !t["type"].is_string() ||
            !t.contains("color") || !t["color"].is_string()) {
          return bad();
        }
        std::string color = t["color"].get<std::string>();
        if (color.size() != 7 || color[0] != '#' ||
            color.find_first_not_of("0123456789abcdefABCDEF", 1) != std::string::npos) {
          return bad();
        }
        kg.types.push_back({t["type"].get<std::string>(), color});
      }
    }
  }

  const Json* nodes = top.Find("nodes");
  if (nodes == nullptr) {
    *error = "missing \"nodes\"";
    return false;
  }
  if (!nodes->is_array()) {
    *error = "\"nodes\" must be an array";
    return false;
  }
  std::unordered_map<std::string, std::pair<Graph::vertex_descriptor, size_t>> index;
  for (size_t i = 0; i < nodes->size(); ++i) {
    const std::string place = "nodes[" + std::to_string(i) + "]";
    const Json& item = (*nodes)[i];
    if (!item.is_object()) {
      *error = place + ": must be an object";
      return false;
    }
    ObjectReader r(item, place, error);
    NodeProps n;
    if (!r.Id("id", "\"id\"", &n.id)) return false;
    n.label = n.id;  // NetworkX data has no label; the id is the best name to draw
    r.String("label", &n.label);
    r.String("type", &n.type);
    r.String("subtype", &n.subtype);
    r.String("kind", &n.kind);
    r.Strings("aliases", &n.aliases);
    r.Bool("narrator", &n.narrator);
    r.Strings("documents", &n.documents);
    r.Int("degree", &n.degree);
    r.Double("weighted_degree", &n.weighted_degree);
    r.Double("betweenness", &n.betweenness);
    r.Double("pagerank", &n.pagerank);
    r.Int("component", &n.component);
    r.Int("community", &n.community);
    r.Spans("mentions", &n.mentions, &shared);
    r.Counts("document_counts", &n.mention_counts);
    if (!r.ok()) return false;
    auto [it, inserted] = index.try_emplace(n.id, Graph::null_vertex(), i);
    if (!inserted) {
      *error = place + ": duplicate id " + Json(n.id).dump() + " (also nodes[" +
               std::to_string(it->second.second) + "])";
      return false;
    }
    it->second.first = boost::add_vertex(std::move(n), kg.graph);
  }

  // NetworkX 3.4 and later can write "edges"; ToNodeLinkJson and older NetworkX write "links".
  const char* links_key =
      top.Find("links") != nullptr || top.Find("edges") == nullptr ? "links" : "edges";
  if (const Json* links = top.Find(links_key)) {
    if (!links->is_array()) {
      *error = std::string("\"") + links_key + "\" must be an array";
      return false;
    }
    for (size_t i = 0; i < links->size(); ++i) {
      const std::string place = std::string(links_key) + "[" + std::to_string(i) + "]";
      const Json& item = (*links)[i];
      if (!item.is_object()) {
        *error = place + ": must be an object";
        return false;
      }
      ObjectReader r(item, place, error);
      std::string ends[2];
      const char* names[2] = {"source", "target"};
      Graph::vertex_descriptor vertex[2];
      for (int k = 0; k < 2; ++k) {
        if (!r.Id(names[k], names[k], &ends[k])) return false;
        auto it = index.find(ends[k]);
        if (it == index.end()) {
          *error = place + ": " + names[k] + " " + Json(ends[k]).dump() + " is not a node id";
          return false;
        }
        vertex[k] = it->second.first;
      }
      EdgeProps p;
      std::string relation, role;
      r.String("relation", &relation);
      r.String("role", &role);
      p.relation = shared.Get(std::string_view(relation));
      p.role = shared.Get(std::string_view(role));
      r.Double("weight", &p.weight);
      r.Bool("symmetric", &p.symmetric);
      r.Spans("evidence", &p.evidence, &shared);
      r.Counts("document_counts", &p.evidence_counts);
      if (!r.ok()) return false;
      boost::add_edge(vertex[0], vertex[1], std::move(p), kg.graph);
    }
  }
  *out = std::move(kg);
  return true;
}

}  // namespace

bool FromNodeLinkJson(std::string_view json, KnowledgeGraph* graph, std::string* error) {
  error->clear();
  Json root;
  try {
    root = Json::parse(json.begin(), json.end());
  } catch (const Json::parse_error& e) {
    // what() is "[json.exception.parse_error.101] parse error at line 1, column 5: <reason>";
    // the byte offset (from 1) is the place, the reason follows the last ": " before it.
    std::string what = e.what();
    const size_t colon = what.find(": ");
    *error = "byte " + std::to_string(e.byte) + ": " +
             (colon == std::string::npos ? what : what.substr(colon + 2));
    return false;
  } catch (const Json::exception& e) {
    // A number too large for a double (1e999): out_of_range.406 "number overflow parsing
    // '1e999'", without a position; the place is the number's first occurrence.
    std::string what = e.what();
    const size_t bracket = what.find("] ");
    std::string reason = bracket == std::string::npos ? what : what.substr(bracket + 2);
    size_t byte = 0;
    if (size_t q = reason.find('\''), q2 = reason.rfind('\'');
        q != std::string::npos && q2 > q + 1) {
      size_t at = json.find(reason.substr(q + 1, q2 - q - 1));
      if (at != std::string_view::npos) byte = at + 1;
    }
    *error = "byte " + std::to_string(byte) + ": " + reason;
    return false;
  }
  return ReadNodeLink(root, graph, error);
}

}  // namespace kg

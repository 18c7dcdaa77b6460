// Stage 7e: Graphviz DOT (dot, neato, sfdp; also pydot and NetworkX's read_dot).
//
//   digraph kgextract {
//     node [style=filled];
//     "person:jay-miller" [label="Jay Miller", fillcolor="#0072B2", type="PERSON", ...];
//     "person:jay-miller" -> "talk:packaging" [id="e0", label="speaker_of", weight="2",
//                                              kg_weight="2", relation="speaker_of", ...];
//   }
//
// Every id and value is a double-quoted string, written as a Graphviz escString: a backslash
// is "\\", a double quote "\"", a line feed "\n" and a carriage return "\r". Graphviz turns
// these back into the characters in labels; in other attributes and in node names it keeps the
// escapes as written, so a reader undoes them the same way (tests/roundtrip_readers.py does).
// Tabs, emoji, right-to-left text and everything else are written as they are, except the
// characters XML 1.0 cannot hold (C0 controls other than tab, newline and carriage return;
// U+FFFE, U+FFFF), which are dropped as in GraphML and GEXF: DOT has no escape for them, and
// Graphviz would copy them into its SVG output, which no XML parser then reads. Invalid UTF-8
// becomes U+FFFD. Keywords such as "node" or "strict" are harmless in quotes.
//
// Graphviz's `weight` must be an integer for dot (it rejects "0.3"), and at least 1 here so no
// edge loses its pull; it is the edge weight rounded and capped at 100, so that one heavy edge
// does not flatten a layout. The real weight is in `kg_weight`.
//
// Nodes are filled with their type's colour (TypeColor) and carry type, subtype, kind and the
// analytics as attributes; edges carry relation, role, symmetric and the first evidence
// sentence. Symmetric relations stay one directed edge, drawn with arrows at both ends
// (dir=both); co-occurrence edges are drawn light (gray, dashed) behind the stated relations.
#include <boost/range/iterator_range.hpp>
#include <cmath>
#include <string>
#include <string_view>

#include "graph/export.h"
#include "graph/export_text.h"

namespace kg {
namespace {

using export_text::EdgeLabel;
using export_text::FormatDouble;
using export_text::JoinPipe;

constexpr double kMaxLayoutWeight = 100;

// Graphviz's lexer rejects a quoted string of more than 16384 bytes, so longer values (the
// documents of an entity named in a thousand reports) are written as "..." + "...", which DOT
// joins back into one string. Pieces end only between characters, never inside an escape.
constexpr size_t kMaxQuotedPiece = 4096;

void AppendQuoted(std::string_view value, std::string* out) {
  out->push_back('"');
  size_t piece = 0;
  for (char c : export_text::XmlChars(value)) {
    const bool starts_character = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (piece >= kMaxQuotedPiece && starts_character) {
      out->append("\" + \"");
      piece = 0;
    }
    const size_t before = out->size();
    switch (c) {
      case '\\':
        out->append("\\\\");
        break;
      case '"':
        out->append("\\\"");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      default:
        out->push_back(c);
    }
    piece += out->size() - before;
  }
  out->push_back('"');
}

// Writes the attribute list " [k1="v1", k2="v2"]" of one statement; empty values are left out.
class AttributeList {
 public:
  explicit AttributeList(std::string* out) : out_(*out) {}
  void Add(std::string_view key, std::string_view value, bool even_if_empty = false) {
    if (value.empty() && !even_if_empty) return;
    out_.append(first_ ? " [" : ", ").append(key).push_back('=');
    AppendQuoted(value, &out_);
    first_ = false;
  }
  void Close() {
    if (!first_) out_.push_back(']');
    out_.append(";\n");
  }

 private:
  std::string& out_;
  bool first_ = true;
};

std::string LayoutWeight(double weight) {
  if (!(weight >= 1)) return "1";  // also NaN
  return std::to_string(static_cast<long>(std::lround(std::fmin(weight, kMaxLayoutWeight))));
}

}  // namespace

std::string ToDot(const KnowledgeGraph& kgraph) {
  const Graph& g = kgraph.graph;
  std::string out = "digraph kgextract {\n  node [style=filled];\n";
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const NodeProps& n = g[v];
    out.append("  ");
    AppendQuoted(n.id, &out);
    AttributeList attributes(&out);
    attributes.Add("label", n.label, /*even_if_empty=*/true);  // not Graphviz's default, the id
    attributes.Add("fillcolor", TypeColor(kgraph, n.type));
    attributes.Add("type", n.type);
    attributes.Add("subtype", n.subtype);
    attributes.Add("kind", n.kind);
    attributes.Add("narrator", n.narrator ? "true" : "false");
    attributes.Add("aliases", JoinPipe(n.aliases));
    attributes.Add("documents", JoinPipe(n.documents));
    attributes.Add("mentions", std::to_string(n.mentions.size()));
    attributes.Add("degree", std::to_string(n.degree));
    attributes.Add("weighted_degree", FormatDouble(n.weighted_degree));
    attributes.Add("betweenness", FormatDouble(n.betweenness));
    attributes.Add("pagerank", FormatDouble(n.pagerank));
    attributes.Add("component", std::to_string(n.component));
    attributes.Add("community", std::to_string(n.community));
    attributes.Close();
  }
  size_t index = 0;
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const EdgeProps& p = g[e];
    out.append("  ");
    AppendQuoted(g[boost::source(e, g)].id, &out);
    out.append(" -> ");
    AppendQuoted(g[boost::target(e, g)].id, &out);
    AttributeList attributes(&out);
    attributes.Add("id", "e" + std::to_string(index++));
    attributes.Add("label", EdgeLabel(p));
    attributes.Add("weight", LayoutWeight(p.weight));
    attributes.Add("kg_weight", FormatDouble(p.weight));
    attributes.Add("relation", p.relation);
    attributes.Add("role", p.role);
    attributes.Add("symmetric", p.symmetric ? "true" : "false");
    attributes.Add("evidence", p.evidence.empty() ? "" : p.evidence.front().text);
    attributes.Add("evidence_count", std::to_string(p.evidence.size()));
    if (p.symmetric) attributes.Add("dir", "both");
    if (p.relation == "co_occurs") {
      attributes.Add("color", "gray");
      attributes.Add("style", "dashed");
    }
    attributes.Close();
  }
  out.append("}\n");
  return out;
}

}  // namespace kg

// Stage 7c: GEXF 1.3, Gephi's own format, also read by graphology-gexf and NetworkX (>= 3.6).
//
// Like the GraphML writer, the document is built as a string: attributes in a fixed order,
// nodes and edges in graph order, edges numbered "e0", "e1", ..., doubles in their shortest
// round-trip form, and no date in <meta>, so equal graphs give equal bytes.
//
//   <gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
//     <meta><creator>kgextract 0.1.0</creator><description>...</description></meta>
//     <graph defaultedgetype="directed" mode="static">
//       <attributes class="node">  type, subtype, kind, narrator, ..., community
//       <attributes class="edge">  relation, role, symmetric, evidence, evidence_count
//       <nodes count="2"> <node id="person:jay-miller" label="Jay Miller"> <attvalues>...
//                         <viz:color r="0" g="114" b="178"/> <viz:size value="17.07..."/>
//       <edges count="1"> <edge id="e0" source=".." target=".." label="speaker_of"
//                               kind="speaker_of" weight="2"> <attvalues>...
//
// Choices, checked against gexf.rng 1.3 (tests/format_tests.cmake validates every fixture):
// - No xsi:schemaLocation: the RELAX NG grammar rejects any foreign attribute on <gexf>.
// - Node ids are the entity ids as they are (GEXF ids are plain strings, unlike GraphML's
//   NMTOKENs), so no escaping and no extra id attribute is needed.
// - Edge `kind` is how Gephi tells parallel edges apart: its importer keeps one edge per
//   (source, target, kind) and merges the rest. A merged graph has at most one edge per
//   (source, target, relation, role), so kind is the relation plus the role when there is one,
//   the same text as the edge label ("affiliated_with (host)"). graphology-gexf reads it as
//   the edge attribute "kind".
// - Symmetric relations stay directed edges with symmetric=true, as in GraphML and JSON.
// - viz:color is the type's colour (TypeColor); viz:size grows with the square root of the
//   weighted degree (10 + 5 * sqrt(wd)), so hubs stand out without dwarfing everything else.
// - Attribute ids equal their titles: graphology-gexf names a value by its attribute id unless
//   the id is a number.
// - Corpus graphs (more than one document) declare and write "document_counts" on nodes and
//   edges: spans per document as compact JSON ({"a.md":2,"b.html":1}), a string.
// - Empty strings get no <attvalue>. Text drops what XML 1.0 cannot hold (C0 controls other
//   than tab, newline and carriage return; U+FFFE, U+FFFF), as in GraphML.
#include <boost/range/iterator_range.hpp>
#include <cmath>
#include <iterator>
#include <string>
#include <string_view>

#include "graph/export.h"
#include "graph/export_text.h"

namespace kg {
namespace {

using export_text::AppendXmlEscaped;
using export_text::EdgeLabel;
using export_text::FormatDouble;
using export_text::JoinPipe;

struct Attribute {
  const char* id;  // also its title
  const char* type;
};

constexpr Attribute kNodeAttributes[] = {
    {"type", "string"},        {"subtype", "string"},         {"kind", "string"},
    {"narrator", "boolean"},   {"aliases", "string"},         {"documents", "string"},
    {"mentions", "integer"},   {"degree", "integer"},         {"weighted_degree", "double"},
    {"betweenness", "double"}, {"pagerank", "double"},        {"component", "integer"},
    {"community", "integer"},  {"document_counts", "string"},  // corpus graphs only
};

constexpr Attribute kEdgeAttributes[] = {
    {"relation", "string"},        {"role", "string"},
    {"symmetric", "boolean"},      {"evidence", "string"},
    {"evidence_count", "integer"}, {"document_counts", "string"},  // corpus graphs only
};

void AppendAttributes(const char* cls, const Attribute* begin, const Attribute* end, bool corpus,
                      std::string* out) {
  out->append("    <attributes class=\"").append(cls).append("\" mode=\"static\">\n");
  for (const Attribute* a = begin; a != end; ++a) {
    if (!corpus && std::string_view(a->id) == "document_counts") continue;
    out->append("      <attribute id=\"").append(a->id).append("\" title=\"").append(a->id);
    out->append("\" type=\"").append(a->type).append("\"/>\n");
  }
  out->append("    </attributes>\n");
}

// Collects the <attvalue>s of one node or edge; writes <attvalues> only around some.
class AttValues {
 public:
  void Add(std::string_view id, std::string_view value) {
    if (value.empty()) return;
    const size_t rollback = body_.size();
    body_.append("          <attvalue for=\"").append(id).append("\" value=\"");
    const size_t value_start = body_.size();
    AppendXmlEscaped(value, /*attribute=*/true, &body_);
    if (body_.size() == value_start) {  // nothing XML can hold
      body_.resize(rollback);
      return;
    }
    body_.append("\"/>\n");
  }
  void AppendTo(std::string* out) const {
    if (body_.empty()) return;
    out->append("        <attvalues>\n").append(body_).append("        </attvalues>\n");
  }

 private:
  std::string body_;
};

const char* Bool(bool b) { return b ? "true" : "false"; }

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 0;
}

// <viz:color r=".." g=".." b=".."/> of a "#RRGGBB" colour.
void AppendVizColor(std::string_view hex, std::string* out) {
  int rgb[3] = {0, 0, 0};
  if (hex.size() == 7 && hex[0] == '#') {
    for (int i = 0; i < 3; ++i) {
      rgb[i] = HexDigit(hex[1 + 2 * i]) * 16 + HexDigit(hex[2 + 2 * i]);
    }
  }
  out->append("        <viz:color r=\"").append(std::to_string(rgb[0]));
  out->append("\" g=\"").append(std::to_string(rgb[1]));
  out->append("\" b=\"").append(std::to_string(rgb[2])).append("\"/>\n");
}

double VizSize(double weighted_degree) {
  return 10.0 + 5.0 * std::sqrt(weighted_degree > 0 ? weighted_degree : 0.0);
}

std::string Description(const KnowledgeGraph& kgraph) {
  std::string text = "Knowledge graph of " + std::to_string(kgraph.documents.size()) +
                     (kgraph.documents.size() == 1 ? " document" : " documents");
  if (!kgraph.documents.empty()) text += " (" + JoinPipe(kgraph.documents) + ")";
  if (!kgraph.rules_fingerprint.empty()) text += "; rules " + kgraph.rules_fingerprint;
  return text;
}

}  // namespace

std::string ToGexf(const KnowledgeGraph& kgraph) {
  const Graph& g = kgraph.graph;
  std::string out;
  out.append(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\""
      " version=\"1.3\">\n"
      "  <meta>\n");
  if (!kgraph.generator.empty()) {
    out.append("    <creator>");
    AppendXmlEscaped(kgraph.generator, /*attribute=*/false, &out);
    out.append("</creator>\n");
  }
  out.append("    <description>");
  AppendXmlEscaped(Description(kgraph), /*attribute=*/false, &out);
  out.append("</description>\n  </meta>\n");
  out.append("  <graph defaultedgetype=\"directed\" mode=\"static\">\n");
  const bool corpus = kgraph.documents.size() > 1;
  AppendAttributes("node", std::begin(kNodeAttributes), std::end(kNodeAttributes), corpus, &out);
  AppendAttributes("edge", std::begin(kEdgeAttributes), std::end(kEdgeAttributes), corpus, &out);

  out.append("    <nodes count=\"").append(std::to_string(boost::num_vertices(g)));
  out.append("\">\n");
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const NodeProps& n = g[v];
    out.append("      <node id=\"");
    AppendXmlEscaped(n.id, /*attribute=*/true, &out);
    out.append("\" label=\"");
    AppendXmlEscaped(n.label, /*attribute=*/true, &out);
    out.append("\">\n");
    AttValues values;
    values.Add("type", n.type);
    values.Add("subtype", n.subtype);
    values.Add("kind", n.kind);
    values.Add("narrator", Bool(n.narrator));
    values.Add("aliases", JoinPipe(n.aliases));
    values.Add("documents", JoinPipe(n.documents));
    values.Add("mentions", std::to_string(n.mentions.size()));
    values.Add("degree", std::to_string(n.degree));
    values.Add("weighted_degree", FormatDouble(n.weighted_degree));
    values.Add("betweenness", FormatDouble(n.betweenness));
    values.Add("pagerank", FormatDouble(n.pagerank));
    values.Add("component", std::to_string(n.component));
    values.Add("community", std::to_string(n.community));
    if (corpus)
      values.Add("document_counts",
                 export_text::DocumentCounts(CountByDocument(n.mention_counts, n.mentions)));
    values.AppendTo(&out);
    AppendVizColor(TypeColor(kgraph, n.type), &out);
    out.append("        <viz:size value=\"").append(FormatDouble(VizSize(n.weighted_degree)));
    out.append("\"/>\n      </node>\n");
  }
  out.append("    </nodes>\n");

  const auto edge_count = boost::num_edges(g);
  if (edge_count == 0) {
    out.append("    <edges count=\"0\"/>\n");
  } else {
    out.append("    <edges count=\"").append(std::to_string(edge_count)).append("\">\n");
    size_t index = 0;
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
      const EdgeProps& p = g[e];
      out.append("      <edge id=\"e").append(std::to_string(index++)).append("\" source=\"");
      AppendXmlEscaped(g[boost::source(e, g)].id, /*attribute=*/true, &out);
      out.append("\" target=\"");
      AppendXmlEscaped(g[boost::target(e, g)].id, /*attribute=*/true, &out);
      out.append("\"");
      const std::string label = EdgeLabel(p);
      if (!label.empty()) {
        for (const char* attribute : {" label=\"", "\" kind=\""}) {
          out.append(attribute);
          AppendXmlEscaped(label, /*attribute=*/true, &out);
        }
        out.append("\"");
      }
      out.append(" weight=\"").append(FormatDouble(p.weight)).append("\">\n");
      AttValues values;
      values.Add("relation", p.relation);
      values.Add("role", p.role);
      values.Add("symmetric", Bool(p.symmetric));
      values.Add("evidence", p.evidence.empty() ? "" : p.evidence.front().text);
      values.Add("evidence_count", std::to_string(p.evidence.size()));
      if (corpus)
        values.Add("document_counts",
                   export_text::DocumentCounts(CountByDocument(p.evidence_counts, p.evidence)));
      values.AppendTo(&out);
      out.append("      </edge>\n");
    }
    out.append("    </edges>\n");
  }
  out.append("  </graph>\n</gexf>\n");
  return out;
}

}  // namespace kg

// Stage 7a: node-link JSON, the output contract read by NetworkX (nx.node_link_graph) and D3.
//
// Shape (keys in this order; "?" marks a key written only when non-empty or true):
//   {"directed": true, "multigraph": true,
//    "graph": {"generator", "rules", "documents": [...]},
//    "nodes": [{"id", "label", "type", "subtype"?, "kind"?, "aliases": [...], "narrator"?,
//               "documents": [...], "mentions": [{"doc", "start", "end", "text", "rule"}]}],
//    "links": [{"source", "target", "key", "relation", "role"?, "weight", "symmetric"?,
//               "evidence": [{"doc", "start", "end", "text", "rule"}]}]}
// "key" numbers the parallel edges of one ordered (source, target) pair from 0, in edge order,
// which is what NetworkX uses as the MultiDiGraph edge key.
#include <boost/range/iterator_range.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "graph/graph.h"

namespace kg {
namespace {

using Json = nlohmann::ordered_json;

Json SpansToJson(const std::vector<Span>& spans) {
  Json out = Json::array();
  for (const Span& span : spans) {
    Json s = Json::object();
    s["doc"] = span.doc;
    s["start"] = span.start;
    s["end"] = span.end;
    s["text"] = span.text;
    s["rule"] = span.rule;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

std::string ToNodeLinkJson(const KnowledgeGraph& kgraph, bool pretty) {
  const Graph& g = kgraph.graph;
  Json root = Json::object();
  root["directed"] = true;
  root["multigraph"] = true;
  Json meta = Json::object();
  meta["generator"] = kgraph.generator;
  meta["rules"] = kgraph.rules_fingerprint;
  meta["documents"] = kgraph.documents;
  root["graph"] = std::move(meta);

  Json nodes = Json::array();
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const NodeProps& n = g[v];
    Json node = Json::object();
    node["id"] = n.id;
    node["label"] = n.label;
    node["type"] = n.type;
    if (!n.subtype.empty()) node["subtype"] = n.subtype;
    if (!n.kind.empty()) node["kind"] = n.kind;
    node["aliases"] = n.aliases;
    if (n.narrator) node["narrator"] = true;
    node["documents"] = n.documents;
    node["mentions"] = SpansToJson(n.mentions);
    nodes.push_back(std::move(node));
  }
  root["nodes"] = std::move(nodes);

  Json links = Json::array();
  std::map<std::pair<Graph::vertex_descriptor, Graph::vertex_descriptor>, int> parallel;
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const auto u = boost::source(e, g);
    const auto v = boost::target(e, g);
    const EdgeProps& p = g[e];
    Json link = Json::object();
    link["source"] = g[u].id;
    link["target"] = g[v].id;
    link["key"] = parallel[{u, v}]++;
    link["relation"] = p.relation;
    if (!p.role.empty()) link["role"] = p.role;
    link["weight"] = p.weight;
    if (p.symmetric) link["symmetric"] = true;
    link["evidence"] = SpansToJson(p.evidence);
    links.push_back(std::move(link));
  }
  root["links"] = std::move(links);

  // Invalid UTF-8 cannot come from a Document (MakeDocument checks it), but the exporter must
  // not throw on hand-built graphs: such bytes become U+FFFD.
  std::string out =
      root.dump(pretty ? 2 : -1, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
  out.push_back('\n');
  return out;
}

}  // namespace kg

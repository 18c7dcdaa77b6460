// Stage 7f: the self-contained HTML viewer (kgextract -f html).
//
// The page is graph/viewer/viewer.html with its placeholders filled in: the style, the
// cytoscape.js library from npm with its licence in a comment, the graph as JSON in
// <script type="application/json" id="kg-data">, and graph/viewer/viewer.js, which draws it.
// All of them are compiled in at build time (graph/viewer/embed.cmake), so the page makes no
// request of any kind and opens from file:// without a network.
//
// The data block (keys in this order; numbers as nlohmann prints them, so equal graphs give
// equal bytes):
//   {"graph": {"generator", "documents": [...], "types": [{"type", "color"}], "default_color",
//              "layout": "browser" or "positions"},
//    "nodes": [{"id", "label", "type", "subtype", "kind", "aliases", "narrator"?, "documents",
//               "mentions": [{"doc", "start", "end", "text"}],
//               "metrics": {"degree", "weighted_degree", "betweenness", "pagerank",
//                           "component", "community"}, "x"?, "y"?}],
//    "edges": [{"source", "target", "relation", "role", "weight", "symmetric",
//               "evidence": [{"doc", "start", "end", "text"}]}]}
// "x" and "y" are there when "layout" is "positions" (graphs of more than 250 nodes).
// '<', '>' and '&' are written as \u003c, \u003e and \u0026 (still the same JSON), so no name
// can close the <script> element or open a comment in it.
#include <algorithm>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>
#include <boost/range/iterator_range.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <numbers>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graph/export_text.h"
#include "graph/viewer.h"
#include "graph/viewer/viewer_assets.h"

namespace kg {
namespace {

using Json = nlohmann::ordered_json;

// The title names at most this many documents, then how many more there are.
constexpr size_t kTitleDocuments = 3;

// Up to this many nodes the page lays the graph out itself (cytoscape's cose, which looks best
// and leaves room for labels, but costs O(n^2) per iteration: seconds at a few hundred nodes).
// Larger graphs get positions computed here, so the page opens at once.
constexpr size_t kBrowserLayoutMaxNodes = 250;

// The panel lists at most this many mentions, evidence sentences or documents of one item
// (LIST_MAX in viewer.js), so the page holds no more, with the true count beside them: a
// city named in every one of 5000 reports would otherwise put 5000 mentions into the page.
constexpr size_t kListMax = 200;

using LayoutTopology = boost::rectangle_topology<boost::minstd_rand>;
using LayoutPoint = LayoutTopology::point_type;

// Repulsion only between nodes closer than 2k, found through a grid of 2k cells: the usual
// Fruchterman-Reingold grid, linear per iteration. (Boost's own grid_force_pairs sizes its cells
// from the area rather than its square root, so one cell holds every node: O(n^2), 10 s for
// 1000 nodes.) Pairs are offered in Boost's order: both ways within a cell, one way across.
struct GridForcePairs {
  const std::vector<LayoutPoint>* points;
  double left, top, two_k;
  size_t columns, rows;

  template <typename G, typename ApplyForce>
  void operator()(const G& g, ApplyForce apply_force) const {
    auto cell = [this](double offset, size_t count) {
      const double c = std::floor(offset / two_k);
      return c <= 0 ? size_t{0} : std::min(static_cast<size_t>(c), count - 1);
    };
    std::vector<std::vector<size_t>> buckets(rows * columns);
    for (size_t v = 0; v < boost::num_vertices(g); ++v) {
      const LayoutPoint& p = (*points)[v];
      buckets[cell(p[1] - top, rows) * columns + cell(p[0] - left, columns)].push_back(v);
    }
    for (size_t row = 0; row < rows; ++row) {
      for (size_t column = 0; column < columns; ++column) {
        const std::vector<size_t>& here = buckets[row * columns + column];
        for (size_t i = 0; i < here.size(); ++i) {
          for (size_t j = i + 1; j < here.size(); ++j) {
            apply_force(here[j], here[i]);
            apply_force(here[i], here[j]);
          }
        }
        for (size_t r = row == 0 ? 0 : row - 1; r <= std::min(row + 1, rows - 1); ++r) {
          for (size_t c = column == 0 ? 0 : column - 1; c <= std::min(column + 1, columns - 1);
               ++c) {
            if (r == row && c == column) continue;
            for (size_t u : here) {
              for (size_t v : buckets[r * columns + c]) {
                const double dx = (*points)[u][0] - (*points)[v][0];
                const double dy = (*points)[u][1] - (*points)[v][1];
                if (dx * dx + dy * dy < two_k * two_k) apply_force(u, v);
              }
            }
          }
        }
      }
    }
  }
};

// Fruchterman-Reingold over the undirected simple graph (parallel edges and loops dropped),
// from a sunflower spiral: no randomness, so equal graphs give equal positions. 1000 nodes
// take about 0.1 s.
std::vector<std::pair<double, double>> Positions(const Graph& g) {
  using Simple = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  const size_t n = boost::num_vertices(g);
  Simple simple(n);
  std::set<std::pair<size_t, size_t>> seen;
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    size_t u = boost::source(e, g), v = boost::target(e, g);
    if (u == v) continue;
    if (u > v) std::swap(u, v);
    if (seen.insert({u, v}).second) boost::add_edge(u, v, simple);
  }
  const double half = 40.0 * std::sqrt(static_cast<double>(n));
  boost::minstd_rand random(1);  // only to separate two nodes that land on one point
  LayoutTopology topology(random, -half, -half, half, half);
  std::vector<LayoutPoint> points(n);
  const double golden = std::numbers::pi * (3.0 - std::sqrt(5.0));
  for (size_t i = 0; i < n; ++i) {
    const double r = half * std::sqrt((static_cast<double>(i) + 0.5) / static_cast<double>(n));
    points[i][0] = r * std::cos(static_cast<double>(i) * golden);
    points[i][1] = r * std::sin(static_cast<double>(i) * golden);
  }
  auto position =
      boost::make_iterator_property_map(points.begin(), boost::get(boost::vertex_index, simple));
  const double two_k = 2.0 * std::sqrt(4.0 * half * half / static_cast<double>(n));  // as Boost
  const size_t cells = static_cast<size_t>(2.0 * half / two_k) + 1;
  boost::fruchterman_reingold_force_directed_layout(
      simple, position, topology,
      boost::force_pairs(GridForcePairs{&points, -half, -half, two_k, cells, cells}));
  std::vector<std::pair<double, double>> out(n);
  for (size_t i = 0; i < n; ++i) {  // one decimal: enough for pixels, and a shorter page
    out[i] = {std::round(points[i][0] * 10) / 10, std::round(points[i][1] * 10) / 10};
  }
  return out;
}

Json SpansToJson(const std::vector<Span>& spans) {
  Json out = Json::array();
  for (const Span& span : std::span(spans).first(std::min(spans.size(), kListMax))) {
    Json s = Json::object();
    s["doc"] = span.doc;
    s["start"] = span.start;
    s["end"] = span.end;
    if (!span.text.empty()) s["text"] = span.text;  // references have none
    out.push_back(std::move(s));
  }
  return out;
}

std::string GraphData(const KnowledgeGraph& kgraph) {
  const Graph& g = kgraph.graph;
  Json meta = Json::object();
  meta["generator"] = kgraph.generator;
  meta["documents"] = kgraph.documents;
  Json types = Json::array();
  for (const std::string& type : NodeTypes(kgraph)) {
    types.push_back(Json{{"type", type}, {"color", std::string(TypeColor(kgraph, type))}});
  }
  meta["types"] = std::move(types);
  meta["default_color"] = std::string(TypeColor(kgraph, ""));
  const bool positioned = boost::num_vertices(g) > kBrowserLayoutMaxNodes;
  meta["layout"] = positioned ? "positions" : "browser";
  const std::vector<std::pair<double, double>> positions =
      positioned ? Positions(g) : std::vector<std::pair<double, double>>{};

  Json nodes = Json::array();
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const NodeProps& n = g[v];
    Json node = Json::object();
    node["id"] = n.id;
    node["label"] = n.label;
    node["type"] = n.type;
    node["subtype"] = n.subtype;
    node["kind"] = n.kind;
    node["aliases"] = n.aliases;
    if (n.narrator) node["narrator"] = true;
    node["documents"] = std::vector<std::string>(
        n.documents.begin(), n.documents.begin() + std::min(n.documents.size(), kListMax));
    node["document_count"] = n.documents.size();
    node["mentions"] = SpansToJson(n.mentions);
    node["mention_count"] = n.mentions.size();
    Json metrics = Json::object();
    metrics["degree"] = n.degree;
    metrics["weighted_degree"] = n.weighted_degree;
    metrics["betweenness"] = n.betweenness;
    metrics["pagerank"] = n.pagerank;
    metrics["component"] = n.component;
    metrics["community"] = n.community;
    node["metrics"] = std::move(metrics);
    if (positioned) {
      node["x"] = positions[v].first;
      node["y"] = positions[v].second;
    }
    nodes.push_back(std::move(node));
  }

  Json edges = Json::array();
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const EdgeProps& p = g[e];
    Json edge = Json::object();
    edge["source"] = g[boost::source(e, g)].id;
    edge["target"] = g[boost::target(e, g)].id;
    edge["relation"] = p.relation;
    edge["role"] = p.role;
    edge["weight"] = p.weight;
    edge["symmetric"] = p.symmetric;
    edge["evidence"] = SpansToJson(p.evidence);
    edge["evidence_count"] = p.evidence.size();
    edges.push_back(std::move(edge));
  }

  Json root = Json::object();
  root["graph"] = std::move(meta);
  root["nodes"] = std::move(nodes);
  root["edges"] = std::move(edges);
  // Invalid UTF-8 (only in hand-built graphs) becomes U+FFFD, as in the JSON export.
  const std::string json = root.dump(-1, ' ', false, Json::error_handler_t::replace);

  // The three characters can only occur inside JSON strings, where the escapes mean the same.
  std::string out;
  out.reserve(json.size() + json.size() / 16);
  for (char c : json) {
    switch (c) {
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      case '&':
        out += "\\u0026";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

// Text for an HTML element or a quoted attribute (XML escaping is valid HTML).
std::string EscapeHtml(std::string_view text) {
  std::string out;
  export_text::AppendXmlEscaped(text, /*attribute=*/true, &out);
  return out;
}

std::string Title(const KnowledgeGraph& kgraph) {
  const std::vector<std::string>& docs = kgraph.documents;
  std::string title = "kgextract: ";
  if (docs.empty()) return title + "no documents";
  for (size_t i = 0; i < docs.size() && i < kTitleDocuments; ++i) {
    if (i) title += ", ";
    title += docs[i];
  }
  if (docs.size() > kTitleDocuments) {
    title += " and " + std::to_string(docs.size() - kTitleDocuments) + " more";
  }
  return title;
}

// The licence goes into an HTML comment, which "--" could end early.
std::string CommentSafe(std::string_view text) {
  std::string out(text);
  for (size_t at = out.find("--"); at != std::string::npos; at = out.find("--", at)) {
    out.replace(at, 2, "- -");
  }
  return out;
}

struct LibraryInfo {
  std::string name, version;
};

const LibraryInfo& Library() {
  static const LibraryInfo info = [] {
    LibraryInfo i{"cytoscape.js", ""};
    Json package = Json::parse(viewer::LibraryPackage(), nullptr, /*allow_exceptions=*/false);
    if (package.is_object() && package.contains("version") && package["version"].is_string()) {
      i.version = package["version"].get<std::string>();
    }
    return i;
  }();
  return info;
}

}  // namespace

std::string ToHtml(const KnowledgeGraph& kgraph) {
  const std::string title = EscapeHtml(Title(kgraph));
  const std::string data = GraphData(kgraph);
  const std::string_view page = viewer::Page();
  std::string out;
  out.reserve(page.size() + viewer::Library().size() + viewer::Script().size() +
              viewer::Style().size() + data.size() + 2 * title.size() + 4096);

  // One pass over the template: what is filled in is never searched for placeholders.
  size_t pos = 0;
  while (pos < page.size()) {
    const size_t at = page.find("@KG_", pos);
    const size_t end = at == std::string_view::npos ? at : page.find('@', at + 1);
    if (end == std::string_view::npos) {
      out.append(page.substr(pos));
      break;
    }
    out.append(page.substr(pos, at - pos));
    const std::string_view name = page.substr(at + 1, end - at - 1);
    if (name == "KG_TITLE") {
      out += title;
    } else if (name == "KG_GENERATOR") {
      out += EscapeHtml(kgraph.generator);
    } else if (name == "KG_STYLE") {
      out.append(viewer::Style());
    } else if (name == "KG_LIBRARY_NAME") {
      out += Library().name;
    } else if (name == "KG_LIBRARY_VERSION") {
      out += Library().version;
    } else if (name == "KG_LIBRARY_LICENSE") {
      out += CommentSafe(viewer::LibraryLicense());
    } else if (name == "KG_LIBRARY") {
      out.append(viewer::Library());
    } else if (name == "KG_DATA") {
      out += data;
    } else if (name == "KG_SCRIPT") {
      out.append(viewer::Script());
    } else {
      out.append(page.substr(at, end + 1 - at));  // not ours: kept as it is
    }
    pos = end + 1;
  }
  return out;
}

}  // namespace kg

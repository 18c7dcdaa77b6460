// Stage 7a: node-link JSON, the output contract read by NetworkX (nx.node_link_graph) and D3.
//
// Shape (keys in this order; "?" marks a key written only when non-empty or true):
//   {"directed": true, "multigraph": true,
//    "graph": {"generator", "rules", "documents": [...]},
//    "nodes": [{"id", "label", "type", "subtype"?, "kind"?, "aliases": [...], "narrator"?,
//               "documents": [...], "document_counts"?, "degree", "weighted_degree",
//               "betweenness", "pagerank", "component", "community",
//               "mentions": [{"doc", "start", "end", "source_start"?, "source_end"?, "text",
//                             "rule"}]}],
//    "links": [{"source", "target", "key", "relation", "role"?, "weight", "symmetric"?,
//               "documents"?, "document_counts"?,
//               "evidence": [{"doc", "start", "end", "source_start"?, "source_end"?, "text",
//                             "rule"}]}]}
// "source_start"/"source_end": the span's byte range in the original file, when the reader
// knows it (pipeline/text.h SourceRange; not for gzip input or JSON Lines records).
// "document_counts" ({"doc": mentions or evidence spans}) and the links' "documents" are
// written when the graph has more than one document (a corpus).
// "key" numbers the parallel edges of one ordered (source, target) pair from 0, in edge order,
// which is what NetworkX uses as the MultiDiGraph edge key. The six analytics keys are the
// NodeProps fields AnnotateMetrics fills (0 when it did not run); doubles in the shortest
// round-trip form, as "weight".
#include <algorithm>
#include <boost/range/iterator_range.hpp>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "graph/export.h"
#include "graph/parallel.h"

namespace kg {
namespace {

using Json = nlohmann::ordered_json;

std::vector<std::string> DocumentsOf(const std::vector<DocumentCount>& counts) {
  std::vector<std::string> docs;
  for (const auto& [doc, count] : counts) docs.push_back(doc);
  return docs;
}

Json CountsToJson(const std::vector<DocumentCount>& counts) {
  Json out = Json::object();
  for (const auto& [doc, count] : counts) out[doc] = count;
  return out;
}

Json SpansToJson(const std::vector<Span>& spans) {
  Json out = Json::array();
  for (const Span& span : spans) {
    Json s = Json::object();
    s["doc"] = span.doc;
    s["start"] = span.start;
    s["end"] = span.end;
    if (span.source_start >= 0 && span.source_end >= 0) {
      s["source_start"] = span.source_start;
      s["source_end"] = span.source_end;
    }
    if (!span.text.empty()) s["text"] = span.text;
    s["rule"] = span.rule;
    out.push_back(std::move(s));
  }
  return out;
}

// The compact form is streamed straight into one string: a DOM of a large graph costs several
// times the output's size in memory. Its bytes equal nlohmann's compact dump (tested).
class CompactWriter {
 public:
  explicit CompactWriter(std::string* out) : out_(*out) {}

  void String(std::string_view s) {
    if (!IsValidUtf8(s)) {  // only hand-built graphs; nlohmann replaces bad bytes with U+FFFD
      out_ += Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
      return;
    }
    out_.push_back('"');
    // Runs of bytes that need no escape go in with one append (most strings are all one run),
    // found 8 bytes at a time.
    size_t run = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      while (i + 8 <= s.size() && !NeedsEscape8(s.data() + i)) i += 8;
      if (i == s.size()) break;
      auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s.data() + run, i - run);
      run = i + 1;
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\b':
          out_ += "\\b";
          break;
        case '\f':
          out_ += "\\f";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        case '\t':
          out_ += "\\t";
          break;
        default: {  // another control character
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out_ += buf;
        }
      }
    }
    out_.append(s.data() + run, s.size() - run);
    out_.push_back('"');
  }
  void Key(std::string_view k) {
    String(k);
    out_.push_back(':');
  }
  void Int(int64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
  }
  void Unsigned(uint64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
  }
  void Double(double v) {     // shortest round trip, with ".0" on integers as nlohmann writes
    if (!std::isfinite(v)) {  // JSON has no NaN or infinity; nlohmann writes null too
      out_ += "null";
      return;
    }
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    std::string_view text(buf, static_cast<size_t>(r.ptr - buf));
    out_ += text;
    if (text.find_first_of(".eEn") == std::string_view::npos) out_ += ".0";
  }
  void Raw(std::string_view s) { out_ += s; }
  // ,"key":"value" — and nothing when the value is empty (the contract's optional keys).
  void OptionalString(std::string_view key, std::string_view value) {
    if (value.empty()) return;
    out_.push_back(',');
    Key(key);
    String(value);
  }
  void Strings(const std::vector<std::string>& v) {
    out_.push_back('[');
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) out_.push_back(',');
      String(v[i]);
    }
    out_.push_back(']');
  }
  // ,"document_counts":{"a.txt":2,...} — spans per document, in document order.
  void DocumentCounts(const std::vector<DocumentCount>& counts) {
    out_ += ",\"document_counts\":{";
    bool first = true;
    for (const auto& [doc, count] : counts) {
      if (!first) out_.push_back(',');
      first = false;
      String(doc);
      out_.push_back(':');
      Unsigned(count);
    }
    out_.push_back('}');
  }
  void Spans(const std::vector<Span>& spans) {
    out_.push_back('[');
    for (size_t i = 0; i < spans.size(); ++i) {
      const Span& sp = spans[i];
      if (i) out_.push_back(',');
      Raw("{\"doc\":");
      String(sp.doc);
      Raw(",\"start\":");
      Unsigned(sp.start);
      Raw(",\"end\":");
      Unsigned(sp.end);
      if (sp.source_start >= 0 && sp.source_end >= 0) {
        Raw(",\"source_start\":");
        Unsigned(static_cast<uint64_t>(sp.source_start));
        Raw(",\"source_end\":");
        Unsigned(static_cast<uint64_t>(sp.source_end));
      }
      if (!sp.text.empty()) {  // a reference (co-occurrence evidence) has no text
        Raw(",\"text\":");
        String(sp.text);
      }
      Raw(",\"rule\":");
      String(sp.rule);
      out_.push_back('}');
    }
    out_.push_back(']');
  }

 private:
  static constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  static uint64_t Load8(const char* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  }
  // Whether one of 8 bytes is below 0x20, '"' or '\\' (the word tricks of Sean Anderson's "Bit
  // Twiddling Hacks": exact as a yes or no, whatever the bytes).
  static bool NeedsEscape8(const char* p) {
    const uint64_t w = Load8(p);
    auto has_zero = [](uint64_t v) { return ((v - kOnes) & ~v & kHighs) != 0; };
    const bool below_space = ((w - 0x20 * kOnes) & ~w & kHighs) != 0;
    return below_space || has_zero(w ^ ('"' * kOnes)) || has_zero(w ^ ('\\' * kOnes));
  }
  static bool IsValidUtf8(std::string_view s) {
    size_t i = 0, n = s.size();
    while (i < n) {
      if (i + 8 <= n && (Load8(s.data() + i) & kHighs) == 0) {  // 8 ASCII bytes
        i += 8;
        continue;
      }
      auto c = static_cast<unsigned char>(s[i]);
      size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
      if (len == 0 || i + len > n || (len == 2 && c < 0xC2)) return false;
      for (size_t k = 1; k < len; ++k) {
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
      }
      if (len == 3) {
        auto c1 = static_cast<unsigned char>(s[i + 1]);
        if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F)) return false;
      } else if (len == 4) {
        auto c1 = static_cast<unsigned char>(s[i + 1]);
        if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F) || c > 0xF4) return false;
      }
      i += len;
    }
    return true;
  }
  std::string& out_;
};

// A generous estimate of the compact JSON's size. Reserving it up front spares the copies of a
// growing string (up to three times the output in memory at once); pages reserved but never
// written are not resident, so an estimate too large costs address space only.
size_t EstimatedSize(const KnowledgeGraph& kgraph) {
  auto spans = [](const std::vector<Span>& v) {
    size_t n = 0;
    for (const Span& s : v) n += 120 + s.doc.size() + s.text.size() + s.rule.size();
    return n;
  };
  auto strings = [](const std::vector<std::string>& v) {
    size_t n = 0;
    for (const std::string& x : v) n += 4 + x.size();
    return n;
  };
  auto counts = [](const std::vector<DocumentCount>& v) {
    size_t n = 0;
    for (const DocumentCount& c : v) n += 24 + c.doc.size();
    return n;
  };
  const Graph& g = kgraph.graph;
  size_t n = 4096 + strings(kgraph.documents);
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const NodeProps& p = g[v];
    n += 400 + 2 * p.id.size() + p.label.size() + strings(p.aliases) + strings(p.documents) +
         counts(p.mention_counts) + spans(p.mentions);
  }
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const EdgeProps& p = g[e];
    n += 200 + g[boost::source(e, g)].id.size() + g[boost::target(e, g)].id.size() + p.role.size() +
         2 * counts(p.evidence_counts) + spans(p.evidence);
  }
  return n + n / 4;
}

// Nodes and links are serialized in blocks of this many, on several threads, and written in
// order: memory holds a few blocks of output, not all of it. Any block size gives the same bytes.
constexpr size_t kNodesPerBlock = 512;
constexpr size_t kLinksPerBlock = 2048;

bool CompactNodeLinkJson(const KnowledgeGraph& kgraph, int threads,
                         const std::function<bool(std::string_view)>& write) {
  const Graph& g = kgraph.graph;
  const bool corpus = kgraph.documents.size() > 1;
  std::string head;
  CompactWriter h(&head);
  h.Raw("{\"directed\":true,\"multigraph\":true,\"graph\":{\"generator\":");
  h.String(kgraph.generator);
  h.Raw(",\"rules\":");
  h.String(kgraph.rules_fingerprint);
  h.Raw(",\"documents\":");
  h.Strings(kgraph.documents);
  if (!kgraph.types.empty()) {
    h.Raw(",\"types\":[");
    for (size_t i = 0; i < kgraph.types.size(); ++i) {
      h.Raw(i > 0 ? ",{\"type\":" : "{\"type\":");
      h.String(kgraph.types[i].type);
      h.Raw(",\"color\":");
      h.String(kgraph.types[i].color);
      h.Raw("}");
    }
    h.Raw("]");
  }
  if (!kgraph.relations.empty()) {
    h.Raw(",\"relations\":");
    h.Strings(kgraph.relations);
  }
  h.Raw("},\"nodes\":[");
  if (!write(head)) return false;
  head = std::string();

  const size_t window = 2 * static_cast<size_t>(std::max(threads, 1)) + 2;
  const size_t num_nodes = boost::num_vertices(g);
  auto node_block = [&](size_t block) {
    std::string out;
    CompactWriter w(&out);
    const size_t end = std::min(num_nodes, (block + 1) * kNodesPerBlock);
    for (size_t v = block * kNodesPerBlock; v < end; ++v) {
      const NodeProps& n = g[v];
      if (v > 0) w.Raw(",");
      w.Raw("{\"id\":");
      w.String(n.id);
      w.Raw(",\"label\":");
      w.String(n.label);
      w.Raw(",\"type\":");
      w.String(n.type);
      w.OptionalString("subtype", n.subtype);
      w.OptionalString("kind", n.kind);
      w.Raw(",\"aliases\":");
      w.Strings(n.aliases);
      if (n.narrator) w.Raw(",\"narrator\":true");
      w.Raw(",\"documents\":");
      w.Strings(n.documents);
      if (corpus) w.DocumentCounts(CountByDocument(n.mention_counts, n.mentions));
      w.Raw(",\"degree\":");
      w.Int(n.degree);
      w.Raw(",\"weighted_degree\":");
      w.Double(n.weighted_degree);
      w.Raw(",\"betweenness\":");
      w.Double(n.betweenness);
      w.Raw(",\"pagerank\":");
      w.Double(n.pagerank);
      w.Raw(",\"component\":");
      w.Int(n.component);
      w.Raw(",\"community\":");
      w.Int(n.community);
      w.Raw(",\"mentions\":");
      w.Spans(n.mentions);
      w.Raw("}");
    }
    return out;
  };
  auto emit = [&](size_t, std::string&& piece) { return write(piece); };
  if (!OrderedParallel<std::string>((num_nodes + kNodesPerBlock - 1) / kNodesPerBlock, threads,
                                    window, node_block, emit)) {
    return false;
  }
  if (!write("],\"links\":[")) return false;

  // The edges in edge order with their keys: the key counts the earlier parallel edges of the
  // same ordered pair, so it is numbered here, in order, before the blocks are cut.
  std::vector<Graph::edge_descriptor> edges;
  edges.reserve(boost::num_edges(g));
  std::vector<uint32_t> keys;
  keys.reserve(boost::num_edges(g));
  std::map<std::pair<Graph::vertex_descriptor, Graph::vertex_descriptor>, uint32_t> parallel;
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    edges.push_back(e);
    keys.push_back(parallel[{boost::source(e, g), boost::target(e, g)}]++);
  }
  parallel.clear();
  auto link_block = [&](size_t block) {
    std::string out;
    CompactWriter w(&out);
    const size_t end = std::min(edges.size(), (block + 1) * kLinksPerBlock);
    for (size_t i = block * kLinksPerBlock; i < end; ++i) {
      const Graph::edge_descriptor e = edges[i];
      const EdgeProps& p = g[e];
      if (i > 0) w.Raw(",");
      w.Raw("{\"source\":");
      w.String(g[boost::source(e, g)].id);
      w.Raw(",\"target\":");
      w.String(g[boost::target(e, g)].id);
      w.Raw(",\"key\":");
      w.Unsigned(keys[i]);
      w.Raw(",\"relation\":");
      w.String(p.relation);
      w.OptionalString("role", p.role);
      w.Raw(",\"weight\":");
      w.Double(p.weight);
      if (p.symmetric) w.Raw(",\"symmetric\":true");
      if (corpus) {
        w.Raw(",\"documents\":");
        const std::vector<DocumentCount> counts = CountByDocument(p.evidence_counts, p.evidence);
        w.Strings(DocumentsOf(counts));
        w.DocumentCounts(counts);
      }
      w.Raw(",\"evidence\":");
      w.Spans(p.evidence);
      w.Raw("}");
    }
    return out;
  };
  if (!OrderedParallel<std::string>((edges.size() + kLinksPerBlock - 1) / kLinksPerBlock, threads,
                                    window, link_block, emit)) {
    return false;
  }
  return write("]}\n");
}

std::string DomNodeLinkJson(const KnowledgeGraph& kgraph, bool pretty) {
  const Graph& g = kgraph.graph;
  const bool corpus = kgraph.documents.size() > 1;
  Json root = Json::object();
  root["directed"] = true;
  root["multigraph"] = true;
  Json meta = Json::object();
  meta["generator"] = kgraph.generator;
  meta["rules"] = kgraph.rules_fingerprint;
  meta["documents"] = kgraph.documents;
  if (!kgraph.types.empty()) {
    Json types = Json::array();
    for (const KnowledgeGraph::TypeStyle& t : kgraph.types) {
      types.push_back(Json{{"type", t.type}, {"color", t.color}});
    }
    meta["types"] = std::move(types);
  }
  if (!kgraph.relations.empty()) meta["relations"] = kgraph.relations;
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
    if (corpus)
      node["document_counts"] = CountsToJson(CountByDocument(n.mention_counts, n.mentions));
    node["degree"] = n.degree;
    node["weighted_degree"] = n.weighted_degree;
    node["betweenness"] = n.betweenness;
    node["pagerank"] = n.pagerank;
    node["component"] = n.component;
    node["community"] = n.community;
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
    if (corpus) {
      const std::vector<DocumentCount> counts = CountByDocument(p.evidence_counts, p.evidence);
      link["documents"] = DocumentsOf(counts);
      link["document_counts"] = CountsToJson(counts);
    }
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

}  // namespace

std::string ToNodeLinkJson(const KnowledgeGraph& kgraph, bool pretty, int threads) {
  if (pretty) return DomNodeLinkJson(kgraph, true);
  std::string out;
  out.reserve(EstimatedSize(kgraph));
  CompactNodeLinkJson(kgraph, threads, [&](std::string_view piece) {
    out += piece;
    return true;
  });
  return out;
}

bool WriteNodeLinkJson(const KnowledgeGraph& kgraph, bool pretty, int threads,
                       const std::function<bool(std::string_view)>& write) {
  if (pretty) return write(DomNodeLinkJson(kgraph, true));
  return CompactNodeLinkJson(kgraph, threads, write);
}

}  // namespace kg

// Stage 6: node ids, and the merge of per-document graphs into one Boost.Graph.
//
// Everything here is ordered by std::map on byte strings, so the result depends only on the
// input values, never on hashing or pointer order (see "Determinism" in graph.h).
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "graph/graph.h"

namespace kg {
namespace {

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// What a non-ASCII code point is in a slug. Letters, marks and digits are kept (lower-cased);
// format characters (zero-width space, bidi marks, the byte order mark) are invisible and
// dropped; punctuation, symbols (emoji), spaces and the rest separate words, as their ASCII
// look-alikes do ("Ștefan – Keynote 🐍" -> "ștefan-keynote").
enum class SlugClass { kWord, kDrop, kSeparator };

SlugClass ClassifyNonAscii(UChar32 c) {
  const uint32_t mask = U_GET_GC_MASK(c);
  if (mask & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) return SlugClass::kWord;
  if (mask & U_GC_CF_MASK) return SlugClass::kDrop;
  return SlugClass::kSeparator;
}

void AppendUtf8(UChar32 c, std::string* out) {
  char buf[U8_MAX_LENGTH];
  int32_t len = 0;
  U8_APPEND_UNSAFE(buf, len, c);
  out->append(buf, static_cast<size_t>(len));
}

// Appends the slug of `name` to `out`: lower case (ICU's simple, per code point mapping), runs of
// separators as one '-', no leading or trailing '-'. Invalid UTF-8 bytes are separators.
// ASCII: letters and digits are word characters, everything else separates.
void AppendSlug(std::string_view name, std::string* out) {
  const auto* s = reinterpret_cast<const uint8_t*>(name.data());
  const auto length = static_cast<int32_t>(name.size());
  bool pending_dash = false;
  bool wrote_any = false;
  auto start_word_char = [&] {
    if (pending_dash && wrote_any) out->push_back('-');
    pending_dash = false;
    wrote_any = true;
  };
  for (int32_t i = 0; i < length;) {
    if (s[i] < 0x80) {
      const char c = static_cast<char>(s[i++]);
      if (IsAsciiAlnum(static_cast<unsigned char>(c))) {
        start_word_char();
        out->push_back(AsciiLower(c));
      } else {
        pending_dash = true;
      }
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    const SlugClass cls = c < 0 ? SlugClass::kSeparator : ClassifyNonAscii(c);
    if (cls == SlugClass::kWord) {
      start_word_char();
      AppendUtf8(u_tolower(c), out);
    } else if (cls == SlugClass::kSeparator) {
      pending_dash = true;
    }
  }
}

// A node being merged: the props plus every name seen for it.
struct NodeAccumulator {
  NodeProps props;
  std::set<std::string> names;  // aliases and labels of every document
  std::set<std::string> documents;
};

using EdgeKey = std::tuple<std::string, std::string, std::string, std::string>;

}  // namespace

std::string NodeId(std::string_view type, std::string_view name) {
  std::string id;
  id.reserve(type.size() + 1 + name.size());
  for (char c : type) id.push_back(AsciiLower(c));
  id.push_back(':');
  AppendSlug(name, &id);
  return id;
}

KnowledgeGraph MergeDocuments(std::vector<DocumentGraph> documents, std::string generator,
                              std::string rules_fingerprint, size_t max_evidence) {
  std::map<std::string, NodeAccumulator> nodes;
  std::map<EdgeKey, EdgeProps> edges;
  KnowledgeGraph result;
  result.documents.reserve(documents.size());

  // Nodes that belong to their document: its narrator, and a person named by one word only
  // ("Maria" of one post is not "Maria" of another). When such an id occurs in several
  // documents, each document's node gets its own id, "person:maria@post-a-md".
  auto document_scoped = [](const NodeProps& n) {
    return n.narrator || (n.type == "PERSON" && n.label.find(' ') == std::string::npos);
  };
  std::map<std::string, std::set<std::string>> scoped_docs;
  for (const DocumentGraph& dg : documents) {
    for (const NodeProps& node : dg.nodes) {
      if (document_scoped(node)) scoped_docs[node.id].insert(dg.doc);
    }
  }
  for (DocumentGraph& dg : documents) {
    std::map<std::string, std::string> renamed;
    for (NodeProps& node : dg.nodes) {
      if (!document_scoped(node) || scoped_docs[node.id].size() < 2) continue;
      std::string id = node.id + "@";
      AppendSlug(dg.doc, &id);
      renamed[node.id] = id;
      node.id = std::move(id);
    }
    if (renamed.empty()) continue;
    for (DocumentGraph::Edge& edge : dg.edges) {
      if (auto it = renamed.find(edge.source); it != renamed.end()) edge.source = it->second;
      if (auto it = renamed.find(edge.target); it != renamed.end()) edge.target = it->second;
    }
  }

  // Names across documents: a node of one document whose id is what an alias of a node of
  // another document would be ("PSF" of "Python Software Foundation", "KubeCon EU 2023" of
  // "KubeCon Europe 2023") joins that node, when the alias names one node only. One-word
  // aliases of people (given names) and narrators never join.
  std::set<std::string> ids;
  std::map<std::string, std::set<std::string>> alias_of;  // alias id -> the ids it names
  for (const DocumentGraph& dg : documents) {
    for (const NodeProps& node : dg.nodes) {
      ids.insert(node.id);
      if (node.narrator) continue;
      for (const std::string& alias : node.aliases) {
        if (node.type == "PERSON" && alias.find(' ') == std::string::npos) continue;
        std::string alias_id = NodeId(node.type, alias);
        if (alias_id != node.id && alias_id.back() != ':') alias_of[alias_id].insert(node.id);
      }
    }
  }
  std::map<std::string, std::string> joins;  // id -> the node it joins
  for (const auto& [alias_id, named] : alias_of) {
    if (named.size() == 1 && ids.count(alias_id) && !alias_of.count(*named.begin())) {
      joins[alias_id] = *named.begin();
    }
  }
  for (DocumentGraph& dg : documents) {
    if (joins.empty()) break;
    std::set<std::string> own;
    for (const NodeProps& node : dg.nodes) own.insert(node.id);
    std::map<std::string, std::string> renamed;
    for (NodeProps& node : dg.nodes) {
      auto it = joins.find(node.id);
      // Not where the document has both: its own resolution kept them apart.
      if (it == joins.end() || node.narrator || own.count(it->second)) continue;
      renamed[node.id] = it->second;
      if (!node.label.empty()) node.aliases.push_back(node.label);
      node.id = it->second;
    }
    for (DocumentGraph::Edge& edge : dg.edges) {
      if (auto it = renamed.find(edge.source); it != renamed.end()) edge.source = it->second;
      if (auto it = renamed.find(edge.target); it != renamed.end()) edge.target = it->second;
    }
  }

  for (DocumentGraph& dg : documents) {
    result.documents.push_back(dg.doc);
    for (NodeProps& node : dg.nodes) {
      auto [it, inserted] = nodes.try_emplace(node.id);
      NodeAccumulator& acc = it->second;
      if (inserted) {
        acc.props.id = node.id;
        acc.props.label = node.label;
        acc.props.type = node.type;
      } else if (NodeId(acc.props.type, acc.props.label) != acc.props.id &&
                 NodeId(node.type, node.label) == node.id) {
        acc.props.label = node.label;  // the name the id was made of, not an alias that joined
      }
      if (acc.props.type.empty()) acc.props.type = node.type;
      if (acc.props.subtype.empty()) acc.props.subtype = node.subtype;
      if (acc.props.kind.empty()) acc.props.kind = node.kind;
      acc.props.narrator = acc.props.narrator || node.narrator;
      // A later document's label for the same id is another name for the node.
      if (!node.label.empty()) acc.names.insert(node.label);
      for (std::string& alias : node.aliases) acc.names.insert(std::move(alias));
      for (Span& mention : node.mentions) acc.props.mentions.push_back(std::move(mention));
      for (std::string& doc : node.documents) acc.documents.insert(std::move(doc));
      if (!dg.doc.empty()) acc.documents.insert(dg.doc);
    }
    for (DocumentGraph::Edge& edge : dg.edges) {
      // met(a, b) and met(b, a) state one fact: keep symmetric edges in one direction so their
      // weights and evidence add up across documents.
      if (edge.props.symmetric && edge.target < edge.source) std::swap(edge.source, edge.target);
      EdgeKey key(std::move(edge.source), std::move(edge.target), edge.props.relation,
                  edge.props.role);
      auto [it, inserted] = edges.try_emplace(std::move(key));
      EdgeProps& acc = it->second;
      if (inserted) {
        acc = std::move(edge.props);
        if (acc.evidence.size() > max_evidence) acc.evidence.resize(max_evidence);
        continue;
      }
      acc.weight += edge.props.weight;
      acc.symmetric = acc.symmetric || edge.props.symmetric;
      for (Span& span : edge.props.evidence) {
        if (acc.evidence.size() >= max_evidence) break;
        acc.evidence.push_back(std::move(span));
      }
    }
  }

  // Vertices in id order (std::map), so vertex index i is the i-th node id.
  std::map<std::string, Graph::vertex_descriptor> vertex_of;
  for (auto& [id, acc] : nodes) {
    acc.names.erase(acc.props.label);
    acc.props.aliases.assign(acc.names.begin(), acc.names.end());
    acc.props.documents.assign(acc.documents.begin(), acc.documents.end());
    vertex_of.emplace(id, boost::add_vertex(std::move(acc.props), result.graph));
  }
  // Edges in (source, target, relation, role) order. An edge whose endpoint is no node has
  // nothing to attach to and is dropped (ResolveDocument never makes one).
  for (auto& [key, props] : edges) {
    auto source = vertex_of.find(std::get<0>(key));
    auto target = vertex_of.find(std::get<1>(key));
    if (source == vertex_of.end() || target == vertex_of.end()) continue;
    boost::add_edge(source->second, target->second, std::move(props), result.graph);
  }

  result.generator = std::move(generator);
  result.rules_fingerprint = std::move(rules_fingerprint);
  return result;
}

}  // namespace kg

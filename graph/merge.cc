// Stage 6: node ids, and the merge of per-document graphs into one Boost.Graph.
//
// Everything here is ordered by std::map on byte strings, so the result depends only on the
// input values, never on hashing or pointer order (see "Determinism" in graph.h).
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "graph/graph.h"
#include "graph/parallel.h"

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

}  // namespace

std::string NodeId(std::string_view type, std::string_view name) {
  std::string id;
  id.reserve(type.size() + 1 + name.size());
  for (char c : type) id.push_back(AsciiLower(c));
  id.push_back(':');
  AppendSlug(name, &id);
  return id;
}

namespace {

// Merges two lists of spans, each in document-ordinal order, keeping the first `cap` of the
// union in that order (`into` before `from` among equals).
template <typename Spans>
void MergeByOrdinal(Spans* into, Spans* from, size_t cap) {
  if (from->spans.empty()) return;
  Spans out;
  const size_t n = std::min(cap, into->spans.size() + from->spans.size());
  out.ordinals.reserve(n);
  out.spans.reserve(n);
  size_t a = 0, b = 0;
  while (out.spans.size() < cap && (a < into->spans.size() || b < from->spans.size())) {
    if (b == from->spans.size() ||
        (a < into->spans.size() && into->ordinals[a] <= from->ordinals[b])) {
      out.ordinals.push_back(into->ordinals[a]);
      out.spans.push_back(std::move(into->spans[a++]));
    } else {
      out.ordinals.push_back(from->ordinals[b]);
      out.spans.push_back(std::move(from->spans[b++]));
    }
  }
  *into = std::move(out);
  *from = Spans();
}

// Appends a document's spans, up to `cap` in all, each with the document's ordinal; exact
// capacity (most nodes and edges are in one document: doubling would waste a third).
template <typename Spans, typename Prepare>
void AppendSpans(Spans* to, std::vector<Span>* spans, uint32_t ordinal, size_t cap,
                 Prepare prepare) {
  const size_t n = std::min(cap, to->spans.size() + spans->size());
  if (n <= to->spans.size()) return;
  to->spans.reserve(n);
  to->ordinals.reserve(n);
  for (size_t i = 0; to->spans.size() < n; ++i) {
    prepare(&(*spans)[i]);
    to->spans.push_back(std::move((*spans)[i]));
    to->ordinals.push_back(ordinal);
  }
}

// Counts per document ordinal, each list in ordinal order: adds `from` into `into`.
void MergeCounts(std::vector<std::pair<uint32_t, uint64_t>>* into,
                 const std::vector<std::pair<uint32_t, uint64_t>>& from) {
  std::vector<std::pair<uint32_t, uint64_t>> out;
  out.reserve(into->size() + from.size());
  auto a = into->cbegin();
  auto b = from.cbegin();
  while (a != into->cend() || b != from.cend()) {
    if (b == from.cend() || (a != into->cend() && a->first < b->first)) {
      out.push_back(*a++);
    } else if (a == into->cend() || b->first < a->first) {
      out.push_back(*b++);
    } else {
      out.emplace_back(a->first, a->second + b->second);
      ++a;
      ++b;
    }
  }
  *into = std::move(out);
}

void AddCount(std::vector<std::pair<uint32_t, uint64_t>>* counts, uint32_t ordinal, uint64_t n) {
  if (!counts->empty() && counts->back().first == ordinal) {
    counts->back().second += n;
  } else {
    counts->emplace_back(ordinal, n);
  }
}

}  // namespace

GraphMerger::GraphMerger(size_t max_evidence, size_t max_mentions)
    : max_evidence_(max_evidence), max_mentions_(max_mentions) {}
GraphMerger::~GraphMerger() = default;

// Nodes that belong to their document: its narrator, and a person named by one word only
// ("Maria" of one post is not "Maria" of another). Kept under "id\x1fdocument" until Finish
// knows whether the id occurs in several documents.
static bool DocumentScoped(const NodeProps& n) {
  return n.narrator || (n.type == "PERSON" && n.label.find(' ') == std::string::npos);
}

void GraphMerger::Add(DocumentGraph dg) {
  const uint32_t ordinal = static_cast<uint32_t>(documents_.size());
  documents_.push_back(dg.doc);
  std::map<std::string, std::string> keyed;  // scoped node id -> its key here
  for (NodeProps& node : dg.nodes) {
    std::string key = node.id;
    if (DocumentScoped(node)) {
      scoped_docs_[node.id].insert(dg.doc);
      key += '\x1f';
      key += dg.doc;
      keyed[node.id] = key;
    }
    auto [it, inserted] = nodes_.try_emplace(std::move(key));
    Node& acc = it->second;
    if (inserted) {
      acc.props.id = node.id;
      acc.props.label = node.label;
      acc.props.type = node.type;
      acc.first = ordinal;
    } else if (NodeId(acc.props.type, acc.props.label) != acc.props.id &&
               NodeId(node.type, node.label) == node.id) {
      acc.props.label = node.label;  // the name the id was made of, not an alias that joined
    }
    if (acc.props.type.empty()) acc.props.type = node.type;
    if (acc.props.subtype.empty()) acc.props.subtype = node.subtype;
    if (acc.props.kind.empty()) acc.props.kind = node.kind;
    acc.props.narrator = acc.props.narrator || node.narrator;
    if (!node.narrator) {
      for (const std::string& alias : node.aliases) {
        if (node.type == "PERSON" && alias.find(' ') == std::string::npos) continue;
        std::string alias_id = NodeId(node.type, alias);
        if (alias_id != node.id && alias_id.back() != ':') acc.alias_ids.insert(alias_id);
      }
    }
    // A later document's label for the same id is another name for the node.
    if (!node.label.empty()) acc.names.insert(node.label);
    for (std::string& alias : node.aliases) acc.names.insert(std::move(alias));
    // Resolution counts every mention but may keep fewer spans (max_node_mentions).
    uint64_t mentions = 0;
    for (const DocumentCount& c : node.mention_counts) mentions += c.count;
    AddCount(&acc.mention_counts, ordinal,
             node.mention_counts.empty() ? node.mentions.size() : mentions);
    // A name's words are shared by its mentions in every document, like rule names.
    AppendSpans(&acc.mentions, &node.mentions, ordinal, max_mentions_, [this](Span* s) {
      s->rule = rule_names_.Get(s->rule);
      s->text = mention_texts_.Get(s->text);
    });
    for (std::string& doc : node.documents) {
      if (doc != dg.doc) acc.extra_documents.insert(std::move(doc));  // rare: named elsewhere
    }
    // Documents come in ordinal order: the last one added is the largest.
    if (acc.documents.empty() || acc.documents.back() != ordinal) acc.documents.push_back(ordinal);
  }
  for (DocumentGraph::Edge& edge : dg.edges) {
    auto source = keyed.find(edge.source);
    auto target = keyed.find(edge.target);
    EdgeKey key;
    key.source = KeyIndex(source == keyed.end() ? edge.source : source->second);
    key.target = KeyIndex(target == keyed.end() ? edge.target : target->second);
    auto [kind, new_kind] =
        kind_index_.try_emplace(std::make_pair(edge.props.relation.str(), edge.props.role.str()),
                                static_cast<uint32_t>(kind_names_.size()));
    if (new_kind) {
      kind_names_.emplace_back(std::move(edge.props.relation), std::move(edge.props.role));
    }
    key.kind = kind->second;
    Edge& acc = edges_[key];
    acc.weight += edge.props.weight;
    acc.symmetric = acc.symmetric || edge.props.symmetric;
    AddCount(&acc.counts, ordinal, static_cast<uint64_t>(std::max(0.0, edge.props.weight)));
    AppendSpans(&acc.evidence, &edge.props.evidence, ordinal, max_evidence_,
                [this](Span* s) { s->rule = rule_names_.Get(s->rule); });
  }
}

// Ids (nodes) and edge keys (edges) per block when Finish makes their props on several threads.
constexpr size_t kMergeBlock = 256;

void GraphMerger::Finish(std::string generator, std::string rules_fingerprint, KnowledgeGraph* out,
                         int threads) {
  // 1. Each key's id: a document-scoped node keeps its id when one document has it, and is
  // suffixed with "@" and the document's slug when several do ("person:maria@posts-a-md").
  // The nodes in key order, and id_of with the same keys in the same order: the loops below
  // walk both together rather than look each key up.
  std::vector<std::pair<const std::string*, Node*>> sorted;
  sorted.reserve(nodes_.size());
  for (auto& [key, acc] : nodes_) sorted.emplace_back(&key, &acc);
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& a, const auto& b) { return *a.first < *b.first; });
  std::map<std::string, std::string> id_of;  // key -> id
  for (const auto& [key_of_node, node] : sorted) {
    const std::string& key = *key_of_node;
    size_t sep = key.find('\x1f');
    if (sep == std::string::npos) {
      id_of.emplace_hint(id_of.end(), key, key);
      continue;
    }
    std::string id = key.substr(0, sep);
    if (scoped_docs_[id].size() >= 2) {
      id += "@";
      AppendSlug(std::string_view(key).substr(sep + 1), &id);
    }
    id_of.emplace_hint(id_of.end(), key, std::move(id));
  }

  // 2. Names across documents: a node whose id is what an alias of a node of another document
  // would be ("PSF" of "Python Software Foundation", "KubeCon EU 2023" of "KubeCon Europe
  // 2023") joins that node, when the alias names one node only and no document names both
  // (a document's own resolution kept them apart). One-word aliases of people (given names)
  // and narrators never join.
  std::map<std::string, std::set<std::string>> alias_of;  // alias id -> the ids it names
  auto key_id = id_of.begin();
  for (const auto& [key, node] : sorted) {
    const std::string& id = (key_id++)->second;
    for (const std::string& alias_id : node->alias_ids) alias_of[alias_id].insert(id);
  }
  // The documents (and whether a narrator) of the few ids that may join or be joined.
  std::map<std::string, std::set<uint32_t>> docs_of_id;
  std::map<std::string, bool> narrator_id;
  for (const auto& [alias_id, named] : alias_of) {
    if (named.size() == 1) {
      docs_of_id[alias_id];
      docs_of_id[*named.begin()];
    }
  }
  std::set<std::string> ids;  // the ids of docs_of_id that are nodes
  key_id = id_of.begin();
  for (const auto& [key, node] : sorted) {
    const std::string& id = (key_id++)->second;
    auto it = docs_of_id.find(id);
    if (it == docs_of_id.end()) continue;
    ids.insert(id);
    it->second.insert(node->documents.begin(), node->documents.end());
    narrator_id[id] = narrator_id[id] || node->props.narrator;
  }
  std::map<std::string, std::string> joins;  // id -> the node it joins
  for (const auto& [alias_id, named] : alias_of) {
    const std::string& target = *named.begin();
    if (named.size() != 1 || !ids.count(alias_id) || alias_of.count(target) ||
        narrator_id[alias_id]) {
      continue;
    }
    const std::set<uint32_t>& a = docs_of_id[alias_id];
    const std::set<uint32_t>& b = docs_of_id[target];
    bool shared = std::any_of(a.begin(), a.end(), [&](uint32_t d) { return b.count(d) > 0; });
    if (!shared) joins[alias_id] = target;
  }
  auto node = sorted.begin();
  for (auto& [key, id] : id_of) {
    Node& acc = *(node++)->second;
    if (auto it = joins.find(id); it != joins.end()) {
      if (!acc.props.label.empty()) acc.names.insert(acc.props.label);
      acc.props.label.clear();  // the target's label stays
      id = it->second;
    }
  }

  // 3. The nodes of one id, joined in the order of their first document.
  std::map<std::string, std::vector<Node*>> by_id;
  key_id = id_of.begin();
  for (const auto& [key, node] : sorted) {
    by_id.try_emplace(by_id.end(), (key_id++)->second)->second.push_back(node);
  }
  *out = KnowledgeGraph();  // empty: no copy
  KnowledgeGraph& result = *out;
  result.documents.assign(documents_.begin(), documents_.end());
  // Each id's props come from its own nodes only: made in blocks on `threads` threads, the
  // vertices added in id order.
  std::vector<std::pair<const std::string*, std::vector<Node*>*>> groups;
  groups.reserve(by_id.size());
  for (auto& [id, group] : by_id) groups.emplace_back(&id, &group);
  // Every vertex at once, default, their props moved in below: growing the vertex array one
  // add_vertex at a time held its old and new copies together at the peak of a corpus run.
  result.graph = Graph(groups.size());
  auto merged_node = [&](const std::string& id, std::vector<Node*>& group) {
    std::stable_sort(group.begin(), group.end(),
                     [](const Node* a, const Node* b) { return a->first < b->first; });
    Node& acc = *group.front();
    acc.props.id = id;
    for (size_t g = 1; g < group.size(); ++g) {
      Node& other = *group[g];
      if (acc.props.label.empty() ||
          (NodeId(acc.props.type, acc.props.label) != id && !other.props.label.empty() &&
           NodeId(other.props.type, other.props.label) == id)) {
        acc.props.label = other.props.label;
      }
      if (acc.props.type.empty()) acc.props.type = other.props.type;
      if (acc.props.subtype.empty()) acc.props.subtype = other.props.subtype;
      if (acc.props.kind.empty()) acc.props.kind = other.props.kind;
      acc.props.narrator = acc.props.narrator || other.props.narrator;
      acc.names.merge(other.names);
      std::vector<uint32_t> documents;
      documents.reserve(acc.documents.size() + other.documents.size());
      std::set_union(acc.documents.begin(), acc.documents.end(), other.documents.begin(),
                     other.documents.end(), std::back_inserter(documents));
      acc.documents = std::move(documents);
      acc.extra_documents.merge(other.extra_documents);
      MergeByOrdinal(&acc.mentions, &other.mentions, max_mentions_);
      MergeCounts(&acc.mention_counts, other.mention_counts);
    }
    NodeProps props = std::move(acc.props);
    acc.names.erase(props.label);
    props.aliases.assign(acc.names.begin(), acc.names.end());
    std::set<std::string> docs;
    for (uint32_t d : acc.documents) docs.insert(documents_[d]);
    docs.merge(acc.extra_documents);
    props.documents.assign(docs.begin(), docs.end());
    props.mentions = std::move(acc.mentions.spans);
    props.mention_counts = DocumentCounts(acc.mention_counts);
    for (Node* n : group) *n = Node();  // frees what was moved from
    return props;
  };
  const size_t window = 2 * static_cast<size_t>(std::max(threads, 1)) + 2;
  OrderedParallel<std::vector<NodeProps>>(
      (groups.size() + kMergeBlock - 1) / kMergeBlock, threads, window,
      [&](size_t block) {
        std::vector<NodeProps> made;
        for (size_t i = block * kMergeBlock; i < std::min(groups.size(), (block + 1) * kMergeBlock);
             ++i) {
          made.push_back(merged_node(*groups[i].first, *groups[i].second));
        }
        return made;
      },
      [&](size_t block, std::vector<NodeProps>&& made) {
        for (size_t j = 0; j < made.size(); ++j) {
          result.graph[block * kMergeBlock + j] = std::move(made[j]);
        }
        return true;
      });
  sorted = {};
  nodes_.clear();

  // 4. Edges under the final ids; met(a, b) and met(b, a) state one fact: symmetric edges are
  // kept in one direction so their weights and evidence add up. Then in (source, target,
  // relation, role) order. An edge whose endpoint is no node is dropped (ResolveDocument
  // never makes one). Vertices are added in id order, so vertex numbers order as ids do, and
  // a kind's rank orders as its (relation, role).
  constexpr uint32_t kNoVertex = UINT32_MAX;
  std::vector<uint32_t> vertex_of_key(key_of_.size(), kNoVertex);
  for (size_t k = 0; k < key_of_.size(); ++k) {
    auto id = id_of.find(*key_of_[k]);
    const std::string& final_id = id == id_of.end() ? *key_of_[k] : id->second;
    // Vertex i is groups[i], in id order: no map from id to vertex.
    auto v = std::lower_bound(
        groups.begin(), groups.end(), final_id,
        [](const auto& group, const std::string& want) { return *group.first < want; });
    if (v != groups.end() && *v->first == final_id) {
      vertex_of_key[k] = static_cast<uint32_t>(v - groups.begin());
    }
  }
  std::vector<uint32_t> kind_rank(kind_names_.size());
  {
    uint32_t rank = 0;
    for (const auto& [kind, index] : kind_index_) kind_rank[index] = rank++;
  }
  // Edges that become one are joined in the order of their (source key, target key, relation,
  // role): the first one's evidence first among equal documents.
  struct Final {
    uint32_t source, target, rank;
    Edge* edge;
    EdgeKey key;
  };
  // Keys ranked once in string order, so that sorting the edges compares integers: comparing
  // the key strings of every edge pair took about 3 s of a 100 MB corpus's 36 s at -j2.
  std::vector<uint32_t> key_rank(key_of_.size());
  {
    std::vector<uint32_t> order(key_of_.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<uint32_t>(k);
    std::sort(order.begin(), order.end(),
              [&](uint32_t a, uint32_t b) { return *key_of_[a] < *key_of_[b]; });
    for (size_t r = 0; r < order.size(); ++r) key_rank[order[r]] = static_cast<uint32_t>(r);
  }
  std::vector<std::pair<const EdgeKey, Edge>*> by_key;
  by_key.reserve(edges_.size());
  for (auto& entry : edges_) by_key.push_back(&entry);
  std::sort(by_key.begin(), by_key.end(), [&](const auto* a, const auto* b) {
    const EdgeKey& x = a->first;
    const EdgeKey& y = b->first;
    return std::tuple(key_rank[x.source], key_rank[x.target], kind_rank[x.kind]) <
           std::tuple(key_rank[y.source], key_rank[y.target], kind_rank[y.kind]);
  });
  std::vector<Final> finals;
  finals.reserve(by_key.size());
  for (auto* entry : by_key) {
    uint32_t source = vertex_of_key[entry->first.source];
    uint32_t target = vertex_of_key[entry->first.target];
    if (source == kNoVertex || target == kNoVertex) continue;
    if (entry->second.symmetric && target < source) std::swap(source, target);
    finals.push_back({source, target, kind_rank[entry->first.kind], &entry->second, entry->first});
  }
  by_key = {};
  std::stable_sort(finals.begin(), finals.end(), [](const Final& a, const Final& b) {
    return std::tie(a.source, a.target, a.rank) < std::tie(b.source, b.target, b.rank);
  });
  std::vector<size_t> runs;  // where each final edge's run of equal edges starts in `finals`
  for (size_t i = 0; i < finals.size(); ++i) {
    if (!runs.empty()) {
      const Final& head = finals[runs.back()];
      if (head.source == finals[i].source && head.target == finals[i].target &&
          head.rank == finals[i].rank) {
        Edge& into = *head.edge;
        Edge& acc = *finals[i].edge;
        into.weight += acc.weight;
        into.symmetric = into.symmetric || acc.symmetric;
        MergeByOrdinal(&into.evidence, &acc.evidence, max_evidence_);
        MergeCounts(&into.counts, acc.counts);
        acc = Edge();
        continue;
      }
    }
    runs.push_back(i);
  }
  // The edges' props, in blocks on `threads` threads like the nodes', added in order; each
  // block moves its merger edges' spans into the graph and empties them.
  struct MadeEdge {
    Graph::vertex_descriptor source, target;
    EdgeProps props;
  };
  OrderedParallel<std::vector<MadeEdge>>(
      (runs.size() + kMergeBlock - 1) / kMergeBlock, threads, window,
      [&](size_t block) {
        std::vector<MadeEdge> made;
        for (size_t r = block * kMergeBlock; r < std::min(runs.size(), (block + 1) * kMergeBlock);
             ++r) {
          const Final& f = finals[runs[r]];
          Edge& acc = *f.edge;
          MadeEdge& e = made.emplace_back(MadeEdge{f.source, f.target, {}});
          e.props.relation = kind_names_[f.key.kind].first;
          e.props.role = kind_names_[f.key.kind].second;
          e.props.weight = acc.weight;
          e.props.symmetric = acc.symmetric;
          e.props.evidence = std::move(acc.evidence.spans);
          e.props.evidence_counts = DocumentCounts(acc.counts);
          acc = Edge();  // frees what was moved from
        }
        return made;
      },
      [&](size_t block, std::vector<MadeEdge>&& made) {
        for (MadeEdge& m : made) {
          auto [e, added] = boost::add_edge(m.source, m.target, result.graph);
          result.graph[e] = std::move(m.props);
        }
        // The block's merger edges go too, so the graph grows into the memory they leave.
        // Erasing relinks other entries but never writes their values, which is all the
        // blocks still running read.
        const size_t end = (block + 1) * kMergeBlock < runs.size() ? runs[(block + 1) * kMergeBlock]
                                                                   : finals.size();
        for (size_t i = runs[block * kMergeBlock]; i < end; ++i) {
          const EdgeKey key = finals[i].key;
          edges_.erase(key);
        }
        return true;
      });
  finals = {};
  edges_.clear();
  key_index_.clear();
  key_of_.clear();
  kind_index_.clear();
  kind_names_.clear();

  result.generator = std::move(generator);
  result.rules_fingerprint = std::move(rules_fingerprint);
  documents_.clear();
  scoped_docs_.clear();
  rule_names_.Clear();
  mention_texts_.Clear();
}

uint32_t GraphMerger::KeyIndex(const std::string& key) {
  auto [it, inserted] = key_index_.try_emplace(key, static_cast<uint32_t>(key_of_.size()));
  if (inserted) key_of_.push_back(&it->first);
  return it->second;
}

std::vector<DocumentCount> GraphMerger::DocumentCounts(
    const std::vector<std::pair<uint32_t, uint64_t>>& counts) const {
  // By name (two inputs may share one), each name the merger's shared copy.
  std::map<std::string_view, DocumentCount> by_name;
  for (const auto& [d, n] : counts) {
    const SharedName& name = documents_[d];
    auto [it, inserted] = by_name.try_emplace(name.str(), DocumentCount{name, 0});
    it->second.count += n;
  }
  std::vector<DocumentCount> out;
  out.reserve(by_name.size());
  for (auto& [name, count] : by_name) out.push_back(std::move(count));
  return out;
}

KnowledgeGraph MergeDocuments(std::vector<DocumentGraph> documents, std::string generator,
                              std::string rules_fingerprint, size_t max_evidence,
                              size_t max_mentions) {
  GraphMerger merger(max_evidence, max_mentions);
  for (DocumentGraph& dg : documents) {
    merger.Add(std::move(dg));
    dg = DocumentGraph();
  }
  KnowledgeGraph result;
  merger.Finish(std::move(generator), std::move(rules_fingerprint), &result);
  return result;  // no copy: the named return value is built in place
}

std::vector<DocumentCount> CountByDocument(const std::vector<DocumentCount>& counts,
                                           const std::vector<Span>& spans) {
  if (!counts.empty() || spans.empty()) return counts;
  std::map<std::string, uint64_t> by_name;
  for (const Span& span : spans) ++by_name[span.doc];
  std::vector<DocumentCount> out;
  for (auto& [doc, n] : by_name) out.push_back({doc, n});
  return out;
}

}  // namespace kg

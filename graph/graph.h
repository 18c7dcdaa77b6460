// The knowledge graph of kgextract (stages 6 and 7): its model, the merge of documents' graphs,
// the edge filter and the analytics. Resolution (stages 4-5, one document's graph from its
// extraction) is graph/resolve.h; the writers and the JSON reader are graph/export.h, the HTML
// viewer graph/viewer.h, the Graphviz pictures graph/render.h.
//
//   kg::KnowledgeGraph kgraph = kg::MergeDocuments({dg1, dg2}, generator, fingerprint);
//   kg::FilterEdges({.min_weight = 2}, &kgraph);
//   kg::AnnotateMetrics(&kgraph);
//
// Node ids are stable slugs of type and canonical name ("person:jay-miller", NodeId), so graphs
// of separate runs join on id.
//
// Determinism: MergeDocuments sorts nodes by id and edges by (source, target, relation, role),
// and the exporters print numbers with fixed formatting, so equal inputs give equal bytes.
//
// This header needs only Boost.Graph and the standard library: the exporters and tools built on
// it do not inherit the extractors' RE2 or ICU (tests/header_layers_test.py checks that).
//
// THREAD SAFETY: plain values; GraphMerger is not thread-safe (one per merge).
#pragma once

#include <atomic>
#include <boost/graph/adjacency_list.hpp>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kg {

// A string that many spans share: a document's name, a rule's, a mention's words, an evidence
// sentence. A corpus graph names each document and rule in thousands of spans and counts; a copy
// of a SharedName is a pointer to one immutable, reference-counted string, not a copy of its
// bytes (on a 100 MB corpus the copied document names alone were a fifth of the peak memory,
// issue 11). It is one pointer wide, so a Span of four of them is half its old size. Made from a
// string, it is a new string: the pipeline makes one per document, rule and sentence and copies
// it. Compares and orders as its string. Copies may be used on any thread (the count is atomic).
class SharedName {
 public:
  SharedName() = default;
  SharedName(std::string name)  // NOLINT: implicit, a name is a string
      : rep_(name.empty() ? nullptr : new Rep{std::move(name)}) {}
  SharedName(std::string_view name) : SharedName(std::string(name)) {}  // NOLINT
  SharedName(const char* name) : SharedName(std::string(name)) {}       // NOLINT
  SharedName(const SharedName& other) : rep_(other.rep_) { Ref(); }
  SharedName(SharedName&& other) noexcept : rep_(std::exchange(other.rep_, nullptr)) {}
  SharedName& operator=(const SharedName& other) {
    if (rep_ != other.rep_) {
      other.Ref();
      Unref();
      rep_ = other.rep_;
    }
    return *this;
  }
  SharedName& operator=(SharedName&& other) noexcept {
    if (this != &other) {
      Unref();
      rep_ = std::exchange(other.rep_, nullptr);
    }
    return *this;
  }
  ~SharedName() { Unref(); }

  const std::string& str() const { return rep_ ? rep_->text : Empty(); }
  operator const std::string&() const { return str(); }  // NOLINT
  operator std::string_view() const { return str(); }    // NOLINT
  size_t size() const { return str().size(); }
  bool empty() const { return rep_ == nullptr; }
  // Whether both are the same shared string (not only equal ones).
  bool SameAs(const SharedName& other) const { return rep_ == other.rep_; }

  friend bool operator==(const SharedName& a, const SharedName& b) {
    return a.rep_ == b.rep_ || a.str() == b.str();
  }
  friend bool operator==(const SharedName& a, const std::string& b) { return a.str() == b; }
  friend bool operator==(const SharedName& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(const SharedName& a, const char* b) { return a.str() == b; }
  friend std::strong_ordering operator<=>(const SharedName& a, const SharedName& b) {
    return a.str().compare(b.str()) <=> 0;
  }
  // Joined with strings as its string is.
  friend std::string operator+(std::string a, const SharedName& b) { return a += b.str(); }
  friend std::string operator+(const SharedName& a, std::string_view b) {
    std::string out = a.str();
    return out.append(b);
  }
  friend std::ostream& operator<<(std::ostream& os, const SharedName& name) {
    return os << name.str();
  }

 private:
  struct Rep {
    std::string text;
    std::atomic<uint32_t> refs{1};
  };
  static const std::string& Empty() {
    static const std::string empty;
    return empty;
  }
  void Ref() const {
    if (rep_) rep_->refs.fetch_add(1, std::memory_order_relaxed);
  }
  void Unref() {
    // acq_rel: the thread that frees the string sees every other owner's last use of it.
    if (rep_ && rep_->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) delete rep_;
  }
  Rep* rep_ = nullptr;
};

// One SharedName per distinct string, for whatever makes many spans: the resolver (a document's
// rules and mention words), the merger (every document's rules and mention words) and the JSON
// reader (a file's documents, rules and span texts). Not thread-safe.
class SharedNames {
 public:
  // The shared copy of `name`, made on first use.
  const SharedName& Get(std::string_view name) {
    auto it = names_.find(name);
    if (it == names_.end()) it = names_.emplace(std::string(name), SharedName(name)).first;
    return it->second;
  }
  // The same, `name` itself becoming the copy when it is the first.
  const SharedName& Get(const SharedName& name) {
    auto it = names_.find(name.str());
    if (it == names_.end()) it = names_.emplace(name.str(), name).first;
    return it->second;
  }
  void Clear() { names_.clear(); }

 private:
  struct Hash {
    using is_transparent = void;  // finds a string_view without copying it into a string
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, SharedName, Hash, std::equal_to<>> names_;
};

// A span of a document: a mention of an entity, or the sentence that is an edge's evidence.
// `start` and `end` are code point offsets (Python's text[start:end]).
struct Span {
  SharedName doc;
  uint32_t start = 0, end = 0;
  SharedName text;  // the mention's words, or the evidence sentence (none for a reference)
  SharedName rule;  // the rule that produced the mention or relation
  // Byte offsets into the original file (pipeline/text.h SourceRange), -1 when unknown.
  int64_t source_start = -1, source_end = -1;
};

// Mentions or statements in one document: the "document_counts" of the exports. They count
// every one, also those whose spans a limit left out (--mentions, --evidence).
struct DocumentCount {
  SharedName doc;
  uint64_t count = 0;
};

struct NodeProps {
  std::string id;       // "person:jay-miller"
  std::string label;    // "Jay Miller"
  std::string type;     // PERSON, ORG, PLACE, EVENT, TALK
  std::string subtype;  // PLACE only: country, city, region, venue
  std::string kind;     // TALK only: keynote, talk, panel, session, workshop, tutorial, social
  std::vector<std::string> aliases;  // other names, sorted, label excluded
  bool narrator = false;
  std::vector<Span> mentions;          // the first ones in input order (GraphMerger's max_mentions)
  std::vector<std::string> documents;  // sorted
  std::vector<DocumentCount> mention_counts;  // by document, sorted; by resolution and the merge

  // Graph analytics over the exported edges, filled by AnnotateMetrics (graph/metrics.cc).
  int degree = 0;                // edges in and out, parallel edges counted
  double weighted_degree = 0.0;  // sum of their weights
  double betweenness = 0.0;      // Brandes, undirected, unweighted, not normalised (as Gephi)
  double pagerank = 0.0;         // sums to 1 over the graph
  int component = 0;             // connected component (undirected), 0 the largest
  int community = 0;             // Louvain community, 0 the largest
};

struct EdgeProps {
  SharedName relation;         // speaker_of, ..., related_to, co_occurs (shared: one per kind)
  SharedName role;             // affiliated_with only
  double weight = 1.0;         // co_occurs: sentences that hold both; typed: times stated
  bool symmetric = false;      // met and co_occurs
  std::vector<Span> evidence;  // the first ones (GraphMerger's max_evidence)
  std::vector<DocumentCount> evidence_counts;  // statements by document, sorted; by the merge
};

using Graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeProps, EdgeProps>;

struct KnowledgeGraph {
  Graph graph;
  std::vector<std::string> documents;
  std::string generator;          // "kgextract 0.1.0"
  std::string rules_fingerprint;  // RuleSet::fingerprint()
  // The schema's entity types with their colours, in schema (legend) order, and its relation
  // names: the exports, the picture and the viewer read them, so a type or relation a rule
  // pack adds is drawn and listed like the built-in ones. Empty for a graph made without a
  // schema: the built-in types' colours apply.
  struct TypeStyle {
    std::string type, color;
  };
  std::vector<TypeStyle> types;
  std::vector<std::string> relations;
};

// The nodes and edges of one document, before merging.
struct DocumentGraph {
  SharedName doc;
  std::vector<NodeProps> nodes;
  struct Edge {
    std::string source, target;  // node ids
    EdgeProps props;
  };
  std::vector<Edge> edges;
  // The co-occurrence limit of ResolveOptions, when this document reached it (the CLI says so).
  size_t sentences_pairs_capped = 0;  // sentences with more co-occurrence pairs than allowed
  size_t pairs_dropped = 0;           // the co-occurrence pairs not made in those sentences
  // The mention limit of ResolveOptions: the mentions after the first max_mentions, not used.
  size_t mentions_dropped = 0;
};

// The documented limits of one document's graph (README "Limits"; --evidence, --max-pairs).
inline constexpr size_t kDefaultMaxEvidence = 10;
// Mention spans per node of a merged graph (--mentions): a node named in thousands of reports
// keeps the first ones; its document counts still count them all.
inline constexpr size_t kDefaultMaxNodeMentions = 100;
inline constexpr size_t kDefaultMaxPairsPerSentence = 1000;
// A long report has a few thousand mentions; this bounds a document of millions of names
// (100,000 names in one document: about 0.6 GB of memory and 70 MB of JSON).
inline constexpr size_t kDefaultMaxMentions = 100000;

// Joins documents' graphs: nodes with one id become one node (aliases, mentions and documents
// united), equal edges (source, target, relation, role) add up their weight and evidence.
// Exception: a narrator, or a person known by one word only ("Maria"), found in several
// documents stays one node per document, its id suffixed with "@" and the document's slug
// ("person:maria@posts-a-md"): a given name alone does not say two posts mean one person.
// A node whose id is the id an alias of one other node would have joins it ("PSF" of "Python
// Software Foundation") unless a document names both. Edges keep at most `max_evidence`
// evidence spans and nodes `max_mentions` mentions, the first in input order (weights and
// document counts count them all).
//
// Documents are added one by one, in input order, and freed as they are: memory grows with
// the nodes and edges of the corpus, not with the number of documents. Not thread-safe.
class GraphMerger {
 public:
  explicit GraphMerger(size_t max_evidence = SIZE_MAX, size_t max_mentions = SIZE_MAX);
  ~GraphMerger();
  GraphMerger(const GraphMerger&) = delete;
  GraphMerger& operator=(const GraphMerger&) = delete;

  void Add(DocumentGraph document);
  // The graph of every document added, built in *out (adjacency_list has no move: assigning
  // a returned graph would copy it); the merger is empty afterwards. The nodes' and edges'
  // props are made on `threads` threads; the graph is the same for any count.
  void Finish(std::string generator, std::string rules_fingerprint, KnowledgeGraph* out,
              int threads = 1);

 private:
  // Spans and the ordinals of their documents, in ordinal order. Apart, so that Finish moves
  // the spans into the graph as they are rather than copying each into a new array.
  struct OrdinalSpans {
    std::vector<uint32_t> ordinals;
    std::vector<Span> spans;
  };
  // A node being merged; mentions and counts keep the ordinal of their document, so that
  // nodes joined at the end interleave in input order.
  struct Node {
    NodeProps props;                        // without mentions and documents
    std::set<std::string> names;            // aliases and labels of every document
    std::set<std::string> alias_ids;        // the ids its aliases would have (joins)
    std::vector<uint32_t> documents;        // ordinals of the documents that name it, ascending
    std::set<std::string> extra_documents;  // others its props named (not made by the pipeline)
    OrdinalSpans mentions;                  // the first max_mentions
    std::vector<std::pair<uint32_t, uint64_t>> mention_counts;  // all, per document
    uint32_t first = 0;                                         // its first document
  };
  // Relation and role are in its key; the props are made in Finish.
  struct Edge {
    double weight = 0.0;
    bool symmetric = false;
    OrdinalSpans evidence;                              // the first max_evidence
    std::vector<std::pair<uint32_t, uint64_t>> counts;  // statements, per document
  };
  // An edge by its ends' key indexes (KeyIndex) and its (relation, role) index (kind_index_): a
  // corpus has far more edges than nodes, and strings in every edge key were a tenth of the peak.
  struct EdgeKey {
    uint32_t source = 0, target = 0, kind = 0;
    bool operator==(const EdgeKey&) const = default;
  };
  struct EdgeKeyHash {
    size_t operator()(const EdgeKey& k) const {
      uint64_t h = (uint64_t{k.source} << 32 | k.target) * 0x9E3779B97F4A7C15ull;
      return static_cast<size_t>(h ^ (h >> 29) ^ (uint64_t{k.kind} * 0xC2B2AE3D27D4EB4Full));
    }
  };
  uint32_t KeyIndex(const std::string& key);  // a node key's index, made on first use
  std::vector<DocumentCount> DocumentCounts(
      const std::vector<std::pair<uint32_t, uint64_t>>& counts) const;

  size_t max_evidence_, max_mentions_;
  std::vector<SharedName> documents_;                         // by ordinal
  std::map<std::string, std::set<std::string>> scoped_docs_;  // scoped id -> documents
  SharedNames rule_names_;     // one copy of each rule's name: each document's spans had their own
  SharedNames mention_texts_;  // one copy of each mention's words, across documents
  // By key (id, or id\x1fdocument). Hashed: a corpus's Add looked up every node of every
  // document in a tree of string keys; Finish sorts the keys once.
  std::unordered_map<std::string, Node> nodes_;
  std::unordered_map<std::string, uint32_t> key_index_;                 // node key -> index
  std::vector<const std::string*> key_of_;                              // index -> node key
  std::map<std::pair<std::string, std::string>, uint32_t> kind_index_;  // (relation, role)
  std::vector<std::pair<SharedName, SharedName>> kind_names_;           // index -> (relation, role)
  std::unordered_map<EdgeKey, Edge, EdgeKeyHash> edges_;
};

// All of `documents` through one GraphMerger.
KnowledgeGraph MergeDocuments(std::vector<DocumentGraph> documents, std::string generator,
                              std::string rules_fingerprint, size_t max_evidence = SIZE_MAX,
                              size_t max_mentions = SIZE_MAX);

// `counts` (a node's mention_counts, an edge's evidence_counts), or when it is empty the spans
// per document (graphs not made by the merge: hand-built, or read from an older export).
std::vector<DocumentCount> CountByDocument(const std::vector<DocumentCount>& counts,
                                           const std::vector<Span>& spans);

// "person:jay-miller": the type in lower case, a colon, then the name lower-cased with every
// run of characters other than letters and digits turned into one '-'.
std::string NodeId(std::string_view type, std::string_view name);

// Keeps the edges whose weight is at least `min_weight` and, when `relations` is not empty, whose
// relation is one of them. Nodes stay (an isolated node is still an entity of the reports).
struct EdgeFilter {
  double min_weight = 0.0;
  std::vector<std::string> relations;
};
void FilterEdges(const EdgeFilter& filter, KnowledgeGraph* graph);

// Fills the analytics fields of every node from the graph's current edges. Deterministic: the
// same doubles for any `threads` (betweenness, the costly part, runs on that many threads).
void AnnotateMetrics(KnowledgeGraph* graph, int threads = 1);

// The colour of a node type in every picture and in GEXF's viz:color ("#0072B2"): the graph's
// schema colour, else the built-in one (Okabe-Ito, told apart with colour-blindness), else grey;
// and the types in legend order.
std::string_view TypeColor(const KnowledgeGraph& graph, std::string_view type);
std::vector<std::string> NodeTypes(const KnowledgeGraph& graph);

}  // namespace kg

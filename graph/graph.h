// Stages 4 to 7 of kgextract: resolution, relations, the Boost.Graph, and its exports.
//
//   kg::DocumentGraph dg = kg::ResolveDocument(tokenized, extraction, rules);  // per document
//   kg::KnowledgeGraph kgraph = kg::MergeDocuments({dg1, dg2});               // in input order
//   std::string json = kg::ToNodeLinkJson(kgraph);                            // NetworkX, D3
//   std::string graphml = kg::ToGraphML(kgraph);                              // Gephi, yEd
//
// Resolution makes one node per real entity within a document: "Jay" joins "Jay Miller",
// "PSF" joins "Python Software Foundation", "Simon Willison's" is "Simon Willison"; the
// first-person author becomes one narrator node. Node ids are stable slugs of type and
// canonical name ("person:jay-miller"), so graphs of separate runs join on id.
//
// Determinism: MergeDocuments sorts nodes by id and edges by (source, target, relation, role),
// and the exporters print numbers with fixed formatting, so equal inputs give equal bytes.
//
// THREAD SAFETY: ResolveDocument is reentrant (run one per worker); the rest are plain values.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "extractors/extract.h"

namespace kg {

// A span of a document: a mention of an entity, or the sentence that is an edge's evidence.
// `start` and `end` are code point offsets (Python's text[start:end]).
struct Span {
  std::string doc;
  uint32_t start = 0, end = 0;
  std::string text;
  std::string rule;  // the rule that produced the mention or relation
  // Byte offsets into the original file (pipeline/text.h SourceRange), -1 when unknown.
  int64_t source_start = -1, source_end = -1;
};

struct NodeProps {
  std::string id;       // "person:jay-miller"
  std::string label;    // "Jay Miller"
  std::string type;     // PERSON, ORG, PLACE, EVENT, TALK
  std::string subtype;  // PLACE only: country, city, region, venue
  std::string kind;     // TALK only: keynote, talk, panel, session, workshop, tutorial, social
  std::vector<std::string> aliases;  // other names, sorted, label excluded
  bool narrator = false;
  std::vector<Span> mentions;
  std::vector<std::string> documents;  // sorted

  // Graph analytics over the exported edges, filled by AnnotateMetrics (graph/metrics.cc).
  int degree = 0;                // edges in and out, parallel edges counted
  double weighted_degree = 0.0;  // sum of their weights
  double betweenness = 0.0;      // Brandes, undirected, unweighted, not normalised (as Gephi)
  double pagerank = 0.0;         // sums to 1 over the graph
  int component = 0;             // connected component (undirected), 0 the largest
  int community = 0;             // Louvain community, 0 the largest
};

struct EdgeProps {
  std::string relation;    // speaker_of, ..., related_to, co_occurs
  std::string role;        // affiliated_with only
  double weight = 1.0;     // co_occurs: sentences that hold both; typed: times stated
  bool symmetric = false;  // met and co_occurs
  std::vector<Span> evidence;
};

using Graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeProps, EdgeProps>;

struct KnowledgeGraph {
  Graph graph;
  std::vector<std::string> documents;
  std::string generator;          // "kgextract 0.1.0"
  std::string rules_fingerprint;  // RuleSet::fingerprint()
};

// The nodes and edges of one document, before merging.
struct DocumentGraph {
  std::string doc;
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
inline constexpr size_t kDefaultMaxPairsPerSentence = 1000;
// A long report has a few thousand mentions; this bounds a document of millions of names
// (100,000 names in one document: about 0.6 GB of memory and 70 MB of JSON).
inline constexpr size_t kDefaultMaxMentions = 100000;
// Co-occurrence evidence of one sentence holds at most this many bytes of sentence copies;
// the pairs past it count (weight) without an evidence span.
inline constexpr size_t kMaxCoOccurrenceEvidenceBytes = 16u << 20;
struct ResolveOptions {
  // Evidence spans kept per edge (the first ones, in document order); an edge's weight still
  // counts every statement. SIZE_MAX keeps all.
  size_t max_evidence = kDefaultMaxEvidence;
  // Co-occurrence pairs per sentence (pairs of entity ids in sorted order; the first ones are
  // kept). SIZE_MAX keeps all.
  size_t max_pairs_per_sentence = kDefaultMaxPairsPerSentence;
  // Mentions per document: the first ones in document order, and the relations between them;
  // the rest are not used (DocumentGraph::mentions_dropped). SIZE_MAX uses all.
  size_t max_mentions = kDefaultMaxMentions;
};

DocumentGraph ResolveDocument(const TokenizedDocument& doc, const Extraction& extraction,
                              const RuleSet& rules, const ResolveOptions& options = {});

// Joins documents' graphs: nodes with one id become one node (aliases, mentions and documents
// united), equal edges (source, target, relation, role) add up their weight and evidence.
// Exception: a narrator, or a person known by one word only ("Maria"), found in several
// documents stays one node per document, its id suffixed with "@" and the document's slug
// ("person:maria@posts-a-md"): a given name alone does not say two posts mean one person.
// Equal edges keep at most `max_evidence` evidence spans, the first in document order (their
// weights add up in full).
KnowledgeGraph MergeDocuments(std::vector<DocumentGraph> documents, std::string generator,
                              std::string rules_fingerprint, size_t max_evidence = SIZE_MAX);

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

// Fills the analytics fields of every node from the graph's current edges. Deterministic.
void AnnotateMetrics(KnowledgeGraph* graph);

// The colour of a node type in every picture and in GEXF's viz:color ("#0072B2"), and the
// types in legend order. Okabe-Ito palette: distinguishable with colour-blindness.
std::string_view TypeColor(std::string_view type);
const std::vector<std::string>& NodeTypes();

// Node-link JSON (the output contract in README.md), one line, keys in a fixed order.
std::string ToNodeLinkJson(const KnowledgeGraph& graph, bool pretty = false);
// GraphML with typed <key>s (label, type, subtype, kind, narrator, aliases, mentions;
// relation, role, weight, symmetric, evidence).
std::string ToGraphML(const KnowledgeGraph& graph);
// GEXF 1.3 (Gephi): typed attributes, viz:color by type, viz:size by weighted degree.
std::string ToGexf(const KnowledgeGraph& graph);
// nodes.csv and edges.csv (RFC 4180) with headers both Gephi's spreadsheet import and
// neo4j-admin import accept.
std::string ToCsvNodes(const KnowledgeGraph& graph);
std::string ToCsvEdges(const KnowledgeGraph& graph);
// Graphviz DOT.
std::string ToDot(const KnowledgeGraph& graph);
// One self-contained HTML page (viewer with an embedded JavaScript library, no network).
std::string ToHtml(const KnowledgeGraph& graph);

// Reads node-link JSON as ToNodeLinkJson writes it (also by another run). On failure returns
// false and sets `error` to what is wrong and where.
bool FromNodeLinkJson(std::string_view json, KnowledgeGraph* graph, std::string* error);

// Lays the graph out with Graphviz (sfdp for large graphs, neato for small ones) and draws it:
// `format` is "svg" or "png". On failure returns false and sets `error`.
bool RenderGraph(const KnowledgeGraph& graph, std::string_view format, std::string* out,
                 std::string* error);

}  // namespace kg

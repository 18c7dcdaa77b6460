// Stage 7d: nodes.csv and edges.csv for Gephi's spreadsheet import and neo4j-admin import.
//
// One pair of files serves both tools, because each ignores what it does not know:
//   - Gephi (File > Import spreadsheet) matches the columns Id, Label (nodes) and Source,
//     Target, Type, Kind, Label, Weight, Id (edges) by name, ignoring case; every other column
//     becomes a node or edge attribute, named as in the header (":ID", "degree:int", ...), and
//     the import wizard guesses its type from the values. Type "Undirected" makes an undirected
//     edge, anything else a directed one. Kind is Gephi's edge type, which keeps parallel edges
//     apart (Gephi merges edges of one (source, target, kind)), so it is the relation plus the
//     role ("affiliated_with (host)"), the same text as Label.
//   - neo4j-admin reads :ID, :LABEL (nodes) and :START_ID, :END_ID, :TYPE (relationships);
//     every other column is a property, a string unless the header names a type ("degree:int",
//     "pagerank:double", "narrator:boolean"). So Gephi's columns (Id, Label, Source, Weight, ...)
//     become string properties there, and ours carry the typed values. The node label is the
//     entity type (PERSON, ORG, ...), the relationship type is the relation (speaker_of, ...).
// The typed neo4j headers cost Gephi nothing but a suffix in an attribute's name; untyped ones
// would leave every number a string in Neo4j. No header differs from another only in case
// (Gephi rejects such repeated columns): "Weight" and "weight:double" are different names.
//
//   nodes: Id,Label,:ID,:LABEL,type,subtype,kind,narrator:boolean,aliases,documents,
//          mentions:int,degree:int,weighted_degree:double,betweenness:double,pagerank:double,
//          component:int,community:int[,document_counts]
//   edges: Source,Target,Type,Kind,Label,Weight,Id,:START_ID,:END_ID,:TYPE,relation,role,
//          weight:double,symmetric:boolean,evidence,evidence_count:int[,document_counts]
// document_counts, the last column of corpus graphs only (more than one document): mentions or
// evidence spans per document as compact JSON ({"a.md":2,"b.html":1}), a string.
//
// Import into Neo4j 5 (an empty, stopped database "neo4j"; evidence sentences may hold line
// breaks, hence --multiline-fields; no column is an array, so --array-delimiter is not needed,
// and lists such as aliases are one string joined with '|', as in GraphML and GEXF):
//
//   neo4j-admin database import full --nodes=graph.nodes.csv --relationships=graph.edges.csv
//       --multiline-fields=true --ignore-empty-strings=true neo4j      (one line)
//
// Quoting follows RFC 4180: records end with CRLF; a field holding a comma, a double quote, a
// CR or a LF is put in double quotes, with its quotes doubled; line breaks inside a field are
// written as they are. Empty strings are empty fields (no property in Neo4j with
// --ignore-empty-strings). Text keeps every character except NUL, which Python's csv module
// and neo4j-admin reject; invalid UTF-8 becomes U+FFFD. Rows are in graph order, edges
// numbered "e0", "e1", ... as in GraphML and GEXF. Symmetric relations are Type "Undirected"
// for Gephi (and symmetric=true), other edges "Directed".
#include <boost/range/iterator_range.hpp>
#include <initializer_list>
#include <string>
#include <string_view>

#include "graph/export.h"
#include "graph/export_text.h"

namespace kg {
namespace {

using export_text::EdgeLabel;
using export_text::FormatDouble;
using export_text::JoinPipe;

constexpr char kNodeHeader[] =
    "Id,Label,:ID,:LABEL,type,subtype,kind,narrator:boolean,aliases,documents,mentions:int,"
    "degree:int,weighted_degree:double,betweenness:double,pagerank:double,component:int,"
    "community:int";
constexpr char kEdgeHeader[] =
    "Source,Target,Type,Kind,Label,Weight,Id,:START_ID,:END_ID,:TYPE,relation,role,"
    "weight:double,symmetric:boolean,evidence,evidence_count:int";
constexpr char kCountsColumn[] = ",document_counts";

// Appends `value` as one RFC 4180 field.
void AppendField(std::string_view value, std::string* out) {
  std::string text = export_text::ValidUtf8(value);
  std::erase(text, '\0');
  if (text.find_first_of(",\"\r\n") == std::string::npos) {
    out->append(text);
    return;
  }
  out->push_back('"');
  for (char c : text) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

// One record; `counts` is the last field of a corpus graph's rows (nullptr: none).
void AppendRecord(std::initializer_list<std::string_view> fields, const std::string* counts,
                  std::string* out) {
  bool first = true;
  for (std::string_view field : fields) {
    if (!first) out->push_back(',');
    first = false;
    AppendField(field, out);
  }
  if (counts) {
    out->push_back(',');
    AppendField(*counts, out);
  }
  out->append("\r\n");
}

const char* Bool(bool b) { return b ? "true" : "false"; }

}  // namespace

std::string ToCsvNodes(const KnowledgeGraph& kgraph) {
  const Graph& g = kgraph.graph;
  const bool corpus = kgraph.documents.size() > 1;
  std::string out = kNodeHeader;
  out.append(corpus ? kCountsColumn : "").append("\r\n");
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const NodeProps& n = g[v];
    const std::string counts =
        corpus ? export_text::DocumentCounts(CountByDocument(n.mention_counts, n.mentions)) : "";
    AppendRecord(
        {n.id, n.label, n.id, n.type, n.type, n.subtype, n.kind, Bool(n.narrator),
         JoinPipe(n.aliases), JoinPipe(n.documents), std::to_string(n.mentions.size()),
         std::to_string(n.degree), FormatDouble(n.weighted_degree), FormatDouble(n.betweenness),
         FormatDouble(n.pagerank), std::to_string(n.component), std::to_string(n.community)},
        corpus ? &counts : nullptr, &out);
  }
  return out;
}

std::string ToCsvEdges(const KnowledgeGraph& kgraph) {
  const Graph& g = kgraph.graph;
  const bool corpus = kgraph.documents.size() > 1;
  std::string out = kEdgeHeader;
  out.append(corpus ? kCountsColumn : "").append("\r\n");
  size_t index = 0;
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const EdgeProps& p = g[e];
    const std::string& source = g[boost::source(e, g)].id;
    const std::string& target = g[boost::target(e, g)].id;
    const std::string label = EdgeLabel(p);
    const std::string weight = FormatDouble(p.weight);
    const std::string counts =
        corpus ? export_text::DocumentCounts(CountByDocument(p.evidence_counts, p.evidence)) : "";
    AppendRecord({source, target, p.symmetric ? "Undirected" : "Directed", label, label, weight,
                  "e" + std::to_string(index++), source, target, p.relation, p.relation, p.role,
                  weight, Bool(p.symmetric), p.evidence.empty() ? "" : p.evidence.front().text,
                  std::to_string(p.evidence.size())},
                 corpus ? &counts : nullptr, &out);
  }
  return out;
}

}  // namespace kg

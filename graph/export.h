// The graph's file formats: node-link JSON (write and read), GraphML, GEXF, CSV and DOT.
//
//   std::string json = kg::ToNodeLinkJson(kgraph);   // NetworkX, D3 (the contract in README)
//   std::string graphml = kg::ToGraphML(kgraph);     // Gephi, yEd
//   kg::KnowledgeGraph back;
//   if (!kg::FromNodeLinkJson(json, &back, &error)) std::cerr << error << "\n";
//
// Library kg_export: text only, no RE2, ICU or Graphviz, so a tool that reads or writes graphs
// needs nothing of the extraction. The HTML page is graph/viewer.h, pictures graph/render.h.
// Every writer prints numbers with fixed formatting: equal graphs give equal bytes.
//
// THREAD SAFETY: plain functions; the graph is only read (the JSON reader fills *graph).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "graph/graph.h"

namespace kg {

// Node-link JSON (the output contract in README.md), one line, keys in a fixed order. The
// compact form is serialized in blocks of nodes and links on `threads` threads; the bytes do
// not depend on the thread count.
std::string ToNodeLinkJson(const KnowledgeGraph& graph, bool pretty = false, int threads = 1);
// The same bytes handed to `write` in order, in pieces (a block of nodes or links each), so
// that the whole output is never in memory at once. `write` returns false to stop: then no
// further piece is made and this returns false.
bool WriteNodeLinkJson(const KnowledgeGraph& graph, bool pretty, int threads,
                       const std::function<bool(std::string_view)>& write);
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

// Reads node-link JSON as ToNodeLinkJson writes it (also by another run). On failure returns
// false and sets `error` to what is wrong and where.
bool FromNodeLinkJson(std::string_view json, KnowledgeGraph* graph, std::string* error);

}  // namespace kg

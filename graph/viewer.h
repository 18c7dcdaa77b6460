// The HTML viewer: one self-contained page of the graph (kgextract -f html).
//
//   std::string page = kg::ToHtml(kgraph);
//
// Library kg_viewer, optional (CMake option KGEXTRACT_VIEWER): it embeds the viewer's page and
// the cytoscape.js that npm installs in graph/viewer/node_modules, which a build without the
// viewer need not have.
//
// THREAD SAFETY: a plain function; the graph is only read.
#pragma once

#include <string>

#include "graph/graph.h"

namespace kg {

// One self-contained HTML page (viewer with an embedded JavaScript library, no network).
std::string ToHtml(const KnowledgeGraph& graph);

}  // namespace kg

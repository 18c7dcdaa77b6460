// Pictures of the graph drawn by Graphviz (kgextract -f svg|png, kgextract render).
//
//   std::string svg, error;
//   if (!kg::RenderGraph(kgraph, "svg", &svg, &error)) std::cerr << error << "\n";
//
// Library kg_render, optional (CMake option KGEXTRACT_RENDER): it links Graphviz's C libraries
// (gvc, cgraph) and their font stack, which a build without pictures need not have.
//
// THREAD SAFETY: RenderGraph may be called from any thread; calls are serialised inside (Graphviz
// keeps global state).
#pragma once

#include <string>
#include <string_view>

#include "graph/graph.h"

namespace kg {

// Lays the graph out with Graphviz (sfdp for large graphs, neato for small ones) and draws it:
// `format` is "svg" or "png". On failure returns false and sets `error`.
bool RenderGraph(const KnowledgeGraph& graph, std::string_view format, std::string* out,
                 std::string* error);

}  // namespace kg

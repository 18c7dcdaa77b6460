// STUB: replaced by the Graphviz renderer (issue 3).
#include "graph/graph.h"
namespace kg {
bool RenderGraph(const KnowledgeGraph&, std::string_view, std::string*, std::string* error) {
  *error = "not implemented";
  return false;
}
}  // namespace kg

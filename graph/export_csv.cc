// STUB: replaced by the CSV exporter (issue 3).
#include "graph/graph.h"
namespace kg {
std::string ToCsvNodes(const KnowledgeGraph&) { return {}; }
std::string ToCsvEdges(const KnowledgeGraph&) { return {}; }
}  // namespace kg

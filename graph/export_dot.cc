// STUB: replaced by the DOT exporter (issue 3).
#include "graph/graph.h"
namespace kg {
std::string ToDot(const KnowledgeGraph&) { return {}; }
}  // namespace kg

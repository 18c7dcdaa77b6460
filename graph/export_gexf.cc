// STUB: replaced by the GEXF exporter (issue 3).
#include "graph/graph.h"
namespace kg {
std::string ToGexf(const KnowledgeGraph&) { return {}; }
}  // namespace kg

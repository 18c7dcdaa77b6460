// STUB: replaced by the HTML viewer (issue 3).
#include "graph/graph.h"
namespace kg {
std::string ToHtml(const KnowledgeGraph&) { return {}; }
}  // namespace kg

// STUB: replaced by the analytics work (issue 3).
#include "graph/graph.h"
namespace kg {
void FilterEdges(const EdgeFilter&, KnowledgeGraph*) {}
void AnnotateMetrics(KnowledgeGraph*) {}
}  // namespace kg

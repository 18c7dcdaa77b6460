// STUB: replaced by the JSON reader work (issue 3).
#include "graph/graph.h"
namespace kg {
bool FromNodeLinkJson(std::string_view, KnowledgeGraph*, std::string* error) {
  *error = "not implemented";
  return false;
}
}  // namespace kg

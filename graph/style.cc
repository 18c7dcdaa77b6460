// Node colours shared by every picture and by GEXF, so one type looks the same everywhere.
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.h"

namespace kg {
namespace {

// The built-in types' colours, as in data/schema, for a graph that carries no schema (one read
// from an older node-link JSON file).
std::string_view BuiltinColor(std::string_view type) {
  // Okabe & Ito (2008), "Color Universal Design": tells apart with any colour-blindness.
  if (type == "PERSON") return "#0072B2";  // blue
  if (type == "ORG") return "#E69F00";     // orange
  if (type == "PLACE") return "#009E73";   // bluish green
  if (type == "EVENT") return "#CC79A7";   // reddish purple
  if (type == "TALK") return "#D55E00";    // vermillion
  return "#999999";
}

}  // namespace

std::string_view TypeColor(const KnowledgeGraph& graph, std::string_view type) {
  for (const KnowledgeGraph::TypeStyle& t : graph.types) {
    if (t.type == type) return t.color;
  }
  return BuiltinColor(type);
}

std::vector<std::string> NodeTypes(const KnowledgeGraph& graph) {
  if (graph.types.empty()) return {"PERSON", "ORG", "PLACE", "EVENT", "TALK"};
  std::vector<std::string> types;
  for (const KnowledgeGraph::TypeStyle& t : graph.types) types.push_back(t.type);
  return types;
}

}  // namespace kg

// libFuzzer target: the node-link JSON reader of `kgextract render` (graph/import_json.cc),
// then the analytics and the DOT export of what it accepted.
#include <cstddef>
#include <cstdint>
#include <string>

#include "graph/export.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view json(reinterpret_cast<const char*>(data), size);
  kg::KnowledgeGraph graph;
  std::string error;
  if (!kg::FromNodeLinkJson(json, &graph, &error)) return 0;
  kg::FilterEdges({}, &graph);
  kg::AnnotateMetrics(&graph);
  (void)kg::ToDot(graph);
  (void)kg::ToNodeLinkJson(graph);
  return 0;
}

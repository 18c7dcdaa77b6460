// libFuzzer target: the whole pipeline, bytes in, graph out, every text export. The first byte
// picks the input format (text, Markdown, HTML, JSON Lines); the rest is the document.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "graph/export.h"
#include "pipeline/pipeline.h"
#ifdef KGEXTRACT_HAS_VIEWER  // defined where kg_viewer is linked (an optional library)
#include "graph/viewer.h"
#endif

namespace {

const kg::Pipeline& GetPipeline() {
  static std::unique_ptr<kg::Pipeline> pipeline = [] {
    std::unique_ptr<kg::Pipeline> p;
    kg::Status s = kg::Pipeline::Create(KGEXTRACT_FUZZ_DATA_DIR, &p);
    if (!s.ok()) __builtin_trap();
    return p;
  }();
  return *pipeline;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const kg::Pipeline& pipeline = GetPipeline();
  static kg::Tokenizer tokenizer(pipeline.rules().tokenizer_lexicon());
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::vector<kg::Document> docs;
  std::vector<kg::Status> problems;
  kg::Document doc;
  switch (data[0] % 4) {
    case 0:
      if (kg::TextToDocument("fuzz.txt", bytes, &doc).ok()) docs.push_back(std::move(doc));
      break;
    case 1:
      if (kg::MarkdownToDocument("fuzz.md", bytes, &doc).ok()) docs.push_back(std::move(doc));
      break;
    case 2:
      if (kg::HtmlToDocument("fuzz.html", bytes, &doc).ok()) docs.push_back(std::move(doc));
      break;
    default:
      kg::JsonLinesToDocuments("fuzz.jsonl", bytes, &docs, &problems);
      break;
  }
  std::vector<kg::DocumentGraph> graphs;
  for (const kg::Document& d : docs) graphs.push_back(pipeline.Process(d, tokenizer));
  kg::KnowledgeGraph graph =
      kg::MergeDocuments(std::move(graphs), kg::GeneratorName(), pipeline.rules().fingerprint());
  kg::AnnotateMetrics(&graph);
  std::string json = kg::ToNodeLinkJson(graph, data[0] & 4);
  kg::KnowledgeGraph back;
  std::string error;
  if (!kg::FromNodeLinkJson(json, &back, &error)) __builtin_trap();  // our JSON reads back
  (void)kg::ToGraphML(graph);
  (void)kg::ToGexf(graph);
  (void)kg::ToCsvNodes(graph);
  (void)kg::ToCsvEdges(graph);
  (void)kg::ToDot(graph);
#ifdef KGEXTRACT_HAS_VIEWER
  (void)kg::ToHtml(graph);
#endif
  (void)kg::Summary(graph);
  return 0;
}

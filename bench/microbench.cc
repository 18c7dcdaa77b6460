// Per-stage micro-benchmarks (Google Benchmark) on one fixed document, so that a slowdown shows
// in the stage that caused it. Run by scripts/bench.sh, or alone:
//
//   cmake --build build --target kg_microbench && build/kg_microbench
//   build/kg_microbench --benchmark_filter=Export    # the exporters only
//
// The document is data/samples/techsummit-lisbon-2025.txt (or the file named by
// $KGEXTRACT_BENCH_DOC); the rules are those of data/. Stages measured apart: start-up (loading
// every rule and gazetteer), tokenize, gazetteer lookup, extraction (entity typing and relation
// rules: one call, extractors/extract.h has no finer entry point), resolution, merge, metrics
// and each exporter.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <string>

#include "extractors/extract.h"
#include "graph/export.h"
#include "graph/resolve.h"
#ifdef KGEXTRACT_HAS_VIEWER  // defined where kg_viewer is linked (an optional library)
#include "graph/viewer.h"
#endif
#include "pipeline/pipeline.h"
#include "pipeline/text.h"

namespace kg {
namespace {

const std::string kData = KGEXTRACT_DEFAULT_DATA_DIR;

// Loaded once for every benchmark: the rules and the document.
struct Fixture {
  std::unique_ptr<RuleSet> rules;
  Document doc;
  Fixture() {
    const char* path = std::getenv("KGEXTRACT_BENCH_DOC");
    std::string file = path ? path : kData + "/samples/techsummit-lisbon-2025.txt";
    Status s = RuleSet::Load(kData, &rules);
    if (s.ok()) s = ReadDocument(file, &doc);
    if (!s.ok()) {
      std::cerr << "kg_microbench: " << s.message() << "\n";
      std::exit(1);
    }
  }
};

const Fixture& F() {
  static const Fixture* f = new Fixture();
  return *f;
}

void SetBytes(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * F().doc.text.size()));
}

void BM_StartUp(benchmark::State& state) {
  for (auto _ : state) {
    std::unique_ptr<RuleSet> rules;
    benchmark::DoNotOptimize(RuleSet::Load(kData, &rules));
  }
}
BENCHMARK(BM_StartUp)->Unit(benchmark::kMillisecond);

void BM_Tokenize(benchmark::State& state) {
  Tokenizer tokenizer(F().rules->tokenizer_lexicon());
  tokenizer.Tokenize(F().doc);  // ICU loads its break rules on first use
  for (auto _ : state) benchmark::DoNotOptimize(tokenizer.Tokenize(F().doc));
  SetBytes(state);
}
BENCHMARK(BM_Tokenize);

// Every token and every pair of adjacent tokens looked up in the city and given-name
// gazetteers: the shape of the extractor's gazetteer pass, without its rules.
void BM_GazetteerLookup(benchmark::State& state) {
  Lexicon cities, given;
  if (!cities.Load(kData + "/gazetteers/cities.tsv", false).ok() ||
      !given.Load(kData + "/gazetteers/given_names.tsv", false, false).ok()) {
    state.SkipWithError("gazetteers not found");
    return;
  }
  Tokenizer tokenizer(F().rules->tokenizer_lexicon());
  TokenizedDocument td = tokenizer.Tokenize(F().doc);
  const std::string& text = F().doc.text;
  for (auto _ : state) {
    size_t hits = 0;
    for (size_t i = 0; i < td.tokens.size(); ++i) {
      std::string_view one = td.TextOf(td.tokens[i]);
      hits += cities.Contains(one) + given.Contains(one);
      if (i + 1 < td.tokens.size()) {
        const Token& a = td.tokens[i];
        const Token& b = td.tokens[i + 1];
        hits += cities.Contains(std::string_view(text).substr(a.begin, b.end - a.begin));
      }
    }
    benchmark::DoNotOptimize(hits);
  }
  SetBytes(state);
}
BENCHMARK(BM_GazetteerLookup);

void BM_Extract(benchmark::State& state) {
  Tokenizer tokenizer(F().rules->tokenizer_lexicon());
  TokenizedDocument td = tokenizer.Tokenize(F().doc);
  for (auto _ : state) benchmark::DoNotOptimize(Extract(td, *F().rules));
  SetBytes(state);
}
BENCHMARK(BM_Extract);

// data/ with `n` more rules of each kind (chunk, context, relation), none of which matches: what
// a rule costs when it does not fire. The rule engines match every kind through one RE2::Set a
// text, so 1,000 more rules should cost little more than 10.
const RuleSet& RulesWithExtra(int n) {
  static std::map<int, std::unique_ptr<RuleSet>>* cache =
      new std::map<int, std::unique_ptr<RuleSet>>();
  std::unique_ptr<RuleSet>& rules = (*cache)[n];
  if (rules) return *rules;
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("kg_microbench_rules_" + std::to_string(n) +
                                                    "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(kData, dir, fs::copy_options::recursive);
  {
    std::ofstream entities(dir / "rules/entities.rules", std::ios::app);
    std::ofstream relations(dir / "rules/relations.rules", std::ios::app);
    for (int k = 0; k < n; ++k) {
      const std::string w = "qzxv" + std::to_string(k);
      entities << "\nbench_chunk_" << k << " | ORG | chunk | \\b" << w << "corp\\b\n";
      entities << "bench_each_" << k << " | ORG | each | ({?}) (?i:" << w << "ing)\\b\n";
      relations << "\nbench_rel_" << k << " | met | 1 | 2 | - | {PERSON} (?i:" << w
                << "ed) {PERSON}\n";
    }
  }
  Status s = RuleSet::Load(dir.string(), &rules);
  fs::remove_all(dir);
  if (!s.ok()) {
    std::cerr << "kg_microbench: " << s.message() << "\n";
    std::exit(1);
  }
  return *rules;
}

void BM_ExtractExtraRules(benchmark::State& state) {
  const RuleSet& rules = RulesWithExtra(static_cast<int>(state.range(0)));
  Tokenizer tokenizer(F().rules->tokenizer_lexicon());
  TokenizedDocument td = tokenizer.Tokenize(F().doc);
  for (auto _ : state) benchmark::DoNotOptimize(Extract(td, rules));
  SetBytes(state);
}
BENCHMARK(BM_ExtractExtraRules)->Arg(10)->Arg(1000);

void BM_Resolve(benchmark::State& state) {
  Tokenizer tokenizer(F().rules->tokenizer_lexicon());
  TokenizedDocument td = tokenizer.Tokenize(F().doc);
  Extraction ex = Extract(td, *F().rules);
  for (auto _ : state) benchmark::DoNotOptimize(ResolveDocument(td, ex, *F().rules));
  SetBytes(state);
}
BENCHMARK(BM_Resolve);

// The document's graph under 20 names, as 20 reports of one corpus.
std::vector<DocumentGraph> TwentyGraphs() {
  Tokenizer tokenizer(F().rules->tokenizer_lexicon());
  TokenizedDocument td = tokenizer.Tokenize(F().doc);
  DocumentGraph g = ResolveDocument(td, Extract(td, *F().rules), *F().rules);
  std::vector<DocumentGraph> graphs(20, g);
  for (size_t i = 0; i < graphs.size(); ++i) {
    graphs[i].doc = graphs[i].doc.str() + "#" + std::to_string(i);
  }
  return graphs;
}

void BM_Merge20(benchmark::State& state) {
  std::vector<DocumentGraph> graphs = TwentyGraphs();
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<DocumentGraph> copy = graphs;
    state.ResumeTiming();
    benchmark::DoNotOptimize(MergeDocuments(std::move(copy), "bench", ""));
  }
}
BENCHMARK(BM_Merge20);

const KnowledgeGraph& Merged() {
  static const KnowledgeGraph* g = [] {
    auto* kgraph = new KnowledgeGraph(MergeDocuments(TwentyGraphs(), "bench", ""));
    AnnotateMetrics(kgraph);
    return kgraph;
  }();
  return *g;
}

void BM_Metrics(benchmark::State& state) {
  KnowledgeGraph g = Merged();
  for (auto _ : state) AnnotateMetrics(&g);
}
BENCHMARK(BM_Metrics);

template <std::string (*Export)(const KnowledgeGraph&)>
void BM_Export(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(Export(Merged()));
}
std::string Json(const KnowledgeGraph& g) { return ToNodeLinkJson(g); }
BENCHMARK(BM_Export<Json>)->Name("BM_ExportJson");
BENCHMARK(BM_Export<ToGraphML>)->Name("BM_ExportGraphML");
BENCHMARK(BM_Export<ToGexf>)->Name("BM_ExportGexf");
BENCHMARK(BM_Export<ToCsvNodes>)->Name("BM_ExportCsvNodes");
BENCHMARK(BM_Export<ToCsvEdges>)->Name("BM_ExportCsvEdges");
BENCHMARK(BM_Export<ToDot>)->Name("BM_ExportDot");
#ifdef KGEXTRACT_HAS_VIEWER
BENCHMARK(BM_Export<ToHtml>)->Name("BM_ExportHtml");
#endif

}  // namespace
}  // namespace kg

BENCHMARK_MAIN();

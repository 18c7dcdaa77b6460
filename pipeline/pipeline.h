// Orchestration of kgextract: files in, one knowledge graph out, written safely.
//
//   std::unique_ptr<kg::Pipeline> p;
//   kg::Status s = kg::Pipeline::Create("data", &p);          // loads every rule once
//   kg::KnowledgeGraph g;
//   s = p->Run({"a.txt", "b.txt"}, /*threads=*/2, &g);        // ingest -> ... -> merge
//   s = kg::WriteFileAtomically("out.json", kg::ToNodeLinkJson(g));
//
// Documents are processed in parallel, each by one worker; results are merged in input order,
// so the output is byte-identical whatever the thread count.
//
// THREAD SAFETY: a Pipeline is immutable after Create; Run may be called from several threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/extract.h"
#include "graph/graph.h"
#include "pipeline/status.h"
#include "pipeline/text.h"

namespace kg {

class Pipeline {
 public:
  static Status Create(const std::string& data_dir, std::unique_ptr<Pipeline>* out);

  // Reads, extracts and merges `inputs` (paths, "-" for standard input). The first input that
  // fails (missing, a directory, invalid UTF-8, binary) stops the run with its error.
  Status Run(const std::vector<std::string>& inputs, int threads, KnowledgeGraph* out,
             std::vector<std::string>* explanations = nullptr) const;

  // One document through every stage up to its graph (no I/O).
  // With `explanations`, also returns what the relation rules saw, sentence by sentence.
  DocumentGraph Process(const Document& doc, Tokenizer& tokenizer,
                        std::vector<std::string>* explanations = nullptr) const;

  const RuleSet& rules() const { return *rules_; }

 private:
  std::unique_ptr<RuleSet> rules_;
};

// Writes `content` to a temporary file beside `path`, then renames it over `path`: readers
// never see a half-written file, and a failure leaves any existing `path` untouched.
Status WriteFileAtomically(const std::string& path, std::string_view content);

// The same for several files as one unit: every file is written to its temporary first, and
// only when all succeeded are they renamed into place; on a failure no target is touched.
struct OutputFile {
  std::string path;
  std::string content;
};
Status WriteFilesAtomically(const std::vector<OutputFile>& files);

// The export formats of `-f`, in the order `-f all` writes them, and their file suffixes.
// "csv" is two files (BASE.nodes.csv, BASE.edges.csv); "png" is only written by request.
const std::vector<std::string>& ExportFormats();
// `graph` in one format ("json", "graphml", "gexf", "dot", "html", "svg", "png"). For "csv" use
// ToCsvNodes and ToCsvEdges. Fails only when Graphviz cannot draw the picture.
Status ExportGraph(const KnowledgeGraph& graph, std::string_view format, bool pretty,
                   std::string* out);
// The output files of `formats` for `-o base`: one format writes `base` itself (csv writes
// base.nodes.csv and base.edges.csv, without a trailing ".csv" of base), several formats append
// their suffixes (base.json, base.graphml, ...).
Status ExportFiles(const KnowledgeGraph& graph, const std::vector<std::string>& formats,
                   const std::string& base, bool pretty, std::vector<OutputFile>* files);

// Option values shared by the main command and `kgextract render`: "--relations met,from"
// (names checked against the relation vocabulary) and "--min-weight 2".
Status ParseRelationList(std::string_view list, std::vector<std::string>* relations);
Status ParseMinWeight(std::string_view text, double* min_weight);

// "3 people, 2 organisations, 4 places, 1 event, 2 talks, 9 relations, 12 co-occurrences".
std::string Summary(const KnowledgeGraph& graph);

// The command line; returns the process exit code (see kExitCodes in cli.cc and README.md).
int RunCli(int argc, char** argv);
// The exit codes of both commands, documented in --help and README.md, and the code of a failure.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInputMissing = 3;
inline constexpr int kExitInputInvalid = 4;
inline constexpr int kExitOutput = 5;
inline constexpr int kExitRules = 6;
int ExitCodeFor(const Status& status);
// `kgextract render GRAPH.json -o picture.svg|png` (argv[0] is "render"); the exit code.
int RunRenderCommand(int argc, char** argv);

}  // namespace kg

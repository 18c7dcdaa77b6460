// Orchestration of kgextract: files in, one knowledge graph out, written safely.
//
//   std::unique_ptr<kg::Pipeline> p;
//   kg::Status s = kg::Pipeline::Create("data", &p);          // loads every rule once
//   kg::RunOptions opt;
//   opt.threads = 2;
//   kg::RunResult r;
//   s = p->Run({"a.txt", "posts/", "dump.jsonl"}, opt, &r);   // ingest -> ... -> merge
//   s = kg::WriteFileAtomically("out.json", kg::ToNodeLinkJson(r.graph));  // graph/export.h
//
// Inputs (files of a folder sorted by path) are processed in parallel, each by one worker, and
// a document larger than RunOptions::chunk_bytes is split at paragraphs into chunks that any
// worker extracts (pipeline/chunks.h); results are merged in input and chunk order, so the
// output is byte-identical whatever the thread count.
//
// Files are read and written through a FileSystem (pipeline/file_system.h): RuleSetOptions::fs
// for Create, RunOptions::input.fs for Run, the last argument of WriteFilesAtomically; each
// defaults to FileSystem::Default(). tests/file_system_fault_test.cc injects failures there.
//
// THREAD SAFETY: a Pipeline is immutable after Create; Run may be called from several threads.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/extract.h"
#include "graph/resolve.h"
#include "pipeline/chunks.h"
#include "pipeline/file_system.h"
#include "pipeline/input.h"
#include "pipeline/status.h"
#include "pipeline/text.h"

namespace kg {

// How far a run is: called (under a lock, from a worker) after each input.
struct RunProgress {
  size_t inputs_done = 0, inputs_total = 0, documents = 0, skipped = 0;
  uint64_t bytes_done = 0, bytes_total = 0;  // bytes_total: the files' sizes (stdin unknown)
};

struct RunOptions {
  int threads = 1;
  InputOptions input;
  bool explain = false;         // RunResult::explanations
  bool keep_documents = false;  // RunResult::documents_read (for --emit-text)
  bool keep_graphs = false;     // RunResult::document_graphs (for --per-document)
  ResolveOptions resolve;       // evidence per edge, co-occurrence pairs per sentence
  // Mention spans kept per node of the merged graph, the first in input order (the document
  // counts count them all). SIZE_MAX keeps all.
  size_t max_node_mentions = kDefaultMaxNodeMentions;
  // Larger documents are extracted in chunks of about this size, in parallel (0: never split).
  size_t chunk_bytes = kDefaultChunkBytes;
  std::function<void(const RunProgress&)> progress;
};

struct RunResult {
  KnowledgeGraph graph;
  // The documents that could not be read, in input order; each was skipped. Most are bad
  // documents (kInvalidInput); a kInternal one is a library (ICU, zlib) that failed on it.
  std::vector<Status> problems;
  size_t documents = 0;  // documents analysed
  uint64_t bytes = 0;    // bytes read (before decompression)
  std::vector<std::string> explanations;
  std::vector<Document> documents_read;        // with keep_documents, in input order
  std::vector<DocumentGraph> document_graphs;  // with keep_graphs, in input order
  std::vector<std::string> files;              // the input files read ("-": standard input)
  std::vector<std::string> warnings;           // documents repaired on the way in, in order
  // Limits reached: sentences with more co-occurrence pairs than allowed (and the pairs not
  // made), edges of the merged graph that keep fewer evidence spans than their weight.
  size_t sentences_pairs_capped = 0, pairs_dropped = 0, edges_evidence_capped = 0;
  size_t nodes_mentions_capped = 0;  // nodes of the merged graph that keep fewer mentions
  // Documents with more mentions than allowed, the mentions not used, the first such document.
  size_t documents_mentions_capped = 0, mentions_dropped = 0;
  std::string first_mentions_capped;
};

class Pipeline {
 public:
  static Status Create(const std::string& data_dir, std::unique_ptr<Pipeline>* out);
  // With rule packs (--rules DIR, --no-default-rules).
  static Status Create(const RuleSetOptions& options, std::unique_ptr<Pipeline>* out);

  // Reads, extracts and merges `inputs` (files, folders, "-" for standard input). Fails when an
  // input does not exist, a folder has nothing to read, or ICU is unavailable; a document that
  // cannot be read (invalid UTF-8, binary, a broken JSON line, bad gzip, too large) is skipped
  // and listed in result->problems.
  Status Run(const std::vector<std::string>& inputs, const RunOptions& options,
             RunResult* result) const;

  // One document through every stage up to its graph (no I/O).
  // With `explanations`, also returns what the relation rules saw, sentence by sentence.
  DocumentGraph Process(const Document& doc, Tokenizer& tokenizer,
                        std::vector<std::string>* explanations = nullptr,
                        const ResolveOptions& resolve = {}) const;

  const RuleSet& rules() const { return *rules_; }

 private:
  std::unique_ptr<RuleSet> rules_;
};

// Where the rule and gazetteer files are: the source tree's data/, installed by
// `cmake --install` as PREFIX/share/kgextract (rules, lexicon, gazetteers, SOURCES.md).
//
//   kg::DataDirSearch search;
//   search.flag = data_flag;                       // --data, or empty
//   search.executable = kg::RunningExecutable();
//   ...                                            // the build's paths (cli.cc, CMakeLists.txt)
//   kg::DataDir data;
//   if (kg::Status s = kg::LocateDataDir(search, &data); !s.ok()) return s;   // kRules: exit 6
//
// In this order: --data, else $KGEXTRACT_DATA, else the running binary's one default: for the
// binary in the build tree, the source tree's data/; for any other copy, the data installed
// beside it, <its directory>/`installed_data` (PREFIX/bin/../share/kgextract), so an installed
// prefix can be moved. The first of these given is used (a --data that does not exist is an
// error, not a reason to look further); a directory that does not exist is kRules, naming it
// and where it came from.
struct DataDirSearch {
  std::string flag;              // --data DIR, or empty
  std::string env;               // $KGEXTRACT_DATA, or empty
  std::string executable;        // the running binary, symlinks resolved (RunningExecutable)
  std::string build_binary_dir;  // the directory the build wrote the binary to
  std::string build_data_dir;    // the source tree's data/
  std::string installed_data;    // relative to the binary's directory: "../share/kgextract"
};
struct DataDir {
  std::string path;
  // Where `path` came from, for --version: "--data", "$KGEXTRACT_DATA", "installed beside
  // /opt/kg/bin/kgextract" or "the source tree: this is the build tree's binary".
  std::string origin;
};
Status LocateDataDir(const DataDirSearch& search, DataDir* out);

// The running binary's path from /proc/self/exe (symlinks resolved); empty when unknown.
std::string RunningExecutable();

// Writes `content` to a temporary file beside `path`, then renames it over `path`: readers
// never see a half-written file, and a failure leaves any existing `path` untouched. A device,
// a FIFO (/dev/null, /dev/stdout) is written in place; a symlink's target is replaced, not the
// link. The file keeps an existing file's mode (and owner, as root); a new one gets 0666 less
// the umask. An output that is one of `inputs` (the same file by any name) is refused (kIOError).
//
// Temporaries are ".kgextract-PID-XXXXXX" in the target's directory (short: a target name of
// up to 255 bytes works); SIGINT, SIGTERM, SIGHUP and SIGQUIT remove them before the process
// dies, and those of processes that no longer exist (SIGKILL) are removed by the next write to
// that directory.
//
// Every file operation goes through `fs` (pipeline/file_system.h), but for the signal
// handler's unlink(2) and a symlinked output's realpath(3)/readlink(2). A failure is kIOError
// "OUT: cannot write: <strerror>" naming the output as given, and leaves neither the output nor
// a temporary file behind: a write that fails (a full disk, ENOSPC) or a rename that fails
// removes the temporaries, and the targets keep their old files.
Status WriteFileAtomically(const std::string& path, std::string_view content,
                           const std::vector<std::string>& inputs = {},
                           FileSystem* fs = FileSystem::Default());

// The same for several files as one unit: every file is written to its temporary first, every
// target is checked (a directory cannot be replaced), and only when all succeeded are they
// renamed into place; when a rename fails the ones already renamed are rolled back, so the set
// is all old or all new.
struct OutputFile {
  OutputFile() = default;
  OutputFile(std::string path_, std::string content_)
      : path(std::move(path_)), content(std::move(content_)) {}

  std::string path;
  std::string content;
  // When set, the file's bytes instead of `content`: called once, it hands them to `write` in
  // order, piece by piece (so the whole file need not be in memory), and returns false when
  // `write` did (a write failed). Whatever it refers to must outlive the write.
  std::function<bool(const std::function<bool(std::string_view)>& write)> stream;
};
Status WriteFilesAtomically(const std::vector<OutputFile>& files,
                            const std::vector<std::string>& inputs = {},
                            FileSystem* fs = FileSystem::Default());

// The export formats of `-f`, in the order `-f all` writes them, and their file suffixes.
// "csv" is two files (BASE.nodes.csv, BASE.edges.csv); "png" is only written by request.
const std::vector<std::string>& ExportFormats();
// Ok when this build writes `format`; else a usage error saying what the build lacks: "html"
// needs the viewer (CMake option KGEXTRACT_VIEWER), "svg" and "png" Graphviz (KGEXTRACT_RENDER).
// `-f all` leaves such formats out.
Status CheckFormatBuilt(std::string_view format);
// `graph` in one format ("json", "graphml", "gexf", "dot", "html", "svg", "png"). For "csv" use
// ToCsvNodes and ToCsvEdges. Fails when Graphviz cannot draw the picture, or when this build
// lacks the format (CheckFormatBuilt).
Status ExportGraph(const KnowledgeGraph& graph, std::string_view format, bool pretty,
                   std::string* out, int threads = 1);
// The output files of `formats` for `-o base`: one format writes `base` itself (csv writes
// base.nodes.csv and base.edges.csv, without a trailing ".csv" of base), several formats append
// their suffixes (base.json, base.graphml, ...).
//
// `threads` serialize the JSON (the same bytes for any count). With `stream`, a JSON file is
// not built here but written piece by piece when the files are (OutputFile::stream), which
// keeps the output out of memory: `graph` must then outlive `files`.
Status ExportFiles(const KnowledgeGraph& graph, const std::vector<std::string>& formats,
                   const std::string& base, bool pretty, std::vector<OutputFile>* files,
                   int threads = 1, bool stream = false);

// Option values shared by the main command and `kgextract render`: "--relations met,from"
// (names checked against the relation vocabulary) and "--min-weight 2".
Status ParseRelationList(std::string_view list, std::vector<std::string>* relations);
// A usage error naming the first of `names` not in `known` (a schema's RelationNames(), or a
// graph's relations), with the known ones.
Status CheckRelationNames(const std::vector<std::string>& names,
                          const std::vector<std::string>& known);
// Records the schema's types (with colours) and relation names in the graph (the exports,
// the picture and the viewer read them).
void SetSchema(const Schema& schema, KnowledgeGraph* graph);
Status ParseMinWeight(std::string_view text, double* min_weight);

// "kgextract 0.1.0": the generator field of every graph.
std::string GeneratorName();

// "3 people, 2 organisations, 4 places, 1 event, 2 talks, 9 relations, 12 co-occurrences".
std::string Summary(const KnowledgeGraph& graph);

// The command line; returns the process exit code (see kExitCodes in cli.cc and README.md).
// With `free_memory` false the run's graph is left to the process's end to free: for a
// program that exits next (kgextract's main), not for a caller that goes on.
int RunCli(int argc, char** argv, bool free_memory = true);
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
// `kgextract rules check|stats ...` (pipeline/rules_command.cc); `search` is where the main
// command looks for data/ (its --data option fills search.flag).
int RunRulesCommand(int argc, char** argv, DataDirSearch search);

}  // namespace kg

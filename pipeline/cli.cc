// The kgextract command line: argument parsing, output naming, exit codes.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <set>
#include <thread>

#include "graph/export.h"
#include "pipeline/args.h"
#include "pipeline/pipeline.h"

namespace kg {
namespace {

constexpr const char* kUsage =
    "usage: kgextract [options] INPUT...\n"
    "       kgextract render GRAPH.json -o PICTURE.svg|PICTURE.png   (see render --help)\n"
    "       kgextract rules check|stats ...   check rule packs, rule hits (see rules --help)\n"
    "\n"
    "Reads event reports and writes the knowledge graph of their people, organisations,\n"
    "places, events and talks: one graph of every input. An INPUT is a file, a folder (read\n"
    "recursively, in sorted order) or '-' (standard input). Formats by extension: .txt (and\n"
    "anything else) plain UTF-8 text, .md/.markdown Markdown with YAML or TOML front matter,\n"
    ".html/.htm HTML (its main content), .jsonl JSON Lines (one {\"id\", \"text\", \"format\"?,\n"
    "\"url\"?, \"date\"?, \"author\"?} a line); any of them gzip-compressed (.gz).\n"
    "\n"
    "options:\n"
    "  -o, --output PATH     output file; with several formats, a base name that gets\n"
    "                        .json, .graphml, ... appended (default, or '-': standard\n"
    "                        output). Never an input: that is refused (exit 5)\n"
    "  -f, --format LIST     comma-separated (default: json):\n"
    "                          json     node-link JSON (NetworkX, D3)\n"
    "                          graphml  GraphML (Gephi, yEd, Cytoscape, igraph, NetworkX)\n"
    "                          gexf     GEXF 1.3 with colours and sizes (Gephi)\n"
    "                          csv      PATH.nodes.csv and PATH.edges.csv (Gephi, neo4j-admin)\n"
    "                          dot      Graphviz DOT\n"
    "                          html     a self-contained viewer page (offline, any browser)\n"
    "                          svg, png a picture laid out by Graphviz\n"
    "                          all      every format but png (that this build has)\n"
    "      --pretty          indent the JSON (default: one line)\n"
    "      --min-weight W    export only edges of weight >= W (times stated; for co_occurs,\n"
    "                        sentences shared)\n"
    "      --relations LIST  export only edges of these relations, e.g. met,attended,co_occurs\n"
    "  -j, --threads N       worker threads (default: the number of cores)\n"
    "      --chunk-size BYTES  a larger document is split at blank lines into chunks of\n"
    "                        about this size, extracted in parallel (suffix K, M or G;\n"
    "                        default 256K; 0 never splits); the output does not depend on -j\n"
    "      --input-format F  read every input as txt, md, html or jsonl (default: by extension)\n"
    "      --jsonl           the same as --input-format jsonl\n"
    "      --include GLOB    read only the files of folders that match GLOB (on the path in\n"
    "                        the folder or the file name; '*', '**', '?', '[a-z]'); repeatable\n"
    "      --exclude GLOB    skip the files of folders that match GLOB; repeatable\n"
    "      --max-size BYTES  the largest document read, after decompression (suffix K, M or G;\n"
    "                        default 64M); a larger one is a bad document\n"
    "      --evidence N|all  evidence spans kept per edge, the first in input order (default\n"
    "                        10); an edge's weight counts every statement. Said when reached\n"
    "      --mentions N|all  mention spans kept per node, the first in input order (default\n"
    "                        100); document_counts count every mention. Said when reached\n"
    "      --max-pairs N|all co-occurrence pairs per sentence, the first by entity id (default\n"
    "                        1000: a sentence of 45 names); said when reached\n"
    "      --max-mentions N|all  mentions used per document, the first in the text (default\n"
    "                        100000); the rest are not used. Said when reached\n"
    "      --strict          a bad document (unreadable, invalid UTF-8, binary, too large,\n"
    "                        a broken JSON line, bad gzip) fails the run (exit 4) instead of\n"
    "                        being reported and skipped\n"
    "      --per-document DIR  also write one graph per document to DIR/NAME.json (NAME from\n"
    "                        the document's path; with several formats, NAME.graphml, ...);\n"
    "                        without -o, only these are written\n"
    "      --emit-text DIR   write the analysed text of each document to DIR/NAME.txt: the\n"
    "                        mentions' start and end are code point offsets into it\n"
    "      --data DIR        rule and gazetteer directory (default: $KGEXTRACT_DATA, else\n"
    "                        PREFIX/share/kgextract beside an installed PREFIX/bin/kgextract,\n"
    "                        or the source tree's data/ for the build tree's binary;\n"
    "                        --version says which is used)\n"
    "      --rules DIR       add a rule pack: DIR/schema (types, relations), DIR/rules/\n"
    "                        {entities,relations,inference}.rules; repeatable, in order\n"
    "                        (docs/rules.md)\n"
    "      --no-default-rules  leave out the built-in pack (the data directory's schema and\n"
    "                        rules/); its word lists and gazetteers stay. Needs --rules\n"
    "  -q, --quiet           no progress bar and no summary on standard error (a progress\n"
    "                        bar is shown only when standard error is a terminal)\n"
    "      --explain         print, for every sentence, what the relation rules saw (typed\n"
    "                        placeholders such as ⟨PERSON_3⟩) and which rules matched\n"
    "  -h, --help            this help\n"
    "      --version         the version, and the data directory in use\n"
    "\n"
    "exit codes:\n"
    "  0  success (an empty input gives an empty graph)\n"
    "  1  internal error (a library such as ICU failed; the message names its error)\n"
    "  2  bad command line\n"
    "  3  an input file does not exist\n"
    "  4  no input could be read (each was bad: unreadable, invalid UTF-8, binary data, ...),\n"
    "     a folder holds no file to read, or, with --strict, one document was bad\n"
    "  5  an output file cannot be written (nothing partial is left behind)\n"
    "  6  the data directory, or a rule or gazetteer file in it, is missing or invalid\n";

int Fail(int code, const std::string& message) {
  std::cerr << "kgextract: " << EscapeControls(message) << "\n";
  return code;
}
// The message of a failure, and the exit code of its category.
int Fail(const Status& s) { return Fail(ExitCodeFor(s), s.message()); }

struct Options {
  std::vector<std::string> inputs;
  std::string output;
  std::vector<std::string> formats;
  bool pretty = false, quiet = false, explain = false;
  int threads = 0;
  std::string data_dir;
  std::vector<std::string> packs;  // --rules DIR, in order
  bool default_rules = true;
  EdgeFilter filter;
  InputOptions input;
  uint64_t chunk_bytes = kDefaultChunkBytes;
  bool strict = false;
  std::string per_document_dir, emit_text_dir;
  ResolveOptions resolve;
  size_t max_node_mentions = kDefaultMaxNodeMentions;
};

// "--evidence 5", "--max-pairs all": a count from 1, or "all" (no limit).
bool ParseLimit(const std::string& text, size_t* limit) {
  if (text == "all") {
    *limit = SIZE_MAX;
    return true;
  }
  char* end = nullptr;
  errno = 0;
  unsigned long long v = std::strtoull(text.c_str(), &end, 10);
  if (text.empty() || text[0] == '-' || *end != '\0' || errno != 0 || v == 0 || v > 1000000000ull) {
    return false;
  }
  *limit = static_cast<size_t>(v);
  return true;
}

bool ParseSize(const std::string& text, uint64_t* bytes) {
  char* end = nullptr;
  errno = 0;
  unsigned long long v = std::strtoull(text.c_str(), &end, 10);
  if (text.empty() || end == text.c_str() || errno != 0 || text[0] == '-') return false;
  std::string_view unit(end);
  uint64_t scale = 1;
  if (unit == "K" || unit == "k") {
    scale = 1ull << 10;
  } else if (unit == "M" || unit == "m") {
    scale = 1ull << 20;
  } else if (unit == "G" || unit == "g") {
    scale = 1ull << 30;
  } else if (!unit.empty()) {
    return false;
  }
  if (v == 0 || v > (1ull << 40) / scale) return false;
  *bytes = v * scale;
  return true;
}

// A file name for a document: the file name of its id with every character other than
// letters, digits, '.', '-' and '_' as '_' ("posts/a.md" -> "a.md", "dump.jsonl#7" ->
// "dump.jsonl_7", "-" -> "stdin"), made unique among `taken` in input order ("a.md-2").
std::string OutputName(const std::string& id, std::set<std::string>* taken) {
  std::string_view file = id;  // "posts/2024/a.md" -> "a.md"; "dump.jsonl#7" keeps "#7"
  size_t hash = file.find('#');
  size_t slash = file.substr(0, hash).rfind('/');
  if (slash != std::string_view::npos) file.remove_prefix(slash + 1);
  std::string name;
  for (char c : file) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '-' || c == '_';
    name.push_back(ok ? c : '_');
  }
  size_t lead = name.find_first_not_of("._");
  name = lead == std::string::npos ? "" : name.substr(lead);
  if (name.empty() || name == "-") name = "stdin";
  std::string unique = name;
  for (int k = 2; !taken->insert(unique).second; ++k) unique = name + "-" + std::to_string(k);
  return unique;
}

std::string Megabytes(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return buf;
}

// The progress bar: documents, MB, MB/s and the estimated time left, redrawn in place at most
// ten times a second.
class ProgressBar {
 public:
  void Update(const RunProgress& p) {
    auto now = std::chrono::steady_clock::now();
    if (p.inputs_done < p.inputs_total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    double seconds = std::chrono::duration<double>(now - start_).count();
    double rate = seconds > 0 ? static_cast<double>(p.bytes_done) / 1e6 / seconds : 0;
    std::string line = "\r\033[K" + std::to_string(p.inputs_done) + "/" +
                       std::to_string(p.inputs_total) + " inputs, " + std::to_string(p.documents) +
                       " documents, " + Megabytes(p.bytes_done);
    char buf[64];
    std::snprintf(buf, sizeof buf, ", %.1f MB/s", rate);
    line += buf;
    if (rate > 0 && p.bytes_total > p.bytes_done) {
      std::snprintf(buf, sizeof buf, ", ETA %.0f s",
                    static_cast<double>(p.bytes_total - p.bytes_done) / 1e6 / rate);
      line += buf;
    }
    std::cerr << line << std::flush;
    drawn_ = true;
  }
  void Clear() {
    if (drawn_) std::cerr << "\r\033[K" << std::flush;
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_;
  bool drawn_ = false;
};

}  // namespace

int ExitCodeFor(const Status& s) {
  switch (s.code()) {
    case Status::Code::kOk:
      return kExitOk;
    case Status::Code::kUsage:
      return kExitUsage;
    case Status::Code::kNotFound:
      return kExitInputMissing;
    case Status::Code::kInvalidInput:
      return kExitInputInvalid;
    case Status::Code::kIOError:
      return kExitOutput;
    case Status::Code::kRules:
      return kExitRules;
    case Status::Code::kInternal:
      return kExitInternal;
  }
  return kExitInternal;
}

// Where this binary looks for data/ when no --data is given (LocateDataDir).
DataDirSearch DefaultDataDirSearch() {
  const char* env = std::getenv("KGEXTRACT_DATA");
  DataDirSearch search;
  search.env = env ? env : "";
  search.executable = RunningExecutable();
  search.build_binary_dir = KGEXTRACT_BUILD_BINARY_DIR;
  search.build_data_dir = KGEXTRACT_BUILD_DATA_DIR;
  search.installed_data = KGEXTRACT_INSTALLED_DATA;
  return search;
}

namespace {

int RunCliWith(int argc, char** argv, RunResult* run_result) {
  if (argc <= 1) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  if (std::string_view(argv[1]) == "render") return RunRenderCommand(argc - 1, argv + 1);
  if (std::string_view(argv[1]) == "rules") {
    return RunRulesCommand(argc - 1, argv + 1, DefaultDataDirSearch());
  }
  Options opt;
  std::string format_list = "json";
  bool options_done = false, version = false;
  for (ArgCursor args(argc, argv); args.Next();) {
    const std::string& a = args.arg();
    if (options_done || a == "-" || !a.starts_with("-")) {
      opt.inputs.push_back(a);
    } else if (a == "--") {
      options_done = true;
    } else if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      return kExitOk;
    } else if (a == "--version") {
      version = true;
    } else if (args.Is("-o", "--output")) {
      if (!args.Value(&opt.output)) return Fail(kExitUsage, a + " needs a path");
    } else if (args.Is("-f", "--format")) {
      if (!args.Value(&format_list)) return Fail(kExitUsage, a + " needs a format list");
    } else if (args.Is("-j", "--threads")) {
      std::string n;
      if (!args.Value(&n)) return Fail(kExitUsage, a + " needs a number");
      char* end = nullptr;
      long v = std::strtol(n.c_str(), &end, 10);
      if (n.empty() || *end != '\0' || v < 1 || v > 256) {
        return Fail(kExitUsage, "--threads wants a number from 1 to 256, not '" + n + "'");
      }
      opt.threads = static_cast<int>(v);
    } else if (args.Is(nullptr, "--data")) {
      if (!args.Value(&opt.data_dir)) return Fail(kExitUsage, a + " needs a directory");
    } else if (args.Is(nullptr, "--rules")) {
      std::string dir;
      if (!args.Value(&dir)) return Fail(kExitUsage, a + " needs a rule pack directory");
      opt.packs.push_back(dir);
    } else if (a == "--no-default-rules") {
      opt.default_rules = false;
    } else if (args.Is(nullptr, "--min-weight")) {
      std::string w;
      if (!args.Value(&w)) return Fail(kExitUsage, a + " needs a number");
      if (Status s = ParseMinWeight(w, &opt.filter.min_weight); !s.ok()) {
        return Fail(s);
      }
    } else if (args.Is(nullptr, "--relations")) {
      std::string list;
      if (!args.Value(&list)) return Fail(kExitUsage, a + " needs a list of relations");
      if (Status s = ParseRelationList(list, &opt.filter.relations); !s.ok()) {
        return Fail(s);
      }
    } else if (args.Is(nullptr, "--input-format")) {
      std::string f;
      if (!args.Value(&f)) return Fail(kExitUsage, a + " needs a format");
      if (!ParseInputFormat(f, &opt.input.format)) {
        return Fail(kExitUsage, "--input-format wants txt, md, html or jsonl, not '" + f + "'");
      }
    } else if (a == "--jsonl") {
      opt.input.format = InputFormat::kJsonl;
    } else if (args.Is(nullptr, "--include")) {
      opt.input.include.emplace_back();
      if (!args.Value(&opt.input.include.back())) return Fail(kExitUsage, a + " needs a glob");
    } else if (args.Is(nullptr, "--exclude")) {
      opt.input.exclude.emplace_back();
      if (!args.Value(&opt.input.exclude.back())) return Fail(kExitUsage, a + " needs a glob");
    } else if (args.Is(nullptr, "--max-size")) {
      std::string v;
      if (!args.Value(&v) || !ParseSize(v, &opt.input.max_bytes)) {
        return Fail(kExitUsage, "--max-size wants a size in bytes such as 1048576 or 64M");
      }
    } else if (args.Is(nullptr, "--chunk-size")) {
      std::string v;
      if (!args.Value(&v) || (v != "0" && !ParseSize(v, &opt.chunk_bytes))) {
        return Fail(kExitUsage, "--chunk-size wants a size in bytes such as 1048576 or 1M, or 0");
      }
      if (v == "0") opt.chunk_bytes = 0;
    } else if (args.Is(nullptr, "--evidence")) {
      std::string v;
      if (!args.Value(&v) || !ParseLimit(v, &opt.resolve.max_evidence)) {
        return Fail(kExitUsage, "--evidence wants a number of spans from 1, or 'all'");
      }
    } else if (args.Is(nullptr, "--mentions")) {
      std::string v;
      if (!args.Value(&v) || !ParseLimit(v, &opt.max_node_mentions)) {
        return Fail(kExitUsage, "--mentions wants a number of mentions from 1, or 'all'");
      }
    } else if (args.Is(nullptr, "--max-mentions")) {
      std::string v;
      if (!args.Value(&v) || !ParseLimit(v, &opt.resolve.max_mentions)) {
        return Fail(kExitUsage, "--max-mentions wants a number of mentions from 1, or 'all'");
      }
    } else if (args.Is(nullptr, "--max-pairs")) {
      std::string v;
      if (!args.Value(&v) || !ParseLimit(v, &opt.resolve.max_pairs_per_sentence)) {
        return Fail(kExitUsage, "--max-pairs wants a number of pairs from 1, or 'all'");
      }
    } else if (a == "--strict") {
      opt.strict = true;
    } else if (args.Is(nullptr, "--per-document")) {
      if (!args.Value(&opt.per_document_dir)) return Fail(kExitUsage, a + " needs a directory");
    } else if (args.Is(nullptr, "--emit-text")) {
      if (!args.Value(&opt.emit_text_dir)) return Fail(kExitUsage, a + " needs a directory");
    } else if (a == "--pretty") {
      opt.pretty = true;
    } else if (a == "--explain") {
      opt.explain = true;
    } else if (a == "-q" || a == "--quiet") {
      opt.quiet = true;
    } else {
      return Fail(kExitUsage, "unknown option '" + a + "' (see --help)");
    }
  }
  // Where the rules are. --version names the directory, so a user can tell which copy of the
  // rules an answer came from; a run fails on a missing one only once the command line is
  // known to be good (exit 2 before 6).
  DataDirSearch search = DefaultDataDirSearch();
  search.flag = opt.data_dir;
  DataDir data;
  Status data_status = LocateDataDir(search, &data);
  if (version) {
    std::cout << "kgextract " << KGEXTRACT_VERSION << "\n"
              << (data_status.ok() ? "data: " + data.path + " (" + data.origin + ")"
                                   : "data: " + data_status.message())
              << "\n";
    return kExitOk;
  }
  // Formats: a set, written in a fixed order.
  std::set<std::string> wanted;
  for (size_t pos = 0; pos <= format_list.size();) {
    size_t comma = std::min(format_list.find(',', pos), format_list.size());
    std::string f = format_list.substr(pos, comma - pos);
    const std::vector<std::string>& known = ExportFormats();
    if (f == "all") {  // every format this build writes
      for (const std::string& k : known) {
        if (k != "png" && CheckFormatBuilt(k).ok()) wanted.insert(k);
      }
    } else if (std::find(known.begin(), known.end(), f) != known.end()) {
      if (Status s = CheckFormatBuilt(f); !s.ok()) {
        return Fail(kExitUsage, "-f " + f + ": " + s.message());
      }
      wanted.insert(f);
    } else {
      return Fail(kExitUsage, "unknown format '" + f +
                                  "' (json, graphml, gexf, csv, dot, html, svg, png, all)");
    }
    pos = comma + 1;
  }
  for (const std::string& f : ExportFormats()) {
    if (wanted.count(f)) opt.formats.push_back(f);
  }
  if (opt.inputs.empty()) return Fail(kExitUsage, "no input files (see --help)");
  if (opt.output == "-") {  // standard output, as without -o
    if (opt.formats.size() > 1) {
      return Fail(kExitUsage, "-o - writes one format to standard output, not several");
    }
    opt.output.clear();
  }
  if (opt.formats.size() > 1 && opt.output.empty()) {
    return Fail(kExitUsage, "several formats need -o BASE (writes BASE.json, BASE.graphml, ...)");
  }
  if (opt.output.empty() && (opt.formats.front() == "csv" || opt.formats.front() == "png")) {
    return Fail(kExitUsage, "-f " + opt.formats.front() + " needs -o PATH");
  }
  if (!data_status.ok()) return Fail(data_status);
  if (opt.threads == 0) {
    opt.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  }

  std::unique_ptr<Pipeline> pipeline;
  RuleSetOptions rule_options;
  rule_options.data_dir = data.path;
  rule_options.default_rules = opt.default_rules;
  rule_options.packs = opt.packs;
  if (!opt.default_rules && opt.packs.empty()) {
    return Fail(kExitUsage, "--no-default-rules needs at least one --rules DIR");
  }
  if (Status s = Pipeline::Create(rule_options, &pipeline); !s.ok()) {
    return Fail(s);
  }
  if (Status s =
          CheckRelationNames(opt.filter.relations, pipeline->rules().schema().RelationNames());
      !s.ok()) {
    return Fail(kExitUsage, s.message());
  }
  RunOptions run;
  run.threads = opt.threads;
  run.chunk_bytes = opt.chunk_bytes;
  run.input = opt.input;
  run.explain = opt.explain;
  run.keep_documents = !opt.emit_text_dir.empty();
  run.keep_graphs = !opt.per_document_dir.empty();
  run.resolve = opt.resolve;
  run.max_node_mentions = opt.max_node_mentions;
  ProgressBar bar;
  if (!opt.quiet && ::isatty(STDERR_FILENO)) {
    run.progress = [&bar](const RunProgress& p) { bar.Update(p); };
  }
  RunResult& result = *run_result;
  Status run_status = pipeline->Run(opt.inputs, run, &result);
  bar.Clear();
  if (!run_status.ok()) return Fail(run_status);
  for (const std::string& line : result.explanations) std::cerr << line << "\n";
  for (const std::string& w : result.warnings) {
    std::cerr << "kgextract: warning: " << EscapeControls(w) << "\n";
  }
  // Limits reached are said, also with -q: the graph is not all there is.
  auto limit = [](size_t v) { return v == SIZE_MAX ? std::string("all") : std::to_string(v); };
  if (result.documents_mentions_capped > 0) {
    std::cerr << "kgextract: limit: " << result.documents_mentions_capped
              << (result.documents_mentions_capped == 1 ? " document names" : " documents name")
              << " more than --max-mentions " << limit(opt.resolve.max_mentions)
              << " mentions: " << result.mentions_dropped
              << (result.mentions_dropped == 1 ? " later mention" : " later mentions")
              << " not used (" << (result.documents_mentions_capped == 1 ? "" : "the first: ")
              << EscapeControls(result.first_mentions_capped) << ")\n";
  }
  if (result.sentences_pairs_capped > 0) {
    std::cerr << "kgextract: limit: " << result.sentences_pairs_capped
              << (result.sentences_pairs_capped == 1 ? " sentence names" : " sentences name")
              << " more entities than --max-pairs " << limit(opt.resolve.max_pairs_per_sentence)
              << " co-occurrence pairs allow: " << result.pairs_dropped << " pairs not made\n";
  }
  if (result.edges_evidence_capped > 0) {
    std::cerr << "kgextract: limit: " << result.edges_evidence_capped
              << (result.edges_evidence_capped == 1 ? " edge keeps only its"
                                                    : " edges keep only their")
              << " first " << limit(opt.resolve.max_evidence)
              << " evidence spans (--evidence; weights count every statement)\n";
  }
  if (result.nodes_mentions_capped > 0) {
    std::cerr << "kgextract: limit: " << result.nodes_mentions_capped
              << (result.nodes_mentions_capped == 1 ? " node keeps only its"
                                                    : " nodes keep only their")
              << " first " << limit(opt.max_node_mentions)
              << " mention spans (--mentions; document_counts count every mention)\n";
  }
  // A library that failed on a document (ICU, zlib) says nothing about the document: the run
  // fails with the library's error (exit 1), whatever --strict says.
  for (const Status& p : result.problems) {
    if (p.code() == Status::Code::kInternal) return Fail(p);
  }
  // Bad documents: skipped, or, with --strict or when nothing else was read, the run fails
  // (one line per document, and a last line when there were several).
  const bool fail = !result.problems.empty() && (opt.strict || result.documents == 0);
  for (const Status& p : result.problems) {
    std::cerr << "kgextract: " << EscapeControls(p.message()) << (fail ? "" : " (skipped)") << "\n";
  }
  if (fail) {
    if (result.problems.size() > 1) {
      std::cerr << "kgextract: " << result.problems.size() << " bad documents"
                << (opt.strict ? " (--strict)" : ", none good") << ": nothing written\n";
    }
    return kExitInputInvalid;
  }
  KnowledgeGraph& graph = result.graph;
  const std::string corpus =
      std::to_string(result.documents) + (result.documents == 1 ? " document" : " documents") +
      " (" + Megabytes(result.bytes) + ")" +
      (result.problems.empty() ? "" : ", " + std::to_string(result.problems.size()) + " skipped");

  // Every file of the run is written as one unit: all or nothing.
  std::vector<OutputFile> files;
  std::set<std::string> names;
  auto make_dir = [](const std::string& dir) -> Status {
    if (std::error_code ec = FileSystem::Default()->CreateDirectories(dir)) {
      return Status::IOError(dir + ": cannot create the directory: " + ec.message());
    }
    return Status::Ok();
  };
  if (!opt.emit_text_dir.empty()) {
    if (Status s = make_dir(opt.emit_text_dir); !s.ok()) return Fail(s);
    std::set<std::string> text_names;
    for (const Document& doc : result.documents_read) {
      files.push_back(
          {opt.emit_text_dir + "/" + OutputName(doc.id, &text_names) + ".txt", doc.text});
    }
  }
  if (!opt.per_document_dir.empty()) {
    if (Status s = make_dir(opt.per_document_dir); !s.ok()) {
      return Fail(s);
    }
    for (DocumentGraph& dg : result.document_graphs) {
      std::string base = opt.per_document_dir + "/" + OutputName(dg.doc, &names);
      KnowledgeGraph one =
          MergeDocuments({std::move(dg)}, GeneratorName(), pipeline->rules().fingerprint(),
                         opt.resolve.max_evidence, opt.max_node_mentions);
      SetSchema(pipeline->rules().schema(), &one);
      FilterEdges(opt.filter, &one);
      AnnotateMetrics(&one, opt.threads);
      if (opt.formats.size() == 1)
        base += opt.formats.front() == "csv" ? "" : "." + opt.formats.front();
      if (Status s = ExportFiles(one, opt.formats, base, opt.pretty, &files, opt.threads);
          !s.ok()) {
        return Fail(s);
      }
    }
  }
  FilterEdges(opt.filter, &graph);
  AnnotateMetrics(&graph, opt.threads);
  const size_t side_files = files.size();
  if (opt.output.empty() && opt.per_document_dir.empty()) {
    // JSON goes out piece by piece, as made; the other formats are made whole first (a picture
    // that Graphviz cannot draw fails before anything is written).
    const bool json = opt.formats.front() == "json";
    std::string content;
    if (!json) {
      if (Status s = ExportGraph(graph, opt.formats.front(), opt.pretty, &content, opt.threads);
          !s.ok()) {
        return Fail(s);
      }
    }
    if (Status s = WriteFilesAtomically(files, result.files); !s.ok()) {
      return Fail(s);
    }
    if (json) {
      WriteNodeLinkJson(graph, opt.pretty, opt.threads, [](std::string_view piece) {
        std::cout.write(piece.data(), static_cast<std::streamsize>(piece.size()));
        return static_cast<bool>(std::cout);
      });
    } else {
      std::cout << content;
    }
    std::cout.flush();
    if (!std::cout) return Fail(kExitOutput, "-: cannot write standard output");
    if (!opt.quiet && (!result.problems.empty() || result.documents > 1)) {
      std::cerr << "kgextract: " << corpus << "\n";
    }
    return kExitOk;
  }
  if (!opt.output.empty()) {
    // The main graph's JSON is streamed to its file: `graph` lives until the files are written.
    if (Status s = ExportFiles(graph, opt.formats, opt.output, opt.pretty, &files, opt.threads,
                               /*stream=*/true);
        !s.ok()) {
      return Fail(s);
    }
  }
  if (Status s = WriteFilesAtomically(files, result.files); !s.ok()) {
    return Fail(s);
  }
  if (!opt.quiet) {
    std::string joined;
    for (size_t i = side_files; i < files.size(); ++i) {
      joined += (joined.empty() ? "" : ", ") + QuotePath(files[i].path);
    }
    if (!opt.per_document_dir.empty()) {
      joined += (joined.empty() ? "" : ", ") + std::to_string(result.document_graphs.size()) +
                " graphs in " + opt.per_document_dir;
    }
    std::cerr << "wrote " << joined << ": " << Summary(graph) << "; " << corpus << "\n";
  }
  return kExitOk;
}

}  // namespace

int RunCli(int argc, char** argv, bool free_memory) {
  auto result = std::make_unique<RunResult>();
  const int code = RunCliWith(argc, argv, result.get());
  // Freeing a corpus's graph node by node took seconds (a tenth of a 100 MB run); the process
  // is about to end and gives its memory back at once.
  if (!free_memory) static_cast<void>(result.release());
  return code;
}

}  // namespace kg

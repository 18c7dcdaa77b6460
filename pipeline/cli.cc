// The kgextract command line: argument parsing, output naming, exit codes.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <set>
#include <thread>

#include "pipeline/args.h"
#include "pipeline/pipeline.h"

namespace kg {
namespace {

constexpr const char* kUsage =
    "usage: kgextract [options] INPUT...\n"
    "       kgextract render GRAPH.json -o PICTURE.svg|PICTURE.png   (see render --help)\n"
    "\n"
    "Reads event reports (UTF-8 text files; '-' is standard input) and writes the knowledge\n"
    "graph of their people, organisations, places, events and talks.\n"
    "\n"
    "options:\n"
    "  -o, --output PATH     output file; with several formats, a base name that gets\n"
    "                        .json, .graphml, ... appended (default: standard output)\n"
    "  -f, --format LIST     comma-separated (default: json):\n"
    "                          json     node-link JSON (NetworkX, D3)\n"
    "                          graphml  GraphML (Gephi, yEd, Cytoscape, igraph, NetworkX)\n"
    "                          gexf     GEXF 1.3 with colours and sizes (Gephi)\n"
    "                          csv      PATH.nodes.csv and PATH.edges.csv (Gephi, neo4j-admin)\n"
    "                          dot      Graphviz DOT\n"
    "                          html     a self-contained viewer page (offline, any browser)\n"
    "                          svg, png a picture laid out by Graphviz\n"
    "                          all      every format but png\n"
    "      --pretty          indent the JSON (default: one line)\n"
    "      --min-weight W    export only edges of weight >= W (times stated; for co_occurs,\n"
    "                        sentences shared)\n"
    "      --relations LIST  export only edges of these relations, e.g. met,attended,co_occurs\n"
    "  -j, --threads N       worker threads (default: the number of cores)\n"
    "      --data DIR        rule and gazetteer directory (default: $KGEXTRACT_DATA or the\n"
    "                        data/ directory of the source tree)\n"
    "  -q, --quiet           no summary on standard error\n"
    "      --explain         print, for every sentence, what the relation rules saw (typed\n"
    "                        placeholders such as ⟨PERSON_3⟩) and which rules matched\n"
    "  -h, --help            this help\n"
    "      --version         the version\n"
    "\n"
    "exit codes:\n"
    "  0  success (an empty input gives an empty graph)\n"
    "  1  internal error\n"
    "  2  bad command line\n"
    "  3  an input file does not exist\n"
    "  4  an input is not a text report (a directory, invalid UTF-8, binary data)\n"
    "  5  an output file cannot be written (nothing partial is left behind)\n"
    "  6  the rule or gazetteer files are missing or invalid\n";

int Fail(int code, const std::string& message) {
  std::cerr << "kgextract: " << message << "\n";
  return code;
}

struct Options {
  std::vector<std::string> inputs;
  std::string output;
  std::vector<std::string> formats;
  bool pretty = false, quiet = false, explain = false;
  int threads = 0;
  std::string data_dir;
  EdgeFilter filter;
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

int RunCli(int argc, char** argv) {
  if (argc <= 1) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  if (std::string_view(argv[1]) == "render") return RunRenderCommand(argc - 1, argv + 1);
  Options opt;
  std::string format_list = "json";
  bool options_done = false;
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
      std::cout << "kgextract " << KGEXTRACT_VERSION << "\n";
      return kExitOk;
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
    } else if (args.Is(nullptr, "--min-weight")) {
      std::string w;
      if (!args.Value(&w)) return Fail(kExitUsage, a + " needs a number");
      if (Status s = ParseMinWeight(w, &opt.filter.min_weight); !s.ok()) {
        return Fail(kExitUsage, s.message());
      }
    } else if (args.Is(nullptr, "--relations")) {
      std::string list;
      if (!args.Value(&list)) return Fail(kExitUsage, a + " needs a list of relations");
      if (Status s = ParseRelationList(list, &opt.filter.relations); !s.ok()) {
        return Fail(kExitUsage, s.message());
      }
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
  // Formats: a set, written in a fixed order.
  std::set<std::string> wanted;
  for (size_t pos = 0; pos <= format_list.size();) {
    size_t comma = std::min(format_list.find(',', pos), format_list.size());
    std::string f = format_list.substr(pos, comma - pos);
    const std::vector<std::string>& known = ExportFormats();
    if (f == "all") {
      for (const std::string& k : known) {
        if (k != "png") wanted.insert(k);
      }
    } else if (std::find(known.begin(), known.end(), f) != known.end()) {
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
  if (opt.formats.size() > 1 && opt.output.empty()) {
    return Fail(kExitUsage, "several formats need -o BASE (writes BASE.json, BASE.graphml, ...)");
  }
  if (opt.output.empty() && (opt.formats.front() == "csv" || opt.formats.front() == "png")) {
    return Fail(kExitUsage, "-f " + opt.formats.front() + " needs -o PATH");
  }
  if (opt.data_dir.empty()) {
    const char* env = std::getenv("KGEXTRACT_DATA");
    opt.data_dir = env && *env ? env : KGEXTRACT_DEFAULT_DATA_DIR;
  }
  if (opt.threads == 0) {
    opt.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  }

  std::unique_ptr<Pipeline> pipeline;
  if (Status s = Pipeline::Create(opt.data_dir, &pipeline); !s.ok()) {
    return Fail(ExitCodeFor(s), s.message());
  }
  KnowledgeGraph graph;
  std::vector<std::string> explanations;
  if (Status s =
          pipeline->Run(opt.inputs, opt.threads, &graph, opt.explain ? &explanations : nullptr);
      !s.ok()) {
    return Fail(ExitCodeFor(s), s.message());
  }
  for (const std::string& line : explanations) std::cerr << line << "\n";

  FilterEdges(opt.filter, &graph);
  AnnotateMetrics(&graph);
  if (opt.output.empty()) {
    std::string content;
    if (Status s = ExportGraph(graph, opt.formats.front(), opt.pretty, &content); !s.ok()) {
      return Fail(ExitCodeFor(s), s.message());
    }
    std::cout << content;
    std::cout.flush();
    if (!std::cout) return Fail(kExitOutput, "-: cannot write standard output");
    return kExitOk;
  }
  std::vector<OutputFile> files;
  if (Status s = ExportFiles(graph, opt.formats, opt.output, opt.pretty, &files); !s.ok()) {
    return Fail(ExitCodeFor(s), s.message());
  }
  if (Status s = WriteFilesAtomically(files); !s.ok()) return Fail(ExitCodeFor(s), s.message());
  if (!opt.quiet) {
    std::string joined;
    for (const OutputFile& f : files) joined += (joined.empty() ? "" : ", ") + f.path;
    std::cerr << "wrote " << joined << ": " << Summary(graph) << "\n";
  }
  return kExitOk;
}

}  // namespace kg

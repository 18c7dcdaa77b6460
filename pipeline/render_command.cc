// `kgextract render`: a knowledge graph's node-link JSON in, a picture (SVG or PNG) out.
//
//   kgextract -f json -o graph.json report.txt
//   kgextract render graph.json -o graph.svg          # or .png; '-' reads standard input
//
// Reads the JSON (FromNodeLinkJson), keeps the edges the filters ask for (FilterEdges), computes
// the analytics that size the nodes (AnnotateMetrics), draws (RenderGraph) and writes the file
// atomically. Exit codes are those of the main command line (pipeline/cli.cc).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "graph/export.h"
#include "pipeline/args.h"
#include "pipeline/pipeline.h"
#ifdef KGEXTRACT_HAS_RENDER  // defined where kg_render is linked (CMakeLists.txt)
#include "graph/render.h"
#endif

namespace kg {
namespace {

constexpr const char* kRenderUsage =
    "usage: kgextract render [options] GRAPH.json\n"
    "\n"
    "Draws a knowledge graph (the node-link JSON of `kgextract -f json`; '-' is standard\n"
    "input) as a picture laid out by Graphviz: boxes coloured by type and sized by degree,\n"
    "relations as arrows, co-occurrences as light grey lines, and a legend.\n"
    "\n"
    "options:\n"
    "  -o, --output PATH     the picture, .svg or .png (default: SVG on standard output)\n"
    "  -f, --format FORMAT   svg or png (default: from the extension of -o)\n"
    "      --min-weight W    draw only edges of weight W or more\n"
    "      --relations LIST  draw only edges of these relations (comma-separated,\n"
    "                        e.g. speaker_of,affiliated_with)\n"
    "  -q, --quiet           no summary on standard error\n"
    "  -h, --help            this help\n"
    "\n"
    "exit codes:\n"
    "  0  success\n"
    "  1  internal error (Graphviz failed)\n"
    "  2  bad command line\n"
    "  3  the input file does not exist\n"
    "  4  the input cannot be read, or is not a graph's node-link JSON (the message names\n"
    "     the byte or field)\n"
    "  5  the output file cannot be written (nothing partial is left behind)\n";

int Fail(int code, const std::string& message) {
  std::cerr << "kgextract: render: " << EscapeControls(message) << "\n";
  return code;
}
// The message of a failure, and the exit code of its category: the main command's (cli.cc).
int Fail(const Status& s) { return Fail(ExitCodeFor(s), s.message()); }

// The whole input ('-': standard input). Its failures have the categories of the main
// command's inputs (pipeline/input.cc), so the same problem exits with the same code: a
// missing file kNotFound (3), any other unreadable input kInvalidInput (4).
Status ReadInput(const std::string& path, std::string* bytes) {
  return ReadFileBytes(path, /*regular_only=*/false, bytes);
}

}  // namespace

int RunRenderCommand(int argc, char** argv) {
  std::string input, output, format;
  bool have_input = false, quiet = false, options_done = false;
  EdgeFilter filter;
  for (ArgCursor args(argc, argv); args.Next();) {
    const std::string& a = args.arg();
    if (options_done || a == "-" || !a.starts_with("-")) {
      if (have_input) return Fail(kExitUsage, "one input graph only (see --help)");
      input = a;
      have_input = true;
    } else if (a == "--") {
      options_done = true;
    } else if (a == "-h" || a == "--help") {
      std::cout << kRenderUsage;
      return kExitOk;
    } else if (args.Is("-o", "--output")) {
      if (!args.Value(&output) || output.empty()) return Fail(kExitUsage, a + " needs a path");
    } else if (args.Is("-f", "--format")) {
      if (!args.Value(&format)) return Fail(kExitUsage, a + " needs svg or png");
      if (format != "svg" && format != "png") {
        return Fail(kExitUsage, "unknown format '" + format + "' (svg or png)");
      }
    } else if (args.Is(nullptr, "--min-weight")) {
      std::string w;
      if (!args.Value(&w)) return Fail(kExitUsage, a + " needs a number");
      if (Status s = ParseMinWeight(w, &filter.min_weight); !s.ok()) {
        return Fail(s);
      }
    } else if (args.Is(nullptr, "--relations")) {
      std::string list;
      if (!args.Value(&list)) return Fail(kExitUsage, a + " needs a list of relations");
      if (Status s = ParseRelationList(list, &filter.relations); !s.ok()) {
        return Fail(s);
      }
    } else if (a == "-q" || a == "--quiet") {
      quiet = true;
    } else {
      return Fail(kExitUsage, "unknown option '" + a + "' (see --help)");
    }
  }
  if (!have_input) return Fail(kExitUsage, "no input graph (see --help)");
  const bool to_stdout = output.empty() || output == "-";
  if (format.empty()) {
    if (to_stdout) {
      format = "svg";
    } else if (output.ends_with(".svg") || output.ends_with(".SVG")) {
      format = "svg";
    } else if (output.ends_with(".png") || output.ends_with(".PNG")) {
      format = "png";
    } else {
      return Fail(kExitUsage, output + ": unknown picture type (.svg or .png, or --format)");
    }
  }
  if (format == "png" && to_stdout) return Fail(kExitUsage, "a PNG needs -o PATH");
  if (Status s = CheckFormatBuilt(format); !s.ok()) return Fail(s);

  std::string bytes;
  if (Status s = ReadInput(input, &bytes); !s.ok()) return Fail(s);
  KnowledgeGraph graph;
  if (std::string error; !FromNodeLinkJson(bytes, &graph, &error)) {
    return Fail(kExitInputInvalid, input + ": " + error);
  }
  // The relations a graph may hold are its schema's (recorded by the run that wrote it); an
  // older graph without them is checked against the relations it has.
  std::vector<std::string> known = graph.relations;
  if (known.empty()) {
    std::set<std::string> present = {"co_occurs"};
    for (auto e : boost::make_iterator_range(boost::edges(graph.graph))) {
      present.insert(graph.graph[e].relation);
    }
    known.assign(present.begin(), present.end());
  }
  if (Status s = CheckRelationNames(filter.relations, known); !s.ok()) {
    return Fail(kExitUsage, input + ": " + s.message());
  }
  FilterEdges(filter, &graph);
  AnnotateMetrics(&graph);
  std::string picture, error;
#ifdef KGEXTRACT_HAS_RENDER
  if (!RenderGraph(graph, format, &picture, &error)) {
    return Fail(kExitInternal, input + ": cannot draw: " + error);
  }
#else
  return Fail(CheckFormatBuilt(format));  // not reached: checked before the input was read
#endif
  // On success `error` holds Graphviz's warnings, if any.
  if (!error.empty() && !quiet) std::cerr << "kgextract: render: " << error << "\n";

  if (to_stdout) {
    std::cout << picture;
    std::cout.flush();
    if (!std::cout) return Fail(kExitOutput, "-: cannot write standard output");
    return kExitOk;
  }
  if (Status s = WriteFileAtomically(output, picture, {input}); !s.ok()) {
    return Fail(ExitCodeFor(s), s.message());
  }
  if (!quiet) std::cerr << "wrote " << output << ": " << Summary(graph) << "\n";
  return kExitOk;
}

}  // namespace kg

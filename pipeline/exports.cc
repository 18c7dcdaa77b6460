// Export formats and output file naming, shared by the main command and `kgextract render`.
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/export.h"
#include "pipeline/pipeline.h"
// The optional libraries define these macros where they are linked (CMakeLists.txt).
#ifdef KGEXTRACT_HAS_VIEWER
#include "graph/viewer.h"
#endif
#ifdef KGEXTRACT_HAS_RENDER
#include "graph/render.h"
#endif

namespace kg {

const std::vector<std::string>& ExportFormats() {
  static const std::vector<std::string> formats = {"json", "graphml", "gexf", "csv",
                                                   "dot",  "html",    "svg",  "png"};
  return formats;
}

Status CheckFormatBuilt(std::string_view format) {
#ifndef KGEXTRACT_HAS_VIEWER
  if (format == "html") {
    return Status::Usage("this build has no HTML viewer (configured with KGEXTRACT_VIEWER=OFF)");
  }
#endif
#ifndef KGEXTRACT_HAS_RENDER
  if (format == "svg" || format == "png") {
    return Status::Usage(
        "this build has no Graphviz pictures (configured with KGEXTRACT_RENDER=OFF)");
  }
#endif
  (void)format;
  return Status::Ok();
}

Status ExportGraph(const KnowledgeGraph& graph, std::string_view format, bool pretty,
                   std::string* out, int threads) {
  if (Status s = CheckFormatBuilt(format); !s.ok()) {
    return Status::Usage("-f " + std::string(format) + ": " + s.message());
  }
  if (format == "json") {
    *out = ToNodeLinkJson(graph, pretty, threads);
  } else if (format == "graphml") {
    *out = ToGraphML(graph);
  } else if (format == "gexf") {
    *out = ToGexf(graph);
  } else if (format == "dot") {
    *out = ToDot(graph);
#ifdef KGEXTRACT_HAS_VIEWER
  } else if (format == "html") {
    *out = ToHtml(graph);
#endif
#ifdef KGEXTRACT_HAS_RENDER
  } else if (format == "svg" || format == "png") {
    std::string error;
    if (!RenderGraph(graph, format, out, &error)) {
      return Status::Internal("cannot draw the " + std::string(format) + " picture: " + error);
    }
#endif
  } else {
    return Status::Usage("unknown format '" + std::string(format) + "'");
  }
  return Status::Ok();
}

Status ExportFiles(const KnowledgeGraph& graph, const std::vector<std::string>& formats,
                   const std::string& base, bool pretty, std::vector<OutputFile>* files,
                   int threads, bool stream) {
  for (const std::string& format : formats) {
    if (format == "csv") {
      std::string stem = base;
      if (formats.size() == 1 && stem.ends_with(".csv")) stem.resize(stem.size() - 4);
      files->push_back({stem + ".nodes.csv", ToCsvNodes(graph)});
      files->push_back({stem + ".edges.csv", ToCsvEdges(graph)});
      continue;
    }
    OutputFile file;
    file.path = formats.size() == 1 ? base : base + "." + format;
    if (stream && format == "json") {
      file.stream = [&graph, pretty, threads](const std::function<bool(std::string_view)>& write) {
        return WriteNodeLinkJson(graph, pretty, threads, write);
      };
      files->push_back(std::move(file));
      continue;
    }
    if (Status s = ExportGraph(graph, format, pretty, &file.content, threads); !s.ok()) return s;
    files->push_back(std::move(file));
  }
  return Status::Ok();
}

Status ParseRelationList(std::string_view list, std::vector<std::string>* relations) {
  relations->clear();
  for (size_t pos = 0; pos <= list.size();) {
    size_t comma = std::min(list.find(',', pos), list.size());
    std::string_view name = list.substr(pos, comma - pos);
    if (name.empty())
      return Status::Usage("--relations: an empty name in '" + std::string(list) + "'");
    relations->emplace_back(name);
    pos = comma + 1;
  }
  return Status::Ok();
}

Status CheckRelationNames(const std::vector<std::string>& names,
                          const std::vector<std::string>& known) {
  for (const std::string& name : names) {
    if (std::find(known.begin(), known.end(), name) != known.end()) continue;
    std::string all;
    for (const std::string& r : known) all += (all.empty() ? "" : ", ") + r;
    return Status::Usage("--relations: unknown relation '" + name + "' (known: " + all + ")");
  }
  return Status::Ok();
}

Status ParseMinWeight(std::string_view text, double* min_weight) {
  std::string s(text);
  char* end = nullptr;
  errno = 0;
  double v = std::strtod(s.c_str(), &end);
  if (s.empty() || *end != '\0' || errno != 0 || !std::isfinite(v) || v < 0) {
    return Status::Usage("--min-weight wants a number >= 0, not '" + s + "'");
  }
  *min_weight = v;
  return Status::Ok();
}

}  // namespace kg

// Pictures of the knowledge graph (kgextract render): Graphviz's C library lays the graph out
// and draws it to SVG or PNG in memory.
//
// The picture: one box per node, filled with TypeColor(type), its size and font growing with
// the node's degree; typed relations as dark arrows (labelled in small graphs), co-occurrences
// as thin light-grey lines; a legend (node types, edge styles) as the graph's own label below
// the drawing, so Graphviz reserves room for it and it never hides a node. Graphs of up to 300
// nodes are laid out by neato (stress majorisation), edges routed around nodes up to 80 nodes;
// larger ones by sfdp (multilevel force-directed) with straight edges and only the heaviest
// co-occurrences. Both remove node overlaps (prism) and use a fixed seed: equal graphs give
// equal bytes. Measured on 2 cores: 1000 nodes and 5000 edges draw in 1.4 s (SVG).
//
// Graphviz keeps global state (its error handler, error level, font caches), so one mutex
// serialises every call.
#include "graph/render.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "graph/export_text.h"

namespace kg {
namespace {

// Above this many nodes the picture is "large": sfdp, straight edges, no edge labels, and only
// the heaviest co-occurrences. neato's stress majorisation is quadratic in the node count.
constexpr size_t kLargeGraph = 300;
// Edge labels (relation names) only while they stay readable.
constexpr size_t kEdgeLabelMaxNodes = 60;
constexpr size_t kEdgeLabelMaxEdges = 120;
// A large picture draws at most this many co-occurrence edges per node (heaviest first).
constexpr size_t kLargeCoOccursPerNode = 2;
// Edges routed around nodes (splines=true) only in small pictures: the router's cost grows
// steeply (neato, 4 edges a node: 60 nodes 0.9 s, 100 nodes 3 s, 300 nodes 46 s; straight
// lines take 0.6 s at 300).
constexpr size_t kCurvedMaxNodes = 80;
constexpr size_t kCurvedMaxEdges = 300;
// A picture draws at most this many unconnected nodes (no drawn edge; the first in id order):
// Graphviz lays out and packs each as a component of its own, in time that grows steeply
// (2,000 took 38 s, 20,000 over 400 s). The legend and the warning say how many were left out.
constexpr size_t kMaxUnconnectedDrawn = 200;
// Node labels: lines of at most this many characters, at most this many lines.
constexpr size_t kLabelWidth = 22;
constexpr size_t kLabelLines = 3;

constexpr const char* kFont = "DejaVu Sans";
constexpr const char* kTypedEdgeColor = "#444444";
constexpr const char* kCoOccursColor = "#C8C8C8";

// Graphviz's error handler is a plain function pointer: messages go to the sink of the one
// call that holds the mutex.
std::mutex graphviz_mutex;
std::string* graphviz_messages = nullptr;

int CollectGraphvizMessage(char* message) {
  if (graphviz_messages != nullptr && message != nullptr) graphviz_messages->append(message);
  return 0;
}

// Graphviz 2.42 takes char* for names and values it only reads (and copies).
char* Mutable(const char* s) { return const_cast<char*>(s); }

void Set(void* object, const char* name, const std::string& value) {
  agsafeset(object, Mutable(name), Mutable(value.c_str()), Mutable(""));
}

// Sets an HTML-like label: Graphviz parses it as XML, so no backslash escapes (\N, \G) apply.
void SetHtmlLabel(Agraph_t* g, void* object, const std::string& html) {
  char* s = agstrdup_html(g, Mutable(html.c_str()));
  agsafeset(object, Mutable("label"), s, Mutable(""));
  agstrfree(g, s);
}

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

// Code points of a label, cleaned for XML: invalid UTF-8 becomes U+FFFD, and the characters
// XML 1.0 cannot hold (C0 controls other than tab and newline, U+FFFE, U+FFFF) are dropped,
// since Graphviz's HTML-label parser (expat) would reject the whole label. CR is dropped, a tab
// is a space; a newline stays and becomes a line break.
std::vector<UChar32> CleanCodePoints(std::string_view text) {
  std::vector<UChar32> out;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) c = 0xFFFD;
    if (c == '\t') c = ' ';
    if ((c < 0x20 && c != '\n') || c == 0xFFFE || c == 0xFFFF) continue;
    out.push_back(c);
  }
  return out;
}

// A mark or joiner that belongs to the character before it: never cut in front of one.
bool Attached(UChar32 c) {
  int8_t t = u_charType(c);
  return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_COMBINING_SPACING_MARK ||
         c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F3FB && c <= 0x1F3FF);
}

// Visible width in characters: marks and joiners take no room of their own.
size_t Width(const std::vector<UChar32>& cps) {
  size_t n = 0;
  for (size_t i = 0; i < cps.size(); ++i) {
    if (!Attached(cps[i]) && !(i > 0 && cps[i - 1] == 0x200D)) ++n;
  }
  return n;
}

// The first `width` visible characters of `cps`, cut where no mark or joiner is split off.
std::vector<UChar32> Prefix(const std::vector<UChar32>& cps, size_t width) {
  size_t seen = 0, i = 0;
  for (; i < cps.size(); ++i) {
    bool starts_character = !Attached(cps[i]) && !(i > 0 && cps[i - 1] == 0x200D);
    if (starts_character && seen++ == width) break;
  }
  return std::vector<UChar32>(cps.begin(), cps.begin() + i);
}

// Wraps a label at spaces into lines of at most `width` characters; a word longer than a line
// is cut, and a label longer than `max_lines` lines ends with an ellipsis. Newlines in the
// label are kept as line breaks. Returns at least one line. *shortened is set when text was
// left out.
std::vector<std::vector<UChar32>> WrapLabel(std::string_view label, size_t width, size_t max_lines,
                                            bool* shortened) {
  std::vector<UChar32> cps = CleanCodePoints(label);
  std::vector<std::vector<UChar32>> lines;
  std::vector<UChar32> line;
  auto flush = [&]() {
    lines.push_back(line);
    line.clear();
  };
  // Words, with newline as a forced break.
  std::vector<UChar32> word;
  auto place_word = [&]() {
    while (Width(word) > width) {  // too long for any line: cut it
      if (!line.empty()) flush();
      std::vector<UChar32> head = Prefix(word, width);
      // Prefer to cut after a hyphen, underscore, slash or dot in the second half of the line.
      for (size_t i = head.size(); i > head.size() / 2; --i) {
        UChar32 c = head[i - 1];
        if (c == '-' || c == '_' || c == '/' || c == '.') {
          head.resize(i);
          break;
        }
      }
      lines.push_back(head);
      word.erase(word.begin(), word.begin() + static_cast<ptrdiff_t>(head.size()));
    }
    if (word.empty()) return;
    if (!line.empty() && Width(line) + 1 + Width(word) > width) flush();
    if (!line.empty()) line.push_back(' ');
    line.insert(line.end(), word.begin(), word.end());
    word.clear();
  };
  for (UChar32 c : cps) {
    if (c == ' ' || c == '\n') {
      place_word();
      if (c == '\n') flush();
    } else {
      word.push_back(c);
    }
  }
  place_word();
  if (!line.empty() || lines.empty()) flush();
  *shortened = false;
  if (lines.size() > max_lines) {
    lines.resize(max_lines);
    *shortened = true;
  }
  if (*shortened) {
    std::vector<UChar32>& last = lines.back();
    if (Width(last) + 1 > width) last = Prefix(last, width - 1);
    while (!last.empty() && last.back() == ' ') last.pop_back();
    last.push_back(0x2026);  // …
  }
  return lines;
}

// The text of `cps` as UTF-8. For SVG node names: Graphviz's SVG writer copies an '&' that
// looks like an entity ("&x;", "&#1;") into the <title> unescaped, which is undefined or wrong
// in the XML; written as "&amp;" such an '&' is copied as is and reads back as the original.
// (Label text it always escapes.)
std::string PlainText(const std::vector<UChar32>& cps, bool svg) {
  std::string out;
  for (size_t i = 0; i < cps.size(); ++i) {
    UChar32 c = cps[i];
    if (c == '&' && svg) {
      auto is = [&](size_t j, auto pred) {
        return j < cps.size() && cps[j] < 0x80 && pred(cps[j]);
      };
      size_t j = i + 1;
      if (is(j, [](UChar32 x) { return x == '#'; })) {
        ++j;
        if (is(j, [](UChar32 x) { return x == 'x' || x == 'X'; })) {
          for (++j; is(j, [](UChar32 x) { return std::isxdigit(x) != 0; });) ++j;
        } else {
          while (is(j, [](UChar32 x) { return std::isdigit(x) != 0; })) ++j;
        }
      } else {
        while (is(j, [](UChar32 x) { return std::isalpha(x) != 0; })) ++j;
      }
      if (is(j, [](UChar32 x) { return x == ';'; })) {
        out += "&amp;";
        continue;
      }
    }
    char buf[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, c);
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

std::string XmlEscape(std::string_view text) {
  std::string out;
  export_text::AppendXmlEscaped(text, /*attribute=*/false, &out);
  return out;
}

// Text for an HTML-like label (which Graphviz parses as XML).
std::string HtmlText(const std::vector<UChar32>& cps) { return XmlEscape(PlainText(cps, false)); }

std::string HtmlText(std::string_view text) { return HtmlText(CleanCodePoints(text)); }

// Black or white, whichever reads better on `fill` ("#RRGGBB"), by WCAG relative luminance.
const char* TextColorOn(std::string_view fill) {
  if (fill.size() != 7) return "#000000";
  auto channel = [&](size_t at) {
    double v = std::stoi(std::string(fill.substr(at, 2)), nullptr, 16) / 255.0;
    return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
  };
  double l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  // Contrast with white (1.05 / (l + 0.05)) against black ((l + 0.05) / 0.05).
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? "#FFFFFF" : "#000000";
}

const char* TypeName(const std::string& type) {
  if (type == "PERSON") return "person";
  if (type == "ORG") return "organisation";
  if (type == "PLACE") return "place";
  if (type == "EVENT") return "event";
  if (type == "TALK") return "talk";
  return "other";
}

// The legend: a caption with the counts, the node types with their colours, the edge styles.
std::string LegendHtml(const KnowledgeGraph& kgraph, bool has_other_type, size_t nodes,
                       size_t typed, size_t co, size_t co_drawn, size_t unconnected_left_out) {
  auto plural = [](size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  std::string caption = plural(nodes, "entity", "entities") + ", " +
                        plural(typed, "relation", "relations") + ", " +
                        plural(co, "co-occurrence", "co-occurrences");
  if (co_drawn < co) caption += " (" + std::to_string(co_drawn) + " heaviest drawn)";
  if (unconnected_left_out > 0) {
    caption += "; " + plural(unconnected_left_out, "unconnected entity", "unconnected entities") +
               " not drawn";
  }
  // Each row is a table of its own, so its cells keep their natural widths.
  const std::string row =
      "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLSPACING=\"0\" "
      "CELLPADDING=\"2\"><TR>";
  const std::string end_row = "</TR></TABLE></TD></TR>";
  const std::string gap = "<TD WIDTH=\"14\"></TD>";
  std::string html =
      "<TABLE BORDER=\"1\" COLOR=\"#BBBBBB\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
      "CELLPADDING=\"3\" BGCOLOR=\"#FFFFFF\">";
  html += "<TR><TD ALIGN=\"LEFT\"><B>" + HtmlText(caption) + "</B></TD></TR>" + row;
  std::vector<std::string> types = NodeTypes(kgraph);
  if (has_other_type) types.push_back("");
  for (size_t i = 0; i < types.size(); ++i) {
    html += (i > 0 ? gap : "") + "<TD BGCOLOR=\"" + std::string(TypeColor(kgraph, types[i])) +
            "\" WIDTH=\"14\" HEIGHT=\"14\" FIXEDSIZE=\"TRUE\"></TD><TD ALIGN=\"LEFT\">" +
            TypeName(types[i]) + "</TD>";
  }
  // Edge styles and sizes, in cells of their own (Graphviz turns runs of spaces into NBSPs).
  html += end_row + row + "<TD><FONT COLOR=\"" + kTypedEdgeColor +
          "\">&#8212;&#9658;</FONT></TD><TD ALIGN=\"LEFT\">relation</TD>" + gap +
          "<TD><FONT COLOR=\"" + kCoOccursColor +
          "\"><B>&#8212;&#8212;</B></FONT></TD><TD ALIGN=\"LEFT\">co-occurs in a sentence</TD>" +
          gap + "<TD ALIGN=\"LEFT\">box size: number of edges</TD>" + end_row;
  return html + "</TABLE>";
}

// The process's one Graphviz context, made on first use and never freed. Graphviz 2.42's pango
// plugin keeps a pointer to the last font name, which lives in the context's font table: after
// gvFreeContext the next context's first text would compare against freed memory (AddressSanitizer
// reports it). Memory held by this static is reachable, not a leak. Guarded by graphviz_mutex.
GVC_t* SharedContext() {
  static GVC_t* const context = gvContext();
  return context;
}

// One drawing: the graph, its layout and the rendered data, released in the right order.
class GraphvizSession {
 public:
  GraphvizSession() : gvc_(SharedContext()) {}
  ~GraphvizSession() {
    if (data_ != nullptr) gvFreeRenderData(data_);
    if (graph_ != nullptr) {
      if (laid_out_) gvFreeLayout(gvc_, graph_);
      agclose(graph_);
    }
  }
  GraphvizSession(const GraphvizSession&) = delete;
  GraphvizSession& operator=(const GraphvizSession&) = delete;

  GVC_t* gvc() { return gvc_; }
  Agraph_t* Open() {
    graph_ = agopen(Mutable("kgextract"), Agdirected, nullptr);
    return graph_;
  }
  bool Layout(const char* engine) {
    laid_out_ = gvLayout(gvc_, graph_, engine) == 0;
    return laid_out_;
  }
  bool Render(const char* format, std::string* out) {
    unsigned int length = 0;
    if (gvRenderData(gvc_, graph_, format, &data_, &length) != 0 || data_ == nullptr) {
      return false;
    }
    out->assign(data_, length);
    return true;
  }

 private:
  GVC_t* gvc_ = nullptr;
  Agraph_t* graph_ = nullptr;
  bool laid_out_ = false;
  char* data_ = nullptr;
};

}  // namespace

bool RenderGraph(const KnowledgeGraph& kgraph, std::string_view format, std::string* out,
                 std::string* error) {
  error->clear();
  if (format != "svg" && format != "png") {
    *error = "unknown picture format '" + std::string(format) + "' (svg or png)";
    return false;
  }
  const bool svg = format == "svg";
  const Graph& g = kgraph.graph;
  const size_t n = boost::num_vertices(g);
  const bool large = n > kLargeGraph;

  // Degrees from AnnotateMetrics; counted here when it has not run (all zero).
  std::vector<int> degree(n, 0);
  bool annotated = false;
  for (size_t v = 0; v < n; ++v) annotated = annotated || g[v].degree != 0;
  for (size_t v = 0; v < n; ++v) degree[v] = g[v].degree;
  if (!annotated) {
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
      ++degree[boost::source(e, g)];
      ++degree[boost::target(e, g)];
    }
  }

  // The edges to draw: every typed relation; co-occurrences too, except in large pictures,
  // which keep only the heaviest few per node (ties in edge order) to stay readable and fast.
  std::vector<Graph::edge_descriptor> typed, co_occurs;
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    (g[e].relation == "co_occurs" ? co_occurs : typed).push_back(e);
  }
  const size_t co_total = co_occurs.size();
  if (large && co_occurs.size() > kLargeCoOccursPerNode * n) {
    std::stable_sort(co_occurs.begin(), co_occurs.end(),
                     [&](auto a, auto b) { return g[a].weight > g[b].weight; });
    co_occurs.resize(kLargeCoOccursPerNode * n);
  }
  // Unconnected nodes past kMaxUnconnectedDrawn are left out of the picture.
  std::vector<bool> drawn_node(n, false), connected(n, false);
  for (const auto* list : {&typed, &co_occurs}) {
    for (auto e : *list) connected[boost::source(e, g)] = connected[boost::target(e, g)] = true;
  }
  size_t unconnected = 0, left_out = 0;
  for (size_t v = 0; v < n; ++v) {
    drawn_node[v] = connected[v] || unconnected++ < kMaxUnconnectedDrawn;
    if (!drawn_node[v]) ++left_out;
  }
  const bool edge_labels = n <= kEdgeLabelMaxNodes && typed.size() <= kEdgeLabelMaxEdges;
  const bool curved = n <= kCurvedMaxNodes && typed.size() + co_occurs.size() <= kCurvedMaxEdges;

  std::lock_guard<std::mutex> lock(graphviz_mutex);
  std::string messages;
  graphviz_messages = &messages;
  agusererrf previous_handler = agseterrf(CollectGraphvizMessage);
  agerrlevel_t previous_level = agseterr(AGWARN);
  agreseterrors();
  bool ok = false;
  {
    GraphvizSession session;
    Agraph_t* graph = session.gvc() != nullptr ? session.Open() : nullptr;
    if (graph == nullptr) {
      *error = "Graphviz could not start";
    } else {
      Set(graph, "layout", large ? "sfdp" : "neato");
      Set(graph, "start", "1");  // fixed seed: the same graph gives the same picture
      Set(graph, "overlap", "prism");
      Set(graph, "sep", "+6");
      Set(graph, "splines", curved ? "true" : "false");
      Set(graph, "outputorder", "edgesfirst");
      Set(graph, "bgcolor", "#FFFFFF");
      Set(graph, "pad", "0.3");
      Set(graph, "fontname", kFont);
      Set(graph, "fontsize", "12");
      Set(graph, "labelloc", "b");
      Set(graph, "labeljust", "l");
      // Pictures of large graphs would be too big to open: scale down to at most 40 inches.
      Set(graph, "size", "40,40");

      bool has_other_type = false;
      std::vector<Agnode_t*> nodes(n, nullptr);
      for (size_t v = 0; v < n; ++v) {
        if (!drawn_node[v]) continue;
        const NodeProps& p = g[v];
        // The node's name is its id (the SVG's <title>), cleaned as the labels are.
        std::string plain = PlainText(CleanCodePoints(p.id), svg);
        // Ids are unique, but a cleaned id may meet another: keep one node per graph node.
        std::string unique = plain;
        for (int k = 2; agnode(graph, Mutable(unique.c_str()), 0) != nullptr; ++k) {
          unique = plain + " (" + std::to_string(k) + ")";
        }
        Agnode_t* node = agnode(graph, Mutable(unique.c_str()), 1);
        nodes[v] = node;

        std::string_view fill = TypeColor(kgraph, p.type);
        has_other_type = has_other_type || fill == TypeColor(kgraph, "");
        double scale = std::log2(1.0 + degree[v]);
        Set(node, "shape", "box");
        Set(node, "style", "filled,rounded");
        Set(node, "fillcolor", std::string(fill));
        Set(node, "color", "#333333");
        Set(node, "penwidth", "0.6");
        Set(node, "fontname", kFont);
        Set(node, "fontcolor", TextColorOn(fill));
        Set(node, "fontsize", Number(std::min(22.0, (large ? 9.0 : 11.0) + 1.6 * scale)));
        Set(node, "margin", Number(0.06 + 0.02 * scale) + "," + Number(0.03 + 0.015 * scale));
        Set(node, "width", "0.3");
        Set(node, "height", "0.2");
        bool shortened = false;
        auto lines =
            WrapLabel(p.label.empty() ? p.id : p.label, kLabelWidth, kLabelLines, &shortened);
        std::string html;
        for (size_t i = 0; i < lines.size(); ++i) {
          html += (i > 0 ? "<BR/>" : "") + HtmlText(lines[i]);
        }
        SetHtmlLabel(graph, node, html);
      }
      const size_t co_drawn = co_occurs.size();
      std::vector<Graph::edge_descriptor> drawn = co_occurs;  // co-occurrences drawn first
      drawn.insert(drawn.end(), typed.begin(), typed.end());
      for (auto e : drawn) {
        const EdgeProps& p = g[e];
        Agedge_t* edge =
            agedge(graph, nodes[boost::source(e, g)], nodes[boost::target(e, g)], nullptr, 1);
        if (p.relation == "co_occurs") {
          Set(edge, "color", kCoOccursColor);
          Set(edge, "penwidth", "0.6");
          Set(edge, "dir", "none");
          Set(edge, "len", "1.0");
          Set(edge, "weight", "0.5");
        } else {
          Set(edge, "color", kTypedEdgeColor);
          Set(edge, "penwidth", "1.1");
          Set(edge, "arrowsize", "0.6");
          Set(edge, "len", "0.8");
          if (p.symmetric) Set(edge, "dir", "none");
          if (edge_labels) {
            SetHtmlLabel(graph, edge, HtmlText(p.relation));
            Set(edge, "fontname", kFont);
            Set(edge, "fontsize", "8");
            Set(edge, "fontcolor", "#555555");
          }
        }
      }
      SetHtmlLabel(
          graph, graph,
          LegendHtml(kgraph, has_other_type, n, typed.size(), co_total, co_drawn, left_out));

      if (!session.Layout(large ? "sfdp" : "neato")) {
        *error = "Graphviz layout failed";
      } else if (!session.Render(svg ? "svg" : "png:cairo", out)) {
        *error = "Graphviz could not draw " + std::string(format);
      } else {
        ok = agerrors() < AGERR;
        if (!ok) *error = "Graphviz reported an error";
      }
    }
  }
  agseterr(previous_level);
  agseterrf(previous_handler);
  graphviz_messages = nullptr;
  while (!messages.empty() && messages.back() == '\n') messages.pop_back();
  if (ok && left_out > 0) {
    messages = std::to_string(left_out) + " unconnected entities not drawn (a picture draws at " +
               "most " + std::to_string(kMaxUnconnectedDrawn) + " unconnected entities)" +
               (messages.empty() ? "" : "; " + messages);
  }
  if (!messages.empty()) {
    // On failure the reason; on success Graphviz's warnings and the limit, for the caller.
    *error += (error->empty() ? "" : ": ") + messages;
  }
  if (!ok) out->clear();
  return ok;
}

}  // namespace kg

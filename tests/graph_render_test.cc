// Tests for graph/render.cc (RenderGraph: Graphviz pictures).
//
// The SVG is read back with a small XML text reader here (element text, entities decoded);
// RenderFiles.WriteNastySvgAndPng also writes the picture to $KG_RENDER_FIXTURE_DIR for the
// render_svg_wellformed ctest (xmllint), see tests/render_tests.cmake.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "graph/render.h"

namespace kg {
namespace {

Graph::vertex_descriptor AddNode(KnowledgeGraph* kg, std::string id, std::string label,
                                 std::string type) {
  NodeProps n;
  n.id = std::move(id);
  n.label = std::move(label);
  n.type = std::move(type);
  return boost::add_vertex(std::move(n), kg->graph);
}

void AddEdge(KnowledgeGraph* kg, Graph::vertex_descriptor u, Graph::vertex_descriptor v,
             std::string relation, double weight = 1.0, bool symmetric = false) {
  EdgeProps p;
  p.relation = std::move(relation);
  p.weight = weight;
  p.symmetric = symmetric;
  boost::add_edge(u, v, std::move(p), kg->graph);
}

// Labels that break naive escaping, each with the text lines the picture must show.
struct NastyNode {
  std::string id, label, type;
  std::vector<std::string> lines;
};

const std::vector<NastyNode>& NastyNodes() {
  static const std::vector<NastyNode> nodes = {
      {"person:jay-o-neil", "Jay \"The Hat\" O'Neil", "PERSON", {"Jay \"The Hat\" O'Neil"}},
      {"org:at-t", "AT&T Labs", "ORG", {"AT&T Labs"}},
      {"org:r&d;&amp;&#38;<>\"'", "R&D; &amp; &#38;", "ORG", {"R&D; &amp; &#38;"}},
      {"org:script", "<b>Bold</b> & co", "ORG", {"<b>Bold</b> & co"}},
      {"person:cafe",
       "Cafe\xCC\x81 \xF0\x9F\x98\x80 Ren\xC3\xA9",
       "PERSON",
       {"Cafe\xCC\x81 \xF0\x9F\x98\x80 Ren\xC3\xA9"}},
      {"place:arabic",
       "\xD9\x85\xD8\xA4\xD8\xAA\xD9\x85\xD8\xB1 \xD8\xAF\xD8\xA8\xD9\x8A",
       "PLACE",
       {"\xD9\x85\xD8\xA4\xD8\xAA\xD9\x85\xD8\xB1 \xD8\xAF\xD8\xA8\xD9\x8A"}},
      {"place:hebrew",
       "\xD7\xAA\xD7\x9C \xD7\x90\xD7\x91\xD7\x99\xD7\x91",
       "PLACE",
       {"\xD7\xAA\xD7\x9C \xD7\x90\xD7\x91\xD7\x99\xD7\x91"}},
      {"event:two-lines", "First line\nsecond line", "EVENT", {"First line", "second line"}},
      {"talk:tab", "Tab\there, comma; semicolon", "TALK", {"Tab here, comma;", "semicolon"}},
      {"talk:control", "Bell\x07 rings", "TALK", {"Bell rings"}},
      {"person:1984", "1984", "PERSON", {"1984"}},
      {"person:minus-zero", "-0", "PERSON", {"-0"}},
      {"person:nan", "NaN", "PERSON", {"NaN"}},
      {"org:long",
       "The International Conference of Uncommonly Long Organisation Names and Their Friends",
       "ORG",
       {"The International", "Conference of", "Uncommonly Long\xE2\x80\xA6"}},
      {"misc:unknown", "Untyped thing", "WIDGET", {"Untyped thing"}},
  };
  return nodes;
}

KnowledgeGraph NastyGraph() {
  KnowledgeGraph kg;
  std::vector<Graph::vertex_descriptor> v;
  for (const NastyNode& n : NastyNodes()) v.push_back(AddNode(&kg, n.id, n.label, n.type));
  AddEdge(&kg, v[0], v[1], "affiliated_with");
  AddEdge(&kg, v[0], v[1], "speaker_of");  // parallel edges stay two edges
  AddEdge(&kg, v[0], v[4], "met", 1.0, /*symmetric=*/true);
  AddEdge(&kg, v[4], v[5], "located_in");
  AddEdge(&kg, v[7], v[5], "held_in");
  AddEdge(&kg, v[8], v[7], "part_of");
  AddEdge(&kg, v[3], v[2], "rel<&>\"'");
  AddEdge(&kg, v[10], v[11], "co_occurs", 2.0, true);
  AddEdge(&kg, v[11], v[12], "co_occurs", 1.0, true);
  AddEdge(&kg, v[13], v[6], "located_in");
  return kg;
}

// Decodes the XML entities Graphviz writes (&amp; &lt; &gt; &quot; &#N; &#xN;).
std::string DecodeXml(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] != '&') {
      out += s[i++];
      continue;
    }
    size_t semi = s.find(';', i);
    std::string entity = s.substr(i + 1, semi - i - 1);
    uint32_t cp = 0;
    if (entity == "amp") {
      cp = '&';
    } else if (entity == "lt") {
      cp = '<';
    } else if (entity == "gt") {
      cp = '>';
    } else if (entity == "quot") {
      cp = '"';
    } else if (entity == "apos") {
      cp = '\'';
    } else if (entity.starts_with("#x")) {
      cp = static_cast<uint32_t>(std::stoul(entity.substr(2), nullptr, 16));
    } else if (entity.starts_with("#")) {
      cp = static_cast<uint32_t>(std::stoul(entity.substr(1)));
    } else {
      ADD_FAILURE() << "unknown entity &" << entity << ";";
    }
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    i = semi + 1;
  }
  return out;
}

// The decoded text of every <text> element, in document order.
std::vector<std::string> SvgTexts(const std::string& svg) {
  std::vector<std::string> texts;
  static const std::regex text_element("<text[^>]*>([^<]*)</text>");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), text_element);
       it != std::sregex_iterator(); ++it) {
    texts.push_back(DecodeXml((*it)[1].str()));
  }
  return texts;
}

// The decoded <title> of every node group (<g id="nodeN" class="node"><title>...</title>).
std::vector<std::string> SvgNodeTitles(const std::string& svg) {
  std::vector<std::string> titles;
  static const std::regex node_group("<g id=\"node[0-9]+\" class=\"node\">\\s*<title>([^<]*)<");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), node_group);
       it != std::sregex_iterator(); ++it) {
    titles.push_back(DecodeXml((*it)[1].str()));
  }
  return titles;
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

std::string Render(const KnowledgeGraph& kg, const std::string& format) {
  std::string out, error;
  EXPECT_TRUE(RenderGraph(kg, format, &out, &error)) << error;
  EXPECT_EQ(error, "") << "Graphviz warnings";
  return out;
}

TEST(RenderGraphSvg, OneNodeGroupPerGraphNodeTitledById) {
  KnowledgeGraph kg = NastyGraph();
  std::string svg = Render(kg, "svg");
  ASSERT_TRUE(svg.starts_with("<?xml")) << svg.substr(0, 100);
  EXPECT_EQ(Count(svg, "class=\"node\""), NastyNodes().size());
  std::vector<std::string> titles = SvgNodeTitles(svg);
  std::vector<std::string> ids;
  for (const NastyNode& n : NastyNodes()) ids.push_back(n.id);
  EXPECT_EQ(titles, ids);
}

TEST(RenderGraphSvg, EdgesDrawnOnePerGraphEdge) {
  KnowledgeGraph kg = NastyGraph();
  std::string svg = Render(kg, "svg");
  EXPECT_EQ(Count(svg, "class=\"edge\""), boost::num_edges(kg.graph));
}

TEST(RenderGraphSvg, LabelsSurviveEscapingLineByLine) {
  std::string svg = Render(NastyGraph(), "svg");
  std::vector<std::string> texts = SvgTexts(svg);
  for (const NastyNode& n : NastyNodes()) {
    for (const std::string& line : n.lines) {
      EXPECT_NE(std::find(texts.begin(), texts.end(), line), texts.end())
          << "missing label line '" << line << "' of " << n.id;
    }
  }
}

TEST(RenderGraphSvg, ControlCharactersAreDropped) {
  std::string svg = Render(NastyGraph(), "svg");
  EXPECT_EQ(svg.find('\x07'), std::string::npos);
  EXPECT_EQ(svg.find('\t'), std::string::npos);
}

TEST(RenderGraphSvg, SmallGraphLabelsRelations) {
  std::vector<std::string> texts = SvgTexts(Render(NastyGraph(), "svg"));
  for (const char* relation : {"affiliated_with", "speaker_of", "met", "rel<&>\"'"}) {
    EXPECT_NE(std::find(texts.begin(), texts.end(), relation), texts.end()) << relation;
  }
  // Co-occurrences are drawn, but not labelled.
  EXPECT_EQ(std::find(texts.begin(), texts.end(), "co_occurs"), texts.end());
}

TEST(RenderGraphSvg, LegendListsTypesWithTheirColours) {
  std::string svg = Render(NastyGraph(), "svg");
  std::vector<std::string> texts = SvgTexts(svg);
  for (const char* name : {"person", "organisation", "place", "event", "talk", "other"}) {
    EXPECT_NE(std::find(texts.begin(), texts.end(), name), texts.end()) << name;
  }
  EXPECT_NE(std::find(texts.begin(), texts.end(), "15 entities, 8 relations, 2 co-occurrences"),
            texts.end());
  std::string lower = svg;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  for (const std::string& type : NodeTypes(KnowledgeGraph{})) {
    std::string color(TypeColor(KnowledgeGraph{}, type));
    std::transform(color.begin(), color.end(), color.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    // One swatch in the legend, at least one node box of that colour.
    EXPECT_GE(Count(lower, "fill=\"" + color + "\""), 2u) << type;
  }
  // The legend is the graph's label, not a node: Graphviz draws it before every node group.
  size_t legend = svg.find(">organisation</text>");
  ASSERT_NE(legend, std::string::npos);
  EXPECT_LT(legend, svg.find("class=\"node\""));
}

TEST(RenderGraphSvg, OtherTypeOnlyInLegendWhenPresent) {
  KnowledgeGraph kg;
  AddNode(&kg, "person:ada", "Ada", "PERSON");
  std::vector<std::string> texts = SvgTexts(Render(kg, "svg"));
  EXPECT_EQ(std::find(texts.begin(), texts.end(), "other"), texts.end());
  EXPECT_NE(std::find(texts.begin(), texts.end(), "1 entity, 0 relations, 0 co-occurrences"),
            texts.end());
}

TEST(RenderGraphSvg, DeterministicBytes) {
  KnowledgeGraph kg = NastyGraph();
  std::string first = Render(kg, "svg");
  std::string second = Render(kg, "svg");
  EXPECT_EQ(first, second);
}

TEST(RenderGraphSvg, EmptyGraphGivesLegendOnly) {
  KnowledgeGraph kg;
  std::string svg = Render(kg, "svg");
  EXPECT_EQ(Count(svg, "class=\"node\""), 0u);
  std::vector<std::string> texts = SvgTexts(svg);
  EXPECT_NE(std::find(texts.begin(), texts.end(), "0 entities, 0 relations, 0 co-occurrences"),
            texts.end());
}

TEST(RenderGraphSvg, DegreeFromMetricsSizesNodes) {
  // A hub with annotated degree 40 gets a larger font than a leaf with degree 1.
  KnowledgeGraph kg;
  auto hub = AddNode(&kg, "person:hub", "Hub", "PERSON");
  auto leaf = AddNode(&kg, "person:leaf", "Leaf", "PERSON");
  AddEdge(&kg, hub, leaf, "met", 1.0, true);
  kg.graph[hub].degree = 40;
  kg.graph[leaf].degree = 1;
  std::string svg = Render(kg, "svg");
  std::smatch hub_text, leaf_text;
  ASSERT_TRUE(std::regex_search(svg, hub_text, std::regex("font-size=\"([0-9.]+)\"[^>]*>Hub<")));
  ASSERT_TRUE(std::regex_search(svg, leaf_text, std::regex("font-size=\"([0-9.]+)\"[^>]*>Leaf<")));
  EXPECT_GT(std::stod(hub_text[1]), std::stod(leaf_text[1]) + 5);
}

TEST(RenderGraphSvg, DegreeCountedWhenMetricsAbsent) {
  KnowledgeGraph kg;
  auto hub = AddNode(&kg, "person:hub", "Hub", "PERSON");
  for (int i = 0; i < 12; ++i) {
    auto leaf = AddNode(&kg, "person:leaf-" + std::to_string(i), "Leaf", "PERSON");
    AddEdge(&kg, hub, leaf, "met", 1.0, true);
  }
  std::string svg = Render(kg, "svg");
  std::smatch hub_text, leaf_text;
  ASSERT_TRUE(std::regex_search(svg, hub_text, std::regex("font-size=\"([0-9.]+)\"[^>]*>Hub<")));
  ASSERT_TRUE(std::regex_search(svg, leaf_text, std::regex("font-size=\"([0-9.]+)\"[^>]*>Leaf<")));
  EXPECT_GT(std::stod(hub_text[1]), std::stod(leaf_text[1]) + 3);
}

uint32_t BigEndian32(const std::string& s, size_t at) {
  return (static_cast<uint32_t>(static_cast<unsigned char>(s[at])) << 24) |
         (static_cast<uint32_t>(static_cast<unsigned char>(s[at + 1])) << 16) |
         (static_cast<uint32_t>(static_cast<unsigned char>(s[at + 2])) << 8) |
         static_cast<uint32_t>(static_cast<unsigned char>(s[at + 3]));
}

TEST(RenderGraphPng, SignatureAndPlausibleSize) {
  std::string png = Render(NastyGraph(), "png");
  ASSERT_GT(png.size(), 33u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(png.substr(12, 4), "IHDR");
  uint32_t width = BigEndian32(png, 16), height = BigEndian32(png, 20);
  EXPECT_GE(width, 300u);
  EXPECT_LE(width, 5000u);
  EXPECT_GE(height, 200u);
  EXPECT_LE(height, 5000u);
  EXPECT_GT(png.size(), 10000u);  // drawn, not blank
}

TEST(RenderGraphPng, DeterministicBytes) {
  KnowledgeGraph kg = NastyGraph();
  EXPECT_EQ(Render(kg, "png"), Render(kg, "png"));
}

TEST(RenderGraph, UnknownFormatFailsWithMessage) {
  std::string out = "stale", error;
  EXPECT_FALSE(RenderGraph(NastyGraph(), "jpeg", &out, &error));
  EXPECT_EQ(error, "unknown picture format 'jpeg' (svg or png)");
  EXPECT_EQ(out, "stale");
}

// A synthetic graph of `n` nodes in a ring of typed edges plus co-occurrences, deterministic.
KnowledgeGraph SyntheticGraph(int n, int co_per_node) {
  KnowledgeGraph kg;
  const std::vector<std::string> types = NodeTypes(KnowledgeGraph{});
  for (int i = 0; i < n; ++i) {
    AddNode(&kg, "node:" + std::to_string(i), "Entity number " + std::to_string(i),
            types[static_cast<size_t>(i) % types.size()]);
  }
  uint32_t x = 12345;  // LCG: the same graph on every run
  for (int i = 0; i < n; ++i) {
    AddEdge(&kg, static_cast<size_t>(i), static_cast<size_t>((i + 1) % n), "related_to");
    for (int k = 0; k < co_per_node; ++k) {
      x = x * 1103515245u + 12345u;
      AddEdge(&kg, static_cast<size_t>(i), (x >> 8) % static_cast<uint32_t>(n), "co_occurs",
              1.0 + (x >> 4) % 3, true);
    }
  }
  return kg;
}

TEST(RenderGraphLarge, SfdpDrawsEveryNodeWithoutEdgeLabels) {
  KnowledgeGraph kg = SyntheticGraph(400, 4);
  auto start = std::chrono::steady_clock::now();
  std::string svg = Render(kg, "svg");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(Count(svg, "class=\"node\""), 400u);
  // 400 typed edges and the 800 heaviest of 1600 co-occurrences.
  EXPECT_EQ(Count(svg, "class=\"edge\""), 1200u);
  std::vector<std::string> texts = SvgTexts(svg);
  EXPECT_EQ(std::find(texts.begin(), texts.end(), "related_to"), texts.end());
  EXPECT_NE(std::find(texts.begin(), texts.end(),
                      "400 entities, 400 relations, 1600 co-occurrences (800 heaviest drawn)"),
            texts.end());
  RecordProperty("render_seconds", std::to_string(seconds));
}

// The size the brief measures: 1000 nodes, 5000 edges (1000 typed, 4000 co-occurrences).
TEST(RenderGraphLarge, ThousandNodesFiveThousandEdges) {
  KnowledgeGraph kg = SyntheticGraph(1000, 4);
  ASSERT_EQ(boost::num_edges(kg.graph), 5000u);
  auto start = std::chrono::steady_clock::now();
  std::string svg = Render(kg, "svg");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(Count(svg, "class=\"node\""), 1000u);
  EXPECT_EQ(Count(svg, "class=\"edge\""), 3000u);  // 1000 typed + the 2000 heaviest co-occurrences
  std::printf("render of 1000 nodes / 5000 edges: %.2f s, %zu bytes of SVG\n", seconds, svg.size());
  RecordProperty("render_seconds", std::to_string(seconds));
}

// Writes the nasty graph's SVG for the xmllint ctest (render_svg_wellformed), and its PNG to
// look at, to $KG_RENDER_FIXTURE_DIR (or the test temporary directory).
TEST(RenderFiles, WriteNastySvgAndPng) {
  const char* env = std::getenv("KG_RENDER_FIXTURE_DIR");
  std::string dir = env != nullptr ? env : ::testing::TempDir() + "render_files";
  std::filesystem::create_directories(dir);
  std::ofstream(std::filesystem::path(dir) / "nasty.svg", std::ios::binary)
      << Render(NastyGraph(), "svg");
  std::ofstream(std::filesystem::path(dir) / "nasty.png", std::ios::binary)
      << Render(NastyGraph(), "png");
}

}  // namespace
}  // namespace kg

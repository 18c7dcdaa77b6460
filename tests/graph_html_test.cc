// Tests for graph/export_html.cc, the self-contained HTML viewer.
//
// The HtmlViewerFixture test also writes nasty.html, mid.html and large.html to
// $KG_VIEWER_FIXTURE_DIR (or the test temporary directory) for tests/js/viewer_test.mjs, which
// tests/viewer_tests.cmake runs next in headless Chromium.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "graph/viewer.h"
#include "tests/graph_builders.h"

namespace kg {
namespace {

constexpr std::string_view kDataOpen = R"(<script type="application/json" id="kg-data">)";

// Names that break naive HTML, JSON, CSV or number handling. Labels are unique (the browser
// test searches each one and expects that very node first).
const std::vector<std::string>& NastyNames() {
  static const std::vector<std::string> names = {
      "He said \"hi\" & 'bye'",
      "</script><script>alert(1)</script>",
      "<!-- not a comment",
      "]]> & <![CDATA[",
      "@KG_DATA@",
      "Comma, semicolon; colon: end",
      "line one\nline two\ttabbed",
      "\xF0\x9F\x98\x80 Emoji Group",  // U+1F600
      "\xD9\x85\xD8\xA4\xD8\xAA\xD9\x85\xD8\xB1 \xD8\xA7\xD9\x84\xD9\x82\xD8\xA7\xD9\x87\xD8\xB1"
      "\xD8\xA9",                                           // Arabic: "conference Cairo"
      "\xD7\xAA\xD7\x9C \xD7\x90\xD7\x91\xD7\x99\xD7\x91",  // Hebrew: Tel Aviv
      "Ame\xCC\x81lie Zoe\xCC\x88",                         // combining acute, diaeresis
      "1984",
      "3.14",
      "-0",
      "1e5",
      "0x1F",
      "NaN",
      "true",
      "C:\\path\\ with \\u0041 backslash",
      "line\xE2\x80\xA8separator",  // U+2028
      "${template} {{moustache}}",
  };
  return names;
}

// One node per nasty name (types cycling), with nasty ids, aliases, mentions, and edges:
// a chain of typed edges, a parallel edge, a self-loop and a symmetric co-occurrence.
KnowledgeGraph NastyGraph() {
  KnowledgeGraph kg;
  kg.generator = "kgextract 0.1.0 <test> & \"friends\"";
  kg.documents = {"report <1> & \"quotes\".txt", "\xD7\x93\xD7\x95\xD7\x97.txt"};
  const std::vector<std::string>& names = NastyNames();
  std::vector<Graph::vertex_descriptor> v;
  for (size_t i = 0; i < names.size(); ++i) {
    const std::string type = NodeTypes(KnowledgeGraph{})[i % NodeTypes(KnowledgeGraph{}).size()];
    std::string id = type + ":" + std::to_string(i) + "<&>\"" + names[i];
    v.push_back(AddNode(&kg, id, names[i], type));
    NodeProps& n = kg.graph[v.back()];
    n.aliases = {"alias " + names[i]};
    n.documents = {kg.documents[i % 2]};
    n.mentions = {MakeSpan(kg.documents[i % 2], static_cast<uint32_t>(10 * i),
                           static_cast<uint32_t>(10 * i + 7), names[i] + " was there.")};
    if (i == 0) n.mentions.push_back(MakeSpan(kg.documents[1], 500, 512, "</script> again"));
    n.degree = static_cast<int>(i);
    n.weighted_degree = 0.1 + 0.2;
    n.pagerank = 1.0 / 3.0;
  }
  kg.graph[v[5]].subtype = "city";
  kg.graph[v[4]].kind = "keynote";
  kg.graph[v[0]].narrator = true;
  for (size_t i = 0; i + 1 < v.size(); ++i) {
    AddEdge(&kg, v[i], v[i + 1], "rel<" + std::to_string(i) + ">&", 1.0 + static_cast<double>(i),
            {MakeSpan(kg.documents[0], 0, 9, names[i] + " met " + names[i + 1])});
  }
  AddEdge(&kg, v[0], v[1], "affiliated_with", 0.1 + 0.2, {}, "host & \"chair\"");  // parallel
  AddEdge(&kg, v[2], v[2], "related_to", 1);                                       // self-loop
  AddEdge(&kg, v[3], v[7], "co_occurs", 4,
          {MakeSpan(kg.documents[1], 1, 2, "</script><!-- <b>co</b> -->"),
           MakeSpan(kg.documents[1], 3, 4, "second sentence")},
          "", /*symmetric=*/true);
  return kg;
}

// 60 nodes, 100 edges, deterministic (a fixed linear congruential sequence).
KnowledgeGraph MidGraph() {
  KnowledgeGraph kg;
  kg.generator = "kgextract 0.1.0";
  kg.documents = {"mid.txt"};
  std::vector<Graph::vertex_descriptor> v;
  for (int i = 0; i < 60; ++i) {
    const std::string type =
        NodeTypes(KnowledgeGraph{})[static_cast<size_t>(i) % NodeTypes(KnowledgeGraph{}).size()];
    std::string label = type.substr(0, 1);  // "Person 0", "Org 1", ...
    for (char c : type.substr(1)) label.push_back(static_cast<char>(c - 'A' + 'a'));
    label += " " + std::to_string(i);
    v.push_back(AddNode(&kg, NodeId(type, label), label, type));
    kg.graph[v.back()].documents = {"mid.txt"};
    kg.graph[v.back()].mentions = {MakeSpan("mid.txt", static_cast<uint32_t>(i * 20),
                                            static_cast<uint32_t>(i * 20 + 8), label + " spoke")};
  }
  uint32_t x = 12345;
  auto next = [&x](uint32_t n) {
    x = x * 1103515245u + 12345u;
    return (x >> 16) % n;
  };
  for (int i = 0; i < 100; ++i) {
    auto a = next(60);
    auto b = (a + 1 + next(59)) % 60;
    const bool cooc = i % 3 == 0;
    AddEdge(&kg, v[a], v[b], cooc ? "co_occurs" : "attended", 1 + next(4),
            {MakeSpan("mid.txt", 0, 10, "Sentence " + std::to_string(i) + ".")}, "", cooc);
  }
  return kg;
}

// `nodes` nodes and 2 * `nodes` edges (every other one a co-occurrence) with realistic
// mentions and evidence: the size of a page for a large corpus.
KnowledgeGraph LargeGraph(int nodes) {
  KnowledgeGraph kg;
  kg.generator = "kgextract 0.1.0";
  kg.documents = {"large.txt"};
  std::vector<Graph::vertex_descriptor> v;
  for (int i = 0; i < nodes; ++i) {
    const std::string type =
        NodeTypes(KnowledgeGraph{})[static_cast<size_t>(i) % NodeTypes(KnowledgeGraph{}).size()];
    const std::string label = "Entity number " + std::to_string(i);
    v.push_back(AddNode(&kg, NodeId(type, label), label, type));
    NodeProps& n = kg.graph[v.back()];
    n.documents = {"large.txt"};
    for (uint32_t m = 0; m < 2; ++m) {
      n.mentions.push_back(MakeSpan("large.txt", 1000 * m, 1000 * m + 17, label));
    }
  }
  uint32_t x = 99;
  auto next = [&x](uint32_t n) {
    x = x * 1103515245u + 12345u;
    return (x >> 16) % n;
  };
  const auto n = static_cast<uint32_t>(nodes);
  for (uint32_t i = 0; i < 2 * n; ++i) {
    const uint32_t a = next(n);
    const uint32_t b = (a + 1 + next(20)) % n;  // mostly local: a graph with structure
    const bool cooc = i % 2 == 1;
    AddEdge(&kg, v[a], v[b], cooc ? "co_occurs" : "attended", 1 + next(3),
            {MakeSpan("large.txt", 40, 140,
                      "A sentence of about a hundred characters that names both of the "
                      "entities, as reports do.")},
            "", cooc);
  }
  return kg;
}

std::string DataBlock(const std::string& html) {
  const size_t open = html.find(kDataOpen);
  if (open == std::string::npos) return {};
  const size_t start = open + kDataOpen.size();
  const size_t close = html.find("</script>", start);
  if (close == std::string::npos) return {};
  return html.substr(start, close - start);
}

nlohmann::json ParseData(const std::string& html) {
  return nlohmann::json::parse(DataBlock(html));  // \u003c and friends are JSON escapes
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(HtmlViewerTest, LoadsNothingFromTheNetwork) {
  const std::string html = ToHtml(NastyGraph());
  // No attribute that loads anything from elsewhere, absolute or protocol-relative.
  const std::regex external(R"((src|href|action|srcset)\s*=\s*["']?\s*(https?:)?//)",
                            std::regex::icase);
  EXPECT_FALSE(std::regex_search(html, external));
  EXPECT_EQ(html.find("@import"), std::string::npos);
  // The browser is told to refuse any request anyway.
  EXPECT_NE(html.find("content=\"default-src 'none'; script-src 'unsafe-inline'"),
            std::string::npos);
  // Exactly the three inline scripts of the template, none with a src.
  EXPECT_EQ(Count(html, "<script"), 3u);
  EXPECT_EQ(Count(html, "</script"), 3u);
  EXPECT_EQ(html.find("<script src"), std::string::npos);
}

TEST(HtmlViewerTest, HoldsTheLibraryAndItsLicence) {
  const std::string html = ToHtml(KnowledgeGraph{});
  const size_t licence = html.find("<!-- cytoscape.js 3.34.4 (https://js.cytoscape.org/)");
  ASSERT_NE(licence, std::string::npos);
  const size_t copyright = html.find("Copyright (c) 2016-2026, The Cytoscape Consortium.");
  ASSERT_NE(copyright, std::string::npos);
  EXPECT_GT(copyright, licence);
  EXPECT_NE(html.find("THE SOFTWARE IS PROVIDED \xE2\x80\x9C"
                      "AS IS\xE2\x80\x9D"),
            std::string::npos);
  EXPECT_NE(html.find("-->", copyright), std::string::npos);
  // The minified library itself, and the viewer script after the data.
  EXPECT_NE(html.find("cytoscape"), std::string::npos);
  EXPECT_GT(html.size(), 400000u);
  EXPECT_GT(html.find("window.kgViewer"), html.find(std::string(kDataOpen)));
  EXPECT_EQ(html.find("@KG_"), std::string::npos);  // every placeholder filled
}

TEST(HtmlViewerTest, DataBlockHoldsNastyNamesUnchanged) {
  const KnowledgeGraph kg = NastyGraph();
  const std::string html = ToHtml(kg);
  const std::string block = DataBlock(html);
  ASSERT_FALSE(block.empty());
  EXPECT_EQ(block.find_first_of("<>&"), std::string::npos);
  EXPECT_NE(block.find("\\u003c/script\\u003e\\u003cscript\\u003e"), std::string::npos);

  const nlohmann::json data = nlohmann::json::parse(block);
  const std::vector<std::string>& names = NastyNames();
  ASSERT_EQ(data["nodes"].size(), names.size());
  ASSERT_EQ(data["edges"].size(), names.size() + 2);
  for (size_t i = 0; i < names.size(); ++i) {
    const nlohmann::json& n = data["nodes"][i];
    EXPECT_EQ(n["label"], names[i]);
    EXPECT_EQ(n["aliases"], nlohmann::json::array({"alias " + names[i]}));
    EXPECT_EQ(n["mentions"][0]["text"], names[i] + " was there.");
    EXPECT_EQ(n["mentions"][0]["start"], 10 * i);
    EXPECT_EQ(n["mentions"][0]["end"], 10 * i + 7);
    EXPECT_EQ(n["id"], kg.graph[i].id);
    EXPECT_EQ(n["metrics"]["degree"], static_cast<int>(i));
  }
  const nlohmann::json& first = data["nodes"][0];
  EXPECT_EQ(first["narrator"], true);
  EXPECT_EQ(first["mentions"][1], (nlohmann::json{{"doc", "\xD7\x93\xD7\x95\xD7\x97.txt"},
                                                  {"start", 500},
                                                  {"end", 512},
                                                  {"text", "</script> again"}}));
  EXPECT_EQ(first["metrics"]["weighted_degree"], 0.1 + 0.2);
  EXPECT_EQ(first["metrics"]["pagerank"], 1.0 / 3.0);
  EXPECT_EQ(data["nodes"][5]["subtype"], "city");
  EXPECT_EQ(data["nodes"][4]["kind"], "keynote");
  EXPECT_FALSE(data["nodes"][1].contains("narrator"));

  const nlohmann::json& parallel = data["edges"][names.size() - 1];
  EXPECT_EQ(parallel["source"], kg.graph[0].id);
  EXPECT_EQ(parallel["target"], kg.graph[1].id);
  EXPECT_EQ(parallel["relation"], "affiliated_with");
  EXPECT_EQ(parallel["role"], "host & \"chair\"");
  EXPECT_EQ(parallel["weight"], 0.1 + 0.2);
  EXPECT_EQ(parallel["symmetric"], false);
  const nlohmann::json& cooc = data["edges"][names.size() + 1];
  EXPECT_EQ(cooc["relation"], "co_occurs");
  EXPECT_EQ(cooc["symmetric"], true);
  EXPECT_EQ(cooc["weight"], 4.0);
  EXPECT_EQ(cooc["evidence"][0]["text"], "</script><!-- <b>co</b> -->");
  EXPECT_EQ(data["edges"][0]["relation"], "rel<0>&");
  EXPECT_EQ(data["edges"][0]["evidence"][0]["text"], names[0] + " met " + names[1]);

  EXPECT_EQ(data["graph"]["documents"], nlohmann::json(kg.documents));
  EXPECT_EQ(data["graph"]["generator"], kg.generator);
}

TEST(HtmlViewerTest, PassesTheTypeColoursOfStyle) {
  const nlohmann::json data = ParseData(ToHtml(KnowledgeGraph{}));
  ASSERT_EQ(data["graph"]["types"].size(), NodeTypes(KnowledgeGraph{}).size());
  for (size_t i = 0; i < NodeTypes(KnowledgeGraph{}).size(); ++i) {
    EXPECT_EQ(data["graph"]["types"][i]["type"], NodeTypes(KnowledgeGraph{})[i]);
    EXPECT_EQ(data["graph"]["types"][i]["color"],
              std::string(TypeColor(KnowledgeGraph{}, NodeTypes(KnowledgeGraph{})[i])));
  }
  EXPECT_EQ(data["graph"]["types"][0]["color"], "#0072B2");
  EXPECT_EQ(data["graph"]["default_color"], "#999999");
}

TEST(HtmlViewerTest, TitleNamesTheDocumentsEscaped) {
  const std::string html = ToHtml(NastyGraph());
  EXPECT_NE(html.find("<title>kgextract: report &lt;1&gt; &amp; &quot;quotes&quot;.txt, "
                      "\xD7\x93\xD7\x95\xD7\x97.txt</title>"),
            std::string::npos);
  EXPECT_NE(html.find(R"(<meta name="generator" content="kgextract 0.1.0 &lt;test&gt; &amp; )"
                      R"(&quot;friends&quot;">)"),
            std::string::npos);

  KnowledgeGraph many;
  many.documents = {"a.txt", "b.txt", "c.txt", "d.txt", "e.txt"};
  EXPECT_NE(ToHtml(many).find("<title>kgextract: a.txt, b.txt, c.txt and 2 more</title>"),
            std::string::npos);
}

TEST(HtmlViewerTest, EmptyGraphGivesAPageWithEmptyData) {
  const std::string html = ToHtml(KnowledgeGraph{});
  EXPECT_NE(html.find("<title>kgextract: no documents</title>"), std::string::npos);
  const nlohmann::json data = ParseData(html);
  EXPECT_EQ(data["nodes"], nlohmann::json::array());
  EXPECT_EQ(data["edges"], nlohmann::json::array());
  EXPECT_EQ(data["graph"]["documents"], nlohmann::json::array());
}

TEST(HtmlViewerTest, InvalidUtf8BecomesReplacementCharacters) {
  KnowledgeGraph kg;
  AddNode(&kg, "person:x", "bad \xFF byte", "PERSON");
  const nlohmann::json data = ParseData(ToHtml(kg));
  EXPECT_EQ(data["nodes"][0]["label"], "bad \xEF\xBF\xBD byte");
}

TEST(HtmlViewerTest, SmallGraphsAreLaidOutByThePage) {
  const nlohmann::json data = ParseData(ToHtml(LargeGraph(250)));
  EXPECT_EQ(data["graph"]["layout"], "browser");
  EXPECT_FALSE(data["nodes"][0].contains("x"));
}

TEST(HtmlViewerTest, LargeGraphsComeWithPositions) {
  const nlohmann::json data = ParseData(ToHtml(LargeGraph(251)));
  EXPECT_EQ(data["graph"]["layout"], "positions");
  ASSERT_EQ(data["nodes"].size(), 251u);
  std::set<std::pair<double, double>> distinct;
  for (const nlohmann::json& n : data["nodes"]) {
    ASSERT_TRUE(n["x"].is_number()) << n["id"];
    ASSERT_TRUE(n["y"].is_number()) << n["id"];
    const double x = n["x"], y = n["y"];
    // Inside the layout's square (positions are rounded to 0.1).
    EXPECT_LE(std::abs(x), 40.0 * std::sqrt(251.0) + 0.05) << n["id"];
    EXPECT_LE(std::abs(y), 40.0 * std::sqrt(251.0) + 0.05) << n["id"];
    distinct.insert({x, y});
  }
  EXPECT_EQ(distinct.size(), 251u);
}

TEST(HtmlViewerTest, ListsAreCappedAtWhatThePanelShowsWithTheirTrueCounts) {
  KnowledgeGraph kg;
  auto city = AddNode(&kg, "place:lisbon", "Lisbon", "PLACE");
  auto person = AddNode(&kg, "person:ana", "Ana", "PERSON");
  std::vector<Span> evidence;
  for (uint32_t i = 0; i < 250; ++i) {
    const std::string doc = "report-" + std::to_string(1000 + i) + ".txt";
    kg.graph[city].documents.push_back(doc);
    kg.graph[city].mentions.push_back(MakeSpan(doc, i, i + 6, "Lisbon"));
    evidence.push_back(MakeSpan(doc, 0, 17, "Ana is in Lisbon."));
  }
  AddEdge(&kg, person, city, "from", 250, evidence);
  const nlohmann::json data = ParseData(ToHtml(kg));
  const nlohmann::json& lisbon = data["nodes"][0];
  EXPECT_EQ(lisbon["mentions"].size(), 200u);
  EXPECT_EQ(lisbon["mention_count"], 250);
  EXPECT_EQ(lisbon["documents"].size(), 200u);
  EXPECT_EQ(lisbon["document_count"], 250);
  EXPECT_EQ(lisbon["documents"][199], "report-1199.txt");  // the first 200, in order
  EXPECT_EQ(data["nodes"][1]["mention_count"], 0);
  EXPECT_EQ(data["edges"][0]["evidence"].size(), 200u);
  EXPECT_EQ(data["edges"][0]["evidence_count"], 250);
}

TEST(HtmlViewerTest, IsDeterministic) {
  const std::string a = ToHtml(NastyGraph());
  const std::string b = ToHtml(NastyGraph());
  EXPECT_EQ(a, b);
  EXPECT_EQ(ToHtml(MidGraph()), ToHtml(MidGraph()));
  EXPECT_EQ(ToHtml(LargeGraph(300)), ToHtml(LargeGraph(300)));  // with computed positions
}

// Writes the pages that tests/js/viewer_test.mjs opens in Chromium (tests/viewer_tests.cmake
// passes it the counts asserted here).
TEST(HtmlViewerFixture, WritesNastyMidAndLargePages) {
  const char* env = std::getenv("KG_VIEWER_FIXTURE_DIR");
  const std::filesystem::path dir =
      env && *env ? std::filesystem::path(env) : std::filesystem::path(testing::TempDir());
  std::filesystem::create_directories(dir);
  const KnowledgeGraph nasty = NastyGraph();
  const KnowledgeGraph mid = MidGraph();
  const KnowledgeGraph large = LargeGraph(1000);
  ASSERT_EQ(boost::num_vertices(nasty.graph), 21u);
  ASSERT_EQ(boost::num_edges(nasty.graph), 23u);
  ASSERT_EQ(boost::num_vertices(mid.graph), 60u);
  ASSERT_EQ(boost::num_edges(mid.graph), 100u);
  ASSERT_EQ(boost::num_vertices(large.graph), 1000u);
  ASSERT_EQ(boost::num_edges(large.graph), 2000u);
  for (const auto& [name, graph] : {std::pair{"nasty.html", &nasty}, std::pair{"mid.html", &mid},
                                    std::pair{"large.html", &large}}) {
    std::ofstream out(dir / name, std::ios::binary);
    out << ToHtml(*graph);
    ASSERT_TRUE(out.good()) << (dir / name);
  }
}

}  // namespace
}  // namespace kg

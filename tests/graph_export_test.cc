// Tests for graph/export_json.cc and graph/export_graphml.cc.
//
// (The awkward-name round trips through real readers are in graph_formats_test.cc.)
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "graph/export.h"
#include "tests/graph_builders.h"

namespace kg {
namespace {

// Two nodes; two parallel edges one way and one edge back.
KnowledgeGraph TwoNodeGraph() {
  KnowledgeGraph kg;
  kg.generator = "kgextract 0.1.0";
  kg.rules_fingerprint = "sha256:0123";
  kg.documents = {"report.txt"};
  auto jay = AddNode(&kg, "person:jay-miller", "Jay Miller", "PERSON");
  kg.graph[jay].aliases = {"Jay"};
  kg.graph[jay].narrator = true;
  kg.graph[jay].documents = {"report.txt"};
  kg.graph[jay].mentions = {MakeSpan("report.txt", 0, 10, "Jay Miller", "gazetteer:given_names")};
  auto talk = AddNode(&kg, "talk:packaging", "Packaging", "TALK");
  kg.graph[talk].kind = "keynote";
  kg.graph[talk].documents = {"report.txt"};
  AddEdge(&kg, jay, talk, "speaker_of", 2,
          {MakeSpan("report.txt", 0, 31, "Jay Miller gave the keynote.", "speaker_of:gave"),
           MakeSpan("report.txt", 40, 52, "Jay spoke.", "speaker_of:spoke")});
  AddEdge(&kg, jay, talk, "affiliated_with", 0.1 + 0.2, {}, "host");
  AddEdge(&kg, talk, jay, "co_occurs", 1,
          {MakeSpan("report.txt", 0, 31, "Jay Miller gave the keynote.", "co_occurs")}, "",
          /*symmetric=*/true);
  return kg;
}

// --- JSON -------------------------------------------------------------------------------------

TEST(NodeLinkJsonTest, ExactCompactTextForATwoNodeGraph) {
  const std::string expected =
      R"({"directed":true,"multigraph":true,)"
      R"("graph":{"generator":"kgextract 0.1.0","rules":"sha256:0123","documents":["report.txt"]},)"
      R"("nodes":[)"
      R"({"id":"person:jay-miller","label":"Jay Miller","type":"PERSON","aliases":["Jay"],)"
      R"("narrator":true,"documents":["report.txt"],"degree":0,"weighted_degree":0.0,)"
      R"("betweenness":0.0,"pagerank":0.0,"component":0,"community":0,)"
      R"("mentions":[{"doc":"report.txt","start":0,)"
      R"("end":10,"text":"Jay Miller","rule":"gazetteer:given_names"}]},)"
      R"({"id":"talk:packaging","label":"Packaging","type":"TALK","kind":"keynote","aliases":[],)"
      R"("documents":["report.txt"],"degree":0,"weighted_degree":0.0,"betweenness":0.0,)"
      R"("pagerank":0.0,"component":0,"community":0,"mentions":[]}],)"
      R"("links":[)"
      R"({"source":"person:jay-miller","target":"talk:packaging","key":0,"relation":"speaker_of",)"
      R"("weight":2.0,"evidence":[)"
      R"({"doc":"report.txt","start":0,"end":31,"text":"Jay Miller gave the keynote.",)"
      R"("rule":"speaker_of:gave"},)"
      R"({"doc":"report.txt","start":40,"end":52,"text":"Jay spoke.","rule":"speaker_of:spoke"}]},)"
      R"({"source":"person:jay-miller","target":"talk:packaging","key":1,)"
      R"("relation":"affiliated_with","role":"host","weight":0.30000000000000004,"evidence":[]},)"
      R"({"source":"talk:packaging","target":"person:jay-miller","key":0,"relation":"co_occurs",)"
      R"("weight":1.0,"symmetric":true,"evidence":[{"doc":"report.txt","start":0,"end":31,)"
      R"("text":"Jay Miller gave the keynote.","rule":"co_occurs"}]}]})"
      "\n";
  EXPECT_EQ(ToNodeLinkJson(TwoNodeGraph()), expected);
}

TEST(NodeLinkJsonTest, PrettyIsTheSameDocumentIndentedByTwo) {
  const KnowledgeGraph kg = TwoNodeGraph();
  const std::string compact = ToNodeLinkJson(kg);
  const std::string pretty = ToNodeLinkJson(kg, /*pretty=*/true);
  EXPECT_EQ(pretty.rfind("{\n  \"directed\": true,\n  \"multigraph\": true,\n", 0), 0u) << pretty;
  EXPECT_EQ(pretty.back(), '\n');
  EXPECT_EQ(nlohmann::json::parse(pretty), nlohmann::json::parse(compact));
  EXPECT_EQ(compact.find('\n'), compact.size() - 1);  // one line
}

TEST(NodeLinkJsonTest, NonFiniteNumbersAreNullInBothForms) {
  KnowledgeGraph kg = TwoNodeGraph();
  auto [edge, found] = boost::edge(0, 1, kg.graph);
  ASSERT_TRUE(found);
  kg.graph[edge].weight = std::numeric_limits<double>::quiet_NaN();
  kg.graph[0].pagerank = std::numeric_limits<double>::infinity();
  const std::string compact = ToNodeLinkJson(kg);
  const nlohmann::json parsed = nlohmann::json::parse(compact);  // throws on "nan" or "inf"
  EXPECT_TRUE(parsed["nodes"][0]["pagerank"].is_null());
  EXPECT_TRUE(parsed["links"][0]["weight"].is_null());
  EXPECT_EQ(parsed, nlohmann::json::parse(ToNodeLinkJson(kg, /*pretty=*/true)));
}

TEST(NodeLinkJsonTest, EmptyGraphStillHasEveryTopLevelKey) {
  KnowledgeGraph kg;
  EXPECT_EQ(ToNodeLinkJson(kg),
            R"({"directed":true,"multigraph":true,"graph":{"generator":"","rules":"",)"
            R"("documents":[]},"nodes":[],"links":[]})"
            "\n");
}

TEST(NodeLinkJsonTest, OutputIsDeterministic) {
  EXPECT_EQ(ToNodeLinkJson(TwoNodeGraph()), ToNodeLinkJson(TwoNodeGraph()));
  EXPECT_EQ(ToGraphML(TwoNodeGraph()), ToGraphML(TwoNodeGraph()));
}

// A corpus graph of several blocks of nodes (512 a block) and of links (2048 a block), with
// parallel edges spread over the blocks, so that their keys are numbered across them.
KnowledgeGraph ManyBlocksGraph() {
  KnowledgeGraph kg;
  kg.generator = "kgextract 0.1.0";
  kg.documents = {"a.txt", "b.txt"};
  const size_t n = 1300;
  for (size_t i = 0; i < n; ++i) {
    auto v = AddNode(&kg, "person:p" + std::to_string(i), "P " + std::to_string(i), "PERSON");
    kg.graph[v].documents = {i % 2 ? "a.txt" : "b.txt"};
    kg.graph[v].mentions = {MakeSpan(i % 2 ? "a.txt" : "b.txt", static_cast<uint32_t>(i),
                                     static_cast<uint32_t>(i + 3), "P \"x\"", "gazetteer:x")};
    kg.graph[v].betweenness = 0.1 * static_cast<double>(i);
  }
  for (size_t i = 0; i < 5000; ++i) {
    AddEdge(&kg, i % n, (i % n) * 7 % 11, "met", 1.0 + static_cast<double>(i % 3),
            {MakeSpan("a.txt", 1, 2, "met", "met:x")});
  }
  return kg;
}

TEST(NodeLinkJsonTest, CompactBytesAreTheSameForAnyThreadCountOverManyBlocks) {
  const KnowledgeGraph kg = ManyBlocksGraph();
  const std::string one = ToNodeLinkJson(kg, false, 1);
  EXPECT_EQ(one, ToNodeLinkJson(kg, false, 2));
  EXPECT_EQ(one, ToNodeLinkJson(kg, false, 3));
  // The same document as nlohmann's DOM gives (the pretty form), parallel edge keys included.
  const nlohmann::json parsed = nlohmann::json::parse(one);
  EXPECT_EQ(parsed, nlohmann::json::parse(ToNodeLinkJson(kg, /*pretty=*/true)));
  ASSERT_EQ(parsed["nodes"].size(), 1300u);
  ASSERT_EQ(parsed["links"].size(), 5000u);
  int largest_key = 0;
  for (const auto& link : parsed["links"])
    largest_key = std::max(largest_key, link["key"].get<int>());
  EXPECT_GT(largest_key, 0);
}

TEST(NodeLinkJsonTest, WriteHandsTheSameBytesInOrderedPieces) {
  const KnowledgeGraph kg = ManyBlocksGraph();
  for (int threads : {1, 2}) {
    std::string joined;
    size_t pieces = 0;
    EXPECT_TRUE(WriteNodeLinkJson(kg, false, threads, [&](std::string_view piece) {
      joined += piece;
      ++pieces;
      return true;
    }));
    EXPECT_EQ(joined, ToNodeLinkJson(kg)) << "threads " << threads;
    // Head, 3 blocks of nodes, the separator, 3 blocks of links, the tail: never all at once.
    EXPECT_EQ(pieces, 9u) << "threads " << threads;
  }
}

TEST(NodeLinkJsonTest, WriteStopsAtTheFirstFailedPiece) {
  const KnowledgeGraph kg = ManyBlocksGraph();
  for (int threads : {1, 2}) {
    size_t calls = 0;
    EXPECT_FALSE(WriteNodeLinkJson(kg, false, threads, [&](std::string_view) {
      return ++calls < 2;  // the second piece (the first block of nodes) fails
    }));
    EXPECT_EQ(calls, 2u) << "threads " << threads;
  }
}

TEST(NodeLinkJsonTest, EscapesTextAndReplacesInvalidUtf8InsteadOfThrowing) {
  KnowledgeGraph kg;
  AddNode(&kg, "person:x", "Say \"hi\"\n\\ \x01 \xF0\x9F\x90\x8D \xFF", "PERSON");
  std::string json;
  ASSERT_NO_THROW(json = ToNodeLinkJson(kg));
  EXPECT_NE(json.find(R"("label":"Say \"hi\"\n\\ \u0001 🐍 )"
                      "\xEF\xBF\xBD\""),
            std::string::npos)
      << json;
}

// The writer passes over 8 bytes at a time that need no escape: a byte that needs one, at any
// place in a longer label, is still escaped as nlohmann escapes it.
TEST(NodeLinkJsonTest, EscapesEveryAsciiByteWhereverItStands) {
  for (int b = 0; b < 0x80; ++b) {
    for (size_t at : {0, 5, 7, 8, 9, 15, 16, 20}) {
      std::string label = "Twenty-one characters";
      label[at] = static_cast<char>(b);
      KnowledgeGraph kg;
      AddNode(&kg, "person:x", label, "PERSON");
      const std::string json = ToNodeLinkJson(kg);
      const std::string want = "\"label\":" + nlohmann::json(label).dump();
      ASSERT_NE(json.find(want), std::string::npos) << "byte " << b << " at " << at << ": " << json;
    }
  }
}

// --- GraphML ----------------------------------------------------------------------------------

constexpr char kGraphMLHeader[] =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="n_label" for="node" attr.name="label" attr.type="string"/>
  <key id="n_type" for="node" attr.name="type" attr.type="string"/>
  <key id="n_subtype" for="node" attr.name="subtype" attr.type="string"/>
  <key id="n_kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="n_narrator" for="node" attr.name="narrator" attr.type="boolean"/>
  <key id="n_aliases" for="node" attr.name="aliases" attr.type="string"/>
  <key id="n_documents" for="node" attr.name="documents" attr.type="string"/>
  <key id="n_mentions" for="node" attr.name="mentions" attr.type="int"/>
  <key id="n_degree" for="node" attr.name="degree" attr.type="int"/>
  <key id="n_weighted_degree" for="node" attr.name="weighted_degree" attr.type="double"/>
  <key id="n_betweenness" for="node" attr.name="betweenness" attr.type="double"/>
  <key id="n_pagerank" for="node" attr.name="pagerank" attr.type="double"/>
  <key id="n_component" for="node" attr.name="component" attr.type="int"/>
  <key id="n_community" for="node" attr.name="community" attr.type="int"/>
  <key id="n_node_id" for="node" attr.name="node_id" attr.type="string"/>
  <key id="e_relation" for="edge" attr.name="relation" attr.type="string"/>
  <key id="e_role" for="edge" attr.name="role" attr.type="string"/>
  <key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>
  <key id="e_symmetric" for="edge" attr.name="symmetric" attr.type="boolean"/>
  <key id="e_evidence" for="edge" attr.name="evidence" attr.type="string"/>
  <key id="e_evidence_count" for="edge" attr.name="evidence_count" attr.type="int"/>
  <key id="g_generator" for="graph" attr.name="generator" attr.type="string"/>
  <key id="g_rules" for="graph" attr.name="rules" attr.type="string"/>
  <key id="g_documents" for="graph" attr.name="documents" attr.type="string"/>
)";

TEST(GraphMLTest, ExactTextForATwoNodeGraph) {
  const std::string expected = std::string(kGraphMLHeader) +
                               R"(  <graph id="G" edgedefault="directed">
    <data key="g_generator">kgextract 0.1.0</data>
    <data key="g_rules">sha256:0123</data>
    <data key="g_documents">report.txt</data>
    <node id="person:jay-miller">
      <data key="n_label">Jay Miller</data>
      <data key="n_type">PERSON</data>
      <data key="n_narrator">true</data>
      <data key="n_aliases">Jay</data>
      <data key="n_documents">report.txt</data>
      <data key="n_mentions">1</data>
      <data key="n_degree">0</data>
      <data key="n_weighted_degree">0</data>
      <data key="n_betweenness">0</data>
      <data key="n_pagerank">0</data>
      <data key="n_component">0</data>
      <data key="n_community">0</data>
    </node>
    <node id="talk:packaging">
      <data key="n_label">Packaging</data>
      <data key="n_type">TALK</data>
      <data key="n_kind">keynote</data>
      <data key="n_narrator">false</data>
      <data key="n_documents">report.txt</data>
      <data key="n_mentions">0</data>
      <data key="n_degree">0</data>
      <data key="n_weighted_degree">0</data>
      <data key="n_betweenness">0</data>
      <data key="n_pagerank">0</data>
      <data key="n_component">0</data>
      <data key="n_community">0</data>
    </node>
    <edge id="e0" source="person:jay-miller" target="talk:packaging">
      <data key="e_relation">speaker_of</data>
      <data key="e_weight">2</data>
      <data key="e_symmetric">false</data>
      <data key="e_evidence">Jay Miller gave the keynote.</data>
      <data key="e_evidence_count">2</data>
    </edge>
    <edge id="e1" source="person:jay-miller" target="talk:packaging">
      <data key="e_relation">affiliated_with</data>
      <data key="e_role">host</data>
      <data key="e_weight">0.30000000000000004</data>
      <data key="e_symmetric">false</data>
      <data key="e_evidence_count">0</data>
    </edge>
    <edge id="e2" source="talk:packaging" target="person:jay-miller">
      <data key="e_relation">co_occurs</data>
      <data key="e_weight">1</data>
      <data key="e_symmetric">true</data>
      <data key="e_evidence">Jay Miller gave the keynote.</data>
      <data key="e_evidence_count">1</data>
    </edge>
  </graph>
</graphml>
)";
  EXPECT_EQ(ToGraphML(TwoNodeGraph()), expected);
}

TEST(GraphMLTest, EmptyGraphIsWellFormed) {
  EXPECT_EQ(ToGraphML(KnowledgeGraph()), std::string(kGraphMLHeader) +
                                             "  <graph id=\"G\" edgedefault=\"directed\">\n"
                                             "  </graph>\n</graphml>\n");
}

TEST(GraphMLTest, EscapesMarkupAndDropsCharactersXmlCannotHold) {
  KnowledgeGraph kg;
  // Quotes, &, <, >, a newline, a tab, a carriage return, C0 controls, U+FFFE, U+FFFF, an emoji
  // and a byte that is not UTF-8.
  auto v = AddNode(&kg, "person:x",
                   "Say \"hi\" & <bye> it's\nnew\x01\x0b\x1f\ttab\rcr \xEF\xBF\xBE\xEF\xBF\xBF"
                   "\xF0\x9F\x90\x8D \xFF!",
                   "PERSON");
  kg.graph[v].aliases = {"A|B", "<C>"};
  AddEdge(&kg, v, v, "met", 1, {MakeSpan("d", 0, 1, "\x02She said \"<b>\" & left.\x7f", "r")});
  const std::string xml = ToGraphML(kg);
  EXPECT_NE(xml.find("<data key=\"n_label\">Say &quot;hi&quot; &amp; &lt;bye&gt; it&apos;s\nnew"
                     "\ttab&#13;cr \xF0\x9F\x90\x8D \xEF\xBF\xBD!</data>"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<data key=\"n_aliases\">A|B|&lt;C&gt;</data>"), std::string::npos);
  // DEL (0x7f) is allowed in XML 1.0; the C0 control 0x02 is not.
  EXPECT_NE(xml.find("<data key=\"e_evidence\">She said &quot;&lt;b&gt;&quot; &amp; left.\x7f"
                     "</data>"),
            std::string::npos)
      << xml;
  // An evidence sentence of nothing but control characters gets no <data> at all.
  KnowledgeGraph only_controls;
  auto w = AddNode(&only_controls, "a:a", "\x01\x02", "A");
  AddEdge(&only_controls, w, w, "r", 1, {MakeSpan("d", 0, 1, "\x03", "r")});
  const std::string xml2 = ToGraphML(only_controls);
  EXPECT_EQ(xml2.find("n_label\">"), std::string::npos) << xml2;
  EXPECT_EQ(xml2.find("e_evidence\">"), std::string::npos) << xml2;
  EXPECT_NE(xml2.find("<data key=\"e_evidence_count\">1</data>"), std::string::npos) << xml2;

  for (char c : xml) {
    const auto u = static_cast<unsigned char>(c);
    EXPECT_TRUE(u >= 0x20 || c == '\n' || c == '\t') << "control byte " << int{u};
  }
  EXPECT_EQ(xml.find("\xEF\xBF\xBE"), std::string::npos);
  EXPECT_EQ(xml.find("\xEF\xBF\xBF"), std::string::npos);
}

TEST(GraphMLTest, NodeIdsThatAreNoXmlNamesAreEscapedAndKeptInNodeId) {
  KnowledgeGraph kg;
  auto plain = AddNode(&kg, "person:łukasz", "Łukasz", "PERSON");
  auto fancy = AddNode(&kg, "talk:\xF0\x9F\x90\x8D_x y\"&", "Snakes", "TALK");
  auto newer = AddNode(&kg, "person:ștefan", "Ștefan", "PERSON");  // U+0219: not XML 1.0 4th ed.
  auto empty = AddNode(&kg, "", "nothing", "PERSON");
  AddEdge(&kg, fancy, plain, "related_to", 1);
  AddEdge(&kg, newer, empty, "related_to", 1);
  const std::string xml = ToGraphML(kg);
  EXPECT_NE(xml.find("<node id=\"person:łukasz\">"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<node id=\"talk:_x1F40D__x005F_x_x0020_y_x0022__x0026_\">"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<data key=\"n_node_id\">talk:\xF0\x9F\x90\x8D_x y&quot;&amp;</data>"),
            std::string::npos);
  EXPECT_NE(xml.find("<node id=\"person:_x0219_tefan\">"), std::string::npos);
  EXPECT_NE(xml.find("<node id=\"_\">"), std::string::npos);
  EXPECT_NE(xml.find("<edge id=\"e0\" source=\"talk:_x1F40D__x005F_x_x0020_y_x0022__x0026_\" "
                     "target=\"person:łukasz\">"),
            std::string::npos);
  EXPECT_NE(xml.find("<edge id=\"e1\" source=\"person:_x0219_tefan\" target=\"_\">"),
            std::string::npos);
  // Only escaped nodes carry node_id, and not the empty id (no <data> for empty strings).
  size_t count = 0;
  for (size_t at = xml.find("key=\"n_node_id\">"); at != std::string::npos;
       at = xml.find("key=\"n_node_id\">", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 2u);
}

TEST(GraphMLTest, WeightsUseTheShortestRoundTripForm) {
  KnowledgeGraph kg;
  auto a = AddNode(&kg, "a:a", "a", "A");
  const double weights[] = {1, 2.5, 0.1, 1e21, 1e-7, 123456789012345680.0};
  for (double w : weights) AddEdge(&kg, a, a, "r", w);
  const std::string xml = ToGraphML(kg);
  for (const char* text : {">1<", ">2.5<", ">0.1<", ">1e+21<", ">1e-07<", ">123456789012345680<"}) {
    EXPECT_NE(xml.find(std::string("<data key=\"e_weight\"") + text), std::string::npos)
        << text << "\n"
        << xml;
  }
}

}  // namespace
}  // namespace kg

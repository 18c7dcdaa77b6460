// Tests for graph/export_gexf.cc, graph/export_csv.cc, graph/export_dot.cc and the analytics
// keys of graph/export_graphml.cc.
//
// The last test (FormatFixtureFiles) writes one awkward graph in every format to
// $KG_FORMAT_FIXTURE_DIR for the reader tests of tests/format_tests.cmake:
// tests/roundtrip_readers.py (NetworkX, igraph, csv, Graphviz) and
// tests/js/roundtrip_graphology.mjs (graphology), which compare each file with the JSON.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "graph/export.h"
#include "tests/graph_builders.h"

namespace kg {
namespace {

void SetMetrics(KnowledgeGraph* kg, Graph::vertex_descriptor v, int degree, double weighted,
                double betweenness, double pagerank, int component, int community) {
  NodeProps& n = kg->graph[v];
  n.degree = degree;
  n.weighted_degree = weighted;
  n.betweenness = betweenness;
  n.pagerank = pagerank;
  n.component = component;
  n.community = community;
}

// A person and a talk with two parallel edges one way (one with a role) and a symmetric
// co-occurrence back, and a place without edges. Metrics are set by hand so that the exact
// texts do not depend on graph/metrics.cc.
KnowledgeGraph TinyGraph() {
  KnowledgeGraph kg;
  kg.generator = "kgextract 0.1.0";
  kg.rules_fingerprint = "sha256:0123";
  kg.documents = {"report.txt"};
  auto jay = AddNode(&kg, "person:jay-miller", "Jay Miller", "PERSON");
  kg.graph[jay].aliases = {"Jay"};
  kg.graph[jay].narrator = true;
  kg.graph[jay].documents = {"report.txt"};
  kg.graph[jay].mentions = {MakeSpan("report.txt", 0, 10, "Jay Miller", "given")};
  auto talk = AddNode(&kg, "talk:packaging", "Packaging", "TALK");
  kg.graph[talk].kind = "keynote";
  kg.graph[talk].documents = {"report.txt"};
  auto lodz = AddNode(&kg, "place:łódź", "Łódź", "PLACE");
  kg.graph[lodz].subtype = "city";
  AddEdge(&kg, jay, talk, "speaker_of", 2.6,
          {MakeSpan("report.txt", 0, 40, "Jay Miller gave the keynote, \"Packaging\".", "gave"),
           MakeSpan("report.txt", 41, 51, "Jay spoke.", "spoke")});
  AddEdge(&kg, jay, talk, "affiliated_with", 0.5, {}, "host");
  AddEdge(&kg, talk, jay, "co_occurs", 1, {MakeSpan("report.txt", 41, 51, "Jay spoke.", "co")}, "",
          /*symmetric=*/true);
  SetMetrics(&kg, jay, 3, 4.1, 0, 0.5, 0, 0);
  SetMetrics(&kg, talk, 3, 4.1, 0, 0.4, 0, 0);
  SetMetrics(&kg, lodz, 0, 0, 0, 0.1, 1, 1);
  return kg;
}

// --- CSV --------------------------------------------------------------------------------------

TEST(CsvTest, ExactNodesFile) {
  EXPECT_EQ(ToCsvNodes(TinyGraph()),
            "Id,Label,:ID,:LABEL,type,subtype,kind,narrator:boolean,aliases,documents,"
            "mentions:int,degree:int,weighted_degree:double,betweenness:double,pagerank:double,"
            "component:int,community:int\r\n"
            "person:jay-miller,Jay Miller,person:jay-miller,PERSON,PERSON,,,true,Jay,report.txt,"
            "1,3,4.1,0,0.5,0,0\r\n"
            "talk:packaging,Packaging,talk:packaging,TALK,TALK,,keynote,false,,report.txt,"
            "0,3,4.1,0,0.4,0,0\r\n"
            "place:łódź,Łódź,place:łódź,PLACE,PLACE,city,,false,,,0,0,0,0,0.1,1,1\r\n");
}

TEST(CsvTest, ExactEdgesFile) {
  EXPECT_EQ(ToCsvEdges(TinyGraph()),
            "Source,Target,Type,Kind,Label,Weight,Id,:START_ID,:END_ID,:TYPE,relation,role,"
            "weight:double,symmetric:boolean,evidence,evidence_count:int\r\n"
            "person:jay-miller,talk:packaging,Directed,speaker_of,speaker_of,2.6,e0,"
            "person:jay-miller,talk:packaging,speaker_of,speaker_of,,2.6,false,"
            "\"Jay Miller gave the keynote, \"\"Packaging\"\".\",2\r\n"
            "person:jay-miller,talk:packaging,Directed,affiliated_with (host),"
            "affiliated_with (host),0.5,e1,person:jay-miller,talk:packaging,affiliated_with,"
            "affiliated_with,host,0.5,false,,0\r\n"
            "talk:packaging,person:jay-miller,Undirected,co_occurs,co_occurs,1,e2,"
            "talk:packaging,person:jay-miller,co_occurs,co_occurs,,1,true,Jay spoke.,1\r\n");
}

TEST(CsvTest, EmptyGraphIsTheHeadersAlone) {
  const std::string nodes = ToCsvNodes(KnowledgeGraph());
  const std::string edges = ToCsvEdges(KnowledgeGraph());
  EXPECT_EQ(nodes.find("\r\n"), nodes.size() - 2) << nodes;
  EXPECT_EQ(edges.find("\r\n"), edges.size() - 2) << edges;
  EXPECT_EQ(nodes.rfind("Id,Label,:ID,:LABEL,", 0), 0u);
  EXPECT_EQ(edges.rfind("Source,Target,Type,Kind,Label,Weight,Id,:START_ID,:END_ID,:TYPE,", 0), 0u);
}

TEST(CsvTest, QuotesFieldsWithCommasQuotesAndLineBreaksOnly) {
  KnowledgeGraph kg;
  AddNode(&kg, "a:1", "x, y", "A");
  AddNode(&kg, "a:2", "say \"hi\"", "A");
  AddNode(&kg, "a:3", "one\ntwo\rthree", "A");
  AddNode(&kg, "a:4", " tab\there; semi 😀 שלום ", "A");
  AddNode(&kg, "a:5", std::string("nul\0byte", 8), "A");
  AddNode(&kg, "a:6", "bad \xFF utf8", "A");
  const std::string csv = ToCsvNodes(kg);
  EXPECT_NE(csv.find("\r\na:1,\"x, y\",a:1,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\r\na:2,\"say \"\"hi\"\"\",a:2,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\r\na:3,\"one\ntwo\rthree\",a:3,"), std::string::npos) << csv;
  // Tabs, semicolons, spaces at the ends, emoji and right-to-left text need no quotes.
  EXPECT_NE(csv.find("\r\na:4, tab\there; semi 😀 שלום ,a:4,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\r\na:5,nulbyte,a:5,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\r\na:6,bad \xEF\xBF\xBD utf8,a:6,"), std::string::npos) << csv;
}

// --- DOT --------------------------------------------------------------------------------------

TEST(DotTest, ExactText) {
  EXPECT_EQ(ToDot(TinyGraph()),
            "digraph kgextract {\n"
            "  node [style=filled];\n"
            "  \"person:jay-miller\" [label=\"Jay Miller\", fillcolor=\"#0072B2\", "
            "type=\"PERSON\", narrator=\"true\", aliases=\"Jay\", documents=\"report.txt\", "
            "mentions=\"1\", degree=\"3\", weighted_degree=\"4.1\", betweenness=\"0\", "
            "pagerank=\"0.5\", component=\"0\", community=\"0\"];\n"
            "  \"talk:packaging\" [label=\"Packaging\", fillcolor=\"#D55E00\", type=\"TALK\", "
            "kind=\"keynote\", narrator=\"false\", documents=\"report.txt\", mentions=\"0\", "
            "degree=\"3\", weighted_degree=\"4.1\", betweenness=\"0\", pagerank=\"0.4\", "
            "component=\"0\", community=\"0\"];\n"
            "  \"place:łódź\" [label=\"Łódź\", fillcolor=\"#009E73\", type=\"PLACE\", "
            "subtype=\"city\", narrator=\"false\", mentions=\"0\", degree=\"0\", "
            "weighted_degree=\"0\", betweenness=\"0\", pagerank=\"0.1\", component=\"1\", "
            "community=\"1\"];\n"
            "  \"person:jay-miller\" -> \"talk:packaging\" [id=\"e0\", label=\"speaker_of\", "
            "weight=\"3\", kg_weight=\"2.6\", relation=\"speaker_of\", symmetric=\"false\", "
            "evidence=\"Jay Miller gave the keynote, \\\"Packaging\\\".\", "
            "evidence_count=\"2\"];\n"
            "  \"person:jay-miller\" -> \"talk:packaging\" [id=\"e1\", "
            "label=\"affiliated_with (host)\", weight=\"1\", kg_weight=\"0.5\", "
            "relation=\"affiliated_with\", role=\"host\", symmetric=\"false\", "
            "evidence_count=\"0\"];\n"
            "  \"talk:packaging\" -> \"person:jay-miller\" [id=\"e2\", label=\"co_occurs\", "
            "weight=\"1\", kg_weight=\"1\", relation=\"co_occurs\", symmetric=\"true\", "
            "evidence=\"Jay spoke.\", evidence_count=\"1\", dir=\"both\", color=\"gray\", "
            "style=\"dashed\"];\n"
            "}\n");
}

TEST(DotTest, EmptyGraph) {
  EXPECT_EQ(ToDot(KnowledgeGraph()), "digraph kgextract {\n  node [style=filled];\n}\n");
}

TEST(DotTest, EscapesQuotesBackslashesAndLineBreaksEverywhere) {
  KnowledgeGraph kg;
  auto a = AddNode(&kg, "org:say \"hi\"\\", "two\nlines\r\\N \"q\"", "ORG");
  auto b = AddNode(&kg, "node", "", "");  // a DOT keyword as id; an empty label stays empty
  AddEdge(&kg, a, b, "rel\"x", 1);
  const std::string dot = ToDot(kg);
  EXPECT_NE(dot.find("  \"org:say \\\"hi\\\"\\\\\" [label=\"two\\nlines\\r\\\\N \\\"q\\\"\", "
                     "fillcolor=\"#E69F00\", type=\"ORG\""),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find("  \"node\" [label=\"\", fillcolor=\"#999999\", narrator=\"false\""),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find("  \"org:say \\\"hi\\\"\\\\\" -> \"node\" [id=\"e0\", label=\"rel\\\"x\""),
            std::string::npos)
      << dot;
}

TEST(DotTest, DropsOnlyTheControlCharactersXmlCannotHold) {
  KnowledgeGraph kg;
  // "\x01" "a" is split so the escape does not swallow the 'a' (\x01a would be one char).
  const std::string id = std::string("a:\x01") + "a";
  const std::string label = std::string("C\x01\x0b") + "trl\ttab \xEF\xBF\xBE\xF0\x9F\x98\x80 \xFF";
  AddNode(&kg, id, label, "A");
  const std::string dot = ToDot(kg);
  // Graphviz copies labels into SVG, so what XML cannot hold is dropped; tabs and emoji stay.
  EXPECT_NE(dot.find("  \"a:a\" [label=\"Ctrl\ttab \xF0\x9F\x98\x80 \xEF\xBF\xBD\""),
            std::string::npos)
      << dot;
}

TEST(DotTest, LongValuesAreSplitIntoConcatenatedPiecesBetweenCharacters) {
  KnowledgeGraph kg;
  std::string label;
  for (int i = 0; i < 3000; ++i) label += "é\"";  // 12000 bytes written, 4 a repetition
  AddNode(&kg, "place:x", label, "PLACE");
  const std::string dot = ToDot(kg);
  const size_t start = dot.find("label=\"") + 7;
  const size_t end = dot.find("\", fillcolor=", start);
  ASSERT_NE(end, std::string::npos) << dot;
  const std::string written = dot.substr(start, end - start);
  // Cut twice, each time between whole characters and escapes; joined, the value is back.
  std::string joined;
  size_t pieces = 0;
  for (size_t at = 0;; ++pieces) {
    const size_t cut = written.find("\" + \"", at);
    const std::string piece = written.substr(at, cut - at);
    EXPECT_LE(piece.size(), 4096u + 2);
    joined += piece;
    if (cut == std::string::npos) break;
    at = cut + 5;
  }
  EXPECT_EQ(pieces, 2u);
  std::string expected;
  for (int i = 0; i < 3000; ++i) expected += "é\\\"";
  EXPECT_EQ(joined, expected);
}

TEST(DotTest, LayoutWeightIsAnIntegerFromOneToAHundred) {
  KnowledgeGraph kg;
  auto a = AddNode(&kg, "a:a", "a", "A");
  for (double w : {0.3, 1.49, 1.5, 99.6, 1e21}) AddEdge(&kg, a, a, "r", w);
  const std::string dot = ToDot(kg);
  for (const char* text : {"weight=\"1\", kg_weight=\"0.3\"", "weight=\"1\", kg_weight=\"1.49\"",
                           "weight=\"2\", kg_weight=\"1.5\"", "weight=\"100\", kg_weight=\"99.6\"",
                           "weight=\"100\", kg_weight=\"1e+21\""}) {
    EXPECT_NE(dot.find(text), std::string::npos) << text << "\n" << dot;
  }
}

// --- GEXF -------------------------------------------------------------------------------------

TEST(GexfTest, HeaderMetaAndDeclaredAttributes) {
  const std::string gexf = ToGexf(TinyGraph());
  const std::string head =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
      "version=\"1.3\">\n"
      "  <meta>\n"
      "    <creator>kgextract 0.1.0</creator>\n"
      "    <description>Knowledge graph of 1 document (report.txt); rules sha256:0123"
      "</description>\n"
      "  </meta>\n"
      "  <graph defaultedgetype=\"directed\" mode=\"static\">\n"
      "    <attributes class=\"node\" mode=\"static\">\n"
      "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
      "      <attribute id=\"subtype\" title=\"subtype\" type=\"string\"/>\n"
      "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
      "      <attribute id=\"narrator\" title=\"narrator\" type=\"boolean\"/>\n"
      "      <attribute id=\"aliases\" title=\"aliases\" type=\"string\"/>\n"
      "      <attribute id=\"documents\" title=\"documents\" type=\"string\"/>\n"
      "      <attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>\n"
      "      <attribute id=\"degree\" title=\"degree\" type=\"integer\"/>\n"
      "      <attribute id=\"weighted_degree\" title=\"weighted_degree\" type=\"double\"/>\n"
      "      <attribute id=\"betweenness\" title=\"betweenness\" type=\"double\"/>\n"
      "      <attribute id=\"pagerank\" title=\"pagerank\" type=\"double\"/>\n"
      "      <attribute id=\"component\" title=\"component\" type=\"integer\"/>\n"
      "      <attribute id=\"community\" title=\"community\" type=\"integer\"/>\n"
      "    </attributes>\n"
      "    <attributes class=\"edge\" mode=\"static\">\n"
      "      <attribute id=\"relation\" title=\"relation\" type=\"string\"/>\n"
      "      <attribute id=\"role\" title=\"role\" type=\"string\"/>\n"
      "      <attribute id=\"symmetric\" title=\"symmetric\" type=\"boolean\"/>\n"
      "      <attribute id=\"evidence\" title=\"evidence\" type=\"string\"/>\n"
      "      <attribute id=\"evidence_count\" title=\"evidence_count\" type=\"integer\"/>\n"
      "    </attributes>\n"
      "    <nodes count=\"3\">\n";
  EXPECT_EQ(gexf.substr(0, head.size()), head);
  EXPECT_EQ(gexf.find("schemaLocation"), std::string::npos);
  EXPECT_EQ(gexf.substr(gexf.size() - 46), "      </edge>\n    </edges>\n  </graph>\n</gexf>\n");
}

TEST(GexfTest, NodesHaveTypedValuesColourAndSize) {
  const std::string gexf = ToGexf(TinyGraph());
  // #0072B2 is (0, 114, 178); 10 + 5 * sqrt(4.1) = 20.124228...
  EXPECT_NE(gexf.find("      <node id=\"person:jay-miller\" label=\"Jay Miller\">\n"
                      "        <attvalues>\n"
                      "          <attvalue for=\"type\" value=\"PERSON\"/>\n"
                      "          <attvalue for=\"narrator\" value=\"true\"/>\n"
                      "          <attvalue for=\"aliases\" value=\"Jay\"/>\n"
                      "          <attvalue for=\"documents\" value=\"report.txt\"/>\n"
                      "          <attvalue for=\"mentions\" value=\"1\"/>\n"
                      "          <attvalue for=\"degree\" value=\"3\"/>\n"
                      "          <attvalue for=\"weighted_degree\" value=\"4.1\"/>\n"
                      "          <attvalue for=\"betweenness\" value=\"0\"/>\n"
                      "          <attvalue for=\"pagerank\" value=\"0.5\"/>\n"
                      "          <attvalue for=\"component\" value=\"0\"/>\n"
                      "          <attvalue for=\"community\" value=\"0\"/>\n"
                      "        </attvalues>\n"
                      "        <viz:color r=\"0\" g=\"114\" b=\"178\"/>\n"
                      "        <viz:size value=\"20.12422836565829\"/>\n"
                      "      </node>\n"),
            std::string::npos)
      << gexf;
  // The node without edges has the smallest size; TALK is #D55E00, PLACE #009E73.
  EXPECT_NE(gexf.find("        <viz:color r=\"0\" g=\"158\" b=\"115\"/>\n"
                      "        <viz:size value=\"10\"/>\n"),
            std::string::npos);
  EXPECT_NE(gexf.find("<viz:color r=\"213\" g=\"94\" b=\"0\"/>"), std::string::npos);
  EXPECT_NE(gexf.find("<attvalue for=\"subtype\" value=\"city\"/>"), std::string::npos);
  EXPECT_NE(gexf.find("<attvalue for=\"kind\" value=\"keynote\"/>"), std::string::npos);
}

TEST(GexfTest, EdgesHaveKindLabelWeightAndEvidence) {
  const std::string gexf = ToGexf(TinyGraph());
  EXPECT_NE(gexf.find("    <edges count=\"3\">\n"
                      "      <edge id=\"e0\" source=\"person:jay-miller\" "
                      "target=\"talk:packaging\" label=\"speaker_of\" kind=\"speaker_of\" "
                      "weight=\"2.6\">\n"
                      "        <attvalues>\n"
                      "          <attvalue for=\"relation\" value=\"speaker_of\"/>\n"
                      "          <attvalue for=\"symmetric\" value=\"false\"/>\n"
                      "          <attvalue for=\"evidence\" value=\"Jay Miller gave the keynote, "
                      "&quot;Packaging&quot;.\"/>\n"
                      "          <attvalue for=\"evidence_count\" value=\"2\"/>\n"
                      "        </attvalues>\n"
                      "      </edge>\n"),
            std::string::npos)
      << gexf;
  // A parallel edge with a role: Gephi keeps it apart by its kind.
  EXPECT_NE(gexf.find("<edge id=\"e1\" source=\"person:jay-miller\" target=\"talk:packaging\" "
                      "label=\"affiliated_with (host)\" kind=\"affiliated_with (host)\" "
                      "weight=\"0.5\">\n"
                      "        <attvalues>\n"
                      "          <attvalue for=\"relation\" value=\"affiliated_with\"/>\n"
                      "          <attvalue for=\"role\" value=\"host\"/>\n"),
            std::string::npos);
  EXPECT_NE(gexf.find("<attvalue for=\"symmetric\" value=\"true\"/>"), std::string::npos);
}

TEST(GexfTest, EmptyGraphHasEmptyNodesAndEdges) {
  KnowledgeGraph kg;
  const std::string gexf = ToGexf(kg);
  EXPECT_EQ(gexf.find("<creator>"), std::string::npos);  // no generator, no creator
  EXPECT_NE(gexf.find("<description>Knowledge graph of 0 documents</description>"),
            std::string::npos);
  EXPECT_NE(gexf.find("    <nodes count=\"0\">\n    </nodes>\n    <edges count=\"0\"/>\n"
                      "  </graph>\n</gexf>\n"),
            std::string::npos)
      << gexf;
}

TEST(GexfTest, EscapesMarkupAndDropsCharactersXmlCannotHold) {
  KnowledgeGraph kg;
  auto v = AddNode(&kg, "talk:\"q\" & <x>", "A \"b\" & <c> it's\nnew\ttab\x01\x0b end", "TALK");
  AddEdge(&kg, v, v, "r&d", 1, {MakeSpan("d", 0, 1, "\x02", "r")});
  const std::string gexf = ToGexf(kg);
  EXPECT_NE(gexf.find("<node id=\"talk:&quot;q&quot; &amp; &lt;x&gt;\" "
                      "label=\"A &quot;b&quot; &amp; &lt;c&gt; it&apos;s&#10;new&#9;tab end\">"),
            std::string::npos)
      << gexf;
  EXPECT_NE(gexf.find("label=\"r&amp;d\" kind=\"r&amp;d\""), std::string::npos);
  // Evidence of control characters only: no attvalue at all; the count stays.
  EXPECT_EQ(gexf.find("for=\"evidence\""), std::string::npos);
  EXPECT_NE(gexf.find("<attvalue for=\"evidence_count\" value=\"1\"/>"), std::string::npos);
  for (char c : gexf) {
    const auto u = static_cast<unsigned char>(c);
    EXPECT_TRUE(u >= 0x20 || c == '\n') << "control byte " << int{u};
  }
}

// --- GraphML analytics ------------------------------------------------------------------------

TEST(GraphMLMetricsTest, DeclaresAndWritesEveryMetric) {
  const std::string xml = ToGraphML(TinyGraph());
  for (const char* key :
       {"<key id=\"n_degree\" for=\"node\" attr.name=\"degree\" attr.type=\"int\"/>",
        "<key id=\"n_weighted_degree\" for=\"node\" attr.name=\"weighted_degree\" "
        "attr.type=\"double\"/>",
        "<key id=\"n_betweenness\" for=\"node\" attr.name=\"betweenness\" attr.type=\"double\"/>",
        "<key id=\"n_pagerank\" for=\"node\" attr.name=\"pagerank\" attr.type=\"double\"/>",
        "<key id=\"n_component\" for=\"node\" attr.name=\"component\" attr.type=\"int\"/>",
        "<key id=\"n_community\" for=\"node\" attr.name=\"community\" attr.type=\"int\"/>"}) {
    EXPECT_NE(xml.find(key), std::string::npos) << key;
  }
  EXPECT_NE(xml.find("      <data key=\"n_mentions\">0</data>\n"
                     "      <data key=\"n_degree\">0</data>\n"
                     "      <data key=\"n_weighted_degree\">0</data>\n"
                     "      <data key=\"n_betweenness\">0</data>\n"
                     "      <data key=\"n_pagerank\">0.1</data>\n"
                     "      <data key=\"n_component\">1</data>\n"
                     "      <data key=\"n_community\">1</data>\n"
                     "    </node>\n"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<data key=\"n_weighted_degree\">4.1</data>"), std::string::npos);
}

// --- All formats ------------------------------------------------------------------------------

TEST(FormatsTest, EveryFormatIsDeterministic) {
  const KnowledgeGraph a = TinyGraph();
  const KnowledgeGraph b = TinyGraph();
  EXPECT_EQ(ToGexf(a), ToGexf(b));
  EXPECT_EQ(ToCsvNodes(a), ToCsvNodes(b));
  EXPECT_EQ(ToCsvEdges(a), ToCsvEdges(b));
  EXPECT_EQ(ToDot(a), ToDot(b));
  EXPECT_EQ(ToGraphML(a), ToGraphML(b));
}

// --- document_counts of a corpus graph -------------------------------------------------------

// TinyGraph as a graph of two documents: Jay mentioned twice in report.txt and once in b.md.
KnowledgeGraph TinyCorpus() {
  KnowledgeGraph kg = TinyGraph();
  kg.documents = {"report.txt", "b.md"};
  kg.graph[0].mentions.push_back(MakeSpan("b.md", 3, 13, "Jay Miller", "given"));
  kg.graph[0].mentions.push_back(MakeSpan("report.txt", 60, 63, "Jay", "given"));
  return kg;
}

TEST(DocumentCountsTest, CorpusGraphMLDeclaresAndWritesThemAsCompactJson) {
  const std::string graphml = ToGraphML(TinyCorpus());
  EXPECT_NE(graphml.find("<key id=\"n_document_counts\" for=\"node\" "
                         "attr.name=\"document_counts\" attr.type=\"string\"/>"),
            std::string::npos);
  EXPECT_NE(graphml.find("<key id=\"e_document_counts\" for=\"edge\" "
                         "attr.name=\"document_counts\" attr.type=\"string\"/>"),
            std::string::npos);
  EXPECT_NE(graphml.find("<data key=\"n_document_counts\">{&quot;b.md&quot;:1,"
                         "&quot;report.txt&quot;:2}</data>"),
            std::string::npos);
  EXPECT_NE(graphml.find("<data key=\"e_document_counts\">{&quot;report.txt&quot;:2}</data>"),
            std::string::npos);
}

TEST(DocumentCountsTest, CorpusGexfDeclaresAndWritesThemAsCompactJson) {
  const std::string gexf = ToGexf(TinyCorpus());
  EXPECT_NE(gexf.find("<attribute id=\"document_counts\" title=\"document_counts\" "
                      "type=\"string\"/>"),
            std::string::npos);
  EXPECT_NE(gexf.find("<attvalue for=\"document_counts\" "
                      "value=\"{&quot;b.md&quot;:1,&quot;report.txt&quot;:2}\"/>"),
            std::string::npos);
}

TEST(DocumentCountsTest, CorpusCsvHasThemAsTheLastColumn) {
  const std::string nodes = ToCsvNodes(TinyCorpus());
  EXPECT_NE(nodes.find(",community:int,document_counts\r\n"), std::string::npos);
  EXPECT_NE(nodes.find(",0,0,\"{\"\"b.md\"\":1,\"\"report.txt\"\":2}\"\r\n"), std::string::npos);
  const std::string edges = ToCsvEdges(TinyCorpus());
  EXPECT_NE(edges.find(",evidence_count:int,document_counts\r\n"), std::string::npos);
}

TEST(DocumentCountsTest, SingleDocumentGraphsDoNotDeclareThem) {
  for (const std::string& out : {ToGraphML(TinyGraph()), ToGexf(TinyGraph()),
                                 ToCsvNodes(TinyGraph()), ToCsvEdges(TinyGraph())}) {
    EXPECT_EQ(out.find("document_counts"), std::string::npos) << out;
  }
}

// --- Files for the reader tests ---------------------------------------------------------------

// Names every format must carry unchanged: quotes, markup, separators, line breaks, emoji,
// right-to-left text, combining marks, names that look like numbers or booleans, and (for the
// XML formats to drop) C0 controls. Parallel edges, a symmetric edge, an edge with a role, one
// without evidence, one whose evidence is empty, a self-loop and a node without edges.
KnowledgeGraph NastyGraph() {
  KnowledgeGraph kg = MergeDocuments({}, "kgextract 0.1.0", "sha256:nasty");
  kg.documents = {"a & b.txt", "<c>.txt"};
  auto jay = AddNode(&kg, NodeId("PERSON", "Jay Miller"), "Jay Miller", "PERSON");
  kg.graph[jay].narrator = true;
  kg.graph[jay].aliases = {"Jay", "J|M", "J; M, \"JM\""};
  kg.graph[jay].documents = {"<c>.txt", "a & b.txt"};
  kg.graph[jay].mentions = {MakeSpan("a & b.txt", 0, 10, "Jay Miller", "given")};
  auto ada = AddNode(&kg, NodeId("PERSON", "Ada \"Countess\" O'Neil"),
                     "Ada \"Countess\" O'Neil, Jr.; \"the\" <b>first</b> & co", "PERSON");
  auto snake =
      AddNode(&kg, "talk:\xF0\x9F\x90\x8D-snakes", "\xF0\x9F\x98\x80 Snakes & <Ladders>", "TALK");
  kg.graph[snake].kind = "talk";
  const std::string ctl_name = std::string("Ctl\x01\x0b") + "Corp\nLine two\tTabbed\r\nCRLF";
  auto ctl = AddNode(&kg, NodeId("ORG", ctl_name), ctl_name, "ORG");
  auto arabic = AddNode(&kg, "place:مرحبا", "مرحبا بالعالم", "PLACE");
  kg.graph[arabic].subtype = "city";
  auto hebrew = AddNode(&kg, NodeId("ORG", "שלום"), "שלום עולם (ltd.)", "ORG");
  auto combining = AddNode(&kg, NodeId("PERSON", "Zoe\xCC\x81"), "Zoe\xCC\x81 Ste\xCC\x81phane",
                           "PERSON");  // e + U+0301
  auto stefan = AddNode(&kg, NodeId("PERSON", "Ștefan"), "Ștefan", "PERSON");
  auto year = AddNode(&kg, "1984", "1984", "EVENT");  // ids and labels that look like numbers
  auto nan = AddNode(&kg, "NaN", "NaN", "EVENT");
  AddNode(&kg, "event:3-14", "3.14", "EVENT");
  // A value longer than the 16384 bytes Graphviz's lexer takes in one quoted string: the
  // documents of an entity named in a thousand reports.
  auto busy = AddNode(&kg, "place:lisboa", "Lisboa", "PLACE");
  for (int i = 1000; i < 2000; ++i) {
    kg.graph[busy].documents.push_back("reports/Füße & <n> " + std::to_string(i) + ".txt");
  }
  AddNode(&kg, "event:-0", "-0", "EVENT");
  AddNode(&kg, "event:1e5", "1e5", "EVENT");
  AddNode(&kg, "event:0x1f", "0x1F", "EVENT");
  auto truth = AddNode(&kg, "true", "true", "EVENT");
  auto quote_id = AddNode(&kg, "org:quote\"back\\slash", "Back\\slash \"quoted\"", "ORG");
  auto lonely = AddNode(&kg, NodeId("PLACE", "Łódź"), "Łódź", "PLACE");  // no edges
  kg.graph[lonely].subtype = "city";

  AddEdge(&kg, jay, snake, "speaker_of", 2,
          {MakeSpan("a & b.txt", 0, 20, "Jay gave \"\xF0\x9F\x90\x8D\", & more,\nthen left.",
                    "speaker")});
  AddEdge(&kg, jay, snake, "co_occurs", 0.1 + 0.2, {}, "", /*symmetric=*/true);  // no evidence
  AddEdge(&kg, jay, snake, "affiliated_with", 1, {}, "host \"main\"");           // with a role
  AddEdge(&kg, snake, jay, "related_to", 1e-7);
  AddEdge(&kg, ada, ctl, "affiliated_with", 1, {MakeSpan("<c>.txt", 1, 2, "\x02", "r")}, "CEO");
  AddEdge(&kg, ada, hebrew, "met", 3, {MakeSpan("<c>.txt", 3, 3, "", "r")}, "",
          /*symmetric=*/true);  // empty evidence
  AddEdge(&kg, stefan, arabic, "located_in", 1e21);
  AddEdge(&kg, combining, year, "attended", 1.5);
  AddEdge(&kg, nan, truth, "related_to", 2.25);
  AddEdge(&kg, quote_id, quote_id, "self", 1);
  AnnotateMetrics(&kg);
  return kg;
}

void WriteFile(const std::filesystem::path& path, const std::string& text) {
  {
    std::ofstream out(path, std::ios::binary);
    out << text;
    ASSERT_TRUE(out.good()) << path;
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream back;
  back << in.rdbuf();
  EXPECT_EQ(back.str(), text) << path;
}

TEST(FormatFixtureFiles, WritesEveryFormatOfAnAwkwardGraph) {
  const char* env = std::getenv("KG_FORMAT_FIXTURE_DIR");
  const std::filesystem::path dir =
      (env != nullptr && *env != '\0')
          ? std::filesystem::path(env)
          : std::filesystem::path(::testing::TempDir()) / "kg_format_fixture";
  std::filesystem::create_directories(dir);
  const KnowledgeGraph kg = NastyGraph();
  const std::pair<const char*, std::string> files[] = {
      {"nasty.json", ToNodeLinkJson(kg, /*pretty=*/true)},
      {"nasty.graphml", ToGraphML(kg)},
      {"nasty.gexf", ToGexf(kg)},
      {"nasty.nodes.csv", ToCsvNodes(kg)},
      {"nasty.edges.csv", ToCsvEdges(kg)},
      {"nasty.dot", ToDot(kg)},
  };
  for (const auto& [name, text] : files) WriteFile(dir / name, text);
  const nlohmann::json parsed = nlohmann::json::parse(files[0].second);
  EXPECT_EQ(parsed["nodes"].size(), 18u);
  EXPECT_EQ(parsed["links"].size(), 10u);
}

}  // namespace
}  // namespace kg

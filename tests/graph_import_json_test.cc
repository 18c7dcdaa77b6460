// Tests for graph/import_json.cc: FromNodeLinkJson reads what ToNodeLinkJson writes, byte for
// byte, reads NetworkX's node_link_data, and says where a file is wrong.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "graph/export.h"
#include "tests/graph_builders.h"

namespace kg {
namespace {

// Every field set, and the names that break careless writers: quotes, markup characters,
// separators, control characters, an astral-plane emoji, right-to-left scripts, combining
// marks, and names that look like numbers, booleans or null.
KnowledgeGraph NastyGraph() {
  const std::vector<std::string> names = {
      "Ada \"Countess\" O'Neil",
      "Snakes & <Ladders>",
      "a,b;c\nd\te",
      "Grinning \xF0\x9F\x98\x80",
      "\xD9\x85\xD8\xB1\xD9\x8A\xD9\x85 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D",  // Arabic, Hebrew
      "Zoe\xCC\x88 Cafe\xCC\x81",                                           // combining marks
      "1984",
      "3.14",
      "-0",
      "1e5",
      "0x1F",
      "NaN",
      "true",
      "null",
      "back\\slash \x01 bell",
  };
  KnowledgeGraph kg;
  kg.generator = "kgextract 0.1.0 \"nasty\"";
  kg.rules_fingerprint = "sha256:\xF0\x9F\x98\x80";
  kg.documents = {"a & b.txt", "<c>.txt", "1984"};
  for (size_t i = 0; i < names.size(); ++i) {
    NodeProps n;
    n.id = names[i];  // ids as nasty as labels: the reader must not care
    n.label = names[i];
    n.type = i % 3 == 0 ? "PERSON" : i % 3 == 1 ? "TALK" : "PLACE";
    if (n.type == "PLACE") n.subtype = "city";
    if (n.type == "TALK") n.kind = "keynote";
    n.aliases = {names[(i + 1) % names.size()], "alias, \"quoted\""};
    n.narrator = i == 0;
    n.documents = {"a & b.txt"};
    n.mentions = {MakeSpan("a & b.txt", static_cast<uint32_t>(i), static_cast<uint32_t>(i + 5),
                           names[i], "rule:\"x\"")};
    if (i % 2 == 0) {  // byte ranges in the original file, known for some documents only
      n.mentions[0].source_start = static_cast<int64_t>(3 * i);
      n.mentions[0].source_end = static_cast<int64_t>(3 * i + 7);
    }
    boost::add_vertex(std::move(n), kg.graph);
  }
  for (size_t i = 0; i < names.size(); ++i) {
    EdgeProps p;
    p.relation = i % 2 ? "co_occurs" : "speaker_of";
    p.symmetric = i % 2;
    p.role = i % 4 == 2 ? "CEO & <founder>" : "";
    p.weight = 0.1 * static_cast<double>(i) + 0.2;
    p.evidence = {MakeSpan("<c>.txt", 1, 9, names[i] + " said \"hi\".", "r")};
    boost::add_edge(i, (i * 7 + 3) % names.size(), std::move(p), kg.graph);
  }
  EdgeProps parallel;  // a second edge of one (source, target): "key" 1
  parallel.relation = "speaker_of";
  parallel.weight = 1e21;
  boost::add_edge(0, 3, std::move(parallel), kg.graph);
  EdgeProps self;
  self.relation = "self";
  self.weight = 1e-7;
  boost::add_edge(4, 4, std::move(self), kg.graph);
  AnnotateMetrics(&kg);  // non-trivial doubles in every metric field
  return kg;
}

KnowledgeGraph Read(const std::string& json) {
  KnowledgeGraph kg;
  std::string error;
  EXPECT_TRUE(FromNodeLinkJson(json, &kg, &error)) << error;
  EXPECT_EQ(error, "");
  return kg;
}

std::string ReadError(const std::string& json) {
  KnowledgeGraph kg;
  std::string error;
  EXPECT_FALSE(FromNodeLinkJson(json, &kg, &error)) << json;
  return error;
}

TEST(FromNodeLinkJsonTest, CompactRoundTripIsByteIdentical) {
  const std::string json = ToNodeLinkJson(NastyGraph());
  EXPECT_EQ(ToNodeLinkJson(Read(json)), json);
}

TEST(FromNodeLinkJsonTest, PrettyRoundTripIsByteIdentical) {
  const std::string json = ToNodeLinkJson(NastyGraph(), /*pretty=*/true);
  EXPECT_EQ(ToNodeLinkJson(Read(json), /*pretty=*/true), json);
  EXPECT_EQ(ToNodeLinkJson(Read(json)), ToNodeLinkJson(NastyGraph()));
}

TEST(FromNodeLinkJsonTest, SourceOffsetsAreReadWhenPresentAndStayUnknownOtherwise) {
  KnowledgeGraph kg = Read(ToNodeLinkJson(NastyGraph()));
  const NodeProps& with = kg.graph[0];
  ASSERT_EQ(with.mentions.size(), 1u);
  EXPECT_EQ(with.mentions[0].source_start, 0);
  EXPECT_EQ(with.mentions[0].source_end, 7);
  const NodeProps& without = kg.graph[1];
  ASSERT_EQ(without.mentions.size(), 1u);
  EXPECT_EQ(without.mentions[0].source_start, -1);
  EXPECT_EQ(without.mentions[0].source_end, -1);
}

TEST(FromNodeLinkJsonTest, ReadsEveryFieldInFileOrder) {
  const KnowledgeGraph original = NastyGraph();
  const KnowledgeGraph kg = Read(ToNodeLinkJson(original));
  EXPECT_EQ(kg.generator, original.generator);
  EXPECT_EQ(kg.rules_fingerprint, original.rules_fingerprint);
  EXPECT_EQ(kg.documents, original.documents);
  ASSERT_EQ(boost::num_vertices(kg.graph), boost::num_vertices(original.graph));
  ASSERT_EQ(boost::num_edges(kg.graph), boost::num_edges(original.graph));
  for (size_t v = 0; v < boost::num_vertices(kg.graph); ++v) {
    const NodeProps& a = kg.graph[v];
    const NodeProps& b = original.graph[v];
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.label, b.label);
    EXPECT_EQ(a.type, b.type);
    EXPECT_EQ(a.subtype, b.subtype);
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(a.aliases, b.aliases);
    EXPECT_EQ(a.narrator, b.narrator);
    EXPECT_EQ(a.documents, b.documents);
    EXPECT_EQ(a.degree, b.degree);
    EXPECT_EQ(a.weighted_degree, b.weighted_degree);
    EXPECT_EQ(a.betweenness, b.betweenness);
    EXPECT_EQ(a.pagerank, b.pagerank);
    EXPECT_EQ(a.component, b.component);
    EXPECT_EQ(a.community, b.community);
    ASSERT_EQ(a.mentions.size(), 1u);
    EXPECT_EQ(a.mentions[0].text, b.mentions[0].text);
    EXPECT_EQ(a.mentions[0].start, b.mentions[0].start);
    EXPECT_EQ(a.mentions[0].end, b.mentions[0].end);
    EXPECT_EQ(a.mentions[0].rule, "rule:\"x\"");
  }
  EXPECT_EQ(kg.graph[4].label, "\xD9\x85\xD8\xB1\xD9\x8A\xD9\x85 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");
  EXPECT_EQ(kg.graph[6].id, "1984");  // a string that looks like a number stays a string
  auto orig_edges = boost::edges(original.graph).first;
  for (auto e : boost::make_iterator_range(boost::edges(kg.graph))) {
    const auto o = *orig_edges++;
    EXPECT_EQ(boost::source(e, kg.graph), boost::source(o, original.graph));
    EXPECT_EQ(boost::target(e, kg.graph), boost::target(o, original.graph));
    EXPECT_EQ(kg.graph[e].relation, original.graph[o].relation);
    EXPECT_EQ(kg.graph[e].role, original.graph[o].role);
    EXPECT_EQ(kg.graph[e].weight, original.graph[o].weight);
    EXPECT_EQ(kg.graph[e].symmetric, original.graph[o].symmetric);
    EXPECT_EQ(kg.graph[e].evidence.size(), original.graph[o].evidence.size());
  }
}

TEST(FromNodeLinkJsonTest, EmptyGraphRoundTrip) {
  const std::string json = ToNodeLinkJson(KnowledgeGraph());
  EXPECT_EQ(ToNodeLinkJson(Read(json)), json);
}

// As NetworkX writes nx.node_link_data(G) for a MultiDiGraph (json.dumps of NetworkX 2.8 and
// 3.x): attributes before "id", integer and float node ids, its own attributes, null for None,
// edges without relation or weight.
constexpr char kNetworkXData[] =
    R"({"directed": true, "multigraph": true, "graph": {"name": "talks"}, "nodes": [)"
    R"({"label": "Ada", "color": "red", "id": 1}, {"type": "ORG", "id": "x"}, {"id": 2.5}], )"
    R"("links": [{"weight": 2.5, "relation": "member_of", "source": 1, "target": "x", "key": 0}, )"
    R"({"source": 1, "target": "x", "key": 1}, {"note": null, "source": "x", "target": 2.5, )"
    R"("key": 0}]})";

TEST(FromNodeLinkJsonTest, ReadsNetworkXNodeLinkData) {
  const KnowledgeGraph kg = Read(kNetworkXData);
  ASSERT_EQ(boost::num_vertices(kg.graph), 3u);
  EXPECT_EQ(kg.graph[0].id, "1");
  EXPECT_EQ(kg.graph[0].label, "Ada");
  EXPECT_EQ(kg.graph[1].id, "x");
  EXPECT_EQ(kg.graph[1].label, "x");  // no label: the id
  EXPECT_EQ(kg.graph[1].type, "ORG");
  EXPECT_EQ(kg.graph[2].id, "2.5");
  EXPECT_EQ(kg.generator, "");
  ASSERT_EQ(boost::num_edges(kg.graph), 3u);
  std::vector<std::string> edges;
  for (auto e : boost::make_iterator_range(boost::edges(kg.graph))) {
    edges.push_back(kg.graph[boost::source(e, kg.graph)].id + "->" +
                    kg.graph[boost::target(e, kg.graph)].id + " " + kg.graph[e].relation + " " +
                    std::to_string(kg.graph[e].weight));
  }
  EXPECT_EQ(edges, (std::vector<std::string>{"1->x member_of 2.500000", "1->x  1.000000",
                                             "x->2.5  1.000000"}));
}

TEST(FromNodeLinkJsonTest, AcceptsEdgesInsteadOfLinks) {
  // NetworkX 3.4 and later write "edges" when asked to (node_link_data(G, edges="edges")).
  const KnowledgeGraph kg = Read(
      R"({"directed": false, "multigraph": false, "graph": {}, "nodes": [{"id": 0}, {"id": 1}],)"
      R"( "edges": [{"source": 0, "target": 1, "weight": 3}]})");
  ASSERT_EQ(boost::num_edges(kg.graph), 1u);
  EXPECT_EQ(kg.graph[*boost::edges(kg.graph).first].weight, 3.0);
  EXPECT_EQ(kg.graph[1].id, "1");
}

TEST(FromNodeLinkJsonTest, NotJsonNamesTheByteOffset) {
  EXPECT_EQ(ReadError(R"({"nodes": [}])"),
            "byte 12: syntax error while parsing value - unexpected '}'; expected '[', '{', or "
            "a literal");
  EXPECT_EQ(ReadError(""),
            "byte 1: syntax error while parsing value - unexpected end of input; expected '[', "
            "'{', or a literal");
  EXPECT_EQ(ReadError("{\"nodes\": [\"\xFF\"]}"),
            "byte 13: syntax error while parsing value - invalid string: ill-formed UTF-8 byte; "
            "last read: '\"\xFF'");
}

TEST(FromNodeLinkJsonTest, WrongShapeNamesThePlace) {
  EXPECT_EQ(ReadError("[]"), "the top level must be an object");
  EXPECT_EQ(ReadError(R"({"links": []})"), "missing \"nodes\"");
  EXPECT_EQ(ReadError(R"({"nodes": {}})"), "\"nodes\" must be an array");
  EXPECT_EQ(ReadError(R"({"graph": [], "nodes": []})"), "\"graph\" must be an object");
  EXPECT_EQ(ReadError(R"({"graph": {"generator": 1}, "nodes": []})"),
            "graph: \"generator\" must be a string");
  EXPECT_EQ(ReadError(R"({"nodes": [{"id": "a"}, 5]})"), "nodes[1]: must be an object");
  EXPECT_EQ(ReadError(R"({"nodes": [{"id": "a"}, {"label": "b"}]})"), "nodes[1]: missing \"id\"");
  EXPECT_EQ(ReadError(R"({"nodes": [{"id": "a"}, {"id": true}]})"),
            "nodes[1]: \"id\" must be a string or a number");
  EXPECT_EQ(ReadError(R"({"nodes": [{"id": "a", "aliases": ["x", 2]}]})"),
            "nodes[0]: \"aliases\" must be an array of strings");
  EXPECT_EQ(ReadError(R"({"nodes": [{"id": "a", "narrator": "yes"}]})"),
            "nodes[0]: \"narrator\" must be true or false");
  EXPECT_EQ(ReadError(R"({"nodes": [{"id": "a", "degree": 1.5}]})"),
            "nodes[0]: \"degree\" must be an integer");
  EXPECT_EQ(ReadError(R"({"nodes": [{"id": "a", "community": 9999999999}]})"),
            "nodes[0]: \"community\" must be an integer");
  EXPECT_EQ(ReadError(R"({"nodes": [{"id": "a", "pagerank": "0.5"}]})"),
            "nodes[0]: \"pagerank\" must be a number");
  EXPECT_EQ(ReadError(R"({"nodes": [{"id": "a", "mentions": [{"doc": "d", "start": -1}]}]})"),
            "nodes[0].mentions[0]: \"start\" must be a non-negative integer");
  EXPECT_EQ(ReadError(R"({"nodes": [{"id": "a", "mentions": [{}, "m"]}]})"),
            "nodes[0].mentions[1]: must be an object");
  EXPECT_EQ(ReadError(R"({"nodes": [], "links": {}})"), "\"links\" must be an array");
  EXPECT_EQ(ReadError(R"({"nodes": [{"id": "a"}], "links": [{"source": "a"}]})"),
            "links[0]: missing target");
  EXPECT_EQ(ReadError(R"({"nodes": [{"id": "a"}], "links": [{"source": "a", "target": "a",)"
                      R"( "evidence": [{"end": 4294967296}]}]})"),
            "links[0].evidence[0]: \"end\" must be a non-negative integer");
  EXPECT_EQ(ReadError(R"({"nodes": [{"id": "a"}], "links": [{"source": "a", "target": "a",)"
                      R"( "weight": "heavy"}]})"),
            "links[0]: \"weight\" must be a number");
}

TEST(FromNodeLinkJsonTest, LinkToAnUnknownNodeIsAnError) {
  EXPECT_EQ(ReadError(R"({"nodes": [{"id": "a"}, {"id": "b"}], "links": [)"
                      R"({"source": "a", "target": "b"}, {"source": "b", "target": "a"}, )"
                      R"({"source": "a", "target": "x \"y\""}]})"),
            "links[2]: target \"x \\\"y\\\"\" is not a node id");
  EXPECT_EQ(ReadError(R"({"nodes": [{"id": "1"}], "edges": [{"source": 2, "target": 1}]})"),
            "edges[0]: source \"2\" is not a node id");
}

TEST(FromNodeLinkJsonTest, DuplicateNodeIdIsAnError) {
  EXPECT_EQ(ReadError(R"({"nodes": [{"id": "a"}, {"id": "b"}, {"id": "a"}]})"),
            "nodes[2]: duplicate id \"a\" (also nodes[0])");
  // A number and the string of its digits are one id once read.
  EXPECT_EQ(ReadError(R"({"nodes": [{"id": 7}, {"id": "7"}]})"),
            "nodes[1]: duplicate id \"7\" (also nodes[0])");
}

TEST(FromNodeLinkJsonTest, FailureLeavesTheGraphUntouched) {
  KnowledgeGraph kg;
  kg.generator = "before";
  std::string error;
  EXPECT_FALSE(
      FromNodeLinkJson(R"({"generator": "x", "nodes": [{"id": 1}, {"id": 1}]})", &kg, &error));
  EXPECT_EQ(kg.generator, "before");
  EXPECT_EQ(boost::num_vertices(kg.graph), 0u);
}

}  // namespace
}  // namespace kg

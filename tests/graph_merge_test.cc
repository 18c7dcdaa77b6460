// Tests for graph/merge.cc: NodeId slugs and MergeDocuments.
#include <gtest/gtest.h>

#include <boost/range/iterator_range.hpp>
#include <string>
#include <vector>

#include "graph/export.h"
#include "tests/graph_builders.h"

namespace kg {
namespace {

using Strings = std::vector<std::string>;

// --- NodeId -----------------------------------------------------------------------------------

TEST(NodeIdTest, ExamplesFromTheContract) {
  EXPECT_EQ(NodeId("PERSON", "Jay Miller"), "person:jay-miller");
  EXPECT_EQ(NodeId("TALK", "D&I Workgroup Session"), "talk:d-i-workgroup-session");
  EXPECT_EQ(NodeId("PERSON", "Łukasz"), "person:łukasz");
}

TEST(NodeIdTest, RunsOfSeparatorsBecomeOneDashAndEndsAreTrimmed) {
  EXPECT_EQ(NodeId("PERSON", "  --Jay   Miller!! "), "person:jay-miller");
  EXPECT_EQ(NodeId("ORG", "O'Reilly Media, Inc."), "org:o-reilly-media-inc");
  EXPECT_EQ(NodeId("EVENT", "KubeCon + CloudNativeCon Europe 2023"),
            "event:kubecon-cloudnativecon-europe-2023");
  EXPECT_EQ(NodeId("PLACE", "David L. Lawrence Convention Center"),
            "place:david-l-lawrence-convention-center");
  EXPECT_EQ(NodeId("EVENT", "PyCon_US\t2024\n"), "event:pycon-us-2024");
}

TEST(NodeIdTest, EmptyAndAllPunctuationNamesGiveAnEmptySlug) {
  EXPECT_EQ(NodeId("PERSON", ""), "person:");
  EXPECT_EQ(NodeId("PERSON", " -- ! "), "person:");
}

TEST(NodeIdTest, TypeIsLowerCasedAsIs) {
  EXPECT_EQ(NodeId("Place", "Warsaw"), "place:warsaw");
  EXPECT_EQ(NodeId("", "Warsaw"), ":warsaw");
}

TEST(NodeIdTest, NonAsciiLettersAreLowerCasedAndKept) {
  EXPECT_EQ(NodeId("PERSON", "ŁUKASZ Ślęzak"), "person:łukasz-ślęzak");
  EXPECT_EQ(NodeId("PERSON", "Ștefan Țurcanu"), "person:ștefan-țurcanu");
  EXPECT_EQ(NodeId("PERSON", "ΣΟΦΙΑ"), "person:σοφια");  // simple mapping: no final sigma
  EXPECT_EQ(NodeId("PERSON", "Ёлка"), "person:ёлка");
  EXPECT_EQ(NodeId("PLACE", "東京 ビッグサイト"), "place:東京-ビッグサイト");
  EXPECT_EQ(NodeId("PERSON", "José Müller"), "person:josé-müller");
}

TEST(NodeIdTest, NonAsciiPunctuationSymbolsAndSpacesSeparate) {
  // en dash, no-break space, curly apostrophe, emoji.
  EXPECT_EQ(NodeId("TALK", "Packaging \xE2\x80\x93 the Hard Parts"),
            "talk:packaging-the-hard-parts");
  EXPECT_EQ(NodeId("PERSON", "Jay\xC2\xA0Miller"), "person:jay-miller");
  EXPECT_EQ(NodeId("PERSON", "Simon Willison\xE2\x80\x99s"), "person:simon-willison-s");
  EXPECT_EQ(NodeId("TALK", "\xF0\x9F\x90\x8D Snakes \xF0\x9F\x90\x8D on a Plane"),
            "talk:snakes-on-a-plane");
}

TEST(NodeIdTest, InvisibleFormatCharactersAreDropped) {
  // zero-width space and left-to-right mark inside a word, a byte order mark in front.
  EXPECT_EQ(NodeId("PERSON", "\xEF\xBB\xBFJay\xE2\x80\x8BMil\xE2\x80\x8Eler"), "person:jaymiller");
}

TEST(NodeIdTest, InvalidUtf8SeparatesAndNeverLeaksIntoTheId) {
  EXPECT_EQ(NodeId("PERSON", "Jay\xFFMiller"), "person:jay-miller");
  EXPECT_EQ(NodeId("PERSON", "\xC3"), "person:");  // truncated sequence
}

TEST(NodeIdTest, EqualNamesUpToCaseAndPunctuationShareAnId) {
  EXPECT_EQ(NodeId("ORG", "Python Software Foundation"),
            NodeId("ORG", "python-software-foundation"));
}

// --- MergeDocuments ---------------------------------------------------------------------------

NodeProps MakeNode(std::string id, std::string label, std::string type,
                   std::vector<std::string> aliases, std::vector<Span> mentions,
                   std::vector<std::string> documents) {
  NodeProps n;
  n.id = std::move(id);
  n.label = std::move(label);
  n.type = std::move(type);
  n.aliases = std::move(aliases);
  n.mentions = std::move(mentions);
  n.documents = std::move(documents);
  return n;
}

DocumentGraph::Edge MakeEdge(std::string source, std::string target, std::string relation,
                             double weight, std::vector<Span> evidence, std::string role = "",
                             bool symmetric = false) {
  DocumentGraph::Edge e;
  e.source = std::move(source);
  e.target = std::move(target);
  e.props.relation = std::move(relation);
  e.props.role = std::move(role);
  e.props.weight = weight;
  e.props.symmetric = symmetric;
  e.props.evidence = std::move(evidence);
  return e;
}

std::vector<std::string> NodeIds(const KnowledgeGraph& kg) {
  std::vector<std::string> ids;
  for (auto v : boost::make_iterator_range(boost::vertices(kg.graph)))
    ids.push_back(kg.graph[v].id);
  return ids;
}

const NodeProps& NodeById(const KnowledgeGraph& kg, const std::string& id) {
  for (auto v : boost::make_iterator_range(boost::vertices(kg.graph))) {
    if (kg.graph[v].id == id) return kg.graph[v];
  }
  static const NodeProps kMissing;
  ADD_FAILURE() << "no node " << id;
  return kMissing;
}

struct EdgeView {
  std::string source, target;
  EdgeProps props;
};

std::vector<EdgeView> Edges(const KnowledgeGraph& kg) {
  std::vector<EdgeView> out;
  for (auto e : boost::make_iterator_range(boost::edges(kg.graph))) {
    out.push_back({kg.graph[boost::source(e, kg.graph)].id, kg.graph[boost::target(e, kg.graph)].id,
                   kg.graph[e]});
  }
  return out;
}

// Two reports that share Jay Miller, PyCon US and a speaker_of edge.
std::vector<DocumentGraph> TwoReports() {
  DocumentGraph a;
  a.doc = "b-report.txt";  // input order is not name order
  a.nodes.push_back(MakeNode("person:jay-miller", "Jay Miller", "PERSON", {"Jay"},
                             {MakeSpan("b-report.txt", 10, 20, "Jay Miller", "gazetteer:given"),
                              MakeSpan("b-report.txt", 50, 53, "Jay", "alias")},
                             {"b-report.txt"}));
  a.nodes.push_back(MakeNode("talk:keynote", "Keynote", "TALK", {}, {}, {"b-report.txt"}));
  a.nodes.push_back(
      MakeNode("person:mae-ellis", "Mae Ellis", "PERSON", {"I"}, {}, {"b-report.txt"}));
  a.nodes.back().narrator = true;
  a.nodes.push_back(MakeNode("place:pittsburgh", "Pittsburgh", "PLACE", {}, {}, {}));
  a.edges.push_back(
      MakeEdge("person:jay-miller", "talk:keynote", "speaker_of", 1,
               {MakeSpan("b-report.txt", 0, 30, "Jay Miller gave the keynote.", "speaker_rule")}));
  a.edges.push_back(MakeEdge("person:mae-ellis", "person:jay-miller", "met", 1,
                             {MakeSpan("b-report.txt", 40, 60, "I met Jay.", "met_rule")}, "",
                             /*symmetric=*/true));

  DocumentGraph b;
  b.doc = "a-report.txt";
  b.nodes.push_back(MakeNode("person:jay-miller", "JAY MILLER", "PERSON", {"Mr. Miller", "Jay"},
                             {MakeSpan("a-report.txt", 5, 15, "JAY MILLER", "chunk")},
                             {"a-report.txt"}));
  b.nodes.back().narrator = false;
  b.nodes.push_back(MakeNode("place:pittsburgh", "Pittsburgh", "PLACE", {"PGH"}, {}, {}));
  b.nodes.back().subtype = "city";
  b.nodes.push_back(MakeNode("talk:keynote", "keynote", "TALK", {}, {}, {"a-report.txt"}));
  b.nodes.back().kind = "keynote";
  b.nodes.push_back(MakeNode("person:mae-ellis", "Mae Ellis", "PERSON", {}, {}, {"a-report.txt"}));
  b.edges.push_back(MakeEdge("person:jay-miller", "talk:keynote", "speaker_of", 2.5,
                             {MakeSpan("a-report.txt", 0, 20, "Jay keynoted.", "speaker_rule2"),
                              MakeSpan("a-report.txt", 30, 50, "Jay spoke.", "speaker_rule")}));
  // Same endpoints, another relation: stays a parallel edge.
  b.edges.push_back(MakeEdge("person:jay-miller", "talk:keynote", "related_to", 1, {}));
  // met is symmetric: written the other way round, it is the same fact as in report b.
  b.edges.push_back(MakeEdge("person:jay-miller", "person:mae-ellis", "met", 1,
                             {MakeSpan("a-report.txt", 70, 80, "Met Jay again.", "met_rule")}, "",
                             /*symmetric=*/true));
  // affiliated_with with two roles: two edges.
  b.nodes.push_back(MakeNode("org:psf", "PSF", "ORG", {}, {}, {"a-report.txt"}));
  b.edges.push_back(MakeEdge("person:jay-miller", "org:psf", "affiliated_with", 1, {}, "member"));
  b.edges.push_back(MakeEdge("person:jay-miller", "org:psf", "affiliated_with", 1, {}, "chair"));
  b.edges.push_back(MakeEdge("person:jay-miller", "org:psf", "affiliated_with", 1, {}, "member"));
  // An edge to a node no document has is dropped.
  b.edges.push_back(MakeEdge("person:jay-miller", "org:ghost", "related_to", 1, {}));
  return {a, b};
}

// --- SharedName
// -----------------------------------------------------------------------------------

TEST(SharedNameTest, CopiesShareOneStringAndCompareAsStrings) {
  SharedName a = std::string("posts/a.md");
  SharedName copy = a;
  EXPECT_EQ(&copy.str(), &a.str());  // one string, not two
  SharedName other("posts/a.md");
  EXPECT_NE(&other.str(), &a.str());
  EXPECT_EQ(other, a);  // equal by value all the same
  EXPECT_EQ(a, "posts/a.md");
  EXPECT_EQ(a, std::string("posts/a.md"));
  EXPECT_LT(SharedName("a.txt"), SharedName("b.txt"));
  EXPECT_GT(SharedName("b.txt"), SharedName("a.txt"));
  EXPECT_EQ(std::string_view(a), "posts/a.md");
}

TEST(SharedNameTest, AssignmentAndMoveKeepEveryCopyValid) {
  SharedName a("posts/a.md");
  SharedName b("posts/b.md");
  SharedName keep = a;
  a = b;  // the old string lives on in `keep`
  EXPECT_EQ(keep, "posts/a.md");
  EXPECT_TRUE(a.SameAs(b));
  const SharedName& alias = a;
  a = alias;  // self-assignment is a no-op
  EXPECT_EQ(a, "posts/b.md");
  SharedName moved = std::move(b);
  EXPECT_TRUE(b.empty());  // NOLINT: a moved-from name is the empty one
  EXPECT_TRUE(moved.SameAs(a));
  keep = std::move(moved);
  EXPECT_EQ(keep, "posts/b.md");
  EXPECT_TRUE(keep.SameAs(a));
  EXPECT_EQ(sizeof(SharedName), sizeof(void*));  // a Span holds four of them
}

TEST(SharedNameTest, DefaultAndEmptyAreTheEmptyName) {
  EXPECT_TRUE(SharedName().empty());
  EXPECT_EQ(SharedName(), "");
  EXPECT_EQ(SharedName(""), SharedName());
  EXPECT_EQ(SharedName().size(), 0u);
  EXPECT_LT(SharedName(), SharedName("a"));
}

TEST(SharedNamesTest, EqualStringsGetOneCopyAndAGivenNameBecomesIt) {
  SharedNames names;
  const SharedName& a = names.Get(std::string_view("rule_a"));
  EXPECT_EQ(a, "rule_a");
  EXPECT_EQ(&names.Get(std::string_view("rule_a")).str(), &a.str());
  SharedName given("rule_b");
  EXPECT_EQ(&names.Get(given).str(), &given.str());
  EXPECT_EQ(&names.Get(SharedName("rule_b")).str(), &given.str());
  EXPECT_NE(&names.Get(std::string_view("rule_c")).str(), &a.str());
}

TEST(MergeDocumentsTest, SpansAndCountsOfADocumentShareItsName) {
  DocumentGraph d;
  d.doc = std::string("a.txt");
  NodeProps n;
  n.id = "person:ana-lee";
  n.label = "Ana Lee";
  n.type = "PERSON";
  n.mentions = {MakeSpan("", 0, 7, "Ana Lee"), MakeSpan("", 9, 16, "Ana Lee")};
  for (Span& m : n.mentions) m.doc = d.doc;
  d.nodes.push_back(n);
  KnowledgeGraph kgraph = MergeDocuments({d}, "gen", "fp");
  ASSERT_EQ(boost::num_vertices(kgraph.graph), 1u);
  const NodeProps& merged = kgraph.graph[0];
  ASSERT_EQ(merged.mentions.size(), 2u);
  ASSERT_EQ(merged.mention_counts.size(), 1u);
  EXPECT_EQ(merged.mention_counts[0].doc, "a.txt");
  EXPECT_EQ(merged.mention_counts[0].count, 2u);
  EXPECT_EQ(&merged.mentions[0].doc.str(), &merged.mentions[1].doc.str());
  EXPECT_EQ(&merged.mention_counts[0].doc.str(), &merged.mentions[0].doc.str());
}

TEST(MergeDocumentsTest, SpansShareTheirRuleAndWordsAcrossDocuments) {
  std::vector<DocumentGraph> docs(2);
  for (int i = 0; i < 2; ++i) {
    docs[i].doc = i == 0 ? "a.txt" : "b.txt";
    NodeProps n;
    n.id = "person:ana-lee";
    n.label = "Ana Lee";
    n.type = "PERSON";
    n.mentions = {MakeSpan(docs[i].doc, 0, 7, "Ana Lee", "full_name"),
                  MakeSpan(docs[i].doc, 20, 23, "Ana", "given_name")};
    docs[i].nodes.push_back(n);
  }
  // Each document's spans have their own copies of their strings, as two resolutions make them.
  const Span& a = docs[0].nodes[0].mentions[0];
  const Span& b = docs[1].nodes[0].mentions[0];
  ASSERT_FALSE(a.rule.SameAs(b.rule));
  ASSERT_FALSE(a.text.SameAs(b.text));
  KnowledgeGraph kgraph = MergeDocuments(docs, "gen", "fp");
  ASSERT_EQ(boost::num_vertices(kgraph.graph), 1u);
  const NodeProps& merged = kgraph.graph[0];
  ASSERT_EQ(merged.mentions.size(), 4u);
  EXPECT_EQ(merged.mentions[0].rule, "full_name");
  EXPECT_EQ(merged.mentions[0].text, "Ana Lee");
  EXPECT_EQ(merged.mentions[1].text, "Ana");
  EXPECT_TRUE(merged.mentions[0].rule.SameAs(merged.mentions[2].rule));
  EXPECT_TRUE(merged.mentions[0].text.SameAs(merged.mentions[2].text));
  EXPECT_TRUE(merged.mentions[1].text.SameAs(merged.mentions[3].text));
  EXPECT_FALSE(merged.mentions[0].text.SameAs(merged.mentions[1].text));
  EXPECT_FALSE(merged.mentions[0].doc.SameAs(merged.mentions[2].doc));
}

TEST(MergeDocumentsTest, EdgesOfOneRelationAndRoleShareItsName) {
  std::vector<DocumentGraph> docs(2);
  const char* people[2] = {"person:ana-lee", "person:bo-chen"};
  for (int i = 0; i < 2; ++i) {
    docs[i].doc = i == 0 ? "a.txt" : "b.txt";
    docs[i].nodes = {MakeNode(people[i], people[i], "PERSON", {}, {}, {}),
                     MakeNode("org:acme", "Acme", "ORG", {}, {}, {})};
    docs[i].edges = {MakeEdge(people[i], "org:acme", "affiliated_with", 1, {}, "founder")};
  }
  ASSERT_FALSE(docs[0].edges[0].props.relation.SameAs(docs[1].edges[0].props.relation));
  KnowledgeGraph kgraph = MergeDocuments(docs, "gen", "fp");
  std::vector<const EdgeProps*> edges;
  for (auto e : boost::make_iterator_range(boost::edges(kgraph.graph))) {
    edges.push_back(&kgraph.graph[e]);
  }
  ASSERT_EQ(edges.size(), 2u);
  EXPECT_EQ(edges[0]->relation, "affiliated_with");
  EXPECT_EQ(edges[0]->role, "founder");
  EXPECT_TRUE(edges[0]->relation.SameAs(edges[1]->relation));
  EXPECT_TRUE(edges[0]->role.SameAs(edges[1]->role));
}

TEST(MergeDocumentsTest, RecordsDocumentsInInputOrderAndMetadata) {
  KnowledgeGraph kg = MergeDocuments(TwoReports(), "kgextract 0.1.0", "sha256:abc");
  EXPECT_EQ(kg.documents, (Strings{"b-report.txt", "a-report.txt"}));
  EXPECT_EQ(kg.generator, "kgextract 0.1.0");
  EXPECT_EQ(kg.rules_fingerprint, "sha256:abc");
}

TEST(MergeDocumentsTest, VerticesAreOneNodePerIdSortedById) {
  KnowledgeGraph kg = MergeDocuments(TwoReports(), "g", "r");
  EXPECT_EQ(NodeIds(kg), (Strings{"org:psf", "person:jay-miller", "person:mae-ellis",
                                  "place:pittsburgh", "talk:keynote"}));
}

TEST(MergeDocumentsTest, UnitesAliasesMentionsAndDocuments) {
  KnowledgeGraph kg = MergeDocuments(TwoReports(), "g", "r");
  const NodeProps& jay = NodeById(kg, "person:jay-miller");
  EXPECT_EQ(jay.label, "Jay Miller");  // the first document's label
  EXPECT_EQ(jay.type, "PERSON");
  // The second document's label is another name; the kept label is no alias.
  EXPECT_EQ(jay.aliases, (Strings{"JAY MILLER", "Jay", "Mr. Miller"}));
  ASSERT_EQ(jay.mentions.size(), 3u);
  EXPECT_EQ(jay.mentions[0].doc, "b-report.txt");
  EXPECT_EQ(jay.mentions[0].start, 10u);
  EXPECT_EQ(jay.mentions[0].end, 20u);
  EXPECT_EQ(jay.mentions[0].rule, "gazetteer:given");
  EXPECT_EQ(jay.mentions[1].text, "Jay");
  EXPECT_EQ(jay.mentions[2].doc, "a-report.txt");
  EXPECT_EQ(jay.mentions[2].text, "JAY MILLER");
  EXPECT_EQ(jay.documents, (Strings{"a-report.txt", "b-report.txt"}));
  EXPECT_FALSE(jay.narrator);
}

TEST(MergeDocumentsTest, NarratorIsOredSubtypeAndKindAreFirstNonEmpty) {
  KnowledgeGraph kg = MergeDocuments(TwoReports(), "g", "r");
  const NodeProps& me = NodeById(kg, "person:mae-ellis");
  EXPECT_TRUE(me.narrator);  // narrator in the first document only
  EXPECT_EQ(me.aliases, (Strings{"I"}));
  const NodeProps& pgh = NodeById(kg, "place:pittsburgh");
  EXPECT_EQ(pgh.subtype, "city");  // empty in the first document
  EXPECT_EQ(pgh.aliases, (Strings{"PGH"}));
  // A node whose own documents list is empty still names the document it came from.
  EXPECT_EQ(pgh.documents, (Strings{"a-report.txt", "b-report.txt"}));
  const NodeProps& keynote = NodeById(kg, "talk:keynote");
  EXPECT_EQ(keynote.label, "Keynote");
  EXPECT_EQ(keynote.kind, "keynote");
  EXPECT_EQ(keynote.aliases, (Strings{"keynote"}));
}

TEST(MergeDocumentsTest, EqualEdgesAddWeightAndConcatenateEvidence) {
  KnowledgeGraph kg = MergeDocuments(TwoReports(), "g", "r");
  std::vector<EdgeView> edges = Edges(kg);
  ASSERT_EQ(edges.size(), 5u);
  // Sorted by (source, target, relation, role).
  EXPECT_EQ(edges[0].source, "person:jay-miller");
  EXPECT_EQ(edges[0].target, "org:psf");
  EXPECT_EQ(edges[0].props.relation, "affiliated_with");
  EXPECT_EQ(edges[0].props.role, "chair");
  EXPECT_EQ(edges[0].props.weight, 1.0);
  EXPECT_EQ(edges[1].props.role, "member");
  EXPECT_EQ(edges[1].props.weight, 2.0);

  EXPECT_EQ(edges[2].source, "person:jay-miller");
  EXPECT_EQ(edges[2].target, "person:mae-ellis");
  EXPECT_EQ(edges[2].props.relation, "met");
  EXPECT_TRUE(edges[2].props.symmetric);
  EXPECT_EQ(edges[2].props.weight, 2.0);
  ASSERT_EQ(edges[2].props.evidence.size(), 2u);
  EXPECT_EQ(edges[2].props.evidence[0].text, "I met Jay.");
  EXPECT_EQ(edges[2].props.evidence[1].text, "Met Jay again.");

  EXPECT_EQ(edges[3].target, "talk:keynote");
  EXPECT_EQ(edges[3].props.relation, "related_to");
  EXPECT_EQ(edges[3].props.weight, 1.0);
  EXPECT_TRUE(edges[3].props.evidence.empty());

  EXPECT_EQ(edges[4].source, "person:jay-miller");
  EXPECT_EQ(edges[4].target, "talk:keynote");
  EXPECT_EQ(edges[4].props.relation, "speaker_of");
  EXPECT_EQ(edges[4].props.weight, 3.5);
  ASSERT_EQ(edges[4].props.evidence.size(), 3u);
  EXPECT_EQ(edges[4].props.evidence[0].doc, "b-report.txt");
  EXPECT_EQ(edges[4].props.evidence[0].text, "Jay Miller gave the keynote.");
  EXPECT_EQ(edges[4].props.evidence[1].doc, "a-report.txt");
  EXPECT_EQ(edges[4].props.evidence[1].rule, "speaker_rule2");
  EXPECT_EQ(edges[4].props.evidence[2].text, "Jay spoke.");
}

TEST(MergeDocumentsTest, DirectedEdgesKeepTheirDirection) {
  DocumentGraph d;
  d.doc = "x";
  d.nodes.push_back(MakeNode("person:a", "A", "PERSON", {}, {}, {"x"}));
  d.nodes.push_back(MakeNode("person:b", "B", "PERSON", {}, {}, {"x"}));
  d.edges.push_back(MakeEdge("person:b", "person:a", "related_to", 1, {}));
  d.edges.push_back(MakeEdge("person:a", "person:b", "related_to", 1, {}));
  KnowledgeGraph kg = MergeDocuments({d}, "g", "r");
  std::vector<EdgeView> edges = Edges(kg);
  ASSERT_EQ(edges.size(), 2u);
  EXPECT_EQ(edges[0].source, "person:a");
  EXPECT_EQ(edges[1].source, "person:b");
}

TEST(MergeDocumentsTest, AnEdgeEndMayBeANodeOfALaterDocumentButMustBeANode) {
  DocumentGraph a;
  a.doc = "a.txt";
  a.nodes.push_back(MakeNode("person:a", "A", "PERSON", {}, {}, {}));
  a.edges.push_back(MakeEdge("person:a", "person:b", "related_to", 1, {}));
  a.edges.push_back(MakeEdge("person:a", "person:nobody", "related_to", 1, {}));
  DocumentGraph b;
  b.doc = "b.txt";
  b.nodes.push_back(MakeNode("person:b", "B", "PERSON", {}, {}, {}));
  KnowledgeGraph kg = MergeDocuments({a, b}, "g", "r");
  std::vector<EdgeView> edges = Edges(kg);
  ASSERT_EQ(edges.size(), 1u);
  EXPECT_EQ(edges[0].source, "person:a");
  EXPECT_EQ(edges[0].target, "person:b");
}

TEST(MergeDocumentsTest, SymmetricEdgesStatedBothWaysInTwoDocumentsAreOneInInputOrder) {
  std::vector<DocumentGraph> docs(2);
  for (int i = 0; i < 2; ++i) {
    docs[i].doc = i == 0 ? "a.txt" : "b.txt";
    docs[i].nodes.push_back(MakeNode("person:ann-lee", "Ann Lee", "PERSON", {}, {}, {}));
    docs[i].nodes.push_back(MakeNode("person:bo-kim", "Bo Kim", "PERSON", {}, {}, {}));
  }
  docs[0].edges.push_back(MakeEdge("person:bo-kim", "person:ann-lee", "met", 1,
                                   {MakeSpan("a.txt", 0, 9, "first", "met_rule")}, "", true));
  docs[1].edges.push_back(MakeEdge("person:ann-lee", "person:bo-kim", "met", 2,
                                   {MakeSpan("b.txt", 0, 9, "second", "met_rule"),
                                    MakeSpan("b.txt", 10, 19, "third", "met_rule")},
                                   "", true));
  GraphMerger merger(/*max_evidence=*/2);
  for (DocumentGraph& d : docs) merger.Add(std::move(d));
  KnowledgeGraph kg;
  merger.Finish("g", "r", &kg);
  std::vector<EdgeView> edges = Edges(kg);
  ASSERT_EQ(edges.size(), 1u);
  EXPECT_EQ(edges[0].source, "person:ann-lee");  // the smaller id first
  EXPECT_EQ(edges[0].target, "person:bo-kim");
  EXPECT_EQ(edges[0].props.weight, 3.0);
  ASSERT_EQ(edges[0].props.evidence.size(), 2u);  // the first two, in input order
  EXPECT_EQ(edges[0].props.evidence[0].text, "first");
  EXPECT_EQ(edges[0].props.evidence[1].text, "second");
  ASSERT_EQ(edges[0].props.evidence_counts.size(), 2u);
  EXPECT_EQ(edges[0].props.evidence_counts[0].doc, "a.txt");
  EXPECT_EQ(edges[0].props.evidence_counts[0].count, 1u);
  EXPECT_EQ(edges[0].props.evidence_counts[1].count, 2u);
}

TEST(MergeDocumentsTest, RepeatedNodeWithinOneDocumentIsMergedToo) {
  DocumentGraph d;
  d.doc = "x";
  d.nodes.push_back(MakeNode("org:psf", "PSF", "ORG", {}, {MakeSpan("x", 0, 3, "PSF", "r")}, {}));
  d.nodes.push_back(
      MakeNode("org:psf", "Psf", "ORG", {"PSF"}, {MakeSpan("x", 9, 12, "Psf", "r")}, {}));
  KnowledgeGraph kg = MergeDocuments({d}, "g", "r");
  ASSERT_EQ(boost::num_vertices(kg.graph), 1u);
  const NodeProps& psf = kg.graph[0];
  EXPECT_EQ(psf.label, "PSF");
  EXPECT_EQ(psf.aliases, (Strings{"Psf"}));
  EXPECT_EQ(psf.mentions.size(), 2u);
  EXPECT_EQ(psf.documents, (Strings{"x"}));
}

TEST(MergeDocumentsTest, EmptyInputGivesAnEmptyGraph) {
  KnowledgeGraph kg = MergeDocuments({}, "g", "r");
  EXPECT_EQ(boost::num_vertices(kg.graph), 0u);
  EXPECT_EQ(boost::num_edges(kg.graph), 0u);
  EXPECT_TRUE(kg.documents.empty());
}

TEST(MergeDocumentsTest, InputOrderOfDocumentsDoesNotChangeTheVertexAndEdgeOrder) {
  std::vector<DocumentGraph> docs = TwoReports();
  KnowledgeGraph forward = MergeDocuments(docs, "g", "r");
  KnowledgeGraph backward = MergeDocuments({docs[1], docs[0]}, "g", "r");
  EXPECT_EQ(NodeIds(forward), NodeIds(backward));
  std::vector<EdgeView> f = Edges(forward), b = Edges(backward);
  ASSERT_EQ(f.size(), b.size());
  for (size_t i = 0; i < f.size(); ++i) {
    EXPECT_EQ(f[i].source, b[i].source);
    EXPECT_EQ(f[i].target, b[i].target);
    EXPECT_EQ(f[i].props.relation, b[i].props.relation);
    EXPECT_EQ(f[i].props.weight, b[i].props.weight);
  }
}

// Two posts that each mention a "Maria" and have a narrator; both met their Maria.
std::vector<DocumentGraph> TwoPostsWithMaria() {
  std::vector<DocumentGraph> docs(2);
  for (int i = 0; i < 2; ++i) {
    DocumentGraph& d = docs[i];
    d.doc = i == 0 ? "posts/a.md" : "posts/b.md";
    NodeProps narrator = MakeNode("person:narrator-post", "Narrator of post", "PERSON", {}, {}, {});
    narrator.narrator = true;
    d.nodes.push_back(narrator);
    d.nodes.push_back(
        MakeNode("person:maria", "Maria", "PERSON", {}, {{d.doc, 6, 11, "Maria", "r"}}, {}));
    d.nodes.push_back(MakeNode("person:lena-okafor", "Lena Okafor", "PERSON", {},
                               {{d.doc, 20, 31, "Lena Okafor", "r"}}, {}));
    d.edges.push_back(MakeEdge("person:narrator-post", "person:maria", "met", 1,
                               {{d.doc, 0, 12, "I met Maria.", "r"}}, "", true));
  }
  return docs;
}

TEST(MergeDocumentsTest, PersonsSharingOnlyAGivenNameAreNotMergedAcrossDocuments) {
  KnowledgeGraph kg = MergeDocuments(TwoPostsWithMaria(), "g", "r");
  EXPECT_EQ(NodeIds(kg),
            (Strings{"person:lena-okafor", "person:maria@posts-a-md", "person:maria@posts-b-md",
                     "person:narrator-post@posts-a-md", "person:narrator-post@posts-b-md"}));
  EXPECT_EQ(NodeById(kg, "person:maria@posts-a-md").documents, (Strings{"posts/a.md"}));
  // Each narrator met its own Maria: two edges, not one of weight 2.
  std::vector<EdgeView> edges = Edges(kg);
  ASSERT_EQ(edges.size(), 2u);
  EXPECT_EQ(edges[0].source, "person:maria@posts-a-md");
  EXPECT_EQ(edges[0].target, "person:narrator-post@posts-a-md");
  EXPECT_EQ(edges[0].props.weight, 1.0);
  EXPECT_EQ(edges[1].source, "person:maria@posts-b-md");
  EXPECT_EQ(edges[1].target, "person:narrator-post@posts-b-md");
}

TEST(MergeDocumentsTest, FullNamesAreMergedAcrossDocumentsWithEveryMention) {
  KnowledgeGraph kg = MergeDocuments(TwoPostsWithMaria(), "g", "r");
  const NodeProps& lena = NodeById(kg, "person:lena-okafor");
  EXPECT_EQ(lena.documents, (Strings{"posts/a.md", "posts/b.md"}));
  ASSERT_EQ(lena.mentions.size(), 2u);
  EXPECT_EQ(lena.mentions[0].doc, "posts/a.md");
  EXPECT_EQ(lena.mentions[1].doc, "posts/b.md");
}

TEST(MergeDocumentsTest, AGivenNameInOneDocumentOnlyKeepsItsPlainId) {
  std::vector<DocumentGraph> docs = TwoPostsWithMaria();
  docs[1].nodes.erase(docs[1].nodes.begin() + 1);  // b.md has no Maria
  docs[1].edges.clear();
  KnowledgeGraph kg = MergeDocuments(docs, "g", "r");
  EXPECT_EQ(NodeById(kg, "person:maria").documents, (Strings{"posts/a.md"}));
}

DocumentGraph OrgDocument(std::string doc, std::string id, std::string label, Strings aliases) {
  DocumentGraph d;
  d.doc = doc;
  d.nodes.push_back(MakeNode(id, label, "ORG", aliases, {{doc, 0, 3, label, "r"}}, {}));
  d.nodes.push_back(
      MakeNode("person:lena-okafor", "Lena Okafor", "PERSON", {}, {{doc, 9, 20, "Lena", "r"}}, {}));
  d.edges.push_back(MakeEdge("person:lena-okafor", id, "affiliated_with", 1,
                             {{doc, 0, 20, "Lena works there.", "r"}}));
  return d;
}

TEST(MergeDocumentsTest, AnAcronymInOneDocumentJoinsTheFullNameOfAnother) {
  KnowledgeGraph kg = MergeDocuments({OrgDocument("a.md", "org:psf", "PSF", {}),
                                      OrgDocument("b.md", "org:python-software-foundation",
                                                  "Python Software Foundation", {"PSF"})},
                                     "g", "r");
  EXPECT_EQ(NodeIds(kg), (Strings{"org:python-software-foundation", "person:lena-okafor"}));
  const NodeProps& psf = NodeById(kg, "org:python-software-foundation");
  EXPECT_EQ(psf.label, "Python Software Foundation");
  EXPECT_EQ(psf.aliases, (Strings{"PSF"}));
  EXPECT_EQ(psf.documents, (Strings{"a.md", "b.md"}));
  std::vector<EdgeView> edges = Edges(kg);
  ASSERT_EQ(edges.size(), 1u);
  EXPECT_EQ(edges[0].target, "org:python-software-foundation");
  EXPECT_EQ(edges[0].props.weight, 2.0);
}

TEST(MergeDocumentsTest, AnAliasThatNamesTwoNodesJoinsNeither) {
  KnowledgeGraph kg = MergeDocuments(
      {OrgDocument("a.md", "org:psf", "PSF", {}),
       OrgDocument("b.md", "org:python-software-foundation", "Python Software Foundation", {"PSF"}),
       OrgDocument("c.md", "org:pacific-sailing-federation", "Pacific Sailing Federation",
                   {"PSF"})},
      "g", "r");
  EXPECT_EQ(NodeIds(kg), (Strings{"org:pacific-sailing-federation", "org:psf",
                                  "org:python-software-foundation", "person:lena-okafor"}));
}

TEST(MergeDocumentsTest, AnAcronymDoesNotJoinAFullNameThatADocumentNamesBesideIt) {
  // c.md names both "PSF" and "Python Software Foundation": its resolution kept them apart.
  DocumentGraph both = OrgDocument("c.md", "org:psf", "PSF", {});
  both.nodes.push_back(MakeNode("org:python-software-foundation", "Python Software Foundation",
                                "ORG", {}, {{"c.md", 30, 56, "Python Software Foundation", "r"}},
                                {}));
  KnowledgeGraph kg = MergeDocuments(
      {OrgDocument("a.md", "org:psf", "PSF", {}),
       OrgDocument("b.md", "org:python-software-foundation", "Python Software Foundation", {"PSF"}),
       both},
      "g", "r");
  EXPECT_EQ(NodeIds(kg),
            (Strings{"org:psf", "org:python-software-foundation", "person:lena-okafor"}));
}

// Three reports that each name Lena Okafor twice and state her affiliation twice.
std::vector<DocumentGraph> ThreeReportsOfLena() {
  std::vector<DocumentGraph> docs;
  for (std::string doc : {"r1.txt", "r2.txt", "r3.txt"}) {
    DocumentGraph d = OrgDocument(doc, "org:psf", "PSF", {});
    d.nodes[1].mentions.push_back({doc, 40, 51, "Lena Okafor", "r"});
    d.edges[0].props.weight = 2;
    d.edges[0].props.evidence.push_back({doc, 40, 60, "Lena is at the PSF.", "r"});
    docs.push_back(std::move(d));
  }
  return docs;
}

TEST(GraphMergerTest, KeepsTheFirstMentionsAndEvidenceButCountsThemAllByDocument) {
  GraphMerger merger(/*max_evidence=*/3, /*max_mentions=*/4);
  for (DocumentGraph& d : ThreeReportsOfLena()) merger.Add(std::move(d));
  KnowledgeGraph kg;
  merger.Finish("g", "r", &kg);
  const NodeProps& lena = NodeById(kg, "person:lena-okafor");
  ASSERT_EQ(lena.mentions.size(), 4u);  // of 6, in input order
  EXPECT_EQ(lena.mentions[0].doc, "r1.txt");
  EXPECT_EQ(lena.mentions[1].doc, "r1.txt");
  EXPECT_EQ(lena.mentions[2].doc, "r2.txt");
  EXPECT_EQ(lena.mentions[3].doc, "r2.txt");
  ASSERT_EQ(lena.mention_counts.size(), 3u);
  for (const DocumentCount& c : lena.mention_counts) EXPECT_EQ(c.count, 2u) << c.doc;
  EXPECT_EQ(lena.documents, (Strings{"r1.txt", "r2.txt", "r3.txt"}));
  std::vector<EdgeView> edges = Edges(kg);
  ASSERT_EQ(edges.size(), 1u);
  EXPECT_EQ(edges[0].props.weight, 6.0);
  ASSERT_EQ(edges[0].props.evidence.size(), 3u);
  EXPECT_EQ(edges[0].props.evidence[2].doc, "r2.txt");
  ASSERT_EQ(edges[0].props.evidence_counts.size(), 3u);
  EXPECT_EQ(edges[0].props.evidence_counts[2].doc, "r3.txt");
  EXPECT_EQ(edges[0].props.evidence_counts[2].count, 2u);
  // The exports' document_counts are these counts, not the spans kept.
  const std::string json = ToNodeLinkJson(kg);
  EXPECT_NE(json.find(R"("document_counts":{"r1.txt":2,"r2.txt":2,"r3.txt":2})"),
            std::string::npos);
  EXPECT_NE(json.find(R"("documents":["r1.txt","r2.txt","r3.txt"])"), std::string::npos);
}

TEST(GraphMergerTest, GivesTheGraphOfMergeDocuments) {
  std::vector<DocumentGraph> docs = TwoReports();
  GraphMerger merger;
  for (const DocumentGraph& d : docs) merger.Add(d);
  KnowledgeGraph kg;
  merger.Finish("g", "r", &kg);
  EXPECT_EQ(ToNodeLinkJson(kg), ToNodeLinkJson(MergeDocuments(docs, "g", "r")));
}

TEST(GraphMergerTest, GivesTheSameGraphForAnyThreadCount) {
  // Enough ids and edge keys for several blocks of 256 each, nodes joined across documents, a
  // one-word person per document (scoped ids) and symmetric edges written both ways.
  std::vector<DocumentGraph> docs;
  for (int d = 0; d < 40; ++d) {
    DocumentGraph g;
    g.doc = "r" + std::to_string(d) + ".txt";
    for (int i = 0; i < 60; ++i) {
      const int k = (d * 37 + i * 11) % 700;
      g.nodes.push_back(MakeNode(
          "person:p-" + std::to_string(k), "P " + std::to_string(k), "PERSON",
          {"Alias " + std::to_string(k % 50)},
          {MakeSpan(g.doc, static_cast<uint32_t>(i), static_cast<uint32_t>(i + 2), "P", "rule")},
          {g.doc}));
      if (i > 0) {
        const int prev = (d * 37 + (i - 1) * 11) % 700;
        g.edges.push_back(MakeEdge("person:p-" + std::to_string(i % 2 ? k : prev),
                                   "person:p-" + std::to_string(i % 2 ? prev : k), "met", 1,
                                   {MakeSpan(g.doc, 0, 5, "met", "met_rule")}, "",
                                   /*symmetric=*/true));
      }
    }
    g.nodes.push_back(MakeNode("person:maria", "Maria", "PERSON", {}, {}, {g.doc}));
    docs.push_back(std::move(g));
  }
  std::string one;
  for (int threads : {1, 2, 3}) {
    GraphMerger merger(/*max_evidence=*/5, /*max_mentions=*/7);
    for (const DocumentGraph& d : docs) merger.Add(d);
    KnowledgeGraph kg;
    merger.Finish("g", "r", &kg, threads);
    if (threads == 1) {
      one = ToNodeLinkJson(kg);
      EXPECT_GT(boost::num_vertices(kg.graph), 600u);
      EXPECT_GT(boost::num_edges(kg.graph), 600u);
      EXPECT_EQ(NodeById(kg, "person:maria@r7-txt").label, "Maria");
    } else {
      EXPECT_EQ(ToNodeLinkJson(kg), one) << "threads " << threads;
    }
  }
}

}  // namespace
}  // namespace kg

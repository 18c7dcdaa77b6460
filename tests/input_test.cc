// Tests of stage 0, pipeline/input.h: the Markdown, HTML, JSON Lines and gzip readers, globs,
// folders and the bounded read. Every text here was written for these tests.
#include "pipeline/input.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace kg {
namespace {

using Strings = std::vector<std::string>;

Document Markdown(const std::string& md) {
  Document doc;
  Status s = MarkdownToDocument("post.md", md, &doc);
  EXPECT_TRUE(s.ok()) << s.message();
  return doc;
}

Document Html(const std::string& html) {
  Document doc;
  Status s = HtmlToDocument("page.html", html, &doc);
  EXPECT_TRUE(s.ok()) << s.message();
  return doc;
}

std::string GzipOf(const std::string& text) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, text.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// --- Markdown ---------------------------------------------------------------------------------

// cmark-gfm keeps its inline special characters ("~" of strikethrough) in one table for the
// process and clears an extension's characters when any parser finishes: readers on two threads
// must not lose each other's strikethrough (a run once kept "~~" in one report at -j2).
TEST(MarkdownTest, StrikethroughIsDroppedWhileOtherThreadsParse) {
  std::string md;
  for (int i = 0; i < 40; ++i)
    md += "We ~~walked~~ ran to the ~~old~~ new hall " + std::to_string(i) + ".\n\n";
  const std::string expected = Markdown(md).text;
  ASSERT_EQ(expected.find('~'), std::string::npos) << expected;
  std::vector<std::thread> threads;
  std::atomic<int> kept_tildes{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 150; ++i) {
        Document doc;
        if (!MarkdownToDocument("post.md", md, &doc).ok() || doc.text != expected) ++kept_tildes;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(kept_tildes.load(), 0);
}

TEST(MarkdownTest, HeadingsParagraphsAndListItemsAreLinesWithBlankLinesBetween) {
  Document doc = Markdown(
      "# Harbour Days 2031\n\nI went to the\nharbour with friends.\n\n"
      "## Talks\n\n- Tidal Energy 101\n- *Knots* for beginners\n");
  EXPECT_EQ(doc.text,
            "Harbour Days 2031\n\nI went to the harbour with friends.\n\nTalks\n\n"
            "Tidal Energy 101\n\nKnots for beginners\n");
}

TEST(MarkdownTest, LinkTextIsKeptAndTheUrlDropped) {
  Document doc = Markdown(
      "[Mira Castell](https://example.org/wiki/Mira?x=1#!top)'s [talk on sails](/talks/7) "
      "was great, see https://example.org/a?b.\n");
  EXPECT_EQ(doc.text, "Mira Castell's talk on sails was great, see .\n");
}

TEST(MarkdownTest, EmphasisMarkersInlineHtmlAndImagesGo) {
  Document doc = Markdown(
      "**Bold** and _quiet_ words<br/> with <span class=\"x\">inline</span> HTML "
      "![a photo of the pier](pier.jpg) end.\n");
  EXPECT_EQ(doc.text, "Bold and quiet words with inline HTML end.\n");
}

// Words in italics inside a line, or opening a line that goes on, read as a title get the
// quotation marks plain text would give them; a stressed word, a date, a name, a list of names
// and a photo's caption alone on its line do not.
TEST(MarkdownTest, ItalicTitlesInsideALineAreQuoted) {
  Document doc = Markdown(
      "Ana gave *Payments at the Edge of the Grid* on day one, *really* well.\n\n"
      "Held *October 23 to 26*; I met *Ida Holm* and *Ana Ruiz, Tomas Brandt and Ida Holm*.\n\n"
      "![pier](pier.jpg)*Our team at the pier on Sunday*\n\n"
      "- *Terraform from Zero* with Keegan Pieters\n");
  EXPECT_EQ(doc.text,
            "Ana gave \u201CPayments at the Edge of the Grid\u201D on day one, really well.\n\n"
            "Held October 23 to 26; I met Ida Holm and Ana Ruiz, Tomas Brandt and Ida Holm.\n\n"
            "Our team at the pier on Sunday\n\n"
            "\u201CTerraform from Zero\u201D with Keegan Pieters\n");
}

TEST(MarkdownTest, CodeBlocksGoAndInlineCodeStays) {
  Document doc = Markdown(
      "Run `kelp` first.\n\n```sh\nkelp --grow Lisbon\n```\n\n    indented code line\n\n"
      "After.\n");
  EXPECT_EQ(doc.text, "Run kelp first.\n\nAfter.\n");
}

TEST(MarkdownTest, TableRowsAreLinesOfCellsSplitByBars) {
  const std::string md = "| Speaker | Talk |\n|---|---|\n| Ada Brook | *Gulls* |\n| | Kelp |\n";
  Document doc = Markdown(md);
  EXPECT_EQ(doc.text, "Speaker | Talk\n\nAda Brook | Gulls\n\n- | Kelp\n");
  // Each cell's text still maps to its bytes in the file.
  const auto ada = static_cast<uint32_t>(doc.text.find("Ada"));
  uint32_t b = 0, e = 0;
  ASSERT_TRUE(SourceRange(doc.source_map, ada, ada + 9, &b, &e));
  EXPECT_EQ(md.substr(b, e - b), "Ada Brook");
}

TEST(MarkdownTest, YamlFrontMatterIsMetadataAndTheTitleTheFirstLine) {
  Document doc = Markdown(
      "---\ntitle: \"Notes from Kelpconf 2030\"\ndate: 2030-05-02\n"
      "author: <a href=\"https://example.org\"> Jonas Veld</a>\ntags:\n- sea\n- devops\n---\n\n"
      "I met Ada Brook.\n");
  EXPECT_EQ(doc.title, "Notes from Kelpconf 2030");
  EXPECT_EQ(doc.date, "2030-05-02");
  EXPECT_EQ(doc.author, "Jonas Veld");
  EXPECT_EQ(doc.text, "Notes from Kelpconf 2030\n\nI met Ada Brook.\n");
}

TEST(MarkdownTest, YamlAuthorListAndTomlFrontMatter) {
  Document yaml = Markdown("---\nauthors:\n  - Rosa Lind\n  - Tom Ek\n---\nText.\n");
  EXPECT_EQ(yaml.author, "Rosa Lind");
  EXPECT_EQ(yaml.text, "Text.\n");
  Document toml = Markdown("+++\ntitle = 'Dune Walk'\nauthor = \"Pia Sand\"\n+++\nText.\n");
  EXPECT_EQ(toml.title, "Dune Walk");
  EXPECT_EQ(toml.author, "Pia Sand");
  EXPECT_EQ(toml.text, "Dune Walk\n\nText.\n");
}

TEST(MarkdownTest, AnUnclosedFenceIsNotFrontMatter) {
  Document doc = Markdown("---\ntitle: x\n\nBody.\n");
  EXPECT_EQ(doc.title, "");
  EXPECT_EQ(doc.text, "title: x\n\nBody.\n");  // "---" is a thematic break
}

TEST(MarkdownTest, BoldTitleLineWithItsTextOnTheNextLineIsALineOfItsOwn) {
  Document doc = Markdown("> **Salt and Sails**\n> This talk covered knots.\n");
  EXPECT_EQ(doc.text, "Salt and Sails\n\nThis talk covered knots.\n");
  // Unmatched markers: the title's closing "**" opens the next line, which goes on wrapped.
  Document stray = Markdown("**Salt and Sails\n**This talk covered\nknots and sails.\n");
  EXPECT_EQ(stray.text, "Salt and Sails\n\nThis talk covered knots and sails.\n");
}

TEST(MarkdownTest, StaticSiteMarkupIsDropped) {
  Document doc = Markdown(
      "I met [Ada Brook](https://e.org){:target=\"_blank\"} there.\n\n"
      "{% image_custom image=\"/a.jpg\" %}\n");
  EXPECT_EQ(doc.text, "I met Ada Brook there.\n");
}

TEST(MarkdownTest, HtmlBlocksGiveTheirText) {
  Document doc = Markdown("<div class=\"note\">\n<p>Quiet &amp; calm.</p>\n</div>\n\nAfter.\n");
  EXPECT_EQ(doc.text, "Quiet & calm.\n\nAfter.\n");
}

TEST(MarkdownTest, InvalidUtf8FailsWithTheByte) {
  Document doc;
  Status s = MarkdownToDocument("post.md", "# Hi\n\xff", &doc);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(s.message(), "post.md: invalid UTF-8 at byte 5");
}

// --- HTML -------------------------------------------------------------------------------------

TEST(HtmlTest, ArticleWithoutBoilerplateAndEntitiesDecoded) {
  Document doc = Html(
      "<!DOCTYPE html><html><head><title>Kelp &amp; Co</title>"
      "<meta name=\"author\" content=\"Jonas Veld\">"
      "<meta property=\"article:published_time\" content=\"2030-05-02\">"
      "<style>p{}</style><script>var a = 'Lisbon';</script></head><body>"
      "<header><nav><a href=\"/\">Home</a></nav><p>Site tagline</p></header>"
      "<article><header><h1>Notes from Kelpconf</h1><p>Posted by me</p></header>"
      "<p>I met Ada&nbsp;Brook at the caf&eacute;.<br>She spoke &ldquo;well&rdquo;.</p>"
      "<!-- a comment --><form><input value=\"x\"><p>Subscribe</p></form>"
      "<ul><li>First</li><li>Second</li></ul><pre>code here</pre>"
      "<footer>Tags: sea</footer></article>"
      "<aside>Related posts</aside><footer>Copyright</footer></body></html>");
  EXPECT_EQ(doc.title, "Kelp & Co");
  EXPECT_EQ(doc.author, "Jonas Veld");
  EXPECT_EQ(doc.date, "2030-05-02");
  EXPECT_EQ(doc.text,
            "Notes from Kelpconf\n\nI met Ada Brook at the caf\xC3\xA9.\n\n"
            "She spoke \xE2\x80\x9Cwell\xE2\x80\x9D.\n\nFirst\n\nSecond\n");
}

TEST(HtmlTest, TableRowsAreLinesOfCellsSplitByBars) {
  Document doc = Html(
      "<html><body><article><p>Talks:</p><table><tr><th>Speaker</th><th>Talk</th></tr>"
      "<tr><td><p>Ada Brook</p></td><td><em>Gulls</em> at sea</td></tr><tr><td></td><td>Kelp</td>"
      "</tr></table><p>After.</p></article></body></html>");
  EXPECT_EQ(doc.text,
            "Talks:\n\nSpeaker | Talk\n\nAda Brook | Gulls at sea\n\n- | Kelp\n\nAfter.\n");
}

// As in Markdown: a title in italics inside a line is quoted; a stressed word, a name, and
// words in italics opening the line are not.
TEST(HtmlTest, ItalicTitlesInsideALineAreQuoted) {
  Document doc = Html(
      "<html><body><article><p>Ana gave <em>Payments at the\n Edge of the Grid</em>, <i>really</i> "
      "well, with <em>Ida Holm</em>.</p><p><em>Posted on the first day of May</em></p>"
      "</article></body></html>");
  EXPECT_EQ(doc.text,
            "Ana gave \u201CPayments at the Edge of the Grid\u201D, really well, with Ida Holm.\n\n"
            "Posted on the first day of May\n");
}

TEST(HtmlTest, MainIsTheContentWithoutAnArticle) {
  Document doc = Html(
      "<body><div>Menu one two</div><main><h2>Day one</h2><p>We sailed.</p></main>"
      "<div>Other</div></body>");
  EXPECT_EQ(doc.text, "Day one\n\nWe sailed.\n");
}

TEST(HtmlTest, LargestTextBlockIsTheContentWithoutArticleOrMain) {
  Document doc = Html(
      "<body><div id=\"side\"><p>Short.</p></div>"
      "<div id=\"post\"><p>A long first paragraph about the harbour.</p>"
      "<p>A second paragraph about the boats.</p></div></body>");
  EXPECT_EQ(doc.text,
            "A long first paragraph about the harbour.\n\nA second paragraph about the boats.\n");
}

TEST(HtmlTest, InlineElementsAreNoBoundaries) {
  Document doc = Html("<article><p>Ada <b>Brook</b> and <a href=\"x\">Tom Ek</a>.</p></article>");
  EXPECT_EQ(doc.text, "Ada Brook and Tom Ek.\n");
}

// --- JSON Lines -------------------------------------------------------------------------------

TEST(JsonLinesTest, RecordsBecomeDocumentsAndBadLinesProblemsWithTheirLine) {
  std::vector<Document> docs;
  std::vector<Status> problems;
  JsonLinesToDocuments("dump.jsonl",
                       "{\"id\": \"a\", \"text\": \"I met Ada Brook.\", \"author\": \"Pia Sand\"}\n"
                       "{\"id\": \"b\", \"text\": \n"
                       "\n"
                       "{\"id\": 7, \"format\": \"md\", \"text\": \"# T\\n\\n[Tom](u) sang.\", "
                       "\"url\": \"https://e.org/7\", \"date\": \"2030-01-01\"}\n"
                       "{\"id\": \"c\"}\n"
                       "[1, 2]\n"
                       "{\"id\": \"d\", \"format\": \"pdf\", \"text\": \"x\"}\n"
                       "{\"id\": \"e\", \"text\": \"caf\xff\"}\n",
                       &docs, &problems);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "dump.jsonl#a");
  EXPECT_EQ(docs[0].text, "I met Ada Brook.");
  EXPECT_EQ(docs[0].author, "Pia Sand");
  EXPECT_EQ(docs[1].id, "dump.jsonl#7");
  EXPECT_EQ(docs[1].text, "T\n\nTom sang.\n");
  EXPECT_EQ(docs[1].url, "https://e.org/7");
  EXPECT_EQ(docs[1].date, "2030-01-01");
  Strings messages;
  for (const Status& p : problems) messages.push_back(p.message());
  EXPECT_EQ(messages,
            (Strings{"dump.jsonl: line 2: invalid JSON", "dump.jsonl: line 5: no \"text\" string",
                     "dump.jsonl: line 6: not a JSON object",
                     "dump.jsonl: line 7: unknown \"format\" 'pdf' (txt, md or html)",
                     "dump.jsonl: line 8: invalid UTF-8 at byte 276"}));
}

// --- gzip -------------------------------------------------------------------------------------

TEST(GunzipTest, DecompressesConcatenatedMembers) {
  std::string out;
  Status s = Gunzip("a.txt.gz", GzipOf("Hello ") + GzipOf("sea."), 1000, &out);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(out, "Hello sea.");
}

TEST(GunzipTest, TruncatedDataFailsNamingTheFile) {
  std::string gz = GzipOf("Some text about the harbour and the boats.");
  std::string out;
  Status s = Gunzip("a.txt.gz", gz.substr(0, gz.size() - 10), 1000, &out);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(s.message(),
            "a.txt.gz: truncated gzip data (ends at byte " + std::to_string(gz.size() - 10) + ")");
  EXPECT_EQ(out, "");
}

TEST(GunzipTest, CorruptDataFailsWithTheByte) {
  std::string gz = GzipOf("Some text about the harbour.");
  gz[12] = static_cast<char>(gz[12] ^ 0xFF);
  gz[13] = static_cast<char>(gz[13] ^ 0xFF);
  std::string out;
  Status s = Gunzip("b.gz", gz, 1000, &out);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(s.message().rfind("b.gz: corrupt gzip data at byte ", 0), 0u) << s.message();
}

TEST(GunzipTest, OutputAboveTheMaximumFails) {
  std::string out;
  Status s = Gunzip("big.gz", GzipOf(std::string(5000, 'a')), 100, &out);
  EXPECT_EQ(s.message(),
            "big.gz: larger than the maximum document size of 100 bytes (see --max-size)");
}

// --- Files, folders, globs --------------------------------------------------------------------

class InputFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("kg-input-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Write(const std::string& rel, const std::string& bytes) {
    std::filesystem::path p = dir_ / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  std::filesystem::path dir_;
};

TEST_F(InputFilesTest, FolderIsReadRecursivelySortedWithGlobsAndHiddenEntriesSkipped) {
  Write("b.md", "x");
  Write("a.txt", "x");
  Write("sub/c.html", "x");
  Write("sub/drafts/d.md", "x");
  Write(".git/e.md", "x");
  Write("notes.bak", "x");
  InputOptions opt;
  std::vector<std::string> files;
  ASSERT_TRUE(ExpandInputs({dir_.string()}, opt, &files).ok());
  std::string d = dir_.string() + "/";
  EXPECT_EQ(files, (Strings{d + "a.txt", d + "b.md", d + "notes.bak", d + "sub/c.html",
                            d + "sub/drafts/d.md"}));
  opt.include = {"*.md", "*.html"};
  opt.exclude = {"**/drafts/**"};
  files.clear();
  ASSERT_TRUE(ExpandInputs({dir_.string()}, opt, &files).ok());
  EXPECT_EQ(files, (Strings{d + "b.md", d + "sub/c.html"}));
}

TEST_F(InputFilesTest, FolderWithoutMatchingFilesAndMissingInputFail) {
  Write("a.txt", "x");
  InputOptions opt;
  opt.include = {"*.md"};
  std::vector<std::string> files;
  Status s = ExpandInputs({dir_.string()}, opt, &files);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(s.message(), dir_.string() + ": a folder without a file to read (see --include)");
  s = ExpandInputs({(dir_ / "nope.md").string()}, InputOptions(), &files);
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
}

TEST(GlobTest, StarQuestionSetAndDoubleStar) {
  EXPECT_TRUE(GlobMatch("*.md", "post.md"));
  EXPECT_FALSE(GlobMatch("*.md", "2024/post.md"));
  EXPECT_TRUE(GlobMatch("**/*.md", "2024/05/post.md"));
  EXPECT_TRUE(GlobMatch("**/*.md", "post.md"));
  EXPECT_TRUE(GlobMatch("post-?.htm[l]", "post-7.html"));
  EXPECT_FALSE(GlobMatch("post-[!0-9].md", "post-7.md"));
  EXPECT_TRUE(GlobMatch("drafts/**", "drafts/a/b.md"));
}

TEST_F(InputFilesTest, GzippedMarkdownIsReadByItsInnerExtension) {
  std::string path = Write("post.md.gz", GzipOf("# Dune Walk\n\nI met [Pia Sand](u).\n"));
  SourceResult r = ReadSource(path, InputOptions());
  ASSERT_TRUE(r.problems.empty()) << r.problems[0].message();
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].id, path);
  EXPECT_EQ(r.documents[0].text, "Dune Walk\n\nI met Pia Sand.\n");
}

TEST_F(InputFilesTest, InputFormatOverridesTheExtension) {
  std::string path = Write("post.txt", "# Dune Walk\n");
  InputOptions opt;
  opt.format = InputFormat::kMarkdown;
  SourceResult r = ReadSource(path, opt);
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].text, "Dune Walk\n");
}

TEST_F(InputFilesTest, BinaryFirstBlockIsRejectedBeforeReadingOn) {
  std::string path = Write("photo.txt", std::string("JFIF\0\0", 6) + std::string(200000, 'a'));
  SourceResult r = ReadSource(path, InputOptions());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].message(),
            path + ": binary data (control byte 0x00) at byte 4; expected a text report");
  EXPECT_LT(r.bytes, 200000u);  // stopped after the first block
}

TEST_F(InputFilesTest, DocumentAboveTheMaximumSizeIsAProblem) {
  std::string path = Write("long.txt", std::string(1000, 'a'));
  InputOptions opt;
  opt.max_bytes = 999;
  SourceResult r = ReadSource(path, opt);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].message(),
            path + ": larger than the maximum document size of 999 bytes (see --max-size)");
  EXPECT_TRUE(r.documents.empty());
}

TEST_F(InputFilesTest, GzippedJsonLinesAreStreamedToTheSinkWithBadLinesAsProblems) {
  std::string dump;
  for (int i = 0; i < 3000; ++i) {  // several blocks, compressed and not
    dump += "{\"id\": \"p" + std::to_string(i) + "\", \"text\": \"I met Ada Brook in Oslo.\"}\n";
    if (i == 1500) dump += "{broken\n";
  }
  std::string path = Write("dump.jsonl.gz", GzipOf(dump));
  Strings ids;
  SourceResult r = ReadSource(path, InputOptions(), [&](Document&& doc) { ids.push_back(doc.id); });
  EXPECT_TRUE(r.documents.empty());  // all went to the sink
  ASSERT_EQ(ids.size(), 3000u);
  EXPECT_EQ(ids.front(), path + "#p0");
  EXPECT_EQ(ids.back(), path + "#p2999");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].message(), path + ": line 1502: invalid JSON");
}

TEST_F(InputFilesTest, JsonLinesLineAboveTheMaximumIsAProblemAndReadingGoesOn) {
  std::string path = Write("dump.jsonl", "{\"id\": \"a\", \"text\": \"" + std::string(300, 'x') +
                                             "\"}\n{\"id\": \"b\", \"text\": \"Short.\"}\n");
  InputOptions opt;
  opt.max_bytes = 100;
  SourceResult r = ReadSource(path, opt);
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].id, path + "#b");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].message(),
            path + ": line 1: longer than the maximum document size of 100 bytes (see --max-size)");
}

TEST_F(InputFilesTest, TruncatedGzipJsonLinesKeepTheRecordsBeforeTheDamage) {
  std::string dump;
  for (int i = 0; i < 2000; ++i) dump += "{\"id\": " + std::to_string(i) + ", \"text\": \"x\"}\n";
  std::string gz = GzipOf(dump);
  std::string path = Write("cut.jsonl.gz", gz.substr(0, gz.size() / 2));
  SourceResult r = ReadSource(path, InputOptions());
  EXPECT_GT(r.documents.size(), 0u);
  EXPECT_LT(r.documents.size(), 2000u);
  ASSERT_FALSE(r.problems.empty());
  EXPECT_EQ(r.problems.back().message(),
            path + ": truncated gzip data (ends at byte " + std::to_string(gz.size() / 2) + ")");
}

TEST_F(InputFilesTest, BinaryFileNamedJsonLinesIsOneProblem) {
  std::string path = Write("photo.jsonl", std::string("\x89PNG\0\0\n\n\n", 9));
  SourceResult r = ReadSource(path, InputOptions());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].message(),
            path + ": binary data (control byte 0x00) at byte 4; expected JSON Lines");
}

TEST(FormatOfPathTest, ByExtensionAfterGz) {
  EXPECT_EQ(FormatOfPath("a.MD"), InputFormat::kMarkdown);
  EXPECT_EQ(FormatOfPath("a.markdown.gz"), InputFormat::kMarkdown);
  EXPECT_EQ(FormatOfPath("a.htm"), InputFormat::kHtml);
  EXPECT_EQ(FormatOfPath("dump.jsonl.gz"), InputFormat::kJsonl);
  EXPECT_EQ(FormatOfPath("notes"), InputFormat::kText);
}

// --- Source maps: analysed-text bytes -> original-file bytes --------------------------------

// The original bytes that text[text.find(word), +size) came from, or "" when unknown.
std::string SourceOf(const Document& doc, const std::string& original, const std::string& word) {
  size_t at = doc.text.find(word);
  EXPECT_NE(at, std::string::npos) << word << " not in " << doc.text;
  if (at == std::string::npos) return "";
  uint32_t b = 0, e = 0;
  if (!SourceRange(doc.source_map, static_cast<uint32_t>(at),
                   static_cast<uint32_t>(at + word.size()), &b, &e)) {
    return "";
  }
  return original.substr(b, e - b);
}

TEST(SourceMapTest, PlainTextMapsByteForByteAfterTheBom) {
  const std::string plain = "I met Jos\xC3\xA9 Ruiz in Lyon.\n";
  Document doc;
  ASSERT_TRUE(TextToDocument("a.txt", plain, &doc).ok());
  EXPECT_EQ(SourceOf(doc, plain, "Ruiz in Lyon"), "Ruiz in Lyon");
  const std::string bom = "\xEF\xBB\xBF" + plain;
  ASSERT_TRUE(TextToDocument("b.txt", bom, &doc).ok());
  uint32_t b = 0, e = 0;
  ASSERT_TRUE(SourceRange(doc.source_map, 0, 1, &b, &e));
  EXPECT_EQ(b, 3u);  // the file's offsets: the BOM comes first
  EXPECT_EQ(SourceOf(doc, bom, "Lyon"), "Lyon");
}

TEST(SourceMapTest, TextThatNfcChangesMapsToTheOriginalWord) {
  const std::string nfd = "I met Jose\xCC\x81 Ruiz in Lyon.\n";  // e + U+0301
  Document doc;
  ASSERT_TRUE(TextToDocument("a.txt", nfd, &doc).ok());
  EXPECT_EQ(SourceOf(doc, nfd, "Jos\xC3\xA9"), "Jose\xCC\x81");
  EXPECT_EQ(SourceOf(doc, nfd, "Ruiz"), "Ruiz");  // untouched words stay exact
}

TEST(SourceMapTest, HtmlTextRunsMapToTheirBytesAndEntitiesToTheWholeReference) {
  const std::string html =
      "<html><body><nav>Menu</nav><article><p>I met <b>Ren&eacute;e Dubois</b> and\r\n"
      "Jana Nov&#225;kov&#xE1; at Smith &amp; Co.</p></article></body></html>";
  Document doc = Html(html);
  EXPECT_EQ(SourceOf(doc, html, "Dubois"), "Dubois");
  EXPECT_EQ(SourceOf(doc, html,
                     "Ren\xC3\xA9"
                     "e Dubois"),
            "Ren&eacute;e Dubois");
  EXPECT_EQ(SourceOf(doc, html, "Nov\xC3\xA1kov\xC3\xA1"), "Nov&#225;kov&#xE1;");
  EXPECT_EQ(SourceOf(doc, html, "Smith & Co."), "Smith &amp; Co.");
  EXPECT_EQ(SourceOf(doc, html, "and Jana"), "and\r\nJana");
}

TEST(SourceMapTest, MarkdownTextNodesMapToTheirBytesPastFrontMatterAndMarkup) {
  const std::string md =
      "---\ntitle: Notes from Lyon\n---\n\n# Day one\n\n"
      "I met **Marco Rossi** and [Jana Novak](https://example.org) at `Kube`.\n"
      "Thanks to Priya &amp; Omar!\n\n- item with *Sofia Lind*\n\n"
      "| a | b |\n|---|---|\n| Cell Person | x |\n\n<p>Raw Html Person</p>\n";
  Document doc = Markdown(md);
  EXPECT_EQ(SourceOf(doc, md, "Notes from Lyon"), "Notes from Lyon");
  EXPECT_EQ(SourceOf(doc, md, "Marco Rossi"), "Marco Rossi");
  EXPECT_EQ(SourceOf(doc, md, "Jana Novak"), "Jana Novak");
  EXPECT_EQ(SourceOf(doc, md, "Kube"), "Kube");
  EXPECT_EQ(SourceOf(doc, md, "Priya & Omar"), "Priya &amp; Omar");
  EXPECT_EQ(SourceOf(doc, md, "Sofia Lind"), "Sofia Lind");
  EXPECT_EQ(SourceOf(doc, md, "Cell Person"), "Cell Person");
  EXPECT_EQ(SourceOf(doc, md, "Raw Html Person"), "Raw Html Person");
  EXPECT_EQ(SourceOf(doc, md, "Day one"), "Day one");
}

TEST(SourceMapTest, JsonLinesRecordsHaveNoMap) {
  std::vector<Document> docs;
  std::vector<Status> problems;
  JsonLinesToDocuments("d.jsonl", "{\"id\": 1, \"text\": \"I met Jana Novak.\"}\n", &docs,
                       &problems);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_TRUE(docs[0].source_map.empty());
}

}  // namespace
}  // namespace kg

// Tests for pipeline/text.h (stages 1-2): MakeDocument, ReadDocument, IcuStatus, Tokenizer
// and CodePointCount, on small invented texts.
#include "pipeline/text.h"

#include <gtest/gtest.h>
#include <unicode/utypes.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/pipeline.h"  // ExitCodeFor
#include "tests/test_rules.h"   // TokenizerLexiconOfData

namespace kg {
namespace {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;
using testing::TokenizerLexiconOfData;

// --- MakeDocument: UTF-8 validation --------------------------------------------------------------

TEST(MakeDocumentTest, AcceptsValidUtf8AndKeepsSourceAsId) {
  Document doc;
  Status s = MakeDocument("notes.txt",
                          "Zo\xC3\xAB flew to \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x90\x8D.", &doc);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(doc.id, "notes.txt");
  EXPECT_EQ(doc.text, "Zo\xC3\xAB flew to \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x90\x8D.");
}

TEST(MakeDocumentTest, AsciiPassesThroughUnchanged) {
  Document doc;
  const std::string text = "Maria met Tomas at DataFest.\n\n- a list item\r\n\tTabbed\f";
  ASSERT_TRUE(MakeDocument("a.txt", text, &doc).ok());
  EXPECT_EQ(doc.text, text);
}

TEST(MakeDocumentTest, EmptyInputGivesEmptyText) {
  Document doc;
  doc.text = "stale";
  ASSERT_TRUE(MakeDocument("empty.txt", "", &doc).ok());
  EXPECT_EQ(doc.id, "empty.txt");
  EXPECT_EQ(doc.text, "");
}

struct InvalidUtf8Case {
  const char *what;
  std::string bytes;
  size_t offset;
};

// Names the case in test output (and in ctest's names, which
// gtest_discover_tests builds from it) instead of dumping the struct's bytes,
// pointers included.
void PrintTo(const InvalidUtf8Case &c, std::ostream *os) { *os << c.what; }

class MakeDocumentInvalidUtf8Test : public ::testing::TestWithParam<InvalidUtf8Case> {};

TEST_P(MakeDocumentInvalidUtf8Test, RejectedWithSourceAndByteOffset) {
  const InvalidUtf8Case &c = GetParam();
  Document doc;
  Status s = MakeDocument("trip.txt", c.bytes, &doc);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(s.message(), "trip.txt: invalid UTF-8 at byte " + std::to_string(c.offset));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MakeDocumentInvalidUtf8Test,
    ::testing::Values(InvalidUtf8Case{"LoneContinuationByte", std::string("abc\x80xyz"), 3},
                      InvalidUtf8Case{"TruncatedSequenceAtEnd", std::string("Jos\xC3"), 3},
                      InvalidUtf8Case{"TruncatedSequenceBeforeAscii", std::string("ab\xE2\x82 z"),
                                      2},
                      InvalidUtf8Case{"OverlongNul", std::string("hi \xC0\x80 there"), 3},
                      InvalidUtf8Case{"Surrogate", std::string("x\xED\xA0\x80y"), 1},
                      InvalidUtf8Case{"AboveU10FFFF", std::string("ok\xF4\x90\x80\x80"), 2},
                      InvalidUtf8Case{"AfterValidMultibyte", std::string("Zo\xC3\xAB\xFF"), 4}),
    [](const ::testing::TestParamInfo<InvalidUtf8Case> &info) { return info.param.what; });

TEST(MakeDocumentTest, NulByteIsBinaryWithByteOffset) {
  Document doc;
  Status s = MakeDocument("image.png", std::string("PNG\0data", 8), &doc);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_NE(s.message().find("image.png"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("binary"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("at byte 3"), std::string::npos) << s.message();
}

// Issue 12 item 17: scraped text with a few stray control bytes is read, the strays replaced by
// spaces (offsets unchanged) and said in doc.warning; a high share of them is binary.
TEST(MakeDocumentTest, StrayControlBytesAreReplacedBySpacesWithAWarning) {
  Document doc;
  ASSERT_TRUE(MakeDocument("x.txt", "ab\x01 I met \x1b[31mAnna\x7f.", &doc).ok());
  EXPECT_EQ(doc.text, "ab  I met  [31mAnna .");
  EXPECT_EQ(doc.warning,
            "x.txt: 3 stray control characters replaced by spaces (the first, 0x01, at byte 2)");
  ASSERT_TRUE(MakeDocument("y.txt", "Hello Zo\xC3\xAB\x02", &doc).ok());
  EXPECT_EQ(doc.text, "Hello Zo\xC3\xAB ");
  EXPECT_EQ(doc.warning,
            "y.txt: 1 stray control character replaced by spaces (the first, 0x02, at byte 10)");
  ASSERT_TRUE(MakeDocument("z.txt", "clean\ttext\f\r\n", &doc).ok());
  EXPECT_EQ(doc.warning, "");
}

TEST(MakeDocumentTest, AHighShareOfControlBytesIsBinary) {
  Document doc;
  std::string bytes(300, 'a');
  for (size_t i = 0; i < 16; ++i) bytes[i * 2] = '\x01';  // 16 of 300: more than 5 %
  Status s = MakeDocument("x.bin", bytes, &doc);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(s.message(),
            "x.bin: binary data (control byte 0x01) at byte 0; expected a text report");
  bytes = std::string(400, 'a');
  for (size_t i = 0; i < 16; ++i) bytes[i * 2] = '\x01';  // 16 of 400: 4 %, repaired
  EXPECT_TRUE(MakeDocument("x.txt", bytes, &doc).ok());
}

TEST(MakeDocumentTest, Utf16IsNamedAsSuch) {
  Document doc;
  Status s = MakeDocument("w.txt", std::string("\xFF\xFEH\0i\0", 6), &doc);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(s.message(),
            "w.txt: UTF-16LE text (byte-order mark FF FE); expected UTF-8: convert it first "
            "(iconv -f UTF-16 -t UTF-8)");
  s = MakeDocument("b.txt", std::string("\xFE\xFF\0H", 4), &doc);
  EXPECT_NE(s.message().find("b.txt: UTF-16BE text (byte-order mark FE FF)"), std::string::npos);
  s = MakeDocument("n.txt", std::string("I\0 \0m\0e\0t\0 \0A\0n\0n\0a\0", 20), &doc);
  EXPECT_NE(s.message().find("n.txt: UTF-16LE text (no byte-order mark)"), std::string::npos)
      << s.message();
}

TEST(EscapeControlsTest, MessagesStayOneLineWithoutEscapeSequences) {
  EXPECT_EQ(EscapeControls("a.txt: no such file"), "a.txt: no such file");
  EXPECT_EQ(EscapeControls("bad\nname\x1b[31m.txt: no such file"),
            "bad\\nname\\x1b[31m.txt: no such file");
  EXPECT_EQ(EscapeControls("Zo\xC3\xAB \xFF.txt"), "Zo\xC3\xAB \\xff.txt");
}

TEST(QuotePathTest, PlainNamesUnchangedOthersQuotedAndEscaped) {
  EXPECT_EQ(QuotePath("out/g.json"), "out/g.json");
  EXPECT_EQ(QuotePath("Zo\xC3\xAB.json"), "Zo\xC3\xAB.json");
  EXPECT_EQ(QuotePath("a\nb.json"), "'a\\nb.json'");
  EXPECT_EQ(QuotePath("it's\t\\x"), "'it\\'s\\t\\\\x'");
  EXPECT_EQ(QuotePath("bad\xff"), "'bad\\xff'");
  EXPECT_EQ(QuotePath("c1\xC2\x9B"), "'c1\\u009b'");
}

TEST(MakeDocumentTest, ByteOrderMarkIsStripped) {
  Document doc;
  ASSERT_TRUE(MakeDocument("bom.txt", "\xEF\xBB\xBFHello Zo\xC3\xAB", &doc).ok());
  EXPECT_EQ(doc.text, "Hello Zo\xC3\xAB");
  ASSERT_TRUE(MakeDocument("bom-ascii.txt", "\xEF\xBB\xBFHello", &doc).ok());
  EXPECT_EQ(doc.text, "Hello");
}

TEST(MakeDocumentTest, NormalisesToNfc) {
  Document doc;
  // "Jose" + U+0301 COMBINING ACUTE ACCENT becomes "José" with U+00E9.
  ASSERT_TRUE(MakeDocument("nfd.txt", "Jose\xCC\x81 spoke.", &doc).ok());
  EXPECT_EQ(doc.text, "Jos\xC3\xA9 spoke.");
  EXPECT_EQ(CodePointCount(doc.text), 11u);
}

// --- ReadDocument --------------------------------------------------------------------------------

class ReadDocumentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kg_text_test_" + std::to_string(::getpid()) + "_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string &name, std::string_view bytes) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p.string();
  }
  fs::path dir_;
};

TEST_F(ReadDocumentTest, MissingFileIsNotFound) {
  Document doc;
  std::string path = (dir_ / "no-such-report.txt").string();
  Status s = ReadDocument(path, &doc);
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_NE(s.message().find(path), std::string::npos) << s.message();
}

TEST_F(ReadDocumentTest, DirectoryIsInvalidInput) {
  Document doc;
  Status s = ReadDocument(dir_.string(), &doc);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_NE(s.message().find(dir_.string()), std::string::npos) << s.message();
}

TEST_F(ReadDocumentTest, EmptyFileGivesEmptyText) {
  Document doc;
  std::string path = Write("empty.txt", "");
  Status s = ReadDocument(path, &doc);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(doc.id, path);
  EXPECT_EQ(doc.text, "");
}

TEST_F(ReadDocumentTest, ReadsAndNormalisesFile) {
  Document doc;
  std::string path = Write("report.txt", "\xEF\xBB\xBFJose\xCC\x81 was there.\n");
  ASSERT_TRUE(ReadDocument(path, &doc).ok());
  EXPECT_EQ(doc.text, "Jos\xC3\xA9 was there.\n");
}

// A read error (EIO: the kernel refuses to read address 0 of the process's memory) is a bad
// input, category kInvalidInput (exit 4), as in the main command and `render`: not an output
// error, and not an exception escaping from a stream.
TEST_F(ReadDocumentTest, ReadErrorIsInvalidInputNamingTheError) {
  Document doc;
  Status s = ReadDocument("/proc/self/mem", &doc);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput) << s.ToString();
  EXPECT_EQ(s.message(), "/proc/self/mem: cannot read: Input/output error");
  EXPECT_EQ(ExitCodeFor(s), kExitInputInvalid);
}

TEST_F(ReadDocumentTest, InvalidUtf8FileNamesThePathAndOffset) {
  Document doc;
  std::string path = Write("bad.txt", "Hello\xC0\x80");
  Status s = ReadDocument(path, &doc);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(s.message(), path + ": invalid UTF-8 at byte 5");
}

// --- IcuStatus ----------------------------------------------------------------------------------

// ICU failing is no fault of the input: an internal error (exit 1) that names ICU's error.
TEST(IcuStatusTest, FailureIsInternalAndNamesIcusError) {
  Status s = IcuStatus("a.txt: cannot normalise to NFC", U_MEMORY_ALLOCATION_ERROR);
  EXPECT_EQ(s.code(), Status::Code::kInternal);
  EXPECT_EQ(s.message(), "a.txt: cannot normalise to NFC: ICU error U_MEMORY_ALLOCATION_ERROR");
  EXPECT_EQ(ExitCodeFor(s), kExitInternal);
}

TEST(IcuStatusTest, SuccessAndWarningsAreOk) {
  EXPECT_TRUE(IcuStatus("x", U_ZERO_ERROR).ok());
  EXPECT_TRUE(IcuStatus("x", U_USING_DEFAULT_WARNING).ok());  // a fallback locale: no failure
}

// --- Tokenizer -----------------------------------------------------------------------------------

// The tokens of a document as their texts.
Strings TokenTexts(const TokenizedDocument &td) {
  Strings out;
  for (const Token &t : td.tokens) out.emplace_back(td.TextOf(t));
  return out;
}

Strings SentenceTexts(const TokenizedDocument &td) {
  Strings out;
  for (const Sentence &s : td.sentences) out.emplace_back(td.TextOf(s));
  return out;
}

class TokenizerTest : public ::testing::Test {
 protected:
  const TokenizedDocument &Run(std::string text) {
    doc_.id = "t.txt";
    doc_.text = std::move(text);
    td_ = tokenizer_.Tokenize(doc_);
    return td_;
  }
  // The shape of the only token whose text is `word`.
  Shape ShapeOfWord(std::string_view word) {
    const Token *found = nullptr;
    for (const Token &t : td_.tokens) {
      if (td_.TextOf(t) == word) {
        EXPECT_EQ(found, nullptr) << "two tokens " << word;
        found = &t;
      }
    }
    EXPECT_NE(found, nullptr) << "no token " << word;
    return found ? found->shape : Shape::kSymbol;
  }
  Tokenizer tokenizer_{TokenizerLexiconOfData()};
  Document doc_;
  TokenizedDocument td_;
};

TEST_F(TokenizerTest, IsOk) { EXPECT_TRUE(tokenizer_.ok()) << tokenizer_.error(); }

TEST_F(TokenizerTest, TokensCarryByteAndCodePointOffsets) {
  const TokenizedDocument &td = Run("Zo\xC3\xAB met Jos\xC3\xA9.");  // "Zoë met José."
  EXPECT_EQ(td.doc, &doc_);
  ASSERT_EQ(td.tokens.size(), 4u);
  EXPECT_EQ(TokenTexts(td), (Strings{"Zo\xC3\xAB", "met", "Jos\xC3\xA9", "."}));
  struct Want {
    uint32_t b, e, cb, ce;
    Shape shape;
  };
  const Want want[] = {{0, 4, 0, 3, Shape::kCapitalized},
                       {5, 8, 4, 7, Shape::kLower},
                       {9, 14, 8, 12, Shape::kCapitalized},
                       {14, 15, 12, 13, Shape::kPunct}};
  for (size_t i = 0; i < 4; ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(td.tokens[i].begin, want[i].b);
    EXPECT_EQ(td.tokens[i].end, want[i].e);
    EXPECT_EQ(td.tokens[i].cp_begin, want[i].cb);
    EXPECT_EQ(td.tokens[i].cp_end, want[i].ce);
    EXPECT_EQ(td.tokens[i].shape, want[i].shape);
  }
  ASSERT_EQ(td.sentences.size(), 1u);
  const Sentence &s = td.sentences[0];
  EXPECT_EQ(s.begin, 0u);
  EXPECT_EQ(s.end, 15u);
  EXPECT_EQ(s.cp_begin, 0u);
  EXPECT_EQ(s.cp_end, 13u);
  EXPECT_EQ(s.first_token, 0u);
  EXPECT_EQ(s.end_token, 4u);
  EXPECT_FALSE(s.is_heading);
}

TEST_F(TokenizerTest, Shapes) {
  Run("Warsaw hosted CNCF and PyCon folks, eBPF fans; 2024 brought Python 3.13 "
      "& keynote.");
  EXPECT_EQ(ShapeOfWord("Warsaw"), Shape::kCapitalized);
  EXPECT_EQ(ShapeOfWord("hosted"), Shape::kLower);
  EXPECT_EQ(ShapeOfWord("CNCF"), Shape::kAllCaps);
  EXPECT_EQ(ShapeOfWord("PyCon"), Shape::kMixed);
  EXPECT_EQ(ShapeOfWord("eBPF"), Shape::kMixed);
  EXPECT_EQ(ShapeOfWord("2024"), Shape::kDigits);
  EXPECT_EQ(ShapeOfWord("3.13"), Shape::kAlnum);
  EXPECT_EQ(ShapeOfWord(","), Shape::kPunct);
  EXPECT_EQ(ShapeOfWord(";"), Shape::kPunct);
  EXPECT_EQ(ShapeOfWord("&"), Shape::kPunct);
}

// A camel-case name with its edition's year in one word is a name; other letters and digits
// are not.
TEST_F(TokenizerTest, NameWithItsYearInOneWordIsMixedNotAlnum) {
  Run("DataCon23 and PyCon2019 beat H100 boards, GPT4, COVID19 and 1GB.");
  EXPECT_EQ(ShapeOfWord("DataCon23"), Shape::kMixed);
  EXPECT_EQ(ShapeOfWord("PyCon2019"), Shape::kMixed);
  EXPECT_EQ(ShapeOfWord("H100"), Shape::kAlnum);
  EXPECT_EQ(ShapeOfWord("GPT4"), Shape::kAlnum);
  EXPECT_EQ(ShapeOfWord("COVID19"), Shape::kAlnum);
  EXPECT_EQ(ShapeOfWord("1GB"), Shape::kAlnum);
}

TEST_F(TokenizerTest, SingleCapitalIsCapitalizedNotAllCaps) {
  Run("I met A. Brandt.");
  EXPECT_EQ(ShapeOfWord("I"), Shape::kCapitalized);
  EXPECT_EQ(ShapeOfWord("A"), Shape::kCapitalized);
}

TEST_F(TokenizerTest, PossessiveIsSplitOff) {
  const TokenizedDocument &td = Run("Anna's keynote.");
  EXPECT_EQ(TokenTexts(td), (Strings{"Anna", "'s", "keynote", "."}));
  ASSERT_GE(td.tokens.size(), 2u);
  EXPECT_EQ(td.tokens[0].end, 4u);
  EXPECT_EQ(td.tokens[0].shape, Shape::kCapitalized);
  EXPECT_EQ(td.tokens[1].begin, 4u);
  EXPECT_EQ(td.tokens[1].end, 6u);
  EXPECT_EQ(td.tokens[1].shape, Shape::kPunct);
}

TEST_F(TokenizerTest, TypographicPossessiveIsSplitOff) {
  const TokenizedDocument &td = Run("Zo\xC3\xAB\xE2\x80\x99s talk.");  // "Zoë’s talk."
  EXPECT_EQ(TokenTexts(td), (Strings{"Zo\xC3\xAB", "\xE2\x80\x99s", "talk", "."}));
  ASSERT_GE(td.tokens.size(), 2u);
  EXPECT_EQ(td.tokens[0].cp_end, 3u);
  EXPECT_EQ(td.tokens[1].begin, 4u);
  EXPECT_EQ(td.tokens[1].end, 8u);
  EXPECT_EQ(td.tokens[1].cp_begin, 3u);
  EXPECT_EQ(td.tokens[1].cp_end, 5u);
}

TEST_F(TokenizerTest, SentencesStartingInLowerCaseAreSentences) {
  const TokenizedDocument &td =
      Run("hi all! short recap of the meetup. about 60 people came, e.g. students etc. and "
          "staff. she talked about \"async code\". great night. Is it dead? asked Ana.");
  EXPECT_EQ(SentenceTexts(td), (Strings{"hi all!", "short recap of the meetup.",
                                        "about 60 people came, e.g. students etc. and staff.",
                                        "she talked about \"async code\".", "great night.",
                                        "Is it dead? asked Ana."}));
}

TEST_F(TokenizerTest, IcuSplitsSentences) {
  const TokenizedDocument &td =
      Run("We flew to Oslo. The venue was cold! Was it worth it? Yes, absolutely.");
  EXPECT_EQ(SentenceTexts(td), (Strings{"We flew to Oslo.", "The venue was cold!",
                                        "Was it worth it?", "Yes, absolutely."}));
  ASSERT_EQ(td.sentences.size(), 4u);
  // Trailing spaces are not part of a sentence; tokens partition the sentences.
  EXPECT_EQ(td.sentences[1].begin, 17u);
  EXPECT_EQ(td.sentences[1].cp_begin, 17u);
  EXPECT_EQ(td.sentences[0].end_token, td.sentences[1].first_token);
  EXPECT_EQ(td.sentences[3].end_token, td.tokens.size());
}

TEST_F(TokenizerTest, HeadingAndListItemsAreSeparateSentences) {
  const TokenizedDocument &td =
      Run("Three Days at Fogfest\n"
          "\n"
          "The highlights were these\n"
          "- a talk on compilers\n"
          "- the hallway track\n"
          "We left on Sunday. It rained.\n");
  EXPECT_EQ(SentenceTexts(td),
            (Strings{"Three Days at Fogfest", "The highlights were these", "- a talk on compilers",
                     "- the hallway track", "We left on Sunday.", "It rained."}));
  ASSERT_EQ(td.sentences.size(), 6u);
  EXPECT_TRUE(td.sentences[0].is_heading);
  EXPECT_FALSE(td.sentences[4].is_heading);
  EXPECT_FALSE(td.sentences[5].is_heading);
}

TEST_F(TokenizerTest, TitleLineDirectlyAboveAParagraphIsAHeading) {
  const TokenizedDocument &td = Run("Notes From Fogfest\nWe arrived late. We left early.\n");
  EXPECT_EQ(SentenceTexts(td),
            (Strings{"Notes From Fogfest", "We arrived late.", "We left early."}));
  ASSERT_EQ(td.sentences.size(), 3u);
  EXPECT_TRUE(td.sentences[0].is_heading);
  EXPECT_FALSE(td.sentences[1].is_heading);
}

// The lines of a paragraph form one block, and a line break inside a block is
// not a sentence end (ICU's rules alone would break after every line feed: UAX
// #29 SB4, LF is a paragraph separator).
TEST_F(TokenizerTest, ParagraphLinesAfterAPunctuatedLineJoin) {
  const TokenizedDocument &td = Run("It was cold, and\nwe met Ines at the booth.\n");
  EXPECT_EQ(SentenceTexts(td), (Strings{"It was cold, and\nwe met Ines at the booth."}));
}

// A hard-wrapped paragraph whose first line happens to end without punctuation:
// the next line starts in lower case, so the first line is not a heading.
TEST_F(TokenizerTest, WrappedParagraphFirstLineIsNotAHeading) {
  const TokenizedDocument &td = Run("We met Ines at the\nbooth on Friday.\n");
  EXPECT_EQ(SentenceTexts(td), (Strings{"We met Ines at the\nbooth on Friday."}));
  ASSERT_EQ(td.sentences.size(), 1u);
  EXPECT_FALSE(td.sentences[0].is_heading);
}

TEST_F(TokenizerTest, InitialsAndTitlesDoNotEndASentence) {
  const TokenizedDocument &td =
      Run("We walked to the David L. Lawrence Hall. "
          "Dr. Smith opened the day. Then lunch.");
  EXPECT_EQ(SentenceTexts(td), (Strings{"We walked to the David L. Lawrence Hall.",
                                        "Dr. Smith opened the day.", "Then lunch."}));
}

TEST_F(TokenizerTest, QuestionMarkInsideQuotedTitleDoesNotEndASentence) {
  const TokenizedDocument &td =
      Run("Her talk \xE2\x80\x9CIs It Done? A "
          "Story\xE2\x80\x9D was great. We clapped.");
  EXPECT_EQ(
      SentenceTexts(td),
      (Strings{"Her talk \xE2\x80\x9CIs It Done? A Story\xE2\x80\x9D was great.", "We clapped."}));
}

TEST_F(TokenizerTest, SentenceCodePointOffsetsCountNonAscii) {
  const TokenizedDocument &td = Run("Zo\xC3\xAB spoke. Jos\xC3\xA9 listened.");
  ASSERT_EQ(td.sentences.size(), 2u);
  EXPECT_EQ(td.sentences[1].begin, 12u);
  EXPECT_EQ(td.sentences[1].cp_begin, 11u);
  EXPECT_EQ(td.sentences[1].cp_end, 25u);
  EXPECT_EQ(td.sentences[1].end, 27u);
}

TEST_F(TokenizerTest, EmptyAndBlankDocumentsHaveNoSentences) {
  EXPECT_TRUE(Run("").sentences.empty());
  EXPECT_TRUE(Run(" \n\n\t\n").tokens.empty());
  EXPECT_TRUE(td_.sentences.empty());
}

TEST_F(TokenizerTest, TokenizerIsReusable) {
  Run("First document here.");
  const TokenizedDocument &td = Run("Second.");
  EXPECT_EQ(TokenTexts(td), (Strings{"Second", "."}));
}

// --- Sentence splitting: abbreviations --------------------------------------------------------

TEST_F(TokenizerTest, TitlesBeforeNamesDoNotEndASentence) {
  Run("Dr. Mia Wong chaired, Prof. Ole Berg spoke and Mr. Li, Mrs. Li and Ms. Ng asked "
      "questions. We ate at St. Mary Hall.");
  EXPECT_EQ(SentenceTexts(td_), (Strings{"Dr. Mia Wong chaired, Prof. Ole Berg spoke and Mr. Li, "
                                         "Mrs. Li and Ms. Ng asked questions.",
                                         "We ate at St. Mary Hall."}));
}

TEST_F(TokenizerTest, AbbreviationAtTheStartOfABlockDoesNotEndASentence) {
  Run("Day two.\n\nDr. Mia Wong opened the day.\n(Prof. Ole Berg was late.)\n");
  EXPECT_EQ(SentenceTexts(td_),
            (Strings{"Day two.", "Dr. Mia Wong opened the day.", "(Prof. Ole Berg was late.)"}));
}

TEST_F(TokenizerTest, LatinAbbreviationsDoNotEndASentence) {
  Run("Some build tools, e.g. Bazel and Buck, were slow, i.e. Bazel took an hour. "
      "It was Rust vs. Go all day. E.g. Zig came up too.");
  EXPECT_EQ(SentenceTexts(td_),
            (Strings{"Some build tools, e.g. Bazel and Buck, were slow, i.e. Bazel took an hour.",
                     "It was Rust vs. Go all day.", "E.g. Zig came up too."}));
}

TEST_F(TokenizerTest, ApproxBeforeANumberDoesNotEndASentence) {
  Run("We counted approx. 300 Rust fans. Then the doors closed.");
  EXPECT_EQ(SentenceTexts(td_),
            (Strings{"We counted approx. 300 Rust fans.", "Then the doors closed."}));
}

TEST_F(TokenizerTest, EtcEndsASentenceOnlyBeforeACapital) {
  Run("We got stickers, pens etc. and a mug. They ran out of shirts, hats etc. Then it rained.");
  EXPECT_EQ(SentenceTexts(td_), (Strings{"We got stickers, pens etc. and a mug.",
                                         "They ran out of shirts, hats etc.", "Then it rained."}));
}

TEST_F(TokenizerTest, IncJrAndUsDoNotEndASentenceMidSentence) {
  Run("Acme Inc. CEO Mia Wong visited the Sam Roe Jr. Foundation stand near the U.S. Embassy.");
  EXPECT_EQ(SentenceTexts(td_), (Strings{"Acme Inc. CEO Mia Wong visited the Sam Roe Jr. "
                                         "Foundation stand near the U.S. Embassy."}));
}

TEST_F(TokenizerTest, UsBeforeASentenceOpenerEndsASentence) {
  Run("We flew back to the U.S. The trip was long.");
  EXPECT_EQ(SentenceTexts(td_), (Strings{"We flew back to the U.S.", "The trip was long."}));
}

// ICU's filter matches an abbreviation against the end of any word: "Ms." must not glue
// "LLMs. Then", nor "vs." "devs. Then", nor an initial "PhD. Then".
TEST_F(TokenizerTest, AbbreviationsMatchWholeWordsOnly) {
  Run("We compared LLMs. Then we met the CEO. She has a PhD. Then we thanked the devs. "
      "Then we left.");
  EXPECT_EQ(SentenceTexts(td_),
            (Strings{"We compared LLMs.", "Then we met the CEO.", "She has a PhD.",
                     "Then we thanked the devs.", "Then we left."}));
}

// --- Sentence splitting: quotations --------------------------------------------------------------

TEST_F(TokenizerTest, QuestionMarkEndingAQuotedTitleBeforeLowerCaseDoesNotEndASentence) {
  Run("Her keynote \"Can We Ship It?\" and the panel after it were the highlights. We clapped.");
  EXPECT_EQ(SentenceTexts(td_),
            (Strings{"Her keynote \"Can We Ship It?\" and the panel after it were the highlights.",
                     "We clapped."}));
}

// A programme line: a quoted title ending in "?" and its bracket of speakers are one sentence.
TEST_F(TokenizerTest, QuestionMarkEndingAQuotedTitleBeforeABracketDoesNotEndASentence) {
  Run("10:30 - \"Who Pays?\" (Eva Rho, Tovik Labs)\n11:15 - \u201cWhy Now?\u201d [Bo Lund]\n\nIs "
      "it "
      "over? (Not yet.) We left.");
  EXPECT_EQ(SentenceTexts(td_), (Strings{"10:30 - \"Who Pays?\" (Eva Rho, Tovik Labs)",
                                         "11:15 - \u201cWhy Now?\u201d [Bo Lund]", "Is it over?",
                                         "(Not yet.)", "We left."}));
}

// Label lines of a sponsors list: a long line that reaches the paragraph's width does not run
// on into the next label line, as a hard-wrapped sentence would.
TEST_F(TokenizerTest, ConsecutiveLabelLinesAreSentencesOfTheirOwnHoweverLong) {
  Run("Silver sponsors: Orvane Labs, a design studio of the old town, and Kestrel Cloud\n"
      "Community partners: Rust Ridge Meetup and Open Tooling\n\n"
      "We met the people who ran the coffee stand and the ones who ran the quiz in the\n"
      "Evening: a long night.");
  EXPECT_EQ(
      SentenceTexts(td_),
      (Strings{"Silver sponsors: Orvane Labs, a design studio of the old town, and Kestrel Cloud",
               "Community partners: Rust Ridge Meetup and Open Tooling",
               "We met the people who ran the coffee stand and the ones who ran the quiz in the\n"
               "Evening: a long night."}));
}

// A schedule's lines each open with a clock time: each is a sentence of its own, even after a
// line ending in a bracket; a time inside a wrapped sentence's line is no such opening.
TEST_F(TokenizerTest, LinesOpeningWithAClockTimeAreSentencesOfTheirOwn) {
  Run("11:30  Workshop  Property Tests   (second floor)\n13:30  Talk  Paging Less at Night\n\n"
      "We left the hall a little before\n13:30 and walked to the station.");
  EXPECT_EQ(SentenceTexts(td_),
            (Strings{"11:30  Workshop  Property Tests   (second floor)",
                     "13:30  Talk  Paging Less at Night",
                     "We left the hall a little before\n13:30 and walked to the station."}));
}

// Lines that pair a name and a note with a spaced dash are lines of a list, each a sentence;
// a wrapped paragraph's lines do not read so.
TEST_F(TokenizerTest, LinesOfNamesAndNotesAfterADashAreSentencesOfTheirOwn) {
  Run("Speakers:\nAna Lima (Tovik) \xE2\x80\x94 opening keynote, \"Fast Parsers\"\nBo Lund - "
      "\"Quiet Queues\"\n\nWe left the hall - slowly, since the rain\nwas heavy - and walked on.");
  EXPECT_EQ(SentenceTexts(td_),
            (Strings{"Speakers:", "Ana Lima (Tovik) \xE2\x80\x94 opening keynote, \"Fast Parsers\"",
                     "Bo Lund - \"Quiet Queues\"",
                     "We left the hall - slowly, since the rain\nwas heavy - and walked on."}));
}

// A programme line: an unquoted title ending in "?" and a lower-case note in brackets.
TEST_F(TokenizerTest, QuestionMarkBeforeALowerCaseBracketedNoteDoesNotEndASentence) {
  Run("- Who Owns the Pager? (panel) - Jess Lund\n\nIs it over? (Not yet.) We left.");
  EXPECT_EQ(SentenceTexts(td_), (Strings{"- Who Owns the Pager? (panel) - Jess Lund", "Is it over?",
                                         "(Not yet.)", "We left."}));
}

TEST_F(TokenizerTest, ExclamationAndQuestionInsideAnyQuoteStyleDoNotEndASentence) {
  const std::pair<std::string, std::string> quotes[] = {
      {"\"", "\""},
      {"\xE2\x80\x9C", "\xE2\x80\x9D"},  // “ ”
      {"\xE2\x80\x98", "\xE2\x80\x99"},  // ‘ ’
      {"\xC2\xAB", "\xC2\xBB"},          // « »
      {"*", "*"},
      {"**", "**"},
  };
  for (const auto &[open, close] : quotes) {
    SCOPED_TRACE(open);
    const std::string first = "Ole Berg gave " + open + "Ship It Now!" + close + " and " + open +
                              "Why Zig?" + close + " to a full room.";
    Run(first + " We left.");
    EXPECT_EQ(SentenceTexts(td_), (Strings{first, "We left."}));
  }
}

TEST_F(TokenizerTest, QuestionMarkInsideAQuotationThatGoesOnDoesNotEndASentence) {
  Run("Her talk \"Is It Done? A Story\" was great. We clapped.");
  EXPECT_EQ(SentenceTexts(td_),
            (Strings{"Her talk \"Is It Done? A Story\" was great.", "We clapped."}));
}

TEST_F(TokenizerTest, QuotationThatClosesTheSentenceEndsIt) {
  Run("She asked \"who is next?\" Then the lights went out.");
  EXPECT_EQ(SentenceTexts(td_),
            (Strings{"She asked \"who is next?\"", "Then the lights went out."}));
  Run("She asked \xE2\x80\x9Cwho is next?\xE2\x80\x9D Then the lights went out.");
  EXPECT_EQ(SentenceTexts(td_), (Strings{"She asked \xE2\x80\x9Cwho is next?\xE2\x80\x9D",
                                         "Then the lights went out."}));
  // ICU breaks before the closing "*" (it is no closing mark to ICU): the sentence ends after it.
  const TokenizedDocument &td = Run("She asked *who is next?* Then the lights went out.");
  EXPECT_EQ(SentenceTexts(td), (Strings{"She asked *who is next?*", "Then the lights went out."}));
  ASSERT_EQ(td.sentences.size(), 2u);
  EXPECT_EQ(td.sentences[1].begin, 25u);
  EXPECT_EQ(td.sentences[1].cp_begin, 25u);
  EXPECT_EQ(td.sentences[0].end_token, td.sentences[1].first_token);
}

TEST_F(TokenizerTest, QuotationOfSeveralSentencesIsOneSentence) {
  Run("He said \xE2\x80\x9CWe shipped. It works.\xE2\x80\x9D Then he sat down.");
  EXPECT_EQ(SentenceTexts(td_), (Strings{"He said \xE2\x80\x9CWe shipped. It works.\xE2\x80\x9D",
                                         "Then he sat down."}));
}

TEST_F(TokenizerTest, ApostropheInsideSingleQuotesDoesNotCloseThem) {
  // "Zoë’s talk ‘Zoë’s Rules?’ was fun. We laughed."
  Run("Zo\xC3\xAB\xE2\x80\x99s talk \xE2\x80\x98Zo\xC3\xAB\xE2\x80\x99s Rules?\xE2\x80\x99 was "
      "fun. "
      "We laughed.");
  EXPECT_EQ(SentenceTexts(td_),
            (Strings{"Zo\xC3\xAB\xE2\x80\x99s talk \xE2\x80\x98Zo\xC3\xAB\xE2\x80\x99s "
                     "Rules?\xE2\x80\x99 was fun.",
                     "We laughed."}));
}

TEST_F(TokenizerTest, UnclosedQuoteDoesNotSwallowTheSentencesAfterIt) {
  Run("A stray \" mark? Then more text. And more.");
  EXPECT_EQ(SentenceTexts(td_), (Strings{"A stray \" mark?", "Then more text.", "And more."}));
}

TEST_F(TokenizerTest, BulletAndMultiplicationStarsAreNoQuotes) {
  Run("* Is 6 * 7 really 42? Yes. Then we left.");
  EXPECT_EQ(SentenceTexts(td_), (Strings{"* Is 6 * 7 really 42?", "Yes.", "Then we left."}));
}

// --- Sentence splitting: lines -------------------------------------------------------------------

TEST_F(TokenizerTest, UnpunctuatedListLinesAreSentencesOfTheirOwn) {
  const TokenizedDocument &td =
      Run("Mia Wong - Compilers for Fun\nOle Berg: Testing at Scale\nAda Park - Why Zig\n");
  EXPECT_EQ(SentenceTexts(td), (Strings{"Mia Wong - Compilers for Fun",
                                        "Ole Berg: Testing at Scale", "Ada Park - Why Zig"}));
  for (const Sentence &s : td.sentences) EXPECT_TRUE(s.is_heading);
}

TEST_F(TokenizerTest, ColonLineOverAnUnpunctuatedListIsASentenceOfItsOwn) {
  const TokenizedDocument &td =
      Run("The talks I liked:\nMia Wong - Compilers for Fun\nOle Berg: Testing at Scale\n");
  EXPECT_EQ(SentenceTexts(td), (Strings{"The talks I liked:", "Mia Wong - Compilers for Fun",
                                        "Ole Berg: Testing at Scale"}));
  ASSERT_EQ(td.sentences.size(), 3u);
  EXPECT_FALSE(td.sentences[0].is_heading);
  EXPECT_TRUE(td.sentences[1].is_heading);
  EXPECT_TRUE(td.sentences[2].is_heading);
}

TEST_F(TokenizerTest, ListItemsWithAnyMarkerAreSentencesOfTheirOwn) {
  Run("We saw\n- compilers\n* parsers\n+ linkers\n\xE2\x80\xA2 loaders\n1. tests\n2) docs\n");
  EXPECT_EQ(SentenceTexts(td_), (Strings{"We saw", "- compilers", "* parsers", "+ linkers",
                                         "\xE2\x80\xA2 loaders", "1. tests", "2) docs"}));
}

TEST_F(TokenizerTest, LongTitleLinesOfAListAreSentencesOfTheirOwn) {
  Run("Mia Wong (Acme Corp) - Building Fast Parsers for Modern Languages Today\n"
      "Ole Berg (Beta Labs) - Tests that Matter for Distributed Systems at Scale\n"
      "Ada Park - Why Zig\n");
  EXPECT_EQ(SentenceTexts(td_),
            (Strings{"Mia Wong (Acme Corp) - Building Fast Parsers for Modern Languages Today",
                     "Ole Berg (Beta Labs) - Tests that Matter for Distributed Systems at Scale",
                     "Ada Park - Why Zig"}));
}

// Hard wrapping at ~72 columns: lines that end mid-sentence before a capitalised word (a name)
// are filled to near the longest line, and join.
TEST_F(TokenizerTest, HardWrappedLinesBeforeNamesStayJoined) {
  Run("I spent the morning in the big hall, where the keynote on build systems\n"
      "Mia Wong gave was the best talk of the day. After lunch I went to hear\n"
      "Ole Berg talk about flaky tests together with his long-time colleague\n"
      "Ada Park, who kept time with a stopwatch.\n");
  EXPECT_EQ(SentenceTexts(td_),
            (Strings{"I spent the morning in the big hall, where the keynote on build systems\n"
                     "Mia Wong gave was the best talk of the day.",
                     "After lunch I went to hear\n"
                     "Ole Berg talk about flaky tests together with his long-time colleague\n"
                     "Ada Park, who kept time with a stopwatch."}));
}

TEST_F(TokenizerTest, ShortLineEndingInAFunctionWordStaysJoined) {
  Run("The closing keynote was given by\nMia Wong of Acme.\n");
  EXPECT_EQ(SentenceTexts(td_), (Strings{"The closing keynote was given by\nMia Wong of Acme."}));
}

TEST_F(TokenizerTest, LineLeavingAQuoteOpenStaysJoinedToTheNext) {
  Run("I caught two talks: \"Fast Parsers\" by Mia Wong and \"Teaching Rust in Senior High\n"
      "Schools\" by Ole Berg. Then \u201cQuiet Builds for\nSmall Teams\u201d by Ada Park.\n");
  EXPECT_EQ(SentenceTexts(td_),
            (Strings{"I caught two talks: \"Fast Parsers\" by Mia Wong and \"Teaching Rust in "
                     "Senior High\nSchools\" by Ole Berg.",
                     "Then \u201cQuiet Builds for\nSmall Teams\u201d by Ada Park."}));
}

TEST_F(TokenizerTest, IndentedLineContinuesAListItem) {
  Run("- Mia Wong - Building Fast Parsers\n  For the Modern Web\n- Ole Berg - Tests\n");
  EXPECT_EQ(SentenceTexts(td_), (Strings{"- Mia Wong - Building Fast Parsers\n  For the Modern Web",
                                         "- Ole Berg - Tests"}));
}

TEST_F(TokenizerTest, MarkdownHeadingLineStandsAlone) {
  const TokenizedDocument &td = Run("## Day one\nwe arrived late.\n");
  EXPECT_EQ(SentenceTexts(td), (Strings{"## Day one", "we arrived late."}));
  ASSERT_EQ(td.sentences.size(), 2u);
  EXPECT_TRUE(td.sentences[0].is_heading);
}

TEST_F(TokenizerTest, ListLinesSplitKeepByteAndCodePointOffsets) {
  // "Zoë Berg - Parsers\nJosé Ruiz: Tests"
  const TokenizedDocument &td = Run("Zo\xC3\xAB Berg - Parsers\r\nJos\xC3\xA9 Ruiz: Tests\r\n");
  ASSERT_EQ(td.sentences.size(), 2u);
  EXPECT_EQ(td.TextOf(td.sentences[0]), "Zo\xC3\xAB Berg - Parsers");
  EXPECT_EQ(td.sentences[0].end, 19u);
  EXPECT_EQ(td.sentences[0].cp_end, 18u);
  EXPECT_EQ(td.sentences[1].begin, 21u);
  EXPECT_EQ(td.sentences[1].cp_begin, 20u);
  EXPECT_EQ(td.sentences[1].end, 38u);
  EXPECT_EQ(td.sentences[1].cp_end, 36u);
}

// Every feature at once: sentences are ordered, disjoint and trimmed, tokens partition them, code
// point offsets count the code points before them, and a second tokenizer gives the same result.
TEST_F(TokenizerTest, OffsetsAreConsistentAndDeterministic) {
  const std::string text =
      "Notes From Fogfest\n\n"
      "Dr. Zo\xC3\xAB Berg gave \xE2\x80\x9CWhy Not Rust?\xE2\x80\x9D and *Ship It!* to approx. "
      "300 Rust fans, e.g. Jos\xC3\xA9. She asked \"who is next?\" Then the U.S. Embassy\n"
      "team spoke.\n"
      "The talks I liked:\n"
      "Mia Wong - Compilers for Fun\n"
      "Ole Berg: Testing at Scale\n"
      "1. First item\n"
      "\xE2\x80\xA2 Second item\n";
  const TokenizedDocument &td = Run(text);
  EXPECT_EQ(
      SentenceTexts(td),
      (Strings{"Notes From Fogfest",
               "Dr. Zo\xC3\xAB Berg gave \xE2\x80\x9CWhy Not Rust?\xE2\x80\x9D and *Ship It!* "
               "to approx. 300 Rust fans, e.g. Jos\xC3\xA9.",
               "She asked \"who is next?\"", "Then the U.S. Embassy\nteam spoke.",
               "The talks I liked:", "Mia Wong - Compilers for Fun", "Ole Berg: Testing at Scale",
               "1. First item", "\xE2\x80\xA2 Second item"}));
  uint32_t prev_end = 0, token = 0;
  for (const Sentence &s : td.sentences) {
    std::string_view st = td.TextOf(s);
    EXPECT_GE(s.begin, prev_end);
    EXPECT_LT(s.begin, s.end);
    EXPECT_FALSE(std::isspace(static_cast<unsigned char>(st.front()))) << st;
    EXPECT_FALSE(std::isspace(static_cast<unsigned char>(st.back()))) << st;
    EXPECT_EQ(s.cp_begin, CodePointCount(std::string_view(text).substr(0, s.begin)));
    EXPECT_EQ(s.cp_end, CodePointCount(std::string_view(text).substr(0, s.end)));
    EXPECT_EQ(s.first_token, token);
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      EXPECT_GE(td.tokens[t].begin, s.begin);
      EXPECT_LE(td.tokens[t].end, s.end);
      EXPECT_EQ(td.tokens[t].cp_begin,
                CodePointCount(std::string_view(text).substr(0, td.tokens[t].begin)));
    }
    token = s.end_token;
    prev_end = s.end;
  }
  EXPECT_EQ(token, td.tokens.size());

  Tokenizer other(TokenizerLexiconOfData());
  TokenizedDocument again = other.Tokenize(doc_);
  ASSERT_EQ(again.sentences.size(), td.sentences.size());
  for (size_t i = 0; i < td.sentences.size(); ++i) {
    EXPECT_EQ(again.sentences[i].begin, td.sentences[i].begin);
    EXPECT_EQ(again.sentences[i].end, td.sentences[i].end);
    EXPECT_EQ(again.sentences[i].end_token, td.sentences[i].end_token);
    EXPECT_EQ(again.sentences[i].is_heading, td.sentences[i].is_heading);
  }
  EXPECT_EQ(TokenTexts(again), TokenTexts(td));
}

// --- TokenizerLexicon: the lists of data/lexicon/ --------------------------------------------

// The sentences of `text` as `lexicon`'s tokenizer splits them; a heading is marked " (heading)".
Strings SplitWith(const std::shared_ptr<const TokenizerLexicon> &lexicon, std::string text) {
  Tokenizer tokenizer(lexicon);
  EXPECT_TRUE(tokenizer.ok()) << tokenizer.error();
  Document doc;
  doc.id = "t.txt";
  doc.text = std::move(text);
  TokenizedDocument td = tokenizer.Tokenize(doc);
  Strings out;
  for (const Sentence &s : td.sentences) {
    out.emplace_back(td.TextOf(s));
    if (s.is_heading) out.back() += " (heading)";
  }
  return out;
}

TEST(TokenizerLexiconTest, TokenizerWithoutALexiconIsNotOk) {
  Tokenizer tokenizer(nullptr);
  EXPECT_FALSE(tokenizer.ok());
  EXPECT_NE(tokenizer.error().find("lexicon"), std::string::npos) << tokenizer.error();
  Document doc;
  doc.text = "We met. Then we left.";
  EXPECT_TRUE(tokenizer.Tokenize(doc).sentences.empty());
}

TEST(TokenizerLexiconTest, DataDirectoryHoldsEveryListWithItsEntries) {
  const TokenizerLexicon &lex = *TokenizerLexiconOfData();
  EXPECT_EQ(lex.legal_form_endings.size(), 14u);
  EXPECT_EQ(lex.line_wrap_words.size(), 57u);
  EXPECT_EQ(lex.abbreviations.size(), 29u);
  EXPECT_EQ(lex.dotted_abbreviations.size(), 5u);
  EXPECT_EQ(lex.maybe_final_abbreviations.size(), 8u);
  EXPECT_EQ(lex.sentence_openers.size(), 40u);
  EXPECT_EQ(lex.sentence_continuations.size(), 18u);
  EXPECT_EQ(lex.lower_case_no_end.size(), 17u);
}

// Sentences that use each list of data/lexicon/, split as the word lists compiled into
// pipeline/text.cc split them before the lists moved to data/.
TEST(TokenizerLexiconTest, DataDirectoryListsReproduceTheSentenceSplits) {
  const auto &lex = TokenizerLexiconOfData();
  // legal_form_endings.txt: a line ending in "Pty." is a heading, not the start of a paragraph.
  EXPECT_EQ(SplitWith(lex, "Ana Ruiz, Kestrel Pty.\nWe toured the plant.\n"),
            (Strings{"Ana Ruiz, Kestrel Pty. (heading)", "We toured the plant."}));
  // line_wrap_words.txt: a line ending in "by" goes on on the next line.
  EXPECT_EQ(SplitWith(lex, "Fast Builds for the Web by\nAna Ruiz\n"),
            (Strings{"Fast Builds for the Web by\nAna Ruiz"}));
  // abbreviations.txt
  EXPECT_EQ(SplitWith(lex, "We thanked Rev. Tom Hale and Hon. Ivo Kant. Then we left."),
            (Strings{"We thanked Rev. Tom Hale and Hon. Ivo Kant.", "Then we left."}));
  // dotted_abbreviations.txt
  EXPECT_EQ(SplitWith(lex, "Bring a snack, a.k.a. Lunch for later. We did."),
            (Strings{"Bring a snack, a.k.a. Lunch for later.", "We did."}));
  // maybe_final_abbreviations.txt and sentence_openers.txt
  EXPECT_EQ(SplitWith(lex, "We met Bo Lind Sr. Then we ate. Kestrel Ltd. Staff came."),
            (Strings{"We met Bo Lind Sr.", "Then we ate.", "Kestrel Ltd. Staff came."}));
  // sentence_continuations.txt
  EXPECT_EQ(SplitWith(lex, "Is Rust Ready? asked Ana Ruiz. Was it fun? Yes."),
            (Strings{"Is Rust Ready? asked Ana Ruiz.", "Was it fun?", "Yes."}));
  // lower_case_no_end.txt
  EXPECT_EQ(SplitWith(lex, "We read vol. two of it. great night. she sang."),
            (Strings{"We read vol. two of it.", "great night.", "she sang."}));
}

// A copy of data/lexicon/ in a temporary data directory, for a test to edit.
class TokenizerLexiconFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kg_text_lexicon_" + std::to_string(::getpid()) + "_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    fs::copy(fs::path(KGEXTRACT_TEST_DATA_DIR) / "lexicon", dir_ / "lexicon",
             fs::copy_options::recursive);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string PathOf(const std::string &name) const { return (dir_ / "lexicon" / name).string(); }
  void Append(const std::string &name, std::string_view text) {
    std::ofstream(PathOf(name), std::ios::app | std::ios::binary)
        .write(text.data(), static_cast<std::streamsize>(text.size()));
  }
  // The number of lines of a list file.
  size_t Lines(const std::string &name) {
    std::ifstream in(PathOf(name), std::ios::binary);
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return static_cast<size_t>(std::count(data.begin(), data.end(), '\n'));
  }
  std::shared_ptr<const TokenizerLexicon> Load() {
    std::shared_ptr<const TokenizerLexicon> lexicon;
    Status s = LoadTokenizerLexicon(dir_.string(), &lexicon);
    EXPECT_TRUE(s.ok()) << s.message();
    return lexicon;
  }
  fs::path dir_;
};

TEST_F(TokenizerLexiconFileTest, AbbreviationAddedToTheFileSuppressesASentenceBreak) {
  const std::string text = "We met Xyz. Smith at noon.";
  EXPECT_EQ(SplitWith(Load(), text), (Strings{"We met Xyz.", "Smith at noon."}));
  Append("abbreviations.txt", "Xyz.\n");
  EXPECT_EQ(SplitWith(Load(), text), (Strings{"We met Xyz. Smith at noon."}));
}

TEST_F(TokenizerLexiconFileTest, WordAddedToLowerCaseNoEndSuppressesABreakBeforeLowerCase) {
  const std::string text = "We saw the qrst. then we left.";
  EXPECT_EQ(SplitWith(Load(), text), (Strings{"We saw the qrst.", "then we left."}));
  Append("lower_case_no_end.txt", "QRST\n");  // compared in lower case
  EXPECT_EQ(SplitWith(Load(), text), (Strings{"We saw the qrst. then we left."}));
}

TEST_F(TokenizerLexiconFileTest, OpenerAddedToTheFileEndsASentenceAfterAMaybeFinalAbbreviation) {
  const std::string text = "We met Kestrel Inc. Everyone clapped.";
  EXPECT_EQ(SplitWith(Load(), text), (Strings{"We met Kestrel Inc. Everyone clapped."}));
  Append("sentence_openers.txt", "Everyone\n");
  EXPECT_EQ(SplitWith(Load(), text), (Strings{"We met Kestrel Inc.", "Everyone clapped."}));
}

TEST_F(TokenizerLexiconFileTest, AbbreviationWithoutAFullStopIsAnErrorNamingFileAndLine) {
  const size_t line = Lines("abbreviations.txt") + 1;
  Append("abbreviations.txt", "Xyz\n");
  std::shared_ptr<const TokenizerLexicon> lexicon;
  Status s = LoadTokenizerLexicon(dir_.string(), &lexicon);
  EXPECT_EQ(s.code(), Status::Code::kRules);
  EXPECT_EQ(s.message(), PathOf("abbreviations.txt") + ":" + std::to_string(line) +
                             ": 'Xyz' does not end with a full stop");
  EXPECT_EQ(lexicon, nullptr);
}

TEST_F(TokenizerLexiconFileTest, MalformedLinesAreErrorsNamingFileAndLine) {
  struct Case {
    std::string file, append, problem;
  } cases[] = {
      {"sentence_openers.txt", "Then again\n", "'Then again' holds a space or a tab"},
      {"sentence_continuations.txt", "co-hosted\n", "'co-hosted' is not a word of ASCII letters"},
      {"abbreviations.txt", "Ph.D.\n", "'Ph.D.' has a full stop inside"},
      {"line_wrap_words.txt", "bad\xff\n", "invalid UTF-8 at byte 3 of the line"},
      {"dotted_abbreviations.txt", "e.g\x01.\n", "binary data (control byte 0x01)"},
      {"legal_form_endings.txt", "GmbH.", "the last line does not end with a newline"},
  };
  for (const Case &c : cases) {
    SCOPED_TRACE(c.file);
    fs::copy_file(fs::path(KGEXTRACT_TEST_DATA_DIR) / "lexicon" / c.file, PathOf(c.file),
                  fs::copy_options::overwrite_existing);
    const size_t line = Lines(c.file) + 1;
    Append(c.file, c.append);
    std::shared_ptr<const TokenizerLexicon> lexicon;
    Status s = LoadTokenizerLexicon(dir_.string(), &lexicon);
    EXPECT_EQ(s.code(), Status::Code::kRules);
    EXPECT_TRUE(
        s.message().starts_with(PathOf(c.file) + ":" + std::to_string(line) + ": " + c.problem))
        << s.message();
    fs::copy_file(fs::path(KGEXTRACT_TEST_DATA_DIR) / "lexicon" / c.file, PathOf(c.file),
                  fs::copy_options::overwrite_existing);
  }
}

TEST_F(TokenizerLexiconFileTest, MissingOrUnreadableFileIsAnErrorNamingIt) {
  fs::remove(PathOf("sentence_openers.txt"));
  std::shared_ptr<const TokenizerLexicon> lexicon;
  Status s = LoadTokenizerLexicon(dir_.string(), &lexicon);
  EXPECT_EQ(s.code(), Status::Code::kRules);
  EXPECT_EQ(s.message(), PathOf("sentence_openers.txt") + ": cannot open word list");
  fs::create_directory(PathOf("sentence_openers.txt"));
  s = LoadTokenizerLexicon(dir_.string(), &lexicon);
  EXPECT_EQ(s.message(), PathOf("sentence_openers.txt") + ": is a directory, not a word list");
}

// --- CodePointCount ------------------------------------------------------------------------------

TEST(CodePointCountTest, CountsCodePointsNotBytes) {
  EXPECT_EQ(CodePointCount(""), 0u);
  EXPECT_EQ(CodePointCount("abc"), 3u);
  EXPECT_EQ(CodePointCount("Zo\xC3\xAB"), 3u);                 // 2-byte
  EXPECT_EQ(CodePointCount("\xE2\x80\x9Cx\xE2\x80\x9D"), 3u);  // 3-byte quotes
  EXPECT_EQ(CodePointCount("\xF0\x9F\x90\x8D!"), 2u);          // 4-byte emoji
  EXPECT_EQ(CodePointCount("e\xCC\x81"), 2u);                  // combining mark counts
}

}  // namespace
}  // namespace kg

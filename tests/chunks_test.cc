// pipeline/chunks.h and the chunked path of Pipeline::Run: where documents are cut, and that a
// split document gives the same bytes for every thread count, with offsets into the whole text.
#include "pipeline/chunks.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "graph/export.h"
#include "pipeline/pipeline.h"

namespace kg {
namespace {

const std::string kData = KGEXTRACT_TEST_DATA_DIR;

TEST(ParagraphChunks, SmallTextIsOneChunk) {
  EXPECT_EQ(ParagraphChunks("one\n\ntwo\n\nthree", 1000), std::vector<size_t>{0});
  EXPECT_EQ(ParagraphChunks("", 10), std::vector<size_t>{0});
}

TEST(ParagraphChunks, ZeroNeverSplits) {
  EXPECT_EQ(ParagraphChunks(std::string(100, 'a') + "\n\n" + std::string(100, 'b'), 0),
            std::vector<size_t>{0});
}

TEST(ParagraphChunks, CutsAfterBlankLinesOnly) {
  // Paragraphs of 10 bytes ("aaaaaaaaa\n" + "\n"): the cut falls at the paragraph start after
  // each further 20 bytes, never inside a paragraph or after a single newline.
  std::string text;
  for (int i = 0; i < 10; ++i) text += std::string(9, static_cast<char>('a' + i)) + "\n\n";
  std::vector<size_t> starts = ParagraphChunks(text, 20);
  ASSERT_GT(starts.size(), 2u);
  EXPECT_EQ(starts[0], 0u);
  for (size_t i = 1; i < starts.size(); ++i) {
    EXPECT_EQ(text.substr(starts[i] - 2, 2), "\n\n") << starts[i];
    EXPECT_GE(starts[i] - starts[i - 1], 20u);
  }
  // The last chunk is at least half a chunk.
  EXPECT_GE(text.size() - starts.back(), 10u);
}

TEST(ParagraphChunks, BlankLinesMayHoldSpacesAndCarriageReturns) {
  std::string text = std::string(30, 'a') + "\r\n \t\r\n\n" + std::string(30, 'b');
  EXPECT_EQ(ParagraphChunks(text, 20), (std::vector<size_t>{0, 37}));
}

TEST(ParagraphChunks, NoBlankLineNoCut) {
  std::string text = std::string(50, 'a') + "\n" + std::string(50, 'b');
  EXPECT_EQ(ParagraphChunks(text, 20), std::vector<size_t>{0});
}

// A long report: the sample report ten times over, as one document.
std::string LongReport() {
  std::ifstream in(kData + "/samples/techsummit-lisbon-2025.txt", std::ios::binary);
  std::string sample((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string text;
  for (int i = 0; i < 10; ++i) text += sample + "\n\n";
  return text;
}

class ChunkedRun : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Pipeline::Create(kData, &pipeline_).ok());
    path_ = ::testing::TempDir() + "/chunks_test_report.txt";
    std::ofstream(path_, std::ios::binary) << LongReport();
  }

  std::string Json(int threads, size_t chunk_bytes, RunResult* result = nullptr) {
    RunOptions options;
    options.threads = threads;
    options.chunk_bytes = chunk_bytes;
    options.explain = true;
    RunResult r;
    EXPECT_TRUE(pipeline_->Run({path_}, options, &r).ok());
    std::string json = ToNodeLinkJson(r.graph);
    if (result) *result = std::move(r);
    return json;
  }

  std::unique_ptr<Pipeline> pipeline_;
  std::string path_;
};

TEST_F(ChunkedRun, SameBytesForEveryThreadCount) {
  ASSERT_GT(ParagraphChunks(LongReport(), 4000).size(), 5u);
  RunResult one;
  std::string j1 = Json(1, 4000, &one);
  EXPECT_EQ(Json(2, 4000), j1);
  EXPECT_EQ(Json(3, 4000), j1);
  EXPECT_EQ(one.documents, 1u);  // chunks are no documents of their own
}

TEST_F(ChunkedRun, SpansPointIntoTheWholeDocument) {
  RunResult r;
  Json(2, 4000, &r);
  std::string text = LongReport();
  // Code point offsets -> byte offsets of the whole text.
  std::vector<size_t> byte_at;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) byte_at.push_back(i);
  }
  byte_at.push_back(text.size());
  size_t mentions = 0, late = 0;
  for (auto v : boost::make_iterator_range(boost::vertices(r.graph.graph))) {
    for (const Span& m : r.graph.graph[v].mentions) {
      ASSERT_LE(m.end, byte_at.size() - 1);
      EXPECT_EQ(text.substr(byte_at[m.start], byte_at[m.end] - byte_at[m.start]), m.text);
      ++mentions;
      if (byte_at[m.start] > text.size() / 2) ++late;
    }
  }
  EXPECT_GT(mentions, 0u);
  EXPECT_GT(late, 0u);  // mentions of the later chunks, shifted
  for (auto e : boost::make_iterator_range(boost::edges(r.graph.graph))) {
    const bool reference = r.graph.graph[e].relation == "co_occurs";  // offsets, no text
    for (const Span& s : r.graph.graph[e].evidence) {
      ASSERT_LE(s.end, byte_at.size() - 1);
      const std::string sentence = text.substr(byte_at[s.start], byte_at[s.end] - byte_at[s.start]);
      EXPECT_FALSE(sentence.empty());
      EXPECT_EQ(reference ? "" : sentence, s.text);
    }
  }
  // Explanations count sentences in the whole document, in order.
  ASSERT_FALSE(r.explanations.empty());
  EXPECT_NE(r.explanations.back().find(": sentence "), std::string::npos);
  int last = -1;
  for (const std::string& line : r.explanations) {
    size_t at = line.find(": sentence ") + 11;
    int n = std::stoi(line.substr(at));
    EXPECT_GT(n, last) << line;
    last = n;
  }
}

TEST_F(ChunkedRun, ADocumentNoLargerThanAChunkIsNotSplit) {
  // One chunk: the unsplit path, whatever the size limit above the text.
  EXPECT_EQ(Json(2, LongReport().size()), Json(1, 0));
}

}  // namespace
}  // namespace kg

// Issue 12 item 9: one long sentence costs time linear in its length. Sentence splitting inside
// an open quotation used to rescan the sentence from its start at every refused break, and the
// extractor's "inside quotes" check and code point offsets rescanned it for every candidate:
// `““Go now. ” ` 32,000 times took 28 s, a 2.3 MB line of names and emoji 121 s.
//
// Each scaling test times an input and the same input 8 times longer (the fastest of five runs
// each) and asks for less than 24 times the time: about 8 when linear, 64 when quadratic. The
// shorter input takes tens of milliseconds, so that neither the cache (a short input fits in
// it) nor the scheduler of a busy machine decides the ratio.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "extractors/extract.h"
#include "pipeline/text.h"
#include "tests/test_rules.h"

namespace kg {
namespace {

using kg::testing::Rules;
using kg::testing::TokenizerLexiconOfData;

constexpr std::string_view kOpen = "\xE2\x80\x9C", kClose = "\xE2\x80\x9D";  // “ ”

double FastestSeconds(const std::function<void()>& run) {
  double best = 1e9;
  for (int i = 0; i < 5; ++i) {
    auto start = std::chrono::steady_clock::now();
    run();
    best = std::min(
        best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

std::string Repeat(std::string_view piece, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += piece;
  return out;
}

std::vector<std::string> SentenceTexts(const TokenizedDocument& td) {
  std::vector<std::string> out;
  for (const Sentence& s : td.sentences) out.emplace_back(td.TextOf(s));
  return out;
}

TEST(LongSentenceTest, BreaksRefusedInsideAQuotationThenTheBreakAfterItAreFound) {
  // The quotation state carried from one refused break to the next must still see the closing
  // mark, and start afresh for the next sentence.
  Tokenizer tokenizer(TokenizerLexiconOfData());
  Document doc;
  doc.text = "He said " + std::string(kOpen) + "We shipped. It works. Try it!" +
             std::string(kClose) + " Then he sat down. She said " + std::string(kOpen) +
             "No. Not yet." + std::string(kClose) + " We left.";
  TokenizedDocument td = tokenizer.Tokenize(doc);
  EXPECT_EQ(
      SentenceTexts(td),
      (std::vector<std::string>{
          "He said " + std::string(kOpen) + "We shipped. It works. Try it!" + std::string(kClose),
          "Then he sat down.",
          "She said " + std::string(kOpen) + "No. Not yet." + std::string(kClose), "We left."}));
}

TEST(LongSentenceTest, OpenQuotationOfManyBreaksSplitsInLinearTime) {
  // The input: every piece opens two quotations and closes one, so none ever closes
  // and no break is taken: one sentence.
  const std::string piece =
      std::string(kOpen) + std::string(kOpen) + "Go now. " + std::string(kClose) + " ";
  Tokenizer tokenizer(TokenizerLexiconOfData());
  Document small, large;
  small.text = Repeat(piece, 8000);
  large.text = Repeat(piece, 64000);
  TokenizedDocument td;
  double t_small = FastestSeconds([&] { td = tokenizer.Tokenize(small); });
  EXPECT_EQ(td.sentences.size(), 1u);
  double t_large = FastestSeconds([&] { td = tokenizer.Tokenize(large); });
  EXPECT_EQ(td.sentences.size(), 1u);
  EXPECT_EQ(td.tokens.size(), 64000u * 6);  // “ “ Go now . ”
  EXPECT_LT(t_large, 24 * t_small)
      << t_small << " s for 8,000 pieces, " << t_large << " s for 64,000";
  RecordProperty("seconds_8000_64000", std::to_string(t_small) + " " + std::to_string(t_large));
}

// "Maria Origebiv 😀 Peter Kcohoteh 😀 ...": n invented names in one line with no sentence end.
std::string NameLine(int n) {
  static constexpr const char* kGiven[] = {"Anna", "Maria", "John", "Peter", "Laura", "David"};
  std::string line;
  for (int i = 0; i < n; ++i) {
    if (i > 0) line += " \xF0\x9F\x98\x80 ";
    line += kGiven[i % 6];
    line += " K";
    for (int k = i, d = 0; d < 5; ++d, k /= 5) line += "aeiou"[k % 5];
    line += "ster";
  }
  return line + "\n";
}

TEST(LongSentenceTest, SentenceOfManyNamesExtractsInLinearTime) {
  // A quoted name at the end: the candidates before it are outside any quotation, and it is
  // inside one, so it is not taken for a person by its given name alone.
  const std::string tail = " and " + std::string(kOpen) + "Anna Rising" + std::string(kClose);
  Tokenizer tokenizer(TokenizerLexiconOfData());
  Document small, large;
  small.text = NameLine(2000) + tail;
  large.text = NameLine(16000) + tail;
  TokenizedDocument td_small = tokenizer.Tokenize(small), td_large = tokenizer.Tokenize(large);
  ASSERT_EQ(td_large.sentences.size(), 1u);
  Extraction ex;
  double t_small = FastestSeconds([&] { ex = Extract(td_small, Rules()); });
  double t_large = FastestSeconds([&] { ex = Extract(td_large, Rules()); });
  size_t people = 0;
  uint32_t byte = 0, cp = 0;  // a running count: the mentions are in text order
  for (const Mention& m : ex.mentions) {
    people += m.type == EntityType::kPerson;
    EXPECT_NE(m.text, "Anna Rising");
    // Code point offsets counted from the nearest token agree with counting from the start.
    ASSERT_GE(m.begin, byte);
    cp += CodePointCount(std::string_view(large.text).substr(byte, m.begin - byte));
    byte = m.begin;
    EXPECT_EQ(m.cp_begin, cp);
    EXPECT_EQ(m.cp_end, cp + CodePointCount(m.text));
  }
  EXPECT_EQ(people, 16000u);
  EXPECT_LT(t_large, 24 * t_small)
      << t_small << " s for 2,000 names, " << t_large << " s for 16,000";
  RecordProperty("seconds_2000_16000", std::to_string(t_small) + " " + std::to_string(t_large));
}

}  // namespace
}  // namespace kg

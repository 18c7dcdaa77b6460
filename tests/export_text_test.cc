// Tests for the exporters' own UTF-8 decoding (graph/export_text.h, graph/export_graphml.cc).
//
// kg_export decodes UTF-8 without ICU (so that it does not link it), and must replace ill-formed
// input exactly as ICU's U8_NEXT did before, and as the JSON writer does: one U+FFFD per maximal
// subpart (Unicode 15, section 3.9, "U+FFFD Substitution of Maximal Subparts"). ICU, linked by
// this test only, is the reference.
#include "graph/export_text.h"

#include <gtest/gtest.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>

namespace kg {
namespace {

// `s` with each ill-formed sequence replaced as ICU's U8_NEXT delimits it.
std::string IcuValidUtf8(std::string_view s) {
  std::string out;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(p, i, length, c);
    if (c < 0) c = 0xFFFD;
    char buf[U8_MAX_LENGTH];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, c);
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

TEST(ExportTextUtf8, TheStandardsExampleOfMaximalSubparts) {
  // Unicode 15, table 3-8: "61 F1 80 80 E1 80 C2 62 80 63 80 BF 64" gives
  // a FFFD FFFD FFFD b FFFD c FFFD FFFD d.
  EXPECT_EQ(export_text::ValidUtf8("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64"),
            "a\uFFFD\uFFFD\uFFFDb\uFFFDc\uFFFD\uFFFDd");
}

TEST(ExportTextUtf8, EdgesOfEveryLeadByteAsIcu) {
  // Overlongs, surrogates, the last code point and past it, truncations, lone trail bytes.
  for (std::string_view s : {"\xC0\xAF",
                             "\xC1\xBF",
                             "\xC2\x80",
                             "\xDF\xBF",
                             "\xE0\x80\x80",
                             "\xE0\x9F\xBF",
                             "\xE0\xA0\x80",
                             "\xED\x9F\xBF",
                             "\xED\xA0\x80",
                             "\xED\xBF\xBF",
                             "\xEE\x80\x80",
                             "\xEF\xBF\xBF",
                             "\xF0\x8F\xBF\xBF",
                             "\xF0\x90\x80\x80",
                             "\xF4\x8F\xBF\xBF",
                             "\xF4\x90\x80\x80",
                             "\xF5\x80\x80\x80",
                             "\xFF",
                             "\x80",
                             "\xE2\x82",
                             "\xF0\x9F\x90",
                             "\xE2\x82x",
                             "\xF0\x9F\x90\x8D",
                             "plain ASCII"}) {
    EXPECT_EQ(export_text::ValidUtf8(s), IcuValidUtf8(s)) << testing::PrintToString(s);
  }
}

TEST(ExportTextUtf8, RandomBytesAsIcu) {
  // Bytes drawn mostly from lead and trail ranges, where the decoders could disagree.
  std::mt19937 rng(20261130);
  const uint8_t pool[] = {0x41, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF,
                          0xE0, 0xE1, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF};
  std::uniform_int_distribution<size_t> pick(0, sizeof pool - 1), len(0, 12);
  for (int n = 0; n < 50000; ++n) {
    std::string s(len(rng), '\0');
    for (char& ch : s) ch = static_cast<char>(pool[pick(rng)]);
    ASSERT_EQ(export_text::ValidUtf8(s), IcuValidUtf8(s)) << testing::PrintToString(s);
  }
}

}  // namespace
}  // namespace kg

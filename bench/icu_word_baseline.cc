// Baseline for scripts/bench.sh: ICU word segmentation alone (UTF-8 UText, no other work), the
// floor that kgextract's throughput is compared with.
//
//   icu_word_baseline FILE...   prints "bytes=N seconds=S words=W"
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>

int main(int argc, char** argv) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), err));
  if (U_FAILURE(err)) {
    std::cerr << "ICU: " << u_errorName(err) << "\n";
    return 1;
  }
  std::string text;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    text.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  auto start = std::chrono::steady_clock::now();
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &err);
  words->setText(ut, err);
  long count = 0;
  for (int32_t b = words->first(); b != icu::BreakIterator::DONE; b = words->next()) {
    if (words->getRuleStatus() != UBRK_WORD_NONE) ++count;
  }
  utext_close(ut);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "bytes=" << text.size() << " seconds=" << seconds << " words=" << count << "\n";
  return 0;
}

// libFuzzer target: the gazetteer and word list loader (Lexicon::Load, extractors/lexicon.cc).
// The first byte's bits: fold case (1), keep canonical forms (2), only kind "strong" (4), a
// .tsv file (8; else .txt); the rest is the file.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "extractors/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const std::string base = "/tmp/kgextract-fuzz-gazetteer-" + std::to_string(::getpid());
  const std::string path = base + ((data[0] & 8) ? ".tsv" : ".txt");
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::fwrite(data + 1, 1, size - 1, f);
  std::fclose(f);
  kg::Lexicon lexicon;
  const bool loaded =
      lexicon.Load(path, data[0] & 1, data[0] & 2, (data[0] & 4) ? "strong" : "").ok();
  std::remove(path.c_str());  // libFuzzer's exit runs no destructor: leave nothing in /tmp
  if (loaded) {
    (void)lexicon.Contains("Lisbon");
    (void)lexicon.Canonical("lisbon");
  }
  return 0;
}

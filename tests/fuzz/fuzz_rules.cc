// libFuzzer target: the rule file loaders (extractors/rules.cc). The first byte picks the kind
// (entities, relations, inference); the rest is written to a file and loaded.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "extractors/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const std::string path = "/tmp/kgextract-fuzz-rules-" + std::to_string(::getpid());
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::fwrite(data + 1, 1, size - 1, f);
  std::fclose(f);
  static const char* kKinds[] = {"entities", "relations", "inference"};
  (void)kg::RuleSet::CheckRuleFile(kKinds[data[0] % 3], path);
  std::remove(path.c_str());  // libFuzzer's exit runs no destructor: leave nothing in /tmp
  return 0;
}

// kgextract: knowledge graphs from event reports. See README.md or `kgextract --help`.
#include <exception>
#include <iostream>

#include "pipeline/pipeline.h"

// The process ends after RunCli: its graph is left for the system to free, except under
// AddressSanitizer, whose leak check would report it.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kFreeMemory = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kFreeMemory = true;
#else
constexpr bool kFreeMemory = false;
#endif
#else
constexpr bool kFreeMemory = false;
#endif

int main(int argc, char** argv) {
  try {
    return kg::RunCli(argc, argv, kFreeMemory);
  } catch (const std::exception& e) {  // exceptions stop here, as a clean error
    std::cerr << "kgextract: internal error: " << e.what() << "\n";
    return 1;
  }
}

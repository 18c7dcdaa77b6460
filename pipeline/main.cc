// kgextract: knowledge graphs from event reports. See README.md or `kgextract --help`.
#include <exception>
#include <iostream>

#include "pipeline/pipeline.h"

int main(int argc, char** argv) {
  try {
    return kg::RunCli(argc, argv);
  } catch (const std::exception& e) {  // exceptions stop here, as a clean error
    std::cerr << "kgextract: internal error: " << e.what() << "\n";
    return 1;
  }
}

// STUB (lead): the render subcommand's author replaces this file.
#include <iostream>

#include "pipeline/pipeline.h"

namespace kg {
int RunRenderCommand(int, char**) {
  std::cerr << "kgextract render: not implemented yet\n";
  return 1;
}
}  // namespace kg

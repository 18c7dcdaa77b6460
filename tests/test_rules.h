// Shared by the stage tests: the real rule set of data/, loaded once per test binary.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>

#include "extractors/extract.h"

#ifndef KGEXTRACT_TEST_DATA_DIR
#error "KGEXTRACT_TEST_DATA_DIR must name the data/ directory (see tests/stage_tests.cmake)"
#endif

namespace kg::testing {

// A RuleSet is immutable and shareable, so one instance serves every test; a load failure
// fails the test that asked first and stops the binary.
inline const RuleSet& Rules() {
  static const RuleSet* rules = [] {
    std::unique_ptr<RuleSet> r;
    Status s = RuleSet::Load(KGEXTRACT_TEST_DATA_DIR, &r);
    if (!s.ok()) {
      ADD_FAILURE() << s.message();
      return static_cast<const RuleSet*>(nullptr);
    }
    return static_cast<const RuleSet*>(r.release());
  }();
  if (rules == nullptr) std::abort();
  return *rules;
}

}  // namespace kg::testing

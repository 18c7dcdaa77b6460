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

// The tokenizer's word lists of data/lexicon/ (pipeline/text.h), loaded once per test binary
// without the rest of the rule set.
inline const std::shared_ptr<const TokenizerLexicon>& TokenizerLexiconOfData() {
  static const std::shared_ptr<const TokenizerLexicon> lexicon = [] {
    std::shared_ptr<const TokenizerLexicon> l;
    Status s = LoadTokenizerLexicon(KGEXTRACT_TEST_DATA_DIR, &l);
    if (!s.ok()) ADD_FAILURE() << s.message();
    return l;
  }();
  if (lexicon == nullptr) std::abort();
  return lexicon;
}

}  // namespace kg::testing

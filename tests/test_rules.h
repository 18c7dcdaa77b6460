// Shared by the stage tests: a rule set loaded once per test binary (the real data/ of
// KGEXTRACT_TEST_DATA_DIR, or a fixture directory).
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>

#include "extractors/extract.h"

namespace kg::testing {

// The RuleSet of `data_dir`, or null after failing the test that asked: callers keep it in a
// function-local static (a RuleSet is immutable and shareable, so one instance serves every
// test) and stop the binary on null.
inline const RuleSet* LoadRulesOrFail(const char* data_dir) {
  std::unique_ptr<RuleSet> r;
  Status s = RuleSet::Load(data_dir, &r);
  if (!s.ok()) {
    ADD_FAILURE() << s.message();
    return nullptr;
  }
  return r.release();
}

#ifdef KGEXTRACT_TEST_DATA_DIR
// The real rules and gazetteers of data/ (tests/stage_tests.cmake).
inline const RuleSet& Rules() {
  static const RuleSet* rules = LoadRulesOrFail(KGEXTRACT_TEST_DATA_DIR);
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
#endif

}  // namespace kg::testing

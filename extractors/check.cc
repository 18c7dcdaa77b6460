// RuleSet::CheckExamples: runs every rule's `example:` and `counter-example:` lines through the
// whole extraction (the other rules, word lists and gazetteers included), as `rules check` does.
#include <algorithm>

#include "extractors/internal.h"

namespace kg {
namespace {

// What an endpoint of a relation candidate names in an example's "=> A -> B".
std::string EndpointText(const Extraction& ex, int32_t endpoint) {
  if (endpoint == kNarrator) return "@narrator";
  if (endpoint == kMainEvent) return "@main_event";
  if (endpoint == kNearestTalk) return "@nearest_talk";
  if (endpoint == kListItems) return "@item";
  if (endpoint == kNarratorOrg) return "@narrator_org";
  if (endpoint < 0 || static_cast<size_t>(endpoint) >= ex.mentions.size()) return "?";
  return ex.mentions[static_cast<size_t>(endpoint)].text;
}

// What a rule found in an example: entity rules the mentions' texts, relation rules
// "subject -> object".
std::vector<std::string> Findings(const Extraction& ex, const std::string& rule, bool relation) {
  std::vector<std::string> found;
  if (relation) {
    for (const RelationCandidate& r : ex.relations) {
      if (r.rule == rule) {
        found.push_back(EndpointText(ex, r.subject) + " -> " + EndpointText(ex, r.object));
      }
    }
  } else {
    for (const Mention& m : ex.mentions) {
      if (m.rule == rule) found.push_back(m.text);
    }
  }
  return found;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "'" : ", '") + s + "'";
  return out.empty() ? "nothing" : out;
}

}  // namespace

Status RuleSet::CheckExamples(std::vector<RuleCheckFailure>* failures, size_t* examples) const {
  failures->clear();
  *examples = 0;
  Tokenizer tokenizer(tokenizer_lexicon_);
  if (!tokenizer.ok()) return Status::Internal("ICU: " + tokenizer.error());
  auto check = [&](const std::string& name, const std::string& file, bool relation,
                   const std::vector<RuleExample>& list) -> Status {
    for (const RuleExample& e : list) {
      ++*examples;
      Document doc;
      if (Status s = MakeDocument(file + ":" + std::to_string(e.line), e.text, &doc); !s.ok()) {
        return s;
      }
      Extraction ex = Extract(tokenizer.Tokenize(doc), *this);
      std::vector<std::string> found = Findings(ex, name, relation);
      std::string problem;
      if (e.counter && !found.empty()) {
        problem = "counter-example of " + name + ": the rule fired (found " + Join(found) + ")";
      } else if (!e.counter && found.empty()) {
        problem = "example of " + name + ": the rule did not fire";
        // What did fire, so the writer sees which rule took the text.
        std::vector<std::string> others;
        for (const Mention& m : ex.mentions) {
          others.push_back(m.text + " (" + EntityTypeName(m.type) + ", " + m.rule + ")");
        }
        if (relation) {
          for (const RelationCandidate& r : ex.relations) {
            others.push_back(r.relation + ": " + EndpointText(ex, r.subject) + " -> " +
                             EndpointText(ex, r.object) + " (" + r.rule + ")");
          }
        }
        problem += "; found " + Join(others);
      } else if (!e.counter && !e.expect.empty() &&
                 std::find(found.begin(), found.end(), e.expect) == found.end()) {
        problem = "example of " + name + ": expected '" + e.expect + "', found " + Join(found);
      }
      if (!problem.empty()) failures->push_back({file, e.line, name, problem});
    }
    return Status::Ok();
  };
  for (const auto& r : entity_rules_) {
    if (Status s = check(r->name, r->file, false, r->examples); !s.ok()) return s;
  }
  for (const auto& r : relation_rules_) {
    if (Status s = check(r->name, r->file, true, r->examples); !s.ok()) return s;
  }
  return Status::Ok();
}

std::vector<RuleSet::RuleInfo> RuleSet::Rules() const {
  std::vector<RuleInfo> rules;
  for (const auto& r : entity_rules_) rules.push_back({r->name, "entity", r->file, r->line});
  for (const auto& r : relation_rules_) rules.push_back({r->name, "relation", r->file, r->line});
  for (const InferenceRule& r : inference_rules_) {
    rules.push_back({r.name, "inference", r.file, r.line});
  }
  return rules;
}

}  // namespace kg

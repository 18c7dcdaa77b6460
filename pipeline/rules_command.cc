// `kgextract rules`: checks rule packs and measures what their rules find.
//
//   kgextract rules check mypack/               # load the built-in pack and mypack, run the
//                                               # examples; problems as file:line:column
//   kgextract rules stats --rules mypack/ reports/   # hits per rule, dead and one-document rules
//
// Both load the packs as the main command does (--data, --rules, --no-default-rules), so a
// pack is checked against the schema it will run with.
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "pipeline/args.h"
#include "pipeline/pipeline.h"

namespace kg {
namespace {

constexpr const char* kRulesUsage =
    "usage: kgextract rules check [options] [PACK...]\n"
    "       kgextract rules stats [options] INPUT...\n"
    "\n"
    "check: loads the built-in rule pack and each PACK (a folder with schema and/or\n"
    "  rules/*.rules; docs/rules.md), checks every rule against the schema and runs every\n"
    "  example: and counter-example: line. Prints each problem as FILE:LINE: problem and a\n"
    "  summary; exit 0 when everything holds, 6 otherwise.\n"
    "stats: runs the rules over INPUT (files and folders, as the main command reads them)\n"
    "  and prints, per rule, the mentions or edge statements it gave and in how many\n"
    "  documents (tab-separated: rule, kind, place, hits, documents, note); the note marks\n"
    "  dead rules (no hit) and one-document rules.\n"
    "\n"
    "options:\n"
    "      --data DIR        word lists, gazetteers and the built-in pack (default as the\n"
    "                        main command: $KGEXTRACT_DATA or the installed data)\n"
    "      --rules DIR       (stats) a rule pack to add; repeatable\n"
    "      --no-default-rules  leave out the built-in pack's schema and rules\n"
    "  -j, --threads N       (stats) worker threads\n"
    "  -h, --help            this help\n"
    "\n"
    "exit codes: 0 success, 2 bad command line, 3 an input does not exist, 4 an input is\n"
    "invalid, 6 a rule pack has errors or failing examples\n";

int Fail(int code, const std::string& message) {
  std::cerr << "kgextract: rules: " << EscapeControls(message) << "\n";
  return code;
}

bool SamePath(const std::string& a, const std::string& b) {
  std::error_code ea, eb;
  auto ca = std::filesystem::weakly_canonical(a, ea);
  auto cb = std::filesystem::weakly_canonical(b, eb);
  return !ea && !eb && ca == cb;
}

int Check(const RuleSetOptions& options) {
  std::unique_ptr<RuleSet> rules;
  Status s = RuleSet::Load(options, &rules);
  if (s.ok()) s = rules->CompileAll();  // a run compiles each rule at its first use
  if (!s.ok()) {
    std::cout << s.message() << "\n";
    std::cout << "rules check: the packs do not load\n";
    return kExitRules;
  }
  std::vector<RuleSet::RuleCheckFailure> failures;
  size_t examples = 0;
  if (s = rules->CheckExamples(&failures, &examples); !s.ok()) {
    return Fail(ExitCodeFor(s), s.message());
  }
  for (const RuleSet::RuleCheckFailure& f : failures) {
    std::cout << f.file << ":" << f.line << ": " << EscapeControls(f.problem) << "\n";
  }
  size_t rule_count = rules->Rules().size();
  std::cout << "rules check: " << rule_count << " rules, " << rules->schema().types().size()
            << " entity types, " << rules->schema().relations().size() << " relations, " << examples
            << " examples: ";
  if (failures.empty()) {
    std::cout << "all hold\n";
    return kExitOk;
  }
  std::cout << failures.size() << " do not hold\n";
  return kExitRules;
}

int Stats(const RuleSetOptions& options, const std::vector<std::string>& inputs, int threads) {
  std::unique_ptr<Pipeline> pipeline;
  if (Status s = Pipeline::Create(options, &pipeline); !s.ok()) {
    return Fail(ExitCodeFor(s), s.message());
  }
  RunOptions run;
  run.threads = threads;
  // Every span, so each statement a rule made is counted.
  run.resolve.max_evidence = SIZE_MAX;
  run.max_node_mentions = SIZE_MAX;
  RunResult result;
  if (Status s = pipeline->Run(inputs, run, &result); !s.ok()) {
    return Fail(ExitCodeFor(s), s.message());
  }
  // rule -> hits, and the documents it hit.
  std::map<std::string, std::pair<uint64_t, std::set<std::string>>> hits;
  const Graph& g = result.graph.graph;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    for (const Span& m : g[v].mentions) {
      auto& h = hits[m.rule];
      h.first++;
      h.second.insert(m.doc);
    }
  }
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    if (g[e].relation == "co_occurs") continue;
    for (const Span& ev : g[e].evidence) {
      auto& h = hits[ev.rule];
      h.first++;
      h.second.insert(ev.doc);
    }
  }
  std::cout << "rule\tkind\tplace\thits\tdocuments\tnote\n";
  size_t dead = 0, single = 0;
  std::vector<RuleSet::RuleInfo> all = pipeline->rules().Rules();
  for (const RuleSet::RuleInfo& r : all) {
    auto it = hits.find(r.name);
    uint64_t n = it == hits.end() ? 0 : it->second.first;
    size_t docs = it == hits.end() ? 0 : it->second.second.size();
    const char* note = n == 0 ? "dead" : docs == 1 && result.documents > 1 ? "one document" : "";
    dead += n == 0;
    single += n > 0 && docs == 1 && result.documents > 1;
    std::cout << r.name << "\t" << r.kind << "\t" << r.file << ":" << r.line << "\t" << n << "\t"
              << docs << "\t" << note << "\n";
  }
  std::cerr << "rules stats: " << all.size() << " rules over " << result.documents
            << " documents: " << dead << " dead, " << single << " in one document only\n";
  return kExitOk;
}

}  // namespace

int RunRulesCommand(int argc, char** argv, DataDirSearch search) {
  if (argc < 2) {
    std::cerr << kRulesUsage;
    return kExitUsage;
  }
  std::string verb = argv[1];
  if (verb == "-h" || verb == "--help") {
    std::cout << kRulesUsage;
    return kExitOk;
  }
  if (verb != "check" && verb != "stats") {
    return Fail(kExitUsage, "unknown command '" + verb + "' (check or stats; see --help)");
  }
  RuleSetOptions options;
  std::vector<std::string> operands;
  int threads = 1;
  bool options_done = false;
  for (ArgCursor args(argc - 1, argv + 1); args.Next();) {
    const std::string& a = args.arg();
    if (options_done || a == "-" || !a.starts_with("-")) {
      operands.push_back(a);
    } else if (a == "--") {
      options_done = true;
    } else if (a == "-h" || a == "--help") {
      std::cout << kRulesUsage;
      return kExitOk;
    } else if (args.Is(nullptr, "--data")) {
      if (!args.Value(&search.flag)) return Fail(kExitUsage, a + " needs a directory");
    } else if (args.Is(nullptr, "--rules")) {
      std::string dir;
      if (!args.Value(&dir)) return Fail(kExitUsage, a + " needs a rule pack directory");
      options.packs.push_back(dir);
    } else if (a == "--no-default-rules") {
      options.default_rules = false;
    } else if (args.Is("-j", "--threads")) {
      std::string n;
      if (!args.Value(&n) || n.empty() || n.find_first_not_of("0123456789") != std::string::npos ||
          n.size() > 3 || std::stoi(n) < 1 || std::stoi(n) > 256) {
        return Fail(kExitUsage, "--threads wants a number from 1 to 256");
      }
      threads = std::stoi(n);
    } else {
      return Fail(kExitUsage, "unknown option '" + a + "' (see --help)");
    }
  }
  DataDir data;
  if (Status s = LocateDataDir(search, &data); !s.ok()) return Fail(ExitCodeFor(s), s.message());
  options.data_dir = data.path;
  if (verb == "check") {
    // The operands are the packs to check; the data directory is the built-in pack itself.
    for (const std::string& pack : operands) {
      if (options.default_rules && SamePath(pack, options.data_dir)) continue;
      options.packs.push_back(pack);
    }
    if (!options.default_rules && options.packs.empty()) {
      return Fail(kExitUsage, "--no-default-rules needs a pack to check");
    }
    return Check(options);
  }
  if (operands.empty()) return Fail(kExitUsage, "no input (see --help)");
  if (!options.default_rules && options.packs.empty()) {
    return Fail(kExitUsage, "--no-default-rules needs at least one --rules DIR");
  }
  return Stats(options, operands, threads);
}

}  // namespace kg

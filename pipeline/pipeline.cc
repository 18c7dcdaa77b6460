#include "pipeline/pipeline.h"

#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <climits>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

namespace kg {

Status Pipeline::Create(const std::string& data_dir, std::unique_ptr<Pipeline>* out) {
  RuleSetOptions options;
  options.data_dir = data_dir;
  return Create(options, out);
}

Status Pipeline::Create(const RuleSetOptions& options, std::unique_ptr<Pipeline>* out) {
  auto p = std::unique_ptr<Pipeline>(new Pipeline());
  if (Status s = RuleSet::Load(options, &p->rules_); !s.ok()) return s;
  *out = std::move(p);
  return Status::Ok();
}

void SetSchema(const Schema& schema, KnowledgeGraph* graph) {
  graph->types.clear();
  for (const Schema::Type& t : schema.types()) graph->types.push_back({t.name, t.color});
  graph->relations = schema.RelationNames();
}

DocumentGraph Pipeline::Process(const Document& doc, Tokenizer& tokenizer,
                                std::vector<std::string>* explanations,
                                const ResolveOptions& resolve) const {
  TokenizedDocument td = tokenizer.Tokenize(doc);
  ExtractOptions options;
  options.explain = explanations != nullptr;
  Extraction ex = Extract(td, *rules_, options);
  if (explanations) {
    for (std::string& line : ex.explanations) explanations->push_back(doc.id + ": " + line);
  }
  return ResolveDocument(td, ex, *rules_, resolve);
}

Status Pipeline::Run(const std::vector<std::string>& inputs, const RunOptions& options,
                     RunResult* result) const {
  std::vector<std::string> files;
  if (Status s = ExpandInputs(inputs, options.input, &files); !s.ok()) return s;
  const size_t n = files.size();
  std::vector<SourceResult> sources(n);
  std::vector<std::vector<DocumentGraph>> graphs(n);
  std::vector<std::vector<std::string>> doc_explanations(n);
  std::vector<std::vector<std::string>> doc_warnings(n);
  RunProgress progress;
  progress.inputs_total = n;
  for (const std::string& f : files) {
    FileInfo info;
    if (f != "-" && !options.input.fs->Stat(f, &info)) progress.bytes_total += info.size;
  }
  std::mutex progress_mutex;
  // Standard input can be read once only: by the worker of the first "-".
  const size_t first_dash =
      static_cast<size_t>(std::find(files.begin(), files.end(), "-") - files.begin());
  std::atomic<bool> failed{false};
  std::string tokenizer_error;  // ICU's reason when a worker's Tokenizer failed; under `mu`
  // The chunks of large documents wait here for any worker. Under `mu`: `tasks`, `next` (the
  // next input), `reading` (inputs being read, which may still add tasks), and every chunked
  // document's count of chunks left.
  std::mutex mu;
  std::condition_variable cv;
  std::deque<std::function<void(Tokenizer&)>> tasks;
  size_t next = 0, reading = 0;

  // Documents are merged in input order as soon as every earlier one is (under `mu`:
  // `committed`, the inputs merged whole, `done`, `graphs`), so that memory holds the merged
  // graph and the few documents read ahead, not every document's graph. One thread merges at a
  // time (`merge_mu`); the others go on reading.
  GraphMerger merger(options.resolve.max_evidence, options.max_node_mentions);
  // A document's graph need not hold more mention spans per node than the merger keeps.
  ResolveOptions resolve = options.resolve;
  resolve.max_node_mentions = options.max_node_mentions;
  std::mutex merge_mu;
  std::vector<char> done(n, 0);
  std::vector<size_t> documents_of(n, 0);
  size_t committed = 0;
  // Merges what is ready; the caller holds no lock.
  auto merge_ready = [&]() {
    while (true) {
      {
        std::unique_lock<std::mutex> merging(merge_mu, std::try_to_lock);
        if (!merging.owns_lock()) return;  // the merging thread re-checks before it stops
        while (true) {
          std::vector<DocumentGraph> batch;
          size_t c;
          bool finished;
          {
            std::lock_guard<std::mutex> lock(mu);
            if (committed >= n) break;
            c = committed;
            batch.swap(graphs[c]);
            finished = done[c] != 0;
          }
          if (batch.empty() && !finished) break;
          for (DocumentGraph& g : batch) {
            ++result->documents;
            result->sentences_pairs_capped += g.sentences_pairs_capped;
            result->pairs_dropped += g.pairs_dropped;
            if (g.mentions_dropped > 0) {
              if (result->documents_mentions_capped++ == 0) result->first_mentions_capped = g.doc;
              result->mentions_dropped += g.mentions_dropped;
            }
            if (options.keep_graphs) result->document_graphs.push_back(g);
            merger.Add(std::move(g));
          }
          if (!finished) break;
          for (Status& p : sources[c].problems) result->problems.push_back(std::move(p));
          result->bytes += sources[c].bytes;
          for (std::string& line : doc_explanations[c]) {
            result->explanations.push_back(std::move(line));
          }
          for (std::string& line : doc_warnings[c]) result->warnings.push_back(std::move(line));
          for (Document& doc : sources[c].documents) {
            result->documents_read.push_back(std::move(doc));
          }
          sources[c] = SourceResult();
          doc_explanations[c] = {};
          doc_warnings[c] = {};
          {
            std::lock_guard<std::mutex> lock(mu);
            ++committed;
          }
          cv.notify_all();
        }
      }
      std::lock_guard<std::mutex> lock(mu);
      if (committed >= n || (graphs[committed].empty() && !done[committed])) return;
    }
  };

  // Runs `task` (taken from the front of `tasks`, `lock` held) with the lock released.
  auto run_one = [&](std::unique_lock<std::mutex>& lock, Tokenizer& tokenizer) {
    std::function<void(Tokenizer&)> task = std::move(tasks.front());
    tasks.pop_front();
    lock.unlock();
    task(tokenizer);
    lock.lock();
  };
  // One document split into chunks: queues all chunks but the first, extracts the first, then
  // helps with queued chunks (this document's or another's) until its own are done. A chunk
  // is joined as soon as the ones before it are, so only the chunks finished out of order
  // wait: memory does not grow with the document's mentions.
  auto process_chunked = [&](const Document& doc, const std::vector<size_t>& starts,
                             Tokenizer& tokenizer, std::vector<std::string>* explanations) {
    ChunkJoiner joiner(doc, *rules_, resolve, explanations);
    std::mutex join_mu;  // guards `joiner`, `waiting` and `joined`
    std::vector<std::optional<ChunkExtraction>> waiting(starts.size());
    size_t joined = 0;
    size_t left = starts.size();
    auto extract = [&](size_t c, Tokenizer& t) {
      ChunkExtraction part = ExtractChunk(doc, starts, c, t, *rules_, explanations != nullptr);
      {
        std::lock_guard<std::mutex> lock(join_mu);
        waiting[c] = std::move(part);
        for (; joined < waiting.size() && waiting[joined]; ++joined) {
          joiner.Add(std::move(*waiting[joined]));
          waiting[joined].reset();
        }
      }
      std::lock_guard<std::mutex> lock(mu);
      if (--left == 0) cv.notify_all();
    };
    {
      std::lock_guard<std::mutex> lock(mu);
      for (size_t c = 1; c < starts.size(); ++c) {
        tasks.push_back([&extract, c](Tokenizer& t) { extract(c, t); });
      }
    }
    cv.notify_all();
    extract(0, tokenizer);
    {
      std::unique_lock<std::mutex> lock(mu);
      while (left > 0) {
        if (!tasks.empty()) {
          run_one(lock, tokenizer);
        } else {
          cv.wait(lock);
        }
      }
    }
    return joiner.Finish();
  };
  auto process_input = [&](size_t i, Tokenizer& tokenizer) {
    // Each document is analysed as soon as it is read (a JSON Lines dump is streamed).
    std::vector<Document> kept;
    DocumentSink sink = [&](Document&& doc) {
      if (!doc.warning.empty()) doc_warnings[i].push_back(doc.warning);
      std::vector<std::string>* explanations = options.explain ? &doc_explanations[i] : nullptr;
      std::vector<size_t> starts = ParagraphChunks(doc.text, options.chunk_bytes);
      DocumentGraph g = starts.size() == 1 ? Process(doc, tokenizer, explanations, resolve)
                                           : process_chunked(doc, starts, tokenizer, explanations);
      {
        std::lock_guard<std::mutex> lock(mu);
        graphs[i].push_back(std::move(g));
        ++documents_of[i];
      }
      if (options.keep_documents) kept.push_back(std::move(doc));
      merge_ready();
    };
    if (files[i] == "-" && i != first_dash) {
      sources[i].problems.push_back(Status::InvalidInput("-: standard input read already"));
    } else {
      SourceResult read = ReadSource(files[i], options.input, sink);
      sources[i].problems = std::move(read.problems);
      sources[i].bytes = read.bytes;
    }
    sources[i].documents = std::move(kept);
    if (options.progress) {
      std::lock_guard<std::mutex> lock(progress_mutex);
      ++progress.inputs_done;
      progress.documents += documents_of[i];
      progress.skipped += sources[i].problems.size();
      progress.bytes_done += sources[i].bytes;
      options.progress(progress);
    }
  };
  // Extra workers beyond the inputs only help with chunks: worth it when one input is large.
  size_t workers = static_cast<size_t>(std::max(options.threads, 1));
  if (options.chunk_bytes == 0) workers = std::max<size_t>(1, std::min(workers, n));
  // Inputs a worker may start ahead of the last one merged whole.
  const size_t read_ahead = 4 * workers + 16;
  // A worker takes queued chunks first, then the next input (within read_ahead of the merge);
  // it stops when no input is left and none is being read (a document being read may still
  // bring chunks).
  auto worker = [&]() {
    Tokenizer tokenizer(rules_->tokenizer_lexicon());
    if (!tokenizer.ok()) {
      {
        std::lock_guard<std::mutex> lock(mu);
        tokenizer_error = tokenizer.error();
      }
      failed = true;
      cv.notify_all();
      return;
    }
    std::unique_lock<std::mutex> lock(mu);
    while (true) {
      if (!tasks.empty()) {
        run_one(lock, tokenizer);
      } else if (next < n && !failed && next < committed + read_ahead) {
        size_t i = next++;
        ++reading;
        lock.unlock();
        process_input(i, tokenizer);
        lock.lock();
        done[i] = 1;
        --reading;
        cv.notify_all();
        lock.unlock();
        merge_ready();
        lock.lock();
      } else if ((next >= n || failed) && reading == 0) {
        return;
      } else {
        cv.wait(lock);
      }
    }
  };
  if (workers == 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (size_t w = 0; w < workers; ++w) pool.emplace_back(worker);
    for (std::thread& t : pool) t.join();
  }
  if (failed) return Status::Internal(tokenizer_error);
  merge_ready();  // nothing is left to merge unless a worker stopped early
  result->files = files;
  merger.Finish(GeneratorName(), rules_->fingerprint(), &result->graph, options.threads);
  SetSchema(rules_->schema(), &result->graph);
  for (auto v : boost::make_iterator_range(boost::vertices(result->graph.graph))) {
    const NodeProps& p = result->graph.graph[v];
    uint64_t all = 0;
    for (const DocumentCount& c : p.mention_counts) all += c.count;
    if (p.mentions.size() < all) ++result->nodes_mentions_capped;
  }
  for (auto e : boost::make_iterator_range(boost::edges(result->graph.graph))) {
    const EdgeProps& p = result->graph.graph[e];
    if (static_cast<double>(p.evidence.size()) < p.weight) ++result->edges_evidence_capped;
  }
  return Status::Ok();
}

std::string GeneratorName() { return std::string("kgextract ") + KGEXTRACT_VERSION; }

namespace {

// Temporary files and backups are named ".kgextract-PID-XXXXXX" in the target's directory: short
// (any target name that fits the file system fits), hidden, and recognisable as ours, so that
// those of a process that no longer exists (killed with SIGKILL) are removed by the next run.
constexpr std::string_view kTempPrefix = ".kgextract-";

// The temporaries and backups of this process that exist now, removed by the signal handler.
// Changed only with the handled signals blocked, so the handler never sees it half-changed.
std::set<std::string>* g_live = nullptr;
constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE};

extern "C" void RemoveTemporariesAndDie(int sig) {
  if (g_live != nullptr) {
    for (const std::string& p : *g_live) ::unlink(p.c_str());
  }
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

// Blocks the handled signals for its lifetime (the renames of a set happen under one).
class SignalBlock {
 public:
  SignalBlock() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : kCleanupSignals) sigaddset(&set, sig);
    ::pthread_sigmask(SIG_BLOCK, &set, &old_);
  }
  ~SignalBlock() { ::pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
  SignalBlock(const SignalBlock&) = delete;
  SignalBlock& operator=(const SignalBlock&) = delete;

 private:
  sigset_t old_;
};

void InstallCleanupHandlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    g_live = new std::set<std::string>();
    for (int sig : kCleanupSignals) {
      struct sigaction old;
      if (::sigaction(sig, nullptr, &old) != 0 || old.sa_handler == SIG_IGN) continue;
      if (sig == SIGPIPE) continue;  // SIGPIPE keeps its disposition (see below)
      struct sigaction sa {};
      sa.sa_handler = RemoveTemporariesAndDie;
      sigemptyset(&sa.sa_mask);
      ::sigaction(sig, &sa, nullptr);
    }
  });
}

void Track(const std::string& path) {
  InstallCleanupHandlers();
  SignalBlock block;
  g_live->insert(path);
}
void Untrack(const std::string& path) {
  SignalBlock block;
  g_live->erase(path);
}

std::string DirectoryOf(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// The permission bits new files get: 0666 less the umask (read once; umask() both sets and
// returns it).
mode_t NewFileMode() {
  static const mode_t mode = [] {
    mode_t mask = ::umask(022);
    ::umask(mask);
    return static_cast<mode_t>(0666 & ~mask);
  }();
  return mode;
}

// Removes the temporaries and backups of processes that no longer exist from `dir`.
void RemoveStaleTemporaries(FileSystem* fs, const std::string& dir) {
  std::vector<DirEntry> entries;
  if (fs->ListDirectory(dir, &entries)) return;
  const uid_t uid = ::geteuid();
  for (const DirEntry& e : entries) {
    std::string_view name = e.name;
    if (!name.starts_with(kTempPrefix)) continue;
    std::string_view rest = name.substr(kTempPrefix.size());
    size_t dash = rest.find('-');
    if (dash == 0 || dash == std::string_view::npos || dash > 10) continue;
    long pid = 0;
    bool digits = true;
    for (char c : rest.substr(0, dash)) {
      digits = digits && c >= '0' && c <= '9';
      pid = pid * 10 + (c - '0');
    }
    if (!digits || pid <= 0 || pid == ::getpid()) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // alive
    std::string path = dir + "/" + e.name;
    FileInfo info;
    if (fs->Stat(path, &info, /*follow_symlinks=*/false) || info.type != FileType::kRegular ||
        info.uid != uid) {
      continue;
    }
    (void)fs->RemoveFile(path);
  }
}

// Writes `file`'s bytes (its content, or what its stream hands over piece by piece) to `out`;
// returns the error of the write that failed.
std::error_code WriteContent(WritableFile& out, const OutputFile& file) {
  if (!file.stream) return out.Append(file.content);
  std::error_code error;
  const bool ok = file.stream([&](std::string_view piece) {
    error = out.Append(piece);
    return !error;
  });
  if (ok) return {};
  return error ? error : std::error_code(EIO, std::generic_category());
}

// Writes `file` to a new temporary file in the directory of `path`; sets *tmp to its name.
// The file gets the mode (and, for root, the owner) of an existing `path`, else 0666 less the
// umask. Errors name `shown`, the output as the user gave it.
Status WriteTemporary(FileSystem* fs, const std::string& path, const std::string& shown,
                      const OutputFile& file, std::string* tmp) {
  *tmp =
      DirectoryOf(path) + "/" + std::string(kTempPrefix) + std::to_string(::getpid()) + "-XXXXXX";
  NewFileOptions options;
  options.mode = NewFileMode();
  if (FileInfo info; !fs->Stat(path, &info) && info.type == FileType::kRegular) {
    options.mode = info.mode;
    options.set_owner = ::geteuid() == 0;
    options.uid = info.uid;
    options.gid = info.gid;
  }
  InstallCleanupHandlers();
  std::unique_ptr<WritableFile> out;
  std::error_code ec;
  {
    SignalBlock block;  // no window where the file exists but is not tracked
    ec = fs->NewTempFile(tmp, options, &out);
    if (!ec) g_live->insert(*tmp);
  }
  if (ec) return Status::IOError(shown + ": cannot write: " + ec.message());
  auto fail = [&](std::error_code e) {
    out.reset();
    (void)fs->RemoveFile(*tmp);
    Untrack(*tmp);
    return Status::IOError(shown + ": cannot write: " + e.message());
  };
  if (ec = WriteContent(*out, file); ec) return fail(ec);
  if (ec = out->Close(); ec) return fail(ec);
  // Test hook (tests/cli_test.py): $KGEXTRACT_TEST_WRITE_DELAY_MS widens the window in which
  // the temporaries exist, so that signals and kills can be aimed at it.
  static const long delay_ms = [] {
    const char* v = std::getenv("KGEXTRACT_TEST_WRITE_DELAY_MS");
    return v ? std::strtol(v, nullptr, 10) : 0L;
  }();
  if (delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
  return Status::Ok();
}

// Where to write `path`: through a symlink to its target (the link stays a link), and whether
// that target is something other than a regular file (a device such as /dev/null, a FIFO),
// which is written in place: renaming a file over it would replace the device itself.
struct Target {
  std::string path;
  bool in_place = false;
};
Target ResolveTarget(FileSystem* fs, const std::string& path) {
  Target t{path, false};
  char resolved[PATH_MAX];
  FileInfo info;
  if (!fs->Stat(path, &info, /*follow_symlinks=*/false) && info.type == FileType::kSymlink) {
    if (::realpath(path.c_str(), resolved) != nullptr) {
      t.path = resolved;
    } else if (ssize_t n = ::readlink(path.c_str(), resolved, sizeof resolved - 1); n > 0) {
      // A link to a file not there yet: the file is made where the link points.
      std::string link(resolved, static_cast<size_t>(n));
      size_t slash = path.rfind('/');
      t.path =
          link[0] == '/' || slash == std::string::npos ? link : path.substr(0, slash + 1) + link;
    }
  }
  if (!fs->Stat(t.path, &info) && info.type != FileType::kRegular &&
      info.type != FileType::kDirectory) {
    t.in_place = true;
  }
  return t;
}

Status WriteInPlace(FileSystem* fs, const std::string& shown, const OutputFile& file,
                    const std::string& target) {
  std::unique_ptr<WritableFile> out;
  std::error_code ec = fs->OpenForWriting(target, &out);
  if (!ec) ec = WriteContent(*out, file);
  if (!ec) ec = out->Close();
  if (ec) return Status::IOError(shown + ": cannot write: " + ec.message());
  return Status::Ok();
}

// A hard link to the current `target` (a backup to roll back to), or "" when there is no file.
std::string Backup(FileSystem* fs, const std::string& target) {
  FileInfo info;
  if (fs->Stat(target, &info, /*follow_symlinks=*/false) || info.type != FileType::kRegular) {
    return "";
  }
  static std::atomic<unsigned> counter{0};
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string name = DirectoryOf(target) + "/" + std::string(kTempPrefix) +
                       std::to_string(::getpid()) + "-b" + std::to_string(counter++);
    Track(name);
    std::error_code ec = fs->Link(target, name);
    if (!ec) return name;
    Untrack(name);
    if (ec != std::errc::file_exists) break;
  }
  return "";  // no hard links here (some file systems): this target cannot be rolled back
}

}  // namespace

Status WriteFilesAtomically(const std::vector<OutputFile>& files,
                            const std::vector<std::string>& inputs, FileSystem* fs) {
  std::vector<Target> targets;
  for (const OutputFile& f : files) targets.push_back(ResolveTarget(fs, f.path));
  // An output that is an input (the same file, by any name) is refused before anything is written.
  if (!inputs.empty()) {
    std::map<std::pair<uint64_t, uint64_t>, const std::string*> input_ids;
    for (const std::string& in : inputs) {
      FileInfo info;
      if (in != "-" && !fs->Stat(in, &info) && info.type == FileType::kRegular) {
        input_ids.emplace(std::make_pair(info.device, info.inode), &in);
      }
    }
    for (size_t i = 0; i < files.size() && !input_ids.empty(); ++i) {
      FileInfo info;
      if (fs->Stat(targets[i].path, &info)) continue;
      if (auto it = input_ids.find({info.device, info.inode}); it != input_ids.end()) {
        return Status::IOError(QuotePath(files[i].path) + ": is the input " +
                               QuotePath(*it->second) + ": refusing to overwrite an input");
      }
    }
  }
  // Every target must be replaceable before the first is replaced: a directory cannot be.
  for (size_t i = 0; i < files.size(); ++i) {
    FileInfo info;
    if (!targets[i].in_place && !fs->Stat(targets[i].path, &info) &&
        info.type == FileType::kDirectory) {
      return Status::IOError(QuotePath(files[i].path) + ": cannot write: " + std::strerror(EISDIR));
    }
  }
  std::set<std::string> dirs;
  for (size_t i = 0; i < files.size(); ++i) {
    if (!targets[i].in_place && dirs.insert(DirectoryOf(targets[i].path)).second) {
      RemoveStaleTemporaries(fs, DirectoryOf(targets[i].path));
    }
  }
  // Regular files: all written to temporary files first, then renamed together.
  std::vector<std::string> temps(files.size());
  auto discard = [&] {
    for (std::string& t : temps) {
      if (t.empty()) continue;
      (void)fs->RemoveFile(t);
      Untrack(t);
      t.clear();
    }
  };
  for (size_t i = 0; i < files.size(); ++i) {
    if (targets[i].in_place) continue;
    if (Status s =
            WriteTemporary(fs, targets[i].path, QuotePath(files[i].path), files[i], &temps[i]);
        !s.ok()) {
      temps[i].clear();
      discard();
      return s;
    }
  }
  {
    // The renames run with the signals blocked: a SIGTERM now waits until the set is complete
    // (or rolled back), then removes nothing of it.
    SignalBlock block;
    std::vector<std::string> backups(files.size());
    std::vector<bool> existed(files.size(), false);
    auto drop_backups = [&] {
      for (std::string& b : backups) {
        if (b.empty()) continue;
        (void)fs->RemoveFile(b);
        g_live->erase(b);
        b.clear();
      }
    };
    for (size_t i = 0; i < files.size(); ++i) {
      if (targets[i].in_place) continue;
      FileInfo info;
      existed[i] = !fs->Stat(targets[i].path, &info, /*follow_symlinks=*/false);
      backups[i] = Backup(fs, targets[i].path);
    }
    for (size_t i = 0; i < files.size(); ++i) {
      if (targets[i].in_place) continue;
      if (std::error_code e = fs->Rename(temps[i], targets[i].path)) {
        // Roll back: the targets replaced so far get their old file back (or go, if new).
        for (size_t j = 0; j < i; ++j) {
          if (targets[j].in_place) continue;
          if (!backups[j].empty()) {
            if (!fs->Rename(backups[j], targets[j].path)) {
              g_live->erase(backups[j]);
              backups[j].clear();
            }
          } else if (!existed[j]) {
            (void)fs->RemoveFile(targets[j].path);
          }
        }
        drop_backups();
        discard();
        return Status::IOError(QuotePath(files[i].path) + ": cannot write: " + e.message());
      }
      g_live->erase(temps[i]);
      temps[i].clear();
    }
    drop_backups();
  }
  // Devices and FIFOs last, once every regular file is in place.
  for (size_t i = 0; i < files.size(); ++i) {
    if (!targets[i].in_place) continue;
    if (Status s = WriteInPlace(fs, QuotePath(files[i].path), files[i], targets[i].path); !s.ok()) {
      return s;
    }
  }
  return Status::Ok();
}

Status WriteFileAtomically(const std::string& path, std::string_view content,
                           const std::vector<std::string>& inputs, FileSystem* fs) {
  return WriteFilesAtomically({{path, std::string(content)}}, inputs, fs);
}

std::string Summary(const KnowledgeGraph& graph) {
  std::map<std::string, size_t> by_type;
  size_t relations = 0, co_occurrences = 0;
  for (auto v : boost::make_iterator_range(boost::vertices(graph.graph))) {
    if (!graph.graph[v].narrator) by_type[graph.graph[v].type]++;
  }
  for (auto e : boost::make_iterator_range(boost::edges(graph.graph))) {
    (graph.graph[e].relation == "co_occurs" ? co_occurrences : relations)++;
  }
  auto count = [](size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  return count(by_type["PERSON"], "person", "people") + ", " +
         count(by_type["ORG"], "organisation", "organisations") + ", " +
         count(by_type["PLACE"], "place", "places") + ", " +
         count(by_type["EVENT"], "event", "events") + ", " +
         count(by_type["TALK"], "talk", "talks") + ", " +
         count(relations, "relation", "relations") + ", " +
         count(co_occurrences, "co-occurrence", "co-occurrences");
}

}  // namespace kg

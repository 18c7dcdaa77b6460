#include "pipeline/pipeline.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

namespace kg {

Status Pipeline::Create(const std::string& data_dir, std::unique_ptr<Pipeline>* out) {
  auto p = std::unique_ptr<Pipeline>(new Pipeline());
  if (Status s = RuleSet::Load(data_dir, &p->rules_); !s.ok()) return s;
  *out = std::move(p);
  return Status::Ok();
}

DocumentGraph Pipeline::Process(const Document& doc, Tokenizer& tokenizer,
                                std::vector<std::string>* explanations) const {
  TokenizedDocument td = tokenizer.Tokenize(doc);
  ExtractOptions options;
  options.explain = explanations != nullptr;
  Extraction ex = Extract(td, *rules_, options);
  if (explanations) {
    for (std::string& line : ex.explanations) explanations->push_back(doc.id + ": " + line);
  }
  return ResolveDocument(td, ex, *rules_);
}

Status Pipeline::Run(const std::vector<std::string>& inputs, const RunOptions& options,
                     RunResult* result) const {
  std::vector<std::string> files;
  if (Status s = ExpandInputs(inputs, options.input, &files); !s.ok()) return s;
  const size_t n = files.size();
  std::vector<SourceResult> sources(n);
  std::vector<std::vector<DocumentGraph>> graphs(n);
  std::vector<std::vector<std::string>> doc_explanations(n);
  RunProgress progress;
  progress.inputs_total = n;
  for (const std::string& f : files) {
    struct stat st;
    if (f != "-" && ::stat(f.c_str(), &st) == 0) progress.bytes_total += st.st_size;
  }
  std::mutex progress_mutex;
  // Standard input can be read once only: by the worker of the first "-".
  const size_t first_dash =
      static_cast<size_t>(std::find(files.begin(), files.end(), "-") - files.begin());
  std::atomic<bool> failed{false};
  // The chunks of large documents wait here for any worker. Under `mu`: `tasks`, `next` (the
  // next input), `reading` (inputs being read, which may still add tasks), and every chunked
  // document's count of chunks left.
  std::mutex mu;
  std::condition_variable cv;
  std::deque<std::function<void(Tokenizer&)>> tasks;
  size_t next = 0, reading = 0;

  // Runs `task` (taken from the front of `tasks`, `lock` held) with the lock released.
  auto run_one = [&](std::unique_lock<std::mutex>& lock, Tokenizer& tokenizer) {
    std::function<void(Tokenizer&)> task = std::move(tasks.front());
    tasks.pop_front();
    lock.unlock();
    task(tokenizer);
    lock.lock();
  };
  // One document split into chunks: queues all chunks but the first, extracts the first, then
  // helps with queued chunks (this document's or another's) until its own are done.
  auto process_chunked = [&](const Document& doc, const std::vector<size_t>& starts,
                             Tokenizer& tokenizer, std::vector<std::string>* explanations) {
    std::vector<ChunkExtraction> parts(starts.size());
    size_t left = starts.size();
    auto extract = [&](size_t c, Tokenizer& t) {
      parts[c] = ExtractChunk(doc, starts, c, t, *rules_, explanations != nullptr);
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
    return ResolveChunks(doc, std::move(parts), *rules_, explanations);
  };
  auto process_input = [&](size_t i, Tokenizer& tokenizer) {
    // Each document is analysed as soon as it is read (a JSON Lines dump is streamed).
    std::vector<Document> kept;
    DocumentSink sink = [&](Document&& doc) {
      std::vector<std::string>* explanations = options.explain ? &doc_explanations[i] : nullptr;
      std::vector<size_t> starts = ParagraphChunks(doc.text, options.chunk_bytes);
      graphs[i].push_back(starts.size() == 1
                              ? Process(doc, tokenizer, explanations)
                              : process_chunked(doc, starts, tokenizer, explanations));
      if (options.keep_documents) kept.push_back(std::move(doc));
    };
    if (files[i] == "-" && i != first_dash) {
      sources[i].problems.push_back(Status::InvalidInput("-: standard input read already"));
    } else {
      sources[i] = ReadSource(files[i], options.input, sink);
    }
    sources[i].documents = std::move(kept);
    if (options.progress) {
      std::lock_guard<std::mutex> lock(progress_mutex);
      ++progress.inputs_done;
      progress.documents += graphs[i].size();
      progress.skipped += sources[i].problems.size();
      progress.bytes_done += sources[i].bytes;
      options.progress(progress);
    }
  };
  // A worker takes queued chunks first, then the next input; it stops when no input is left
  // and none is being read (a document being read may still bring chunks).
  auto worker = [&]() {
    Tokenizer tokenizer;
    if (!tokenizer.ok()) {
      failed = true;
      cv.notify_all();
      return;
    }
    std::unique_lock<std::mutex> lock(mu);
    while (true) {
      if (!tasks.empty()) {
        run_one(lock, tokenizer);
      } else if (next < n && !failed) {
        size_t i = next++;
        ++reading;
        lock.unlock();
        process_input(i, tokenizer);
        lock.lock();
        if (--reading == 0) cv.notify_all();
      } else if (reading == 0) {
        return;
      } else {
        cv.wait(lock);
      }
    }
  };
  // Extra workers beyond the inputs only help with chunks: worth it when one input is large.
  size_t workers = static_cast<size_t>(std::max(options.threads, 1));
  if (options.chunk_bytes == 0) workers = std::max<size_t>(1, std::min(workers, n));
  if (workers == 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (size_t w = 0; w < workers; ++w) pool.emplace_back(worker);
    for (std::thread& t : pool) t.join();
  }
  if (failed) return Status::Internal("ICU break iterators unavailable");
  std::vector<DocumentGraph> all;
  for (size_t i = 0; i < n; ++i) {
    for (Status& p : sources[i].problems) result->problems.push_back(std::move(p));
    result->bytes += sources[i].bytes;
    for (std::string& line : doc_explanations[i]) result->explanations.push_back(std::move(line));
    for (Document& doc : sources[i].documents) result->documents_read.push_back(std::move(doc));
    for (DocumentGraph& g : graphs[i]) {
      ++result->documents;
      if (options.keep_graphs) result->document_graphs.push_back(g);
      all.push_back(std::move(g));
    }
  }
  result->graph = MergeDocuments(std::move(all), GeneratorName(), rules_->fingerprint());
  return Status::Ok();
}

std::string GeneratorName() { return std::string("kgextract ") + KGEXTRACT_VERSION; }

namespace {

// Writes `content` to a new temporary file beside `path`; sets *tmp to its name. Errors name
// `shown`, the output as the user gave it.
Status WriteTemporary(const std::string& path, const std::string& shown, std::string_view content,
                      std::string* tmp) {
  *tmp = path + ".tmp-XXXXXX";
  int fd = ::mkstemp(tmp->data());
  if (fd < 0) return Status::IOError(shown + ": cannot write: " + std::strerror(errno));
  size_t written = 0;
  while (written < content.size()) {
    ssize_t w = ::write(fd, content.data() + written, content.size() - written);
    if (w < 0) {
      if (errno == EINTR) continue;
      int e = errno;
      ::close(fd);
      ::unlink(tmp->c_str());
      return Status::IOError(shown + ": cannot write: " + std::strerror(e));
    }
    written += static_cast<size_t>(w);
  }
  ::fchmod(fd, 0644);  // mkstemp makes 0600; outputs are ordinary files
  if (::close(fd) != 0) {
    int e = errno;
    ::unlink(tmp->c_str());
    return Status::IOError(shown + ": cannot write: " + std::strerror(e));
  }
  return Status::Ok();
}

// Where to write `path`: through a symlink to its target (the link stays a link), and whether
// that target is something other than a regular file (a device such as /dev/null, a FIFO),
// which is written in place: renaming a file over it would replace the device itself.
struct Target {
  std::string path;
  bool in_place = false;
};
Target ResolveTarget(const std::string& path) {
  Target t{path, false};
  char resolved[PATH_MAX];
  struct stat st;
  if (::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
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
  if (::stat(t.path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
    t.in_place = true;
  }
  return t;
}

Status WriteInPlace(const OutputFile& f, const std::string& target) {
  int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return Status::IOError(f.path + ": cannot write: " + std::strerror(errno));
  size_t written = 0;
  while (written < f.content.size()) {
    ssize_t w = ::write(fd, f.content.data() + written, f.content.size() - written);
    if (w < 0) {
      if (errno == EINTR) continue;
      int e = errno;
      ::close(fd);
      return Status::IOError(f.path + ": cannot write: " + std::strerror(e));
    }
    written += static_cast<size_t>(w);
  }
  if (::close(fd) != 0) {
    return Status::IOError(f.path + ": cannot write: " + std::strerror(errno));
  }
  return Status::Ok();
}

}  // namespace

Status WriteFilesAtomically(const std::vector<OutputFile>& files) {
  std::vector<Target> targets;
  for (const OutputFile& f : files) targets.push_back(ResolveTarget(f.path));
  // Regular files: all written to temporary files first, then renamed together.
  std::vector<std::string> temps(files.size());
  auto discard = [&] {
    for (const std::string& t : temps) {
      if (!t.empty()) ::unlink(t.c_str());
    }
  };
  for (size_t i = 0; i < files.size(); ++i) {
    if (targets[i].in_place) continue;
    if (Status s = WriteTemporary(targets[i].path, files[i].path, files[i].content, &temps[i]);
        !s.ok()) {
      temps[i].clear();
      discard();
      return s;
    }
  }
  for (size_t i = 0; i < files.size(); ++i) {
    if (targets[i].in_place) continue;
    if (::rename(temps[i].c_str(), targets[i].path.c_str()) != 0) {
      int e = errno;
      discard();
      return Status::IOError(files[i].path + ": cannot write: " + std::strerror(e));
    }
    temps[i].clear();
  }
  // Devices and FIFOs last, once every regular file is in place.
  for (size_t i = 0; i < files.size(); ++i) {
    if (!targets[i].in_place) continue;
    if (Status s = WriteInPlace(files[i], targets[i].path); !s.ok()) return s;
  }
  return Status::Ok();
}

Status WriteFileAtomically(const std::string& path, std::string_view content) {
  return WriteFilesAtomically({{path, std::string(content)}});
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

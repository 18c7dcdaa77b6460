// Fault injection through pipeline/file_system.h (LevelDB's fault_injection_test): the real
// data/ and real temporary folders, read and written through a FileSystem that fails chosen
// operations (a read error, a full disk, a failing rename), so each failure's Status, message
// and exit code, and what it leaves on disk, are checked without copying data/ or filling a disk.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "graph/export.h"
#include "pipeline/file_system.h"
#include "pipeline/pipeline.h"

#ifndef KGEXTRACT_TEST_DATA_DIR
#error "KGEXTRACT_TEST_DATA_DIR must name the data/ directory (see tests/stage_tests.cmake)"
#endif

namespace kg {
namespace {

namespace stdfs = std::filesystem;

std::error_code Errno(int e) { return std::error_code(e, std::generic_category()); }
bool EndsWith(const std::string& s, const std::string& suffix) {
  return !suffix.empty() && s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The default file system with faults: reads of a file whose path ends with `read_error`
// fail with EIO (opening works: the error comes from read(2), as on a bad sector); writes fail
// with ENOSPC once `disk_space` bytes have been written (the write that crosses the limit
// writes what fits first, as write(2) does); a rename to a path ending with `rename_error`
// fails with EIO. It records every path opened for reading and every temporary file made.
class FaultInjectingFileSystem : public FileSystem {
 public:
  std::string read_error;
  int64_t disk_space = -1;  // bytes left; -1: unlimited
  std::string rename_error;

  std::error_code NewSequentialFile(const std::string& path,
                                    std::unique_ptr<SequentialFile>* file) override {
    std::unique_ptr<SequentialFile> real;
    if (std::error_code ec = base_->NewSequentialFile(path, &real)) return ec;
    {
      std::lock_guard<std::mutex> lock(mu_);
      opened_.insert(path);
    }
    if (EndsWith(path, read_error)) {
      *file = std::make_unique<FailingRead>();
    } else {
      *file = std::move(real);
    }
    return {};
  }
  std::error_code Stat(const std::string& path, FileInfo* info, bool follow_symlinks) override {
    return base_->Stat(path, info, follow_symlinks);
  }
  std::error_code ListDirectory(const std::string& dir, std::vector<DirEntry>* entries) override {
    return base_->ListDirectory(dir, entries);
  }
  std::error_code NewTempFile(std::string* path_template, const NewFileOptions& options,
                              std::unique_ptr<WritableFile>* file) override {
    std::unique_ptr<WritableFile> real;
    if (std::error_code ec = base_->NewTempFile(path_template, options, &real)) return ec;
    {
      std::lock_guard<std::mutex> lock(mu_);
      temporaries_.push_back(*path_template);
    }
    *file = std::make_unique<LimitedWrite>(std::move(real), this);
    return {};
  }
  std::error_code OpenForWriting(const std::string& path,
                                 std::unique_ptr<WritableFile>* file) override {
    std::unique_ptr<WritableFile> real;
    if (std::error_code ec = base_->OpenForWriting(path, &real)) return ec;
    *file = std::make_unique<LimitedWrite>(std::move(real), this);
    return {};
  }
  std::error_code Rename(const std::string& from, const std::string& to) override {
    if (EndsWith(to, rename_error)) return Errno(EIO);
    return base_->Rename(from, to);
  }
  std::error_code Link(const std::string& existing, const std::string& new_name) override {
    return base_->Link(existing, new_name);
  }
  std::error_code RemoveFile(const std::string& path) override { return base_->RemoveFile(path); }
  std::error_code CreateDirectories(const std::string& dir) override {
    return base_->CreateDirectories(dir);
  }

  std::set<std::string> opened() {
    std::lock_guard<std::mutex> lock(mu_);
    return opened_;
  }
  std::vector<std::string> temporaries() {
    std::lock_guard<std::mutex> lock(mu_);
    return temporaries_;
  }

 private:
  class FailingRead : public SequentialFile {
   public:
    std::error_code Read(char*, size_t, size_t* got) override {
      *got = 0;
      return Errno(EIO);
    }
  };
  class LimitedWrite : public WritableFile {
   public:
    LimitedWrite(std::unique_ptr<WritableFile> real, FaultInjectingFileSystem* fs)
        : real_(std::move(real)), fs_(fs) {}
    std::error_code Append(std::string_view data) override {
      size_t fits = data.size();
      {
        std::lock_guard<std::mutex> lock(fs_->mu_);
        if (fs_->disk_space >= 0) {
          fits = std::min<size_t>(fits, static_cast<size_t>(fs_->disk_space));
          fs_->disk_space -= static_cast<int64_t>(fits);
        }
      }
      if (std::error_code ec = real_->Append(data.substr(0, fits))) return ec;
      return fits < data.size() ? Errno(ENOSPC) : std::error_code();
    }
    std::error_code Close() override { return real_->Close(); }

   private:
    std::unique_ptr<WritableFile> real_;
    FaultInjectingFileSystem* fs_;
  };

  FileSystem* base_ = FileSystem::Default();
  std::mutex mu_;
  std::set<std::string> opened_;
  std::vector<std::string> temporaries_;
};

const std::string kData = KGEXTRACT_TEST_DATA_DIR;

Status LoadData(FileSystem* fs) {
  RuleSetOptions options;
  options.data_dir = kData;
  options.fs = fs;
  std::unique_ptr<RuleSet> rules;
  return RuleSet::Load(options, &rules);
}

// --- Loading data/ ------------------------------------------------------------------------------

TEST(FileSystemFaultTest, EveryDataFileIsReadThroughTheFileSystem) {
  FaultInjectingFileSystem fs;
  ASSERT_TRUE(LoadData(&fs).ok());
  std::set<std::string> opened = fs.opened();
  for (const char* file :
       {"/schema", "/rules/evidence.weights", "/rules/entities.rules", "/rules/relations.rules",
        "/rules/inference.rules", "/gazetteers/cities.tsv", "/lexicon/roles.txt",
        "/lexicon/abbreviations.txt"}) {
    EXPECT_EQ(opened.count(kData + file), 1u) << file;
  }
  // Every word list and gazetteer of data/ that a RuleSet loads; none read behind its back.
  size_t lists = 0;
  for (const std::string& path : opened) {
    lists += path.ends_with(".tsv") || path.ends_with(".txt");
  }
  EXPECT_GE(lists, 30u);
}

TEST(FileSystemFaultTest, ReadErrorOnAGazetteerNamesTheFile) {
  FaultInjectingFileSystem fs;
  fs.read_error = "/gazetteers/cities.tsv";
  Status s = LoadData(&fs);
  EXPECT_EQ(s.code(), Status::Code::kRules);
  EXPECT_EQ(s.message(),
            kData + "/gazetteers/cities.tsv: cannot read word list: Input/output error");
  EXPECT_EQ(ExitCodeFor(s), kExitRules);
}

TEST(FileSystemFaultTest, ReadErrorOnALexiconNamesTheFile) {
  FaultInjectingFileSystem fs;
  fs.read_error = "/lexicon/roles.txt";  // loaded first, before the rules compile
  Status s = LoadData(&fs);
  EXPECT_EQ(s.code(), Status::Code::kRules);
  EXPECT_EQ(s.message(), kData + "/lexicon/roles.txt: cannot read word list: Input/output error");
}

// The tokenizer's lists (pipeline/text.h) are data files like the others.
TEST(FileSystemFaultTest, ReadErrorOnATokenizerListNamesTheFile) {
  FaultInjectingFileSystem fs;
  fs.read_error = "/lexicon/sentence_openers.txt";
  Status s = LoadData(&fs);
  EXPECT_EQ(s.code(), Status::Code::kRules);
  EXPECT_EQ(s.message(),
            kData + "/lexicon/sentence_openers.txt: cannot read word list: Input/output error");
  EXPECT_EQ(ExitCodeFor(s), kExitRules);
}

TEST(FileSystemFaultTest, ReadErrorOnARuleFileNamesTheFile) {
  FaultInjectingFileSystem fs;
  fs.read_error = "/rules/relations.rules";
  Status s = LoadData(&fs);
  EXPECT_EQ(s.code(), Status::Code::kRules);
  EXPECT_EQ(s.message(),
            kData + "/rules/relations.rules: cannot read rule file: Input/output error");
  EXPECT_EQ(ExitCodeFor(s), kExitRules);
}

TEST(FileSystemFaultTest, ReadErrorOnTheSchemaNamesTheFile) {
  FaultInjectingFileSystem fs;
  fs.read_error = "/schema";
  Status s = LoadData(&fs);
  EXPECT_EQ(s.code(), Status::Code::kRules);
  EXPECT_EQ(s.message(), kData + "/schema: cannot read schema file: Input/output error");
}

// --- Inputs and outputs through the pipeline ---------------------------------------------------

// A fresh folder per test, with two reports, and the pipeline with the real rules (loaded once).
class PipelineFaultTest : public ::testing::Test {
 protected:
  static const Pipeline& Shared() {
    static const Pipeline* pipeline = [] {
      std::unique_ptr<Pipeline> p;
      Status s = Pipeline::Create(kData, &p);
      if (!s.ok()) {
        ADD_FAILURE() << s.ToString();
        std::abort();
      }
      return p.release();
    }();
    return *pipeline;
  }
  void SetUp() override {
    dir_ = stdfs::temp_directory_path() /
           ("kg-fault-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    stdfs::remove_all(dir_);
    stdfs::create_directories(dir_);
    a_ = Write("a.txt", "Anna Keller works at Acme Corp in Berlin.\n");
    b_ = Write("b.txt", "I met Ben Okafor at PyCon US 2024 in Pittsburgh.\n");
  }
  void TearDown() override { stdfs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  static std::string Read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  // The names in the folder, sorted.
  std::vector<std::string> Listing() const {
    std::set<std::string> names;
    for (const auto& e : stdfs::directory_iterator(dir_)) names.insert(e.path().filename());
    return {names.begin(), names.end()};
  }
  // Runs the pipeline on both reports through `fs` and writes `formats` to dir/out.
  Status RunAndWrite(FaultInjectingFileSystem* fs, const std::vector<std::string>& formats,
                     bool stream = false) {
    RunOptions options;
    options.input.fs = fs;
    RunResult result;
    if (Status s = Shared().Run({a_, b_}, options, &result); !s.ok()) return s;
    EXPECT_TRUE(result.problems.empty());
    std::vector<OutputFile> files;
    if (Status s = ExportFiles(result.graph, formats, out_base(), false, &files, 1, stream);
        !s.ok()) {
      return s;
    }
    return WriteFilesAtomically(files, result.files, fs);
  }
  std::string out_base() const { return (dir_ / "out").string(); }

  stdfs::path dir_;
  std::string a_, b_;
};

TEST_F(PipelineFaultTest, ReadErrorOnAnInputSkipsItAsInvalidInput) {
  FaultInjectingFileSystem fs;
  fs.read_error = "/a.txt";
  RunOptions options;
  options.input.fs = &fs;
  RunResult result;
  ASSERT_TRUE(Shared().Run({a_, b_}, options, &result).ok());
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].code(), Status::Code::kInvalidInput);
  EXPECT_EQ(result.problems[0].message(), a_ + ": cannot read: Input/output error");
  EXPECT_EQ(ExitCodeFor(result.problems[0]), kExitInputInvalid);
  EXPECT_EQ(result.documents, 1u);  // b.txt was read
}

TEST_F(PipelineFaultTest, ReadErrorInAJsonLinesDumpKeepsTheRecordsBefore) {
  std::string dump = Write("dump.jsonl", R"({"id": "p1", "text": "Anna Keller spoke."})"
                                         "\n");
  FaultInjectingFileSystem fs;
  fs.read_error = "/dump.jsonl";
  RunOptions options;
  options.input.fs = &fs;
  RunResult result;
  ASSERT_TRUE(Shared().Run({dump}, options, &result).ok());
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].message(), dump + ": cannot read: Input/output error");
  EXPECT_EQ(result.documents, 0u);
}

TEST_F(PipelineFaultTest, ReadDocumentReportsTheReadError) {
  FaultInjectingFileSystem fs;
  fs.read_error = "/b.txt";
  Document doc;
  Status s = ReadDocument(b_, &doc, &fs);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(s.message(), b_ + ": cannot read: Input/output error");
}

TEST_F(PipelineFaultTest, FolderInputIsListedThroughTheFileSystem) {
  FaultInjectingFileSystem fs;
  fs.read_error = "/b.txt";
  RunOptions options;
  options.input.fs = &fs;
  RunResult result;
  ASSERT_TRUE(Shared().Run({dir_.string()}, options, &result).ok());
  EXPECT_EQ(result.files, (std::vector<std::string>{a_, b_}));
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].message(), b_ + ": cannot read: Input/output error");
}

TEST_F(PipelineFaultTest, FullDiskLeavesNoOutputAndNoTemporary) {
  FaultInjectingFileSystem fs;
  fs.disk_space = 100;
  Status s = RunAndWrite(&fs, {"json"});
  EXPECT_EQ(s.code(), Status::Code::kIOError);
  EXPECT_EQ(s.message(), out_base() + ": cannot write: No space left on device");
  EXPECT_EQ(ExitCodeFor(s), kExitOutput);
  ASSERT_EQ(fs.temporaries().size(), 1u);  // the write did start
  EXPECT_EQ(Listing(), (std::vector<std::string>{"a.txt", "b.txt"}));
}

TEST_F(PipelineFaultTest, FullDiskWhileStreamingJsonKeepsTheOldOutput) {
  Write("out.json", "old\n");
  Write("out.graphml", "old graphml\n");
  FaultInjectingFileSystem fs;
  fs.disk_space = 1000;  // the JSON, streamed and written first, does not fit
  Status s = RunAndWrite(&fs, {"json", "graphml"}, /*stream=*/true);
  EXPECT_EQ(s.code(), Status::Code::kIOError);
  EXPECT_EQ(s.message(), out_base() + ".json: cannot write: No space left on device");
  EXPECT_EQ(Listing(), (std::vector<std::string>{"a.txt", "b.txt", "out.graphml", "out.json"}));
  EXPECT_EQ(Read(out_base() + ".json"), "old\n");
  EXPECT_EQ(Read(out_base() + ".graphml"), "old graphml\n");
}

TEST_F(PipelineFaultTest, FailingRenameRollsBackTheOutputsRenamedBefore) {
  Write("out.json", "old\n");
  FaultInjectingFileSystem fs;
  fs.rename_error = "/out.graphml";  // renamed after out.json
  Status s = RunAndWrite(&fs, {"json", "graphml"});
  EXPECT_EQ(s.code(), Status::Code::kIOError);
  EXPECT_EQ(s.message(), out_base() + ".graphml: cannot write: Input/output error");
  EXPECT_EQ(ExitCodeFor(s), kExitOutput);
  EXPECT_EQ(fs.temporaries().size(), 2u);
  // out.json has its old content back; out.graphml never appeared; no temporary or backup left.
  EXPECT_EQ(Listing(), (std::vector<std::string>{"a.txt", "b.txt", "out.json"}));
  EXPECT_EQ(Read(out_base() + ".json"), "old\n");
}

TEST_F(PipelineFaultTest, FailingRenameOfANewOutputLeavesNothing) {
  FaultInjectingFileSystem fs;
  fs.rename_error = "/out";
  Status s = RunAndWrite(&fs, {"json"});
  EXPECT_EQ(s.message(), out_base() + ": cannot write: Input/output error");
  EXPECT_EQ(Listing(), (std::vector<std::string>{"a.txt", "b.txt"}));
}

TEST_F(PipelineFaultTest, WithoutFaultsTheOutputIsWritten) {
  FaultInjectingFileSystem fs;
  ASSERT_TRUE(RunAndWrite(&fs, {"json"}).ok());
  EXPECT_EQ(Listing(), (std::vector<std::string>{"a.txt", "b.txt", "out"}));
  EXPECT_TRUE(Read(out_base()).starts_with("{"));
  EXPECT_EQ(fs.opened(), (std::set<std::string>{a_, b_}));
}

}  // namespace
}  // namespace kg

// FileSystem: every file kgextract reads or writes goes through this one interface (LevelDB's
// Env), so a test can make any of them fail (a read error, a full disk, a failing rename)
// without copying data/ or filling a disk.
//
//   kg::FileSystem* fs = kg::FileSystem::Default();           // the real one (POSIX)
//   std::string text;
//   bool open_failed = false;
//   if (std::error_code ec = fs->ReadFile("data/schema", &text, &open_failed)) {
//     std::cerr << "data/schema: cannot " << (open_failed ? "open" : "read") << ": "
//               << ec.message() << "\n";                    // "Input/output error"
//   }
//   std::string tmp = "out/.kgextract-XXXXXX";
//   std::unique_ptr<kg::WritableFile> file;
//   std::error_code ec = fs->NewTempFile(&tmp, kg::NewFileOptions{}, &file);
//   if (!ec) ec = file->Append("{}\n");
//   if (!ec) ec = file->Close();
//   if (!ec) ec = fs->Rename(tmp, "out/graph.json");
//
// The users take a FileSystem* beside their other options, defaulting to Default():
// RuleSetOptions::fs (rules, schema, word lists, gazetteers), InputOptions::fs (folders and
// documents), ReadDocument/ReadFileBytes, WriteFilesAtomically (outputs). Failures are errno
// values (std::generic_category, message() is strerror's), not Status: the callers decide the
// category and message, which differ between an input (kInvalidInput), a data file (kRules) and
// an output (kIOError). Standard input is not a file of the file system: StandardInput().
//
// WHAT THIS OBJECT REPRESENTS: the file system as kgextract sees it, one call per operation (open,
// stat, list, create a temporary, rename, link, remove); the default is the real one, a test's
// may wrap it and fail what it chooses (tests/file_system_fault_test.cc).
// THREAD SAFETY: a FileSystem may be used from several threads at once (the word lists load on
// a second thread, inputs are read by every worker); a SequentialFile or WritableFile is used
// by one thread at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "pipeline/status.h"

namespace kg {

enum class FileType : uint8_t { kRegular, kDirectory, kSymlink, kOther };

// What stat(2) says about a file.
struct FileInfo {
  FileType type = FileType::kOther;
  uint64_t size = 0;
  uint64_t device = 0, inode = 0;  // equal for two names of the same file
  uint32_t mode = 0;               // the permission bits (07777)
  uint32_t uid = 0, gid = 0;
};

// One entry of a directory: its name (not "." or "..") and its type as lstat(2) gives it (a
// symlink is kSymlink, whatever it points to).
struct DirEntry {
  std::string name;
  FileType type = FileType::kOther;
};

// A file open for reading, from the start to the end.
class SequentialFile {
 public:
  virtual ~SequentialFile() = default;
  // Reads up to `n` bytes into `buf`; *got is what was read, 0 at the end of the file.
  virtual std::error_code Read(char* buf, size_t n, size_t* got) = 0;
};

// A file open for writing. Close() reports what delayed writes found (a full disk on NFS);
// a file destroyed without Close() is closed and any error ignored.
class WritableFile {
 public:
  virtual ~WritableFile() = default;
  virtual std::error_code Append(std::string_view data) = 0;
  virtual std::error_code Close() = 0;
};

// The mode (and, when `set_owner`, the owner) a new file gets, set as given: the umask does
// not apply. Changing the owner works for root only; its failure is ignored.
struct NewFileOptions {
  uint32_t mode = 0600;
  bool set_owner = false;
  uint32_t uid = 0, gid = 0;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;

  // The real file system (POSIX calls). Never destroyed.
  static FileSystem* Default();

  // --- Reading
  virtual std::error_code NewSequentialFile(const std::string& path,
                                            std::unique_ptr<SequentialFile>* file) = 0;
  // stat(2), or lstat(2) when !follow_symlinks.
  virtual std::error_code Stat(const std::string& path, FileInfo* info,
                               bool follow_symlinks = true) = 0;
  // The entries of `dir`, in no particular order.
  virtual std::error_code ListDirectory(const std::string& dir, std::vector<DirEntry>* entries) = 0;

  // --- Writing
  // Creates a new file named after *path_template, whose last six characters "XXXXXX" are
  // replaced to make a name no file has (mkstemp(3)); *path_template becomes that name.
  virtual std::error_code NewTempFile(std::string* path_template, const NewFileOptions& options,
                                      std::unique_ptr<WritableFile>* file) = 0;
  // An existing file (a device, a FIFO: /dev/null) opened for writing where it is: neither
  // created nor truncated.
  virtual std::error_code OpenForWriting(const std::string& path,
                                         std::unique_ptr<WritableFile>* file) = 0;
  virtual std::error_code Rename(const std::string& from, const std::string& to) = 0;
  virtual std::error_code Link(const std::string& existing, const std::string& new_name) = 0;
  virtual std::error_code RemoveFile(const std::string& path) = 0;
  // mkdir -p: `dir` and its missing parents.
  virtual std::error_code CreateDirectories(const std::string& dir) = 0;

  // The whole of `path` (NewSequentialFile, then Read to the end). On failure *open_failed
  // (when given) tells whether opening failed or reading: the loaders say which.
  std::error_code ReadFile(const std::string& path, std::string* contents,
                           bool* open_failed = nullptr);
};

// Reads `file` to its end, appending to *contents, 64 KiB at a time.
std::error_code ReadAll(SequentialFile& file, std::string* contents);

// The whole of a data file (a rule file, the schema, a word list) for its loader, or kRules:
// "PATH: is a directory, not a WHAT", "PATH: cannot open WHAT", "PATH: cannot read WHAT: why".
Status ReadDataFile(FileSystem* fs, const std::string& path, const std::string& what,
                    std::string* contents);

// Standard input ("-" on the command line) as a SequentialFile; it is never closed.
std::unique_ptr<SequentialFile> StandardInput();

}  // namespace kg

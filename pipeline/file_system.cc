// FileSystem::Default(): the POSIX implementation of pipeline/file_system.h.
#include "pipeline/file_system.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>

namespace kg {
namespace {

std::error_code Errno(int e) { return std::error_code(e, std::generic_category()); }
std::error_code LastError() { return Errno(errno); }

FileType TypeOf(mode_t mode) {
  if (S_ISREG(mode)) return FileType::kRegular;
  if (S_ISDIR(mode)) return FileType::kDirectory;
  if (S_ISLNK(mode)) return FileType::kSymlink;
  return FileType::kOther;
}

// read(2), not a stream: libstdc++'s filebuf throws on a read error, and a stream keeps no
// errno to say why (an unreadable standard input would read as empty).
class PosixSequentialFile : public SequentialFile {
 public:
  PosixSequentialFile(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~PosixSequentialFile() override {
    if (owned_) ::close(fd_);
  }
  std::error_code Read(char* buf, size_t n, size_t* got) override {
    for (;;) {
      ssize_t r = ::read(fd_, buf, n);
      if (r < 0 && errno == EINTR) continue;
      if (r < 0) {
        *got = 0;
        return LastError();
      }
      *got = static_cast<size_t>(r);
      return {};
    }
  }

 private:
  int fd_;
  bool owned_;
};

class PosixWritableFile : public WritableFile {
 public:
  explicit PosixWritableFile(int fd) : fd_(fd) {}
  ~PosixWritableFile() override {
    if (fd_ >= 0) ::close(fd_);
  }
  std::error_code Append(std::string_view data) override {
    while (!data.empty()) {
      ssize_t w = ::write(fd_, data.data(), data.size());
      if (w < 0) {
        if (errno == EINTR) continue;
        return LastError();
      }
      data.remove_prefix(static_cast<size_t>(w));
    }
    return {};
  }
  std::error_code Close() override {
    int fd = fd_;
    fd_ = -1;
    return ::close(fd) != 0 ? LastError() : std::error_code();
  }

 private:
  int fd_;
};

class PosixFileSystem : public FileSystem {
 public:
  std::error_code NewSequentialFile(const std::string& path,
                                    std::unique_ptr<SequentialFile>* file) override {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return LastError();
    *file = std::make_unique<PosixSequentialFile>(fd, /*owned=*/true);
    return {};
  }

  std::error_code Stat(const std::string& path, FileInfo* info, bool follow_symlinks) override {
    struct stat st;
    if ((follow_symlinks ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st)) != 0) {
      return LastError();
    }
    info->type = TypeOf(st.st_mode);
    info->size = static_cast<uint64_t>(st.st_size);
    info->device = static_cast<uint64_t>(st.st_dev);
    info->inode = static_cast<uint64_t>(st.st_ino);
    info->mode = static_cast<uint32_t>(st.st_mode & 07777);
    info->uid = st.st_uid;
    info->gid = st.st_gid;
    return {};
  }

  std::error_code ListDirectory(const std::string& dir, std::vector<DirEntry>* entries) override {
    entries->clear();
    DIR* d = ::opendir(dir.c_str());
    if (d == nullptr) return LastError();
    std::error_code ec;
    for (;;) {
      errno = 0;
      struct dirent* e = ::readdir(d);
      if (e == nullptr) {
        if (errno != 0) ec = LastError();
        break;
      }
      std::string_view name = e->d_name;
      if (name == "." || name == "..") continue;
      DirEntry entry{std::string(name), FileType::kOther};
      switch (e->d_type) {
        case DT_REG:
          entry.type = FileType::kRegular;
          break;
        case DT_DIR:
          entry.type = FileType::kDirectory;
          break;
        case DT_LNK:
          entry.type = FileType::kSymlink;
          break;
        case DT_UNKNOWN: {  // some file systems do not say: ask lstat
          struct stat st;
          if (::fstatat(::dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
            entry.type = TypeOf(st.st_mode);
          }
          break;
        }
        default:
          break;
      }
      entries->push_back(std::move(entry));
    }
    ::closedir(d);
    return ec;
  }

  std::error_code NewTempFile(std::string* path_template, const NewFileOptions& options,
                              std::unique_ptr<WritableFile>* file) override {
    int fd = ::mkstemp(path_template->data());
    if (fd < 0) return LastError();
    if (options.set_owner) (void)!::fchown(fd, options.uid, options.gid);
    if (::fchmod(fd, static_cast<mode_t>(options.mode & 07777)) != 0) {
      std::error_code ec = LastError();
      ::close(fd);
      ::unlink(path_template->c_str());
      return ec;
    }
    *file = std::make_unique<PosixWritableFile>(fd);
    return {};
  }

  std::error_code OpenForWriting(const std::string& path,
                                 std::unique_ptr<WritableFile>* file) override {
    int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return LastError();
    *file = std::make_unique<PosixWritableFile>(fd);
    return {};
  }

  std::error_code Rename(const std::string& from, const std::string& to) override {
    return ::rename(from.c_str(), to.c_str()) != 0 ? LastError() : std::error_code();
  }
  std::error_code Link(const std::string& existing, const std::string& new_name) override {
    return ::link(existing.c_str(), new_name.c_str()) != 0 ? LastError() : std::error_code();
  }
  std::error_code RemoveFile(const std::string& path) override {
    return ::unlink(path.c_str()) != 0 ? LastError() : std::error_code();
  }
  std::error_code CreateDirectories(const std::string& dir) override {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    return ec;
  }
};

}  // namespace

FileSystem* FileSystem::Default() {
  static FileSystem* const fs = new PosixFileSystem();
  return fs;
}

std::error_code ReadAll(SequentialFile& file, std::string* contents) {
  char buf[64 * 1024];
  for (;;) {
    size_t got = 0;
    if (std::error_code ec = file.Read(buf, sizeof buf, &got)) return ec;
    if (got == 0) return {};
    contents->append(buf, got);
  }
}

std::error_code FileSystem::ReadFile(const std::string& path, std::string* contents,
                                     bool* open_failed) {
  contents->clear();
  std::unique_ptr<SequentialFile> file;
  std::error_code ec = NewSequentialFile(path, &file);
  if (open_failed != nullptr) *open_failed = static_cast<bool>(ec);
  if (ec) return ec;
  return ReadAll(*file, contents);
}

Status ReadDataFile(FileSystem* fs, const std::string& path, const std::string& what,
                    std::string* contents) {
  if (FileInfo info; !fs->Stat(path, &info) && info.type == FileType::kDirectory) {
    return Status::Rules(path + ": is a directory, not a " + what);
  }
  bool open_failed = false;
  if (std::error_code ec = fs->ReadFile(path, contents, &open_failed)) {
    if (open_failed) return Status::Rules(path + ": cannot open " + what);
    return Status::Rules(path + ": cannot read " + what + ": " + ec.message());
  }
  return Status::Ok();
}

std::unique_ptr<SequentialFile> StandardInput() {
  return std::make_unique<PosixSequentialFile>(STDIN_FILENO, /*owned=*/false);
}

}  // namespace kg

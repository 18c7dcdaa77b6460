// Where the rule and gazetteer files are (LocateDataDir, pipeline/pipeline.h). The binary's own
// path (/proc/self/exe) and its directory's identity are resolved with std::filesystem: path
// names, not file access (pipeline/file_system.h).
#include <filesystem>
#include <system_error>

#include "pipeline/pipeline.h"

namespace kg {
namespace {

namespace fs = std::filesystem;

Status Found(std::string path, std::string origin, DataDir* out) {
  FileInfo info;
  if (FileSystem::Default()->Stat(path, &info) || info.type != FileType::kDirectory) {
    return Status::Rules(path + ": no such data directory (" + origin +
                         "; it holds the rules and gazetteers)");
  }
  *out = {std::move(path), std::move(origin)};
  return Status::Ok();
}

}  // namespace

std::string RunningExecutable() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : exe.string();
}

Status LocateDataDir(const DataDirSearch& search, DataDir* out) {
  if (!search.flag.empty()) return Found(search.flag, "--data", out);
  if (!search.env.empty()) return Found(search.env, "$KGEXTRACT_DATA", out);
  if (search.executable.empty()) {
    return Status::Rules(
        "no data directory: the running binary is unknown (/proc/self/exe), so the data "
        "installed beside it cannot be found; give --data DIR or set KGEXTRACT_DATA");
  }
  const fs::path bin_dir = fs::path(search.executable).parent_path();
  // Only the binary that sits where the build wrote it reads the source tree: a copy elsewhere
  // (installed, its prefix moved) falling back to a source tree that happens to exist would
  // hide a broken installation and read data that the installed version was not shipped with.
  // The installed binary is the build tree's, copied (CMake at most rewrites its RPATH), so it
  // carries the same defines: its directory, not a define, tells them apart. equivalent()
  // sees through symlinks.
  std::error_code ec;
  if (!search.build_binary_dir.empty() && fs::equivalent(bin_dir, search.build_binary_dir, ec)) {
    return Found(search.build_data_dir, "the source tree: this is the build tree's binary", out);
  }
  const std::string installed = (bin_dir / search.installed_data).lexically_normal().string();
  const std::string origin = "installed beside " + search.executable;
  if (!Found(installed, origin, out).ok()) {
    return Status::Rules("no data directory: " + installed + " does not exist (the data " + origin +
                         "); give --data DIR or set KGEXTRACT_DATA");
  }
  return Status::Ok();
}

}  // namespace kg

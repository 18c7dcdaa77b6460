// Tests for LocateDataDir (pipeline/pipeline.h, pipeline/data_dir.cc): --data, then
// $KGEXTRACT_DATA, then the binary's one default (the source tree for the build tree's binary,
// <bin>/../share/kgextract for any other copy), on a made-up tree of empty directories.
// tests/install_test.py checks the same on a real installation whose prefix was moved.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "pipeline/pipeline.h"

namespace kg {
namespace {

namespace fs = std::filesystem;

class LocateDataDirTest : public ::testing::Test {
 protected:
  // root/build/kgextract with root/source/data, and root/prefix/bin/kgextract with
  // root/prefix/share/kgextract; only directories are needed.
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("kg_data_dir_test_" + std::to_string(::getpid()) + "_" +
             std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(root_);
    for (const char* dir :
         {"build", "source/data", "prefix/bin", "prefix/share/kgextract", "flag", "env"}) {
      fs::create_directories(root_ / dir);
    }
    search_.build_binary_dir = (root_ / "build").string();
    search_.build_data_dir = (root_ / "source/data").string();
    search_.installed_data = "../share/kgextract";
    search_.executable = (root_ / "prefix/bin/kgextract").string();
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string Path(const char* relative) const { return (root_ / relative).string(); }

  fs::path root_;
  DataDirSearch search_;
  DataDir found_;
};

TEST_F(LocateDataDirTest, InstalledBinaryReadsTheShareDirectoryBesideIt) {
  ASSERT_TRUE(LocateDataDir(search_, &found_).ok());
  EXPECT_EQ(found_.path, Path("prefix/share/kgextract"));
  EXPECT_EQ(found_.origin, "installed beside " + Path("prefix/bin/kgextract"));
}

TEST_F(LocateDataDirTest, MovedPrefixIsFollowed) {
  fs::rename(root_ / "prefix", root_ / "moved");
  search_.executable = Path("moved/bin/kgextract");
  ASSERT_TRUE(LocateDataDir(search_, &found_).ok());
  EXPECT_EQ(found_.path, Path("moved/share/kgextract"));
}

TEST_F(LocateDataDirTest, BuildTreeBinaryReadsTheSourceTree) {
  search_.executable = Path("build/kgextract");
  ASSERT_TRUE(LocateDataDir(search_, &found_).ok());
  EXPECT_EQ(found_.path, Path("source/data"));
  EXPECT_EQ(found_.origin, "the source tree: this is the build tree's binary");
}

TEST_F(LocateDataDirTest, BuildTreeIsRecognisedThroughASymlink) {
  fs::create_directory_symlink(root_ / "build", root_ / "build-link");
  search_.build_binary_dir = Path("build-link");
  search_.executable = Path("build/kgextract");
  ASSERT_TRUE(LocateDataDir(search_, &found_).ok());
  EXPECT_EQ(found_.path, Path("source/data"));
}

// An installed copy never falls back to the source tree, even when that still exists: it
// fails, naming the one directory it looked for.
TEST_F(LocateDataDirTest, InstalledBinaryWithoutItsDataFailsNamingThePath) {
  fs::remove_all(root_ / "prefix/share");
  Status s = LocateDataDir(search_, &found_);
  EXPECT_EQ(s.code(), Status::Code::kRules) << s.ToString();
  EXPECT_EQ(ExitCodeFor(s), kExitRules);
  EXPECT_EQ(s.message(), "no data directory: " + Path("prefix/share/kgextract") +
                             " does not exist (the data installed beside " +
                             Path("prefix/bin/kgextract") +
                             "); give --data DIR or set KGEXTRACT_DATA");
  EXPECT_EQ(s.message().find(Path("source")), std::string::npos) << s.message();
}

TEST_F(LocateDataDirTest, FlagComesBeforeEnvironmentBeforeDefault) {
  search_.env = Path("env");
  ASSERT_TRUE(LocateDataDir(search_, &found_).ok());
  EXPECT_EQ(found_.path, Path("env"));
  EXPECT_EQ(found_.origin, "$KGEXTRACT_DATA");
  search_.flag = Path("flag");
  ASSERT_TRUE(LocateDataDir(search_, &found_).ok());
  EXPECT_EQ(found_.path, Path("flag"));
  EXPECT_EQ(found_.origin, "--data");
}

// A --data or $KGEXTRACT_DATA that does not exist is an error, not a reason to look further.
TEST_F(LocateDataDirTest, MissingFlagOrEnvironmentDirectoryFailsWithoutFallingBack) {
  search_.env = Path("no-env");
  Status s = LocateDataDir(search_, &found_);
  EXPECT_EQ(s.code(), Status::Code::kRules);
  EXPECT_EQ(s.message(), Path("no-env") +
                             ": no such data directory ($KGEXTRACT_DATA; it holds the rules and "
                             "gazetteers)");
  search_.flag = Path("no-flag");
  s = LocateDataDir(search_, &found_);
  EXPECT_EQ(s.code(), Status::Code::kRules);
  EXPECT_EQ(s.message().rfind(Path("no-flag") + ": no such data directory (--data", 0), 0u)
      << s.message();
}

TEST_F(LocateDataDirTest, UnknownExecutableFailsAskingForDataFlag) {
  search_.executable.clear();
  Status s = LocateDataDir(search_, &found_);
  EXPECT_EQ(s.code(), Status::Code::kRules);
  EXPECT_NE(s.message().find("give --data DIR or set KGEXTRACT_DATA"), std::string::npos)
      << s.message();
}

// What the running test binary is: /proc/self/exe, symlinks resolved.
TEST(RunningExecutableTest, IsThisProcessBinary) {
  std::string exe = RunningExecutable();
  ASSERT_FALSE(exe.empty());
  EXPECT_EQ(fs::path(exe).filename(), "data_dir_test");
  EXPECT_TRUE(fs::equivalent(exe, "/proc/self/exe"));
}

}  // namespace
}  // namespace kg

// I/O faults under ocindex's own file reads and writes (issue 18), through the io::Env
// seam: a read that fails part-way, a disk that fills, an fsync or a rename that fails.
// Each gives an error naming the file and the cause; a failed write leaves the file as
// it was and no temporary beside it.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "adapters/io/text_file.h"
#include "support/faulty_env.h"
#include "support/fixtures.h"

namespace ocindex::adapters::io {
namespace {

std::string Contents(const std::string& path) {
  auto text = ReadBoundedFile(path, size_t{1} << 20);
  return text ? *text : "<unreadable: " + text.error().ToString() + ">";
}

size_t FilesIn(const std::string& directory) {
  size_t n = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(directory)) ++n;
  return n;
}

class FileFaults : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(test::WriteFile(path_, "the old figures\n")); }

  // Writes new bytes under the faults set; expects `message` for `path_`, and the old file.
  void ExpectWriteFails(const std::string& message) {
    Status written = WriteFileAtomically(path_, std::string(100000, 'x'), env_);
    ASSERT_FALSE(written);
    EXPECT_EQ(written.error().code, ErrorCode::kIo);
    EXPECT_EQ(written.error().where, path_);
    EXPECT_EQ(written.error().message, message);
    EXPECT_EQ(Contents(path_), "the old figures\n");
    EXPECT_EQ(FilesIn(dir_.path()), 1u) << "a temporary file was left behind";
  }

  test::TempDir dir_;
  std::string path_ = dir_.File("scores.csv");
  test::FaultyEnv env_;
};

TEST_F(FileFaults, AReadThatFailsPartWayIsAnErrorNotAShortFile) {
  const std::string big = dir_.File("big.csv");
  ASSERT_TRUE(test::WriteFile(big, std::string(200000, 'a')));
  env_.faults.readable_bytes = 100000;
  auto text = ReadBoundedFile(big, size_t{1} << 20, env_);
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().code, ErrorCode::kIo);
  EXPECT_EQ(text.error().where, big);
  EXPECT_EQ(text.error().message, "cannot read: Input/output error");
}

TEST_F(FileFaults, AFullDiskLeavesTheOldFile) {
  env_.faults.writable_bytes = 4096;
  ExpectWriteFails("cannot write: No space left on device");
}

TEST_F(FileFaults, AFailingFsyncLeavesTheOldFile) {
  env_.faults.fail_sync = true;
  ExpectWriteFails("cannot sync: Input/output error");
}

TEST_F(FileFaults, AFailingRenameLeavesTheOldFile) {
  env_.faults.fail_rename = true;
  ExpectWriteFails("cannot replace: Invalid cross-device link");
}

TEST_F(FileFaults, WithoutFaultsTheNewFileReplacesTheOld) {
  ASSERT_TRUE(WriteFileAtomically(path_, "the new figures\n", env_));
  EXPECT_EQ(Contents(path_), "the new figures\n");
  EXPECT_EQ(FilesIn(dir_.path()), 1u);
}

}  // namespace
}  // namespace ocindex::adapters::io

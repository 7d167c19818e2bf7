// Every whole-file read is bounded (io::MaxInputBytes, issue 18): a larger file, or an
// endless stream, is refused with the file and the limit, read no further.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "adapters/io/csv_reader.h"
#include "adapters/io/text_file.h"
#include "adapters/io/xlsx_reader.h"
#include "support/fixtures.h"

namespace ocindex::adapters::io {
namespace {

constexpr size_t kMiB = size_t{1} << 20;

TEST(InputLimits, ALargerFileIsRefusedWithItsNameAndTheLimit) {
  test::TempDir dir;
  const std::string path = dir.File("big.csv");
  ASSERT_TRUE(test::WriteFile(path, std::string(kMiB + 1, 'a')).ok());
  auto text = ReadBoundedFile(path, kMiB);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(text.error().where, path);
  EXPECT_EQ(text.error().message, "larger than the 1 MiB limit on input files (set OCINDEX_MAX_INPUT_MB to raise it)");
  // At the limit it reads.
  ASSERT_TRUE(test::WriteFile(path, std::string(kMiB, 'a')).ok());
  EXPECT_EQ(ReadBoundedFile(path, kMiB)->size(), kMiB);
}

TEST(InputLimits, AnEndlessStreamStopsAtTheLimit) {
  auto text = ReadBoundedFile("/dev/zero", kMiB);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().where, "/dev/zero");
  EXPECT_NE(text.error().message.find("1 MiB limit"), std::string::npos);
}

TEST(InputLimits, TheLimitIsConfigurableAndCsvReadsObeyIt) {
  test::TempDir dir;
  const std::string path = dir.File("big.csv");
  ASSERT_TRUE(test::WriteFile(path, "iso3,score\n" + std::string(2 * kMiB, 'a')).ok());
  EXPECT_EQ(MaxInputBytes(), 64 * kMiB);
  ASSERT_EQ(setenv("OCINDEX_MAX_INPUT_MB", "1", 1), 0);
  EXPECT_EQ(MaxInputBytes(), kMiB);
  auto table = ReadCsvFile(path);
  unsetenv("OCINDEX_MAX_INPUT_MB");
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().where, path);
  EXPECT_NE(table.error().message.find("1 MiB limit"), std::string::npos);
}

TEST(InputLimits, ValidateOfDevZeroStopsWithASizeError) {
  test::TempDir dir;
  const std::string log = dir.File("validate.log");
  const std::string command =
      std::string(OCINDEX_CLI) + " --db '" + dir.File("ocindex.db") + "' validate /dev/zero 2>'" + log + "'";
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1);  // invalid input
  std::ifstream in(log);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_NE(text.str().find("/dev/zero"), std::string::npos) << text.str();
  EXPECT_NE(text.str().find("64 MiB limit on input files"), std::string::npos) << text.str();
}

TEST(InputLimits, AStreamStopsAtTheLimitNamingItsSource) {
  std::istringstream in(std::string(kMiB + 1, 'a'));
  auto text = ReadBoundedStream(in, kMiB, "standard input");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().where, "standard input");
  EXPECT_NE(text.error().message.find("1 MiB limit"), std::string::npos);
}

TEST(InputLimits, AWorkbookLargerThanTheLimitIsRefusedBeforeItIsOpened) {
  test::TempDir dir;
  const std::string path = dir.File("big.xlsx");
  ASSERT_TRUE(test::WriteFile(path, "PK\x03\x04" + std::string(2 * kMiB, 'a')).ok());
  ASSERT_EQ(setenv("OCINDEX_MAX_INPUT_MB", "1", 1), 0);
  auto sheets = ReadAllSheets(path);
  unsetenv("OCINDEX_MAX_INPUT_MB");
  ASSERT_FALSE(sheets.ok());
  EXPECT_EQ(sheets.error().where, path);
  EXPECT_NE(sheets.error().message.find("1 MiB limit"), std::string::npos) << sheets.error().message;
}

// Expert scores piped in were read whole whatever their size: standard input is bounded
// like a file.
TEST(InputLimits, ExpertScoresOnStandardInputStopAtTheLimit) {
  test::TempDir dir;
  const std::string log = dir.File("reliability.log");
  const std::string command = std::string(OCINDEX_CLI) + " --db '" + dir.File("ocindex.db") +
                              "' reliability - </dev/zero 2>'" + log + "'";
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1);
  std::ifstream in(log);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_NE(text.str().find("standard input: larger than the 64 MiB limit"), std::string::npos) << text.str();
}

}  // namespace
}  // namespace ocindex::adapters::io

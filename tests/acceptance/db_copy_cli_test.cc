// ocindex db copy as an operator runs it: a store with history copied into a new store
// of each backend (SQLite; PostgreSQL when the tests have a server) and back into
// SQLite, every export byte for byte the same.
#include <gtest/gtest.h>

#include <string>

#include "support/cli_runner.h"
#include "support/store_backends.h"

namespace ocindex {
namespace {

class DbCopyCliTest : public test::CliTest, public ::testing::WithParamInterface<std::string> {
 protected:
  void SetUp() override { middle_ = adapters::MakeBackend(GetParam()); }

  // What a reader of a store sees: every edition's figures, a narrative, the histories.
  std::string Exports(const std::string& db) {
    std::string out;
    for (const char* args : {"export 2021 --format csv", "export 2023 --format json", "export 2025 --format csv",
                             "profile show KAZ --edition 2021 --format md", "profile history KAZ --edition 2021",
                             "reliability history", "editions --format csv"}) {
      test::CliRun run = Ocindex(args, {}, db);
      EXPECT_EQ(run.exit_code, 0) << args << ": " << run.err;
      out += "== " + std::string(args) + "\n" + run.out;
    }
    return out;
  }

  std::unique_ptr<adapters::Backend> middle_;
};

TEST_P(DbCopyCliTest, CopyThereAndBackLeavesByteIdenticalExports) {
  ASSERT_TRUE(test::WriteFile(dir_.File("kaz.md"), "# Summary\n\nA narrative.\n\n# Criminal markets\n\nMarkets.\n").ok());
  ASSERT_EQ(Ocindex("profile import '" + dir_.File("kaz.md") + "' --country KAZ --edition 2021").exit_code, 0);
  ASSERT_EQ(Ocindex("reliability generate --edition 2021 --experts 3 --seed 7 -o '" + dir_.File("experts.csv") + "'")
                .exit_code,
            0);
  ASSERT_EQ(Ocindex("reliability import '" + dir_.File("experts.csv") + "'").exit_code, 0);
  const std::string source = dir_.File("ocindex.db");
  const std::string middle = middle_->uri();

  test::CliRun copy = Ocindex("db copy --format csv --from '" + source + "' --to '" + middle + "'");
  ASSERT_EQ(copy.exit_code, 0) << copy.err;
  EXPECT_NE(copy.out.find("edition revisions,3"), std::string::npos) << copy.out;
  EXPECT_NE(copy.out.find("narrative revisions,1"), std::string::npos) << copy.out;
  EXPECT_NE(copy.err.find("verified"), std::string::npos) << copy.err;
  ASSERT_EQ(Ocindex("db copy --from '" + middle + "' --to '" + dir_.File("back.db") + "'").exit_code, 0);

  const std::string original = Exports(source);
  EXPECT_EQ(Exports(middle), original);
  EXPECT_EQ(Exports(dir_.File("back.db")), original);
}

TEST_P(DbCopyCliTest, RefusesATargetThatHoldsDataOrASourceThatIsNotAStore) {
  ASSERT_EQ(Ocindex("editions").exit_code, 0);
  ASSERT_EQ(Ocindex("editions", {}, middle_->uri()).exit_code, 0);
  test::CliRun busy = Ocindex("db copy --from '" + dir_.File("ocindex.db") + "' --to '" + middle_->uri() + "'");
  EXPECT_EQ(busy.exit_code, 4) << busy.err;
  EXPECT_NE(busy.err.find("already holds data"), std::string::npos) << busy.err;
  test::CliRun missing = Ocindex("db copy --from '" + dir_.File("nope.db") + "' --to '" + dir_.File("new.db") + "'");
  EXPECT_EQ(missing.exit_code, 3) << missing.err;
}

INSTANTIATE_TEST_SUITE_P(Backends, DbCopyCliTest, ::testing::Values("sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace ocindex

// The ocindex command as a user runs it: output, exit codes, and that a rejected
// import leaves the database as it was.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "support/cli_runner.h"

namespace ocindex {
namespace {

using test::CliRun;
using test::CliTest;

TEST_F(CliTest, KazakhstanProfile2021ShowsThePublishedFigures) {
  CliRun run = Ocindex("country Kazakhstan --edition 2021 --format csv");
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("criminality,Criminality,4.26,133/193,37/46,6/8"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("resilience,Resilience,4.71"), std::string::npos) << run.out;
}

TEST_F(CliTest, ChangesSincePreviousEditionAreShown) {
  CliRun run = Ocindex("country kaz -e 2023 --format json");
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("\"previous_edition\": \"2021\""), std::string::npos);
  EXPECT_NE(run.out.find("\"change\": 0.21"), std::string::npos) << run.out;
}

TEST_F(CliTest, ChangesNameAddedIndicators) {
  CliRun run = Ocindex("changes 2023 --from 2021");
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_NE(run.err.find("added: "), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("Financial crimes"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("financial_crimes"), std::string::npos) << run.err;
}

// Regression: processes opening a new database at the same moment each tried to store
// the bundled editions, and all but one failed with "already stored".
TEST_F(CliTest, ConcurrentFirstRunsAllSucceed) {
  const std::string db = dir_.File("ocindex.db");  // the one Ocindex() uses, not created yet
  std::string command = "ok=0; ";
  for (int i = 0; i < 4; ++i) command += std::string(OCINDEX_CLI) + " --db '" + db + "' editions >/dev/null 2>&1 & ";
  command += "for job in $(jobs -p); do wait $job || ok=1; done; exit $ok";
  const int status = std::system(("bash -c \"" + command + "\"").c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  CliRun run = Ocindex("editions --format csv");
  ASSERT_EQ(run.exit_code, 0);
  for (const char* edition : {"\n2021,", "\n2023,", "\n2025,"}) EXPECT_NE(run.out.find(edition), std::string::npos) << run.out;
}

TEST_F(CliTest, VerifyFindsNoMismatch) {
  CliRun run = Ocindex("verify --format csv");
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("2021,193,2509,772,772,0"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("2025,193,2895,772,772,0"), std::string::npos) << run.out;
}

TEST_F(CliTest, UnknownCountryExitsNotFound) {
  EXPECT_EQ(Ocindex("country Atlantis").exit_code, 3);
}

TEST_F(CliTest, BadCommandLineExitsUsage) {
  EXPECT_EQ(Ocindex("rank 2023 --scope galaxy").exit_code, 2);
  EXPECT_EQ(Ocindex("no-such-command").exit_code, 2);
}

TEST_F(CliTest, RejectedImportChangesNothing) {
  const std::string before = Ocindex("export 2021 --format csv").out;
  ASSERT_FALSE(before.empty());
  std::string broken = before;
  broken.replace(broken.find("\nKAZ,"), 1, "\nKAZ,Kazakhstan,Asia,Central Asia and the Caucasus,1,1,1,1\n");
  ASSERT_TRUE(test::WriteFile(dir_.File("broken.csv"), broken));
  CliRun run = Ocindex("import '" + dir_.File("broken.csv") + "' --edition 2021 --replace");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(Ocindex("export 2021 --format csv").out, before);
  EXPECT_NE(Ocindex("editions --format csv").out.find("2021,Global Organized Crime Index 2021,193,1,"),
            std::string::npos);
}

TEST_F(CliTest, ExportThenReimportIsUnchanged) {
  ASSERT_EQ(Ocindex("export 2023 --format xlsx -o '" + dir_.File("x.xlsx") + "'").exit_code, 0);
  CliRun run = Ocindex("import '" + dir_.File("x.xlsx") + "' --format csv");
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find(",193,unchanged"), std::string::npos) << run.out;
}

// Since 2023 criminality averages 15 markets and 5 actor types with equal weight on
// each side: one actor type weighs 0.1, three times a market's 1/30.
TEST_F(CliTest, AuditWeightsShowAnActorTypeWeighsThreeMarkets) {
  CliRun run = Ocindex("audit --edition 2023 --what weights --format csv");
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("human_trafficking,criminal_markets,0.0333,1.00,"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("mafia_style_groups,criminal_actors,0.1000,3.00,"), std::string::npos) << run.out;
}

TEST_F(CliTest, AuditFlagsAndErrors) {
  CliRun flags = Ocindex("audit -e 2023 --what flags --threshold 0.5 --format csv");
  ASSERT_EQ(flags.exit_code, 0);
  EXPECT_NE(flags.out.find("collinear,"), std::string::npos) << flags.out;
  CliRun alpha = Ocindex("audit -e 2023 --what alpha --format json");
  ASSERT_EQ(alpha.exit_code, 0);
  EXPECT_NE(alpha.out.find("\"group\": \"criminal_markets\""), std::string::npos) << alpha.out;
  EXPECT_EQ(Ocindex("audit --what everything").exit_code, 2);
  EXPECT_EQ(Ocindex("audit -e 2023 --composite nowhere").exit_code, 3);
}

}  // namespace
}  // namespace ocindex

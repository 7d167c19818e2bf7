// ocindex reliability and reliability generate as a user runs them.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/cli_runner.h"

namespace ocindex {
namespace {

using test::CliRun;

std::vector<std::string> Split(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  for (std::string field; std::getline(in, field, ',');) fields.push_back(field);
  return fields;
}

// The value in column `column` of the CSV row whose first field is `id`; "" if absent.
std::string Value(const std::string& csv, const std::string& id, const std::string& column) {
  std::stringstream in(csv);
  std::string line;
  std::getline(in, line);
  const auto header = Split(line);
  while (std::getline(in, line)) {
    const auto fields = Split(line);
    if (fields.empty() || fields[0] != id) continue;
    for (size_t c = 0; c < header.size() && c < fields.size(); ++c) {
      if (header[c] == column) return fields[c];
    }
  }
  return {};
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

class ReliabilityCliTest : public test::CliTest {
 protected:
  std::string Write(const std::string& name, std::string_view text) {
    const std::string path = dir_.File(name);
    EXPECT_TRUE(test::WriteFile(path, text).ok());
    return "'" + path + "'";
  }
};

// Shrout and Fleiss (1979), Table 2, as six countries scored by four experts on one
// indicator: the command must print the paper's ICC(2,1) = .29 and ICC(2,4) = .62.
TEST_F(ReliabilityCliTest, ReproducesShroutAndFleissFromAnExpertFile) {
  const char* countries[] = {"KAZ", "Uzbekistan", "KGZ", "TJK", "TKM", "AFG"};
  const int table[6][4] = {{9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}};
  std::string csv = "edition,country,indicator,expert,score,justification\n";
  for (int c = 0; c < 6; ++c) {
    for (int e = 0; e < 4; ++e) {
      csv += std::string("2023,") + countries[c] + ",heroin_trade,judge" + std::to_string(e + 1) + "," +
             std::to_string(table[c][e]) + ",\"from the paper, table 2\"\n";
    }
  }
  CliRun run = Ocindex("reliability " + Write("sf.csv", csv) + " --format csv");
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_EQ(Value(run.out, "heroin_trade", "units"), "6") << run.out;
  EXPECT_EQ(Value(run.out, "heroin_trade", "experts"), "4");
  EXPECT_EQ(Value(run.out, "heroin_trade", "icc_2_1"), "0.290");
  EXPECT_EQ(Value(run.out, "heroin_trade", "icc_2_k"), "0.620");
  EXPECT_EQ(Value(run.out, "all", "icc_2_k"), "0.620");
  EXPECT_EQ(Value(run.out, "cocaine_trade", "units"), "");  // indicators nobody scored are left out
}

TEST_F(ReliabilityCliTest, GeneratedDataIsReproducibleAndReliable) {
  const std::string a = dir_.File("a.csv");
  const std::string b = dir_.File("b.csv");
  ASSERT_EQ(Ocindex("reliability generate --edition 2023 --experts 4 --seed 1 --missing 0.1 -o '" + a + "'").exit_code,
            0);
  ASSERT_EQ(Ocindex("reliability generate --edition 2023 --experts 4 --seed 1 --missing 0.1 > '" + b + "'").exit_code,
            0);
  EXPECT_EQ(ReadAll(a), ReadAll(b));
  EXPECT_EQ(ReadAll(a).rfind("edition,country,indicator,expert,score,justification\n2023,", 0), 0u);
  CliRun other = Ocindex("reliability generate --edition 2023 --seed 2");
  ASSERT_EQ(other.exit_code, 0);
  EXPECT_NE(other.out, ReadAll(a));

  CliRun run = Ocindex("reliability '" + a + "' --format csv");
  ASSERT_EQ(run.exit_code, 0);
  for (const char* indicator : {"human_trafficking", "heroin_trade", "mafia_style_groups", "judicial_system"}) {
    EXPECT_EQ(Value(run.out, indicator, "experts"), "4") << indicator << "\n" << run.out;
  }
  const double missing = std::stod(Value(run.out, "all", "missing_share"));
  EXPECT_NEAR(missing, 0.1, 0.01);
  const double alpha = std::stod(Value(run.out, "all", "alpha_interval"));
  const double single = std::stod(Value(run.out, "all", "icc_2_1"));
  const double average = std::stod(Value(run.out, "all", "icc_2_k"));
  // Published scores spread over the whole scale, experts within about a point: high
  // agreement, and the mean of four experts more reliable than one.
  EXPECT_GT(alpha, 0.6);
  EXPECT_LT(alpha, 1.0);
  EXPECT_GT(average, single);
}

TEST_F(ReliabilityCliTest, ReadsAPipeAndGroupsByNode) {
  // Both ends of the pipe open the database at once: create it first, as a user's is.
  ASSERT_EQ(Ocindex("editions").exit_code, 0);
  const std::string command = "reliability generate -e 2023 --seed 3 | " + std::string(OCINDEX_CLI) + " --db '" +
                              dir_.File("ocindex.db") + "' reliability - --by pillar --format json";
  CliRun run = Ocindex(command);
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("\"pillar\": \"criminality\""), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("\"pillar\": \"resilience\""), std::string::npos);
  EXPECT_NE(run.out.find("\"pillar\": \"all\""), std::string::npos);
  EXPECT_NE(run.out.find("\"alpha_ordinal\": 0."), std::string::npos);
}

TEST_F(ReliabilityCliTest, ImportedScoresAreMeasuredAndEveryImportIsKept) {
  CliRun nothing = Ocindex("reliability");
  EXPECT_EQ(nothing.exit_code, 3);  // nothing stored yet
  EXPECT_NE(nothing.err.find("ocindex reliability import FILE"), std::string::npos) << nothing.err;
  const std::string first = dir_.File("first.csv");
  const std::string second = dir_.File("second.csv");
  ASSERT_EQ(Ocindex("reliability generate -e 2023 --seed 1 -o '" + first + "'").exit_code, 0);
  ASSERT_EQ(Ocindex("reliability generate -e 2023 --seed 2 --experts 3 -o '" + second + "'").exit_code, 0);

  CliRun dry = Ocindex("reliability import '" + first + "' --dry-run --format csv");
  ASSERT_EQ(dry.exit_code, 0);
  EXPECT_NE(dry.out.find("2023,,24704,4,193,32"), std::string::npos) << dry.out;
  EXPECT_EQ(Ocindex("reliability").exit_code, 3);  // a dry run stores nothing

  CliRun stored = Ocindex("reliability import '" + first + "' --format csv");
  ASSERT_EQ(stored.exit_code, 0);
  EXPECT_NE(stored.out.find("2023,1,24704,4,193,32"), std::string::npos) << stored.out;
  const std::string from_file = Ocindex("reliability '" + first + "' --by all --format csv").out;
  const std::string from_store = Ocindex("reliability --by all --format csv").out;
  EXPECT_FALSE(from_file.empty());
  EXPECT_EQ(from_store, from_file);

  ASSERT_EQ(Ocindex("reliability import '" + second + "'").exit_code, 0);
  EXPECT_EQ(Value(Ocindex("reliability --by all --format csv").out, "all", "experts"), "3");
  EXPECT_EQ(Ocindex("reliability --by all --revision 1 --format csv").out, from_file);  // the first is kept

  const std::string bad = Write("bad.csv", "edition,country,indicator,expert,score\n2023,KAZ,heroin_trade,E1,0\n");
  EXPECT_EQ(Ocindex("reliability import " + bad).exit_code, 1);
  EXPECT_EQ(Value(Ocindex("reliability --by all --format csv").out, "all", "experts"), "3");  // unchanged
  EXPECT_EQ(Ocindex("reliability --revision 3").exit_code, 3);
  CliRun history = Ocindex("reliability history --format csv");
  ASSERT_EQ(history.exit_code, 0);
  EXPECT_NE(history.out.find("2023,1,24704,4,"), std::string::npos) << history.out;
  EXPECT_NE(history.out.find("2023,2,18528,3,"), std::string::npos) << history.out;
  EXPECT_EQ(Ocindex("reliability '" + first + "' --revision 1").exit_code, 1);  // revisions are of stored scores
}

TEST_F(ReliabilityCliTest, BadInputIsRefusedWithItsExitCode) {
  const std::string bad = Write("bad.csv", "edition,country,indicator,expert,score\n2023,KAZ,heroin_trade,E1,11\n");
  CliRun run = Ocindex("reliability " + bad);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(run.out.empty());
  EXPECT_NE(run.err.find("bad.csv, line 2, column 5: score '11': expected a number from 1 to 10 in steps of 0.5"),
            std::string::npos)
      << run.err;
  const std::string lonely = Write("one.csv",
                                   "edition,country,indicator,expert,score\n"
                                   "2023,KAZ,heroin_trade,E1,5\n2023,UZB,heroin_trade,E1,6\n");
  CliRun alone = Ocindex("reliability " + lonely);
  EXPECT_EQ(alone.exit_code, 1);  // one expert: nothing to agree on
  EXPECT_NE(alone.err.find("no reliability can be computed: needs at least 2 experts; 1 found"), std::string::npos)
      << alone.err;
  // Issue 18: import refuses what the analysis refuses, with the same message.
  CliRun stored_alone = Ocindex("reliability import " + lonely);
  EXPECT_EQ(stored_alone.exit_code, 1);
  EXPECT_NE(stored_alone.err.find("one.csv: edition 2023: no reliability can be computed: needs at least 2 experts; "
                                  "1 found"),
            std::string::npos)
      << stored_alone.err;
  EXPECT_EQ(Ocindex("reliability import " + lonely + " --dry-run").exit_code, 1);
  EXPECT_EQ(Ocindex("reliability history --format csv").out.find("2023,"), std::string::npos);  // nothing stored
  EXPECT_EQ(Ocindex("reliability " + lonely + " --edition 2021").exit_code, 3);
  EXPECT_EQ(Ocindex("reliability '" + dir_.File("missing.csv") + "'").exit_code, 5);
  EXPECT_EQ(Ocindex("reliability " + lonely + " --by galaxy").exit_code, 2);
  EXPECT_EQ(Ocindex("reliability generate --experts 1").exit_code, 2);
  EXPECT_EQ(Ocindex("reliability generate --edition 1999").exit_code, 3);
}

}  // namespace
}  // namespace ocindex

// ocindex uncertainty and sensitivity as a user runs them on the bundled data.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "support/cli_runner.h"

namespace ocindex {
namespace {

using test::CliRun;

class UncertaintyCliTest : public test::CliTest {
 protected:
  std::string Read(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  // Writes `text` to a file of the scratch directory; returns its path, quoted for the shell.
  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = dir_.File(name);
    std::ofstream(path) << text;
    return "'" + path + "'";
  }
};

// The `column` field of the CSV row that starts with `prefix` ("criminality,KAZ,"); "" if absent.
std::string Field(const std::string& csv, const std::string& prefix, const std::string& column) {
  std::stringstream in(csv);
  std::string header;
  std::getline(in, header);
  size_t index = 0;
  std::stringstream names(header);
  for (std::string name; std::getline(names, name, ',') && name != column;) ++index;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(prefix, 0) != 0) continue;
    std::stringstream fields(line);
    std::string field;
    for (size_t k = 0; k <= index && std::getline(fields, field, ',');) ++k;
    return field;
  }
  return {};
}

TEST_F(UncertaintyCliTest, ReferenceExperimentGivesRankIntervalsThatDoNotDependOnThreads) {
  CliRun one = Ocindex("uncertainty --edition 2025 --runs 3000 --seed 9 --threads 1 --format csv");
  ASSERT_EQ(one.exit_code, 0);
  EXPECT_EQ(one.out.rfind("pillar,iso3,country,nominal_score,nominal_rank,rank_mean,rank_median,rank_q05,rank_q95,", 0),
            0u)
      << one.out.substr(0, 200);
  // 193 countries x 2 pillars + header.
  EXPECT_EQ(std::count(one.out.begin(), one.out.end(), '\n'), 387);
  // Countries carry their common names, as in every other command (regression).
  EXPECT_NE(one.out.find(",COD,Democratic Republic of the Congo,"), std::string::npos);
  CliRun two = Ocindex("uncertainty --edition 2025 --runs 3000 --seed 9 --threads 2 --format csv");
  ASSERT_EQ(two.exit_code, 0);
  EXPECT_EQ(one.out, two.out);
  CliRun other = Ocindex("uncertainty --edition 2025 --runs 3000 --seed 10 --format csv");
  EXPECT_NE(one.out, other.out);
}

// Sobol points spread one scalar input evenly: 64 runs put one quadrant threshold in
// each 1/64 of 5.5 +- 0.5, which pseudo-random draws do not.
TEST_F(UncertaintyCliTest, SobolSamplingCoversTheThresholdEvenly) {
  const std::string runs = dir_.File("runs.csv");
  for (const std::string sampling : {"sobol", "random"}) {
    CliRun run = Ocindex("uncertainty --edition 2025 --score-noise 0 --weight-noise 0 --threshold-spread 0.5 "
                         "--runs 64 --what quadrants --format csv --sampling " + sampling + " --runs-out '" + runs + "'");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.err.find(sampling + " sampling"), std::string::npos) << run.err;
    std::istringstream csv(Read(runs));
    std::string line;
    std::getline(csv, line);
    ASSERT_EQ(line, "run,threshold");
    std::set<int> slices;
    while (std::getline(csv, line)) slices.insert(static_cast<int>((std::stod(line.substr(line.find(',') + 1)) - 5.0) * 64));
    EXPECT_EQ(slices.size() == 64, sampling == "sobol") << slices.size() << " slices hit";
  }
  CliRun one = Ocindex("uncertainty --edition 2025 --runs 1024 --sampling sobol --threads 1 --format csv");
  CliRun two = Ocindex("uncertainty --edition 2025 --runs 1024 --sampling sobol --threads 2 --format csv");
  ASSERT_EQ(one.exit_code, 0);
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(Ocindex("uncertainty --sampling halton --runs 10").exit_code, 2);
}

TEST_F(UncertaintyCliTest, SpecFileErrorsNameTheFileAndField) {
  const std::string path = dir_.File("spec.json");
  std::ofstream(path) << R"({"score_noise": [{"indicators": ["no_such"], "p_down": 0.25, "p_up": 0.25}]})";
  CliRun bad = Ocindex("uncertainty --spec '" + path + "' --runs 10");
  EXPECT_EQ(bad.exit_code, 1);

  std::ofstream(path) << R"({"score_noise": [{"p_down": 0.25, "p_up": 0.25}], "pillar_formula": ["published", "pooled"],
                            "threshold_spread": 0.25})";
  CliRun quadrants = Ocindex("uncertainty --spec '" + path + "' --runs 500 --what quadrants --format json");
  ASSERT_EQ(quadrants.exit_code, 0);
  EXPECT_NE(quadrants.out.find("\"iso3\": \"AFG\""), std::string::npos) << quadrants.out.substr(0, 300);
  EXPECT_NE(quadrants.out.find("\"p_high_criminality_low_resilience\""), std::string::npos)
      << quadrants.out.substr(0, 400);
}

TEST_F(UncertaintyCliTest, ZeroNoiseIsAnError) {
  CliRun run = Ocindex("uncertainty --score-noise 0 --weight-noise 0 --runs 10");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out, "");
}

TEST_F(UncertaintyCliTest, ChartAndRunsOut) {
  const std::string chart = dir_.File("ranks.svg");
  const std::string runs = dir_.File("runs.csv");
  CliRun run = Ocindex("uncertainty --edition 2023 --runs 200 --chart '" + chart + "' --runs-out '" + runs +
                       "' --format csv");
  ASSERT_EQ(run.exit_code, 0);
  const std::string svg = Read(chart);
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find(">criminality</text>"), std::string::npos);
  EXPECT_NE(svg.find(">resilience</text>"), std::string::npos);
  EXPECT_EQ(std::count(svg.begin(), svg.end(), '\n') > 2 * 193, true);
  const std::string csv = Read(runs);
  EXPECT_EQ(csv.rfind("run,score_seed,weight_x_", 0), 0u) << csv.substr(0, 100);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 201);
}

TEST_F(UncertaintyCliTest, SensitivityReportsIndicesPerInput) {
  CliRun run = Ocindex(
      "sensitivity --edition 2025 --samples 200 --bootstrap 100 --pooled --country MEX --format csv");
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out.rfind("output,pillar,input,first_order,first_order_q05,first_order_q95,total,total_q05,total_q95", 0),
            0u);
  for (const char* line : {"mean_abs_rank_shift,criminality,scores,", "mean_abs_rank_shift,criminality,indicator_weights,",
                           "mean_abs_rank_shift,criminality,pillar_formula,", "rank_MEX,criminality,scores,"}) {
    EXPECT_NE(run.out.find(line), std::string::npos) << line << "\n" << run.out;
  }
  const std::string runs = dir_.File("design.csv");
  CliRun again = Ocindex("sensitivity --edition 2025 --samples 200 --bootstrap 100 --pooled --country MEX --format csv "
                         "--runs-out '" + runs + "'");
  EXPECT_EQ(run.out, again.out);
  const std::string csv = Read(runs);
  EXPECT_EQ(csv.rfind("run,matrix,score_seed,weight_x_", 0), 0u) << csv.substr(0, 100);
  EXPECT_NE(csv.find(",pillar_formula,mean_abs_rank_shift,rank_MEX\n"), std::string::npos);
  EXPECT_NE(csv.find(",AB_pillar_formula,"), std::string::npos);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 200 * (3 + 2) + 1);
}

// Kazakhstan's heroin trade (published 6) scored 3, 6 and 9 by three experts; its cocaine
// trade (published 2.5) by two who agree on 2.
const char* kKazakhExperts =
    "edition,country,indicator,expert,score\n"
    "2025,KAZ,heroin_trade,E1,3\n2025,KAZ,heroin_trade,E2,9\n2025,Kazakhstan,heroin_trade,E3,6\n"
    "2025,KAZ,cocaine_trade,E1,2\n2025,KAZ,cocaine_trade,E2,2\n";

TEST_F(UncertaintyCliTest, ExpertBootstrapMovesOnlyTheCellsExpertsScored) {
  const std::string experts = Write("experts.csv", kKazakhExperts);
  const std::string runs = dir_.File("runs.csv");
  CliRun run = Ocindex("uncertainty --edition 2025 --experts " + experts +
                       " --weight-noise 0 --runs 2000 --seed 4 --format csv --runs-out '" + runs + "'");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  // The vectorised evaluator resamples the panels wherever it runs.
  EXPECT_NE(run.err.find(__builtin_cpu_supports("avx2") ? "fast path" : "general path"), std::string::npos) << run.err;
  EXPECT_EQ(Read(runs).rfind("run,expert_seed\n", 0), 0u) << Read(runs).substr(0, 100);
  // Kazakhstan's criminality moves with its resampled panels; no other country's does.
  EXPECT_NE(Field(run.out, "criminality,KAZ,", "score_q05"), Field(run.out, "criminality,KAZ,", "score_q95"))
      << run.out.substr(0, 300);
  EXPECT_EQ(Field(run.out, "criminality,MEX,", "score_q05"), Field(run.out, "criminality,MEX,", "score_q95"));
  EXPECT_EQ(Field(run.out, "resilience,KAZ,", "score_q05"), Field(run.out, "resilience,KAZ,", "score_q95"));

  // The same scores stored give the same figures.
  ASSERT_EQ(Ocindex("reliability import " + experts).exit_code, 0);
  CliRun stored = Ocindex("uncertainty --edition 2025 --experts stored --weight-noise 0 --runs 2000 --seed 4 --format csv");
  ASSERT_EQ(stored.exit_code, 0) << stored.err;
  EXPECT_EQ(stored.out, run.out);
  EXPECT_NE(stored.err.find("edition 2025: expert scores revision 1"), std::string::npos) << stored.err;
}

TEST_F(UncertaintyCliTest, ExpertBootstrapErrorsSayWhatIsMissing) {
  const std::string experts = Write("experts.csv", kKazakhExperts);
  CliRun other = Ocindex("uncertainty --edition 2023 --experts " + experts + " --runs 10");
  EXPECT_EQ(other.exit_code, 3);
  EXPECT_NE(other.err.find("the file holds no scores for edition 2023; it holds 2025"), std::string::npos) << other.err;

  CliRun none = Ocindex("uncertainty --edition 2025 --experts stored --runs 10");
  EXPECT_EQ(none.exit_code, 3);
  EXPECT_NE(none.err.find("no expert scores stored for edition 2025"), std::string::npos) << none.err;

  const std::string spec = Write("spec.json", R"({"expert_bootstrap": {"indicators": ["heroin_trade"]}})");
  CliRun missing = Ocindex("sensitivity --edition 2025 --spec " + spec + " --samples 10");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("name them with --experts FILE.csv or --experts stored"), std::string::npos)
      << missing.err;
  CliRun agree = Ocindex("uncertainty --edition 2025 --spec " + spec + " --experts " +
                         Write("agree.csv", "edition,country,indicator,expert,score\n2025,KAZ,heroin_trade,E1,6\n"
                                            "2025,KAZ,heroin_trade,E2,6\n") +
                         " --runs 10");
  EXPECT_EQ(agree.exit_code, 1);
  EXPECT_NE(agree.err.find("expert_bootstrap.indicators: no cell of \"heroin_trade\" has two experts who disagree"),
            std::string::npos)
      << agree.err;
  EXPECT_EQ(agree.out, "");

  CliRun both = Ocindex("uncertainty --edition 2025 --experts " + experts + " --score-noise 0.25 --runs 10");
  EXPECT_EQ(both.exit_code, 2);
}

TEST_F(UncertaintyCliTest, ExpertBootstrapOnAGeneratedPanel) {
  const std::string panel = dir_.File("panel.csv");
  ASSERT_EQ(Ocindex("reliability generate --edition 2025 --experts 3 --seed 2 --missing 0.1 -o '" + panel + "'")
                .exit_code,
            0);
  const std::string args = "uncertainty --edition 2025 --experts '" + panel + "' --runs 3000 --seed 5 --format csv";
  CliRun one = Ocindex(args + " --threads 1");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  CliRun two = Ocindex(args + " --threads 2");
  ASSERT_EQ(two.exit_code, 0) << two.err;
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(std::count(one.out.begin(), one.out.end(), '\n'), 387);

  CliRun sensitivity = Ocindex("sensitivity --edition 2025 --experts '" + panel +
                               "' --samples 50 --bootstrap 20 --country KAZ --format csv");
  ASSERT_EQ(sensitivity.exit_code, 0) << sensitivity.err;
  for (const char* line : {"mean_abs_rank_shift,criminality,expert_bootstrap,",
                           "mean_abs_rank_shift,criminality,indicator_weights,", "rank_KAZ,criminality,expert_bootstrap,"}) {
    EXPECT_NE(sensitivity.out.find(line), std::string::npos) << line << "\n" << sensitivity.out;
  }
  EXPECT_EQ(sensitivity.out.find(",scores,"), std::string::npos);  // the bootstrap replaces the score noise
}

}  // namespace
}  // namespace ocindex

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
};

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

}  // namespace
}  // namespace ocindex

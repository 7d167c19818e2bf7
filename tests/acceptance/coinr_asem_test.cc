// Agreement with COINr 1.1.14 on its ASEM example (tests/data/coinr-asem, README
// there): every cell of the nominal intermediate data sets, and the Index score of
// every country in all 600 runs of the sensitivity design.
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>
#include <map>

#include "adapters/io/coin_csv.h"
#include "adapters/io/csv_reader.h"
#include "core/pipeline/coinr_asem.h"
#include "core/pipeline/run.h"

namespace ocindex {
namespace {

namespace pl = core::pipeline;

const std::string kDir = std::string(OCINDEX_TEST_DATA) + "/coinr-asem/";

// COINr's CSV: first column a unit code, then named numeric columns.
struct Reference {
  std::vector<std::string> columns;
  std::map<std::string, std::vector<double>> rows;  // by unit code
};

Reference ReadReference(const std::string& file) {
  Reference ref;
  auto table = adapters::io::ReadCsvFile(kDir + file);
  EXPECT_TRUE(table) << table.error().ToString();
  if (!table) return ref;
  ref.columns.assign(table->rows[0].cells.begin() + 1, table->rows[0].cells.end());
  for (size_t r = 1; r < table->rows.size(); ++r) {
    const auto& cells = table->rows[r].cells;
    std::vector<double> values;
    for (size_t c = 1; c < cells.size(); ++c) values.push_back(cells[c] == "NA" ? pl::kMissing : std::stod(cells[c]));
    ref.rows[cells[0]] = values;
  }
  return ref;
}

struct Agreement {
  double max_abs = 0;
  double max_rel = 0;
  size_t cells = 0;
  // Within 1e-9 relative or 1e-12 absolute; both missing agrees.
  bool Add(double ours, double theirs) {
    ++cells;
    if (pl::IsMissing(ours) || pl::IsMissing(theirs)) return pl::IsMissing(ours) && pl::IsMissing(theirs);
    const double abs = std::abs(ours - theirs);
    max_abs = std::max(max_abs, abs);
    if (theirs != 0) max_rel = std::max(max_rel, abs / std::abs(theirs));
    return abs <= 1e-12 || abs <= 1e-9 * std::abs(theirs);
  }
};

class CoinrAsem : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto model = adapters::io::ReadCoinModel(kDir + "ASEM_iData.csv", kDir + "ASEM_iMeta.csv");
    ASSERT_TRUE(model) << model.error().ToString();
    model_ = new pl::Model(std::move(*model));
  }
  static void TearDownTestSuite() { delete model_; }
  static pl::Model* model_;
};
pl::Model* CoinrAsem::model_ = nullptr;

TEST_F(CoinrAsem, ModelHasTheExampleShape) {
  EXPECT_EQ(model_->unit_count(), 51u);
  EXPECT_EQ(model_->indicator_count(), 49u);
  EXPECT_EQ(model_->nodes.size(), 49u + 8 + 2 + 1);
}

TEST_F(CoinrAsem, NominalDataSetsMatchEveryCell) {
  auto results = pl::Run(*model_, pl::Concatenate(pl::AsemPrefixSpec(), pl::AsemNominalRestSpec()));
  ASSERT_TRUE(results) << results.error().ToString();
  for (const char* name : {"Denominated", "Imputed", "Treated", "Normalised", "Aggregated"}) {
    SCOPED_TRACE(name);
    const pl::DataSet* ours = results->Find(name);
    ASSERT_NE(ours, nullptr);
    const Reference theirs = ReadReference(std::string("ASEM_nominal_") + name + ".csv");
    ASSERT_EQ(ours->units.size(), theirs.rows.size());
    Agreement agreement;
    for (size_t c = 0; c < theirs.columns.size(); ++c) {
      const int column = ours->FindColumn(theirs.columns[c]);
      ASSERT_GE(column, 0) << theirs.columns[c];
      for (size_t u = 0; u < ours->units.size(); ++u) {
        auto row = theirs.rows.find(ours->units[u]);
        ASSERT_NE(row, theirs.rows.end()) << ours->units[u];
        const double mine = ours->values.at(u, static_cast<size_t>(column));
        EXPECT_TRUE(agreement.Add(mine, row->second[c]))
            << ours->units[u] << " " << theirs.columns[c] << ": " << mine << " vs " << row->second[c];
      }
    }
    EXPECT_EQ(agreement.cells, 51u * theirs.columns.size());
    std::cout << name << ": " << agreement.cells << " cells, max abs error " << agreement.max_abs
              << ", max rel error " << agreement.max_rel << "\n";
  }
}

std::map<std::string, pl::TreatOutcome> Treatments(const pl::Model& model, int winmax) {
  pl::TreatStep treat;
  treat.winmax = winmax;
  auto results = pl::Run(model, pl::Concatenate(pl::AsemPrefixSpec(), pl::Spec{{treat}}));
  EXPECT_TRUE(results);
  std::map<std::string, pl::TreatOutcome> treated;
  if (results) {
    for (const auto& record : results->treatments) treated[record.code] = record.outcome;
  }
  return treated;
}

// Services needs its top 4 values Winsorised (each step moves the earlier ones again,
// 1, 2, 3, then 4 points): within winmax 5 it is Winsorised, with winmax 3 it falls
// back to the log transform.
TEST_F(CoinrAsem, ServicesNeedsFourWinsorisedPoints) {
  auto nominal = Treatments(*model_, 5);
  EXPECT_EQ(nominal.size(), 15u);
  EXPECT_EQ(nominal["Services"].treatment, pl::Treatment::kWinsorised);
  EXPECT_EQ(nominal["Services"].winsorised, 4);
  EXPECT_TRUE(nominal["Services"].passes);
  auto tight = Treatments(*model_, 3);
  EXPECT_EQ(tight["Services"].treatment, pl::Treatment::kLog);
  EXPECT_EQ(tight["Services"].winsorised, 0);
}

TEST_F(CoinrAsem, EverySensitivityRunMatchesCoinrIndexScores) {
  auto weight_sets = adapters::io::ReadCoinWeightSets(kDir + "ASEM_noisy_weights_100.csv");
  ASSERT_TRUE(weight_sets) << weight_sets.error().ToString();
  ASSERT_EQ(weight_sets->size(), 100u);
  auto design = adapters::io::ReadCsvFile(kDir + "ASEM_SA_N100_design.csv");
  ASSERT_TRUE(design);
  const Reference scores = ReadReference("ASEM_SA_N100_scores.csv");
  ASSERT_EQ(scores.columns.size(), 601u);

  pl::Runner runner(*model_);
  ASSERT_TRUE(runner.Checkpoint(pl::AsemPrefixSpec()));
  const int index = *model_->FindNode("Index");
  Agreement agreement;
  size_t runs = 0;
  for (size_t r = 1; r < design->rows.size(); ++r) {
    const auto& cells = design->rows[r].cells;  // run, winmax, norm, weights_set, agg
    const size_t run = std::stoul(cells[0]);
    pl::AsemDesignRow row;
    row.winmax = std::stoi(cells[1]);
    ASSERT_TRUE(cells[2] == "n_minmax" || cells[2] == "n_zscore");
    row.normalisation = cells[2] == "n_zscore" ? pl::NormaliseMethod::kZScore : pl::NormaliseMethod::kMinMax;
    ASSERT_TRUE(cells[4] == "a_amean" || cells[4] == "a_gmean");
    row.aggregation = cells[4] == "a_gmean" ? pl::AggregationMethod::kGeometric : pl::AggregationMethod::kArithmetic;
    const auto& weights = (*weight_sets)[std::stoul(cells[3]) - 1];
    const pl::Spec rest = pl::AsemRunRestSpec(row, weights);
    ASSERT_TRUE(rest.Validate());
    ASSERT_TRUE(runner.RunFromCheckpoint(rest)) << "run " << run;
    for (size_t u = 0; u < runner.rows().size(); ++u) {
      const std::string& unit = model_->units[runner.rows()[u]];
      const double mine = runner.scores().at(u, static_cast<size_t>(index));
      const double theirs = scores.rows.at(unit)[run];
      EXPECT_TRUE(agreement.Add(mine, theirs)) << "run " << run << " " << unit << ": " << mine << " vs " << theirs;
    }
    ++runs;
  }
  EXPECT_EQ(runs, 600u);
  EXPECT_EQ(agreement.cells, 600u * 51u);
  std::cout << "600 runs: " << agreement.cells << " scores, max abs error " << agreement.max_abs
            << ", max rel error " << agreement.max_rel << "\n";
}

}  // namespace
}  // namespace ocindex

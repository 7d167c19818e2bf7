// Reading a model in COINr's CSV layout (iData + iMeta) and weight sets; problems
// name the file, row and column.
#include <gtest/gtest.h>

#include "adapters/io/coin_csv.h"
#include "support/fixtures.h"

namespace ocindex::adapters::io {
namespace {

constexpr const char* kMeta =
    "\"Level\",\"iCode\",\"iName\",\"Direction\",\"Weight\",\"Unit\",\"Target\",\"Denominator\",\"Parent\",\"Type\"\n"
    "1,\"a\",\"A\",1,1,\"u\",NA,\"pop\",\"P\",\"Indicator\"\n"
    "1,\"b\",\"B\",-1,2,\"u\",5,NA,\"P\",\"Indicator\"\n"
    "2,\"P\",\"Pillar\",1,1,\"u\",NA,NA,NA,\"Aggregate\"\n"
    "NA,\"region\",\"Region\",NA,NA,NA,NA,NA,NA,\"Group\"\n"
    "NA,\"pop\",\"Population\",NA,NA,NA,NA,NA,NA,\"Denominator\"\n";

class CoinCsv : public ::testing::Test {
 protected:
  Result<core::pipeline::Model> Read(const std::string& data, const std::string& meta = kMeta) {
    EXPECT_TRUE(test::WriteFile(dir_.File("iData.csv"), data));
    EXPECT_TRUE(test::WriteFile(dir_.File("iMeta.csv"), meta));
    return ReadCoinModel(dir_.File("iData.csv"), dir_.File("iMeta.csv"));
  }
  test::TempDir dir_;
};

TEST_F(CoinCsv, ReadsUnitsIndicatorsTreeDenominatorsAndGroups) {
  auto model = Read("uCode,region,pop,a,b\nX,n,10,1,NA\nY,s,20,3,4\n");
  ASSERT_TRUE(model) << model.error().ToString();
  EXPECT_EQ(model->units, (std::vector<std::string>{"X", "Y"}));
  ASSERT_EQ(model->nodes.size(), 3u);
  EXPECT_EQ(model->nodes[1].direction, -1);
  EXPECT_EQ(model->nodes[1].weight, 2);
  EXPECT_EQ(model->nodes[1].target, 5);
  EXPECT_EQ(model->nodes[0].denominator, "pop");
  EXPECT_EQ(model->nodes[2].children, (std::vector<int>{0, 1}));
  EXPECT_TRUE(core::pipeline::IsMissing(model->data.at(0, 1)));
  EXPECT_EQ(model->data.at(1, 0), 3);
  EXPECT_EQ(model->FindDenominator("pop")->values[1], 20);
  EXPECT_EQ(model->FindGroup("region")->labels[0], "n");
}

TEST_F(CoinCsv, ProblemsNameFileRowAndColumn) {
  auto bad_number = Read("uCode,region,pop,a,b\nX,n,10,one,2\n");
  ASSERT_FALSE(bad_number);
  EXPECT_NE(bad_number.error().where.find("iData.csv, line 2, column 4"), std::string::npos)
      << bad_number.error().ToString();
  EXPECT_NE(bad_number.error().message.find("\"one\""), std::string::npos);
  auto missing_column = Read("uCode,region,pop,a\nX,n,10,1\n");
  ASSERT_FALSE(missing_column);
  EXPECT_EQ(missing_column.error().message, "expected a column named b");
  auto bad_parent = Read("uCode,region,pop,a,b\nX,n,10,1,2\n",
                         std::string(kMeta).replace(std::string(kMeta).find("\"P\",\"Indicator\""), 3, "\"Q\""));
  ASSERT_FALSE(bad_parent);
  EXPECT_NE(bad_parent.error().message.find("unknown parent Q"), std::string::npos);
}

TEST_F(CoinCsv, WeightSets) {
  ASSERT_TRUE(test::WriteFile(dir_.File("w.csv"), "set,iCode,Level,Weight\n1,a,1,1\n2,a,1,0.5\n2,P,2,1.25\n"));
  auto sets = ReadCoinWeightSets(dir_.File("w.csv"));
  ASSERT_TRUE(sets) << sets.error().ToString();
  ASSERT_EQ(sets->size(), 2u);
  EXPECT_EQ((*sets)[1][1].code, "P");
  EXPECT_EQ((*sets)[1][1].weight, 1.25);
  ASSERT_TRUE(test::WriteFile(dir_.File("bad.csv"), "set,iCode,Level,Weight\n0,a,1,1\n"));
  EXPECT_FALSE(ReadCoinWeightSets(dir_.File("bad.csv")));
}

}  // namespace
}  // namespace ocindex::adapters::io

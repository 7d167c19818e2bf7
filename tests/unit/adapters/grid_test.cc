#include "adapters/render/grid.h"

#include <gtest/gtest.h>

namespace ocindex::adapters::render {
namespace {

Grid Counts() {
  Grid grid;
  grid.AddColumn("id");
  grid.AddColumn("units", true);
  grid.AddColumn("share", true);
  grid.rows.push_back({"all", "6175", "0.101"});
  grid.rows.push_back({"big", "123456789012345678901234567890", "-2"});
  grid.rows.push_back({"none", std::nullopt, "1e3"});
  return grid;
}

// Counts printed as 6175.0 in JSON were a bug: whole numbers are JSON integers.
TEST(GridJson, WholeNumbersAreIntegersAndOthersDoubles) {
  const nlohmann::ordered_json json = ToJson(Counts());
  ASSERT_EQ(json.size(), 3u);
  EXPECT_TRUE(json[0]["units"].is_number_integer());
  EXPECT_EQ(json[0]["units"].get<long long>(), 6175);
  EXPECT_EQ(json[0].dump(), R"({"id":"all","units":6175,"share":0.101})");
  EXPECT_TRUE(json[1]["units"].is_number_float());  // too large for an integer: kept as a double
  EXPECT_EQ(json[1]["share"].get<long long>(), -2);
  EXPECT_TRUE(json[2]["units"].is_null());
  EXPECT_DOUBLE_EQ(json[2]["share"].get<double>(), 1000.0);
}

}  // namespace
}  // namespace ocindex::adapters::render

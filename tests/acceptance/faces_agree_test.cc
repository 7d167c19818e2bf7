// The CLI and the API answer the same query with the same rows in the same order and
// the same figures: both call the application layer (src/app/), so an ordering, filter
// or label rule cannot differ between them. Compared as CSV, column by column.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "adapters/io/csv_reader.h"
#include "support/cli_runner.h"
#include "support/shared_api_server.h"

namespace ocindex::test {
namespace {

// Rows of a CSV body as column name -> cell.
using Rows = std::vector<std::map<std::string, std::string>>;

Rows ParseRows(const std::string& csv) {
  auto table = adapters::io::ParseCsv(csv, "response");
  EXPECT_TRUE(table.ok());
  Rows rows;
  if (!table || table->rows.empty()) return rows;
  const std::vector<std::string>& header = table->rows[0].cells;
  for (size_t r = 1; r < table->rows.size(); ++r) {
    auto& row = rows.emplace_back();
    const std::vector<std::string>& cells = table->rows[r].cells;
    for (size_t c = 0; c < header.size(); ++c) row[header[c]] = c < cells.size() ? cells[c] : "";
  }
  return rows;
}

// Each row's cells of the named columns, joined: what the comparison looks at. The
// CLI signs changes for people ("+0.25", "+3"); the API's CSV does not, so a leading
// '+' is dropped.
std::vector<std::string> Project(const Rows& rows, const std::vector<std::string>& columns) {
  std::vector<std::string> out;
  for (const auto& row : rows) {
    std::string line;
    for (const std::string& column : columns) {
      const std::string& cell = row.at(column);
      line += "|" + (cell.starts_with('+') ? cell.substr(1) : cell);
    }
    out.push_back(line);
  }
  return out;
}

class FacesAgreeTest : public SharedApiServer<FacesAgreeTest, CliTest> {
 protected:
  Rows Cli(const std::string& args) {
    CliRun run = Ocindex(args + " --format csv");
    EXPECT_EQ(run.exit_code, 0) << args << ": " << run.err;
    return ParseRows(run.out);
  }
  static Rows Api(const std::string& target) {
    HttpReply reply = HttpGet(server_->port(), target + (target.find('?') == std::string::npos ? "?" : "&") + "format=csv");
    EXPECT_EQ(reply.status, 200) << target << ": " << reply.body;
    return ParseRows(reply.body);
  }
};

TEST_F(FacesAgreeTest, RanksInTheSameOrderWithTheSameFigures) {
  for (const std::string measure : {"criminality", "resilience", "financial_crimes"}) {
    Rows cli = Cli("rank 2023 --by " + measure);
    Rows api = Api("/api/v1/editions/2023/ranks?measure=" + measure);
    ASSERT_EQ(cli.size(), 193u) << measure;
    for (auto& row : cli) row["value"] = row.at(measure);
    for (auto& row : api) row["rank"] = row.at("world_rank");
    EXPECT_EQ(Project(cli, {"iso3", "country", "value", "rank"}), Project(api, {"iso3", "name", "value", "rank"}))
        << measure;
  }
}

TEST_F(FacesAgreeTest, TiesAreOrderedByNameInBothFaces) {
  Rows api = Api("/api/v1/editions/2021/ranks?measure=criminality");
  int ties = 0;
  for (size_t r = 1; r < api.size(); ++r) {
    if (api[r].at("world_rank") != api[r - 1].at("world_rank")) continue;
    ++ties;
    EXPECT_LT(api[r - 1].at("name"), api[r].at("name")) << api[r].at("iso3");
  }
  EXPECT_GT(ties, 0) << "the 2021 criminality ranks share positions; the test needs some";
  EXPECT_EQ(Project(Cli("rank 2021"), {"iso3"}), Project(api, {"iso3"}));
}

TEST_F(FacesAgreeTest, RegionAndContinentFiltersKeepTheSameCountries) {
  const std::string region = "Central Asia and the Caucasus";
  Rows cli = Cli("rank 2021 --region '" + region + "'");
  Rows api = Api("/api/v1/editions/2021/ranks?region=Central%20Asia%20and%20the%20Caucasus");
  ASSERT_EQ(cli.size(), 8u);
  EXPECT_EQ(Project(cli, {"iso3", "criminality", "region"}), Project(api, {"iso3", "value", "region"}));

  Rows cli_scores = Cli("scores 2023 -i criminality -i resilience --continent asia");
  Rows api_scores = Api("/api/v1/editions/2023/scores?measures=criminality,resilience&continent=Asia");
  ASSERT_EQ(cli_scores.size(), 46u);
  EXPECT_EQ(Project(cli_scores, {"iso3", "country", "continent", "criminality", "resilience"}),
            Project(api_scores, {"iso3", "name", "continent", "criminality", "resilience"}));
}

TEST_F(FacesAgreeTest, ChangesInTheSameOrderWithTheSameFigures) {
  Rows cli = Cli("changes 2023 --from 2021");
  Rows api = Api("/api/v1/changes?from=2021&to=2023");
  ASSERT_EQ(cli.size(), 193u);
  EXPECT_EQ(Project(cli, {"iso3", "2021", "2023", "change", "rank_change"}),
            Project(api, {"iso3", "from", "to", "delta", "rank_change"}));

  Rows cli_like = Cli("changes 2023 --from 2021 --basis like-for-like");
  Rows api_like = Api("/api/v1/changes?from=2021&to=2023&basis=like-for-like");
  EXPECT_EQ(Project(cli_like, {"iso3", "like_2021", "like_2023", "like_rank_change"}),
            Project(api_like, {"iso3", "from", "to", "rank_change"}));
}

// The decision analytics: both faces print the app's grids, so CSV rows are equal cell for cell.
TEST_F(FacesAgreeTest, DecisionAnalyticsGiveTheSameRows) {
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"whatif KAZ law_enforcement=+1 anti_money_laundering=+1 --edition 2025",
       "/api/v1/editions/2025/countries/KAZ/whatif?change=law_enforcement%3D%2B1,anti_money_laundering%3D%2B1"},
      {"target KAZ 'resilience rank<=60' --edition 2025 --ties 3",
       "/api/v1/editions/2025/countries/KAZ/target?goal=resilience%20rank%3C%3D60&ties=3"},
      {"explain KAZ KGZ --edition 2025", "/api/v1/explain?countries=KAZ,KGZ&edition=2025"},
      {"explain KAZ --from 2021 --to 2025 --by resilience", "/api/v1/explain?countries=KAZ&from=2021&to=2025&measure=resilience"},
      {"peers KAZ --edition 2025 --on criminality", "/api/v1/editions/2025/countries/KAZ/peers?on=criminality"},
      {"clusters 2025", "/api/v1/editions/2025/clusters"}};
  for (const auto& [cli_args, api_target] : pairs) {
    Rows cli = Cli(cli_args);
    Rows api = Api(api_target);
    ASSERT_FALSE(cli.empty()) << cli_args;
    std::vector<std::string> columns;
    for (const auto& [column, cell] : cli.front()) columns.push_back(column);
    EXPECT_EQ(Project(cli, columns), Project(api, columns)) << cli_args;
  }
}

}  // namespace
}  // namespace ocindex::test

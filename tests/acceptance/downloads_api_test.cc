// The API's files against a running server on 127.0.0.1: the whole dataset as CSV,
// xlsx and JSON, one measure's described CSV, and a country's profile PDF, each with
// its media type and file name, and cached like every other answer.
#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "adapters/io/xlsx_reader.h"
#include "support/shared_api_server.h"

namespace ocindex::test {
namespace {

using Json = nlohmann::json;

class DownloadsApiTest : public SharedApiServer<DownloadsApiTest> {
 protected:
  // A 200 with the media type and file name given.
  static HttpReply GetFile(const std::string& target, const std::string& type, const std::string& name) {
    HttpReply reply = Get(target);
    EXPECT_EQ(reply.status, 200) << target << ": " << reply.body;
    EXPECT_EQ(reply.Header("content-type"), type) << target;
    EXPECT_EQ(reply.Header("content-disposition"), "attachment; filename=\"" + name + "\"") << target;
    return reply;
  }
  static std::vector<std::string> Lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }
};

TEST_F(DownloadsApiTest, DatasetCsvIsTheImportFormat) {
  HttpReply reply = GetFile("/api/v1/editions/2021/dataset.csv", "text/csv; charset=utf-8", "goci-2021-dataset.csv");
  const std::vector<std::string> lines = Lines(reply.body);
  ASSERT_EQ(lines.size(), 194u);
  EXPECT_EQ(lines[0].rfind("iso3,country,continent,region,criminality,", 0), 0u) << lines[0];
  bool kazakhstan = false;
  for (const std::string& line : lines) kazakhstan |= line.rfind("KAZ,Kazakhstan,Asia,Central Asia and the Caucasus,4.26,", 0) == 0;
  EXPECT_TRUE(kazakhstan);
}

TEST_F(DownloadsApiTest, DatasetXlsxIsAWorkbookOfTheEdition) {
  HttpReply reply = GetFile("/api/v1/editions/latest/dataset.xlsx",
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "goci-2025-dataset.xlsx");
  auto sheets = adapters::io::ParseAllSheets(reply.body, "dataset.xlsx");
  ASSERT_TRUE(sheets) << sheets.error().ToString();
  ASSERT_EQ(sheets->size(), 2u);
  EXPECT_EQ((*sheets)[0].sheet, "2025_dataset");
  EXPECT_EQ((*sheets)[0].rows.size(), 194u);
  EXPECT_EQ((*sheets)[1].sheet, "framework");
}

TEST_F(DownloadsApiTest, DatasetJsonHoldsEveryCountry) {
  HttpReply reply = GetFile("/api/v1/editions/2021/dataset.json", "application/json", "goci-2021-dataset.json");
  Json dataset = Json::parse(reply.body);
  EXPECT_EQ(dataset["edition"], "2021");
  ASSERT_EQ(dataset["countries"].size(), 193u);
  int kazakhstan = 0;
  for (const Json& country : dataset["countries"]) {
    if (country["iso3"] != "KAZ") continue;
    ++kazakhstan;
    EXPECT_DOUBLE_EQ(country["composites"]["criminality"].get<double>(), 4.26);
  }
  EXPECT_EQ(kazakhstan, 1);
}

// The description block names the measure, its definition (the framework's), the
// edition, the countries kept and the source, and says where the table starts.
TEST_F(DownloadsApiTest, MeasureCsvDescribesItself) {
  const std::string region = "Central Asia and the Caucasus";
  HttpReply reply = GetFile("/api/v1/editions/2021/measure.csv?measure=resilience&region=Central%20Asia%20and%20the%20Caucasus",
                            "text/csv; charset=utf-8", "goci-2021-resilience.csv");
  const std::vector<std::string> lines = Lines(reply.body);
  ASSERT_GT(lines.size(), 12u);
  EXPECT_EQ(lines[0], "Title,\"Resilience, Global Organized Crime Index 2021\"");
  EXPECT_EQ(lines[1], "Measure,resilience (pillar)");
  Json framework = Json::parse(Get("/api/v1/editions/2021/framework").body);
  const std::string definition = framework["measures"][1]["definition"];
  ASSERT_FALSE(definition.empty());
  EXPECT_NE(lines[2].find(definition.substr(0, 40)), std::string::npos) << lines[2];
  EXPECT_EQ(lines[3], "Edition,2021");
  EXPECT_EQ(lines[5], "Countries,the region " + region);
  EXPECT_EQ(lines[7], "Source,\"Global Initiative Against Transnational Organized Crime (GI-TOC), Global Organized Crime Index 2021\"");
  EXPECT_EQ(lines[9].rfind("Intervals,\"rank_q05 to rank_q95 and value_q05 to value_q95 hold 90 % of 20000 runs", 0), 0u)
      << lines[9];
  EXPECT_EQ(lines[10], "Table starts at row,13");
  EXPECT_EQ(lines[11], "");
  EXPECT_EQ(lines[12], "iso3,name,continent,region,value,world_rank,continent_rank,region_rank,"
                       "rank_q05,rank_median,rank_q95,value_q05,value_q95");
  Json ranks = Json::parse(Get("/api/v1/editions/2021/ranks?measure=resilience&region=Central%20Asia%20and%20the%20Caucasus").body);
  EXPECT_EQ(lines.size(), 13 + ranks["rows"].size());
  EXPECT_EQ(lines[13].rfind(ranks["rows"][0]["iso3"].get<std::string>() + ",", 0), 0u) << lines[13];
}

// A pillar's file carries the intervals the uncertainty route shows, row by row; a
// measure the experiment does not rank (an indicator) has neither the columns nor the note.
TEST_F(DownloadsApiTest, MeasureCsvCarriesTheUncertaintyIntervals) {
  const std::vector<std::string> lines = Lines(Get("/api/v1/editions/2023/measure.csv?measure=criminality").body);
  ASSERT_EQ(lines.size(), 13u + 193u);
  Json uncertainty = Json::parse(Get("/api/v1/editions/2023/uncertainty").body);
  std::map<std::string, Json> by_iso3;
  for (const Json& row : uncertainty["rows"]) by_iso3[row["iso3"]] = row["criminality"];
  for (size_t l = 13; l < lines.size(); ++l) {
    std::vector<std::string> cells;
    std::istringstream fields(lines[l].find('"') == std::string::npos ? lines[l] : "");
    for (std::string cell; std::getline(fields, cell, ',');) cells.push_back(cell);
    if (cells.empty()) continue;  // a quoted name: its commas are not fields
    ASSERT_EQ(cells.size(), 13u) << lines[l];
    const Json& o = by_iso3.at(cells[0]);
    EXPECT_EQ(std::stoi(cells[5]), o["nominal_rank"].get<int>()) << lines[l];
    EXPECT_NEAR(std::stod(cells[8]), o["rank_q05"].get<double>(), 0.0051) << lines[l];
    EXPECT_NEAR(std::stod(cells[9]), o["rank_median"].get<double>(), 0.051) << lines[l];
    EXPECT_NEAR(std::stod(cells[10]), o["rank_q95"].get<double>(), 0.0051) << lines[l];
    EXPECT_NEAR(std::stod(cells[11]), o["score_q05"].get<double>(), 0.00051) << lines[l];
    EXPECT_NEAR(std::stod(cells[12]), o["score_q95"].get<double>(), 0.00051) << lines[l];
  }
  const std::vector<std::string> indicator = Lines(Get("/api/v1/editions/2023/measure.csv?measure=extortion_racketeering").body);
  ASSERT_GT(indicator.size(), 12u);
  EXPECT_EQ(indicator[11], "iso3,name,continent,region,value,world_rank,continent_rank,region_rank");
  for (const std::string& line : indicator) EXPECT_NE(line.rfind("Intervals,", 0), 0u) << line;
}

// ?q=, ?from= and ?to= keep what the explorer's rankings show, and the file says so.
TEST_F(DownloadsApiTest, MeasureCsvKeepsTheSearchAndTheRangeOfFigures) {
  std::vector<std::string> lines = Lines(Get("/api/v1/editions/2021/measure.csv?measure=criminality&q=congo").body);
  ASSERT_EQ(lines.size(), 14u + 2u);
  EXPECT_EQ(lines[6], "Kept,\"countries matching \"\"congo\"\"\"");
  EXPECT_EQ(lines[14].substr(0, 4) + lines[15].substr(0, 4), "COD,COG,");
  lines = Lines(Get("/api/v1/editions/2021/measure.csv?measure=resilience&from=6.5&to=7").body);
  ASSERT_GT(lines.size(), 14u);
  EXPECT_EQ(lines[6], "Kept,figures from 6.5 to 7");
  for (size_t l = 14; l < lines.size(); ++l) {
    std::vector<std::string> cells;
    std::istringstream fields(lines[l]);
    for (std::string cell; std::getline(fields, cell, ',');) cells.push_back(cell);
    const double value = std::stod(cells[cells.size() - 9]);  // value, then 3 ranks and 5 interval columns
    EXPECT_GE(value, 6.5) << lines[l];
    EXPECT_LE(value, 7.0) << lines[l];
  }
  HttpReply bad = Get("/api/v1/editions/2021/measure.csv?from=six");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("from must be a number"), std::string::npos) << bad.body;
}

TEST_F(DownloadsApiTest, MeasureCsvOfAnUnknownMeasureIs404) {
  EXPECT_EQ(Get("/api/v1/editions/2021/measure.csv?measure=no_such_measure").status, 404);
  EXPECT_EQ(Get("/api/v1/editions/2021/measure.csv?sort=name").status, 400);
}

// Asked by name, the file is still named by the code.
TEST_F(DownloadsApiTest, ProfilePdfIsThePrintedProfile) {
  HttpReply reply = GetFile("/api/v1/editions/2021/countries/Kazakhstan/profile.pdf", "application/pdf", "KAZ-2021.pdf");
  EXPECT_EQ(reply.body.rfind("%PDF-", 0), 0u);
  EXPECT_NE(reply.body.find("%%EOF"), std::string::npos);
  HttpReply unknown = Get("/api/v1/editions/2021/countries/Kazakstan/profile.pdf");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_NE(unknown.body.find("Kazakhstan"), std::string::npos) << unknown.body;
}

TEST_F(DownloadsApiTest, FilesAreCachedLikeOtherAnswers) {
  HttpReply first = Get("/api/v1/editions/2023/countries/UZB/profile.pdf");
  const std::string etag = first.Header("etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(first.Header("cache-control"), "public, max-age=3600");
  HttpReply again = Get("/api/v1/editions/2023/countries/UZB/profile.pdf", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
}

}  // namespace
}  // namespace ocindex::test

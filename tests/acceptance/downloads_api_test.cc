// The API's files against a running server on 127.0.0.1: the whole dataset as CSV,
// xlsx and JSON, one measure's described CSV, and a country's profile PDF, each with
// its media type and file name, and cached like every other answer.
#include <gtest/gtest.h>

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
  EXPECT_EQ(lines[9], "Table starts at row,12");
  EXPECT_EQ(lines[10], "");
  EXPECT_EQ(lines[11], "iso3,name,continent,region,value,world_rank,continent_rank,region_rank");
  Json ranks = Json::parse(Get("/api/v1/editions/2021/ranks?measure=resilience&region=Central%20Asia%20and%20the%20Caucasus").body);
  EXPECT_EQ(lines.size(), 12 + ranks["rows"].size());
  EXPECT_EQ(lines[12].rfind(ranks["rows"][0]["iso3"].get<std::string>() + ",", 0), 0u) << lines[12];
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

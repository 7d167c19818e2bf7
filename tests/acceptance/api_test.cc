// The HTTP API against a running server on 127.0.0.1: every endpoint with real
// published figures, CSV variants, ETag/304, error cases, and OpenAPI conformance.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "support/shared_api_server.h"

namespace ocindex::test {
namespace {

using Json = nlohmann::json;

class ApiTest : public SharedApiServer<ApiTest> {
 protected:
  static Json GetJson(const std::string& target, int status = 200) {
    HttpReply reply = Get(target);
    EXPECT_EQ(reply.status, status) << target << ": " << reply.body;
    EXPECT_EQ(reply.Header("content-type"), "application/json") << target;
    return Json::parse(reply.body);
  }
  static Json Row(const Json& rows, const std::string& iso3) {
    for (const Json& row : rows) {
      if (row["iso3"] == iso3) return row;
    }
    ADD_FAILURE() << iso3 << " not in rows";
    return Json();
  }
};

TEST_F(ApiTest, HealthAndEditions) {
  EXPECT_EQ(GetJson("/healthz")["status"], "ok");
  Json health = GetJson("/api/v1/health");
  EXPECT_EQ(health["status"], "ok");
  EXPECT_EQ(health["store"]["backend"], "sqlite");
  EXPECT_GT(health["store"]["schema_version"].get<int>(), 0);
  EXPECT_EQ(health["editions"], 3);
  Json editions = GetJson("/api/v1/editions")["editions"];
  ASSERT_EQ(editions.size(), 3u);
  EXPECT_EQ(editions[0]["edition"], 2021);
  EXPECT_EQ(editions[0]["framework"], "goci-2021");
  EXPECT_EQ(editions[0]["countries"], 193);
  EXPECT_FALSE(editions[0]["latest"].get<bool>());
  EXPECT_TRUE(editions[2]["latest"].get<bool>());
}

TEST_F(ApiTest, FrameworkTree) {
  Json framework = GetJson("/api/v1/editions/2021/framework");
  EXPECT_EQ(framework["id"], "goci-2021");
  EXPECT_EQ(framework["scale"]["min"], 1);
  EXPECT_EQ(framework["scale"]["step"], 0.5);
  EXPECT_EQ(framework["quadrant"]["threshold"], 5.5);
  ASSERT_EQ(framework["measures"].size(), 2u);
  const Json& criminality = framework["measures"][0];
  EXPECT_EQ(criminality["id"], "criminality");
  EXPECT_EQ(criminality["kind"], "pillar");
  EXPECT_EQ(criminality["children"][0]["kind"], "component");
  EXPECT_EQ(criminality["children"][0]["children"][0]["children"][0]["kind"], "indicator");
  EXPECT_FALSE(criminality["definition"].get<std::string>().empty());
  EXPECT_EQ(GetJson("/api/v1/editions/latest/framework")["edition"], 2025);
}

TEST_F(ApiTest, Countries) {
  Json countries = GetJson("/api/v1/editions/2021/countries")["countries"];
  EXPECT_EQ(countries.size(), 193u);
  Json kaz = Row(countries, "KAZ");
  EXPECT_EQ(kaz["name"], "Kazakhstan");
  EXPECT_EQ(kaz["continent"], "Asia");
}

TEST_F(ApiTest, ScoresFilteredAndCsv) {
  Json scores = GetJson("/api/v1/editions/2021/scores?measures=criminality,resilience&continent=asia");
  EXPECT_EQ(scores["measures"], Json::array({"criminality", "resilience"}));
  EXPECT_EQ(scores["rows"].size(), 46u);
  for (const Json& row : scores["rows"]) EXPECT_EQ(row["continent"], "Asia");
  EXPECT_EQ(Row(scores["rows"], "KAZ")["values"]["criminality"], 4.26);

  HttpReply csv = Get("/api/v1/editions/2021/scores?measures=criminality&format=csv");
  EXPECT_EQ(csv.status, 200);
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body.substr(0, csv.body.find('\n')), "iso3,name,continent,region,criminality");
  EXPECT_NE(csv.body.find("\nKAZ,Kazakhstan,Asia,"), std::string::npos);
  EXPECT_NE(csv.body.find(",4.26\n"), std::string::npos);
}

TEST_F(ApiTest, RanksInThreeScopes) {
  Json ranks = GetJson("/api/v1/editions/2021/ranks?measure=criminality");
  EXPECT_EQ(ranks["rows"].size(), 193u);
  Json kaz = Row(ranks["rows"], "KAZ");
  EXPECT_EQ(kaz["value"], 4.26);
  EXPECT_EQ(kaz["ranks"]["world"]["position"], 133);
  EXPECT_EQ(kaz["ranks"]["world"]["of"], 193);
  EXPECT_EQ(kaz["ranks"]["continent"]["position"], 37);
  EXPECT_EQ(kaz["ranks"]["continent"]["of"], 46);
  EXPECT_EQ(kaz["ranks"]["region"]["position"], 6);
  EXPECT_EQ(kaz["ranks"]["region"]["of"], 8);
  int last = 0;
  for (const Json& row : ranks["rows"]) {  // sorted by world position
    EXPECT_GE(row["ranks"]["world"]["position"].get<int>(), last);
    last = row["ranks"]["world"]["position"];
  }
  EXPECT_EQ(Row(GetJson("/api/v1/editions/2023/ranks?measure=criminality")["rows"], "KAZ")["ranks"]["world"]["position"],
            127);
  Json region = GetJson("/api/v1/editions/2021/ranks?measure=criminality&region=Central%20Asia%20and%20the%20Caucasus");
  EXPECT_EQ(region["rows"].size(), 8u);

  HttpReply csv = Get("/api/v1/editions/2021/ranks?measure=criminality", {{"Accept", "text/csv"}});
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body.substr(0, csv.body.find('\n')),
            "iso3,name,continent,region,value,world_rank,continent_rank,region_rank");
  EXPECT_NE(csv.body.find("\nKAZ,Kazakhstan,Asia,Central Asia and the Caucasus,4.26,133,37,6\n"), std::string::npos);
}

// Every row list whose length grows with the number of units, in pages.
TEST_F(ApiTest, PagesJoinedAreTheWholeFilteredListWithItsTotal) {
  const std::vector<std::pair<std::string, std::string>> lists{  // target, its rows' key
      {"/api/v1/editions/2021/ranks?measure=resilience&continent=Africa", "rows"},
      {"/api/v1/editions/2021/scores?measures=criminality&region=Central%20Asia%20and%20the%20Caucasus", "rows"},
      {"/api/v1/editions/2021/countries", "countries"}};
  auto with = [](const std::string& list, const std::string& more) {
    return list + (list.find('?') == std::string::npos ? "?" : "&") + more;
  };
  for (const auto& [list, key] : lists) {
    const Json whole = GetJson(list);
    EXPECT_FALSE(whole.contains("total")) << list;  // unpaged: the body clients had before paging
    const size_t total = whole[key].size();
    ASSERT_GT(total, 5u) << list;
    Json joined = Json::array();
    for (size_t offset = 0; offset < total; offset += 5) {
      const Json page = GetJson(with(list, fmt::format("limit=5&offset={}", offset)));
      EXPECT_EQ(page["total"], total) << list;
      EXPECT_EQ(page["offset"], offset);
      EXPECT_EQ(page["limit"], 5);
      EXPECT_EQ(page[key].size(), std::min<size_t>(5, total - offset));
      for (const Json& row : page[key]) joined.push_back(row);
      Json rest = page;  // the rest as unpaged
      for (const char* paging : {"total", "offset", "limit"}) rest.erase(paging);
      rest[key] = whole[key];
      EXPECT_EQ(rest, whole) << list;
    }
    EXPECT_EQ(joined, whole[key]) << list;
    const Json past = GetJson(with(list, fmt::format("offset={}", total + 10)));
    EXPECT_EQ(past[key], Json::array()) << list;
    EXPECT_EQ(past["total"], total);
    EXPECT_EQ(past["limit"], 10000);  // offset alone: the most a page holds
  }
  // The CSV is paged alike (the total is in the JSON): the header, then rows 133 and 134.
  const std::string csv = Get("/api/v1/editions/2021/ranks?measure=criminality&format=csv").body;
  size_t row133 = 0;
  for (int line = 0; line < 133; ++line) row133 = csv.find('\n', row133) + 1;
  const size_t row135 = csv.find('\n', csv.find('\n', row133) + 1) + 1;
  EXPECT_EQ(Get("/api/v1/editions/2021/ranks?measure=criminality&format=csv&limit=2&offset=132").body,
            csv.substr(0, csv.find('\n') + 1) + csv.substr(row133, row135 - row133));
}

TEST_F(ApiTest, BadPageParametersAre422NamingThem) {
  const std::vector<std::pair<std::string, std::string>> bad{  // query, the parameter named
      {"limit=0", "limit"},     {"limit=-1", "limit"}, {"limit=ten", "limit"},       {"limit=10001", "limit"},
      {"limit=2.5", "limit"},   {"offset=-1", "offset"}, {"offset=x", "offset"}, {"limit=5&offset=1e3", "offset"}};
  for (const auto& [query, name] : bad) {
    for (const char* list : {"ranks", "scores", "countries", "uncertainty"}) {
      const Json error = GetJson(fmt::format("/api/v1/editions/2021/{}?{}", list, query), 422);
      EXPECT_EQ(error["error"]["code"], "invalid_input");
      EXPECT_EQ(error["error"]["message"].get<std::string>().rfind(name + " must be a whole number", 0), 0u)
          << list << "?" << query << ": " << error;
    }
  }
}

TEST_F(ApiTest, CountryProfile) {
  Json profile = GetJson("/api/v1/editions/2023/countries/kaz");
  EXPECT_EQ(profile["iso3"], "KAZ");
  EXPECT_EQ(profile["previous_edition"], 2021);
  EXPECT_FALSE(profile["quadrant"]["criminality_high"].get<bool>());
  const Json& criminality = profile["measures"][0];
  EXPECT_EQ(criminality["id"], "criminality");
  EXPECT_TRUE(criminality["parent"].is_null());
  EXPECT_EQ(criminality["ranks"]["world"]["position"], 127);
  EXPECT_EQ(criminality["change"]["previous"], 4.26);
  EXPECT_EQ(criminality["change"]["rank_change"]["world"], 133 - 127);
  // The delta is the difference of the two published figures.
  const double delta = criminality["value"].get<double>() - 4.26;
  EXPECT_NEAR(criminality["change"]["delta"].get<double>(), delta, 1e-9);
  for (const char* scope : {"world", "continent", "region"}) EXPECT_TRUE(criminality["means"][scope].is_number());
  // Every measure of the framework, parents named.
  EXPECT_GT(profile["measures"].size(), 40u);
  EXPECT_EQ(profile["measures"][1]["parent"], "criminality");

  Json first = GetJson("/api/v1/editions/2021/countries/KAZ");
  EXPECT_TRUE(first["previous_edition"].is_null());
  EXPECT_EQ(first["measures"][0]["value"], 4.26);
  EXPECT_TRUE(first["measures"][0]["change"].is_null());
}

TEST_F(ApiTest, CountrySearchFoldsAccentsAndKnowsAliases) {
  Json turkey = GetJson("/api/v1/countries?q=turkey");
  ASSERT_EQ(turkey["countries"].size(), 1u);
  EXPECT_EQ(turkey["countries"][0]["iso3"], "TUR");
  EXPECT_EQ(turkey["countries"][0]["name"], "Türkiye");
  EXPECT_EQ(turkey["countries"][0]["matched"], "Turkey");
  EXPECT_EQ(GetJson("/api/v1/countries?q=turkiye")["countries"][0]["iso3"], "TUR");
  EXPECT_EQ(GetJson("/api/v1/countries?q=Ivory%20Coast")["countries"][0]["iso3"], "CIV");
  EXPECT_EQ(GetJson("/api/v1/countries?q=burma")["countries"][0]["iso3"], "MMR");
  EXPECT_EQ(GetJson("/api/v1/countries?q=swaziland")["countries"][0]["iso3"], "SWZ");
  // Nothing found: close names instead.
  Json typo = GetJson("/api/v1/countries?q=Kazakstan");
  EXPECT_TRUE(typo["countries"].empty());
  ASSERT_FALSE(typo["suggestions"].empty());
  EXPECT_EQ(typo["suggestions"][0], "Kazakhstan");
  EXPECT_EQ(Get("/api/v1/countries").status, 422);  // invalid_input, as any parameter no answer fits
}

TEST_F(ApiTest, CompareTwoToFive) {
  Json compare = GetJson("/api/v1/editions/2021/compare?countries=KAZ,uzb,KGZ");
  ASSERT_EQ(compare["countries"].size(), 3u);
  EXPECT_EQ(compare["countries"][1]["iso3"], "UZB");
  EXPECT_EQ(compare["measures"][0]["id"], "criminality");
  EXPECT_EQ(compare["measures"][0]["values"]["KAZ"], 4.26);
  Json one = GetJson("/api/v1/editions/2021/compare?countries=KAZ", 422);
  EXPECT_EQ(one["error"]["code"], "invalid_input");
  GetJson("/api/v1/editions/2021/compare?countries=KAZ,UZB,KGZ,TJK,TKM,AFG", 422);
  Json unknown = GetJson("/api/v1/editions/2021/compare?countries=KAZ,Uzbekistn", 404);
  EXPECT_FALSE(unknown["error"]["suggestions"].empty());
}

TEST_F(ApiTest, AggregatesAreMeansOfMembers) {
  Json aggregates = GetJson("/api/v1/editions/2021/aggregates?by=region&measures=criminality");
  Json scores = GetJson("/api/v1/editions/2021/scores?measures=criminality&region=Central%20Asia%20and%20the%20Caucasus");
  double sum = 0;
  for (const Json& row : scores["rows"]) sum += row["values"]["criminality"].get<double>();
  bool found = false;
  for (const Json& row : aggregates["rows"]) {
    if (row["group"] != "Central Asia and the Caucasus") continue;
    found = true;
    EXPECT_EQ(row["members"], scores["rows"].size());
    EXPECT_NEAR(row["values"]["criminality"].get<double>(), sum / static_cast<double>(scores["rows"].size()), 0.005);
  }
  EXPECT_TRUE(found);
  Json continents = GetJson("/api/v1/editions/2021/aggregates?by=continent");
  EXPECT_EQ(continents["rows"].size(), 5u);
  GetJson("/api/v1/editions/2021/aggregates?by=planet", 422);
  HttpReply csv = Get("/api/v1/editions/2021/aggregates?by=continent&measures=criminality&format=csv");
  EXPECT_EQ(csv.body.substr(0, csv.body.find('\n')), "group,members,criminality");
}

TEST_F(ApiTest, ChangesRawAndLikeForLike) {
  Json raw = GetJson("/api/v1/changes?from=2021&to=2023&measure=criminality&basis=raw");
  Json kaz = Row(raw["rows"], "KAZ");
  EXPECT_EQ(kaz["from"], 4.26);
  EXPECT_EQ(kaz["rank_from"], 133);
  EXPECT_EQ(kaz["rank_to"], 127);
  EXPECT_EQ(kaz["rank_change"], 6);
  EXPECT_NEAR(kaz["delta"].get<double>(), kaz["to"].get<double>() - 4.26, 1e-9);
  EXPECT_FALSE(raw["added"].empty());  // 2023 added markets, so the two bases differ
  // The note is for people: indicator names, not ids (regression).
  const std::string note = raw["note"];
  EXPECT_NE(note.find("Financial crimes"), std::string::npos) << note;
  EXPECT_EQ(note.find("financial_crimes"), std::string::npos) << note;
  Json like = GetJson("/api/v1/changes?from=2021&to=2023&measure=criminality&basis=like-for-like");
  EXPECT_EQ(like["basis"], "like-for-like");
  EXPECT_EQ(like["rows"].size(), raw["rows"].size());
  int differing = 0;
  for (const Json& row : like["rows"]) differing += Row(raw["rows"], row["iso3"])["to"] != row["to"];
  EXPECT_GT(differing, 0);
  GetJson("/api/v1/changes?from=2021&to=2023&basis=sideways", 422);
  GetJson("/api/v1/changes?from=2021&to=2023&measure=nonsense", 404);
  HttpReply csv = Get("/api/v1/changes?from=2021&to=2023&format=csv");
  EXPECT_EQ(csv.body.substr(0, csv.body.find('\n')), "iso3,name,continent,region,from,to,delta,rank_from,rank_to,rank_change");
  // Figures print with the framework's decimals, as in every CSV.
  const std::string to = fmt::format("{:.2f}", kaz["to"].get<double>());
  const std::string delta = fmt::format("{:.2f}", kaz["delta"].get<double>());
  EXPECT_NE(csv.body.find("\nKAZ,Kazakhstan,Asia,Central Asia and the Caucasus,4.26," + to + "," + delta + ",133,127,6\n"),
            std::string::npos)
      << csv.body.substr(0, 400);
}

TEST_F(ApiTest, EtagAnswers304AndCachesPublishedEditions) {
  HttpReply first = Get("/api/v1/editions/2021/ranks?measure=resilience");
  ASSERT_EQ(first.status, 200);
  const std::string etag = first.Header("etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(first.Header("cache-control"), "public, max-age=3600");
  HttpReply again = Get("/api/v1/editions/2021/ranks?measure=resilience");
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.Header("etag"), etag);
  HttpReply not_modified = Get("/api/v1/editions/2021/ranks?measure=resilience", {{"If-None-Match", etag}});
  EXPECT_EQ(not_modified.status, 304);
  EXPECT_TRUE(not_modified.body.empty());
  EXPECT_EQ(Get("/api/v1/editions/2021/ranks?measure=resilience", {{"If-None-Match", "\"other\""}}).status, 200);
  // CSV and JSON of one target are cached apart.
  HttpReply csv = Get("/api/v1/editions/2021/ranks?measure=resilience", {{"Accept", "text/csv"}});
  EXPECT_NE(csv.Header("etag"), etag);
  HttpReply head = HttpRequest(server_->port(), "HEAD", "/api/v1/editions/2021/ranks?measure=resilience");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.Header("content-length"), std::to_string(first.body.size()));
}

// The fixture narrative (ApiServer imports it for KAZ 2021): sections in framework
// order with re-flowed paragraphs, the footer apart, and the revision's metadata.
TEST_F(ApiTest, NarrativeSectionsInFrameworkOrder) {
  Json narrative = GetJson("/api/v1/editions/2021/countries/kaz/narrative");
  EXPECT_EQ(narrative["edition"], 2021);
  EXPECT_EQ(narrative["iso3"], "KAZ");
  EXPECT_EQ(narrative["name"], "Kazakhstan");
  std::vector<std::string> ids, titles;
  for (const Json& section : narrative["sections"]) {
    ids.push_back(section["id"]);
    titles.push_back(section["title"]);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"people", "trade", "environment", "drugs", "actors",
                                           "leadership_governance", "criminal_justice_security",
                                           "economic_financial", "civil_society_social_protection"}));
  EXPECT_EQ(titles.front(), "People");
  EXPECT_EQ(titles.back(), "Civil society and social protection");
  const Json& people = narrative["sections"][0];
  EXPECT_EQ(people["heading"], "PEOPLE");
  ASSERT_EQ(people["paragraphs"].size(), 2u);
  EXPECT_EQ(people["paragraphs"][1], "Smuggling of migrants follows the old salt road, where guides charge by the "
                                     "kilometre.");
  EXPECT_NE(narrative["sections"][3]["paragraphs"][0].get<std::string>().find("cross-border lorry routes"),
            std::string::npos);
  EXPECT_EQ(narrative["footer"], "This summary was funded in part by a grant from the Friends of Valdoria Foundation.");
  EXPECT_EQ(narrative["revision"]["number"], 1);
  EXPECT_EQ(narrative["revision"]["author"], kFixtureAuthor);
  EXPECT_EQ(narrative["revision"]["note"], "fixture");
  EXPECT_FALSE(narrative["revision"]["stored_at"].get<std::string>().empty());
  EXPECT_FALSE(narrative["revision"].contains("source"));  // a path on the importer's machine
  EXPECT_EQ(narrative["provenance"].get<std::string>().rfind("Narrative revision 1, imported ", 0), 0u);
  // A name finds the same narrative; the response is cached with an ETag like the others.
  EXPECT_EQ(GetJson("/api/v1/editions/2021/countries/Kazakhstan/narrative"), narrative);
  HttpReply first = Get("/api/v1/editions/2021/countries/KAZ/narrative");
  ASSERT_FALSE(first.Header("etag").empty());
  EXPECT_EQ(Get("/api/v1/editions/2021/countries/KAZ/narrative", {{"If-None-Match", first.Header("etag")}}).status,
            304);
}

TEST_F(ApiTest, NarrativeMissingIs404) {
  Json none = GetJson("/api/v1/editions/2023/countries/KAZ/narrative", 404);
  EXPECT_EQ(none["error"]["code"], "not_found");
  EXPECT_NE(none["error"]["message"].get<std::string>().find("no narrative is stored for KAZ in edition 2023"),
            std::string::npos);
  EXPECT_EQ(GetJson("/api/v1/editions/2021/countries/UZB/narrative", 404)["error"]["code"], "not_found");
  EXPECT_EQ(GetJson("/api/v1/editions/2021/countries/Kazakstan/narrative", 404)["error"]["suggestions"][0],
            "Kazakhstan");
  EXPECT_EQ(GetJson("/api/v1/editions/1999/countries/KAZ/narrative", 404)["error"]["code"], "not_found");
}

TEST_F(ApiTest, ErrorsAreJson) {
  Json edition = GetJson("/api/v1/editions/1999/ranks", 404);
  EXPECT_EQ(edition["error"]["code"], "not_found");
  EXPECT_NE(edition["error"]["message"].get<std::string>().find("2021"), std::string::npos);
  Json country = GetJson("/api/v1/editions/2021/countries/Kazakstan", 404);
  EXPECT_EQ(country["error"]["suggestions"][0], "Kazakhstan");
  // An unknown measure is not found, as in the CLI (exit 3).
  Json measure = GetJson("/api/v1/editions/2021/ranks?measure=happiness", 404);
  EXPECT_EQ(measure["error"]["code"], "not_found");
  GetJson("/api/v1/editions/2021/scores?measures=criminality,happiness", 404);
  EXPECT_EQ(GetJson("/api/v1/nothing/here", 404)["error"]["code"], "not_found");
  EXPECT_EQ(GetJson("/favicon.ico", 404)["error"]["code"], "not_found");
  EXPECT_EQ(HttpRequest(server_->port(), "POST", "/api/v1/editions").status, 405);
  EXPECT_EQ(GetJson("/api/v1/editions/2021/countries/%zz", 400)["error"]["code"], "bad_request");
}

TEST_F(ApiTest, UnknownQueryParametersAre400AndNeverCached) {
  Json scores = GetJson("/api/v1/editions/2021/scores?x=1", 400);
  EXPECT_EQ(scores["error"]["code"], "unknown_parameter");
  EXPECT_EQ(scores["error"]["message"],
            "unknown query parameter 'x'; expected one of: continent, format, limit, measures, offset, region");
  EXPECT_EQ(GetJson("/api/v1/editions?x=1", 400)["error"]["message"],
            "unknown query parameter 'x': this path takes none");
  GetJson("/api/v1/openapi.json?x=1", 400);
  const size_t entries = server_->api().cache().entries();
  for (int i = 0; i < 20; ++i) GetJson(fmt::format("/api/v1/editions/2021/scores?x={}", i), 400);
  EXPECT_EQ(server_->api().cache().entries(), entries);
  // Documented parameters in another order share the entry.
  GetJson("/api/v1/editions/2021/scores?measures=criminality&continent=Asia");
  GetJson("/api/v1/editions/2021/scores?continent=Asia&measures=criminality");
  EXPECT_EQ(server_->api().cache().entries(), entries + 1);
}

TEST_F(ApiTest, EveryResponseCarriesTheSecurityHeaders) {
  for (const char* target : {"/api/v1/editions", "/api/v1/nothing/here", "/", "/api/v1/rounds"}) {
    const HttpReply reply = Get(target);
    EXPECT_NE(reply.Header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos) << target;
    EXPECT_NE(reply.Header("content-security-policy").find("script-src 'self'"), std::string::npos) << target;
    EXPECT_EQ(reply.Header("x-content-type-options"), "nosniff") << target;
    EXPECT_EQ(reply.Header("referrer-policy"), "same-origin") << target;
  }
  // The HTTP layer's own answers too.
  std::string garbage = RawExchange(server_->port(), "GARBAGE\r\n\r\n");
  for (char& c : garbage) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_NE(garbage.find("x-content-type-options: nosniff"), std::string::npos) << garbage;
}

TEST_F(ApiTest, ErrorsEchoNoMarkup) {
  const HttpReply reply = Get("/api/v1/%3Cscript%3Ealert(1)%3C/script%3E&x");
  EXPECT_EQ(reply.status, 404);
  EXPECT_EQ(reply.body.find('<'), std::string::npos) << reply.body;
  EXPECT_EQ(reply.body.find('&'), std::string::npos) << reply.body;
  // JSON reads the path back as it was sent.
  EXPECT_EQ(Json::parse(reply.body)["error"]["message"], "no such path: /api/v1/<script>alert(1)</script>&x");
}

TEST_F(ApiTest, MalformedRequestsGet400AndOversizedHeaders431) {
  std::string garbage = RawExchange(server_->port(), "GARBAGE\r\n\r\n");
  EXPECT_EQ(garbage.rfind("HTTP/1.1 400", 0), 0u) << garbage;
  EXPECT_NE(garbage.find("\"bad_request\""), std::string::npos);
  std::string version = RawExchange(server_->port(), "GET / HTTP/7.1\r\n\r\n");
  EXPECT_EQ(version.rfind("HTTP/1.1 400", 0), 0u) << version;
  std::string big = RawExchange(server_->port(),
                                "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(9000, 'a') + "\r\n\r\n");
  EXPECT_EQ(big.rfind("HTTP/1.1 431", 0), 0u) << big.substr(0, 100);
  // The server is still serving.
  EXPECT_EQ(Get("/healthz").status, 200);
}

TEST_F(ApiTest, RootExplainsMissingExplorer) {
  Json note = GetJson("/");
  EXPECT_NE(note["note"].get<std::string>().find("not built"), std::string::npos);
}

// OpenAPI: every documented path of the published data answers 200 for its example
// with its schema's keys, and every route the router knows is documented. (The
// workspace's paths need credentials: workspace_api_test.cc calls them. The
// api_contract test validates the bodies against the schemas.)
TEST_F(ApiTest, OpenApiDocumentMatchesTheServer) {
  Json document = GetJson("/api/v1/openapi.json");
  EXPECT_EQ(document["openapi"].get<std::string>().substr(0, 2), "3.");
  // What `ocindex openapi` prints without data (the explorer's types come from it).
  EXPECT_EQ(document, Json::parse(*server::OpenApiDocument()));
  const Json& paths = document["paths"];
  std::set<std::string> documented;
  for (const auto& [pattern, item] : paths.items()) {
    documented.insert(pattern);
    if (!item.contains("get") || item["get"].contains("security")) continue;
    const Json& get = item["get"];
    std::string target = pattern, query;
    for (const Json& param : get["parameters"]) {
      const std::string name = param["name"], example = param["example"];
      if (param["in"] == "path") {
        target.replace(target.find("{" + name + "}"), name.size() + 2, example);
      } else {
        std::string encoded;
        for (char c : example) encoded += c == ' ' ? std::string("%20") : std::string(1, c);
        query += (query.empty() ? "?" : "&") + name + "=" + encoded;
      }
    }
    HttpReply reply = Get(target + query);
    ASSERT_EQ(reply.status, 200) << target + query << ": " << reply.body;
    const Json& content = get["responses"]["200"]["content"];
    if (!content.contains("application/json")) {  // a file: its media type, and a name to save it under
      const std::string type = reply.Header("content-type");
      EXPECT_EQ(type.substr(0, type.find(';')), content.begin().key()) << pattern;
      EXPECT_EQ(reply.Header("content-disposition").rfind("attachment; filename=", 0), 0u) << pattern;
      continue;
    }
    const std::string ref = get["responses"]["200"]["content"]["application/json"]["schema"]["$ref"];
    const Json& schema = document["components"]["schemas"][ref.substr(ref.rfind('/') + 1)];
    Json body = Json::parse(reply.body);
    // Every required key, and optional ones only where documented (a page's total).
    std::set<std::string> keys, required, documented_keys;
    for (const auto& [key, value] : body.items()) keys.insert(key);
    for (const Json& key : schema["required"]) required.insert(key.get<std::string>());
    for (const auto& [key, value] : schema["properties"].items()) documented_keys.insert(key);
    EXPECT_TRUE(std::includes(keys.begin(), keys.end(), required.begin(), required.end())) << pattern;
    EXPECT_TRUE(std::includes(documented_keys.begin(), documented_keys.end(), keys.begin(), keys.end())) << pattern;
    if (get["responses"]["200"]["content"].contains("text/csv")) {
      std::string csv_query = query;  // an explicit ?format= wins over Accept
      if (auto at = csv_query.find("format=json"); at != std::string::npos) csv_query.replace(at, 11, "format=csv");
      HttpReply csv = Get(target + csv_query);
      EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8") << pattern;
    }
  }
  for (const std::string& pattern : server_->api().Patterns()) EXPECT_TRUE(documented.count(pattern)) << pattern;
  EXPECT_EQ(documented.size(), server_->api().Patterns().size());
}

// A replica whose store stops answering says so (a load balancer takes it out); the
// published figures it serves from memory are unaffected.
TEST(ApiHealthTest, StoreThatCannotBeReadIs503) {
  std::string db;
  ApiServer server("/nonexistent", [&db](adapters::Catalog&, TempDir& dir) { db = dir.File("ocindex.db"); });
  ASSERT_TRUE(server.ok());
  // As when its volume goes away: the database and its WAL files are gone.
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::error_code ignored;
    std::filesystem::rename(db + suffix, db + suffix + ".moved", ignored);
  }
  HttpReply health = HttpGet(server.port(), "/api/v1/health");
  EXPECT_EQ(health.status, 503);
  EXPECT_NE(health.body.find("storage_unavailable"), std::string::npos) << health.body;
  EXPECT_EQ(HttpGet(server.port(), "/api/v1/editions").status, 200);
}

// /embed is the explorer's document that other sites may frame (its charts only: the
// explorer refuses other pages there); every other page keeps frame-ancestors 'none'.
TEST(ApiEmbedTest, OnlyTheEmbedDocumentMayBeFramed) {
  TempDir web;
  const std::string index = "<!doctype html><title>explorer</title>";
  ASSERT_TRUE(WriteFile(web.File("index.html"), index).ok());
  ApiServer server(web.path());
  ASSERT_TRUE(server.ok());
  const HttpReply embed = HttpGet(server.port(), "/embed");
  EXPECT_EQ(embed.status, 200);
  EXPECT_EQ(embed.body, index);
  EXPECT_NE(embed.Header("content-security-policy").find("frame-ancestors *"), std::string::npos);
  EXPECT_EQ(embed.Header("content-security-policy").find("'none'; frame"), std::string::npos);
  EXPECT_NE(embed.Header("content-security-policy").find("script-src 'self'"), std::string::npos);
  for (const char* target : {"/", "/index.html", "/embed/", "/embedded"}) {
    EXPECT_NE(HttpGet(server.port(), target).Header("content-security-policy").find("frame-ancestors 'none'"),
              std::string::npos)
        << target;
  }
}

TEST_F(ApiTest, EmbedWithoutExplorerIs404) { EXPECT_EQ(Get("/embed").status, 404); }

}  // namespace
}  // namespace ocindex::test

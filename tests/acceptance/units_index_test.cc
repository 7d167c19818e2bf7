// An index whose units are not countries (municipalities with codes such as
// "MX-09_0002"), imported with its unit list (`import --units`) into SQLite and
// PostgreSQL and served by the API: its ranks, one unit and the uncertainty endpoint.
// A bad unit list, or a row naming a unit the list lacks, changes nothing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "adapters/catalog/importer.h"
#include "adapters/io/framework_toml.h"
#include "adapters/io/text_file.h"
#include "app/engine.h"
#include "faces/server/api.h"
#include "support/store_backends.h"

namespace ocindex::adapters {
namespace {

using Json = nlohmann::json;

// Two pillars of two indicators each, the GOCI's scale and quadrant.
constexpr const char* kFramework = R"([framework]
id = "municipal-2031"
name = "Municipal index 2031"
edition = "2031"

[scale]
min = 1.0
max = 10.0
step = 0.5

[rounding]
decimals = 2
mode = "half-up"

[quadrant]
x = "resilience"
y = "criminality"
threshold = 5.5

[[node]]
id = "criminality"
kind = "pillar"
name = "Criminality"
aggregate = "indicators"

[[node]]
id = "resilience"
kind = "pillar"
name = "Resilience"
aggregate = "indicators"

[[indicator]]
id = "markets"
group = "criminality"
name = "Markets"

[[indicator]]
id = "actors"
group = "criminality"
name = "Actors"

[[indicator]]
id = "governance"
group = "resilience"
name = "Governance"

[[indicator]]
id = "justice"
group = "resilience"
name = "Justice"
)";

constexpr const char* kUnits =
    "code,name,aliases\n"
    "MX-09_0001,Alvaro Obregon,Obregon\n"
    "MX-09_0002,Azcapotzalco,\n"
    "MX-09_0003,Benito Juarez,BJ\n"
    "MX-15_0001,Acambay,\n";

// Azcapotzalco has the highest criminality; the two states are the regions.
constexpr const char* kScores =
    "iso3,country,continent,region,markets,actors,governance,justice\n"
    "MX-09_0001,Alvaro Obregon,Mexico,Mexico City,5,6,4,4.5\n"
    "MX-09_0002,Azcapotzalco,Mexico,Mexico City,8,7.5,3,3\n"
    "MX-09_0003,Benito Juarez,Mexico,Mexico City,3,2.5,7,6.5\n"
    "MX-15_0001,Acambay,Mexico,State of Mexico,6,5,5,5\n";

class UnitsIndexTest : public BackendTest, public ::testing::WithParamInterface<std::string> {
 protected:
  void SetUp() override {
    SetUpBackend(GetParam());
    if (backend_ == nullptr) return;
    ASSERT_TRUE(test::WriteFile(dir_.File("municipal.toml"), kFramework));
    ASSERT_TRUE(test::WriteFile(dir_.File("units.csv"), kUnits));
    ASSERT_TRUE(test::WriteFile(dir_.File("municipal-2031.csv"), kScores));
    ASSERT_TRUE(Catalog::Open(Open()).ok());  // the bundled editions and countries
  }

  ImportOptions Options(const std::string& units = "units.csv") const {
    ImportOptions options;
    options.framework_path = dir_.File("municipal.toml");
    options.units_path = dir_.File(units);
    return options;
  }

  Result<ImportReport> Import(const ImportOptions& options, const std::string& scores = "municipal-2031.csv") {
    auto catalog = Catalog::Open(Open());
    if (!catalog) return catalog.error();
    return ImportFile(*catalog, dir_.File(scores), options);
  }

  // The stored editions and unit codes, to prove a refused import changed nothing.
  std::pair<size_t, size_t> Stored() {
    auto store = Open();
    auto editions = store->ListEditions();
    auto geography = store->LoadGeography();
    EXPECT_TRUE(editions && geography);
    return {editions ? editions->size() : 0, geography ? geography->countries().size() : 0};
  }

  // The API on the store as it is now (nullptr after a failure it reports).
  std::unique_ptr<server::Api> Serve() {
    auto engine = app::Engine::Open(backend_->uri());
    if (!engine || !(*engine)->LoadAll()) {
      ADD_FAILURE() << "the engine did not open on " << backend_->uri();
      return nullptr;
    }
    return std::make_unique<server::Api>(std::move(*engine), "/nonexistent");
  }

  // The error names the file, line and column (`where`) and says what was wrong.
  void ExpectRefused(const ImportOptions& options, const std::string& scores, const std::string& where,
                     const std::string& fragment) {
    const auto before = Stored();
    auto report = Import(options, scores);
    ASSERT_FALSE(report.ok());
    const std::string text = report.error().ToString();
    EXPECT_NE(text.find(where), std::string::npos) << text;
    EXPECT_NE(text.find(fragment), std::string::npos) << text;
    EXPECT_EQ(Stored(), before);
  }

  test::TempDir dir_;
};

http::Response Get(server::Api& api, const std::string& path, std::multimap<std::string, std::string> query = {}) {
  http::Request request;
  request.method = "GET";
  request.path = request.target = path;
  request.query = std::move(query);
  request.remote = "127.0.0.1";
  return api.Handle(request);
}

TEST_P(UnitsIndexTest, ImportsAndServesRanksAUnitAndUncertainty) {
  if (backend_ == nullptr) return;
  const auto [editions, countries] = Stored();
  auto report = Import(Options());
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  ASSERT_EQ(report->editions.size(), 1u);
  EXPECT_EQ(report->editions[0].countries, 4);
  EXPECT_EQ(report->editions[0].status, ImportStatus::kNew);
  EXPECT_EQ(Stored(), std::make_pair(editions + 1, countries + 4));

  // Imported again with a unit more, the figures are unchanged and the unit stored.
  ASSERT_TRUE(test::WriteFile(dir_.File("units-again.csv"), std::string(kUnits) + "MX-15_0002,Acolman,\n"));
  auto again = Import(Options("units-again.csv"));
  ASSERT_TRUE(again.ok()) << again.error().ToString();
  EXPECT_EQ(again->editions[0].status, ImportStatus::kUnchanged);
  EXPECT_EQ(Stored(), std::make_pair(editions + 1, countries + 5));

  auto api = Serve();
  ASSERT_NE(api, nullptr);

  http::Response ranks = Get(*api, "/api/v1/editions/2031/ranks", {{"measure", "criminality"}});
  ASSERT_EQ(ranks.status, 200) << *ranks.body;
  const Json rows = Json::parse(*ranks.body)["rows"];
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0]["iso3"], "MX-09_0002");
  EXPECT_EQ(rows[0]["name"], "Azcapotzalco");

  http::Response unit = Get(*api, "/api/v1/editions/2031/countries/MX-09_0003");
  ASSERT_EQ(unit.status, 200) << *unit.body;
  EXPECT_EQ(Json::parse(*unit.body)["name"], "Benito Juarez");
  EXPECT_EQ(Get(*api, "/api/v1/editions/2031/countries/BJ").status, 200);  // by alias
  EXPECT_EQ(Get(*api, "/api/v1/editions/2031/countries/MX-99_0001").status, 404);

  http::Response uncertainty = Get(*api, "/api/v1/editions/2031/uncertainty");
  ASSERT_EQ(uncertainty.status, 200) << *uncertainty.body;
  const Json body = Json::parse(*uncertainty.body);
  ASSERT_EQ(body["rows"].size(), 4u);
  for (const Json& row : body["rows"]) {
    EXPECT_GE(row["criminality"]["rank_q05"].get<double>(), 1.0) << row["iso3"];
    EXPECT_LE(row["criminality"]["rank_q95"].get<double>(), 4.0) << row["iso3"];
  }

  // The country editions are served as before.
  http::Response kazakhstan = Get(*api, "/api/v1/editions/2021/countries/KAZ");
  ASSERT_EQ(kazakhstan.status, 200) << *kazakhstan.body;
  EXPECT_EQ(Json::parse(*kazakhstan.body)["name"], "Kazakhstan");
}

TEST_P(UnitsIndexTest, ABadUnitListIsRefusedAtItsLineAndChangesNothing) {
  if (backend_ == nullptr) return;
  ASSERT_TRUE(test::WriteFile(dir_.File("bad-code.csv"), "code,name,aliases\nMX-09_0001,Alvaro Obregon,\nmx 2,X,\n"));
  ExpectRefused(Options("bad-code.csv"), "municipal-2031.csv", dir_.File("bad-code.csv") + ", line 3, column 1",
                "'mx 2' is not a unit code");
  // A unit named like another's code: refused at the unit's line.
  ASSERT_TRUE(test::WriteFile(dir_.File("clash.csv"), "code,name,aliases\nMX-09_0001,Alvaro Obregon,\nU1,MX-09_0001,\n"));
  ExpectRefused(Options("clash.csv"), "municipal-2031.csv", dir_.File("clash.csv") + ", line 3",
                "would name both MX-09_0001 (its code) and U1");
  // A unit renaming a stored code.
  ASSERT_TRUE(test::WriteFile(dir_.File("rename.csv"), "code,name,aliases\nKAZ,Kazakh Steppe,\n"));
  ExpectRefused(Options("rename.csv"), "municipal-2031.csv", dir_.File("rename.csv") + ", line 2",
                "not rename them");
}

// Municipalities often share names, and some are named like their country: the
// shared name is refused where a unit must be picked by it, and each unit is found by
// its code; the country keeps its name.
TEST_P(UnitsIndexTest, UnitsThatShareANameAreImportedAndFoundByTheirCodes) {
  if (backend_ == nullptr) return;
  ASSERT_TRUE(test::WriteFile(dir_.File("shared.csv"), "code,name,aliases\n"
                                                       "MX-19_0046,San Pedro,San Pedro Garza Garcia\n"
                                                       "MX-05_0033,San Pedro,\n"
                                                       "MX-09_0001,Mexico,\n"
                                                       "MX-09_0002,Azcapotzalco,\n"));
  ASSERT_TRUE(test::WriteFile(dir_.File("shared-2031.csv"),
                              "iso3,country,continent,region,markets,actors,governance,justice\n"
                              "MX-19_0046,San Pedro,Mexico,Nuevo Leon,3,3,7,7\n"
                              "MX-05_0033,San Pedro,Mexico,Coahuila,6,5,5,5\n"
                              "MX-09_0001,Mexico,Mexico,Mexico City,5,6,4,4.5\n"
                              "MX-09_0002,Azcapotzalco,Mexico,Mexico City,8,7.5,3,3\n"));
  // Picked by name, a shared one is refused at its line and column, naming the codes.
  ASSERT_TRUE(test::WriteFile(dir_.File("by-name.csv"), "country,continent,region,markets,actors,governance,justice\n"
                                                        "Azcapotzalco,Mexico,Mexico City,8,7.5,3,3\n"
                                                        "San Pedro,Mexico,Nuevo Leon,3,3,7,7\n"));
  ExpectRefused(Options("shared.csv"), "by-name.csv", dir_.File("by-name.csv") + ", line 3, column 1",
                "'San Pedro' names 2 units: MX-19_0046 (San Pedro), MX-05_0033 (San Pedro); give a code in an iso3 "
                "column");
  auto report = Import(Options("shared.csv"), "shared-2031.csv");
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_EQ(report->editions[0].countries, 4);

  auto api = Serve();
  ASSERT_NE(api, nullptr);
  http::Response shared = Get(*api, "/api/v1/editions/2031/countries/San Pedro");
  EXPECT_EQ(shared.status, 422) << *shared.body;
  EXPECT_NE(shared.body->find("MX-05_0033 (San Pedro)"), std::string::npos) << *shared.body;
  EXPECT_EQ(Json::parse(*shared.body)["error"]["suggestions"], Json::array({"MX-19_0046", "MX-05_0033"}));
  http::Response coahuila = Get(*api, "/api/v1/editions/2031/countries/MX-05_0033");
  ASSERT_EQ(coahuila.status, 200) << *coahuila.body;
  EXPECT_EQ(Json::parse(*coahuila.body)["region"], "Coahuila");
  EXPECT_EQ(Get(*api, "/api/v1/editions/2031/countries/San Pedro Garza Garcia").status, 200);  // its own alias
  EXPECT_EQ(Get(*api, "/api/v1/editions/2031/countries/MX-09_0001").status, 200);
  // "Mexico" is still the country, which this edition does not hold: the answer names the unit.
  http::Response not_held = Get(*api, "/api/v1/editions/2031/countries/Mexico");
  EXPECT_EQ(not_held.status, 404);
  EXPECT_NE(not_held.body->find("MEX is not assessed in edition 2031; the unit MX-09_0001 (Mexico) is: give its code"),
            std::string::npos)
      << *not_held.body;
  http::Response mexico = Get(*api, "/api/v1/editions/2023/countries/Mexico");
  ASSERT_EQ(mexico.status, 200) << *mexico.body;
  EXPECT_EQ(Json::parse(*mexico.body)["iso3"], "MEX");
}

TEST_P(UnitsIndexTest, ARowNamingAUnitNotListedStoresNeitherTheEditionNorTheList) {
  if (backend_ == nullptr) return;
  ASSERT_TRUE(test::WriteFile(dir_.File("stray.csv"),
                              std::string(kScores) + "MX-15_0002,Acolman,Mexico,State of Mexico,5,5,5,5\n"));
  ExpectRefused(Options(), "stray.csv", dir_.File("stray.csv") + ", line 6, column 1",
                "unknown country code 'MX-15_0002'");
  // Without the list, the units are unknown.
  ImportOptions without = Options();
  without.units_path.clear();
  ExpectRefused(without, "municipal-2031.csv", dir_.File("municipal-2031.csv") + ", line 2, column 1",
                "import --units");
}

TEST_P(UnitsIndexTest, TwoImportsOpenedTogetherKeepBothUnitLists) {
  if (backend_ == nullptr) return;
  std::string framework(kFramework);
  for (size_t at; (at = framework.find("2031")) != std::string::npos;) framework.replace(at, 4, "2032");
  ASSERT_TRUE(test::WriteFile(dir_.File("colombia.toml"), framework));
  ASSERT_TRUE(test::WriteFile(dir_.File("colombia-units.csv"), "code,name,aliases\nCO-05_001,Medellin,\n"));
  ASSERT_TRUE(test::WriteFile(dir_.File("colombia-2032.csv"),
                              "iso3,country,continent,region,markets,actors,governance,justice\n"
                              "CO-05_001,Medellin,Colombia,Antioquia,7,7,4,4\n"));
  const size_t countries = Stored().second;
  // Both read the stored list before either writes.
  auto first = Catalog::Open(Open());
  auto second = Catalog::Open(Open());
  ASSERT_TRUE(first && second);
  ASSERT_TRUE(ImportFile(*first, dir_.File("municipal-2031.csv"), Options()).ok());
  ImportOptions colombia;
  colombia.framework_path = dir_.File("colombia.toml");
  colombia.units_path = dir_.File("colombia-units.csv");
  auto report = ImportFile(*second, dir_.File("colombia-2032.csv"), colombia);
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_EQ(Stored().second, countries + 5);
}

// An index's past is its own editions, by `previous`: the GOCI's, stored alongside, are
// not a municipal index's. A `previous` that leads back to its edition is refused,
// since the engine would follow it for ever (it crashed on one that named itself).
TEST_P(UnitsIndexTest, AnEditionsPastIsItsOwnIndexAndEnds) {
  if (backend_ == nullptr) return;
  const auto framework = [&](const std::string& edition, const std::string& previous) {
    std::string text(kFramework);
    for (size_t at; (at = text.find("2031")) != std::string::npos;) text.replace(at, 4, edition);
    text.replace(text.find("\n[scale]"), 0, "\nprevious = \"" + previous + "\"");
    const std::string path = dir_.File("m-" + edition + ".toml");
    EXPECT_TRUE(test::WriteFile(path, text));
    ImportOptions options = Options();
    options.framework_path = path;
    return options;
  };
  ASSERT_TRUE(Import(Options()).ok());
  auto api = Serve();
  ASSERT_NE(api, nullptr);
  http::Response unit = Get(*api, "/api/v1/editions/2031/countries/MX-09_0002/peers", {{"count", "1"}});
  ASSERT_EQ(unit.status, 200) << *unit.body;
  EXPECT_EQ(Json::parse(*unit.body)["trajectories"]["editions"], Json::array({"2031"}));
  http::Response country = Get(*api, "/api/v1/editions/2023/countries/KAZ/peers", {{"count", "1"}});
  ASSERT_EQ(country.status, 200) << *country.body;
  EXPECT_EQ(Json::parse(*country.body)["trajectories"]["editions"], Json::array({"2021", "2023"}));
  http::Response editions = Get(*api, "/api/v1/editions");
  ASSERT_EQ(editions.status, 200) << *editions.body;
  std::map<int, Json> previous;
  const Json listed = Json::parse(*editions.body);
  for (const Json& e : listed["editions"]) previous[e["edition"].get<int>()] = e["previous"];
  EXPECT_EQ(previous[2023], 2021);
  EXPECT_EQ(previous[2031], nullptr);

  ExpectRefused(framework("2034", "2034"), "municipal-2031.csv", dir_.File("m-2034.toml"),
                "edition 2034's previous editions lead back to it (2034 → 2034)");
  auto first = Import(framework("2032", "2033"));  // 2033 is not stored yet
  ASSERT_TRUE(first.ok()) << first.error().ToString();
  ExpectRefused(framework("2033", "2032"), "municipal-2031.csv", dir_.File("m-2033.toml"),
                "edition 2033's previous editions lead back to it (2033 → 2032 → 2033)");

  // One stored before the importer refused it is served, its past cut where it loops.
  {
    auto store = Open();
    auto unit_scores = store->LoadEdition("2031");
    auto toml = io::ReadTextFile(dir_.File("m-2034.toml"));
    ASSERT_TRUE(unit_scores.ok() && toml.ok());
    auto looping = io::ParseFramework(*toml, "m-2034.toml");
    ASSERT_TRUE(looping.ok()) << looping.error().ToString();
    unit_scores->dataset.edition = "2034";
    Status saved = store->SaveEditions({{*looping, *toml, unit_scores->dataset, "test", {}}}, false);
    ASSERT_TRUE(saved.ok()) << saved.error().ToString();
  }
  auto again = Serve();
  ASSERT_NE(again, nullptr);
  http::Response looped = Get(*again, "/api/v1/editions/2034/countries/MX-09_0002/peers", {{"count", "1"}});
  ASSERT_EQ(looped.status, 200) << *looped.body;
  EXPECT_EQ(Json::parse(*looped.body)["trajectories"]["editions"], Json::array({"2034"}));
}

INSTANTIATE_TEST_SUITE_P(Backends, UnitsIndexTest, ::testing::Values("sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace ocindex::adapters

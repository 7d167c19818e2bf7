#include "core/model/geography.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace ocindex::core {
namespace {

std::vector<Country> SomeCountries() {
  return {
      {"STP", "São Tomé and Príncipe", {}},
      {"COD", "Democratic Republic of the Congo", {"Congo, Dem. Rep.", "DRC", "Congo (Kinshasa)"}},
      {"COG", "Republic of the Congo", {"Congo, Rep.", "Congo (Brazzaville)"}},
      {"KAZ", "Kazakhstan", {}},
      {"CIV", "Côte d'Ivoire", {"Ivory Coast"}},
      {"TUR", "Türkiye", {"Turkey"}},
      {"CUW", "Curaçao", {}},
      {"LBY", "Libya", {"Libyan Arab Jamahiriya"}},
  };
}

Geography Built() {
  auto geography = Geography::Build(SomeCountries());
  EXPECT_TRUE(geography.ok()) << geography.error().ToString();
  return geography.ok() ? *geography : Geography();
}

std::string IsoOf(const Geography& geography, std::string_view query) {
  const Country* country = geography.Find(query);
  return country == nullptr ? "(none)" : country->iso3;
}

// ---------------------------------------------------------------- NormalizeName

TEST(NormalizeNameTest, FoldsCaseAccentsAndPunctuation) {
  EXPECT_EQ(NormalizeName("São Tomé and Príncipe"), "sao tome and principe");
  EXPECT_EQ(NormalizeName("SÃO TOMÉ AND PRÍNCIPE"), "sao tome and principe");
  EXPECT_EQ(NormalizeName("Congo, Dem. Rep."), "congo dem rep");
  EXPECT_EQ(NormalizeName("  Congo ,  Dem,  Rep, "), "congo dem rep");
  EXPECT_EQ(NormalizeName("Côte d'Ivoire"), "cote d ivoire");
  EXPECT_EQ(NormalizeName("Côte d’Ivoire"), "cote d ivoire");  // typographic apostrophe
  EXPECT_EQ(NormalizeName("Türkiye"), "turkiye");
  EXPECT_EQ(NormalizeName("Curaçao"), "curacao");
  EXPECT_EQ(NormalizeName("Guinea-Bissau"), "guinea bissau");
  EXPECT_EQ(NormalizeName("cod"), "cod");
  EXPECT_EQ(NormalizeName(""), "");
  EXPECT_EQ(NormalizeName(" ,. "), "");
}

// ---------------------------------------------------------------- Find

TEST(GeographyFindTest, ByIso3NameOrAliasIgnoringCase) {
  const Geography g = Built();
  EXPECT_EQ(IsoOf(g, "COD"), "COD");
  EXPECT_EQ(IsoOf(g, "cod"), "COD");
  EXPECT_EQ(IsoOf(g, "DRC"), "COD");
  EXPECT_EQ(IsoOf(g, "drc"), "COD");
  EXPECT_EQ(IsoOf(g, "democratic republic of the congo"), "COD");
  EXPECT_EQ(IsoOf(g, "KAZAKHSTAN"), "KAZ");
  EXPECT_EQ(IsoOf(g, "Turkey"), "TUR");
  EXPECT_EQ(IsoOf(g, "ivory coast"), "CIV");
  EXPECT_EQ(IsoOf(g, "Libyan Arab Jamahiriya"), "LBY");
}

TEST(GeographyFindTest, IgnoresAccents) {
  const Geography g = Built();
  EXPECT_EQ(IsoOf(g, "Sao Tome and Principe"), "STP");
  EXPECT_EQ(IsoOf(g, "SAO TOME AND PRINCIPE"), "STP");
  EXPECT_EQ(IsoOf(g, "São Tomé and Príncipe"), "STP");
  EXPECT_EQ(IsoOf(g, "Cote d'Ivoire"), "CIV");
  EXPECT_EQ(IsoOf(g, "Côte d’Ivoire"), "CIV");
  EXPECT_EQ(IsoOf(g, "Turkiye"), "TUR");
  EXPECT_EQ(IsoOf(g, "Curacao"), "CUW");
}

TEST(GeographyFindTest, IgnoresPunctuation) {
  const Geography g = Built();
  EXPECT_EQ(IsoOf(g, "Congo, Dem, Rep,"), "COD");
  EXPECT_EQ(IsoOf(g, "Congo Dem Rep"), "COD");
  EXPECT_EQ(IsoOf(g, "congo - dem. rep."), "COD");
  EXPECT_EQ(IsoOf(g, "Congo (Kinshasa)"), "COD");
  // The two Congos stay apart.
  EXPECT_EQ(IsoOf(g, "Congo, Rep,"), "COG");
  EXPECT_EQ(IsoOf(g, "Congo Brazzaville"), "COG");
}

TEST(GeographyFindTest, UnknownOrEmptyFindsNothing) {
  const Geography g = Built();
  EXPECT_EQ(g.Find("Congo"), nullptr);
  EXPECT_EQ(g.Find("Atlantis"), nullptr);
  EXPECT_EQ(g.Find(""), nullptr);
  EXPECT_EQ(g.Find(" ., "), nullptr);
  EXPECT_EQ(g.Find("KA"), nullptr);
}

TEST(GeographyFindTest, ReturnsTheStoredCountry) {
  const Geography g = Built();
  const Country* stp = g.Find("sao tome and principe");
  ASSERT_NE(stp, nullptr);
  EXPECT_EQ(stp->name, "São Tomé and Príncipe");
  EXPECT_EQ(g.countries().size(), 8u);
}

// ---------------------------------------------------------------- Build

TEST(GeographyBuildTest, RejectsAnAliasNamingTwoCountries) {
  std::vector<Country> countries = SomeCountries();
  countries[2].aliases.push_back("DRC");  // COG claims COD's alias
  auto built = Geography::Build(countries);
  ASSERT_FALSE(built.ok());
  EXPECT_EQ(built.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(built.error().message.find("COD"), std::string::npos) << built.error().message;
  EXPECT_NE(built.error().message.find("COG"), std::string::npos) << built.error().message;
}

TEST(GeographyBuildTest, RejectsAnAliasThatOnlyDiffersByCaseOrPunctuationFromAnotherCountry) {
  std::vector<Country> countries = SomeCountries();
  countries[2].aliases.push_back("congo dem rep");  // same key as COD's "Congo, Dem. Rep."
  EXPECT_FALSE(Geography::Build(countries).ok());
}

TEST(GeographyBuildTest, RejectsAnAliasEqualToAnotherCountrysIso3) {
  std::vector<Country> countries = SomeCountries();
  countries[3].aliases.push_back("lby");
  EXPECT_FALSE(Geography::Build(countries).ok());
}

TEST(GeographyBuildTest, RejectsADuplicateIso3) {
  std::vector<Country> countries = SomeCountries();
  countries.push_back({"KAZ", "Kazakh Republic", {}});
  EXPECT_FALSE(Geography::Build(countries).ok());
}

TEST(GeographyBuildTest, RejectsAMalformedUnitCode) {
  for (const char* code : {"", "kaz", "Kaz", "K Z", "KÄ", "K.Z", "U00000000000000001"}) {
    std::vector<Country> countries = SomeCountries();
    countries[3].iso3 = code;
    auto built = Geography::Build(countries);
    ASSERT_FALSE(built.ok()) << "'" << code << "'";
    EXPECT_EQ(built.error().code, ErrorCode::kInvalidInput);
  }
}

TEST(GeographyBuildTest, TakesUnitCodesWiderThanIso3) {
  std::vector<Country> countries = SomeCountries();
  countries.push_back({"MX-09_0001", "Alvaro Obregon", {}});
  countries.push_back({"U0000001", "Unit 1", {}});
  countries.push_back({"A", "Acme Ltd", {}});
  auto built = Geography::Build(countries);
  ASSERT_TRUE(built.ok()) << built.error().ToString();
  EXPECT_EQ(IsoOf(*built, "mx-09_0001"), "MX-09_0001");
  EXPECT_EQ(IsoOf(*built, "U0000001"), "U0000001");
}

TEST(GeographyBuildTest, NamesTheEntryWhereGiven) {
  std::vector<Country> countries = SomeCountries();
  countries.push_back({"U1", "Unit 1", {"kaz"}});
  std::vector<std::string> where(countries.size(), "elsewhere");
  where.back() = "units.csv, line 2";
  auto built = Geography::Build(countries, where);
  ASSERT_FALSE(built.ok());
  EXPECT_EQ(built.error().where, "units.csv, line 2");
}

TEST(UnitCodeTest, Iso3IsThreeCapitalsAndAUnitCodeIsWider) {
  for (const char* code : {"KAZ", "COD"}) EXPECT_TRUE(IsIso3Code(code)) << code;
  for (const char* code : {"", "KA", "KAZA", "kaz", "K4Z", "K Z", "KÄ"}) EXPECT_FALSE(IsIso3Code(code)) << code;
  for (const char* code : {"KAZ", "A", "K4Z", "MX-09_0001", "ABCDEFGHIJKLMNOP"}) EXPECT_TRUE(IsUnitCode(code)) << code;
  for (const char* code : {"", "kaz", "K Z", "K.Z", "ABCDEFGHIJKLMNOPQ"}) EXPECT_FALSE(IsUnitCode(code)) << code;
}

// ---------------------------------------------------------------- With

TEST(GeographyWithTest, AddsUnitsAfterTheListedOnes) {
  auto listed = Geography::Build(SomeCountries());
  ASSERT_TRUE(listed.ok());
  auto with = listed->With({{"MUN-001", "Valle Alto", {"Valle"}}}, {"units.csv, line 2"});
  ASSERT_TRUE(with.ok()) << with.error().ToString();
  EXPECT_EQ(with->countries().size(), SomeCountries().size() + 1);
  EXPECT_EQ(IsoOf(*with, "valle"), "MUN-001");
  EXPECT_EQ(IsoOf(*with, "Kazakhstan"), "KAZ");
}

TEST(GeographyWithTest, RestatesAListedUnitWithItsNewAliases) {
  auto listed = Geography::Build({{"MUN-001", "Valle Alto", {"Valle"}}});
  ASSERT_TRUE(listed.ok());
  auto with = listed->With({{"MUN-001", "Valle Alto", {"VA"}}}, {"units.csv, line 2"});
  ASSERT_TRUE(with.ok()) << with.error().ToString();
  ASSERT_EQ(with->countries().size(), 1u);
  EXPECT_EQ(IsoOf(*with, "va"), "MUN-001");
  EXPECT_EQ(with->Find("Valle"), nullptr);
}

TEST(GeographyWithTest, RefusesToRenameAListedCode) {
  auto listed = Geography::Build(SomeCountries());
  ASSERT_TRUE(listed.ok());
  auto with = listed->With({{"KAZ", "Kazakh Steppe", {}}}, {"units.csv, line 4"});
  ASSERT_FALSE(with.ok());
  EXPECT_EQ(with.error().code, ErrorCode::kConflict);
  EXPECT_EQ(with.error().where, "units.csv, line 4");
  EXPECT_NE(with.error().message.find("Kazakhstan"), std::string::npos) << with.error().message;
}

TEST(GeographyWithTest, KeepsThreeCapitalsForCountries) {
  auto listed = Geography::Build(SomeCountries());
  ASSERT_TRUE(listed.ok());
  auto with = listed->With({{"ACM", "Acme Ltd", {}}}, {"units.csv, line 2"});
  ASSERT_FALSE(with.ok());
  EXPECT_EQ(with.error().where, "units.csv, line 2");
  EXPECT_NE(with.error().message.find("ISO 3166"), std::string::npos) << with.error().message;
  EXPECT_TRUE(listed->With({{"ACM1", "Acme Ltd", {}}}, {"units.csv, line 2"}).ok());
}

TEST(GeographyWithTest, CountriesLeaveOutTheUnits) {
  auto listed = Geography::Build(SomeCountries());
  ASSERT_TRUE(listed.ok());
  auto with = listed->With({{"MUN-001", "Victoria", {}}}, {"units.csv, line 2"});
  ASSERT_TRUE(with.ok());
  auto countries = with->Countries();
  ASSERT_TRUE(countries.ok());
  EXPECT_EQ(countries->countries().size(), SomeCountries().size());
  EXPECT_EQ(countries->Find("Victoria"), nullptr);
  EXPECT_EQ(IsoOf(*countries, "Kazakhstan"), "KAZ");
}

TEST(GeographyWithTest, AUnitNamedLikeAListedCountryLeavesTheNameToTheCountry) {
  auto listed = Geography::Build(SomeCountries());
  ASSERT_TRUE(listed.ok());
  // A department named like its country, as Guatemala's is.
  auto with = listed->With({{"U1", "Unit 1", {}}, {"U2", "Libya", {"Tripolitania"}}}, {"u.csv, line 2", "u.csv, line 3"});
  ASSERT_TRUE(with.ok()) << with.error().ToString();
  EXPECT_EQ(IsoOf(*with, "Libya"), "LBY");
  EXPECT_EQ(IsoOf(*with, "U2"), "U2");
  EXPECT_EQ(IsoOf(*with, "Tripolitania"), "U2");
  ASSERT_EQ(with->Named("libya").size(), 1u);
  EXPECT_EQ(with->Named("libya").front()->iso3, "LBY");
  ASSERT_EQ(with->AlsoNamed("Libya").size(), 1u);
  EXPECT_EQ(with->AlsoNamed("Libya").front()->iso3, "U2");
  EXPECT_TRUE(with->AlsoNamed("Kazakhstan").empty());
}

TEST(GeographyWithTest, UnitsMayShareANameThatThenFindsNeither) {
  auto listed = Geography::Build(SomeCountries());
  ASSERT_TRUE(listed.ok());
  auto with = listed->With({{"US-IL-SPR", "Springfield", {}}, {"US-MA-SPR", "Springfield", {"Springfield MA"}},
                            {"US-MO-SPR", "Springfield", {}}},
                           {"u.csv, line 2", "u.csv, line 3", "u.csv, line 4"});
  ASSERT_TRUE(with.ok()) << with.error().ToString();
  EXPECT_EQ(with->Find("springfield"), nullptr);
  std::vector<std::string> codes;
  for (const Country* unit : with->Named("Springfield")) codes.push_back(unit->iso3);
  EXPECT_EQ(codes, (std::vector<std::string>{"US-IL-SPR", "US-MA-SPR", "US-MO-SPR"}));
  // Each is found by its code, and by a name of its own.
  EXPECT_EQ(IsoOf(*with, "us-mo-spr"), "US-MO-SPR");
  EXPECT_EQ(IsoOf(*with, "Springfield, MA"), "US-MA-SPR");
  EXPECT_EQ(SharedNameMessage("Springfield", with->Named("Springfield")),
            "'Springfield' names 3 units: US-IL-SPR (Springfield), US-MA-SPR (Springfield), US-MO-SPR (Springfield); "
            "give a code");
  EXPECT_TRUE(with->Named("Shelbyville").empty());
}

TEST(GeographyWithTest, ACountryTakesANameUnitsShared) {
  // Listed in this order, the units share "Libya" before the country claims it.
  std::vector<Country> entries{{"U1", "Libya", {}}, {"U2", "Libya", {}}, {"LBY", "Libya", {}}};
  auto built = Geography::Build(entries);
  ASSERT_TRUE(built.ok()) << built.error().ToString();
  EXPECT_EQ(IsoOf(*built, "Libya"), "LBY");
  EXPECT_EQ(built->Named("Libya").size(), 1u);
  std::vector<std::string> also;
  for (const Country* unit : built->AlsoNamed("Libya")) also.push_back(unit->iso3);
  EXPECT_EQ(also, (std::vector<std::string>{"U1", "U2"}));
}

TEST(GeographyWithTest, ANameStillMayNotBeAnotherUnitsCode) {
  auto built = Geography::Build({{"U1", "Unit 1", {}}, {"U2", "Unit 2", {"u1"}}}, {"u.csv, line 2", "u.csv, line 3"});
  ASSERT_FALSE(built.ok());
  EXPECT_EQ(built.error().where, "u.csv, line 3");
  EXPECT_NE(built.error().message.find("would name both U1 (its code) and U2"), std::string::npos)
      << built.error().message;
}

TEST(GeographyBuildTest, AllowsAnAliasEqualToItsOwnNameInAnotherCase) {
  std::vector<Country> countries = SomeCountries();
  countries[3].aliases = {"KAZAKHSTAN", "kazakhstan.", "KAZ"};
  auto built = Geography::Build(countries);
  ASSERT_TRUE(built.ok()) << built.error().ToString();
  EXPECT_EQ(IsoOf(*built, "Kazakhstan"), "KAZ");
}

TEST(GeographyBuildTest, EmptyGeographyFindsNothing) {
  auto built = Geography::Build({});
  ASSERT_TRUE(built.ok());
  EXPECT_EQ(built->Find("Libya"), nullptr);
  EXPECT_TRUE(built->Suggest("Libya").empty());
}

// ---------------------------------------------------------------- Search

std::vector<std::string> Found(const Geography& geography, std::string_view query) {
  std::vector<std::string> out;
  for (const Geography::Match& match : geography.Search(query)) out.push_back(match.country->iso3 + ":" + match.matched);
  return out;
}

TEST(GeographySearchTest, FoldsAccentsAndKnowsAliases) {
  const Geography g = Built();
  EXPECT_EQ(Found(g, "turkey"), std::vector<std::string>{"TUR:Turkey"});
  EXPECT_EQ(Found(g, "Turkiye"), std::vector<std::string>{"TUR:Türkiye"});
  EXPECT_EQ(Found(g, "tür"), std::vector<std::string>{"TUR:Türkiye"});
  EXPECT_EQ(Found(g, "ivory"), std::vector<std::string>{"CIV:Ivory Coast"});
  EXPECT_EQ(Found(g, "sao tome"), std::vector<std::string>{"STP:São Tomé and Príncipe"});
  EXPECT_EQ(Found(g, "kaz"), std::vector<std::string>{"KAZ:Kazakhstan"});
}

TEST(GeographySearchTest, RanksEqualThenPrefixThenWordThenInside) {
  const Geography g = Built();
  // Both Congos: "Congo, Rep." starts with the query (COG), the Democratic Republic has
  // an alias that does too ("Congo, Dem. Rep."): both prefix matches, by name.
  EXPECT_EQ(Found(g, "congo"), (std::vector<std::string>{"COD:Congo, Dem. Rep.", "COG:Congo, Rep."}));
  // "libyan" is a prefix of an alias; "arab" a word inside it.
  EXPECT_EQ(Found(g, "arab"), std::vector<std::string>{"LBY:Libyan Arab Jamahiriya"});
  EXPECT_EQ(Found(g, "LBY"), std::vector<std::string>{"LBY:Libya"});
  // "rac" is inside Curaçao's folded name ("curacao") only: last.
  EXPECT_EQ(Found(g, "rac"), std::vector<std::string>{"CUW:Curaçao"});
}

TEST(GeographySearchTest, EmptyOrUnknownFindsNothing) {
  const Geography g = Built();
  EXPECT_TRUE(g.Search("").empty());
  EXPECT_TRUE(g.Search("  ,. ").empty());
  EXPECT_TRUE(g.Search("narnia").empty());
}

// ---------------------------------------------------------------- Suggest

bool Contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

TEST(GeographySuggestTest, ProposesCloseNames) {
  const Geography g = Built();
  std::vector<std::string> suggestions = g.Suggest("Kazakstan");
  ASSERT_FALSE(suggestions.empty());
  EXPECT_EQ(suggestions.front(), "Kazakhstan");
  EXPECT_TRUE(Contains(g.Suggest("Lybia"), "Libya"));
}

TEST(GeographySuggestTest, ProposesTheCountryNameWhenAnAliasIsClose) {
  const Geography g = Built();
  std::vector<std::string> suggestions = g.Suggest("Turky");
  ASSERT_FALSE(suggestions.empty());
  EXPECT_EQ(suggestions.front(), "Türkiye");
}

TEST(GeographySuggestTest, APrefixIsAStrongHint) {
  const Geography g = Built();
  EXPECT_TRUE(Contains(g.Suggest("kazak"), "Kazakhstan"));
}

TEST(GeographySuggestTest, ListsEachCountryOnceAndRespectsTheLimit) {
  const Geography g = Built();
  // "Congo" is close to several keys of both Congos.
  std::vector<std::string> suggestions = g.Suggest("Congo, Rep", 5);
  EXPECT_LE(suggestions.size(), 5u);
  for (const std::string& name : suggestions) {
    EXPECT_EQ(std::count(suggestions.begin(), suggestions.end(), name), 1) << name;
  }
  EXPECT_EQ(g.Suggest("Kazakstan", 1).size(), 1u);
  EXPECT_TRUE(g.Suggest("Kazakstan", 0).empty());
}

TEST(GeographySuggestTest, FarQueriesGetNoSuggestion) {
  const Geography g = Built();
  EXPECT_TRUE(g.Suggest("Zzyzx Qwerty").empty());
}

}  // namespace
}  // namespace ocindex::core

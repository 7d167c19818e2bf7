// The unit list of `ocindex import --units` and the country list: each bad row is
// refused at its file, line and column, saying what was expected.
#include <gtest/gtest.h>

#include "adapters/io/geography_csv.h"

namespace ocindex::adapters::io {
namespace {

void ExpectRefused(const Result<UnitList>& list, const std::string& where, const std::string& fragment) {
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(list.error().where, where);
  EXPECT_NE(list.error().message.find(fragment), std::string::npos) << list.error().message;
}

TEST(UnitsCsv, ReadsCodesNamesAndAliasesWithTheirLines) {
  auto list = ParseUnitsCsv("code,name,aliases\nMX-09_0001,Alvaro Obregon,AO|Obregon\nU2,Unit 2,\n", "units.csv");
  ASSERT_TRUE(list.ok()) << list.error().ToString();
  const std::vector<core::Country>& units = list->units.countries();
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0].iso3, "MX-09_0001");
  EXPECT_EQ(units[0].aliases, (std::vector<std::string>{"AO", "Obregon"}));
  EXPECT_TRUE(units[1].aliases.empty());
  EXPECT_EQ(list->units.Find("obregon"), &units[0]);
  EXPECT_EQ(list->where, (std::vector<std::string>{"units.csv, line 2", "units.csv, line 3"}));
}

TEST(UnitsCsv, RefusesAMalformedCodeAtItsLineAndColumn) {
  ExpectRefused(ParseUnitsCsv("code,name,aliases\nU1,Unit 1,\nu 2,Unit 2,\n", "units.csv"),
                "units.csv, line 3, column 1", "'u 2' is not a unit code: expected 1 to 16 of A-Z, 0-9");
  ExpectRefused(ParseUnitsCsv("code,name,aliases\nABCDEFGHIJKLMNOPQ,Long,\n", "units.csv"),
                "units.csv, line 2, column 1", "is not a unit code");
}

TEST(UnitsCsv, RefusesAMissingName) {
  ExpectRefused(ParseUnitsCsv("code,name,aliases\nU1,,\n", "units.csv"), "units.csv, line 2, column 2",
                "missing name: expected code,name,aliases");
  ExpectRefused(ParseUnitsCsv("code,name,aliases\nU1\n", "units.csv"), "units.csv, line 2, column 2", "missing name");
}

TEST(UnitsCsv, RefusesAnotherHeader) {
  ExpectRefused(ParseUnitsCsv("iso3,name,aliases\nU1,Unit 1,\n", "units.csv"), "units.csv, line 1",
                "expected the header code,name,aliases");
  auto empty = ParseUnitsCsv("", "units.csv");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.error().ToString().find("units.csv"), std::string::npos) << empty.error().ToString();
}

TEST(UnitsCsv, RefusesACodeOfTwoUnitsAtTheSecondOnesLine) {
  ExpectRefused(ParseUnitsCsv("code,name,aliases\nU1,Unit 1,\nU2,Unit 2,\nU1,Unit 3,\n", "units.csv"),
                "units.csv, line 4", "the code U1 names two entries: units.csv, line 2 and this one");
  ExpectRefused(ParseUnitsCsv("code,name,aliases\nU1,Springfield,\nU2,Unit 2,u1\n", "units.csv"),
                "units.csv, line 3", "'u1' would name both U1 (its code) and U2");
}

TEST(UnitsCsv, TakesUnitsThatShareAName) {
  auto units = ParseUnitsCsv("code,name,aliases\nU1,Springfield,\nU2,Unit 2,springfield\n", "units.csv");
  ASSERT_TRUE(units.ok()) << units.error().ToString();
  EXPECT_EQ(units->units.Named("Springfield").size(), 2u);
}

TEST(GeographyCsv, CountriesKeepIso3Codes) {
  auto geography = ParseGeographyCsv("iso3,name,aliases\nKAZ,Kazakhstan,\nU0000001,Unit 1,\n", "countries.csv");
  ASSERT_FALSE(geography.ok());
  EXPECT_EQ(geography.error().where, "countries.csv, line 3, column 1");
  EXPECT_NE(geography.error().message.find("ISO 3166 alpha-3"), std::string::npos) << geography.error().message;
  EXPECT_TRUE(ParseGeographyCsv("iso3,name,aliases\nKAZ,Kazakhstan,Qazaqstan\n", "countries.csv").ok());
}

}  // namespace
}  // namespace ocindex::adapters::io

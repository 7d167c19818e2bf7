// The application layer on the bundled editions: query validation, the ordering,
// filter and label rules both faces share, and the error table.
#include <gtest/gtest.h>

#include <tuple>

#include <set>

#include "app/aggregates_query.h"
#include "app/changes_query.h"
#include "app/compare_query.h"
#include "app/country_query.h"
#include "app/engine.h"
#include "app/error_disposition.h"
#include "app/labels.h"
#include "app/ranks_query.h"
#include "app/scores_query.h"
#include "app/uncertainty_query.h"
#include "core/model/lookup.h"
#include "support/app_engine.h"
#include "support/fixtures.h"

namespace ocindex::app {
namespace {

class AppTest : public test::AppEngineTest {
 protected:
  static void SetUpTestSuite() { OpenEngine(); }
};

TEST(ErrorDisposition, EveryCodeHasAnExitCodeAndAnHttpStatus) {
  std::set<int> statuses;
  for (int c = static_cast<int>(ErrorCode::kInvalidInput); c <= static_cast<int>(ErrorCode::kInternal); ++c) {
    const ErrorDisposition d = DispositionOf(static_cast<ErrorCode>(c));
    EXPECT_NE(d.exit_code, kExitOk) << c;
    EXPECT_NE(d.exit_code, kExitUsage) << c;
    EXPECT_GE(d.http_status, 400) << c;
    EXPECT_NE(std::string(d.api_code), "") << c;
    statuses.insert(d.http_status);
  }
  EXPECT_EQ(DispositionOf(ErrorCode::kInvalidInput).http_status, 422);
  EXPECT_EQ(DispositionOf(ErrorCode::kNotFound).http_status, 404);
  EXPECT_EQ(DispositionOf(ErrorCode::kConflict).http_status, 409);
  EXPECT_EQ(DispositionOf(ErrorCode::kUnsupported).http_status, 501);
  EXPECT_EQ(DispositionOf(ErrorCode::kInternal).http_status, 500);
  EXPECT_EQ(DispositionOf(ErrorCode::kInvalidInput).exit_code, kExitInvalidInput);
  EXPECT_EQ(DispositionOf(ErrorCode::kNotFound).exit_code, kExitNotFound);
  EXPECT_EQ(DispositionOf(ErrorCode::kConflict).exit_code, kExitConflict);
  EXPECT_EQ(DispositionOf(ErrorCode::kInternal).exit_code, kExitInternal);
  EXPECT_GE(statuses.size(), 6u);  // only kCorrupt and kInternal share 500
}

TEST(Labels, RanksAndChangesReadTheSameEverywhere) {
  EXPECT_EQ(RankLabel(core::Rank{20, 193, true}), "=20/193");
  EXPECT_EQ(RankLabel(core::Rank{133, 193, false}), "133/193");
  EXPECT_FALSE(RankLabel(core::Rank{}));
  EXPECT_EQ(RankChange(core::Rank{10, 193, false}, core::Rank{7, 193, false}), 3);
  EXPECT_EQ(RankChangeLabel(core::Rank{7, 193, false}, core::Rank{10, 193, false}), "-3");
  EXPECT_FALSE(RankChange(core::Rank{}, core::Rank{7, 193, false}));
  EXPECT_EQ(SignedUnits(21, 2), "+0.21");
  EXPECT_EQ(SignedUnits(-5, 2), "-0.05");
  EXPECT_EQ(SignedUnits(0, 2), "0.00");
  EXPECT_EQ(Units(450, 2), "4.50");
  EXPECT_EQ(QuadrantLabel(std::nullopt), "not classified");
}

TEST(Validate, RejectsWhatNoEditionCouldAnswer) {
  EXPECT_EQ((RanksQuery{"", "criminality", "galaxy", {}}.Validate().error().code), ErrorCode::kInvalidInput);
  EXPECT_EQ((RanksQuery{"", "", "world", {}}.Validate().error().code), ErrorCode::kInvalidInput);
  EXPECT_TRUE(RanksQuery{}.Validate().ok());
  ChangesQuery sideways;
  sideways.basis = "sideways";
  EXPECT_EQ(sideways.Validate().error().code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(ChangesQuery{}.Validate().ok());
  EXPECT_EQ((CompareQuery{"", {"KAZ"}}.Validate().error().code), ErrorCode::kInvalidInput);
  EXPECT_EQ((CompareQuery{"", {"A", "B", "C", "D", "E", "F"}}.Validate().error().code), ErrorCode::kInvalidInput);
  EXPECT_TRUE((CompareQuery{"", {"KAZ", "UZB"}}.Validate().ok()));
  EXPECT_EQ((AggregatesQuery{"", {}, "planet"}.Validate().error().code), ErrorCode::kInvalidInput);
  EXPECT_EQ(CountryQuery{}.Validate().error().code, ErrorCode::kInvalidInput);
  UncertaintyQuery bootstrap;
  bootstrap.spec.expert_bootstrap = core::uncertainty::ExpertBootstrap{};
  EXPECT_EQ(bootstrap.Validate().error().code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(UncertaintyQuery{}.Validate().ok());
}

TEST_F(AppTest, EditionsResolveByIdOrLatest) {
  ASSERT_FALSE(engine_->edition_ids().empty());
  auto latest = engine_->Edition("latest");
  ASSERT_TRUE(latest.ok());
  EXPECT_EQ((*latest)->id, engine_->edition_ids().back());
  EXPECT_EQ(*engine_->Edition(""), *latest);
  auto y2023 = engine_->Edition("2023");
  ASSERT_TRUE(y2023.ok());
  ASSERT_NE((*y2023)->previous, nullptr);
  EXPECT_EQ((*y2023)->previous->id, "2021");
  auto missing = engine_->Edition("1999");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_NE(missing.error().message.find("2021"), std::string::npos) << missing.error().message;
}

TEST_F(AppTest, RanksOrderByRankThenNameWithUnrankedLast) {
  auto table = Ranks(*engine_, RanksQuery{"2021", "criminality", "world", {}});
  ASSERT_TRUE(table.ok()) << table.error().ToString();
  ASSERT_EQ(table->rows.size(), 193u);
  for (size_t r = 1; r < table->rows.size(); ++r) {
    const core::Rank& before = table->RankInScope(table->rows[r - 1]);
    const core::Rank& now = table->RankInScope(table->rows[r]);
    if (now.position == 0) continue;
    ASSERT_NE(before.position, 0) << "an unranked row before a ranked one";
    EXPECT_LE(before.position, now.position);
    if (before.position == now.position) {
      EXPECT_LT(table->rows[r - 1].name, table->rows[r].name);
    }
  }
}

TEST_F(AppTest, RanksInARegionScopeGroupTheRegions) {
  auto table = Ranks(*engine_, RanksQuery{"2021", "criminality", "region", PlaceFilter{"Asia", ""}});
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->rows.size(), 46u);
  for (size_t r = 1; r < table->rows.size(); ++r) {
    EXPECT_LE(table->rows[r - 1].country->region, table->rows[r].country->region);
    EXPECT_EQ(table->rows[r].country->continent, "Asia");
  }
  EXPECT_EQ(Ranks(*engine_, RanksQuery{"2021", "happiness", "world", {}}).error().code, ErrorCode::kNotFound);
}

TEST_F(AppTest, PlaceFilterIgnoresCase) {
  const core::CountryEntry kaz{"KAZ", "Kazakhstan", "Asia", "Central Asia and the Caucasus"};
  EXPECT_TRUE((PlaceFilter{"asia", ""}.Keeps(kaz)));
  EXPECT_TRUE((PlaceFilter{"", "central asia and the caucasus"}.Keeps(kaz)));
  EXPECT_FALSE((PlaceFilter{"Europe", ""}.Keeps(kaz)));
  EXPECT_TRUE(PlaceFilter{}.Keeps(kaz));
}

TEST_F(AppTest, ChangesPutTheBiggestRiseFirstAndMissingChangesLast) {
  for (const char* basis : {"raw", "like-for-like"}) {
    ChangesQuery query;
    query.to = "2023";
    query.basis = basis;
    auto table = Changes(*engine_, query);
    ASSERT_TRUE(table.ok()) << table.error().ToString();
    EXPECT_EQ(table->before->id, "2021");  // the framework's previous edition
    ASSERT_FALSE(table->rows.empty());
    for (size_t r = 1; r < table->rows.size(); ++r) {
      const auto& a = table->rows[r - 1];
      const auto& b = table->rows[r];
      if (!b.delta) continue;
      ASSERT_TRUE(a.delta.has_value()) << basis << ": a missing change before " << b.country->iso3;
      EXPECT_GE(*a.delta, *b.delta) << basis;
      if (*a.delta == *b.delta) {
        EXPECT_LT(a.name, b.name) << basis;
      }
    }
  }
  ChangesQuery first;
  first.to = "2021";
  first.from = "";
  auto none = Changes(*engine_, first);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kInvalidInput);
}

TEST_F(AppTest, ScoresDefaultToTheHeadlineFigures) {
  auto headline = Scores(*engine_, ScoresQuery{"2021", {}, {}});
  ASSERT_TRUE(headline.ok());
  auto all = Scores(*engine_, ScoresQuery{"2021", {"all"}, {}});
  ASSERT_TRUE(all.ok());
  EXPECT_LT(headline->measures.size(), all->measures.size());
  EXPECT_EQ(headline->measure_ids.front(), "criminality");
  EXPECT_EQ(Scores(*engine_, ScoresQuery{"2021", {"nonsense"}, {}}).error().code, ErrorCode::kNotFound);
}

TEST_F(AppTest, AggregatesListGroupsAlphabetically) {
  auto table = Aggregates(*engine_, AggregatesQuery{"2021", {"criminality"}, "continent"});
  ASSERT_TRUE(table.ok());
  ASSERT_GT(table->rows.size(), 1u);
  for (size_t r = 1; r < table->rows.size(); ++r) EXPECT_LT(table->rows[r - 1].group, table->rows[r].group);
  for (const AggregateRow& row : table->rows) EXPECT_EQ(row.values[0].members, row.countries) << row.group;
}

TEST_F(AppTest, UncertaintyPlansNameCountriesInEnglish) {
  auto planned = PlanUncertainty(*engine_, UncertaintyQuery{"2021", core::uncertainty::ReferenceSpec(), {}});
  ASSERT_TRUE(planned.ok()) << planned.error().ToString();
  const auto& countries = planned->edition->edition.dataset.countries;
  ASSERT_EQ(planned->plan.country_names.size(), countries.size());
  int renamed = 0;
  for (size_t c = 0; c < countries.size(); ++c) {
    EXPECT_EQ(planned->plan.country_names[c], core::DisplayName(engine_->geography(), countries[c]));
    renamed += planned->plan.country_names[c] != countries[c].name;
  }
  EXPECT_GT(renamed, 0);  // some publisher spellings differ ("Korea, DPR")
}

TEST_F(AppTest, CountriesResolveByNameAndSuggestWhenUnknown) {
  auto kaz = Country(*engine_, CountryQuery{"Kazakhstan", "2021"});
  ASSERT_TRUE(kaz.ok());
  EXPECT_EQ(kaz->country->iso3, "KAZ");
  const core::Framework& framework = kaz->edition->edition.framework;
  for (const core::MeasureSummary& row : kaz->summary.measures) {
    if (framework.MeasureId(row.measure) == "criminality") {
      EXPECT_EQ(row.current.value, 426);
    }
  }
  auto typo = Country(*engine_, CountryQuery{"Kazakstan", "2021"});
  ASSERT_FALSE(typo.ok());
  EXPECT_EQ(typo.error().code, ErrorCode::kNotFound);
  EXPECT_NE(typo.error().message.find("did you mean Kazakhstan"), std::string::npos) << typo.error().message;
  auto compared = Compare(*engine_, CompareQuery{"2021", {"UZB", "kaz"}});
  ASSERT_TRUE(compared.ok());
  EXPECT_EQ(compared->countries[0]->iso3, "UZB");
  EXPECT_EQ(compared->countries[1]->iso3, "KAZ");
}

TEST(UncertaintyListing, CountriesByNominalRankOfEachPillarTiesInPlanOrder) {
  core::uncertainty::UncertaintyResult result;
  result.pillars = {"criminality", "resilience"};
  for (const auto& [iso3, criminality, resilience] :
       {std::tuple{"AAA", 2, 1}, std::tuple{"BBB", 1, 3}, std::tuple{"CCC", 2, 2}}) {
    core::uncertainty::CountryOutcome country;
    country.iso3 = iso3;
    country.pillars.resize(2);
    country.pillars[0].nominal_rank = criminality;
    country.pillars[1].nominal_rank = resilience;
    result.countries.push_back(country);
  }
  auto iso3s = [&](size_t pillar) {
    std::vector<std::string> out;
    for (const auto* country : ByNominalRank(result, pillar)) out.push_back(country->iso3);
    return out;
  };
  EXPECT_EQ(iso3s(0), (std::vector<std::string>{"BBB", "AAA", "CCC"}));
  EXPECT_EQ(iso3s(1), (std::vector<std::string>{"AAA", "CCC", "BBB"}));
}

}  // namespace
}  // namespace ocindex::app

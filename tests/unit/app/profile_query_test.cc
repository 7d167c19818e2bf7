// The profile query on a store holding one narrative (Georgia's, 2021): validation,
// the country and edition it resolves, the stored narrative or its absence, history.
#include <gtest/gtest.h>

#include "adapters/catalog/profiles.h"
#include "app/engine.h"
#include "app/profile_query.h"
#include "support/app_engine.h"
#include "support/fixtures.h"

namespace ocindex::app {
namespace {

class ProfileQueryTest : public test::AppEngineTest {
 protected:
  static void SetUpTestSuite() { OpenEngine({{"GEO", "DRUGS\nGeorgia serves as a transit hub for heroin.\n"}}); }
};

TEST(ProfileQuery, Validate) {
  EXPECT_EQ(ProfileQuery{}.Validate().error().code, ErrorCode::kInvalidInput);
  EXPECT_TRUE((ProfileQuery{"Georgia", ""}).Validate().ok());
}

TEST_F(ProfileQueryTest, TheStoredNarrativeOfACountry) {
  auto profile = Profile(*engine_, {"georgia", "2021"});
  ASSERT_TRUE(profile.ok()) << profile.error().ToString();
  EXPECT_EQ(profile->edition->id, "2021");
  EXPECT_EQ(profile->country->iso3, "GEO");
  auto narrative = profile->Narrative();
  ASSERT_TRUE(narrative.ok()) << narrative.error().ToString();
  EXPECT_EQ((*narrative)->info.revision, 1);
  EXPECT_EQ((*narrative)->info.author, "tester");
}

TEST_F(ProfileQueryTest, ScoresOnlyWithoutANarrative) {
  auto profile = Profile(*engine_, {"PER", "latest"});
  ASSERT_TRUE(profile.ok()) << profile.error().ToString();
  EXPECT_EQ(profile->edition->id, engine_->edition_ids().back());
  EXPECT_EQ(profile->narrative, nullptr);
  auto narrative = profile->Narrative();
  ASSERT_FALSE(narrative.ok());
  EXPECT_EQ(narrative.error().code, ErrorCode::kNotFound);
  EXPECT_NE(narrative.error().message.find("ocindex profile import"), std::string::npos);
}

TEST_F(ProfileQueryTest, UnknownCountryOrEdition) {
  EXPECT_EQ(Profile(*engine_, {"Atlantis", ""}).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Profile(*engine_, {"GEO", "1999"}).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Profile(*engine_, {"", "2021"}).error().code, ErrorCode::kInvalidInput);
}

TEST_F(ProfileQueryTest, History) {
  auto revisions = ProfileHistory(*engine_, {"Georgia", "2021"});
  ASSERT_TRUE(revisions.ok()) << revisions.error().ToString();
  ASSERT_EQ(revisions->size(), 1u);
  EXPECT_EQ((*revisions)[0].revision, 1);
  EXPECT_EQ(ProfileHistory(*engine_, {"", "2021"}).error().code, ErrorCode::kInvalidInput);
}

}  // namespace
}  // namespace ocindex::app

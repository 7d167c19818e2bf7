// Extraction rules for third-party prose (reports, articles), one failure class each,
// on sentences written for these tests and read as a whole text (section "text").
#include <gtest/gtest.h>

#include "core/flows/extractor.h"
#include "core/profile/whole_text.h"
#include "support/flow_fixtures.h"

namespace ocindex::core {
namespace {

using test_support::BundledFlows;
using test_support::Dump;
using test_support::FindFlow;
using test_support::FindRole;
using test_support::OfKind;

NarrativeStatements Read(const std::string& subject, const std::string& text) {
  return BundledFlows::Get().Extract(subject, {{std::string(kWholeTextSection), text}}, "2025");
}

size_t PositiveFlows(const NarrativeStatements& all) {
  size_t count = 0;
  for (const Statement& s : all.statements) count += s.kind == StatementKind::kFlow && !s.negated;
  return count;
}

TEST(ThirdPartyText, RegionDemonymsCitiesAndPorts) {
  auto all = Read("BRA", "Andean cocaine is shipped through the port of Santos to Europe.");
  const Statement* flow = FindFlow(all, "cocaine_trade", {"M49-005"}, {"M49-150"});
  ASSERT_NE(flow, nullptr) << Dump(all);
  EXPECT_EQ(flow->via, std::vector<std::string>{"BRA"});
  EXPECT_NE(FindFlow(Read("GHA", "Heroin arrives from Southeast and Southwest Asia."), "heroin_trade",
                     {"M49-035", "M49-034"}, {"GHA"}),
            nullptr);
}

TEST(ThirdPartyText, PluralRoleCuesNameOtherCountries) {
  auto near = Read("PRY", "The country's proximity to major source countries for cocaine is a challenge.");
  EXPECT_EQ(FindRole(near, "cocaine_trade", "source"), nullptr) << Dump(near);
  auto one_of = Read("NLD", "The Netherlands is one of the largest sources of synthetic drugs.");
  EXPECT_NE(FindRole(one_of, "synthetic_drug_trade", "source"), nullptr) << Dump(one_of);
}

TEST(ThirdPartyText, ACopulaNamesTheRoleHolder) {
  auto all = Read("GTM", "The main source of firearms smuggled into Guatemala is Mexico.");
  EXPECT_NE(FindFlow(all, "arms_trafficking", {"MEX"}, {"GTM"}), nullptr) << Dump(all);
  EXPECT_EQ(FindRole(all, "arms_trafficking", "source"), nullptr) << Dump(all);
  EXPECT_NE(FindRole(all, "arms_trafficking", "destination"), nullptr) << Dump(all);
}

TEST(ThirdPartyText, TheSubjectsRoleIsTheOpenEnd) {
  auto all = Read("CHL", "Chile is a destination country for women from Bolivia and Peru subjected to forced labour.");
  EXPECT_NE(FindFlow(all, "human_trafficking", {"BOL", "PER"}, {"CHL"}), nullptr) << Dump(all);
}

TEST(ThirdPartyText, AnEllipticalClauseSharesTheDestination) {
  auto all = Read("TUR",
                  "The heroin shipped from Afghanistan to Iran has declined, while the amount shipped from "
                  "Pakistan has grown.");
  EXPECT_NE(FindFlow(all, "heroin_trade", {"AFG"}, {"IRN"}), nullptr) << Dump(all);
  EXPECT_NE(FindFlow(all, "heroin_trade", {"PAK"}, {"IRN"}), nullptr) << Dump(all);
}

TEST(ThirdPartyText, EndsInTwoClausesOrTwoSentencesMeet) {
  auto clauses = Read("ARG", "These shipments have ended up in Chile and Peru, where Bolivian cigarettes were seized.");
  EXPECT_NE(FindFlow(clauses, "excisable_goods", {"BOL"}, {"CHL", "PER"}), nullptr) << Dump(clauses);
  auto sentences = Read("ECU", "Cocaine is trafficked out of Colombia. It is destined for Spain and Italy.");
  EXPECT_NE(FindFlow(sentences, "cocaine_trade", {"COL"}, {"ESP", "ITA"}), nullptr) << Dump(sentences);
}

TEST(ThirdPartyText, AFlowThroughNamedPointsNeedsNoOrigin) {
  auto all = Read("GHA", "Cocaine trafficked through Ghana and Togo reaches Europe.");
  const Statement* flow = FindFlow(all, "cocaine_trade", {}, {"M49-150"});
  ASSERT_NE(flow, nullptr) << Dump(all);
  EXPECT_EQ(flow->via, (std::vector<std::string>{"GHA", "TGO"}));
  EXPECT_NE(FindRole(all, "cocaine_trade", "transit"), nullptr) << Dump(all);
}

TEST(ThirdPartyText, NegationsAndRisksAreNoFacts) {
  EXPECT_EQ(PositiveFlows(Read("AUS", "There is no evidence of heroin shipments destined for Canada that transit "
                                      "Australia. Australia is not a transit country.")),
            0u);
  EXPECT_EQ(PositiveFlows(Read("MEX", "Migrants who transit Mexico en route to the United States are vulnerable "
                                      "to trafficking.")),
            0u);
}

TEST(ThirdPartyText, NamesOfInstitutionsAndIndustriesNameNoMarket) {
  auto all = Read("AUS",
                  "The National Alcohol and Drug Research Centre published a survey. Men from Fiji work in the "
                  "logging and mining industries of Australia.");
  EXPECT_TRUE(OfKind(all, StatementKind::kMarket).empty()) << Dump(all);
}

TEST(ThirdPartyText, UseNextToAMarketIsConsumption) {
  auto all = Read("GHA", "Heroin use is rising in Ghana. Traffickers use fishing boats to move cocaine.");
  EXPECT_NE(FindRole(all, "heroin_trade", "consumer"), nullptr) << Dump(all);
  EXPECT_EQ(FindRole(all, "cocaine_trade", "consumer"), nullptr) << Dump(all);
}

TEST(ThirdPartyText, ACueRightBeforeAnotherIsNotChainedToIt) {
  auto all = Read("BEL", "Cocaine from Ecuador entering through Antwerp is destined for Germany.");
  EXPECT_NE(FindFlow(all, "cocaine_trade", {"ECU"}, {"DEU"}), nullptr) << Dump(all);
  EXPECT_EQ(FindRole(all, "cocaine_trade", "destination"), nullptr) << Dump(all);
}

TEST(ThirdPartyText, AColonBeforeACapitalEndsASentence) {
  auto all = Read("TUR",
                  "Heroin shipped from Iran to Turkey has declined, while the amount shipped from Iraq has "
                  "increased: Prosecutors say couriers fly on to Greece.");
  EXPECT_NE(FindFlow(all, "heroin_trade", {"IRQ"}, {"TUR"}), nullptr) << Dump(all);
}

TEST(ThirdPartyText, TheNationalityOfActorsIsNoEndpoint) {
  auto all = Read("GTM", "Cocaine is smuggled from Honduras to Mexican cartels.");
  EXPECT_EQ(FindFlow(all, "cocaine_trade", {"HND"}, {"MEX"}), nullptr) << Dump(all);
  bool foreign = false;
  for (const Statement& s : OfKind(all, StatementKind::kActor)) foreign = foreign || s.actor_base == "MEX";
  EXPECT_TRUE(foreign) << Dump(all);
}

}  // namespace
}  // namespace ocindex::core

// Extraction rules on short narratives written for these tests.
#include "core/flows/extractor.h"

#include <gtest/gtest.h>

#include "core/profile/narrative.h"
#include "support/flow_fixtures.h"

namespace ocindex::core {
namespace {

using test_support::BundledFlows;
using test_support::Dump;
using test_support::FindFlow;
using test_support::FindRole;
using test_support::OfKind;
using test_support::Set;

NarrativeStatements Extract(const std::string& subject, const std::string& section, const std::string& text,
                            const std::string& edition = "2021") {
  return BundledFlows::Get().Extract(subject, {{section, text}}, edition);
}

TEST(FlowExtractor, SubjectRolesFromOneSentence) {
  auto all = Extract("PER", "drugs", "Peru is a producer, source and transit country for cocaine headed abroad.");
  EXPECT_NE(FindRole(all, "cocaine_trade", "producer"), nullptr) << Dump(all);
  EXPECT_NE(FindRole(all, "cocaine_trade", "source"), nullptr) << Dump(all);
  EXPECT_NE(FindRole(all, "cocaine_trade", "transit"), nullptr) << Dump(all);
  EXPECT_EQ(FindRole(all, "cocaine_trade", "destination"), nullptr) << Dump(all);
}

TEST(FlowExtractor, OriginViaDestinationWithEvidence) {
  const std::string text =
      "Customs seizures are rare. Georgia serves as a transit hub for heroin coming from Iran and bound for "
      "Ukraine.";
  auto all = Extract("GEO", "drugs", text);
  const Statement* flow = FindFlow(all, "heroin_trade", {"IRN"}, {"UKR"});
  ASSERT_NE(flow, nullptr) << Dump(all);
  EXPECT_EQ(flow->via, std::vector<std::string>{"GEO"});
  ASSERT_EQ(flow->evidence.size(), 1u);
  const Evidence& e = flow->evidence[0];
  EXPECT_EQ(e.section, "drugs");
  EXPECT_EQ(e.sentence, 1);
  EXPECT_EQ(text.substr(e.begin, e.end - e.begin).rfind("Georgia serves", 0), 0u);
  EXPECT_EQ(text.substr(e.end - 1, 1), ".");
  EXPECT_NE(FindRole(all, "heroin_trade", "transit"), nullptr) << Dump(all);
}

TEST(FlowExtractor, DemonymAdjectivesAndMultipleOrigins) {
  auto all = Extract("SRB", "environment",
                     "Bosnian and Montenegrin timber is moved into Serbia and then to Hungarian sawmills.");
  // The adjectives before the market are its origins; "and then" opens a new leg, so
  // Serbia is a transit point.
  const Statement* flow = FindFlow(all, "flora_crimes", {"BIH", "MNE"}, {"HUN"});
  ASSERT_NE(flow, nullptr) << Dump(all);
  EXPECT_EQ(flow->via, std::vector<std::string>{"SRB"});
  EXPECT_NE(FindRole(all, "flora_crimes", "transit"), nullptr) << Dump(all);
  EXPECT_EQ(FindRole(all, "flora_crimes", "destination"), nullptr) << Dump(all);
}

TEST(FlowExtractor, DestinationMarketAdjective) {
  auto all = Extract("ALB", "drugs", "Most of the cannabis sold on the Italian market is grown in Albania.");
  EXPECT_NE(FindFlow(all, "cannabis_trade", {"ALB"}, {"ITA"}), nullptr) << Dump(all);
  EXPECT_NE(FindRole(all, "cannabis_trade", "source"), nullptr) << Dump(all);
}

TEST(FlowExtractor, ModesAndCrossingPoints) {
  auto all = Extract("KGZ", "environment",
                     "Diesel is smuggled from Kyrgyzstan into Tajikistan by truck through the Karamyk "
                     "checkpoint, and by rail towards Uzbekistan.");
  const Statement* tjk = FindFlow(all, "non_renewable_resource_crimes", {"KGZ"}, {"TJK", "UZB"});
  ASSERT_NE(tjk, nullptr) << Dump(all);
  EXPECT_EQ(Set(tjk->modes), (std::set<std::string>{"land", "rail"}));
  EXPECT_EQ(tjk->crossings, std::vector<std::string>{"Karamyk checkpoint"});
}

TEST(FlowExtractor, RiverAndAirModes) {
  auto all = Extract("LAO", "environment",
                     "Pangolin scales are shipped from Laos to Viet Nam along the Mekong River. Ivory reaches Thailand by air.");
  const Statement* river = FindFlow(all, "fauna_crimes", {"LAO"}, {"VNM"});
  ASSERT_NE(river, nullptr) << Dump(all);
  EXPECT_EQ(river->modes, std::vector<std::string>{"river"});
  EXPECT_EQ(river->crossings, std::vector<std::string>{"Mekong River"});
  const Statement* air = FindFlow(all, "fauna_crimes", {"LAO"}, {"THA"});
  ASSERT_NE(air, nullptr) << Dump(all);
  EXPECT_EQ(air->modes, std::vector<std::string>{"air"});
  EXPECT_NE(std::find(air->notes.begin(), air->notes.end(), "origin implied: the subject country"),
            air->notes.end());
}

TEST(FlowExtractor, NegationIsNeverAPositiveFact) {
  auto all = Extract("ARM", "drugs",
                     "Armenia is not a transit country for heroin. There is no evidence that cocaine moves from "
                     "Brazil to Armenia.");
  EXPECT_EQ(FindRole(all, "heroin_trade", "transit"), nullptr) << Dump(all);
  EXPECT_NE(FindRole(all, "heroin_trade", "transit", /*negated=*/true), nullptr) << Dump(all);
  EXPECT_EQ(FindFlow(all, "cocaine_trade", {"BRA"}, {"ARM"}), nullptr) << Dump(all);
  for (const Statement& s : all.statements) {
    EXPECT_TRUE(s.negated) << Dump(all);
    EXPECT_LT(s.confidence, 0.3);
  }
}

TEST(FlowExtractor, HedgesLowerConfidenceAndAreMarked) {
  auto all = Extract("MDA", "people",
                     "Women from Moldova are allegedly trafficked to Turkey for sexual exploitation. "
                     "Moldovan men are trafficked to Russia for forced labour.");
  const Statement* hedged = FindFlow(all, "human_trafficking", {"MDA"}, {"TUR"});
  const Statement* plain = FindFlow(all, "human_trafficking", {"MDA"}, {"RUS"});
  ASSERT_NE(hedged, nullptr) << Dump(all);
  ASSERT_NE(plain, nullptr) << Dump(all);
  EXPECT_TRUE(hedged->hedged);
  EXPECT_EQ(hedged->qualifiers, std::vector<std::string>{"allegedly"});
  EXPECT_FALSE(plain->hedged);
  EXPECT_LT(hedged->confidence, plain->confidence);
}

TEST(FlowExtractor, ComparisonWithAnotherCountryIsAHedgeNotANegation) {
  auto all = Extract("TJK", "people", "Not as widespread as in Kyrgyzstan, forced labour nonetheless occurs in Tajikistan.");
  auto markets = OfKind(all, StatementKind::kMarket);
  ASSERT_EQ(markets.size(), 1u) << Dump(all);
  EXPECT_EQ(markets[0].market, "human_trafficking");
  EXPECT_TRUE(markets[0].hedged);
  EXPECT_FALSE(markets[0].negated);
}

TEST(FlowExtractor, TrendsWithFiguresAndPeriods) {
  auto all = Extract("THA", "drugs",
                     "Methamphetamine seizures increased by 40% between 2015 and 2020. Opium cultivation "
                     "has been declining over the past decade.");
  auto trends = OfKind(all, StatementKind::kTrend);
  ASSERT_EQ(trends.size(), 2u) << Dump(all);
  EXPECT_EQ(trends[0].market, "synthetic_drug_trade");
  EXPECT_EQ(trends[0].direction, "up");
  EXPECT_EQ(trends[0].figure, "40%");
  EXPECT_EQ(trends[0].period, "between 2015 and 2020");
  EXPECT_EQ(trends[1].market, "heroin_trade");
  EXPECT_EQ(trends[1].direction, "down");
  EXPECT_EQ(trends[1].figure, "");
  EXPECT_EQ(trends[1].period, "over the past decade");
}

TEST(FlowExtractor, PronounTrendTakesTheSentencesFirstMarket) {
  auto all = Extract("PHL", "drugs", "The ecstasy trade remains small next to cannabis, but it is expected to grow.");
  auto trends = OfKind(all, StatementKind::kTrend);
  ASSERT_EQ(trends.size(), 1u) << Dump(all);
  EXPECT_EQ(trends[0].market, "synthetic_drug_trade");
}

TEST(FlowExtractor, ActorsAndForeignBases) {
  auto all = Extract("ESP", "actors",
                     "Customs officers reportedly take bribes from cocaine brokers. Italian mafia clans are "
                     "active on the coast, and criminal groups based in Morocco run the hashish boats.");
  std::set<std::string> actors;
  std::set<std::string> bases;
  for (const Statement& s : OfKind(all, StatementKind::kActor)) {
    actors.insert(s.actor);
    if (!s.actor_base.empty()) bases.insert(s.actor_base);
  }
  EXPECT_EQ(actors, (std::set<std::string>{"state_embedded_actors", "mafia_style_groups", "criminal_networks",
                                           "foreign_actors"}))
      << Dump(all);
  EXPECT_EQ(bases, (std::set<std::string>{"ITA", "MAR"}));
  // An actor's base is not a flow end.
  EXPECT_TRUE(OfKind(all, StatementKind::kFlow).empty()) << Dump(all);
}

TEST(FlowExtractor, BorderAdjectivesNameBothCountries) {
  auto all = Extract("GEO", "trade",
                     "Weapons are moved from Georgia into Turkey. Smugglers favour the Sarpi checkpoint on the "
                     "Georgian-Turkish border.");
  const Statement* flow = FindFlow(all, "arms_trafficking", {"GEO"}, {"TUR"});
  ASSERT_NE(flow, nullptr) << Dump(all);
  // The second sentence names no direction: the border's flow carries over to it.
  EXPECT_EQ(flow->evidence.size(), 2u) << Dump(all);
  EXPECT_EQ(flow->crossings, std::vector<std::string>{"Sarpi checkpoint"});
}

TEST(FlowExtractor, JourneyInLegsAndRegions) {
  auto all = Extract("SRB", "people",
                     "Irregular migrants from Southern Asia enter the Balkans in Bulgaria, from where they "
                     "travel through Serbia and on to Western Europe.");
  const Statement* flow = FindFlow(all, "human_smuggling", {"M49-034"}, {"M49-155"});
  ASSERT_NE(flow, nullptr) << Dump(all);
  EXPECT_NE(std::find(flow->via.begin(), flow->via.end(), "SRB"), flow->via.end());
  EXPECT_NE(std::find(flow->via.begin(), flow->via.end(), "BGR"), flow->via.end());
  EXPECT_NE(FindRole(all, "human_smuggling", "transit"), nullptr) << Dump(all);
}

TEST(FlowExtractor, HomeRegionIsTheSubjectsSubRegion) {
  auto all = Extract("SEN", "people", "Irregular migration within the region is mainly directed towards Europe.");
  EXPECT_NE(FindFlow(all, "human_smuggling", {"M49-011"}, {"M49-150"}), nullptr) << Dump(all);
}

TEST(FlowExtractor, TopicCarriesToSentencesWithoutAMarketWord) {
  auto all = Extract("MEX", "drugs",
                     "Fentanyl is made in clandestine laboratories. Most of it is then trafficked north to the "
                     "United States.");
  EXPECT_NE(FindFlow(all, "synthetic_drug_trade", {"MEX"}, {"USA"}), nullptr) << Dump(all);
  EXPECT_NE(FindRole(all, "synthetic_drug_trade", "producer"), nullptr) << Dump(all);
}

TEST(FlowExtractor, ConsumerMarket) {
  auto all = Extract("IRN", "drugs", "The domestic opium market is among the largest in the world.");
  EXPECT_NE(FindRole(all, "heroin_trade", "consumer"), nullptr) << Dump(all);
  EXPECT_EQ(FindRole(all, "heroin_trade", "destination"), nullptr) << Dump(all);
}

TEST(FlowExtractor, MarketsLimitedToTheEditionsFramework) {
  const std::string text = "Counterfeit goods and cigarettes arrive from China.";
  auto old_edition = Extract("KEN", "trade", text, "2021");
  EXPECT_TRUE(old_edition.statements.empty()) << Dump(old_edition);
  auto new_edition = Extract("KEN", "trade", text, "2023");
  EXPECT_NE(FindFlow(new_edition, "counterfeit_goods", {"CHN"}, {"KEN"}), nullptr) << Dump(new_edition);
  EXPECT_NE(FindFlow(new_edition, "excisable_goods", {"CHN"}, {"KEN"}), nullptr) << Dump(new_edition);
}

TEST(FlowExtractor, ResilienceSectionsAreNotRead) {
  const std::vector<std::pair<std::string, std::string>> sections = {
      {"criminal_justice_security", "Police struggle to stop heroin moving from Nigeria to Europe."},
      {"leadership_governance", "Cocaine flows from Brazil into Nigeria worry the government."}};
  auto all = BundledFlows::Get().Extract("NGA", sections);
  EXPECT_TRUE(all.statements.empty()) << Dump(all);
}

TEST(FlowExtractor, SameFactInTwoSentencesIsOneStatementWithTwoEvidences) {
  auto all = Extract("AFG", "drugs",
                     "Afghan heroin is trafficked to Iran. Heroin also reaches Iran by land.");
  const Statement* flow = FindFlow(all, "heroin_trade", {"AFG"}, {"IRN"});
  ASSERT_NE(flow, nullptr) << Dump(all);
  EXPECT_EQ(flow->evidence.size(), 2u);
  EXPECT_EQ(flow->modes, std::vector<std::string>{"land"});
}

TEST(FlowExtractor, ParsedPlainTextNarrative) {
  // The distributed shape: capital headings, broken lines, a hyphen at a line end.
  const std::string text =
      "DRUGS\n"
      "Nepal is a transit country for hashish. Cannabis grown in Nepal is \n"
      "trafficked along cross-\n"
      "border footpaths to India.\n";
  auto narrative = ParseNarrative(text, BundledFlows::Get().Framework("2021"), NarrativeFormat::kText);
  ASSERT_TRUE(narrative.ok()) << narrative.error().ToString();
  auto all = BundledFlows::Get().Extract("NPL", *narrative);
  EXPECT_NE(FindFlow(all, "cannabis_trade", {"NPL"}, {"IND"}), nullptr) << Dump(all);
  EXPECT_NE(FindRole(all, "cannabis_trade", "transit"), nullptr) << Dump(all);
}

FlowExtractor::SubjectGuess Guess(const std::string& text) {
  Narrative narrative;
  narrative.sections.push_back({"drugs", "DRUGS", text, 0});
  auto scanner = BundledFlows::Get().extractor().NewScanner();
  EXPECT_TRUE(scanner.ok());
  auto guess = BundledFlows::Get().extractor().GuessSubject(narrative, *scanner);
  EXPECT_TRUE(guess.ok());
  return guess.ok() ? *guess : FlowExtractor::SubjectGuess{};
}

TEST(FlowExtractor, GuessSubjectIsTheMostNamedCountry) {
  const auto guess = Guess("Chile is a transit country. Chilean ports ship cocaine from Bolivia; Chile also consumes it.");
  EXPECT_EQ(guess.country, "CHL");
  EXPECT_NE(guess.reason.find("Bolivia"), std::string::npos) << guess.reason;
}

TEST(FlowExtractor, GuessSubjectCountsAMentionOpeningASentenceTwice) {
  // Peru is named as often as Bolivia, but the sentences are about Peru.
  EXPECT_EQ(Guess("Cocaine from Bolivia crosses into Brazil. Peru produces coca. Traffickers in Bolivia buy it from "
                  "Peru.")
                .country,
            "PER");
}

TEST(FlowExtractor, UnboundForeignPlaceBeforeTheDestinationIsTheOrigin) {
  // A place no direction cue binds, named before the destination: not the subject.
  auto all = Extract("MEX", "trade", "Firearms bought legally in the United States are smuggled south into Guatemala.");
  const Statement* flow = FindFlow(all, "arms_trafficking", {"USA"}, {"GTM"});
  ASSERT_NE(flow, nullptr) << Dump(all);
  EXPECT_LT(flow->confidence, 0.85);
  EXPECT_EQ(FindFlow(all, "arms_trafficking", {"MEX"}, {"GTM"}), nullptr) << Dump(all);
  // A demonym before people: the victims' origin.
  auto people = Extract("TUR", "people", "Moldovan women are trafficked to Cyprus for sexual exploitation.");
  EXPECT_NE(FindFlow(people, "human_trafficking", {"MDA"}, {"CYP"}), nullptr) << Dump(people);
  // The subject named so keeps the default rule (and its source role).
  auto subject = Extract("ECU", "drugs", "Ecuador has become a departure point for cocaine bound for Europe.");
  EXPECT_NE(FindFlow(subject, "cocaine_trade", {"ECU"}, {"M49-150"}), nullptr) << Dump(subject);
  EXPECT_NE(FindRole(subject, "cocaine_trade", "source"), nullptr) << Dump(subject);
}

TEST(FlowExtractor, ContinuationAfterAVerbStartsANewLeg) {
  auto all = Extract("THA", "drugs",
                     "Methamphetamine made in Myanmar reaches Thailand by road and is then moved on to Malaysia.");
  const Statement* flow = FindFlow(all, "synthetic_drug_trade", {"MMR"}, {"MYS"});
  ASSERT_NE(flow, nullptr) << Dump(all);
  EXPECT_EQ(flow->via, std::vector<std::string>{"THA"});
  EXPECT_NE(FindRole(all, "synthetic_drug_trade", "transit"), nullptr) << Dump(all);
}

// Regression: the gazetteer once held "North" and "South" as demonyms of the Koreas,
// so "trafficked north to" named North Korea.
TEST(FlowExtractor, CompassWordsAreNotPlaces) {
  auto all = Extract("GTM", "drugs", "Cocaine is trafficked north to Mexico and south to Honduras.");
  for (const Statement& s : all.statements) {
    for (const auto* places : {&s.origins, &s.via, &s.destinations}) {
      for (const std::string& code : *places) EXPECT_TRUE(code != "PRK" && code != "KOR") << Dump(all);
    }
  }
  EXPECT_NE(FindFlow(all, "cocaine_trade", {"GTM"}, {"MEX", "HND"}), nullptr) << Dump(all);
}

TEST(FlowExtractor, ExploitedInTheSubjectMakesItADestination) {
  auto all = Extract("SRB", "people", "Victims from Ukraine are exploited in construction in Serbia.");
  EXPECT_NE(FindFlow(all, "human_trafficking", {"UKR"}, {"SRB"}), nullptr) << Dump(all);
  EXPECT_NE(FindRole(all, "human_trafficking", "destination"), nullptr) << Dump(all);
  // Exploited abroad: no destination role for the subject.
  auto abroad = Extract("SRB", "people", "Victims from Serbia are exploited in construction in Germany.");
  EXPECT_EQ(FindRole(abroad, "human_trafficking", "destination"), nullptr) << Dump(abroad);
}

}  // namespace
}  // namespace ocindex::core

// Small frameworks and datasets built in code, for unit tests of the core. Every
// figure a test expects is worked out by hand from these few scores, never read back
// from the code under test.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model/dataset.h"
#include "core/model/framework.h"
#include "core/model/rational.h"

namespace ocindex::test_support {

// A decimal literal as an exact Rational ("6.5" -> 13/2). Fails the test on bad text.
inline core::Rational R(std::string_view text) {
  std::optional<core::Rational> value = core::Rational::ParseDecimal(text);
  if (!value) {
    ADD_FAILURE() << "'" << text << "' is not a decimal";
    return 0;
  }
  return *value;
}

// An empty framework for `edition` with the GOCI scale (1..10, step 0.5, 2 decimals).
inline core::Framework NewFramework(std::string edition = "2023") {
  core::Framework framework;
  framework.id = "test-" + edition;
  framework.name = "Test framework " + edition;
  framework.edition = std::move(edition);
  return framework;
}

inline void AddNode(core::Framework& framework, std::string id, core::NodeKind kind, std::string parent = {},
                    core::Aggregate aggregate = core::Aggregate::kIndicators, core::Rational weight = 1,
                    std::string name = {}, std::vector<std::string> headers = {}) {
  core::Node node;
  node.name = name.empty() ? id : std::move(name);
  node.id = std::move(id);
  node.kind = kind;
  node.aggregate = aggregate;
  node.parent_id = std::move(parent);
  node.weight = weight;
  node.headers = std::move(headers);
  framework.nodes.push_back(std::move(node));
}

inline void AddIndicator(core::Framework& framework, std::string id, std::string group, core::Rational weight = 1,
                         std::string name = {}, std::vector<std::string> headers = {}) {
  core::Indicator indicator;
  indicator.name = name.empty() ? id : std::move(name);
  indicator.id = std::move(id);
  indicator.group_id = std::move(group);
  indicator.weight = weight;
  indicator.headers = std::move(headers);
  framework.indicators.push_back(std::move(indicator));
}

// Links the framework, failing the test (with the error) if it does not link.
inline core::Framework Linked(core::Framework framework) {
  Status linked = framework.Link();
  if (!linked) ADD_FAILURE() << "framework does not link: " << linked.error().ToString();
  return framework;
}

// The GOCI shape in miniature (unlinked, so tests can break it):
//   criminality (pillar, mean of its two components' unrounded values)
//     criminal_markets (component, mean of its indicators)
//       people: human_trafficking, human_smuggling, extortion
//       drugs:  heroin_trade
//     criminal_actors (component, mean of its indicators)
//       actors: mafia_groups, criminal_networks
//   resilience (pillar, mean of its indicators)
//     governance: political_leadership, transparency
//     justice:    judicial_system
// Quadrant: x = resilience, y = criminality, threshold 5.5.
inline core::Framework MiniGociUnlinked(std::string edition = "2023") {
  using core::Aggregate;
  using core::NodeKind;
  core::Framework f = NewFramework(std::move(edition));
  AddNode(f, "criminality", NodeKind::kPillar, "", Aggregate::kChildren, 1, "Criminality",
          {"criminality", "criminality avg"});
  AddNode(f, "criminal_markets", NodeKind::kComponent, "criminality", Aggregate::kIndicators, 1, "Criminal markets",
          {"criminal markets", "criminal markets avg"});
  AddNode(f, "people", NodeKind::kGroup, "criminal_markets", Aggregate::kIndicators, 1, "People");
  AddNode(f, "drugs", NodeKind::kGroup, "criminal_markets", Aggregate::kIndicators, 1, "Drugs");
  AddNode(f, "criminal_actors", NodeKind::kComponent, "criminality", Aggregate::kIndicators, 1, "Criminal actors",
          {"criminal actors", "criminal actors avg"});
  AddNode(f, "actors", NodeKind::kGroup, "criminal_actors", Aggregate::kIndicators, 1, "Actors");
  AddNode(f, "resilience", NodeKind::kPillar, "", Aggregate::kIndicators, 1, "Resilience",
          {"resilience", "resilience avg"});
  AddNode(f, "governance", NodeKind::kComponent, "resilience", Aggregate::kIndicators, 1, "Governance");
  AddNode(f, "justice", NodeKind::kComponent, "resilience", Aggregate::kIndicators, 1, "Justice");
  AddIndicator(f, "human_trafficking", "people", 1, "Human trafficking", {"human trafficking"});
  AddIndicator(f, "human_smuggling", "people", 1, "Human smuggling", {"human smuggling"});
  AddIndicator(f, "extortion", "people", 1, "Extortion and protection racketeering",
               {"extortion and protection racketeering"});
  AddIndicator(f, "heroin_trade", "drugs", 1, "Heroin trade", {"heroin trade"});
  AddIndicator(f, "mafia_groups", "actors", 1, "Mafia-style groups", {"mafia-style groups"});
  AddIndicator(f, "criminal_networks", "actors", 1, "Criminal networks", {"criminal networks"});
  AddIndicator(f, "political_leadership", "governance", 1, "Political leadership");
  AddIndicator(f, "transparency", "governance", 1, "Government transparency");
  AddIndicator(f, "judicial_system", "justice", 1, "Judicial system");
  f.quadrant_x = "resilience";
  f.quadrant_y = "criminality";
  return f;
}

inline core::Framework MiniGoci(std::string edition = "2023") { return Linked(MiniGociUnlinked(std::move(edition))); }

// One pillar "p" holding one indicator "x" directly: p's value is x's score, which makes
// ranking tests state values directly.
inline core::Framework FlatFramework(std::string edition = "2023") {
  core::Framework f = NewFramework(std::move(edition));
  AddNode(f, "p", core::NodeKind::kPillar, "", core::Aggregate::kIndicators, 1, "P");
  AddIndicator(f, "x", "p", 1, "X");
  return Linked(std::move(f));
}

// Two editions of a small index. The later one adds a market ("cyber_crimes", in a new
// group) and drops a resilience indicator ("old_resilience").
//
//   criminality (pillar, mean of components)
//     criminal_markets: people{human_trafficking}, drugs{heroin_trade}, [2023] cyber{cyber_crimes}
//     criminal_actors:  actors{mafia_groups}
//   resilience (pillar, mean of indicators)
//     justice: judicial_system, [2021] old_resilience
inline core::Framework SmallEditionFramework(const std::string& year) {
  const bool later = year == "2023";
  core::Framework f = NewFramework(year);
  AddNode(f, "criminality", core::NodeKind::kPillar, "", core::Aggregate::kChildren, 1, "Criminality");
  AddNode(f, "criminal_markets", core::NodeKind::kComponent, "criminality", core::Aggregate::kIndicators, 1,
          "Criminal markets");
  AddNode(f, "people", core::NodeKind::kGroup, "criminal_markets");
  AddNode(f, "drugs", core::NodeKind::kGroup, "criminal_markets");
  if (later) AddNode(f, "cyber", core::NodeKind::kGroup, "criminal_markets");
  AddNode(f, "criminal_actors", core::NodeKind::kComponent, "criminality", core::Aggregate::kIndicators, 1,
          "Criminal actors");
  AddNode(f, "actors", core::NodeKind::kGroup, "criminal_actors");
  AddNode(f, "resilience", core::NodeKind::kPillar, "", core::Aggregate::kIndicators, 1, "Resilience");
  AddNode(f, "justice", core::NodeKind::kComponent, "resilience");
  AddIndicator(f, "human_trafficking", "people");
  AddIndicator(f, "heroin_trade", "drugs");
  if (later) AddIndicator(f, "cyber_crimes", "cyber");
  AddIndicator(f, "mafia_groups", "actors");
  AddIndicator(f, "judicial_system", "justice");
  if (!later) AddIndicator(f, "old_resilience", "justice");
  f.quadrant_x = "resilience";
  f.quadrant_y = "criminality";
  return Linked(std::move(f));
}

inline core::CountryEntry Country(std::string iso3, std::string continent = "Africa",
                                  std::string region = "North Africa", std::string name = {}) {
  return core::CountryEntry{iso3, name.empty() ? iso3 : std::move(name), std::move(continent), std::move(region)};
}

using Scores = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// Adds a country to a dataset shaped for `framework`; scores by indicator id as
// decimal text. Indicators left out are not assessed. Returns the country's row.
inline int AddCountry(core::Dataset& dataset, const core::Framework& framework, core::CountryEntry entry,
                      Scores scores) {
  const int row = dataset.AddCountry(std::move(entry));
  for (const auto& [id, text] : scores) {
    std::optional<int> indicator = framework.FindIndicator(id);
    if (!indicator) {
      ADD_FAILURE() << "no indicator '" << id << "' in framework " << framework.id;
      continue;
    }
    dataset.score(row, *indicator) = R(text);
  }
  return row;
}

// SmallEditionFramework's two editions with their countries (worked figures in
// tests/unit/core/comparison_test.cc and country_summary_test.cc):
//   2021: AAA (Africa, North Africa), BBB (Africa, West Africa), CCC (Europe, Western Europe),
//         EEE (Europe, Western Europe; no market assessed)
//   2023: BBB, AAA, DDD (Europe, Western Europe; new), EEE   -- CCC is gone
struct EditionPair {
  core::Edition before;
  core::Edition after;
};

inline EditionPair SmallEditions() {
  EditionPair pair;
  pair.before.framework = SmallEditionFramework("2021");
  pair.before.dataset = core::Dataset::ShapedFor(pair.before.framework);
  const core::Framework& b = pair.before.framework;
  core::Dataset& bd = pair.before.dataset;
  AddCountry(bd, b, Country("AAA", "Africa", "North Africa"),
             {{"human_trafficking", "6"}, {"heroin_trade", "4"}, {"mafia_groups", "7"},
              {"judicial_system", "3"}, {"old_resilience", "5"}});
  AddCountry(bd, b, Country("BBB", "Africa", "West Africa"),
             {{"human_trafficking", "5"}, {"heroin_trade", "5"}, {"mafia_groups", "6"},
              {"judicial_system", "4"}, {"old_resilience", "2"}});
  AddCountry(bd, b, Country("CCC", "Europe", "Western Europe"),  // not in 2023
             {{"human_trafficking", "8"}, {"heroin_trade", "8"}, {"mafia_groups", "2"},
              {"judicial_system", "7"}, {"old_resilience", "7"}});
  AddCountry(bd, b, Country("EEE", "Europe", "Western Europe"), {{"judicial_system", "5"}});  // no markets

  pair.after.framework = SmallEditionFramework("2023");
  pair.after.dataset = core::Dataset::ShapedFor(pair.after.framework);
  const core::Framework& a = pair.after.framework;
  core::Dataset& ad = pair.after.dataset;
  AddCountry(ad, a, Country("BBB", "Africa", "West Africa"),
             {{"human_trafficking", "7"}, {"heroin_trade", "5"}, {"cyber_crimes", "1"}, {"mafia_groups", "6"},
              {"judicial_system", "4"}});
  AddCountry(ad, a, Country("AAA", "Africa", "North Africa"),
             {{"human_trafficking", "6"}, {"heroin_trade", "4"}, {"cyber_crimes", "9"}, {"mafia_groups", "7"},
              {"judicial_system", "3"}});
  AddCountry(ad, a, Country("DDD", "Europe", "Western Europe"),  // not in 2021
             {{"human_trafficking", "5"}, {"heroin_trade", "5"}, {"cyber_crimes", "5"}, {"mafia_groups", "1"},
              {"judicial_system", "9"}});
  AddCountry(ad, a, Country("EEE", "Europe", "Western Europe"),
             {{"human_trafficking", "4"}, {"heroin_trade", "4"}, {"judicial_system", "5"}});
  return pair;
}

// Records the figure the publisher printed for a node.
inline void SetPublished(core::Dataset& dataset, const core::Framework& framework, int country,
                         std::string_view node_id, std::string_view text) {
  std::optional<int> node = framework.FindNode(node_id);
  if (!node) {
    ADD_FAILURE() << "no node '" << node_id << "' in framework " << framework.id;
    return;
  }
  dataset.published_value(country, *node) = R(text);
}

// Measure number of a node or indicator id (fails the test if unknown).
inline int MeasureOf(const core::Framework& framework, std::string_view id) {
  if (auto node = framework.FindNode(id)) return *node;
  if (auto indicator = framework.FindIndicator(id)) return framework.IndicatorMeasure(*indicator);
  ADD_FAILURE() << "no measure '" << id << "' in framework " << framework.id;
  return 0;
}

}  // namespace ocindex::test_support

namespace ocindex::core {
// Readable gtest failure messages for exact values: "6.933333333333 (104/15)".
inline void PrintTo(const Rational& value, std::ostream* os) {
  *os << FormatRational(value) << " (" << value.num() << "/" << value.den() << ")";
}
}  // namespace ocindex::core

// Editions to store and a comparison of datasets, for the store tests (the conformance
// suite and the SQLite-only ones).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "adapters/store/store.h"
#include "core/model/dataset.h"
#include "core/model/framework.h"
#include "core/model/rational.h"

namespace ocindex::test {

// A CSV table of three Central Asian countries in `framework`'s indicator columns, every
// score `score`: with --replace, a new revision of the edition that changes every figure.
inline std::string ThreeCountriesCsv(const core::Framework& framework, const std::string& score = "5") {
  std::string text = "iso3,country,continent,region";
  for (const auto& indicator : framework.indicators) text += "," + indicator.id;
  text += "\n";
  for (const char* iso3 : {"KAZ", "KGZ", "UZB"}) {
    text += std::string(iso3) + "," + iso3 + ",Asia,Central Asia and the Caucasus";
    for (size_t k = 0; k < framework.indicators.size(); ++k) text += "," + score;
    text += "\n";
  }
  return text;
}

// Two pillars, three indicators: enough to see column order survive.
inline core::Framework StoreTestFramework(const std::string& edition) {
  core::Framework fw;
  fw.id = "test";
  fw.name = "Test Index " + edition;
  fw.edition = edition;
  fw.quadrant_x = "resilience";
  fw.quadrant_y = "criminality";
  for (const char* id : {"criminality", "resilience"}) {
    core::Node pillar;
    pillar.id = id;
    pillar.name = id;
    pillar.kind = core::NodeKind::kPillar;
    fw.nodes.push_back(pillar);
  }
  for (const auto& [id, group] : {std::pair{"markets", "criminality"}, std::pair{"actors", "criminality"},
                                  std::pair{"governance", "resilience"}}) {
    core::Indicator indicator;
    indicator.id = id;
    indicator.name = id;
    indicator.group_id = group;
    fw.indicators.push_back(indicator);
  }
  EXPECT_TRUE(fw.Link().ok());
  return fw;
}

// Countries NGA and CIV; NGA's "actors" is not assessed, CIV's values are odd but exact.
inline adapters::EditionToStore StoreTestEdition(const std::string& edition,
                                                 core::Rational first_score = core::Rational(15, 2),
                                                 const std::string& source = "test fixture") {
  adapters::EditionToStore e;
  e.framework = StoreTestFramework(edition);
  // Tabs, newlines, backslashes and quotes: text must come back byte for byte.
  e.framework_toml = "id = \"test\"\nedition = \"" + edition + "\"\t# a \\ comment\r\n";
  e.source = source;
  e.dataset = core::Dataset::ShapedFor(e.framework);
  int nga = e.dataset.AddCountry({"NGA", "Nigeria", "Africa", "West Africa"});
  e.dataset.score(nga, 0) = first_score;
  // score(nga, 1) stays not assessed.
  e.dataset.score(nga, 2) = core::Rational(13, 4);
  e.dataset.published_value(nga, 0) = core::Rational(4625, 1000);
  int civ = e.dataset.AddCountry({"CIV", "Côte d'Ivoire\t\\N", "Africa", "West Africa"});
  e.dataset.score(civ, 0) = core::Rational(5);
  e.dataset.score(civ, 1) = core::Rational(-1, 2);  // odd but exact: storage must not care
  e.dataset.score(civ, 2) = core::Rational(0);      // zero is a score, not "not assessed"
  e.dataset.published_value(civ, 1) = core::Rational(1234567890123LL, 1000000000000LL);
  return e;
}

inline void ExpectSameDataset(const core::Dataset& a, const core::Dataset& b) {
  EXPECT_EQ(a.edition, b.edition);
  EXPECT_EQ(a.indicator_ids, b.indicator_ids);
  EXPECT_EQ(a.node_ids, b.node_ids);
  ASSERT_EQ(a.country_count(), b.country_count());
  for (size_t c = 0; c < a.countries.size(); ++c) {
    EXPECT_EQ(a.countries[c].iso3, b.countries[c].iso3);
    EXPECT_EQ(a.countries[c].name, b.countries[c].name);
    EXPECT_EQ(a.countries[c].continent, b.countries[c].continent);
    EXPECT_EQ(a.countries[c].region, b.countries[c].region);
  }
  EXPECT_EQ(a.scores, b.scores);
  EXPECT_EQ(a.published, b.published);
}

}  // namespace ocindex::test

// One edition's assessments: which countries, where the publisher placed them, the
// indicator scores and the composite figures the publisher printed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model/framework.h"
#include "core/model/rational.h"

namespace ocindex::core {

struct CountryEntry {
  std::string iso3;
  std::string name;       // as the publisher spelled it in this edition
  std::string continent;  // the publisher's grouping for this edition
  std::string region;
};

struct Dataset {
  std::string edition;
  std::vector<CountryEntry> countries;
  // The framework ids the columns below follow, so a dataset describes itself and can
  // be checked against the framework it is paired with.
  std::vector<std::string> indicator_ids;
  std::vector<std::string> node_ids;
  // scores[c * indicator_count() + i]; nullopt = not assessed (never zero).
  std::vector<std::optional<Rational>> scores;
  // published[c * node_count() + n]: the printed composite, if the source carried one.
  std::vector<std::optional<Rational>> published;

  // Empty dataset shaped for `framework`.
  static Dataset ShapedFor(const Framework& framework);
  int country_count() const { return static_cast<int>(countries.size()); }
  int indicator_count() const { return static_cast<int>(indicator_ids.size()); }
  int node_count() const { return static_cast<int>(node_ids.size()); }
  // Whether the columns follow the framework's ids and the value tables are complete:
  // the precondition of everything that reads scores by the framework's indices.
  bool Fits(const Framework& framework) const;
  // Appends a country with every score not assessed and no published figure; returns its index.
  int AddCountry(CountryEntry entry);
  std::optional<Rational>& score(int country, int indicator) {
    return scores[static_cast<size_t>(country * indicator_count() + indicator)];
  }
  const std::optional<Rational>& score(int country, int indicator) const {
    return scores[static_cast<size_t>(country * indicator_count() + indicator)];
  }
  std::optional<Rational>& published_value(int country, int node) {
    return published[static_cast<size_t>(country * node_count() + node)];
  }
  const std::optional<Rational>& published_value(int country, int node) const {
    return published[static_cast<size_t>(country * node_count() + node)];
  }
  std::optional<int> FindCountry(std::string_view iso3) const;
};

// Projects a dataset onto a framework restricted by RestrictFramework (matching by id).
Dataset ProjectDataset(const Dataset& dataset, const Framework& from, const Framework& to);

// Whether two datasets hold the same figures: the same countries (by ISO3, in any
// order) with the same placement, scores and published composites. Spellings of
// country names are ignored, so one edition read from two sources compares equal.
bool SameFigures(const Dataset& a, const Dataset& b);

// An edition as the engine sees it: the rules and the data.
struct Edition {
  Framework framework;
  Dataset dataset;
};

}  // namespace ocindex::core

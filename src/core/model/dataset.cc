#include "core/model/dataset.h"

namespace ocindex::core {

Dataset Dataset::ShapedFor(const Framework& framework) {
  Dataset dataset;
  dataset.edition = framework.edition;
  for (const Indicator& indicator : framework.indicators) dataset.indicator_ids.push_back(indicator.id);
  for (const Node& node : framework.nodes) dataset.node_ids.push_back(node.id);
  return dataset;
}

int Dataset::AddCountry(CountryEntry entry) {
  countries.push_back(std::move(entry));
  scores.resize(scores.size() + static_cast<size_t>(indicator_count()));
  published.resize(published.size() + static_cast<size_t>(node_count()));
  return country_count() - 1;
}

bool Dataset::Fits(const Framework& framework) const {
  if (indicator_ids.size() != framework.indicators.size() || node_ids.size() != framework.nodes.size()) return false;
  for (size_t i = 0; i < indicator_ids.size(); ++i) {
    if (indicator_ids[i] != framework.indicators[i].id) return false;
  }
  for (size_t n = 0; n < node_ids.size(); ++n) {
    if (node_ids[n] != framework.nodes[n].id) return false;
  }
  return scores.size() == countries.size() * indicator_ids.size() &&
         published.size() == countries.size() * node_ids.size();
}

std::optional<int> Dataset::FindCountry(std::string_view iso3) const {
  for (size_t c = 0; c < countries.size(); ++c) {
    if (countries[c].iso3 == iso3) return static_cast<int>(c);
  }
  return std::nullopt;
}

Dataset ProjectDataset(const Dataset& dataset, const Framework& from, const Framework& to) {
  Dataset out = Dataset::ShapedFor(to);
  out.edition = dataset.edition;
  std::vector<int> source;  // column in `dataset` of each indicator of `to`
  for (const Indicator& indicator : to.indicators) source.push_back(*from.FindIndicator(indicator.id));
  for (int c = 0; c < dataset.country_count(); ++c) {
    int row = out.AddCountry(dataset.countries[static_cast<size_t>(c)]);
    for (int i = 0; i < out.indicator_count(); ++i) out.score(row, i) = dataset.score(c, source[static_cast<size_t>(i)]);
  }
  return out;  // published figures do not carry over: they belong to the full framework
}

bool SameFigures(const Dataset& a, const Dataset& b) {
  if (a.indicator_ids != b.indicator_ids || a.node_ids != b.node_ids || a.country_count() != b.country_count()) {
    return false;
  }
  for (int c = 0; c < a.country_count(); ++c) {
    const CountryEntry& entry = a.countries[static_cast<size_t>(c)];
    auto other = b.FindCountry(entry.iso3);
    if (!other) return false;
    const CountryEntry& twin = b.countries[static_cast<size_t>(*other)];
    if (entry.continent != twin.continent || entry.region != twin.region) return false;
    for (int i = 0; i < a.indicator_count(); ++i) {
      if (a.score(c, i) != b.score(*other, i)) return false;
    }
    for (int n = 0; n < a.node_count(); ++n) {
      if (a.published_value(c, n) != b.published_value(*other, n)) return false;
    }
  }
  return true;
}

}  // namespace ocindex::core

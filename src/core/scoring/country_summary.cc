#include "core/scoring/country_summary.h"

namespace ocindex::core {
namespace {

// Figures of every measure for one country of an edition (by the edition's measures).
std::vector<MeasureFigures> FiguresOf(const RankedEdition& edition, int country) {
  std::vector<MeasureFigures> out(static_cast<size_t>(edition.framework().measure_count()));
  for (int m = 0; m < edition.framework().measure_count(); ++m) {
    MeasureFigures& figures = out[static_cast<size_t>(m)];
    figures.value = edition.value(country, m);
    for (size_t s = 0; s < kScopes.size(); ++s) {
      figures.ranks[s] = edition.rank(country, m, s);
      figures.averages[s] = edition.average(country, m, s);
    }
  }
  return out;
}

}  // namespace

std::vector<int> DisplayOrder(const Framework& framework) {
  std::vector<int> order;
  auto visit = [&](auto&& self, int node) -> void {
    order.push_back(node);
    for (int i : framework.nodes[static_cast<size_t>(node)].indicators) order.push_back(framework.IndicatorMeasure(i));
    for (int child : framework.nodes[static_cast<size_t>(node)].children) self(self, child);
  };
  for (size_t n = 0; n < framework.nodes.size(); ++n) {
    if (framework.nodes[n].parent < 0) visit(visit, static_cast<int>(n));
  }
  return order;
}

Result<CountrySummary> SummarizeCountry(const RankedEdition& edition, const RankedEdition* previous,
                                        const std::string& iso3) {
  auto country = edition.dataset().FindCountry(iso3);
  if (!country) {
    return MakeError(ErrorCode::kNotFound, iso3 + " is not assessed in edition " + edition.framework().edition);
  }
  CountrySummary summary;
  summary.country = edition.dataset().countries[static_cast<size_t>(*country)];
  summary.edition = edition.framework().edition;
  summary.quadrant = Classify(edition.framework(), edition.card(), *country);
  std::vector<MeasureFigures> current = FiguresOf(edition, *country);

  std::vector<MeasureFigures> before;
  if (previous != nullptr) {
    summary.previous_edition = previous->framework().edition;
    if (auto previous_country = previous->dataset().FindCountry(iso3)) before = FiguresOf(*previous, *previous_country);
  }
  for (int m : DisplayOrder(edition.framework())) {
    MeasureSummary row{m, current[static_cast<size_t>(m)], std::nullopt};
    if (!before.empty()) {
      auto old = previous->framework().FindMeasure(edition.framework().MeasureId(m));
      if (old && before[static_cast<size_t>(*old)].value) row.previous = before[static_cast<size_t>(*old)];
    }
    summary.measures.push_back(row);
  }
  return summary;
}

}  // namespace ocindex::core

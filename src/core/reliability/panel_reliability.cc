#include "core/reliability/panel_reliability.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <map>
#include <set>
#include <utility>

#include "core/reliability/krippendorff.h"

namespace ocindex::core {
namespace {

using Ratings = std::vector<std::vector<std::optional<double>>>;

// The units x raters table of the scores whose indicator is in `indicators`.
struct Panel {
  Ratings ratings;
  int raters = 0;
  int present = 0;
};

Panel BuildPanel(const std::vector<ExpertScore>& scores, const std::set<std::string>& indicators) {
  std::map<std::pair<std::string, std::string>, std::size_t> units;  // (indicator, iso3) -> row
  std::map<std::string, std::size_t> raters;                         // expert -> column
  for (const ExpertScore& s : scores) {
    if (!indicators.contains(s.indicator)) continue;
    units.emplace(std::make_pair(s.indicator, s.iso3), 0);
    raters.emplace(s.expert, 0);
  }
  // Sorted keys give every run the same table, whatever order the file listed scores in.
  std::size_t next = 0;
  for (auto& [key, row] : units) row = next++;
  next = 0;
  for (auto& [key, column] : raters) column = next++;
  Panel panel;
  panel.raters = static_cast<int>(raters.size());
  panel.ratings.assign(units.size(), std::vector<std::optional<double>>(raters.size()));
  for (const ExpertScore& s : scores) {
    if (!indicators.contains(s.indicator)) continue;
    auto& slot = panel.ratings[units.at({s.indicator, s.iso3})][raters.at(s.expert)];
    if (!slot) ++panel.present;
    slot = s.score;
  }
  return panel;
}

PanelReliability Measure(std::string id, std::string name, const Panel& panel) {
  PanelReliability out;
  out.id = std::move(id);
  out.name = std::move(name);
  out.units = static_cast<int>(panel.ratings.size());
  out.raters = panel.raters;
  out.ratings = panel.present;
  const double slots = static_cast<double>(out.units) * static_cast<double>(out.raters);
  out.missing_share = slots > 0 ? (slots - static_cast<double>(out.ratings)) / slots : 0.0;
  if (out.raters < 2) {
    out.problems.push_back(fmt::format("needs at least 2 experts; {} found", out.raters));
    return out;
  }
  if (out.units < 2) {
    out.problems.push_back(fmt::format("needs at least 2 scored cells; {} found", out.units));
    return out;
  }
  auto interval = KrippendorffAlpha(panel.ratings, AlphaMetric::kInterval);
  auto ordinal = KrippendorffAlpha(panel.ratings, AlphaMetric::kOrdinal);
  if (interval) out.alpha_interval = *interval;
  if (ordinal) out.alpha_ordinal = *ordinal;
  if (!interval) out.problems.push_back("alpha: " + interval.error().message);

  std::vector<std::vector<double>> complete;
  for (const auto& unit : panel.ratings) {
    if (!std::all_of(unit.begin(), unit.end(), [](const auto& r) { return r.has_value(); })) continue;
    auto& row = complete.emplace_back();
    for (const auto& r : unit) row.push_back(*r);
  }
  out.icc_units = static_cast<int>(complete.size());
  if (complete.size() < 2) {
    out.problems.push_back(
        fmt::format("ICC: needs at least 2 cells scored by all {} experts; {} found", out.raters, complete.size()));
    return out;
  }
  auto icc = Icc2(complete);
  if (icc) {
    out.icc = *icc;
  } else {
    out.problems.push_back("ICC: " + icc.error().message);
  }
  return out;
}

std::set<std::string> IndicatorIds(const Framework& framework, const std::vector<int>& indicators) {
  std::set<std::string> ids;
  for (int i : indicators) ids.insert(framework.indicators[static_cast<std::size_t>(i)].id);
  return ids;
}

bool HasScores(const std::vector<ExpertScore>& scores, const std::set<std::string>& indicators) {
  return std::any_of(scores.begin(), scores.end(),
                     [&](const ExpertScore& s) { return indicators.contains(s.indicator); });
}

}  // namespace

std::vector<PanelReliability> ReliabilityBy(const Framework& framework, const std::vector<ExpertScore>& scores,
                                            ReliabilityScope scope) {
  std::vector<PanelReliability> rows;
  auto add = [&](const std::string& id, const std::string& name, const std::set<std::string>& indicators) {
    if (HasScores(scores, indicators)) rows.push_back(Measure(id, name, BuildPanel(scores, indicators)));
  };
  if (scope == ReliabilityScope::kIndicator) {
    for (const Indicator& indicator : framework.indicators) add(indicator.id, indicator.name, {indicator.id});
  } else if (scope != ReliabilityScope::kAll) {
    const NodeKind kind = scope == ReliabilityScope::kGroup       ? NodeKind::kGroup
                          : scope == ReliabilityScope::kComponent ? NodeKind::kComponent
                                                                  : NodeKind::kPillar;
    for (int n = 0; n < static_cast<int>(framework.nodes.size()); ++n) {
      const Node& node = framework.nodes[static_cast<std::size_t>(n)];
      if (node.kind == kind) add(node.id, node.name, IndicatorIds(framework, framework.IndicatorsUnder(n)));
    }
  }
  std::vector<int> every(framework.indicators.size());
  for (std::size_t i = 0; i < every.size(); ++i) every[i] = static_cast<int>(i);
  rows.push_back(Measure("all", "All indicators", BuildPanel(scores, IndicatorIds(framework, every))));
  return rows;
}

Status CheckMeasurable(const std::string& edition, const PanelReliability& overall) {
  if (overall.alpha_interval || overall.icc) return {};
  return MakeError(ErrorCode::kInvalidInput, fmt::format("edition {}: no reliability can be computed: {}", edition,
                                                         fmt::join(overall.problems, "; ")));
}

}  // namespace ocindex::core

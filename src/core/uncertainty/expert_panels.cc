#include "core/uncertainty/expert_panels.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>


namespace ocindex::core::uncertainty {

namespace {

Error Invalid(const std::string& field, const std::string& what) {
  return MakeError(ErrorCode::kInvalidInput, fmt::format("{}: {}", field, what));
}

struct Rating {
  std::int32_t cell;
  std::int32_t step;
};

// Every score as a cell and a step, or the first problem.
Result<std::vector<Rating>> Ratings(const Framework& framework, const Dataset& dataset,
                                    const std::vector<ExpertScore>& experts) {
  const double step = framework.scale_step.ToDouble();
  const double low = framework.scale_min.ToDouble();
  const double high = framework.scale_max.ToDouble();
  const std::string scale = fmt::format("{} to {} in steps of {}", FormatRational(framework.scale_min),
                                        FormatRational(framework.scale_max), FormatRational(framework.scale_step));
  std::vector<Rating> ratings;
  std::set<std::tuple<std::int32_t, std::string>> seen;  // (cell, expert)
  for (const ExpertScore& score : experts) {
    const std::string who = fmt::format("expert {} on {} for {}", score.expert, score.indicator, score.iso3);
    if (score.edition != framework.edition) {
      return Invalid("expert_bootstrap", fmt::format("a score of {} is for edition {}, but the analysis is of edition {}",
                                                     who, score.edition, framework.edition));
    }
    const std::optional<int> indicator = framework.FindIndicator(score.indicator);
    if (!indicator) {
      return Invalid("expert_bootstrap", fmt::format("{}: unknown indicator \"{}\" in framework {}", who,
                                                     score.indicator, framework.id));
    }
    const std::optional<int> country = dataset.FindCountry(score.iso3);
    if (!country) {
      return Invalid("expert_bootstrap", fmt::format("{}: edition {} does not assess country \"{}\"", who,
                                                     framework.edition, score.iso3));
    }
    const double steps = std::round(score.score / step);
    if (!(score.score >= low && score.score <= high) || std::abs(steps * step - score.score) > 1e-9) {
      return Invalid("expert_bootstrap", fmt::format("{}: score {} is off the scale: expected {}", who, score.score, scale));
    }
    const auto cell = static_cast<std::int32_t>(*indicator * dataset.country_count() + *country);
    if (!seen.emplace(cell, score.expert).second) {
      return Invalid("expert_bootstrap", fmt::format("{} scored the cell twice: expected one score per expert and cell",
                                                     who));
    }
    ratings.push_back({cell, static_cast<std::int32_t>(steps)});
  }
  return ratings;
}

}  // namespace

Result<ExpertPanels> BuildExpertPanels(const ExpertBootstrap& bootstrap, const Framework& framework,
                                       const Dataset& dataset, const std::vector<ExpertScore>& experts) {
  if (experts.empty()) return Invalid("expert_bootstrap", "no expert-level scores were given to resample");
  std::vector<Rating> ratings;
  OCINDEX_ASSIGN_OR_RETURN(ratings, Ratings(framework, dataset, experts));
  std::sort(ratings.begin(), ratings.end(),
            [](const Rating& a, const Rating& b) { return std::tie(a.cell, a.step) < std::tie(b.cell, b.step); });
  const int countries = dataset.country_count();

  // The indicators with a cell two or more experts scored: whether two of a cell disagree.
  std::map<int, bool> disagreement;
  for (size_t begin = 0, end = 0; begin < ratings.size(); begin = end) {
    while (end < ratings.size() && ratings[end].cell == ratings[begin].cell) ++end;
    if (end - begin < 2) continue;
    bool& disagree = disagreement[ratings[begin].cell / countries];
    disagree = disagree || ratings[begin].step != ratings[end - 1].step;
  }
  std::set<int> chosen;
  if (bootstrap.indicators.empty()) {
    bool any_disagreement = false;
    for (const auto& [indicator, disagree] : disagreement) {
      chosen.insert(indicator);
      any_disagreement = any_disagreement || disagree;
    }
    if (!any_disagreement) {
      return Invalid("expert_bootstrap", "no cell has two experts who disagree: resampling them would change nothing");
    }
  }
  for (const std::string& id : bootstrap.indicators) {
    const std::optional<int> indicator = framework.FindIndicator(id);
    if (!indicator) {
      return Invalid("expert_bootstrap.indicators",
                     fmt::format("unknown indicator \"{}\" in framework {}", id, framework.id));
    }
    if (!chosen.insert(*indicator).second) {
      return Invalid("expert_bootstrap.indicators", fmt::format("indicator \"{}\" listed twice", id));
    }
    const auto panel = disagreement.find(*indicator);
    if (panel == disagreement.end() || !panel->second) {
      return Invalid("expert_bootstrap.indicators",
                     fmt::format("no cell of \"{}\" has two experts who disagree: resampling them would change nothing",
                                 id));
    }
  }

  ExpertPanels out;
  out.countries = countries;
  out.indicators.assign(chosen.begin(), chosen.end());
  out.offsets.push_back(0);
  for (size_t begin = 0, end = 0; begin < ratings.size(); begin = end) {
    while (end < ratings.size() && ratings[end].cell == ratings[begin].cell) ++end;
    if (end - begin < 2 || !chosen.contains(ratings[begin].cell / countries)) continue;
    out.cells.push_back(ratings[begin].cell);
    for (size_t r = begin; r < end; ++r) out.steps.push_back(ratings[r].step);
    out.offsets.push_back(static_cast<std::int32_t>(out.steps.size()));
  }
  const auto tile_of = [countries](std::int32_t cell) {
    return std::pair{cell / countries, cell % countries / LaneStreams::kLanes};
  };
  for (size_t k = 0; k < out.cells.size(); ++k) {
    if (k == 0 || tile_of(out.cells[k]) != tile_of(out.cells[k - 1])) out.tiles.push_back(static_cast<std::int32_t>(k));
    out.lanes.push_back(static_cast<std::uint8_t>(out.cells[k] % countries % LaneStreams::kLanes));
  }
  out.tiles.push_back(static_cast<std::int32_t>(out.cells.size()));
  return out;
}

void ResamplePanels(const ExpertPanels& panels, std::uint64_t seed, std::int32_t* steps) {
  LaneStreams streams(seed);
  // Locals: the stores into `steps` could alias the panels' vectors, which would reload them every cell.
  const std::int32_t* cells = panels.cells.data();
  const std::int32_t* offsets = panels.offsets.data();
  const std::int32_t* experts = panels.steps.data();
  const std::uint8_t* lanes = panels.lanes.data();
  ForEachTile(panels, [&](size_t begin, size_t end, std::int32_t largest) {
    std::int32_t sums[LaneStreams::kLanes] = {};
    std::uint32_t words[LaneStreams::kLanes];
    for (std::int32_t draw = 0; draw < largest; draw += 2) {
      streams.Next(words);
      for (size_t k = begin; k < end; ++k) {
        const std::int32_t size = offsets[k + 1] - offsets[k];
        const std::uint8_t lane = lanes[k];
        for (std::int32_t half = 0; half < 2 && draw + half < size; ++half) {
          const std::uint32_t field = (words[lane] >> (16 * half)) & 0xFFFF;
          sums[lane] += experts[offsets[k] + static_cast<std::int32_t>((field * static_cast<std::uint32_t>(size)) >> 16)];
        }
      }
    }
    for (size_t k = begin; k < end; ++k) steps[cells[k]] = RoundedMean(sums[lanes[k]], offsets[k + 1] - offsets[k]);
  });
}

}  // namespace ocindex::core::uncertainty

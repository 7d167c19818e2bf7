#include "adapters/render/profile_view.h"

#include <fmt/format.h>

#include "core/profile/narrative.h"
#include "core/scoring/country_summary.h"

namespace ocindex::adapters::render {
namespace {

// Index of each scope in MeasureFigures' arrays (core::kScopes order).
constexpr size_t kWorld = 0;
constexpr size_t kRegion = 2;

std::optional<std::string> Units(std::optional<int64_t> units, int decimals) {
  if (!units) return std::nullopt;
  return core::FormatUnits(*units, decimals);
}

std::optional<double> AsDouble(std::optional<int64_t> units, int decimals) {
  if (!units) return std::nullopt;
  double scale = 1;
  for (int d = 0; d < decimals; ++d) scale *= 10;
  return static_cast<double>(*units) / scale;
}

std::optional<std::string> RankText(const core::Rank& rank) {
  if (rank.position == 0) return std::nullopt;
  return fmt::format("{}{}/{}", rank.tied ? "=" : "", rank.position, rank.of);
}

std::string SectionTitle(const core::Framework& framework, const std::string& node_id) {
  if (node_id == core::kSummarySection) return "Summary";
  if (node_id == core::kSourcesSection) return "Sources";
  auto node = framework.FindNode(node_id);
  return node ? framework.nodes[static_cast<size_t>(*node)].name : node_id;
}

RowKind RowKindOf(core::NodeKind kind) {
  switch (kind) {
    case core::NodeKind::kPillar: return RowKind::kPillar;
    case core::NodeKind::kComponent: return RowKind::kComponent;
    case core::NodeKind::kGroup: return RowKind::kGroup;
  }
  return RowKind::kGroup;
}

// A node that is its parent's only child under the same name ("Criminal actors" in
// "Criminal actors") would print the same line twice.
bool RepeatsParent(const core::Framework& framework, int node) {
  const core::Node& n = framework.nodes[static_cast<size_t>(node)];
  if (n.parent < 0) return false;
  const core::Node& parent = framework.nodes[static_cast<size_t>(n.parent)];
  return parent.children.size() == 1 && parent.indicators.empty() && parent.name == n.name;
}

}  // namespace

Result<ProfileView> BuildProfileView(const core::RankedEdition& edition, const core::RankedEdition* previous,
                                     const std::string& iso3, const std::string& display_name,
                                     const StoredProfile* narrative) {
  auto summarized = core::SummarizeCountry(edition, previous, iso3);
  if (!summarized) return summarized.error();
  const core::CountrySummary& summary = *summarized;
  const core::Framework& framework = edition.framework();
  const int decimals = framework.decimals;
  ProfileView view;
  view.iso3 = summary.country.iso3;
  view.country = display_name;
  view.edition = summary.edition;
  view.edition_name = framework.name;
  view.continent = summary.country.continent;
  view.region = summary.country.region;
  view.previous_edition = summary.previous_edition;
  view.quadrant = summary.quadrant ? core::QuadrantName(*summary.quadrant) : "not classified";
  const std::string threshold = core::FormatRational(framework.quadrant_threshold);
  view.quadrant_rule = fmt::format("criminality against resilience, cut at {} on both axes; {} counts as high",
                                   threshold, threshold);
  view.scale_min = framework.scale_min.ToDouble();
  view.scale_max = framework.scale_max.ToDouble();

  std::string group;
  std::string pillar;
  for (const core::MeasureSummary& measure : summary.measures) {
    const int m = measure.measure;
    const bool indicator = !framework.IsNode(m);
    ProfileRow row;
    row.id = framework.MeasureId(m);
    row.name = framework.MeasureName(m);
    row.kind = indicator ? RowKind::kIndicator : RowKindOf(framework.nodes[static_cast<size_t>(m)].kind);
    row.score = Units(measure.current.value, decimals);
    row.region_average = Units(measure.current.averages[kRegion], decimals);
    row.world_average = Units(measure.current.averages[kWorld], decimals);
    if (measure.previous) {
      row.previous = Units(measure.previous->value, decimals);
      if (measure.current.value && measure.previous->value) {
        int64_t change = *measure.current.value - *measure.previous->value;
        row.change = (change > 0 ? "+" : "") + core::FormatUnits(change, decimals);
      }
    }
    if (!indicator) {
      group = row.name;
      if (RepeatsParent(framework, m)) continue;
      if (framework.nodes[static_cast<size_t>(m)].parent < 0) {
        pillar = row.id;
        ProfileRanks ranks;
        ranks.measure = row.name;
        for (size_t s = 0; s < 3; ++s) {
          ranks.now[s] = RankText(measure.current.ranks[s]);
          if (!measure.previous) continue;
          const core::Rank& before = measure.previous->ranks[s];
          const core::Rank& now = measure.current.ranks[s];
          ranks.previous[s] = RankText(before);
          if (before.position > 0 && now.position > 0) {
            int moved = before.position - now.position;
            ranks.moved[s] = (moved > 0 ? "+" : "") + std::to_string(moved);
          }
        }
        view.ranks.push_back(std::move(ranks));
      }
    } else {
      view.bars.push_back({pillar, group, row.name, AsDouble(measure.current.value, decimals),
                           AsDouble(measure.current.averages[kRegion], decimals)});
    }
    view.rows.push_back(std::move(row));
  }

  if (narrative == nullptr) {
    view.provenance = "No narrative is stored for this country and edition: a scores-only profile.";
    return view;
  }
  view.sections = OrderedSections(framework, *narrative);
  view.footer = narrative->footer;
  view.provenance = NarrativeProvenance(narrative->info);
  return view;
}

std::vector<ProfileSection> OrderedSections(const core::Framework& framework, const StoredProfile& narrative) {
  std::vector<ProfileSection> sections;
  for (const std::string& id : core::NarrativeSectionIds(framework)) {
    for (const core::NarrativeSection& section : narrative.sections) {
      if (section.node_id == id) sections.push_back({id, SectionTitle(framework, id), section.heading, section.text});
    }
  }
  return sections;
}

std::string NarrativeProvenance(const ProfileRevisionInfo& info) {
  return fmt::format("Narrative revision {}, imported {} by {}{}.", info.revision, info.stored_at, info.author,
                     info.note.empty() ? "" : " (" + info.note + ")");
}

}  // namespace ocindex::adapters::render

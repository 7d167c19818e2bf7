// editions, framework, scores, rank, aggregates: read-only views of one edition.
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "core/scoring/country_summary.h"
#include "core/scoring/ranking.h"
#include "faces/cli/commands.h"

namespace ocindex::cli {
namespace {

using adapters::render::Grid;

// Filters countries by --continent / --region (case-insensitive).
struct PlaceFilter {
  std::string continent;
  std::string region;
  bool Keeps(const core::CountryEntry& country) const {
    return (continent.empty() || core::NormalizeHeader(continent) == core::NormalizeHeader(country.continent)) &&
           (region.empty() || core::NormalizeHeader(region) == core::NormalizeHeader(country.region));
  }
  void AddOptions(CLI::App* command) {
    auto* c = command->add_option("--continent", continent, "Only countries of this continent");
    command->add_option("--region", region, "Only countries of this region")->excludes(c);
  }
};

void Editions(Context& context) {
  auto catalog = context.OpenCatalog();
  if (!catalog) return context.Fail(catalog.error());
  auto editions = catalog->Editions();
  if (!editions) return context.Fail(editions.error());
  Grid grid;
  for (const char* name : {"edition", "name", "countries", "revision", "stored_at", "source"}) grid.AddColumn(name);
  grid.columns[2].numeric = grid.columns[3].numeric = true;
  for (const adapters::EditionInfo& info : *editions) {
    grid.rows.push_back({info.edition, info.name, std::to_string(info.countries), std::to_string(info.revision),
                         info.stored_at, info.source});
  }
  context.Print(grid);
}

void FrameworkTree(Context& context, const std::string& edition_id) {
  auto catalog = context.OpenCatalog();
  if (!catalog) return context.Fail(catalog.error());
  auto edition = LoadEdition(*catalog, edition_id);
  if (!edition) return context.Fail(edition.error());
  const core::Framework& framework = edition->framework;
  Grid grid;
  for (const char* name : {"id", "kind", "name", "parent", "aggregate", "since", "definition"}) grid.AddColumn(name);
  for (int m : core::DisplayOrder(framework)) {
    if (framework.IsNode(m)) {
      const core::Node& node = framework.nodes[static_cast<size_t>(m)];
      grid.rows.push_back({node.id, core::NodeKindName(node.kind), node.name, node.parent_id,
                           node.aggregate == core::Aggregate::kChildren ? "mean of children" : "mean of indicators",
                           std::nullopt, node.definition});
    } else {
      const core::Indicator& indicator = framework.indicators[static_cast<size_t>(m) - framework.nodes.size()];
      grid.rows.push_back({indicator.id, "indicator", indicator.name, indicator.group_id, std::nullopt,
                           indicator.since, indicator.definition});
    }
  }
  std::cerr << fmt::format("{} (edition {}): scale {} to {} in steps of {}; figures rounded half-up to {} decimals; "
                           "quadrant cut {} ({} and above counts as high)\n",
                           framework.name, framework.edition, core::FormatRational(framework.scale_min),
                           core::FormatRational(framework.scale_max), core::FormatRational(framework.scale_step),
                           framework.decimals, core::FormatRational(framework.quadrant_threshold),
                           core::FormatRational(framework.quadrant_threshold));
  context.Print(grid);
}

struct ScoresArgs {
  std::string edition;
  std::vector<std::string> measures;
  PlaceFilter filter;
};

void Scores(Context& context, const ScoresArgs& args) {
  auto view = OpenScoredEdition(context, args.edition);
  if (!view) return context.Fail(view.error());
  auto& [catalog, edition, card] = *view;
  const core::Framework& framework = edition.framework;
  std::vector<int> measures;
  if (args.measures.empty()) {
    // The four headline figures: pillars and components.
    for (int n = 0; n < static_cast<int>(framework.nodes.size()); ++n) {
      if (framework.nodes[static_cast<size_t>(n)].kind != core::NodeKind::kGroup) measures.push_back(n);
    }
  } else if (args.measures.size() == 1 && args.measures[0] == "all") {
    measures = core::DisplayOrder(framework);
  } else {
    for (const std::string& query : args.measures) {
      auto measure = core::ResolveMeasure(framework, query);
      if (!measure) return context.Fail(measure.error());
      measures.push_back(*measure);
    }
  }
  Grid grid;
  for (const char* name : {"iso3", "country", "continent", "region"}) grid.AddColumn(name);
  for (int m : measures) grid.AddColumn(framework.MeasureId(m), true);
  for (int c = 0; c < edition.dataset.country_count(); ++c) {
    const core::CountryEntry& country = edition.dataset.countries[static_cast<size_t>(c)];
    if (!args.filter.Keeps(country)) continue;
    auto& row = grid.AddRow();
    row = {country.iso3, core::DisplayName(catalog.geography(), country), country.continent, country.region};
    for (int m : measures) row.push_back(Units(card.rounded(c, m), framework.decimals));
  }
  context.Print(grid);
}

struct RankArgs {
  std::string edition;
  std::string by = "criminality";
  std::string scope = "world";
  PlaceFilter filter;
};

void RankCommand(Context& context, const RankArgs& args) {
  auto view = OpenScoredEdition(context, args.edition);
  if (!view) return context.Fail(view.error());
  auto& [catalog, edition, card] = *view;
  auto measure = core::ResolveMeasure(edition.framework, args.by);
  if (!measure) return context.Fail(measure.error());
  const core::Scope scope = *core::ParseScope(args.scope);
  std::vector<core::Rank> ranks = core::RankCountries(edition.dataset, card, *measure, scope);
  std::vector<int> order;
  for (int c = 0; c < edition.dataset.country_count(); ++c) {
    if (args.filter.Keeps(edition.dataset.countries[static_cast<size_t>(c)])) order.push_back(c);
  }
  const auto& countries = edition.dataset.countries;
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    const std::string& ga = core::ScopeGroup(countries[static_cast<size_t>(a)], scope);
    const std::string& gb = core::ScopeGroup(countries[static_cast<size_t>(b)], scope);
    if (ga != gb) return ga < gb;
    const core::Rank& ra = ranks[static_cast<size_t>(a)];
    const core::Rank& rb = ranks[static_cast<size_t>(b)];
    if ((ra.position == 0) != (rb.position == 0)) return rb.position == 0;
    if (ra.position != rb.position) return ra.position < rb.position;
    return countries[static_cast<size_t>(a)].name < countries[static_cast<size_t>(b)].name;
  });
  Grid grid;
  grid.AddColumn("rank", true);
  grid.AddColumn("of", true);
  for (const char* name : {"iso3", "country", "continent", "region"}) grid.AddColumn(name);
  grid.AddColumn(edition.framework.MeasureId(*measure), true);
  for (int c : order) {
    const core::Rank& rank = ranks[static_cast<size_t>(c)];
    const core::CountryEntry& country = countries[static_cast<size_t>(c)];
    grid.rows.push_back({rank.position ? std::optional(std::to_string(rank.position)) : std::nullopt,
                         std::to_string(rank.of), country.iso3, core::DisplayName(catalog.geography(), country), country.continent, country.region,
                         Units(card.rounded(c, *measure), edition.framework.decimals)});
  }
  context.Print(grid);
}

struct AggregateArgs {
  std::string edition;
  std::string by = "criminality";
  std::string scope = "region";
};

void Aggregates(Context& context, const AggregateArgs& args) {
  auto view = OpenScoredEdition(context, args.edition);
  if (!view) return context.Fail(view.error());
  auto& [catalog, edition, card] = *view;
  auto measure = core::ResolveMeasure(edition.framework, args.by);
  if (!measure) return context.Fail(measure.error());
  auto means = core::GroupMeans(edition.dataset, card, *measure, *core::ParseScope(args.scope));
  std::sort(means.begin(), means.end(), [](const auto& a, const auto& b) { return a.group < b.group; });
  Grid grid;
  grid.AddColumn(args.scope);
  grid.AddColumn("countries", true);
  grid.AddColumn(edition.framework.MeasureId(*measure), true);
  for (const core::GroupMean& mean : means) {
    grid.rows.push_back({mean.group, std::to_string(mean.members), core::FormatUnits(mean.rounded, card.decimals())});
  }
  context.Print(grid);
}

}  // namespace

void RegisterQueryCommands(CLI::App& app, Context& context) {
  app.add_subcommand("editions", "List the stored editions")->callback([&context] { Editions(context); });

  auto framework_edition = std::make_shared<std::string>();
  auto* framework = app.add_subcommand("framework", "Show an edition's framework: pillars, groups, indicators");
  framework->add_option("edition", *framework_edition, "Edition (default: the newest)");
  framework->callback([&context, framework_edition] { FrameworkTree(context, *framework_edition); });

  auto scores_args = std::make_shared<ScoresArgs>();
  auto* scores = app.add_subcommand("scores", "Every country's scores in an edition");
  scores->add_option("edition", scores_args->edition, "Edition (default: the newest)");
  scores->add_option("--indicator,-i", scores_args->measures,
                     "Indicator or composite id/name (repeatable); 'all' for every one. Default: the composites");
  scores_args->filter.AddOptions(scores);
  scores->callback([&context, scores_args] { Scores(context, *scores_args); });

  auto rank_args = std::make_shared<RankArgs>();
  auto* rank = app.add_subcommand("rank", "Rank countries by an indicator or composite (1 = highest; ties share)");
  rank->add_option("edition", rank_args->edition, "Edition (default: the newest)");
  rank->add_option("--by", rank_args->by, "Indicator or composite id/name");
  rank->add_option("--scope", rank_args->scope, "Rank within: world, continent or region")
      ->check(CLI::IsMember({"world", "continent", "region"}));
  rank_args->filter.AddOptions(rank);
  rank->callback([&context, rank_args] { RankCommand(context, *rank_args); });

  auto aggregate_args = std::make_shared<AggregateArgs>();
  auto* aggregates = app.add_subcommand(
      "aggregates", "Unweighted means of an indicator or composite per region, continent or the world");
  aggregates->add_option("edition", aggregate_args->edition, "Edition (default: the newest)");
  aggregates->add_option("--by", aggregate_args->by, "Indicator or composite id/name");
  aggregates->add_option("--scope", aggregate_args->scope, "Group by: world, continent or region")
      ->check(CLI::IsMember({"world", "continent", "region"}));
  aggregates->callback([&context, aggregate_args] { Aggregates(context, *aggregate_args); });
}

}  // namespace ocindex::cli

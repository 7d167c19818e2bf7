// editions, framework, scores, rank, aggregates: read-only views of one edition.
#include <fmt/format.h>

#include <memory>

#include "app/aggregates_query.h"
#include "app/labels.h"
#include "app/ranks_query.h"
#include "app/scores_query.h"
#include "core/scoring/country_summary.h"
#include "faces/cli/commands.h"

namespace ocindex::cli {
namespace {

using adapters::render::Grid;

void AddPlaceOptions(CLI::App* command, app::PlaceFilter& filter) {
  auto* continent = command->add_option("--continent", filter.continent, "Only countries of this continent");
  command->add_option("--region", filter.region, "Only countries of this region")->excludes(continent);
}

void Editions(Context& context) {
  auto engine = context.OpenEngine();
  if (!engine) return context.Fail(engine.error());
  auto editions = (*engine)->StoredEditions();
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
  auto engine = context.OpenEngine();
  if (!engine) return context.Fail(engine.error());
  auto edition = (*engine)->Edition(edition_id);
  if (!edition) return context.Fail(edition.error());
  const core::Framework& framework = (*edition)->edition.framework;
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

void Scores(Context& context, const app::ScoresQuery& query) {
  auto engine = context.OpenEngine();
  if (!engine) return context.Fail(engine.error());
  auto table = app::Scores(**engine, query);
  if (!table) return context.Fail(table.error());
  Grid grid;
  for (const char* name : {"iso3", "country", "continent", "region"}) grid.AddColumn(name);
  for (const std::string& id : table->measure_ids) grid.AddColumn(id, true);
  for (const app::ScoreRow& row : table->rows) {
    auto& cells = grid.AddRow();
    cells = {row.country->iso3, row.name, row.country->continent, row.country->region};
    for (const auto& value : row.values) cells.push_back(app::Units(value, table->decimals));
  }
  context.Print(grid);
}

void RankCommand(Context& context, const app::RanksQuery& query) {
  auto engine = context.OpenEngine();
  if (!engine) return context.Fail(engine.error());
  auto table = app::Ranks(**engine, query);
  if (!table) return context.Fail(table.error());
  Grid grid;
  grid.AddColumn("rank", true);
  grid.AddColumn("of", true);
  for (const char* name : {"iso3", "country", "continent", "region"}) grid.AddColumn(name);
  grid.AddColumn(table->measure_id, true);
  for (const app::RankRow& row : table->rows) {
    const core::Rank& rank = table->RankInScope(row);
    grid.rows.push_back({app::Text(app::Position(rank)), std::to_string(rank.of), row.country->iso3, row.name,
                         row.country->continent, row.country->region, app::Units(row.value, table->decimals)});
  }
  context.Print(grid);
}

struct AggregateArgs {
  app::AggregatesQuery query;
  std::string by = "criminality";
};

void Aggregates(Context& context, const AggregateArgs& args) {
  app::AggregatesQuery query = args.query;
  query.measures = {args.by};
  auto engine = context.OpenEngine();
  if (!engine) return context.Fail(engine.error());
  auto table = app::Aggregates(**engine, query);
  if (!table) return context.Fail(table.error());
  Grid grid;
  grid.AddColumn(core::ScopeName(table->scope));
  grid.AddColumn("countries", true);
  grid.AddColumn(table->measure_ids[0], true);
  for (const app::AggregateRow& row : table->rows) {
    const app::GroupFigure& figure = row.values[0];
    grid.rows.push_back({row.group, std::to_string(figure.members), app::Units(figure.mean, table->decimals)});
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

  auto scores_args = std::make_shared<app::ScoresQuery>();
  auto* scores = app.add_subcommand("scores", "Every country's scores in an edition");
  scores->add_option("edition", scores_args->edition, "Edition (default: the newest)");
  scores->add_option("--indicator,-i", scores_args->measures,
                     "Indicator or composite id/name (repeatable); 'all' for every one. Default: the composites");
  AddPlaceOptions(scores, scores_args->filter);
  scores->callback([&context, scores_args] { Scores(context, *scores_args); });

  auto rank_args = std::make_shared<app::RanksQuery>();
  auto* rank = app.add_subcommand("rank", "Rank countries by an indicator or composite (1 = highest; ties share)");
  rank->add_option("edition", rank_args->edition, "Edition (default: the newest)");
  rank->add_option("--by", rank_args->measure, "Indicator or composite id/name");
  rank->add_option("--scope", rank_args->scope, "Rank within: world, continent or region")
      ->check(CLI::IsMember({"world", "continent", "region"}));
  AddPlaceOptions(rank, rank_args->filter);
  rank->callback([&context, rank_args] { RankCommand(context, *rank_args); });

  auto aggregate_args = std::make_shared<AggregateArgs>();
  auto* aggregates = app.add_subcommand(
      "aggregates", "Unweighted means of an indicator or composite per region, continent or the world");
  aggregates->add_option("edition", aggregate_args->query.edition, "Edition (default: the newest)");
  aggregates->add_option("--by", aggregate_args->by, "Indicator or composite id/name");
  aggregates->add_option("--scope", aggregate_args->query.scope, "Group by: world, continent or region")
      ->check(CLI::IsMember({"world", "continent", "region"}));
  aggregates->callback([&context, aggregate_args] { Aggregates(context, *aggregate_args); });
}

}  // namespace ocindex::cli

// country, compare, changes: one country in depth, several side by side, and what
// moved between editions.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "app/changes_query.h"
#include "app/compare_query.h"
#include "app/country_query.h"
#include "app/labels.h"
#include "faces/cli/commands.h"

namespace ocindex::cli {
namespace {

using adapters::render::Format;
using adapters::render::Grid;

int Depth(const core::Framework& framework, int measure) {
  int node = framework.IsNode(measure)
                 ? measure
                 : framework.indicators[static_cast<size_t>(measure) - framework.nodes.size()].group;
  int depth = framework.IsNode(measure) ? 0 : 1;
  for (; framework.nodes[static_cast<size_t>(node)].parent >= 0; node = framework.nodes[static_cast<size_t>(node)].parent) {
    ++depth;
  }
  return depth;
}

void CountryCommand(Context& context, const app::CountryQuery& query) {
  auto engine = context.OpenEngine();
  if (!engine) return context.Fail(engine.error());
  auto profile = app::Country(**engine, query);
  if (!profile) return context.Fail(profile.error());
  const core::CountrySummary& summary = profile->summary;
  const core::Framework& framework = profile->edition->edition.framework;
  const int decimals = framework.decimals;
  const bool table = context.format() == Format::kTable;
  const std::string& before = summary.previous_edition;
  Grid grid;
  if (!table) grid.AddColumn("id");  // tables show the indented name alone
  grid.AddColumn("measure");
  grid.AddColumn("score", true);
  for (const char* name : {"world_rank", "continent_rank", "region_rank"}) grid.AddColumn(name, true);
  for (const char* name : {"world_avg", "continent_avg", "region_avg"}) grid.AddColumn(name, true);
  if (!before.empty()) {
    grid.AddColumn(before, true);
    grid.AddColumn("change", true);
    grid.AddColumn(before + "_world_rank", true);
  }
  for (const core::MeasureSummary& row : summary.measures) {
    const std::string& name = framework.MeasureName(row.measure);
    auto& cells = grid.AddRow();
    if (!table) cells.push_back(framework.MeasureId(row.measure));
    cells.push_back(table ? std::string(static_cast<size_t>(2 * Depth(framework, row.measure)), ' ') + name : name);
    cells.push_back(app::Units(row.current.value, decimals));
    for (const core::Rank& rank : row.current.ranks) cells.push_back(app::RankLabel(rank));
    for (const auto& average : row.current.averages) cells.push_back(app::Units(average, decimals));
    if (!before.empty()) {
      std::optional<int64_t> old = row.previous ? row.previous->value : std::nullopt;
      cells.push_back(app::Units(old, decimals));
      cells.push_back(app::SignedUnits(
          old && row.current.value ? std::optional(*row.current.value - *old) : std::nullopt, decimals));
      cells.push_back(row.previous ? app::RankLabel(row.previous->ranks[0]) : std::nullopt);
    }
  }
  const core::CountryEntry& country = *profile->country;
  switch (context.format()) {
    case Format::kTable:
      std::cout << fmt::format("{} ({}), {}: {}, {}\n", profile->name, country.iso3, framework.name, country.continent,
                               country.region)
                << fmt::format("Quadrant: {} (cut at {}; a value of {} counts as high)\n", profile->quadrant,
                               core::FormatRational(framework.quadrant_threshold),
                               core::FormatRational(framework.quadrant_threshold))
                << "Ranks: 1 = highest score; '=' marks a shared rank. Averages are unweighted means of members.\n\n";
      adapters::render::WriteTable(grid, std::cout);
      break;
    case Format::kCsv: adapters::render::WriteCsv(grid, std::cout); break;
    case Format::kJson: {
      nlohmann::ordered_json out = {{"iso3", country.iso3},           {"name", profile->name},
                                    {"publisher_name", country.name}, {"edition", summary.edition},
                                    {"continent", country.continent}, {"region", country.region},
                                    {"quadrant", profile->quadrant},  {"previous_edition", before},
                                    {"measures", adapters::render::ToJson(grid)}};
      std::cout << out.dump(2) << '\n';
      break;
    }
  }
}

void Compare(Context& context, const app::CompareQuery& query) {
  auto engine = context.OpenEngine();
  if (!engine) return context.Fail(engine.error());
  auto compared = app::Compare(**engine, query);
  if (!compared) return context.Fail(compared.error());
  const core::Framework& framework = compared->edition->edition.framework;
  const bool table = context.format() == Format::kTable;
  Grid grid;
  if (!table) grid.AddColumn("id");
  grid.AddColumn("measure");
  for (const core::CountryEntry* country : compared->countries) {
    grid.AddColumn(country->iso3, true);
    grid.AddColumn(country->iso3 + "_world_rank", true);
  }
  for (const app::CompareRow& row : compared->rows) {
    auto& cells = grid.AddRow();
    if (!table) cells.push_back(framework.MeasureId(row.measure));
    cells.push_back((table ? std::string(static_cast<size_t>(2 * Depth(framework, row.measure)), ' ') : "") +
                    framework.MeasureName(row.measure));
    for (const app::ComparedFigure& figure : row.figures) {
      cells.push_back(app::Units(figure.value, compared->decimals));
      cells.push_back(app::RankLabel(figure.world_rank));
    }
  }
  context.Print(grid);
}

void Changes(Context& context, const app::ChangesQuery& query) {
  auto engine = context.OpenEngine();
  if (!engine) return context.Fail(engine.error());
  auto changes = app::Changes(**engine, query);
  if (!changes) return context.Fail(changes.error());
  const core::EditionComparison& comparison = changes->comparison;
  const int d = comparison.decimals;
  const std::string& b = comparison.before_edition;
  const std::string& a = comparison.after_edition;
  Grid grid;
  grid.AddColumn("iso3");
  grid.AddColumn("country");
  for (const std::string& name : {b, a, std::string("change"), b + "_rank", a + "_rank", std::string("rank_change"),
                                  "like_" + b, "like_" + a, std::string("like_change"), "like_" + b + "_rank",
                                  "like_" + a + "_rank", std::string("like_rank_change")}) {
    grid.AddColumn(name, true);
  }
  for (const app::ChangeRow& row : changes->rows) {
    const core::CountryChange& change = row.change;
    grid.rows.push_back({row.country->iso3, row.name, app::Units(change.raw_before.value, d),
                         app::Units(change.raw_after.value, d), app::SignedUnits(change.raw_change(), d),
                         app::RankLabel(change.raw_before.rank), app::RankLabel(change.raw_after.rank),
                         app::RankChangeLabel(change.raw_before.rank, change.raw_after.rank),
                         app::Units(change.like_before.value, d), app::Units(change.like_after.value, d),
                         app::SignedUnits(change.like_change(), d), app::RankLabel(change.like_before.rank),
                         app::RankLabel(change.like_after.rank),
                         app::RankChangeLabel(change.like_before.rank, change.like_after.rank)});
  }
  std::cerr << fmt::format(
      "{} from {} to {} ({} ranks), biggest {} rise first. Raw figures are as published. Like-for-like figures "
      "recompute both editions on the {} indicators they share{}{}.\n",
      comparison.measure_name, b, a, core::ScopeName(comparison.scope), changes->raw ? "raw" : "like-for-like",
      comparison.shared_indicators.size(), changes->added.empty() ? "" : fmt::format("; {} added: {}", a, changes->added),
      changes->dropped.empty() ? "" : fmt::format("; dropped: {}", changes->dropped));
  context.Print(grid);
}

}  // namespace

void RegisterCountryCommands(CLI::App& app, Context& context) {
  auto country_args = std::make_shared<app::CountryQuery>();
  auto* country = app.add_subcommand(
      "country", "A country's profile: every score by group, three ranks, averages, quadrant, changes");
  country->add_option("country", country_args->country, "ISO3 code, English name or publisher spelling")->required();
  country->add_option("--edition,-e", country_args->edition, "Edition (default: the newest)");
  country->callback([&context, country_args] { CountryCommand(context, *country_args); });

  auto compare_args = std::make_shared<app::CompareQuery>();
  auto* compare = app.add_subcommand("compare", "Several countries side by side");
  compare->add_option("countries", compare_args->countries,
                      fmt::format("{} to {} countries", app::kMinCompared, app::kMaxCompared))
      ->required();
  compare->add_option("--edition,-e", compare_args->edition, "Edition (default: the newest)");
  compare->callback([&context, compare_args] { Compare(context, *compare_args); });

  auto changes_args = std::make_shared<app::ChangesQuery>();
  auto* changes = app.add_subcommand(
      "changes", "What moved between two editions, raw (as published) and like-for-like (shared indicators only)");
  changes->add_option("edition", changes_args->to, "Later edition (default: the newest)");
  changes->add_option("--from", changes_args->from, "Earlier edition (default: the framework's previous edition)");
  changes->add_option("--by", changes_args->measure, "Indicator or composite id/name");
  changes->add_option("--scope", changes_args->scope, "Ranks within: world, continent or region")
      ->check(CLI::IsMember({"world", "continent", "region"}));
  changes->add_option("--basis", changes_args->basis, "Order by the raw or the like-for-like change")
      ->check(CLI::IsMember({"raw", "like-for-like"}));
  changes->callback([&context, changes_args] { Changes(context, *changes_args); });
}

}  // namespace ocindex::cli

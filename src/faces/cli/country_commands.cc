// country, compare, changes: one country in depth, several side by side, and what
// moved between editions.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>

#include "core/scoring/comparison.h"
#include "core/scoring/country_summary.h"
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

struct CountryArgs {
  std::string country;
  std::string edition;
};

void CountryCommand(Context& context, const CountryArgs& args) {
  auto catalog = context.OpenCatalog();
  if (!catalog) return context.Fail(catalog.error());
  auto loaded = LoadCountryInEdition(*catalog, args.country, args.edition);
  if (!loaded) return context.Fail(loaded.error());
  auto summary = core::SummarizeCountry(loaded->edition, loaded->previous ? &*loaded->previous : nullptr, loaded->iso3);
  if (!summary) return context.Fail(summary.error());

  const core::Framework& framework = loaded->edition.framework;
  const int decimals = framework.decimals;
  const bool table = context.format() == Format::kTable;
  const std::string& before = summary->previous_edition;
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
  for (const core::MeasureSummary& row : summary->measures) {
    const std::string& name = framework.MeasureName(row.measure);
    auto& cells = grid.AddRow();
    if (!table) cells.push_back(framework.MeasureId(row.measure));
    cells.push_back(table ? std::string(static_cast<size_t>(2 * Depth(framework, row.measure)), ' ') + name : name);
    cells.push_back(Units(row.current.value, decimals));
    for (const core::Rank& rank : row.current.ranks) cells.push_back(RankLabel(rank));
    for (const auto& average : row.current.averages) cells.push_back(Units(average, decimals));
    if (!before.empty()) {
      std::optional<int64_t> old = row.previous ? row.previous->value : std::nullopt;
      cells.push_back(Units(old, decimals));
      cells.push_back(SignedUnits(old && row.current.value ? std::optional(*row.current.value - *old) : std::nullopt,
                                  decimals));
      cells.push_back(row.previous ? RankLabel(row.previous->ranks[0]) : std::nullopt);
    }
  }
  const core::CountryEntry& country = summary->country;
  const std::string quadrant = summary->quadrant ? core::QuadrantName(*summary->quadrant) : "not classified";
  const std::string display = core::DisplayName(catalog->geography(), country);
  switch (context.format()) {
    case Format::kTable:
      std::cout << fmt::format("{} ({}), {}: {}, {}\n", display, country.iso3, framework.name, country.continent,
                               country.region)
                << fmt::format("Quadrant: {} (cut at {}; a value of {} counts as high)\n", quadrant,
                               core::FormatRational(framework.quadrant_threshold),
                               core::FormatRational(framework.quadrant_threshold))
                << "Ranks: 1 = highest score; '=' marks a shared rank. Averages are unweighted means of members.\n\n";
      adapters::render::WriteTable(grid, std::cout);
      break;
    case Format::kCsv: adapters::render::WriteCsv(grid, std::cout); break;
    case Format::kJson: {
      nlohmann::ordered_json out = {{"iso3", country.iso3},           {"name", display},
                            {"publisher_name", country.name}, {"edition", summary->edition},
                            {"continent", country.continent}, {"region", country.region},
                            {"quadrant", quadrant},           {"previous_edition", before},
                            {"measures", adapters::render::ToJson(grid)}};
      std::cout << out.dump(2) << '\n';
      break;
    }
  }
}

struct CompareArgs {
  std::vector<std::string> countries;
  std::string edition;
};

void Compare(Context& context, const CompareArgs& args) {
  auto catalog = context.OpenCatalog();
  if (!catalog) return context.Fail(catalog.error());
  auto edition = LoadEdition(*catalog, args.edition);
  if (!edition) return context.Fail(edition.error());
  auto card = core::Scorecard::Compute(edition->framework, edition->dataset);
  if (!card) return context.Fail(card.error());
  const core::Framework& framework = edition->framework;
  std::vector<int> picked;
  for (const std::string& query : args.countries) {
    auto iso3 = core::ResolveCountry(catalog->geography(), query);
    if (!iso3) return context.Fail(iso3.error());
    auto index = edition->dataset.FindCountry(*iso3);
    if (!index) {
      return context.Fail(MakeError(ErrorCode::kNotFound, *iso3 + " is not assessed in edition " + framework.edition));
    }
    picked.push_back(*index);
  }
  const bool table = context.format() == Format::kTable;
  Grid grid;
  if (!table) grid.AddColumn("id");
  grid.AddColumn("measure");
  for (int c : picked) {
    grid.AddColumn(edition->dataset.countries[static_cast<size_t>(c)].iso3, true);
    grid.AddColumn(edition->dataset.countries[static_cast<size_t>(c)].iso3 + "_world_rank", true);
  }
  for (int m : core::DisplayOrder(framework)) {
    auto ranks = core::RankCountries(edition->dataset, *card, m, core::Scope::kWorld);
    auto& row = grid.AddRow();
    if (!table) row.push_back(framework.MeasureId(m));
    row.push_back((table ? std::string(static_cast<size_t>(2 * Depth(framework, m)), ' ') : "") +
                  framework.MeasureName(m));
    for (int c : picked) {
      row.push_back(Units(card->rounded(c, m), framework.decimals));
      row.push_back(RankLabel(ranks[static_cast<size_t>(c)]));
    }
  }
  context.Print(grid);
}

struct ChangesArgs {
  std::string edition;
  std::string from;
  std::string by = "criminality";
  std::string scope = "world";
};

void Changes(Context& context, const ChangesArgs& args) {
  auto catalog = context.OpenCatalog();
  if (!catalog) return context.Fail(catalog.error());
  auto after = LoadEdition(*catalog, args.edition);
  if (!after) return context.Fail(after.error());
  const std::string from = args.from.empty() ? after->framework.previous : args.from;
  if (from.empty()) {
    return context.Fail(MakeError(ErrorCode::kInvalidInput,
                                  "edition " + after->framework.edition + " has no previous edition; pass --from"));
  }
  auto before = catalog->Load(from);
  if (!before) return context.Fail(before.error());
  auto comparison = core::CompareEditions(*before, *after, args.by, *core::ParseScope(args.scope));
  if (!comparison) return context.Fail(comparison.error());
  auto& rows = comparison->countries;
  // Biggest raw movers first.
  std::stable_sort(rows.begin(), rows.end(), [](const core::CountryChange& a, const core::CountryChange& b) {
    return a.raw_change().value_or(0) > b.raw_change().value_or(0);
  });
  const int d = comparison->decimals;
  const std::string& b = comparison->before_edition;
  const std::string& a = comparison->after_edition;
  Grid grid;
  grid.AddColumn("iso3");
  grid.AddColumn("country");
  for (const std::string& name : {b, a, std::string("change"), b + "_rank", a + "_rank", std::string("rank_change"),
                                  "like_" + b, "like_" + a, std::string("like_change"), "like_" + b + "_rank",
                                  "like_" + a + "_rank", std::string("like_rank_change")}) {
    grid.AddColumn(name, true);
  }
  auto rank_change = [](const core::Rank& old_rank, const core::Rank& new_rank) -> std::optional<std::string> {
    if (old_rank.position == 0 || new_rank.position == 0) return std::nullopt;
    int moved = old_rank.position - new_rank.position;  // positive: climbed towards 1
    return (moved > 0 ? "+" : "") + std::to_string(moved);
  };
  for (const core::CountryChange& row : rows) {
    grid.rows.push_back({row.iso3, core::DisplayName(catalog->geography(), {row.iso3, row.name, "", ""}), Units(row.raw_before.value, d), Units(row.raw_after.value, d),
                         SignedUnits(row.raw_change(), d), RankLabel(row.raw_before.rank), RankLabel(row.raw_after.rank),
                         rank_change(row.raw_before.rank, row.raw_after.rank), Units(row.like_before.value, d),
                         Units(row.like_after.value, d), SignedUnits(row.like_change(), d),
                         RankLabel(row.like_before.rank), RankLabel(row.like_after.rank),
                         rank_change(row.like_before.rank, row.like_after.rank)});
  }
  std::cerr << fmt::format(
      "{} from {} to {} ({} ranks). Raw figures are as published. Like-for-like figures recompute both "
      "editions on the {} indicators they share{}{}.\n",
      comparison->measure_name, b, a, core::ScopeName(comparison->scope), comparison->shared_indicators.size(),
      comparison->only_after.empty() ? "" : fmt::format("; {} added: {}", a, core::IndicatorNames(after->framework, comparison->only_after)),
      comparison->only_before.empty() ? "" : fmt::format("; dropped: {}", core::IndicatorNames(before->framework, comparison->only_before)));
  context.Print(grid);
}

}  // namespace

void RegisterCountryCommands(CLI::App& app, Context& context) {
  auto country_args = std::make_shared<CountryArgs>();
  auto* country = app.add_subcommand(
      "country", "A country's profile: every score by group, three ranks, averages, quadrant, changes");
  country->add_option("country", country_args->country, "ISO3 code, English name or publisher spelling")->required();
  country->add_option("--edition,-e", country_args->edition, "Edition (default: the newest)");
  country->callback([&context, country_args] { CountryCommand(context, *country_args); });

  auto compare_args = std::make_shared<CompareArgs>();
  auto* compare = app.add_subcommand("compare", "Several countries side by side");
  compare->add_option("countries", compare_args->countries, "Two or more countries")->required()->expected(2, 20);
  compare->add_option("--edition,-e", compare_args->edition, "Edition (default: the newest)");
  compare->callback([&context, compare_args] { Compare(context, *compare_args); });

  auto changes_args = std::make_shared<ChangesArgs>();
  auto* changes = app.add_subcommand(
      "changes", "What moved between two editions, raw (as published) and like-for-like (shared indicators only)");
  changes->add_option("edition", changes_args->edition, "Later edition (default: the newest)");
  changes->add_option("--from", changes_args->from, "Earlier edition (default: the framework's previous edition)");
  changes->add_option("--by", changes_args->by, "Indicator or composite id/name");
  changes->add_option("--scope", changes_args->scope, "Ranks within: world, continent or region")
      ->check(CLI::IsMember({"world", "continent", "region"}));
  changes->callback([&context, changes_args] { Changes(context, *changes_args); });
}

}  // namespace ocindex::cli

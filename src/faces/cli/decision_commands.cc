// whatif, target, explain, peers, clusters: the decision analytics. Tables and CSV
// print the app's grids; --format json prints the API's body (faces/server/decision_json.h).
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "adapters/io/scenario_json.h"
#include "adapters/io/text_file.h"
#include "app/labels.h"
#include "faces/cli/commands.h"
#include "faces/server/decision_json.h"

namespace ocindex::cli {
namespace {

using adapters::render::Format;

bool Json(const Context& context) { return context.format() == Format::kJson; }

struct WhatIfArgs {
  app::WhatIfQuery query;
  std::string scenario_file;
  std::string save_file;
  std::string show = "outcomes";
};

void WhatIfCommand(Context& context, WhatIfArgs args) {
  if (!args.scenario_file.empty()) {
    auto text = adapters::io::ReadTextFile(args.scenario_file);
    if (!text) return context.Fail(text.error());
    auto scenario = adapters::io::ScenarioFromJson(*text, args.scenario_file);
    if (!scenario) return context.Fail(scenario.error());
    args.query.scenario = std::move(*scenario);
  }
  auto engine = context.OpenEngine();
  if (!engine) return context.Fail(engine.error());
  auto answer = app::WhatIf(**engine, args.query);
  if (!answer) return context.Fail(answer.error());
  if (!args.save_file.empty()) {
    const std::string json = adapters::io::ScenarioToJson(answer->scenario).dump(2) + "\n";
    if (Status saved = adapters::io::WriteFileAtomically(args.save_file, json); !saved) return context.Fail(saved.error());
    std::cerr << "scenario saved to " << args.save_file << '\n';
  }
  if (Json(context)) {
    std::cout << server::WhatIfJson(*answer).dump(2) << '\n';
    return;
  }
  for (const core::CountryOutcome& outcome : answer->result.countries) {
    std::cerr << fmt::format("{}: quadrant {} -> {}\n", answer->names[static_cast<size_t>(outcome.country)],
                             app::QuadrantLabel(outcome.quadrant_before), app::QuadrantLabel(outcome.quadrant_after));
  }
  for (const core::ScoreChange& change : answer->result.changes) {
    if (change.clamped) {
      std::cerr << fmt::format("note: {} of {} clamped to the scale at {}\n",
                               answer->edition->edition.framework.indicators[static_cast<size_t>(change.indicator)].id,
                               answer->names[static_cast<size_t>(change.country)], core::FormatRational(change.after));
    }
  }
  std::cerr << fmt::format("{} other countries' composite ranks move (--show knock-on)\n",
                           answer->result.knock_on.size());
  if (args.show == "knock-on") return context.Print(app::KnockOnGrid(*answer));
  if (args.show == "averages") return context.Print(app::AveragesGrid(*answer));
  context.Print(app::WhatIfGrid(*answer));
}

void TargetCommand(Context& context, const app::TargetQuery& query) {
  auto engine = context.OpenEngine();
  if (!engine) return context.Fail(engine.error());
  auto plan = app::Target(**engine, query);
  if (!plan) return context.Fail(plan.error());
  if (Json(context)) {
    std::cout << server::TargetJson(*plan).dump(2) << '\n';
    return;
  }
  std::cerr << app::TargetSummary(*plan) << '\n';
  context.Print(app::TargetGrid(*plan));
}

void ExplainCommand(Context& context, const app::ExplainQuery& query) {
  auto engine = context.OpenEngine();
  if (!engine) return context.Fail(engine.error());
  auto explanation = app::Explain(**engine, query);
  if (!explanation) return context.Fail(explanation.error());
  if (Json(context)) {
    std::cout << server::ExplainJson(*explanation).dump(2) << '\n';
    return;
  }
  const core::Decomposition& d = explanation->decomposition;
  std::cerr << fmt::format("{}: {} {} {} minus {} {} {} = {} (a: {}, b: {}); contributions are score difference x "
                           "effective weight, summing exactly to the difference\n",
                           d.measure_id, explanation->name_a, explanation->a->id,
                           core::FormatUnits(d.published_a, d.decimals), explanation->name_b, explanation->b->id,
                           core::FormatUnits(d.published_b, d.decimals),
                           *app::SignedUnits(d.published_a - d.published_b, d.decimals), explanation->country_a->iso3,
                           explanation->country_b->iso3);
  context.Print(app::ExplainGrid(*explanation));
}

struct PeersArgs {
  app::PeersQuery query;
  bool trajectories = false;
};

void PeersCommand(Context& context, const PeersArgs& args) {
  auto engine = context.OpenEngine();
  if (!engine) return context.Fail(engine.error());
  auto table = app::Peers(**engine, args.query);
  if (!table) return context.Fail(table.error());
  if (Json(context)) {
    std::cout << server::PeersJson(*table).dump(2) << '\n';
    return;
  }
  std::cerr << fmt::format("peers of {} on {} indicators: root mean square of score differences over the indicators "
                           "both were assessed on (fewer than half shared: not compared)\n",
                           table->name, table->indicators.size());
  context.Print(args.trajectories ? app::TrajectoriesGrid(*table) : app::PeersGrid(*table));
}

struct ClustersArgs {
  app::ClustersQuery query;
  bool summary = false;
};

void ClustersCommand(Context& context, const ClustersArgs& args) {
  auto engine = context.OpenEngine();
  if (!engine) return context.Fail(engine.error());
  auto table = app::Clusters(**engine, args.query);
  if (!table) return context.Fail(table.error());
  if (Json(context)) {
    std::cout << server::ClustersJson(*table).dump(2) << '\n';
    return;
  }
  std::cerr << fmt::format("{} Ward clusters on {} indicators{}\n", table->clustering.clusters.size(),
                           table->indicators.size(),
                           table->clustering.by_rule ? std::string(", cut at ") + core::kClusterCutRule : "");
  context.Print(args.summary ? app::ClusterSummaryGrid(*table) : app::ClusterMembersGrid(*table));
}

}  // namespace

void RegisterDecisionCommands(CLI::App& app, Context& context) {
  auto whatif_args = std::make_shared<WhatIfArgs>();
  auto* whatif = app.add_subcommand("whatif", "What if a country's indicator scores changed: composites, ranks, "
                                              "quadrant, knock-on ranks and averages before and after");
  whatif->add_option("country", whatif_args->query.country, "Country (ISO3, name or alias) of the changes");
  whatif->add_option("changes", whatif_args->query.changes, "indicator=+1 shifts, indicator=4 sets (clamped to the scale)");
  whatif->add_option("--edition", whatif_args->query.edition, "Edition (default: the scenario's, else the newest)");
  whatif->add_option("--scenario", whatif_args->scenario_file, "Replay a saved scenario (JSON); changes add to it");
  whatif->add_option("--save", whatif_args->save_file, "Save the scenario as applied (JSON)");
  whatif->add_option("--show", whatif_args->show, "outcomes (default), knock-on or averages")
      ->check(CLI::IsMember({"outcomes", "knock-on", "averages"}));
  whatif->callback([&context, whatif_args] { WhatIfCommand(context, *whatif_args); });

  auto target_args = std::make_shared<app::TargetQuery>();
  auto* target = app.add_subcommand("target", "What it takes: the least half-point steps that reach a rank, score, "
                                              "place above a country or quadrant (proven minimal)");
  target->add_option("country", target_args->country, "Country (ISO3, name or alias)")->required();
  target->add_option("goal", target_args->goal,
                     "'resilience rank<=100', 'criminality rank>=150', 'resilience>=6', 'resilience>KGZ', "
                     "'quadrant=low criminality, high resilience'")
      ->required();
  target->add_option("--edition", target_args->edition, "Edition (default: the newest)");
  target->add_option("--scope", target_args->scope, "Rank goals within: world, continent or region")
      ->check(CLI::IsMember({"world", "continent", "region"}));
  target->add_option("--allow", target_args->allow, "Indicator that may move (repeatable; default: all)");
  target->add_option("--cost", target_args->costs, "Cost per step, indicator=2 (repeatable; default 1)");
  target->add_option("--ties", target_args->ties, "Tied minimal plans listed at most");
  target->callback([&context, target_args] { TargetCommand(context, *target_args); });

  auto explain_args = std::make_shared<app::ExplainQuery>();
  auto* explain = app.add_subcommand("explain", "Why two figures differ: per-indicator contributions of two countries "
                                                "(A minus B) or of one country between editions, as a waterfall");
  explain->add_option("countries", explain_args->countries, "Two countries, or one with --from/--to")->required();
  explain->add_option("--by", explain_args->measure, "Composite id or name");
  explain->add_option("--edition", explain_args->edition, "Edition of two countries (default: the newest)");
  explain->add_option("--from", explain_args->from, "Earlier edition (default: the later one's previous)");
  explain->add_option("--to", explain_args->to, "Later edition (default: the newest)");
  explain->callback([&context, explain_args] { ExplainCommand(context, *explain_args); });

  auto peers_args = std::make_shared<PeersArgs>();
  auto* peers = app.add_subcommand("peers", "A country's nearest peers by indicator profile, and their trajectories");
  peers->add_option("country", peers_args->query.country, "Country (ISO3, name or alias)")->required();
  peers->add_option("--edition", peers_args->query.edition, "Edition (default: the newest)");
  peers->add_option("--on", peers_args->query.on, "Compare the indicators beneath this composite, or all");
  peers->add_option("--count", peers_args->query.count, "Peers listed");
  peers->add_flag("--trajectories", peers_args->trajectories,
                  "Show the country's and its peers' composite across editions, raw and like-for-like");
  peers->add_option("--trace", peers_args->query.trace, "Composite the trajectories follow");
  peers->callback([&context, peers_args] { PeersCommand(context, *peers_args); });

  auto clusters_args = std::make_shared<ClustersArgs>();
  auto* clusters = app.add_subcommand("clusters", "Ward clusters of every country by indicator profile");
  clusters->add_option("edition", clusters_args->query.edition, "Edition (default: the newest)");
  clusters->add_option("--on", clusters_args->query.on, "Cluster on the indicators beneath this composite, or all");
  clusters->add_option("--clusters,-k", clusters_args->query.clusters, "Number of clusters (default 0: the cut rule)");
  clusters->add_flag("--summary", clusters_args->summary, "One row per cluster with its distinctive indicators");
  clusters->callback([&context, clusters_args] { ClustersCommand(context, *clusters_args); });
}

}  // namespace ocindex::cli

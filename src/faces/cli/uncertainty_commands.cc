// uncertainty and sensitivity: Monte Carlo rank intervals and Sobol indices on a stored
// edition (core/uncertainty; methods in docs/ANALYTICS.md). Without --spec the flags
// describe the spec; by default the reference experiment (every score +-0.5 with
// probability 1/4 each, every indicator weight x (1 + U(-0.25, 0.25))); --experts
// resamples expert-level scores instead of the score noise.
#include <fmt/format.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <sstream>

#include "adapters/io/text_file.h"
#include "adapters/io/uncertainty_spec_json.h"
#include "adapters/render/rank_interval_chart.h"
#include "app/labels.h"
#include "app/uncertainty_query.h"
#include "core/model/lookup.h"
#include "core/scoring/ranking.h"
#include "core/uncertainty/sensitivity_analysis.h"
#include "core/uncertainty/uncertainty_analysis.h"
#include "faces/cli/commands.h"
#include "faces/cli/expert_input.h"
#include "faces/cli/progress.h"

namespace ocindex::cli {
namespace {

using adapters::render::Grid;
namespace un = core::uncertainty;

struct SpecArgs {
  std::string edition;
  std::string spec_file;
  double score_noise = 0.25;
  double weight_noise = 0.25;
  double component_noise = 0;
  bool geometric = false;
  bool pooled = false;
  double threshold_spread = 0;
  std::vector<std::string> exclude;
  std::string experts;
  std::uint64_t seed = 1;
  std::string sampling = "random";
  int threads = 0;
  std::string runs_out;
};

un::Sampling SamplingOf(const SpecArgs& args) {
  return args.sampling == "sobol" ? un::Sampling::kSobol : un::Sampling::kPseudoRandom;
}

struct UncertaintyArgs : SpecArgs {
  std::int64_t runs = 10000;
  std::string what = "ranks";
  std::string chart;
};

struct SensitivityArgs : SpecArgs {
  int samples = 1000;
  int bootstrap = 1000;
  std::string country;
  std::string pillar;
};

void AddSpecOptions(CLI::App* command, SpecArgs& args, const char* runs_out_help) {
  command->add_option("--edition,-e", args.edition, "Edition (default: the newest)");
  auto* spec = command->add_option("--spec", args.spec_file, "Uncertainty spec as JSON (docs/ANALYTICS.md); "
                                                             "replaces the spec flags below");
  const auto flag_option = [&](const char* name, auto& target, const char* help) {
    command->add_option(name, target, help)->excludes(spec)->capture_default_str();
  };
  auto* score_noise = command
                          ->add_option("--score-noise", args.score_noise,
                                       "Probability that a score moves one step down, and the same up (0 = scores fixed)")
                          ->excludes(spec)
                          ->capture_default_str();
  flag_option("--weight-noise", args.weight_noise, "Indicator weights x (1 + U(-a, a)); 0 = fixed");
  flag_option("--component-noise", args.component_noise, "Component weights (markets, actors) x (1 + U(-a, a)); 0 = fixed");
  command->add_flag("--geometric", args.geometric, "Each run uses the arithmetic or the geometric mean")->excludes(spec);
  command->add_flag("--pooled", args.pooled,
                    "Each run forms criminality as published (markets and actors weigh equally) or as the pooled "
                    "mean of its indicators")
      ->excludes(spec);
  flag_option("--threshold-spread", args.threshold_spread, "Quadrant threshold +- U(0, x); 0 = fixed");
  command->add_option("--exclude", args.exclude, "Indicators each run may leave out (none or one of them)")
      ->delimiter(',')
      ->excludes(spec);
  command
      ->add_option("--experts", args.experts,
                   "Expert-level scores to resample (expert bootstrap): a CSV file (docs/EXPERT_DATA.md) or 'stored' "
                   "(the edition's newest stored revision). Without --spec it replaces the score noise; with --spec, "
                   "the spec's expert_bootstrap says which indicators")
      ->excludes(score_noise);
  command->add_option("--seed", args.seed, "Random seed: the same seed gives the same figures")->capture_default_str();
  command->add_option("--sampling", args.sampling,
                      "random (pseudo-random points) or sobol (Sobol quasi-random points with a random digital shift; "
                      "best with a power-of-two number of points)")
      ->check(CLI::IsMember({"random", "sobol"}))
      ->capture_default_str();
  command->add_option("--threads", args.threads, "Worker threads (0 = all hardware threads)")
      ->check(CLI::NonNegativeNumber);
  command->add_option("--runs-out", args.runs_out, runs_out_help);
}

Result<un::UncertaintySpec> SpecFrom(const SpecArgs& args) {
  if (!args.spec_file.empty()) {
    std::string text;
    OCINDEX_ASSIGN_OR_RETURN(text, adapters::io::ReadTextFile(args.spec_file));
    return adapters::io::UncertaintySpecFromJson(text, args.spec_file);
  }
  un::UncertaintySpec spec;
  if (!args.experts.empty()) {
    spec.expert_bootstrap.emplace();  // every indicator with expert data, in place of the score noise
  } else if (args.score_noise != 0) {
    spec.score_noise.push_back({{}, args.score_noise, args.score_noise});
  }
  if (args.weight_noise != 0) spec.weight_noise.push_back({un::WeightLevel::kIndicator, args.weight_noise});
  if (args.component_noise != 0) spec.weight_noise.push_back({un::WeightLevel::kComponent, args.component_noise});
  if (args.geometric) spec.aggregation.push_back(un::Aggregation::kGeometric);
  if (args.pooled) spec.pillar_formula.push_back(un::PillarFormula::kPooled);
  spec.threshold_spread = args.threshold_spread;
  spec.exclusion_candidates = args.exclude;
  return spec;
}

struct Prepared {
  std::string edition;
  un::Plan plan;
};

Result<Prepared> Prepare(const Context& context, const SpecArgs& args) {
  un::UncertaintySpec spec;
  OCINDEX_ASSIGN_OR_RETURN(spec, SpecFrom(args));
  auto engine = context.OpenEngine();
  if (!engine) return engine.error();
  const app::LoadedEdition* loaded = nullptr;
  OCINDEX_ASSIGN_OR_RETURN(loaded, (*engine)->Edition(args.edition));
  app::UncertaintyQuery query{loaded->id, spec, {}};
  if (!args.experts.empty()) {
    OCINDEX_ASSIGN_OR_RETURN(query.experts, ExpertScoresOf(**engine, args.experts, loaded->id));
  }
  auto planned = app::PlanUncertainty(**engine, query);
  if (!planned) {
    Error error = planned.error();
    if (!args.spec_file.empty()) error.where = args.spec_file;
    return error;
  }
  return Prepared{loaded->id, std::move(planned->plan)};
}

Status WriteCsvFile(const std::string& path, const Grid& grid) {
  std::ostringstream text;
  adapters::render::WriteCsv(grid, text);
  return adapters::io::WriteFileAtomically(path, text.str());
}

Status WriteUncertaintyRuns(const un::Plan& plan, const un::AnalysisOptions& options, const std::string& path) {
  Grid grid;
  grid.AddColumn("run", true);
  for (const std::string& column : un::ParameterColumns(plan)) grid.AddColumn(column);
  un::ForEachRunParameters(plan, options, [&](std::int64_t run, const un::RunParameters& params) {
    auto& row = grid.AddRow();
    row.push_back(std::to_string(run));
    for (std::string& value : un::ParameterValues(plan, params)) row.push_back(std::move(value));
  });
  return WriteCsvFile(path, grid);
}

Grid RankGrid(const un::UncertaintyResult& result, int decimals) {
  Grid grid;
  for (const char* name : {"pillar", "iso3", "country"}) grid.AddColumn(name);
  for (const char* name : {"nominal_score", "nominal_rank", "rank_mean", "rank_median", "rank_q05", "rank_q95",
                           "score_mean", "score_median", "score_q05", "score_q95"}) {
    grid.AddColumn(name, true);
  }
  for (size_t p = 0; p < result.pillars.size(); ++p) {
    for (const un::CountryOutcome* country : app::ByNominalRank(result, p)) {
      const un::PillarOutcome& o = country->pillars[p];
      grid.rows.push_back({result.pillars[p], country->iso3, country->name, app::Fixed(o.nominal_value, decimals),
                           std::to_string(o.nominal_rank), app::Fixed(o.rank.mean, 2), app::Fixed(o.rank.median, 1),
                           app::Fixed(o.rank.q05, 2), app::Fixed(o.rank.q95, 2), app::Fixed(o.value.mean, decimals + 2),
                           app::Fixed(o.value.median, decimals + 1), app::Fixed(o.value.q05, decimals + 1),
                           app::Fixed(o.value.q95, decimals + 1)});
    }
  }
  return grid;
}

Grid QuadrantGrid(const un::UncertaintyResult& result) {
  Grid grid;
  for (const char* name : {"iso3", "country", "nominal_quadrant"}) grid.AddColumn(name);
  for (core::Quadrant quadrant : app::kQuadrants) grid.AddColumn("p_" + app::QuadrantKey(quadrant), true);
  for (const un::CountryOutcome& country : result.countries) {
    auto& row = grid.AddRow();
    row = {country.iso3, country.name};
    row.push_back(country.nominal_quadrant < 0
                      ? std::nullopt
                      : std::optional<std::string>(core::QuadrantName(app::kQuadrants[static_cast<size_t>(country.nominal_quadrant)])));
    for (double p : country.quadrant_probability) row.push_back(app::Fixed(p, 4));
  }
  return grid;
}

void Uncertainty(Context& context, const UncertaintyArgs& args) {
  auto prepared = Prepare(context, args);
  if (!prepared) return context.Fail(prepared.error());
  const un::Plan& plan = prepared->plan;
  un::AnalysisOptions options;
  options.seed = args.seed;
  options.sampling = SamplingOf(args);
  options.runs = args.runs;
  options.threads = args.threads;
  options.progress = TerminalProgress();
  const auto start = std::chrono::steady_clock::now();
  auto result = un::RunUncertainty(plan, options);
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  EndProgress();
  if (!result) return context.Fail(result.error());
  std::cerr << fmt::format("{} runs of edition {} in {:.3f} s ({:.0f} runs/s, {} threads, {} path), {} sampling, seed {}\n",
                           result->runs, prepared->edition, elapsed.count(),
                           static_cast<double>(result->runs) / elapsed.count(), result->threads,
                           result->fast_path ? "fast" : "general", un::SamplingName(result->sampling), result->seed);
  if (!args.runs_out.empty()) {
    Status written = WriteUncertaintyRuns(plan, options, args.runs_out);
    if (!written) return context.Fail(written.error());
  }
  if (!args.chart.empty()) {
    const std::string title = fmt::format("GOCI {}: rank intervals over {} runs (seed {})", prepared->edition,
                                          result->runs, result->seed);
    Status written = adapters::io::WriteFileAtomically(args.chart, adapters::render::RankIntervalChartSvg(*result, title));
    if (!written) return context.Fail(written.error());
  }
  context.Print(args.what == "quadrants" ? QuadrantGrid(*result) : RankGrid(*result, plan.decimals));
}

std::optional<std::string> Number(double value) { return fmt::format("{:.4f}", value); }

void Sensitivity(Context& context, const SensitivityArgs& args) {
  auto prepared = Prepare(context, args);
  if (!prepared) return context.Fail(prepared.error());
  const un::Plan& plan = prepared->plan;
  un::SensitivityOptions options;
  options.seed = args.seed;
  options.sampling = SamplingOf(args);
  options.samples = args.samples;
  options.threads = args.threads;
  options.bootstrap = args.bootstrap;
  options.progress = TerminalProgress();
  if (!args.pillar.empty()) {
    options.pillar = -1;
    for (int p = 0; p < plan.pillar_count(); ++p) {
      if (plan.pillars[static_cast<size_t>(p)].id == args.pillar) options.pillar = p;
    }
    if (options.pillar < 0) return context.Fail(MakeError(ErrorCode::kNotFound, "no pillar " + args.pillar));
  }
  if (!args.country.empty()) {
    for (int c = 0; c < plan.countries; ++c) {
      if (plan.country_codes[static_cast<size_t>(c)] == args.country) options.country = c;
    }
    if (options.country < 0) {
      return context.Fail(MakeError(ErrorCode::kNotFound, "no country with ISO3 code " + args.country +
                                                             " in edition " + prepared->edition));
    }
  }
  const auto start = std::chrono::steady_clock::now();
  auto result = un::RunSensitivity(plan, options);
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  EndProgress();
  if (!result) return context.Fail(result.error());
  std::cerr << fmt::format("{} runs ({} samples x ({} inputs + 2)) of edition {} in {:.3f} s, {} sampling, seed {}\n",
                           result->runs, result->samples, result->inputs.size(), prepared->edition, elapsed.count(),
                           un::SamplingName(options.sampling), args.seed);
  Grid grid;
  for (const char* name : {"output", "pillar", "input"}) grid.AddColumn(name);
  for (const char* name : {"first_order", "first_order_q05", "first_order_q95", "total", "total_q05", "total_q95"}) {
    grid.AddColumn(name, true);
  }
  for (const un::SensitivityOutput& output : result->outputs) {
    if (!output.note.empty()) std::cerr << fmt::format("{}: no indices ({})\n", output.name, output.note);
    for (size_t i = 0; i < output.indices.size(); ++i) {
      const core::SobolIndex& index = output.indices[i];
      const bool interval = i < output.intervals.size();
      const core::SobolInterval bounds = interval ? output.intervals[i] : core::SobolInterval{};
      grid.rows.push_back({output.name, result->pillar, un::InputKindName(result->inputs[i]),
                           Number(index.first_order),
                           interval ? Number(bounds.first_order_low) : std::nullopt,
                           interval ? Number(bounds.first_order_high) : std::nullopt, Number(index.total),
                           interval ? Number(bounds.total_low) : std::nullopt,
                           interval ? Number(bounds.total_high) : std::nullopt});
    }
  }
  if (!args.runs_out.empty()) {
    Grid runs;
    runs.AddColumn("run", true);
    runs.AddColumn("matrix");
    for (const std::string& column : un::ParameterColumns(plan)) runs.AddColumn(column);
    for (const auto& output : result->outputs) runs.AddColumn(output.name, true);
    std::vector<std::uint64_t> words(plan.inputs.size());
    un::RunParameters params = un::NominalParameters(plan);
    un::SaltelliDesign design(plan, options);
    for (std::int64_t run = 0; run < result->runs; ++run) {
      design.Words(run, words.data());
      un::DrawParameters(plan, words.data(), params);
      const std::int64_t block = run / args.samples;
      auto& row = runs.AddRow();
      row.push_back(std::to_string(run));
      row.push_back(block == 0   ? "A"
                    : block == 1 ? "B"
                                 : std::string("AB_") + un::InputKindName(plan.inputs[static_cast<size_t>(block - 2)]));
      for (std::string& value : un::ParameterValues(plan, params)) row.push_back(std::move(value));
      for (const auto& output : result->outputs) row.push_back(fmt::format("{}", output.y[static_cast<size_t>(run)]));
    }
    Status written = WriteCsvFile(args.runs_out, runs);
    if (!written) return context.Fail(written.error());
  }
  context.Print(grid);
}

}  // namespace

void RegisterUncertaintyCommands(CLI::App& app, Context& context) {
  auto uargs = std::make_shared<UncertaintyArgs>();
  auto* uncertainty = app.add_subcommand(
      "uncertainty",
      "Monte Carlo uncertainty of an edition's ranks: per country and pillar the nominal rank and the mean, median "
      "and 5-95 % interval of rank and score; quadrant probabilities (docs/ANALYTICS.md)");
  AddSpecOptions(uncertainty, *uargs, "Write each run's parameters to this CSV file");
  uncertainty->add_option("--runs,-n", uargs->runs, "Model runs")->check(CLI::Range(1, 0x7FFFFFFF))->capture_default_str();
  uncertainty->add_option("--what", uargs->what, "ranks (intervals per country and pillar) or quadrants (probabilities)")
      ->check(CLI::IsMember({"ranks", "quadrants"}))
      ->capture_default_str();
  uncertainty->add_option("--chart", uargs->chart, "Write the rank-interval chart to this SVG file");
  uncertainty->callback([&context, uargs] { Uncertainty(context, *uargs); });

  auto sargs = std::make_shared<SensitivityArgs>();
  auto* sensitivity = app.add_subcommand(
      "sensitivity",
      "Sobol sensitivity of the ranks to each uncertain input (Saltelli design, first-order and total indices with "
      "bootstrap 5-95 % intervals; docs/ANALYTICS.md)");
  AddSpecOptions(sensitivity, *sargs, "Write each design run's matrix, parameters and outputs to this CSV file");
  sensitivity->add_option("--samples,-N", sargs->samples, "Rows N of the design; N x (inputs + 2) runs")
      ->check(CLI::Range(2, 10000000))
      ->capture_default_str();
  sensitivity->add_option("--bootstrap", sargs->bootstrap, "Bootstrap resamples for the intervals (0 = none)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  sensitivity->add_option("--country", sargs->country, "Also the indices of this country's rank (ISO3)");
  sensitivity->add_option("--pillar", sargs->pillar, "Pillar whose ranks are analysed (default: criminality)");
  sensitivity->callback([&context, sargs] { Sensitivity(context, *sargs); });
}

}  // namespace ocindex::cli

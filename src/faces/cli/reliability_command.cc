// reliability: inter-rater reliability of expert-level scores (Krippendorff's alpha,
// ICC(2,1)/ICC(2,k); core/reliability), from a file in the expert CSV format
// (adapters/io/expert_scores_csv.h) or from the store. `reliability import` stores a
// file as new revisions, `reliability history` lists them, `reliability generate`
// writes synthetic scores around a stored edition's published scores.
#include <fmt/format.h>

#include <iostream>
#include <map>
#include <memory>
#include <set>

#include "adapters/io/expert_scores_csv.h"
#include "adapters/io/text_file.h"
#include "core/reliability/panel_reliability.h"
#include "core/reliability/synthetic_experts.h"
#include "faces/cli/commands.h"
#include "faces/cli/expert_input.h"
#include "faces/cli/reliability_grid.h"

namespace ocindex::cli {
namespace {

using adapters::render::Grid;

struct ReliabilityArgs {
  std::string file;
  std::string edition;
  std::string by = "indicator";
  int revision = 0;
};

struct ImportArgs {
  std::string file;
  bool dry_run = false;
};

struct GenerateArgs {
  std::string edition;
  core::SyntheticPanel panel;
  std::string output;
};

const std::map<std::string, core::ReliabilityScope> kScopes = {
    {"indicator", core::ReliabilityScope::kIndicator}, {"group", core::ReliabilityScope::kGroup},
    {"component", core::ReliabilityScope::kComponent}, {"pillar", core::ReliabilityScope::kPillar},
    {"all", core::ReliabilityScope::kAll}};

// The scores to measure: the file's (for --edition, or its only edition), else the
// stored ones (for --edition, or the newest edition with stored scores).
Result<std::vector<core::ExpertScore>> ScoresToMeasure(app::Engine& engine, const ReliabilityArgs& args) {
  if (!args.file.empty()) {
    if (args.revision != 0) return MakeError(ErrorCode::kInvalidInput, "--revision reads stored scores, not a file");
    std::vector<core::ExpertScore> scores;
    OCINDEX_ASSIGN_OR_RETURN(scores, ReadExpertFile(engine, args.file));
    std::string edition;
    OCINDEX_ASSIGN_OR_RETURN(edition, ChooseEdition(scores, args.edition));
    std::erase_if(scores, [&](const core::ExpertScore& s) { return s.edition != edition; });
    return scores;
  }
  std::string edition = args.edition;
  if (edition.empty()) {
    std::vector<adapters::ExpertScoresInfo> stored;
    OCINDEX_ASSIGN_OR_RETURN(stored, engine.ExpertScoreSets());
    if (stored.empty()) {
      return MakeError(ErrorCode::kNotFound,
                       "no expert scores stored: import a file with 'ocindex reliability import FILE' "
                       "(docs/EXPERT_DATA.md) or name one");
    }
    edition = stored.back().edition;
  }
  return LoadStoredExpertScores(engine, edition, args.revision);
}

void Reliability(Context& context, const ReliabilityArgs& args) {
  auto engine = context.OpenEngine();
  if (!engine) return context.Fail(engine.error());
  auto scores = ScoresToMeasure(**engine, args);
  if (!scores) return context.Fail(scores.error());
  if (scores->empty()) return context.Fail(MakeError(ErrorCode::kInvalidInput, "no expert scores to measure"));
  const std::string edition = scores->front().edition;
  auto loaded = (*engine)->Edition(edition);
  if (!loaded) return context.Fail(loaded.error());
  const auto rows = core::ReliabilityBy((*loaded)->edition.framework, *scores, kScopes.at(args.by));
  const core::PanelReliability& all = rows.back();
  if (Status measurable = core::CheckMeasurable(edition, all); !measurable) return context.Fail(measurable.error());
  std::cerr << fmt::format("edition {}: {} scores by {} experts on {} country x indicator cells ({:.1f}% missing)\n",
                           edition, all.ratings, all.raters, all.units, 100 * all.missing_share);
  int incomplete = 0;
  for (const auto& r : rows) incomplete += r.problems.empty() ? 0 : 1;
  if (incomplete > 0) std::cerr << fmt::format("{} row(s) lack a measure: see the note column\n", incomplete);
  context.Print(ReliabilityGrid(args.by == "all" ? "scope" : args.by, rows));
}

void Import(Context& context, const ImportArgs& args) {
  auto engine = context.OpenEngine();
  if (!engine) return context.Fail(engine.error());
  auto scores = ReadExpertFile(**engine, args.file);
  if (!scores) return context.Fail(scores.error());
  std::map<std::string, adapters::ExpertScoresToStore> by_edition;
  for (auto& score : *scores) {
    auto& set = by_edition[score.edition];
    set.edition = score.edition;
    set.source = args.file == "-" ? "standard input" : args.file;
    set.scores.push_back(std::move(score));
  }
  std::vector<adapters::ExpertScoresToStore> sets;
  for (auto& [edition, set] : by_edition) {
    // What `reliability` would refuse to measure is not stored.
    auto loaded = (*engine)->Edition(edition);
    if (!loaded) return context.Fail(loaded.error());
    const auto overall = core::ReliabilityBy((*loaded)->edition.framework, set.scores, core::ReliabilityScope::kAll);
    if (Status measurable = core::CheckMeasurable(edition, overall.back()); !measurable) {
      Error error = measurable.error();
      error.where = set.source;
      return context.Fail(error);
    }
    sets.push_back(std::move(set));
  }
  std::vector<int> revisions(sets.size(), 0);
  if (!args.dry_run) {
    auto saved = (*engine)->SaveExpertScores(sets);
    if (!saved) return context.Fail(saved.error());
    revisions = std::move(*saved);
  }
  Grid grid;
  grid.AddColumn("edition");
  for (const char* name : {"revision", "scores", "experts", "countries", "indicators"}) grid.AddColumn(name, true);
  for (size_t k = 0; k < sets.size(); ++k) {
    std::set<std::string> experts, countries, indicators;
    for (const auto& s : sets[k].scores) {
      experts.insert(s.expert);
      countries.insert(s.iso3);
      indicators.insert(s.indicator);
    }
    grid.rows.push_back({sets[k].edition, args.dry_run ? std::nullopt : std::optional(std::to_string(revisions[k])),
                         std::to_string(sets[k].scores.size()), std::to_string(experts.size()),
                         std::to_string(countries.size()), std::to_string(indicators.size())});
  }
  std::cerr << (args.dry_run ? "checked; nothing stored (--dry-run)\n"
                             : "stored as a new revision; earlier revisions are kept\n");
  context.Print(grid);
}

void History(Context& context) {
  auto engine = context.OpenEngine();
  if (!engine) return context.Fail(engine.error());
  auto stored = (*engine)->ExpertScoreSets();
  if (!stored) return context.Fail(stored.error());
  Grid grid;
  grid.AddColumn("edition");
  for (const char* name : {"revision", "scores", "experts"}) grid.AddColumn(name, true);
  grid.AddColumn("source");
  grid.AddColumn("stored_at");
  for (const auto& info : *stored) {
    grid.rows.push_back({info.edition, std::to_string(info.revision), std::to_string(info.scores),
                         std::to_string(info.experts), info.source, info.stored_at});
  }
  if (stored->empty()) std::cerr << "no expert scores stored; import some with 'ocindex reliability import FILE'\n";
  context.Print(grid);
}

void Generate(Context& context, const GenerateArgs& args) {
  auto engine = context.OpenEngine();
  if (!engine) return context.Fail(engine.error());
  auto loaded = (*engine)->Edition(args.edition);
  if (!loaded) return context.Fail(loaded.error());
  const core::Edition* edition = &(*loaded)->edition;
  auto scores = core::GenerateExpertScores(edition->framework, edition->dataset, args.panel);
  if (!scores) return context.Fail(scores.error());
  const std::string text = adapters::io::ExpertScoresCsv(*scores);
  if (args.output.empty()) {
    std::cout << text;
  } else if (Status written = adapters::io::WriteFileAtomically(args.output, text); !written) {
    return context.Fail(written.error());
  }
  std::cerr << fmt::format("{} synthetic scores: edition {}, {} experts, seed {}, {:.0f}% missing{}\n", scores->size(),
                           edition->framework.edition, args.panel.experts, args.panel.seed, 100 * args.panel.missing,
                           args.output.empty() ? "" : ", written to " + args.output);
}

}  // namespace

void RegisterReliabilityCommands(CLI::App& app, Context& context) {
  auto args = std::make_shared<ReliabilityArgs>();
  auto* reliability = app.add_subcommand(
      "reliability",
      "Inter-rater reliability of expert-level scores: Krippendorff's alpha (interval, ordinal) and "
      "ICC(2,1)/ICC(2,k), per indicator or node and overall (docs/ANALYTICS.md, docs/EXPERT_DATA.md)");
  reliability->add_option("file", args->file,
                          "Expert-level CSV (docs/EXPERT_DATA.md), '-' for standard input; default: the stored "
                          "scores (reliability import)");
  reliability->add_option("--edition,-e", args->edition,
                          "Edition (default: the file's only edition, or the newest with stored scores)");
  reliability->add_option("--revision", args->revision, "Stored revision (default: the newest)")
      ->check(CLI::PositiveNumber);
  reliability->add_option("--by", args->by,
                          "Rows: indicator (units are countries), group, component, pillar (units are the "
                          "country x indicator cells beneath), or all; an overall row closes every table")
      ->check(CLI::IsMember({"indicator", "group", "component", "pillar", "all"}));
  reliability->require_subcommand(0, 1);

  auto import_args = std::make_shared<ImportArgs>();
  auto* import = reliability->add_subcommand(
      "import", "Check an expert-level CSV and store it as a new revision per edition (earlier ones are kept)");
  import->add_option("file", import_args->file, "Expert-level CSV (docs/EXPERT_DATA.md), '-' for standard input")
      ->required();
  import->add_flag("--dry-run", import_args->dry_run, "Check only; store nothing");
  import->callback([&context, import_args] { Import(context, *import_args); });

  auto* history = reliability->add_subcommand("history", "Every stored revision of expert scores, oldest first");
  history->callback([&context] { History(context); });

  auto gen = std::make_shared<GenerateArgs>();
  auto* generate = reliability->add_subcommand(
      "generate",
      "Write synthetic expert-level scores (CSV) around an edition's published scores: published score + expert "
      "bias + noise, rounded to the scale's steps, clamped, some left out (docs/EXPERT_DATA.md)");
  generate->add_option("--edition,-e", gen->edition, "Edition whose scores to scatter (default: the newest)");
  generate->add_option("--experts", gen->panel.experts, "Experts per cell")->check(CLI::Range(2, 1000));
  generate->add_option("--seed", gen->panel.seed, "Random seed; the same seed gives the same file");
  generate->add_option("--missing", gen->panel.missing, "Share of ratings left out, at random")
      ->check(CLI::Range(0.0, 0.95));
  generate->add_option("--bias-sd", gen->panel.bias_sd, "Spread of each expert's systematic lean (scale units)")
      ->check(CLI::Range(0.0, 5.0));
  generate->add_option("--noise-sd", gen->panel.noise_sd, "Spread of each rating's own error (scale units)")
      ->check(CLI::Range(0.0, 5.0));
  generate->add_option("--output,-o", gen->output, "File to write (default: stdout)");
  generate->callback([&context, gen] { Generate(context, *gen); });

  reliability->callback([&context, args, generate, import, history] {
    if (generate->parsed() || import->parsed() || history->parsed()) return;  // the subcommand did the work
    Reliability(context, *args);
  });
}

}  // namespace ocindex::cli

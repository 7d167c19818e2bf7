// reliability: inter-rater reliability of expert-level scores (Krippendorff's alpha,
// ICC(2,1)/ICC(2,k); core/reliability), read from the expert CSV format
// (adapters/io/expert_scores_csv.h); `reliability generate` writes synthetic scores in
// that format around a stored edition's published scores.
#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <set>

#include "adapters/io/csv_reader.h"
#include "adapters/io/expert_scores_csv.h"
#include "adapters/io/text_file.h"
#include "core/reliability/panel_reliability.h"
#include "core/reliability/synthetic_experts.h"
#include "faces/cli/commands.h"

namespace ocindex::cli {
namespace {

using adapters::render::Grid;

struct ReliabilityArgs {
  std::string file;
  std::string edition;
  std::string by = "indicator";
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

// The file, or standard input when no file (or "-") is given and something is piped in.
Result<adapters::io::Table> ReadInput(const std::string& file) {
  if (!file.empty() && file != "-") return adapters::io::ReadCsvFile(file);
  if (isatty(STDIN_FILENO)) {
    return MakeError(ErrorCode::kInvalidInput,
                     "no expert scores: give a CSV file (docs/EXPERT_DATA.md) or pipe one in, e.g. "
                     "ocindex reliability generate --edition 2023 | ocindex reliability");
  }
  std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  return adapters::io::ParseCsv(text, "standard input");
}

// The edition asked for, or the file's only edition.
Result<std::string> ChooseEdition(const std::vector<core::ExpertScore>& scores, const std::string& wanted) {
  std::set<std::string> editions;
  for (const auto& s : scores) editions.insert(s.edition);
  if (!wanted.empty()) {
    if (editions.contains(wanted)) return wanted;
    return MakeError(ErrorCode::kNotFound, fmt::format("the file holds no scores for edition {}; it holds {}", wanted,
                                                       fmt::join(editions, ", ")));
  }
  if (editions.size() == 1) return *editions.begin();
  return MakeError(ErrorCode::kInvalidInput,
                   fmt::format("the file holds editions {}: choose one with --edition", fmt::join(editions, ", ")));
}

std::string Problems(const core::PanelReliability& row) { return fmt::format("{}", fmt::join(row.problems, "; ")); }

std::optional<std::string> Number(std::optional<double> value) {
  if (!value) return std::nullopt;
  return fmt::format("{:.3f}", *value);
}

Grid ReliabilityGrid(const std::string& kind, const std::vector<core::PanelReliability>& rows) {
  Grid grid;
  grid.AddColumn(kind);
  for (const char* name : {"units", "experts", "scores"}) grid.AddColumn(name, true);
  for (const char* name : {"missing", "alpha_interval", "alpha_ordinal", "icc_2_1", "icc_2_k", "icc_units"}) {
    grid.AddColumn(name, true);
  }
  grid.AddColumn("note");
  for (const auto& r : rows) {
    const std::string note = Problems(r);
    grid.rows.push_back({r.id, std::to_string(r.units), std::to_string(r.raters), std::to_string(r.ratings),
                         fmt::format("{:.3f}", r.missing_share), Number(r.alpha_interval), Number(r.alpha_ordinal),
                         Number(r.icc ? std::optional(r.icc->single) : std::nullopt),
                         Number(r.icc ? std::optional(r.icc->average) : std::nullopt), std::to_string(r.icc_units),
                         note.empty() ? std::nullopt : std::optional(note)});
  }
  return grid;
}

void Reliability(Context& context, const ReliabilityArgs& args) {
  auto table = ReadInput(args.file);
  if (!table) return context.Fail(table.error());
  auto catalog = context.OpenCatalog();
  if (!catalog) return context.Fail(catalog.error());
  auto known = catalog->KnownFrameworks();
  if (!known) return context.Fail(known.error());
  std::vector<core::Framework> frameworks;
  for (auto& source : *known) frameworks.push_back(std::move(source.framework));
  auto scores = adapters::io::ReadExpertScores(*table, frameworks, catalog->geography());
  if (!scores) return context.Fail(scores.error());
  auto edition = ChooseEdition(*scores, args.edition);
  if (!edition) return context.Fail(edition.error());
  std::erase_if(*scores, [&](const core::ExpertScore& s) { return s.edition != *edition; });
  const core::Framework* framework = nullptr;
  for (const auto& f : frameworks) {
    if (f.edition == *edition) framework = &f;
  }

  const auto rows = core::ReliabilityBy(*framework, *scores, kScopes.at(args.by));
  const core::PanelReliability& all = rows.back();
  if (!all.alpha_interval && !all.icc) {
    return context.Fail(MakeError(ErrorCode::kInvalidInput, fmt::format("edition {}: no reliability can be computed: {}",
                                                                        *edition, Problems(all))));
  }
  std::cerr << fmt::format("edition {}: {} scores by {} experts on {} country x indicator cells ({:.1f}% missing)\n",
                           *edition, all.ratings, all.raters, all.units, 100 * all.missing_share);
  int incomplete = 0;
  for (const auto& r : rows) incomplete += r.problems.empty() ? 0 : 1;
  if (incomplete > 0) std::cerr << fmt::format("{} row(s) lack a measure: see the note column\n", incomplete);
  context.Print(ReliabilityGrid(args.by == "all" ? "scope" : args.by, rows));
}

void Generate(Context& context, const GenerateArgs& args) {
  auto catalog = context.OpenCatalog();
  if (!catalog) return context.Fail(catalog.error());
  auto edition = LoadEdition(*catalog, args.edition);
  if (!edition) return context.Fail(edition.error());
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
                          "Expert-level CSV (docs/EXPERT_DATA.md); default: standard input when piped");
  reliability->add_option("--edition,-e", args->edition, "Edition (default: the file's only edition)");
  reliability->add_option("--by", args->by,
                          "Rows: indicator (units are countries), group, component, pillar (units are the "
                          "country x indicator cells beneath), or all; an overall row closes every table")
      ->check(CLI::IsMember({"indicator", "group", "component", "pillar", "all"}));
  reliability->require_subcommand(0, 1);

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

  reliability->callback([&context, args, generate] {
    if (generate->parsed()) return;  // the subcommand did the work
    Reliability(context, *args);
  });
}

}  // namespace ocindex::cli

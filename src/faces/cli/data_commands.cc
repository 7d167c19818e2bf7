// import, validate, export, verify: data in, data out, and the proof that the
// stored figures reproduce what was published.
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <memory>

#include "adapters/catalog/importer.h"
#include "adapters/io/dataset_writer.h"
#include "core/scoring/scorecard.h"
#include "faces/cli/commands.h"

namespace ocindex::cli {
namespace {

using adapters::render::Grid;

struct ImportArgs {
  std::string path;
  adapters::ImportOptions options;
};

void Import(Context& context, const ImportArgs& args) {
  auto catalog = context.OpenCatalog();
  if (!catalog) return context.Fail(catalog.error());
  auto report = adapters::ImportFile(*catalog, args.path, args.options);
  if (!report) {
    context.Fail(report.error());
    std::cerr << "ocindex: nothing was " << (args.options.dry_run ? "checked further" : "stored") << ".\n";
    return;
  }
  for (const adapters::SkippedSheet& skipped : report->skipped) {
    std::cerr << fmt::format("skipped sheet {}: {}\n", skipped.sheet, skipped.reason);
  }
  Grid grid;
  for (const char* name : {"edition", "table", "countries", "status"}) grid.AddColumn(name);
  grid.columns[2].numeric = true;
  for (const adapters::ImportOutcome& outcome : report->editions) {
    grid.rows.push_back({outcome.edition, outcome.table, std::to_string(outcome.countries),
                         adapters::ImportStatusName(outcome.status)});
  }
  context.Print(grid);
}

struct ExportArgs {
  std::string edition;
  std::string format = "csv";
  std::string output;
};

void Export(Context& context, const ExportArgs& args) {
  auto engine = context.OpenEngine();
  if (!engine) return context.Fail(engine.error());
  auto loaded = (*engine)->Edition(args.edition);
  if (!loaded) return context.Fail(loaded.error());
  const core::Edition* edition = &(*loaded)->edition;
  if (args.format == "xlsx") {
    if (args.output.empty()) {
      return context.Fail(MakeError(ErrorCode::kInvalidInput, "xlsx export needs --output FILE"));
    }
    Status written = adapters::io::WriteDatasetXlsx(args.output, edition->framework, edition->dataset);
    if (!written) return context.Fail(written.error());
    std::cerr << fmt::format("wrote edition {} to {}\n", edition->framework.edition, args.output);
    return;
  }
  std::string text = args.format == "json"
                         ? adapters::io::DatasetJson(edition->framework, edition->dataset).dump(2) + "\n"
                         : adapters::io::DatasetCsv(edition->framework, edition->dataset);
  if (args.output.empty()) {
    std::cout << text;
    return;
  }
  std::ofstream out(args.output, std::ios::binary);
  out << text;
  if (!out.flush()) return context.Fail(MakeError(ErrorCode::kIo, "cannot write the file", args.output));
}

void Verify(Context& context, const std::vector<std::string>& wanted) {
  auto catalog = context.OpenCatalog();
  if (!catalog) return context.Fail(catalog.error());
  std::vector<std::string> editions = wanted;
  if (editions.empty()) {
    auto stored = catalog->Editions();
    if (!stored) return context.Fail(stored.error());
    for (const adapters::EditionInfo& info : *stored) editions.push_back(info.edition);
  }
  Grid grid;
  for (const char* name : {"edition", "countries", "composites", "published", "matched", "mismatched"}) {
    grid.AddColumn(name, std::string_view(name) != "edition");
  }
  size_t total_mismatches = 0;
  for (const std::string& id : editions) {
    auto edition = catalog->Load(id);
    if (!edition) return context.Fail(edition.error());
    const core::Framework& framework = edition->framework;
    const core::Dataset& dataset = edition->dataset;
    auto card = core::Scorecard::Compute(framework, dataset);
    if (!card) return context.Fail(card.error());
    size_t published = 0;
    for (const auto& value : dataset.published) published += value.has_value();
    auto mismatches = core::CheckPublished(framework, dataset, *card);
    for (const core::PublishedMismatch& mismatch : mismatches) {
      std::cerr << fmt::format("{} {}: {} published {}, recomputed {}\n", id,
                               dataset.countries[static_cast<size_t>(mismatch.country)].iso3,
                               framework.nodes[static_cast<size_t>(mismatch.node)].id,
                               core::FormatUnits(mismatch.published, framework.decimals),
                               core::FormatUnits(mismatch.recomputed, framework.decimals));
    }
    total_mismatches += mismatches.size();
    grid.rows.push_back({id, std::to_string(dataset.country_count()),
                         std::to_string(dataset.country_count() * static_cast<int>(framework.nodes.size())),
                         std::to_string(published), std::to_string(published - mismatches.size()),
                         std::to_string(mismatches.size())});
  }
  context.Print(grid);
  std::cerr << (total_mismatches == 0
                    ? "every published composite equals the figure recomputed from the indicator scores\n"
                    : fmt::format("{} published composites differ from the recomputed figures\n", total_mismatches));
  if (total_mismatches > 0) context.exit_code = kExitInvalidInput;
}

void AddImportOptions(CLI::App* command, ImportArgs& args) {
  command->add_option("file", args.path, "A CSV file (the project's or the publisher's layout) or an xlsx workbook")
      ->required();
  command->add_option("--edition,-e", args.options.edition, "Edition of every table (default: worked out)");
  command->add_option("--framework", args.options.framework_path,
                      "Framework file (TOML) defining a new edition; see docs/FRAMEWORK_FORMAT.md");
  command->add_option("--units", args.options.units_path,
                      "Unit list (CSV code,name,aliases) for an index of units that are not countries; "
                      "see docs/FRAMEWORK_FORMAT.md");
}

}  // namespace

void RegisterDataCommands(CLI::App& app, Context& context) {
  auto import_args = std::make_shared<ImportArgs>();
  auto* import = app.add_subcommand(
      "import", "Check a file and store its editions, all in one transaction or nothing");
  AddImportOptions(import, *import_args);
  import->add_flag("--replace", import_args->options.replace,
                   "Store changed figures of a stored edition as a new revision (earlier revisions are kept)");
  import->callback([&context, import_args] { Import(context, *import_args); });

  auto validate_args = std::make_shared<ImportArgs>();
  validate_args->options.dry_run = true;
  auto* validate = app.add_subcommand("validate", "Check a file as import would, without storing anything");
  AddImportOptions(validate, *validate_args);
  validate->callback([&context, validate_args] { Import(context, *validate_args); });

  auto export_args = std::make_shared<ExportArgs>();
  auto* export_command = app.add_subcommand("export", "Write an edition's scores and recomputed composites");
  export_command->add_option("edition", export_args->edition, "Edition (default: the newest)");
  // Its own --format (which takes xlsx too) shadows the global one for this command.
  export_command->add_option("--format", export_args->format, "csv (the project's format), json or xlsx")
      ->check(CLI::IsMember({"csv", "json", "xlsx"}));
  export_command->add_option("--output,-o", export_args->output, "File to write (default: stdout; xlsx needs one)");
  export_command->callback([&context, export_args] { Export(context, *export_args); });

  auto verify_editions = std::make_shared<std::vector<std::string>>();
  auto* verify = app.add_subcommand(
      "verify", "Recompute every composite from the indicator scores and compare with the published figures");
  verify->add_option("editions", *verify_editions, "Editions (default: all stored)");
  verify->callback([&context, verify_editions] { Verify(context, *verify_editions); });
}

}  // namespace ocindex::cli

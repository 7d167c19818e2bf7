// profile import|show|export|history: country profiles, narrative beside the scores.
#include <fmt/format.h>
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <thread>

#include "adapters/catalog/profiles.h"
#include "adapters/io/text_file.h"
#include "app/profile_query.h"
#include "core/model/lookup.h"
#include "faces/cli/commands.h"
#include "faces/cli/progress.h"

namespace ocindex::cli {
namespace {

using adapters::render::Grid;

// $OCINDEX_AUTHOR, else the login name of the OS user.
std::string Author() {
  if (const char* author = std::getenv("OCINDEX_AUTHOR"); author != nullptr && *author != '\0') return author;
  if (const passwd* user = getpwuid(getuid()); user != nullptr) return user->pw_name;
  return "unknown";
}

struct ImportArgs {
  std::string path;
  std::string country;
  std::string edition;
  std::string format;
  std::string note;
  bool dry_run = false;
};

void Import(Context& context, const ImportArgs& args) {
  auto catalog = context.OpenCatalog();
  if (!catalog) return context.Fail(catalog.error());
  auto iso3 = core::ResolveCountry(catalog->geography(), args.country);
  if (!iso3) return context.Fail(iso3.error());
  adapters::ProfileImportOptions options{args.path, *iso3,  args.edition, args.format,
                                         Author(),  args.note, args.dry_run};
  auto report = adapters::ImportProfile(*catalog, options);
  if (!report) {
    context.Fail(report.error());
    std::cerr << "ocindex: nothing was stored.\n";
    return;
  }
  const core::Narrative& narrative = report->narrative;
  Grid grid;
  for (const char* name : {"section", "heading", "line", "words"}) grid.AddColumn(name);
  grid.columns[2].numeric = grid.columns[3].numeric = true;
  for (const core::NarrativeSection& section : narrative.sections) {
    core::Narrative one;
    one.sections = {section};
    one.sections[0].heading.clear();
    grid.rows.push_back({section.node_id, section.heading, std::to_string(section.line),
                         std::to_string(core::NarrativeWords(one).size())});
  }
  context.Print(grid);
  for (const core::NarrativeProblem& problem : narrative.problems) {
    std::cerr << fmt::format("{}: {}\n", args.path, problem.ToString());
  }
  std::cerr << fmt::format("{} sections; words: {} in, {} out ({} line-end hyphens joined: {} kept, {} removed)\n",
                           narrative.sections.size(), report->words_in, report->words_out,
                           narrative.hyphens_kept + narrative.hyphens_removed, narrative.hyphens_kept,
                           narrative.hyphens_removed);
  if (!narrative.footer.empty()) std::cerr << "footer (set apart): " << narrative.footer << '\n';
  for (const core::UnplacedText& unplaced : narrative.unplaced) {
    std::cerr << fmt::format("unplaced text (kept) under '{}' at line {}\n", unplaced.heading, unplaced.line);
  }
  std::cerr << (args.dry_run ? std::string("dry run: nothing was stored\n")
                             : fmt::format("stored {} {} narrative as revision {}\n", *iso3, args.edition,
                                           report->revision));
}

struct RenderArgs {
  std::string country;
  bool all = false;
  std::string edition;
  std::string format = "md";
  std::string output;
};

// Renders one country's profile to stdout or `output`.
void RenderOne(Context& context, const RenderArgs& args) {
  auto engine = context.OpenEngine();
  if (!engine) return context.Fail(engine.error());
  auto profile = app::Profile(**engine, app::ProfileQuery{args.country, args.edition});
  if (!profile) return context.Fail(profile.error());
  const app::LoadedEdition& loaded = *profile->edition;
  auto view = adapters::LoadProfileView((*engine)->catalog(), loaded.edition,
                                        loaded.previous ? &loaded.previous->edition : nullptr, profile->country->iso3);
  if (!view) return context.Fail(view.error());
  auto bytes = adapters::RenderProfile(*view, *adapters::ParseProfileFormat(args.format));
  if (!bytes) return context.Fail(bytes.error());
  if (args.output.empty()) {
    if (args.format == "pdf" && isatty(STDOUT_FILENO)) {
      return context.Fail(MakeError(ErrorCode::kInvalidInput, "a PDF is not for a terminal; pass -o FILE"));
    }
    std::cout << *bytes;
    return;
  }
  if (Status written = adapters::io::WriteFileAtomically(args.output, *bytes); !written) {
    return context.Fail(written.error());
  }
  std::cerr << fmt::format("wrote {}\n", args.output);
}

void ExportAll(Context& context, const RenderArgs& args) {
  if (args.output.empty()) {
    return context.Fail(MakeError(ErrorCode::kInvalidInput, "--all needs -o DIRECTORY"));
  }
  auto catalog = context.OpenCatalog();
  if (!catalog) return context.Fail(catalog.error());
  std::string edition = args.edition;
  if (edition.empty()) {
    auto latest = catalog->LatestEdition();
    if (!latest) return context.Fail(latest.error());
    edition = *latest;
  }
  const auto bar = TerminalProgress();
  const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  auto report = adapters::ExportAllProfiles(*catalog, edition, *adapters::ParseProfileFormat(args.format),
                                            args.output, threads, [&bar](int done, int total) { bar(done, total); });
  EndProgress();
  if (!report) return context.Fail(report.error());
  std::cerr << fmt::format("wrote {} profiles of edition {} to {} ({} with a narrative, {} scores-only)\n",
                           report->written, edition, args.output, report->with_narrative,
                           report->written - report->with_narrative);
}

void History(Context& context, const std::string& country, const std::string& edition) {
  auto engine = context.OpenEngine();
  if (!engine) return context.Fail(engine.error());
  auto revisions = app::ProfileHistory(**engine, app::ProfileQuery{country, edition});
  if (!revisions) return context.Fail(revisions.error());
  Grid grid;
  for (const char* name : {"revision", "stored_at", "author", "sections", "words", "source", "note"}) {
    grid.AddColumn(name);
  }
  grid.columns[0].numeric = grid.columns[3].numeric = grid.columns[4].numeric = true;
  for (const adapters::ProfileRevisionInfo& info : *revisions) {
    grid.rows.push_back({std::to_string(info.revision), info.stored_at, info.author, std::to_string(info.sections),
                         std::to_string(info.words), info.source, info.note});
  }
  context.Print(grid);
}

void AddRenderOptions(CLI::App* command, RenderArgs& args, const std::vector<std::string>& formats) {
  command->add_option("--edition,-e", args.edition, "Edition (default: the newest)");
  // Its own --format shadows the global one for this command.
  command->add_option("--format", args.format, "Document format")->check(CLI::IsMember(formats));
}

}  // namespace

void RegisterProfileCommands(CLI::App& app, Context& context) {
  auto* profile = app.add_subcommand("profile", "Country profiles: narratives beside the scores, rendered as "
                                                "Markdown, HTML or PDF");
  profile->require_subcommand(1);

  auto import_args = std::make_shared<ImportArgs>();
  auto* import = profile->add_subcommand(
      "import", "Read a narrative (plain text or Markdown) and store it as a new revision of the country's profile");
  import->add_option("file", import_args->path, "Narrative file")->required();
  import->add_option("--country,-c", import_args->country, "Country: ISO3, name or alias")->required();
  import->add_option("--edition,-e", import_args->edition, "Edition the narrative belongs to")->required();
  import->add_option("--format", import_args->format, "text or markdown (default: markdown for .md files)")
      ->check(CLI::IsMember({"text", "markdown"}));
  import->add_option("--note", import_args->note, "Why this revision (kept in the history)");
  import->add_flag("--dry-run", import_args->dry_run, "Parse and report; store nothing");
  import->callback([&context, import_args] { Import(context, *import_args); });

  auto show_args = std::make_shared<RenderArgs>();
  auto* show = profile->add_subcommand("show", "Print a country's profile to stdout");
  show->add_option("country", show_args->country, "Country: ISO3, name or alias")->required();
  AddRenderOptions(show, *show_args, {"md", "html"});
  show->callback([&context, show_args] { RenderOne(context, *show_args); });

  auto export_args = std::make_shared<RenderArgs>();
  auto* export_command = profile->add_subcommand(
      "export", "Write a country's profile, or every country's (--all, in parallel), to a file or directory");
  export_command->add_option("country", export_args->country, "Country: ISO3, name or alias");
  export_command->add_flag("--all", export_args->all,
                           "Every country of the edition, as DIR/ISO3-EDITION.ext; countries without a narrative "
                           "get scores-only profiles");
  AddRenderOptions(export_command, *export_args, {"md", "html", "pdf"});
  export_command->add_option("--output,-o", export_args->output, "File (or directory with --all)")->required();
  export_command->callback([&context, export_args] {
    if (export_args->all == !export_args->country.empty()) {
      return context.Fail(MakeError(ErrorCode::kInvalidInput, "give either a country or --all"));
    }
    export_args->all ? ExportAll(context, *export_args) : RenderOne(context, *export_args);
  });

  auto history_args = std::make_shared<RenderArgs>();
  auto* history = profile->add_subcommand("history", "Every stored revision of a country's narrative");
  history->add_option("country", history_args->country, "Country: ISO3, name or alias")->required();
  history->add_option("--edition,-e", history_args->edition, "Edition (default: the newest)");
  history->callback([&context, history_args] { History(context, history_args->country, history_args->edition); });
}

}  // namespace ocindex::cli

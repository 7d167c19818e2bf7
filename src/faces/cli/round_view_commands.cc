// round status|worklist|show|export: what a round holds, as far as the user may see.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "core/assessment/calibration.h"
#include "core/assessment/names.h"
#include "faces/cli/assessment_services.h"
#include "faces/cli/reliability_grid.h"
#include "faces/cli/round_commands.h"

namespace ocindex::cli {
namespace {

using adapters::render::Grid;

struct ViewArgs {
  std::string as;
  std::string id;
  std::string iso3;
  std::string indicator;
};

std::optional<std::string> Score(const std::optional<core::Rational>& score) {
  if (!score) return std::nullopt;
  return core::FormatRational(*score);
}

std::optional<std::string> Z(const std::optional<double>& z) {
  if (!z) return std::nullopt;
  return fmt::format("{:.2f}", *z);
}

std::string State(as::CellState state) { return as::Token(as::CellStateName(state)); }

// Progress by state and flag: the whole round, then per country, indicator and expert.
Grid ProgressGrid(const as::Progress& progress) {
  Grid grid;
  grid.AddColumn("by");
  grid.AddColumn("name");
  grid.AddColumn("cells", true);
  for (const std::string& state : CellStateTokens()) grid.AddColumn(state, true);
  for (const char* name : {"final_pct", "wide", "outliers"}) grid.AddColumn(name, true);
  auto add = [&](const std::string& by, const std::string& name, const as::Tally& t) {
    auto& row = grid.AddRow();
    row = {by, name, std::to_string(t.cells)};
    for (as::CellState state : as::kCellStates) row.push_back(std::to_string(t.Count(state)));
    row.push_back(fmt::format("{:.1f}", t.cells == 0 ? 0.0 : 100.0 * t.Count(as::CellState::kFinal) / t.cells));
    row.push_back(std::to_string(t.wide));
    row.push_back(std::to_string(t.outliers));
  };
  add("round", "all", progress.total);
  for (const auto& [iso3, t] : progress.countries) add("country", iso3, t);
  for (const auto& [indicator, t] : progress.indicators) add("indicator", indicator, t);
  for (const auto& [expert, t] : progress.experts) add("expert", expert, t);
  return grid;
}

Grid FlaggedGrid(const std::vector<std::pair<as::CellKey, as::CellSignal>>& flagged) {
  Grid grid;
  for (const char* name : {"iso3", "indicator", "flags"}) grid.AddColumn(name);
  for (const char* name : {"proposal", "spread", "standing", "z"}) grid.AddColumn(name, true);
  for (const auto& [key, signal] : flagged) {
    std::string flags = signal.wide() ? "wide" : "";
    if (signal.outlier()) flags += flags.empty() ? "outlier" : " outlier";
    const auto& c = signal.consensus;
    grid.rows.push_back({key.iso3, key.indicator, flags, Score(c ? std::optional(c->proposal) : std::nullopt),
                         Score(c ? std::optional(c->spread) : std::nullopt), Score(signal.standing), Z(signal.z)});
  }
  return grid;
}

Status ShowStatus(AssessmentServices& s, const as::Actor& actor, const Context& context, const ViewArgs& args) {
  app::RoundStatus status;
  OCINDEX_ASSIGN_OR_RETURN(status, s.rounds->Overview(args.id, actor));
  const app::RoundInfo& info = status.info;
  std::cerr << fmt::format("round {} (edition {}, baseline {}): phase {}, {} countries, {} cells, {} flagged\n", info.id,
                           info.edition, info.baseline_edition, as::Token(as::PhaseName(info.phase)), info.countries,
                           info.cells, status.flagged.size());
  context.PrintParts({{"progress", ProgressGrid(status.progress)},
                      {"flagged", FlaggedGrid(status.flagged)},
                      {"reliability", ReliabilityGrid("indicator", status.reliability)}});
  return {};
}

Status Worklist(AssessmentServices& s, const as::Actor& actor, const Context& context, const ViewArgs& args) {
  std::vector<app::WorkItem> items;
  OCINDEX_ASSIGN_OR_RETURN(items, s.rounds->Worklist(args.id, actor));
  Grid grid;
  for (const char* name : {"iso3", "item", "kind", "state"}) grid.AddColumn(name);
  grid.AddColumn("version", true);
  for (const char* name : {"as", "drafted"}) grid.AddColumn(name);
  for (const app::WorkItem& w : items) {
    grid.rows.push_back({w.iso3, w.item, w.section ? "section" : "cell", State(w.state), std::to_string(w.version),
                         w.relation == as::Relation::kDrafter ? "drafter" : "reviewer", w.drafted ? "yes" : "no"});
  }
  context.Print(grid);
  return {};
}

Status Show(AssessmentServices& s, const as::Actor& actor, const Context& context, const ViewArgs& args) {
  as::CellView view;
  OCINDEX_ASSIGN_OR_RETURN(view, s.rounds->View(args.id, actor, {args.iso3, args.indicator}));
  Grid cell;
  for (const char* name : {"iso3", "indicator", "state"}) cell.AddColumn(name);
  for (const char* name : {"version", "settled", "proposal", "spread"}) cell.AddColumn(name, true);
  cell.AddColumn("wide");
  const auto& c = view.consensus;
  cell.rows.push_back({view.key.iso3, view.key.indicator, State(view.state), std::to_string(view.version),
                       Score(view.settled), Score(c ? std::optional(c->proposal) : std::nullopt),
                       Score(c ? std::optional(c->spread) : std::nullopt),
                       c ? std::optional<std::string>(c->wide ? "yes" : "no") : std::nullopt});
  Grid drafts;
  drafts.AddColumn("expert");
  for (const char* name : {"score", "confidence"}) drafts.AddColumn(name, true);
  for (const char* name : {"justification", "sources", "change_reason"}) drafts.AddColumn(name);
  for (const as::Submission& d : view.submissions) {
    drafts.rows.push_back({d.expert.id, core::FormatRational(d.score), std::to_string(d.confidence), d.justification,
                           fmt::format("{}", fmt::join(d.sources, " | ")), d.change_reason});
  }
  Grid threads;
  threads.AddColumn("thread", true);
  for (const char* name : {"author", "text"}) threads.AddColumn(name);
  for (const as::CommentThread& thread : view.threads) {
    for (const as::Comment& comment : thread.comments) {
      threads.rows.push_back({std::to_string(thread.id), comment.author.id, comment.text});
    }
  }
  if (!view.others_visible) std::cerr << "other experts' drafts, the consensus and threads are hidden until review opens\n";
  context.PrintParts({{"cell", cell}, {"submissions", drafts}, {"threads", threads}});
  return {};
}

// Every cell for the index team: its state, settled score, consensus and flags.
Status Export(AssessmentServices& s, const as::Actor& actor, const Context& context, const ViewArgs& args) {
  Grid grid;
  for (const char* name : {"iso3", "indicator", "state"}) grid.AddColumn(name);
  for (const char* name : {"version", "settled", "proposal", "spread"}) grid.AddColumn(name, true);
  grid.AddColumn("wide");
  for (const char* name : {"outlier_z", "drafts"}) grid.AddColumn(name, true);
  OCINDEX_RETURN_IF_ERROR(s.rounds->Inspect(args.id, actor, [&](const as::RoundLedger& ledger) {
    const std::map<as::CellKey, as::CellSignal> signals = as::Signals(ledger);
    for (const as::CellKey& key : ledger.round().Cells()) {
      const as::CellHistory& history = *ledger.FindCell(key);
      const as::CellSignal& signal = signals.at(key);
      const auto& c = signal.consensus;
      const size_t drafts = as::CurrentSubmissions(history, ledger.assignments().TeamOf(key)).size();
      grid.rows.push_back({key.iso3, key.indicator, State(history.state()), std::to_string(history.version()),
                           Score(as::SettledScore(history)), Score(c ? std::optional(c->proposal) : std::nullopt),
                           Score(c ? std::optional(c->spread) : std::nullopt),
                           c ? std::optional<std::string>(c->wide ? "yes" : "no") : std::nullopt, Z(signal.z),
                           std::to_string(drafts)});
    }
  }));
  context.Print(grid);
  return {};
}

using ViewCommand = Status (*)(AssessmentServices&, const as::Actor&, const Context&, const ViewArgs&);

CLI::App* AddView(CLI::App& round, Context& context, const char* name, const char* help, ViewCommand command,
                  const std::shared_ptr<ViewArgs>& args) {
  auto* sub = round.add_subcommand(name, help);
  sub->add_option("id", args->id, "Round")->required();
  AddActingUser(sub, args->as);
  sub->callback([&context, args, command] {
    RunAs(context, args->as,
          [&](AssessmentServices& s, const as::Actor& actor) { return command(s, actor, context, *args); });
  });
  return sub;
}

}  // namespace

void RegisterRoundViewCommands(CLI::App& round, Context& context) {
  AddView(round, context, "status",
          "Progress for the index team: cells by state and flag for the round, per country, indicator and expert; "
          "flagged cells; reliability (alpha, ICC) per indicator of the drafts so far",
          ShowStatus, std::make_shared<ViewArgs>());
  AddView(round, context, "worklist", "The cells and sections assigned to the user, with their state and version",
          Worklist, std::make_shared<ViewArgs>());
  auto show_args = std::make_shared<ViewArgs>();
  auto* show = AddView(round, context, "show",
                       "One cell as the user may see it: state, version, settled score, drafts, consensus, threads",
                       Show, show_args);
  show->add_option("iso3", show_args->iso3, "Country (ISO3)")->required();
  show->add_option("indicator", show_args->indicator, "Indicator id")->required();
  AddView(round, context, "export",
          "Every cell for the index team: state, version, settled score, consensus proposal, spread, wide flag, "
          "outlier z and number of drafts (--format csv|json)",
          Export, std::make_shared<ViewArgs>());
}

}  // namespace ocindex::cli

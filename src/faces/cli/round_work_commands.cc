// round submit|move|move-all|phase|publish: the writes of a round, each checked by the
// services against the user's role, assignments and the round's phase.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "core/assessment/names.h"
#include "faces/cli/assessment_services.h"
#include "faces/cli/round_commands.h"

namespace ocindex::cli {
namespace {

using adapters::render::Grid;

struct WorkArgs {
  std::string as;
  std::string id;
  std::string iso3;
  std::string indicator;
  std::string score;
  std::string justification;
  std::vector<std::string> sources;
  int confidence = 3;
  std::string reason;
  std::string from;
  std::string to;
  std::string settled;
  std::string phase;
};

as::CellState StateOf(const std::string& token) { return *as::Named(token, as::kCellStates, as::CellStateName); }

Result<core::Rational> Number(const std::string& option, const std::string& text) {
  if (auto value = core::Rational::ParseDecimal(text, 6)) return *value;
  return MakeError(ErrorCode::kInvalidInput, fmt::format("{} '{}': expected a number such as 5.5", option, text));
}

// The cell's version as the user sees it now: the version a write says it has seen.
Result<int> SeenVersion(AssessmentServices& s, const as::Actor& actor, const WorkArgs& args) {
  as::CellView view;
  OCINDEX_ASSIGN_OR_RETURN(view, s.rounds->View(args.id, actor, {args.iso3, args.indicator}));
  return view.version;
}

void Written(const WorkArgs& args, int version) {
  std::cerr << fmt::format("round {}: {}/{} is now at version {}\n", args.id, args.iso3, args.indicator, version);
}

Status Submit(AssessmentServices& s, const as::Actor& actor, const WorkArgs& args) {
  as::Submission submission;
  OCINDEX_ASSIGN_OR_RETURN(submission.score, Number("--score", args.score));
  submission.justification = args.justification;
  submission.sources = args.sources;
  submission.confidence = args.confidence;
  submission.change_reason = args.reason;
  int seen = 0;
  OCINDEX_ASSIGN_OR_RETURN(seen, SeenVersion(s, actor, args));
  int version = 0;
  OCINDEX_ASSIGN_OR_RETURN(version, s.rounds->Submit(args.id, actor, {args.iso3, args.indicator}, submission, seen));
  Written(args, version);
  return {};
}

Status Move(AssessmentServices& s, const as::Actor& actor, const WorkArgs& args) {
  std::optional<core::Rational> settled;
  if (!args.settled.empty()) OCINDEX_ASSIGN_OR_RETURN(settled, Number("--settled", args.settled));
  int seen = 0;
  OCINDEX_ASSIGN_OR_RETURN(seen, SeenVersion(s, actor, args));
  int version = 0;
  OCINDEX_ASSIGN_OR_RETURN(version, s.rounds->Move(args.id, actor, {args.iso3, args.indicator}, StateOf(args.to),
                                                   args.reason, seen, settled));
  Written(args, version);
  return {};
}

Status MoveAll(AssessmentServices& s, const as::Actor& actor, const WorkArgs& args) {
  int moved = 0;
  OCINDEX_ASSIGN_OR_RETURN(moved, s.rounds->MoveAll(args.id, actor, StateOf(args.from), StateOf(args.to), args.reason));
  std::cerr << fmt::format("round {}: {} cells moved from {} to {}\n", args.id, moved, args.from, args.to);
  return {};
}

Status Phase(AssessmentServices& s, const as::Actor& actor, const WorkArgs& args) {
  const as::Phase to = *as::Named(args.phase, as::kPhases, as::PhaseName);
  OCINDEX_RETURN_IF_ERROR(s.rounds->ChangePhase(args.id, actor, to, args.reason));
  std::cerr << fmt::format("round {} is now in phase {}\n", args.id, args.phase);
  return {};
}

Status Publish(AssessmentServices& s, const as::Actor& actor, const Context& context, const WorkArgs& args) {
  app::PublishReport report;
  OCINDEX_ASSIGN_OR_RETURN(report, s.rounds->Publish(args.id, actor));
  const as::ChangeReport& c = report.changes;
  Grid grid;
  grid.AddColumn("edition");
  for (const char* name : {"revision", "countries", "cells", "expert_scores", "raised", "lowered", "unchanged", "added"}) {
    grid.AddColumn(name, true);
  }
  grid.rows.push_back({report.edition, std::to_string(report.revision), std::to_string(report.countries),
                       std::to_string(c.cells.size()), std::to_string(report.expert_scores), std::to_string(c.raised),
                       std::to_string(c.lowered), std::to_string(c.unchanged), std::to_string(c.added)});
  context.Print(grid);
  std::cerr << fmt::format("round {} published as edition {} (revision {}): 'ocindex scores {}', 'ocindex country "
                           "ISO3 --edition {}'\n",
                           args.id, report.edition, report.revision, report.edition, report.edition);
  return {};
}

// A subcommand on one round, acting as --as, running `command`.
CLI::App* AddWrite(CLI::App& round, Context& context, const char* name, const char* help,
                   const std::shared_ptr<WorkArgs>& args, const ActingCommand& command) {
  auto* sub = round.add_subcommand(name, help);
  sub->add_option("id", args->id, "Round")->required();
  AddActingUser(sub, args->as);
  sub->callback([&context, args, command] { RunAs(context, args->as, command); });
  return sub;
}

void AddCell(CLI::App* command, WorkArgs& args) {
  command->add_option("iso3", args.iso3, "Country (ISO3)")->required();
  command->add_option("indicator", args.indicator, "Indicator id")->required();
}

}  // namespace

void RegisterRoundWorkCommands(CLI::App& round, Context& context) {
  auto submit_args = std::make_shared<WorkArgs>();
  auto* submit = AddWrite(round, context, "submit", "Record the user's draft score on a cell assigned to them",
                          submit_args, [submit_args](AssessmentServices& s, const as::Actor& actor) {
                            return Submit(s, actor, *submit_args);
                          });
  AddCell(submit, *submit_args);
  submit->add_option("--score", submit_args->score, "On the scale (GOCI: 1 to 10 in steps of 0.5)")->required();
  submit->add_option("--justification", submit_args->justification, "Why this score (required)")->required();
  submit->add_option("--source", submit_args->sources, "A citation or URL (repeat for several)");
  submit->add_option("--confidence", submit_args->confidence, "1 (thin evidence) to 5 (several independent sources)")
      ->check(CLI::Range(as::kMinConfidence, as::kMaxConfidence));
  submit->add_option("--reason", submit_args->reason, "Why the score moves 1.0 or more from the baseline");

  auto move_args = std::make_shared<WorkArgs>();
  auto* move = AddWrite(round, context, "move", "Move a cell to another state (docs/ASSESSMENT.md: who may, when)",
                        move_args, [move_args](AssessmentServices& s, const as::Actor& actor) {
                          return Move(s, actor, *move_args);
                        });
  AddCell(move, *move_args);
  move->add_option("--to", move_args->to, "The new state")->required()->check(CLI::IsMember(CellStateTokens()));
  move->add_option("--reason", move_args->reason, "Why (needed for challenges and reopenings)");
  move->add_option("--settled", move_args->settled,
                   "Agreeing: the settled score when not the consensus proposal (needs --reason)");

  auto all_args = std::make_shared<WorkArgs>();
  auto* all = AddWrite(round, context, "move-all",
                       "Move every cell in one state to another, in one transaction (index team; agreeing at the "
                       "consensus proposal)",
                       all_args, [all_args](AssessmentServices& s, const as::Actor& actor) {
                         return MoveAll(s, actor, *all_args);
                       });
  all->add_option("--from", all_args->from, "The cells' state now")->required()->check(CLI::IsMember(CellStateTokens()));
  all->add_option("--to", all_args->to, "The new state")->required()->check(CLI::IsMember(CellStateTokens()));
  all->add_option("--reason", all_args->reason, "Why (needed for challenges and reopenings)");

  auto phase_args = std::make_shared<WorkArgs>();
  auto* phase = AddWrite(round, context, "phase", "Move the round to another phase (index team; back with --reason)",
                         phase_args, [phase_args](AssessmentServices& s, const as::Actor& actor) {
                           return Phase(s, actor, *phase_args);
                         });
  phase->add_option("phase", phase_args->phase, "drafting, review_open, calibration or settled")
      ->required()
      ->check(CLI::IsMember(PhaseTokens()));
  phase->add_option("--reason", phase_args->reason, "Why (needed to go back)");

  auto publish_args = std::make_shared<WorkArgs>();
  AddWrite(round, context, "publish",
           "Publish a round whose every cell is final as its edition (scores, narratives, pseudonymous expert "
           "scores), and report the changes from the baseline",
           publish_args, [&context, publish_args](AssessmentServices& s, const as::Actor& actor) {
             return Publish(s, actor, context, *publish_args);
           });
}

}  // namespace ocindex::cli

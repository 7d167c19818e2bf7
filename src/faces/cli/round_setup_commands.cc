// round create|assign|import|list: setting a round up and bringing in offline work.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "adapters/io/assignments_csv.h"
#include "adapters/io/csv_reader.h"
#include "adapters/io/submissions_csv.h"
#include "core/assessment/names.h"
#include "core/assessment/round_robin.h"
#include "faces/cli/assessment_services.h"
#include "faces/cli/round_commands.h"

namespace ocindex::cli {
namespace {

using adapters::render::Grid;

struct SetupArgs {
  std::string as;
  std::string id;
  std::string edition;
  std::string baseline;
  std::vector<std::string> countries;
  std::string file;
  int per_cell = 0;
  std::vector<std::string> experts;
  std::vector<std::string> reviewers;
};

void PrintRounds(const Context& context, const std::vector<app::RoundInfo>& rounds) {
  Grid grid;
  for (const char* name : {"round", "edition", "baseline", "phase"}) grid.AddColumn(name);
  for (const char* name : {"countries", "cells", "sections", "version"}) grid.AddColumn(name, true);
  for (const app::RoundInfo& r : rounds) {
    grid.rows.push_back({r.id, r.edition, r.baseline_edition, as::Token(as::PhaseName(r.phase)),
                         std::to_string(r.countries), std::to_string(r.cells), std::to_string(r.sections),
                         std::to_string(r.version)});
  }
  context.Print(grid);
}

// The round with its assignments, as the index team sees it.
struct RoundState {
  as::Round round;
  as::Assignments assignments;
};
Result<RoundState> ReadRound(app::Rounds& rounds, const std::string& id, const as::Actor& actor) {
  RoundState state;
  OCINDEX_RETURN_IF_ERROR(rounds.Inspect(id, actor, [&](const as::RoundLedger& ledger) {
    state.round = ledger.round();
    state.assignments = ledger.assignments();
  }));
  return state;
}

// The role a user needs to take a part: experts draft, reviewers review.
std::optional<std::string> WrongUser(app::Accounts& accounts, const std::string& user, as::Role needed) {
  auto account = accounts.Find(user);
  if (!account) return fmt::format("no user '{}' ('ocindex user add {} --role {}')", user, user, as::RoleName(needed));
  if (account->disabled) return fmt::format("user '{}' is disabled", user);
  if (account->role != needed) {
    return fmt::format("{} has role {}: expected role {} here", user, as::RoleName(account->role), as::RoleName(needed));
  }
  return std::nullopt;
}

std::vector<as::UserRef> Users(const std::vector<std::string>& ids, app::Accounts& accounts, as::Role needed,
                               std::vector<std::string>& problems) {
  std::vector<as::UserRef> users;
  for (const std::string& id : ids) {
    if (auto wrong = WrongUser(accounts, id, needed)) problems.push_back(*wrong);
    users.push_back({id});
  }
  return users;
}

Result<as::Assignments> Staffing(AssessmentServices& s, const SetupArgs& args, const as::Round& round) {
  if (!args.file.empty()) {
    if (args.per_cell != 0 || !args.experts.empty() || !args.reviewers.empty()) {
      return MakeError(ErrorCode::kInvalidInput, "give either --file or --experts-per-cell with --experts and --reviewers");
    }
    adapters::io::Table table;
    OCINDEX_ASSIGN_OR_RETURN(table, adapters::io::ReadCsvFile(args.file));
    return adapters::io::ReadAssignments(table, round, [&](const std::string& user, adapters::io::Capacity capacity) {
      return WrongUser(*s.accounts, user,
                       capacity == adapters::io::Capacity::kDrafting ? as::Role::kExpert : as::Role::kReviewer);
    });
  }
  if (args.per_cell == 0) {
    return MakeError(ErrorCode::kInvalidInput, "give --file or --experts-per-cell N --experts ... --reviewers ...");
  }
  std::vector<std::string> problems;
  const auto experts = Users(args.experts, *s.accounts, as::Role::kExpert, problems);
  const auto reviewers = Users(args.reviewers, *s.accounts, as::Role::kReviewer, problems);
  if (!problems.empty()) {
    return MakeError(ErrorCode::kInvalidInput, fmt::format("{}; nothing was assigned", fmt::join(problems, "; ")));
  }
  return as::RoundRobin(round, args.per_cell, experts, reviewers);
}

Status Assign(AssessmentServices& s, const as::Actor& actor, const SetupArgs& args) {
  RoundState state;
  OCINDEX_ASSIGN_OR_RETURN(state, ReadRound(*s.rounds, args.id, actor));
  as::Assignments assignments;
  OCINDEX_ASSIGN_OR_RETURN(assignments, Staffing(s, args, state.round));
  OCINDEX_RETURN_IF_ERROR(s.rounds->Assign(args.id, actor, assignments));
  size_t drafting = 0, reviewing = 0;
  for (const auto& [key, team] : assignments.cells) {
    drafting += team.drafting.size();
    reviewing += team.reviewers.size();
  }
  std::cerr << fmt::format("round {}: {} cells assigned ({} drafting and {} reviewing places), {} sections, {} "
                           "thematic indicators\n",
                           args.id, assignments.cells.size(), drafting, reviewing, assignments.sections.size(),
                           assignments.thematic.size());
  return {};
}

Status Import(AssessmentServices& s, const as::Actor& actor, const SetupArgs& args) {
  if (!IndexTeam(actor)) {
    return MakeError(ErrorCode::kForbidden,
                     fmt::format("{} has role {}: only the index team (coordinator, admin) imports submissions on "
                                 "experts' behalf; an expert submits their own with 'ocindex round submit'",
                                 actor.user.id, as::RoleName(actor.role)));
  }
  RoundState state;
  OCINDEX_ASSIGN_OR_RETURN(state, ReadRound(*s.rounds, args.id, actor));
  adapters::io::Table table;
  OCINDEX_ASSIGN_OR_RETURN(table, adapters::io::ReadCsvFile(args.file));
  std::vector<adapters::io::SubmissionRow> rows;
  OCINDEX_ASSIGN_OR_RETURN(
      rows, adapters::io::ReadSubmissions(table, state.round, [&](const std::string& expert, const as::CellKey& cell) {
        if (auto wrong = WrongUser(*s.accounts, expert, as::Role::kExpert)) return wrong;
        if (as::RelationTo(state.assignments, {expert}, cell) != as::Relation::kDrafter) {
          return std::optional(fmt::format("{} does not draft {}: expected one of its drafting experts", expert,
                                           cell.ToString()));
        }
        return std::optional<std::string>();
      }));
  std::vector<app::ImportedSubmission> submissions;
  for (adapters::io::SubmissionRow& row : rows) {
    const as::Actor expert{row.submission.expert, as::Role::kExpert};
    submissions.push_back({expert, row.cell, std::move(row.submission)});
  }
  auto stored = s.rounds->Import(args.id, submissions);
  if (!stored) {
    Error error = stored.error();
    error.message += "; nothing was stored";
    return error;
  }
  std::cerr << fmt::format("round {}: stored {} submissions from {} by {} for their experts\n", args.id, *stored,
                           args.file, actor.user.id);
  return {};
}

}  // namespace

void RegisterRoundSetupCommands(CLI::App& round, Context& context) {
  auto create_args = std::make_shared<SetupArgs>();
  auto* create = round.add_subcommand("create", "Create a round: an edition in preparation from a stored baseline");
  create->add_option("id", create_args->id, "Round id: letters, digits, '-', '_'")->required();
  create->add_option("--edition", create_args->edition, "The edition it publishes as (not yet stored)")->required();
  create->add_option("--baseline", create_args->baseline, "The stored edition it starts from (scores, countries)")
      ->required();
  create->add_option("--countries", create_args->countries, "ISO3 codes to assess (default: all of the baseline)")
      ->delimiter(',');
  AddActingUser(create, create_args->as);
  create->callback([&context, create_args] {
    RunAs(context, create_args->as, [&](AssessmentServices& s, const as::Actor& actor) -> Status {
      const SetupArgs& a = *create_args;
      app::RoundInfo info;
      OCINDEX_ASSIGN_OR_RETURN(info, s.rounds->Create(actor, {a.id, a.edition, a.baseline, a.countries}));
      PrintRounds(context, {info});
      return {};
    });
  });

  auto assign_args = std::make_shared<SetupArgs>();
  auto* assign = round.add_subcommand(
      "assign", "Staff a round (replacing its assignments): from a CSV file kind,iso3,item,user,capacity, or "
                "round-robin: each cell gets N of --experts in turn and one of --reviewers in turn");
  assign->add_option("id", assign_args->id, "Round")->required();
  assign->add_option("--file", assign_args->file, "Assignments CSV (docs/ASSESSMENT.md); all rows or none");
  assign->add_option("--experts-per-cell", assign_args->per_cell, "Round-robin: drafting experts per cell");
  assign->add_option("--experts", assign_args->experts, "Round-robin: experts, comma-separated")->delimiter(',');
  assign->add_option("--reviewers", assign_args->reviewers, "Round-robin: reviewers, comma-separated")->delimiter(',');
  AddActingUser(assign, assign_args->as);
  assign->callback([&context, assign_args] {
    RunAs(context, assign_args->as,
          [&](AssessmentServices& s, const as::Actor& actor) { return Assign(s, actor, *assign_args); });
  });

  auto import_args = std::make_shared<SetupArgs>();
  auto* import = round.add_subcommand(
      "import", "Store offline submissions from a CSV file iso3,indicator,expert,score,justification,sources,"
                "confidence,change_reason, each as its expert; all rows or none (index team only)");
  import->add_option("id", import_args->id, "Round")->required();
  import->add_option("--file", import_args->file, "Submissions CSV; sources separated by ' | '")->required();
  AddActingUser(import, import_args->as);
  import->callback([&context, import_args] {
    RunAs(context, import_args->as,
          [&](AssessmentServices& s, const as::Actor& actor) { return Import(s, actor, *import_args); });
  });

  auto list_args = std::make_shared<SetupArgs>();
  auto* list = round.add_subcommand("list", "The rounds the user may see, with their phase and size");
  AddActingUser(list, list_args->as);
  list->callback([&context, list_args] {
    RunAs(context, list_args->as, [&](AssessmentServices& s, const as::Actor& actor) -> Status {
      std::vector<app::RoundInfo> rounds;
      OCINDEX_ASSIGN_OR_RETURN(rounds, s.rounds->List(actor));
      PrintRounds(context, rounds);
      return {};
    });
  });
}

}  // namespace ocindex::cli

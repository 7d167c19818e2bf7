// ocindex round: assessment rounds (docs/ASSESSMENT.md) from the command line, acting
// as a named user. The groups of subcommands live in round_*_commands.cc.
#include "faces/cli/round_commands.h"

#include "core/assessment/cell_state.h"
#include "core/assessment/names.h"
#include "core/assessment/round.h"
#include "faces/cli/commands.h"

namespace ocindex::cli {

namespace as = core::assessment;

void AddActingUser(CLI::App* command, std::string& as_name) {
  command->add_option("--as", as_name, "Act as this user (default: $OCINDEX_USER); their role and assignments decide");
}

std::vector<std::string> CellStateTokens() {
  std::vector<std::string> tokens;
  for (as::CellState state : as::kCellStates) tokens.push_back(as::Token(as::CellStateName(state)));
  return tokens;
}

std::vector<std::string> PhaseTokens() {
  std::vector<std::string> tokens;
  for (as::Phase phase : as::kPhases) {
    if (phase != as::Phase::kPublished) tokens.push_back(as::Token(as::PhaseName(phase)));  // by 'round publish'
  }
  return tokens;
}

void RegisterRoundCommands(CLI::App& app, Context& context) {
  auto* round = app.add_subcommand("round", "Assessment rounds: create, staff, draft, review, settle and publish an "
                                            "edition, as a named user (--as)");
  round->require_subcommand(1);
  RegisterRoundSetupCommands(*round, context);
  RegisterRoundViewCommands(*round, context);
  RegisterRoundWorkCommands(*round, context);
}

}  // namespace ocindex::cli

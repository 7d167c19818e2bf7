// The subcommands of `ocindex round`, in three groups registered on the `round`
// command. Every one acts as a named user (--as NAME, else $OCINDEX_USER) whose role
// and assignments the services check.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "faces/cli/context.h"

namespace ocindex::cli {

void RegisterRoundSetupCommands(CLI::App& round, Context& context);  // create, assign, import, list
void RegisterRoundViewCommands(CLI::App& round, Context& context);   // status, worklist, show, export
void RegisterRoundWorkCommands(CLI::App& round, Context& context);   // submit, move, move-all, phase, publish

// Adds --as to a round subcommand.
void AddActingUser(CLI::App* command, std::string& as_name);

// Cell state and phase names as typed ("in_review", "review_open").
std::vector<std::string> CellStateTokens();
std::vector<std::string> PhaseTokens();

}  // namespace ocindex::cli

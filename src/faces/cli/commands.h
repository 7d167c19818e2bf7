// Each Register* function adds its subcommands to the app; their callbacks run the
// command and leave the exit code in the Context.
#pragma once

#include <CLI/CLI.hpp>

#include "faces/cli/context.h"

namespace ocindex::cli {

void RegisterQueryCommands(CLI::App& app, Context& context);    // editions, framework, scores, rank, aggregates
void RegisterCountryCommands(CLI::App& app, Context& context);  // country, compare, changes
void RegisterDataCommands(CLI::App& app, Context& context);     // import, validate, export, verify
void RegisterServeCommand(CLI::App& app, Context& context);     // serve
void RegisterOpenApiCommand(CLI::App& app, Context& context);   // openapi
void RegisterProfileCommands(CLI::App& app, Context& context);  // profile import|show|export|history
void RegisterFlowsCommands(CLI::App& app, Context& context);    // flows extract|graph
void RegisterAuditCommands(CLI::App& app, Context& context);    // audit
void RegisterUncertaintyCommands(CLI::App& app, Context& context);  // uncertainty, sensitivity
void RegisterReliabilityCommands(CLI::App& app, Context& context);  // reliability, reliability generate
void RegisterDbCommands(CLI::App& app, Context& context);           // db status|migrate|copy
void RegisterDecisionCommands(CLI::App& app, Context& context);     // whatif, target, explain, peers, clusters
void RegisterUserCommands(CLI::App& app, Context& context);         // user add|list|passwd|role|disable|enable|token
void RegisterRoundCommands(CLI::App& app, Context& context);        // round create|assign|import|status|...|publish
void RegisterTrailCommands(CLI::App& app, Context& context);        // trail, trail verify

}  // namespace ocindex::cli

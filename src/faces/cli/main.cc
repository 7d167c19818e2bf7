// ocindex: the command-line face. Parses arguments, runs one command, maps its
// outcome to an exit code. All work happens in the adapters and the core.
#include <iostream>

#include "faces/cli/commands.h"

int main(int argc, char** argv) {
  using namespace ocindex::cli;
  Context context;
  CLI::App app{
      "ocindex: the Organized Crime Index engine. Scores, ranks and compares countries\n"
      "on criminality and resilience, reproducing the published Global Organized Crime Index."};
  app.set_version_flag("--version", "ocindex 0.1.0");
  app.option_defaults()->always_capture_default();
  app.add_option("--db", context.db_path,
                 "Database: an SQLite file or a PostgreSQL connection string (postgresql://...) "
                 "(default: $OCINDEX_DB, else ~/.local/share/ocindex/ocindex.db; "
                 "created and filled with the bundled editions on first use)");
  app.add_option("--format", context.format_name, "Output: table (default on a terminal), csv (default when piped), json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  app.require_subcommand(1);
  app.fallthrough();  // global options may follow the subcommand
  RegisterQueryCommands(app, context);
  RegisterCountryCommands(app, context);
  RegisterDataCommands(app, context);
  RegisterServeCommand(app, context);
  RegisterOpenApiCommand(app, context);
  RegisterProfileCommands(app, context);
  RegisterFlowsCommands(app, context);
  RegisterAuditCommands(app, context);
  RegisterUncertaintyCommands(app, context);
  RegisterReliabilityCommands(app, context);
  RegisterDbCommands(app, context);
  RegisterDecisionCommands(app, context);
  RegisterUserCommands(app, context);
  RegisterRoundCommands(app, context);
  RegisterTrailCommands(app, context);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? kExitOk : kExitUsage;
  }
  return context.exit_code;
}

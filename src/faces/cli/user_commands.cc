// ocindex user add|list|passwd|role|disable|enable|token: the accounts of assessment
// rounds (app/assessment/accounts.h). The command line holds the database, so its
// changes are the operator's ("operator" in the audit trail); the first admin is made
// here: `ocindex user add alice --role admin`.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "core/assessment/names.h"
#include "faces/cli/assessment_services.h"
#include "faces/cli/commands.h"
#include "faces/cli/password_input.h"

namespace ocindex::cli {
namespace {

using adapters::render::Grid;

struct UserArgs {
  std::string name;
  std::string role;
  bool password_stdin = false;
  std::string label;
};

const std::vector<std::string> kRoleNames = {"admin", "coordinator", "expert", "reviewer", "reader"};

as::Role RoleOf(const std::string& name) { return *as::Named(name, as::kRoles, as::RoleName); }

// Runs `change` on the accounts and says on stderr what it did.
void Change(Context& context, const std::function<Status(app::Accounts&)>& change, const std::string& done) {
  auto services = OpenAssessment(context);
  if (!services) return context.Fail(services.error());
  if (Status changed = change(*(*services)->accounts); !changed) return context.Fail(changed.error());
  std::cerr << done << '\n';
}

void SetPassword(Context& context, const UserArgs& args, bool add) {
  auto password = ReadNewPassword(args.password_stdin, args.name);
  if (!password) return context.Fail(password.error());
  Change(
      context,
      [&](app::Accounts& accounts) {
        return add ? accounts.AddUser(kOperator, args.name, RoleOf(args.role), *password)
                   : accounts.SetPassword(kOperator, args.name, *password);
      },
      add ? fmt::format("added {} ({})", args.name, args.role) : fmt::format("password of {} changed", args.name));
}

void List(Context& context) {
  auto services = OpenAssessment(context);
  if (!services) return context.Fail(services.error());
  auto users = (*services)->accounts->List();
  if (!users) return context.Fail(users.error());
  Grid grid;
  for (const char* name : {"name", "role", "disabled", "created"}) grid.AddColumn(name);
  for (const app::Account& user : *users) {
    grid.rows.push_back({user.id, as::RoleName(user.role), user.disabled ? "yes" : "no", user.created_at});
  }
  context.Print(grid);
}

void IssueToken(Context& context, const UserArgs& args) {
  auto services = OpenAssessment(context);
  if (!services) return context.Fail(services.error());
  auto token = (*services)->accounts->IssueToken(args.name, args.label);
  if (!token) return context.Fail(token.error());
  std::cout << token->secret << '\n';
  std::cerr << fmt::format("token {} for {}: the secret above is shown only once; 'ocindex user token revoke {}' "
                           "ends it\n",
                           token->id, args.name, token->id);
}

void ListTokens(Context& context, const std::string& user) {
  auto services = OpenAssessment(context);
  if (!services) return context.Fail(services.error());
  auto tokens = (*services)->accounts->Tokens(user);
  if (!tokens) return context.Fail(tokens.error());
  Grid grid;
  for (const char* name : {"id", "user", "label", "created", "revoked"}) grid.AddColumn(name);
  for (const app::TokenInfo& t : *tokens) {
    grid.rows.push_back({t.id, t.user, t.label, t.created_at, t.revoked ? "yes" : "no"});
  }
  context.Print(grid);
}

void AddPasswordOption(CLI::App* command, UserArgs& args) {
  command->add_flag("--password-stdin", args.password_stdin,
                    "Read the password from standard input (one line) instead of prompting twice");
}

}  // namespace

void RegisterUserCommands(CLI::App& app, Context& context) {
  auto* user = app.add_subcommand("user", "Accounts of assessment rounds: users, roles, passwords, API tokens "
                                          "(changes are the operator's, in the audit trail)");
  user->require_subcommand(1);
  auto args = std::make_shared<UserArgs>();

  auto* add = user->add_subcommand("add", "Add a user (the first admin: 'ocindex user add alice --role admin')");
  add->add_option("name", args->name, "Sign-in name: letters, digits, '.', '-', '_'")->required();
  add->add_option("--role", args->role, "admin, coordinator, expert, reviewer or reader")
      ->required()
      ->check(CLI::IsMember(kRoleNames));
  AddPasswordOption(add, *args);
  add->callback([&context, args] { SetPassword(context, *args, /*add=*/true); });

  user->add_subcommand("list", "Every user: name, role, disabled, created")->callback([&context] { List(context); });

  auto* passwd = user->add_subcommand("passwd", "Set a user's password (ends their sessions)");
  passwd->add_option("name", args->name, "User")->required();
  AddPasswordOption(passwd, *args);
  passwd->callback([&context, args] { SetPassword(context, *args, /*add=*/false); });

  auto* role = user->add_subcommand("role", "Change a user's role");
  role->add_option("name", args->name, "User")->required();
  role->add_option("role", args->role, "admin, coordinator, expert, reviewer or reader")
      ->required()
      ->check(CLI::IsMember(kRoleNames));
  role->callback([&context, args] {
    Change(
        context, [&](app::Accounts& a) { return a.SetRole(kOperator, args->name, RoleOf(args->role)); },
        fmt::format("{} is now {}", args->name, args->role));
  });

  for (const bool disable : {true, false}) {
    auto* command = user->add_subcommand(disable ? "disable" : "enable",
                                         disable ? "Disable a user: no sign-in, no token, no --as"
                                                 : "Enable a disabled user again");
    command->add_option("name", args->name, "User")->required();
    command->callback([&context, args, disable] {
      Change(
          context, [&](app::Accounts& a) { return a.SetDisabled(kOperator, args->name, disable); },
          fmt::format("{} {}", args->name, disable ? "disabled" : "enabled"));
    });
  }

  auto* token = user->add_subcommand("token", "API tokens for scripts (stored as digests; a secret is shown once)");
  token->require_subcommand(1);
  auto* issue = token->add_subcommand("issue", "Issue a token for a user; prints its secret once, to stdout");
  issue->add_option("name", args->name, "User")->required();
  issue->add_option("--label", args->label, "What the token is for")->required();
  issue->callback([&context, args] { IssueToken(context, *args); });
  auto* list = token->add_subcommand("list", "Tokens of one user, or of everyone");
  list->add_option("name", args->name, "User (default: every user)");
  list->callback([&context, args] { ListTokens(context, args->name); });
  auto* revoke = token->add_subcommand("revoke", "Revoke a token by its id");
  revoke->add_option("id", args->name, "Token id (from 'user token list')")->required();
  revoke->callback([&context, args] {
    Change(
        context, [&](app::Accounts& a) { return a.RevokeToken(kOperator, args->name); },
        fmt::format("token {} revoked", args->name));
  });
}

}  // namespace ocindex::cli

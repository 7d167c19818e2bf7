// What the user, round and trail commands share: the store at --db with the accounts
// and rounds services on it, and the user a round command acts as. The command line
// holds the database itself, so it acts as the machine's operator for accounts and as
// a named user (--as) in rounds, whose role and assignments then decide.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "adapters/catalog/catalog.h"
#include "app/assessment/accounts.h"
#include "app/assessment/rounds.h"
#include "core/error.h"
#include "faces/cli/context.h"

namespace ocindex::cli {

namespace as = core::assessment;

// Who changes accounts from the command line.
inline constexpr const char* kOperator = "operator";

struct AssessmentServices {
  adapters::Catalog catalog;  // owns the store the services use
  std::unique_ptr<app::Accounts> accounts;
  std::unique_ptr<app::Rounds> rounds;
};

// Opens (and on first use fills) the database, with Argon2id at PasswordCostFromEnv().
Result<std::unique_ptr<AssessmentServices>> OpenAssessment(const Context& context);

// Argon2id's cost: interactive, or the minimum when $OCINDEX_PASSWORD_COST=minimum
// (for tests and scripted demos only: such hashes are cheap to attack).
Result<app::PasswordCost> PasswordCostFromEnv();

// The user named by --as (`name`), else $OCINDEX_USER, with their role; kUnauthenticated
// when none is named, or the user is unknown or disabled.
Result<as::Actor> ActingUser(app::Accounts& accounts, const std::string& name);

// Whether the actor is of the index team (coordinator, admin).
bool IndexTeam(const as::Actor& actor);

// Opens the services, finds who acts (ActingUser(--as)) and runs `command` as them;
// an error from any step is reported through the context.
using ActingCommand = std::function<Status(AssessmentServices&, const as::Actor&)>;
void RunAs(Context& context, const std::string& as_name, const ActingCommand& command);

}  // namespace ocindex::cli

#include "faces/cli/assessment_services.h"

#include <cstdlib>

namespace ocindex::cli {

Result<app::PasswordCost> PasswordCostFromEnv() {
  const char* value = std::getenv("OCINDEX_PASSWORD_COST");
  const std::string cost = value == nullptr ? "" : value;
  if (cost.empty() || cost == "interactive") return app::PasswordCost::Interactive();
  if (cost == "minimum") return app::PasswordCost::Minimum();
  return MakeError(ErrorCode::kInvalidInput,
                   "OCINDEX_PASSWORD_COST='" + cost + "': expected interactive (the default) or minimum");
}

Result<std::unique_ptr<AssessmentServices>> OpenAssessment(const Context& context) {
  app::AccountPolicy policy;
  OCINDEX_ASSIGN_OR_RETURN(policy.cost, PasswordCostFromEnv());
  auto catalog = context.OpenCatalog();
  if (!catalog) return catalog.error();
  auto services = std::make_unique<AssessmentServices>(AssessmentServices{std::move(*catalog), nullptr, nullptr});
  adapters::Store& store = services->catalog.store();
  services->accounts = std::make_unique<app::Accounts>(store, app::SystemMillis, policy);
  services->rounds = std::make_unique<app::Rounds>(store, app::SystemMillis);
  return services;
}

Result<as::Actor> ActingUser(app::Accounts& accounts, const std::string& name) {
  std::string id = name;
  if (id.empty()) {
    if (const char* user = std::getenv("OCINDEX_USER"); user != nullptr) id = user;
  }
  if (id.empty()) {
    return MakeError(ErrorCode::kUnauthenticated, "who acts? pass --as NAME or set OCINDEX_USER ('ocindex user list')");
  }
  auto account = accounts.Find(id);
  if (!account) {
    if (account.error().code != ErrorCode::kNotFound) return account.error();
    return MakeError(ErrorCode::kUnauthenticated, "no user '" + id + "' ('ocindex user list' shows them)");
  }
  if (account->disabled) return MakeError(ErrorCode::kUnauthenticated, "user '" + id + "' is disabled");
  return as::Actor{{account->id}, account->role};
}

bool IndexTeam(const as::Actor& actor) {
  return actor.role == as::Role::kAdmin || actor.role == as::Role::kCoordinator;
}

void RunAs(Context& context, const std::string& as_name, const ActingCommand& command) {
  auto services = OpenAssessment(context);
  if (!services) return context.Fail(services.error());
  auto actor = ActingUser(*(*services)->accounts, as_name);
  if (!actor) return context.Fail(actor.error());
  if (Status done = command(**services, *actor); !done) context.Fail(done.error());
}

}  // namespace ocindex::cli

// What the API's write side needs together: the rounds and the accounts on one store,
// with one clock and one account policy.
#pragma once

#include "adapters/store/store.h"
#include "app/assessment/accounts.h"
#include "app/assessment/clock.h"
#include "app/assessment/rounds.h"

namespace ocindex::app {

struct WorkspaceOptions {
  Clock clock = SystemMillis;
  AccountPolicy accounts;
};

class Workspace {
 public:
  // `store` must be safe for concurrent use (both backends are) and outlive this.
  Workspace(adapters::Store& store, WorkspaceOptions options)
      : rounds_(store, options.clock), accounts_(store, options.clock, options.accounts) {}

  Rounds& rounds() { return rounds_; }
  Accounts& accounts() { return accounts_; }

 private:
  Rounds rounds_;
  Accounts accounts_;
};

}  // namespace ocindex::app

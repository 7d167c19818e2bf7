// Users, their roles and their credentials, kept as the journal stream "accounts": every
// change (a user added, a password or role changed, a token issued or revoked, a sign-in,
// a sign-out, a lockout) is an entry, so accounts have the same audit trail as rounds
// and several processes sharing a store agree on them.
//
// Passwords are stored as Argon2id hashes; API tokens and session ids are random
// secrets stored as their digest (secrets.h), shown once to whoever asked for them.
// Failed sign-ins are counted per account and per address; too many lock both out
// for a while, and the lockout is journaled.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "adapters/store/store.h"
#include "app/assessment/clock.h"
#include "app/assessment/secrets.h"
#include "app/assessment/round_events.h"
#include "core/assessment/people.h"
#include "core/error.h"

namespace ocindex::app {

namespace as = core::assessment;

struct Account {
  std::string id;  // the sign-in name: letters, digits, '.', '-', '_'
  as::Role role = as::Role::kReader;
  bool disabled = false;
  std::string created_at;
};

// Issued on sign-in. Both secrets are returned once: the session id goes into an
// HttpOnly cookie, the CSRF token into the page, which sends it with every write.
struct Session {
  std::string id;
  std::string csrf;
  Account account;
  int64_t expires = 0;  // ms since the epoch
};

struct IssuedToken {
  std::string id;      // public: names the token to revoke it
  std::string secret;  // "ocx_<id>_<random>": shown once
};

struct TokenInfo {
  std::string id;
  std::string user;
  std::string label;
  std::string created_at;
  bool revoked = false;
};

// Who a request acts as, once its credentials check out.
struct Principal {
  as::Actor actor;
  std::string session;  // digest of the session id; empty for an API token
  std::string csrf;     // digest of the session's CSRF token
};

struct AccountPolicy {
  PasswordCost cost = PasswordCost::Interactive();
  int64_t session_ms = 8LL * 3600 * 1000;  // a working day
  int max_account_failures = 5;   // within the window: a guesser of one account
  int max_address_failures = 20;  // within the window: one address guessing (many users may share one)
  int64_t failure_window_ms = 15LL * 60 * 1000;
  int64_t lockout_ms = 15LL * 60 * 1000;
};

class Accounts {
 public:
  Accounts(adapters::Store& store, Clock clock, AccountPolicy policy = {});
  ~Accounts();
  const AccountPolicy& policy() const { return policy_; }

  // `by` is who makes the change: an admin's id, or "operator" for the machine's
  // operator at the command line (who holds the database itself).
  Status AddUser(const std::string& by, const std::string& id, as::Role role, std::string_view password);
  Status SetPassword(const std::string& by, const std::string& id, std::string_view password);
  // A user's own change: the current password must be right (kUnauthenticated).
  Status ChangeOwnPassword(const std::string& id, std::string_view current, std::string_view next);
  Status SetRole(const std::string& by, const std::string& id, as::Role role);
  Status SetDisabled(const std::string& by, const std::string& id, bool disabled);
  Result<std::vector<Account>> List();
  Result<Account> Find(const std::string& id);

  // kUnauthenticated for an unknown user, a wrong password or a disabled account (one
  // message for all, so a guesser learns nothing); kRateLimited while locked out.
  Result<Session> SignIn(const std::string& id, std::string_view password, const std::string& address);
  Status SignOut(const Principal& principal);
  Result<IssuedToken> IssueToken(const std::string& user, const std::string& label);
  Status RevokeToken(const std::string& by, const std::string& token_id);
  Result<std::vector<TokenInfo>> Tokens(const std::string& user);

  // The principal of a session id or an API token; kUnauthenticated when it is unknown,
  // ended, expired, revoked or its user disabled.
  Result<Principal> FromSession(const std::string& session);
  Result<Principal> FromToken(const std::string& token);

 private:
  struct Projection;
  struct Failures {
    std::vector<int64_t> at;  // recent failures, ms
    int64_t locked_until = 0;
  };

  // Holding mutex_: applies the entries stored since the projection was last read.
  Status CatchUp();
  // The same without holding mutex_ while the store is read, so that requests being
  // authenticated do not wait on each other's reads (the hot path).
  Status CatchUpUnlocked();
  // Appends one entry to "accounts" after catching up; retries when another process wrote first.
  Status Append(const std::string& by, const std::string& action, const std::string& target, const Json& before,
                const Json& after, const Json& payload);
  Status Apply(const adapters::JournalEntry& entry);
  Result<Principal> PrincipalOf(const std::string& user, std::string session, std::string csrf);
  bool LockedOut(const std::string& key, int64_t now);
  // Records a failure; true when the `limit`-th within the window locks `key` out.
  bool Fail(const std::string& key, int limit, int64_t now);

  adapters::Store& store_;
  Clock clock_;
  AccountPolicy policy_;
  std::mutex mutex_;
  std::unique_ptr<Projection> projection_;
  std::map<std::string, Failures> failures_;  // "user:<id>" and "address:<ip>"
};

}  // namespace ocindex::app

#include "app/assessment/accounts.h"

#include <algorithm>
#include <iostream>

#include "core/assessment/names.h"

namespace ocindex::app {
namespace {

constexpr const char* kStream = "accounts";
constexpr int kAttempts = 8;
constexpr const char* kTokenPrefix = "ocx_";

Status CheckUserId(const std::string& id) {
  const bool ok = !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
  });
  if (ok) return {};
  return MakeError(ErrorCode::kInvalidInput, "a user name is 1 to 64 letters, digits, '.', '-' or '_': " + id);
}

Error NotSignedIn() { return MakeError(ErrorCode::kUnauthenticated, "wrong user name or password"); }

}  // namespace

struct Accounts::Projection {
  struct Token {
    TokenInfo info;
    std::string digest;
  };
  struct Open {
    std::string user;
    std::string csrf;
    int64_t expires = 0;
  };
  int version = 0;
  std::map<std::string, Account> users;
  std::map<std::string, std::string> passwords;  // user -> Argon2id hash
  std::map<std::string, Token> tokens;           // by id
  std::map<std::string, Open> sessions;          // by digest of the session id
};

Accounts::Accounts(adapters::Store& store, Clock clock, AccountPolicy policy)
    : store_(store), clock_(std::move(clock)), policy_(policy), projection_(std::make_unique<Projection>()) {}

Accounts::~Accounts() = default;

Status Accounts::Apply(const adapters::JournalEntry& entry) {
  Json p;
  OCINDEX_ASSIGN_OR_RETURN(p, PayloadOf(entry));
  Projection& s = *projection_;
  const std::string& a = entry.action;
  try {
    if (a == "user.add") {
      auto role = as::Named(p.at("role").get<std::string>(), as::kRoles, as::RoleName);
      if (!role) return MakeError(ErrorCode::kCorrupt, "no such role in the accounts journal");
      const std::string id = p.at("id").get<std::string>();
      s.users[id] = {id, *role, false, entry.at};
      s.passwords[id] = p.at("hash").get<std::string>();
    } else if (a == "user.password") {
      s.passwords[p.at("id").get<std::string>()] = p.at("hash").get<std::string>();
    } else if (a == "user.role") {
      auto role = as::Named(p.at("role").get<std::string>(), as::kRoles, as::RoleName);
      if (!role) return MakeError(ErrorCode::kCorrupt, "no such role in the accounts journal");
      s.users.at(p.at("id").get<std::string>()).role = *role;
    } else if (a == "user.disable") {
      s.users.at(p.at("id").get<std::string>()).disabled = p.at("disabled").get<bool>();
    } else if (a == "token.issue") {
      const std::string id = p.at("id").get<std::string>();
      s.tokens[id] = {{id, p.at("user").get<std::string>(), p.at("label").get<std::string>(), entry.at, false},
                      p.at("digest").get<std::string>()};
    } else if (a == "token.revoke") {
      s.tokens.at(p.at("id").get<std::string>()).info.revoked = true;
    } else if (a == "session.start") {
      s.sessions[p.at("session").get<std::string>()] = {p.at("user").get<std::string>(),
                                                         p.at("csrf").get<std::string>(), p.at("expires").get<int64_t>()};
    } else if (a == "session.end") {
      s.sessions.erase(p.at("session").get<std::string>());
    } else if (a != "signin.lockout") {
      return MakeError(ErrorCode::kCorrupt, "no such accounts action: " + a);
    }
  } catch (const std::exception& e) {
    return MakeError(ErrorCode::kCorrupt, "accounts entry " + std::to_string(entry.version) + ": " + e.what());
  }
  s.version = entry.version;
  return {};
}

Status Accounts::CatchUp() {
  std::vector<adapters::JournalEntry> entries;
  OCINDEX_ASSIGN_OR_RETURN(entries, store_.ReadStream(kStream, projection_->version));
  for (const adapters::JournalEntry& entry : entries) OCINDEX_RETURN_IF_ERROR(Apply(entry));
  return {};
}

Status Accounts::CatchUpUnlocked() {
  int version = 0;
  {
    std::lock_guard lock(mutex_);
    version = projection_->version;
  }
  std::vector<adapters::JournalEntry> entries;
  OCINDEX_ASSIGN_OR_RETURN(entries, store_.ReadStream(kStream, version));
  std::lock_guard lock(mutex_);
  for (const adapters::JournalEntry& entry : entries) {
    if (entry.version > projection_->version) OCINDEX_RETURN_IF_ERROR(Apply(entry));  // else applied meanwhile
  }
  return {};
}

Status Accounts::Append(const std::string& by, const std::string& action, const std::string& target,
                        const Json& before, const Json& after, const Json& payload) {
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    adapters::JournalEntry entry;
    entry.stream = kStream;
    entry.version = projection_->version + 1;
    entry.at = FormatMillis(clock_());
    entry.actor = by;
    entry.action = action;
    entry.target = target;
    entry.before = before.dump();
    entry.after = after.dump();
    entry.payload = payload.dump();
    Status stored = store_.AppendJournal({entry});
    if (stored) return Apply(entry);
    if (stored.error().code != ErrorCode::kConflict) return stored;
    OCINDEX_RETURN_IF_ERROR(CatchUp());  // another process wrote first: read it, then try again
  }
  return MakeError(ErrorCode::kConflict, "the accounts are being changed by others too busily; try again");
}

Status Accounts::AddUser(const std::string& by, const std::string& id, as::Role role, std::string_view password) {
  OCINDEX_RETURN_IF_ERROR(CheckUserId(id));
  std::string hash;
  OCINDEX_ASSIGN_OR_RETURN(hash, HashPassword(password, policy_.cost));
  std::lock_guard lock(mutex_);
  OCINDEX_RETURN_IF_ERROR(CatchUp());
  if (projection_->users.contains(id)) return MakeError(ErrorCode::kConflict, "user " + id + " already exists");
  const Json after{{"role", as::RoleName(role)}};
  return Append(by, "user.add", id, Json::object(), after, Json{{"id", id}, {"role", as::RoleName(role)}, {"hash", hash}});
}

Status Accounts::SetPassword(const std::string& by, const std::string& id, std::string_view password) {
  std::string hash;
  OCINDEX_ASSIGN_OR_RETURN(hash, HashPassword(password, policy_.cost));
  std::lock_guard lock(mutex_);
  OCINDEX_RETURN_IF_ERROR(CatchUp());
  if (!projection_->users.contains(id)) return MakeError(ErrorCode::kNotFound, "no user " + id);
  // Every session of the user ends with the old password.
  std::vector<std::string> open;
  for (const auto& [digest, session] : projection_->sessions) {
    if (session.user == id) open.push_back(digest);
  }
  for (const std::string& digest : open) {
    OCINDEX_RETURN_IF_ERROR(Append(by, "session.end", id, Json::object(), Json::object(), Json{{"session", digest}}));
  }
  return Append(by, "user.password", id, Json::object(), Json{{"password", "changed"}}, Json{{"id", id}, {"hash", hash}});
}

Status Accounts::ChangeOwnPassword(const std::string& id, std::string_view current, std::string_view next) {
  std::string hash;
  {
    std::lock_guard lock(mutex_);
    OCINDEX_RETURN_IF_ERROR(CatchUp());
    auto found = projection_->passwords.find(id);
    if (found != projection_->passwords.end()) hash = found->second;
  }
  if (hash.empty() || !VerifyPassword(current, hash)) {
    return MakeError(ErrorCode::kUnauthenticated, "the current password is wrong");
  }
  return SetPassword(id, id, next);
}

Status Accounts::SetRole(const std::string& by, const std::string& id, as::Role role) {
  std::lock_guard lock(mutex_);
  OCINDEX_RETURN_IF_ERROR(CatchUp());
  auto user = projection_->users.find(id);
  if (user == projection_->users.end()) return MakeError(ErrorCode::kNotFound, "no user " + id);
  return Append(by, "user.role", id, Json{{"role", as::RoleName(user->second.role)}}, Json{{"role", as::RoleName(role)}},
                Json{{"id", id}, {"role", as::RoleName(role)}});
}

Status Accounts::SetDisabled(const std::string& by, const std::string& id, bool disabled) {
  std::lock_guard lock(mutex_);
  OCINDEX_RETURN_IF_ERROR(CatchUp());
  auto user = projection_->users.find(id);
  if (user == projection_->users.end()) return MakeError(ErrorCode::kNotFound, "no user " + id);
  return Append(by, "user.disable", id, Json{{"disabled", user->second.disabled}}, Json{{"disabled", disabled}},
                Json{{"id", id}, {"disabled", disabled}});
}

Result<std::vector<Account>> Accounts::List() {
  std::lock_guard lock(mutex_);
  OCINDEX_RETURN_IF_ERROR(CatchUp());
  std::vector<Account> users;
  for (const auto& entry : projection_->users) users.push_back(entry.second);
  return users;
}

Result<Account> Accounts::Find(const std::string& id) {
  std::lock_guard lock(mutex_);
  OCINDEX_RETURN_IF_ERROR(CatchUp());
  auto user = projection_->users.find(id);
  if (user == projection_->users.end()) return MakeError(ErrorCode::kNotFound, "no user " + id);
  return user->second;
}

bool Accounts::LockedOut(const std::string& key, int64_t now) {
  auto found = failures_.find(key);
  return found != failures_.end() && found->second.locked_until > now;
}

bool Accounts::Fail(const std::string& key, int limit, int64_t now) {
  Failures& f = failures_[key];
  std::erase_if(f.at, [&](int64_t t) { return t <= now - policy_.failure_window_ms; });
  f.at.push_back(now);
  if (static_cast<int>(f.at.size()) < limit) return false;
  f.at.clear();
  f.locked_until = now + policy_.lockout_ms;
  return true;
}

Result<Session> Accounts::SignIn(const std::string& id, std::string_view password, const std::string& address) {
  const int64_t now = clock_();
  const std::string user_key = "user:" + id;
  const std::string address_key = "address:" + address;
  std::string hash;
  {
    std::lock_guard lock(mutex_);
    if (LockedOut(user_key, now) || LockedOut(address_key, now)) {
      return MakeError(ErrorCode::kRateLimited, "too many failed sign-ins; try again later");
    }
    OCINDEX_RETURN_IF_ERROR(CatchUp());
    auto found = projection_->passwords.find(id);
    if (found != projection_->passwords.end() && !projection_->users.at(id).disabled) hash = found->second;
  }
  // Outside the lock: Argon2id takes a while by design, and other requests go on.
  const bool verified = !hash.empty() && VerifyPassword(password, hash);
  std::lock_guard lock(mutex_);
  if (!verified) {
    const std::pair<const std::string&, int> limits[] = {{user_key, policy_.max_account_failures},
                                                         {address_key, policy_.max_address_failures}};
    for (const auto& [key, limit] : limits) {
      if (!Fail(key, limit, now)) continue;
      std::cerr << "ocindex: sign-in locked out for " << key << " after " << limit << " failures\n";
      OCINDEX_RETURN_IF_ERROR(Append("", "signin.lockout", key, Json::object(),
                                     Json{{"locked_until", FormatMillis(now + policy_.lockout_ms)}},
                                     Json{{"key", key}}));
    }
    return NotSignedIn();
  }
  failures_.erase(user_key);
  Session session{NewSecret(), NewSecret(), projection_->users.at(id), now + policy_.session_ms};
  OCINDEX_RETURN_IF_ERROR(Append(id, "session.start", id, Json::object(),
                                 Json{{"expires", FormatMillis(session.expires)}},
                                 Json{{"session", SecretDigest(session.id)},
                                      {"csrf", SecretDigest(session.csrf)},
                                      {"user", id},
                                      {"expires", session.expires}}));
  return session;
}

Status Accounts::SignOut(const Principal& principal) {
  if (principal.session.empty()) return MakeError(ErrorCode::kInvalidInput, "an API token has no session to end");
  std::lock_guard lock(mutex_);
  OCINDEX_RETURN_IF_ERROR(CatchUp());
  if (!projection_->sessions.contains(principal.session)) return {};
  return Append(principal.actor.user.id, "session.end", principal.actor.user.id, Json::object(), Json::object(),
                Json{{"session", principal.session}});
}

Result<IssuedToken> Accounts::IssueToken(const std::string& user, const std::string& label) {
  std::lock_guard lock(mutex_);
  OCINDEX_RETURN_IF_ERROR(CatchUp());
  if (!projection_->users.contains(user)) return MakeError(ErrorCode::kNotFound, "no user " + user);
  const std::string id = SecretDigest(NewSecret()).substr(0, 12);
  IssuedToken token{id, kTokenPrefix + id + "_" + NewSecret()};
  OCINDEX_RETURN_IF_ERROR(Append(user, "token.issue", id, Json::object(), Json{{"user", user}, {"label", label}},
                                 Json{{"id", id}, {"user", user}, {"label", label}, {"digest", SecretDigest(token.secret)}}));
  return token;
}

Status Accounts::RevokeToken(const std::string& by, const std::string& token_id) {
  std::lock_guard lock(mutex_);
  OCINDEX_RETURN_IF_ERROR(CatchUp());
  auto token = projection_->tokens.find(token_id);
  if (token == projection_->tokens.end()) return MakeError(ErrorCode::kNotFound, "no token " + token_id);
  if (token->second.info.revoked) return {};
  return Append(by, "token.revoke", token_id, Json{{"revoked", false}}, Json{{"revoked", true}}, Json{{"id", token_id}});
}

Result<std::vector<TokenInfo>> Accounts::Tokens(const std::string& user) {
  std::lock_guard lock(mutex_);
  OCINDEX_RETURN_IF_ERROR(CatchUp());
  std::vector<TokenInfo> out;
  for (const auto& entry : projection_->tokens) {
    if (user.empty() || entry.second.info.user == user) out.push_back(entry.second.info);
  }
  return out;
}

Result<Principal> Accounts::PrincipalOf(const std::string& user, std::string session, std::string csrf) {
  auto account = projection_->users.find(user);
  if (account == projection_->users.end() || account->second.disabled) {
    return MakeError(ErrorCode::kUnauthenticated, "the account is disabled");
  }
  return Principal{{{user}, account->second.role}, std::move(session), std::move(csrf)};
}

Result<Principal> Accounts::FromSession(const std::string& session) {
  const std::string digest = SecretDigest(session);
  OCINDEX_RETURN_IF_ERROR(CatchUpUnlocked());
  std::lock_guard lock(mutex_);
  auto found = projection_->sessions.find(digest);
  if (found == projection_->sessions.end() || found->second.expires <= clock_()) {
    return MakeError(ErrorCode::kUnauthenticated, "not signed in, or the session has ended; sign in again");
  }
  return PrincipalOf(found->second.user, digest, found->second.csrf);
}

Result<Principal> Accounts::FromToken(const std::string& token) {
  const Error unknown = MakeError(ErrorCode::kUnauthenticated, "unknown or revoked API token");
  const std::string_view prefix = kTokenPrefix;
  if (token.rfind(prefix, 0) != 0 || token.size() < prefix.size() + 13) return unknown;
  const std::string id = token.substr(prefix.size(), 12);
  OCINDEX_RETURN_IF_ERROR(CatchUpUnlocked());
  std::lock_guard lock(mutex_);
  auto found = projection_->tokens.find(id);
  if (found == projection_->tokens.end() || found->second.info.revoked ||
      !SecretsEqual(found->second.digest, SecretDigest(token))) {
    return unknown;
  }
  return PrincipalOf(found->second.info.user, "", "");
}

}  // namespace ocindex::app

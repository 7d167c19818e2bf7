// Secrets at rest: passwords hashed with Argon2id (libsodium's crypto_pwhash_str, salt
// and parameters inside the string), and random bearer secrets (session ids, API
// tokens, CSRF tokens) stored as their BLAKE2b-256 digest. A digest suffices for those:
// 256 random bits cannot be guessed, so a slow hash would only cost every request.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.h"

namespace ocindex::app {

// Argon2id's work factors. kInteractive is libsodium's recommendation for logins
// (64 MiB, 2 passes); kMinimum exists for tests that create many accounts.
struct PasswordCost {
  unsigned long long ops;
  size_t memory;
  static PasswordCost Interactive();
  static PasswordCost Minimum();
};

// kInvalidInput for a password shorter than kMinPasswordLength bytes.
inline constexpr size_t kMinPasswordLength = 10;
Result<std::string> HashPassword(std::string_view password, const PasswordCost& cost);
// Constant-time in the password; false for a wrong password or a malformed hash.
bool VerifyPassword(std::string_view password, const std::string& hash);

// 32 random bytes, URL-safe base64 without padding (43 characters).
std::string NewSecret();
// The hex BLAKE2b-256 digest a secret is stored and looked up by.
std::string SecretDigest(std::string_view secret);
// Compares two digests in constant time.
bool SecretsEqual(std::string_view a, std::string_view b);

}  // namespace ocindex::app

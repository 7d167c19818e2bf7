// Names of the round's enumerations (roles, phases, cell states) as the CLI and the API
// spell them: "in review" is also "in_review", so a name works unquoted.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ocindex::core::assessment {

// The name with spaces as underscores: "review open" -> "review_open".
inline std::string Token(std::string_view name) {
  std::string token(name);
  for (char& c : token) c = c == ' ' ? '_' : c;
  return token;
}

// The value of `values` whose name or token is `name`; nullopt for none.
template <typename T, size_t N>
std::optional<T> Named(std::string_view name, const T (&values)[N], const char* (*name_of)(T)) {
  for (T value : values) {
    if (name == name_of(value) || name == Token(name_of(value))) return value;
  }
  return std::nullopt;
}

}  // namespace ocindex::core::assessment

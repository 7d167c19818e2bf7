// Countries and every name they go by, so that "Congo, Dem, Rep,", "DRC" and "cod"
// all find the same country.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.h"

namespace ocindex::core {

struct Country {
  std::string iso3;  // ISO 3166-1 alpha-3, upper case
  std::string name;  // common English name
  std::vector<std::string> aliases;
};

class Geography {
 public:
  Geography() = default;
  // Fails if an ISO3 code is malformed or a name or alias would name two countries.
  static Result<Geography> Build(std::vector<Country> countries);

  const std::vector<Country>& countries() const { return countries_; }
  // By ISO3, name or alias; case, accents and punctuation are ignored. nullptr if unknown.
  const Country* Find(std::string_view query) const;
  // Up to `limit` names closest to an unknown query, best first.
  std::vector<std::string> Suggest(std::string_view query, size_t limit = 3) const;

  // A search box's matches: countries whose ISO3, name or an alias equals the query,
  // starts with it, has a word starting with it, or holds it, in that order (then by
  // name), with case, accents and punctuation ignored: "turkey" and "turkiye" find
  // Türkiye, "ivory" Côte d'Ivoire, "congo" both Congos. Empty for an empty query.
  struct Match {
    const Country* country;
    std::string matched;  // the name or alias that matched, as written
  };
  std::vector<Match> Search(std::string_view query) const;

 private:
  std::vector<Country> countries_;
  std::unordered_map<std::string, size_t> index_;  // normalised key -> country
};

// The lookup key for a name: ASCII lower case, common Latin accents folded, and every
// run of punctuation or space turned into one space ("São Tomé" -> "sao tome").
std::string NormalizeName(std::string_view name);

}  // namespace ocindex::core

// Countries and every name they go by, so that "Congo, Dem, Rep,", "DRC" and "cod"
// all find the same country. An index of other units (municipalities, cities,
// companies) adds its own to the list: a unit is a Country with a wider code.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.h"

namespace ocindex::core {

struct Country {
  std::string iso3;  // ISO 3166-1 alpha-3 for a country; any unit code (IsUnitCode) for other units
  std::string name;  // common English name
  std::vector<std::string> aliases;
};

class Geography {
 public:
  Geography() = default;
  // Fails if a code is malformed (IsUnitCode) or names two entries, if a name or alias
  // is another entry's code, or if two countries (ISO3 codes) share a name or alias.
  // Units may share names, as municipalities of one country often do: a name two units
  // share finds neither (Find), and Named lists them; a unit named like a country
  // ("Guatemala", a department) leaves the name to the country and is found by its
  // code. `where`, if given, says where each entry came from ("units.csv, line 7") for
  // the error; else it names the entry's code.
  static Result<Geography> Build(std::vector<Country> countries, const std::vector<std::string>& where = {});

  // This list with `units` added; a unit whose code is listed already restates it (the
  // same name; its aliases replace the listed ones). Fails as Build does, if a unit
  // would rename a listed code, or if a new code is three capitals: those are ISO 3166
  // codes, which tell a country from a unit. `where` as for Build, one per unit.
  Result<Geography> With(std::vector<Country> units, const std::vector<std::string>& where) const;

  const std::vector<Country>& countries() const { return countries_; }
  // The countries alone (ISO3 codes), without the units of other indices.
  Result<Geography> Countries() const;
  // By ISO3, name or alias; case, accents and punctuation are ignored. nullptr if unknown
  // or if the query is a name several units share.
  const Country* Find(std::string_view query) const;
  // Every entry the query names, as Find matches: none, the one Find gives, or the
  // units that share the name.
  std::vector<const Country*> Named(std::string_view query) const;
  // The units that also carry a name a country holds (Guatemala's department
  // Guatemala): Find gives the country, these are found by their codes.
  std::vector<const Country*> AlsoNamed(std::string_view query) const;
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
  static constexpr size_t kShared = static_cast<size_t>(-1);
  // Files a name or alias of `entry` by Build's rules; why it cannot be, or "".
  std::string IndexName(const std::string& name, size_t entry);
  std::vector<const Country*> Entries(const std::vector<size_t>& indices) const;

  std::vector<Country> countries_;
  std::unordered_map<std::string, size_t> index_;  // normalised key -> entry, or kShared
  // A key that units share with each other (index_ says kShared) or with a country
  // (index_ gives the country) -> those units.
  std::unordered_map<std::string, std::vector<size_t>> units_;
};

// "MX-19_0046 (San Pedro), MX-05_0033 (San Pedro)": entries by code and name.
std::string CodesAndNames(const std::vector<const Country*>& entries);

// "'San Jose' names 2 units: CR-SJ1 (San José), CR-SJ2 (San José); give a code", for
// a query that names several entries (Geography::Named).
std::string SharedNameMessage(std::string_view query, const std::vector<const Country*>& named);

// ISO 3166-1 alpha-3: three capital letters.
bool IsIso3Code(std::string_view code);
// A unit's code: 1 to kMaxUnitCode of A-Z, 0-9, '_' and '-' (an ISO3 code is one,
// reserved for countries).
inline constexpr size_t kMaxUnitCode = 16;
bool IsUnitCode(std::string_view code);

// The lookup key for a name: ASCII lower case, common Latin accents folded, and every
// run of punctuation or space turned into one space ("São Tomé" -> "sao tome").
std::string NormalizeName(std::string_view name);

}  // namespace ocindex::core

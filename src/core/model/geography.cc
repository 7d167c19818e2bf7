#include "core/model/geography.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <utility>

namespace ocindex::core {
namespace {

// Two-byte UTF-8 Latin letters (U+00C0..U+00FF) folded to ASCII; enough for the
// accented country names in use (São Tomé, Côte d'Ivoire, Türkiye, Curaçao).
char FoldLatin1(unsigned char first_byte, unsigned char second_byte) {
  static constexpr char kC3[] =  // U+00C0 + index
      "aaaaaaaceeeeiiiidnooooo*ouuuuyts"
      "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
  if (first_byte == 0xC3 && second_byte >= 0x80 && second_byte <= 0xBF) {
    return kC3[second_byte - 0x80];
  }
  return ' ';
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string NormalizeName(std::string_view name) {
  std::string out;
  auto push = [&out](char c) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  };
  for (size_t i = 0; i < name.size(); ++i) {
    auto byte = static_cast<unsigned char>(name[i]);
    if (byte < 0x80) {
      push(name[i]);
    } else if (byte == 0xC3 && i + 1 < name.size()) {
      push(FoldLatin1(byte, static_cast<unsigned char>(name[i + 1])));
      ++i;
    } else if (byte == 0xE2 && i + 2 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0x80 &&
               static_cast<unsigned char>(name[i + 2]) == 0x99) {
      i += 2;  // typographic apostrophe, as in Côte d’Ivoire: a separator like "'"
      push(' ');
    } else {
      push(' ');
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool IsIso3Code(std::string_view code) {
  return code.size() == 3 &&
         std::all_of(code.begin(), code.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
}

bool IsUnitCode(std::string_view code) {
  return !code.empty() && code.size() <= kMaxUnitCode && std::all_of(code.begin(), code.end(), [](char ch) {
    return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
  });
}

Result<Geography> Geography::Build(std::vector<Country> countries, const std::vector<std::string>& where) {
  Geography geography;
  geography.countries_ = std::move(countries);
  geography.index_.reserve(geography.countries_.size() * 2);
  const auto location = [&](size_t c) {
    return c < where.size() ? where[c] : "country " + geography.countries_[c].iso3;
  };
  // Codes first: each finds its entry whatever the names say.
  for (size_t c = 0; c < geography.countries_.size(); ++c) {
    const Country& country = geography.countries_[c];
    if (!IsUnitCode(country.iso3)) {
      return MakeError(ErrorCode::kInvalidInput,
                       fmt::format("'{}' is not a unit code: expected 1 to {} of A-Z, 0-9, '_' and '-' (a "
                                   "country's is its ISO 3166 alpha-3 code)",
                                   country.iso3, kMaxUnitCode),
                       location(c));
    }
    auto [it, inserted] = geography.index_.emplace(NormalizeName(country.iso3), c);
    if (!inserted) {
      return MakeError(ErrorCode::kInvalidInput,
                       fmt::format("the code {} names two entries: {} and this one", country.iso3,
                                   location(it->second)),
                       location(c));
    }
  }
  for (size_t c = 0; c < geography.countries_.size(); ++c) {
    const Country& country = geography.countries_[c];
    std::vector<std::string> names{country.name};
    names.insert(names.end(), country.aliases.begin(), country.aliases.end());
    for (const std::string& name : names) {
      if (std::string problem = geography.IndexName(name, c); !problem.empty()) {
        return MakeError(ErrorCode::kInvalidInput, problem, location(c));
      }
    }
  }
  return geography;
}

std::string Geography::IndexName(const std::string& name, size_t entry) {
  std::string key = NormalizeName(name);
  if (key.empty()) return {};
  auto [it, inserted] = index_.emplace(key, entry);
  if (inserted || it->second == entry) return {};
  const size_t held = it->second;
  const std::string& code = countries_[entry].iso3;
  if (held != kShared && NormalizeName(countries_[held].iso3) == key) {
    return fmt::format("the name '{}' would name both {} (its code) and {}", name, countries_[held].iso3, code);
  }
  const bool held_by_country = held != kShared && IsIso3Code(countries_[held].iso3);
  if (held_by_country && IsIso3Code(code)) {
    return fmt::format("the name '{}' would name both {} and {}", name, countries_[held].iso3, code);
  }
  // The key finds the country that has it, else none; the units with it go to units_.
  std::vector<size_t>& units = units_[key];
  const auto add_once = [&units](size_t unit) {
    if (std::find(units.begin(), units.end(), unit) == units.end()) units.push_back(unit);
  };
  if (held != kShared && !held_by_country) add_once(held);  // the unit that had it alone
  if (IsIso3Code(code)) {
    it->second = entry;
  } else {
    add_once(entry);
    if (!held_by_country) it->second = kShared;
  }
  return {};
}

Result<Geography> Geography::With(std::vector<Country> units, const std::vector<std::string>& where) const {
  std::vector<Country> merged = countries_;
  std::vector<std::string> merged_where(merged.size());  // listed entries: named by code
  for (size_t c = 0; c < merged.size(); ++c) merged_where[c] = "country " + merged[c].iso3;
  std::unordered_map<std::string_view, size_t> by_code;
  for (size_t c = 0; c < countries_.size(); ++c) by_code.emplace(countries_[c].iso3, c);
  for (size_t u = 0; u < units.size(); ++u) {
    const std::string at = u < where.size() ? where[u] : "unit " + units[u].iso3;
    auto listed = by_code.find(units[u].iso3);
    if (listed == by_code.end()) {
      if (IsIso3Code(units[u].iso3)) {
        return MakeError(ErrorCode::kInvalidInput,
                         fmt::format("'{}' is not a listed country: three capital letters are kept for ISO 3166 "
                                     "country codes; give a unit a longer code (such as {}1)",
                                     units[u].iso3, units[u].iso3),
                         at);
      }
      merged.push_back(std::move(units[u]));
      merged_where.push_back(at);
    } else if (merged[listed->second].name != units[u].name) {
      return MakeError(ErrorCode::kConflict,
                       fmt::format("code {} is stored as '{}', not '{}': a unit list may add units or restate "
                                   "them, not rename them",
                                   units[u].iso3, merged[listed->second].name, units[u].name),
                       at);
    } else {
      merged[listed->second].aliases = std::move(units[u].aliases);
      merged_where[listed->second] = at;
    }
  }
  return Build(std::move(merged), merged_where);
}

Result<Geography> Geography::Countries() const {
  std::vector<Country> countries;
  for (const Country& country : countries_) {
    if (IsIso3Code(country.iso3)) countries.push_back(country);
  }
  return Build(std::move(countries));
}

const Country* Geography::Find(std::string_view query) const {
  auto it = index_.find(NormalizeName(query));
  return it == index_.end() || it->second == kShared ? nullptr : &countries_[it->second];
}

std::vector<const Country*> Geography::Named(std::string_view query) const {
  const std::string key = NormalizeName(query);
  auto it = index_.find(key);
  if (it == index_.end()) return {};
  return it->second == kShared ? Entries(units_.at(key)) : std::vector<const Country*>{&countries_[it->second]};
}

std::vector<const Country*> Geography::AlsoNamed(std::string_view query) const {
  const std::string key = NormalizeName(query);
  auto it = index_.find(key);
  auto units = units_.find(key);
  if (it == index_.end() || it->second == kShared || units == units_.end()) return {};
  return Entries(units->second);
}

std::vector<const Country*> Geography::Entries(const std::vector<size_t>& indices) const {
  std::vector<const Country*> entries;
  for (size_t i : indices) entries.push_back(&countries_[i]);
  return entries;
}

std::string CodesAndNames(const std::vector<const Country*>& entries) {
  std::vector<std::string> listed;
  for (const Country* entry : entries) listed.push_back(fmt::format("{} ({})", entry->iso3, entry->name));
  return fmt::format("{}", fmt::join(listed, ", "));
}

std::string SharedNameMessage(std::string_view query, const std::vector<const Country*>& named) {
  return fmt::format("'{}' names {} units: {}; give a code", query, named.size(), CodesAndNames(named));
}

std::vector<Geography::Match> Geography::Search(std::string_view query) const {
  const std::string key = NormalizeName(query);
  if (key.empty()) return {};
  // How well `name` matches: 0 equal, 1 starts with the query, 2 a word does, 3 holds it.
  const auto closeness = [&key](const std::string& name) -> int {
    const std::string normalized = NormalizeName(name);
    if (normalized == key) return 0;
    if (normalized.rfind(key, 0) == 0) return 1;
    if (normalized.find(" " + key) != std::string::npos) return 2;
    return normalized.find(key) != std::string::npos ? 3 : 4;
  };
  std::vector<std::pair<int, Match>> found;
  for (const Country& country : countries_) {
    std::pair<int, Match> best{4, {&country, country.name}};
    for (const std::string* name : {&country.name, &country.iso3}) {
      const int c = closeness(*name);
      if (c < best.first) best = {c, {&country, country.name}};
    }
    for (const std::string& alias : country.aliases) {
      const int c = closeness(alias);
      if (c < best.first) best = {c, {&country, alias}};
    }
    if (best.first < 4) found.push_back(std::move(best));
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second.country->name < b.second.country->name;
  });
  std::vector<Match> out;
  for (auto& [closeness_of, match] : found) out.push_back(std::move(match));
  return out;
}

std::vector<std::string> Geography::Suggest(std::string_view query, size_t limit) const {
  const std::string key = NormalizeName(query);
  std::vector<std::pair<size_t, size_t>> scored;  // distance, country
  for (const auto& [name, entry] : index_) {
    size_t distance = EditDistance(key, name);
    // A query that starts a name ("kazak") is a strong hint even if far in edits.
    if (!key.empty() && name.rfind(key, 0) == 0) distance = std::min<size_t>(distance, 1);
    if (entry != kShared) {
      scored.emplace_back(distance, entry);
    } else {
      for (size_t unit : units_.at(name)) scored.emplace_back(distance, unit);
    }
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  const size_t max_distance = std::max<size_t>(2, key.size() / 3);
  for (const auto& [distance, country] : scored) {
    if (out.size() >= limit || distance > max_distance) break;
    const std::string& name = countries_[country].name;
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  return out;
}

}  // namespace ocindex::core

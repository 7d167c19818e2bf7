#include "adapters/io/assignments_csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "adapters/io/table_problems.h"
#include "core/profile/narrative.h"

namespace ocindex::adapters::io {
namespace {

namespace as = core::assessment;

enum Field { kKind, kIso3, kItem, kUser, kCapacity };
const std::vector<std::string> kFields = {"kind", "iso3", "item", "user", "capacity"};

// The list of the team a row adds its user to.
std::vector<as::UserRef>* Slot(as::Team& team, Capacity capacity) {
  return capacity == Capacity::kDrafting ? &team.drafting : &team.reviewers;
}

}  // namespace

Result<as::Assignments> ReadAssignments(const Table& table, const as::Round& round, const UserCheck& check) {
  Problems problems(table, "nothing was assigned");
  if (table.rows.size() < 2) {
    return MakeError(ErrorCode::kInvalidInput,
                     "no assignments: expected a header (kind,iso3,item,user,capacity) and one row per person and item",
                     table.Where(1));
  }
  const std::vector<int> columns = FindColumns(table.rows.front(), kFields, kFields.size(), problems);
  if (!problems.empty()) return problems.ToError();

  const std::vector<std::string> sections = core::NarrativeSectionIds(round.framework);
  as::Assignments assignments;
  std::map<std::tuple<std::string, std::string, std::string, std::string>, uint32_t> seen;  // -> first line
  for (size_t r = 1; r < table.rows.size(); ++r) {
    const TableRow& row = table.rows[r];
    auto cell = [&](Field f) { return Trim(Cell(row, static_cast<size_t>(columns[f]))); };
    auto add = [&](Field f, std::string message) { problems.Add(row.number, columns[f], std::move(message)); };
    const size_t before = problems.count();

    const std::string kind = cell(kKind), iso3 = cell(kIso3), item = cell(kItem), user = cell(kUser);
    if (kind != "cell" && kind != "section" && kind != "thematic") {
      add(kKind, fmt::format("kind '{}': expected cell, section or thematic", kind));
      continue;
    }
    const std::string capacity_text = cell(kCapacity);
    // A plain value and a flag rather than an optional: GCC's -O2 flow analysis cannot
    // see that an empty optional never reaches the writes below (-Wmaybe-uninitialized).
    const bool known = capacity_text == "drafting" || capacity_text == "reviewer";
    const Capacity capacity = capacity_text == "drafting" ? Capacity::kDrafting : Capacity::kReviewer;
    if (!known) {
      add(kCapacity, fmt::format("capacity '{}': expected drafting or reviewer", capacity_text));
    } else if (kind == "thematic" && capacity != Capacity::kReviewer) {
      add(kCapacity, "a thematic assignment reviews one indicator in every country: expected reviewer");
    }
    if (kind == "thematic") {
      if (!iso3.empty()) add(kIso3, "a thematic assignment covers every country: expected no iso3");
    } else if (round.FindCountry(iso3) == nullptr) {
      add(kIso3, fmt::format("'{}' is not a country of round {}: expected an ISO3 code such as {}", iso3, round.id,
                             round.countries.front().iso3));
    }
    if (kind == "section") {
      if (std::find(sections.begin(), sections.end(), item) == sections.end()) {
        add(kItem, fmt::format("'{}' is not a narrative section: expected one of {}", item, fmt::join(sections, ", ")));
      }
    } else if (!round.framework.FindIndicator(item)) {
      add(kItem, fmt::format("'{}' is not an indicator of the round: expected an indicator id such as {}", item,
                             round.framework.indicators.front().id));
    }
    if (user.empty()) {
      add(kUser, "no user: expected a sign-in name");
    } else if (known) {
      if (auto wrong = check(user, capacity)) add(kUser, *wrong);
    }
    if (problems.count() != before) continue;

    auto [first, fresh] = seen.emplace(std::make_tuple(kind, iso3, item, user), row.number);
    if (!fresh) {
      add(kUser, fmt::format("{} is already assigned to this {} (line {})", user, kind, first->second));
      continue;
    }
    if (kind == "thematic") {
      assignments.thematic[item].push_back({user});
    } else if (kind == "cell") {
      Slot(assignments.cells[{iso3, item}], capacity)->push_back({user});
    } else {
      Slot(assignments.sections[{iso3, item}], capacity)->push_back({user});
    }
  }
  if (!problems.empty()) return problems.ToError();
  if (Status valid = as::ValidateAssignments(assignments, round); !valid) {
    return MakeError(ErrorCode::kInvalidInput, valid.error().ToString() + "; nothing was assigned", table.source);
  }
  return assignments;
}

}  // namespace ocindex::adapters::io

#include "core/assessment/assignment.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace ocindex::core::assessment {
namespace {

bool Lists(const std::vector<UserRef>& users, const UserRef& user) {
  return std::find(users.begin(), users.end(), user) != users.end();
}

template <typename Key>
const Team& FindTeam(const std::map<Key, Team>& teams, const Key& key) {
  static const Team kNobody;
  auto found = teams.find(key);
  return found == teams.end() ? kNobody : found->second;
}

Relation RelationIn(const Team& team, const UserRef& user) {
  if (Lists(team.drafting, user)) return Relation::kDrafter;
  if (Lists(team.reviewers, user)) return Relation::kReviewer;
  return Relation::kNone;
}

Status CheckUsers(const std::vector<UserRef>& users, const std::string& where) {
  std::set<std::string> seen;
  for (const UserRef& user : users) {
    if (user.id.empty()) return MakeError(ErrorCode::kInvalidInput, "a user id is empty", where);
    if (!seen.insert(user.id).second) {
      return MakeError(ErrorCode::kInvalidInput, fmt::format("{} is listed twice", user.id), where);
    }
  }
  return {};
}

Status CheckTeam(const Team& team, const std::string& where) {
  OCINDEX_RETURN_IF_ERROR(CheckUsers(team.drafting, where));
  OCINDEX_RETURN_IF_ERROR(CheckUsers(team.reviewers, where));
  for (const UserRef& user : team.reviewers) {
    if (Lists(team.drafting, user)) {
      return MakeError(ErrorCode::kInvalidInput, fmt::format("{} cannot both draft and review", user.id), where);
    }
  }
  return {};
}

}  // namespace

const Team& Assignments::TeamOf(const CellKey& key) const { return FindTeam(cells, key); }
const Team& Assignments::TeamOf(const SectionKey& key) const { return FindTeam(sections, key); }

Relation RelationTo(const Assignments& assignments, const UserRef& user, const CellKey& key) {
  const Relation relation = RelationIn(assignments.TeamOf(key), user);
  if (relation != Relation::kNone) return relation;
  auto thematic = assignments.thematic.find(key.indicator);
  if (thematic != assignments.thematic.end() && Lists(thematic->second, user)) return Relation::kReviewer;
  return Relation::kNone;
}

Relation RelationTo(const Assignments& assignments, const UserRef& user, const SectionKey& key) {
  return RelationIn(assignments.TeamOf(key), user);
}

Status ValidateAssignments(const Assignments& assignments, const Round& round) {
  for (const auto& [key, team] : assignments.cells) {
    if (!round.HasCell(key)) return MakeError(ErrorCode::kNotFound, "no such cell in the round", key.ToString());
    OCINDEX_RETURN_IF_ERROR(CheckTeam(team, key.ToString()));
    auto thematic = assignments.thematic.find(key.indicator);
    if (thematic == assignments.thematic.end()) continue;
    for (const UserRef& user : team.drafting) {
      if (Lists(thematic->second, user)) {
        return MakeError(ErrorCode::kInvalidInput,
                         fmt::format("{} cannot both draft and review {} thematically", user.id, key.indicator),
                         key.ToString());
      }
    }
  }
  for (const auto& [key, team] : assignments.sections) {
    if (!round.HasSection(key)) return MakeError(ErrorCode::kNotFound, "no such section in the round", key.ToString());
    OCINDEX_RETURN_IF_ERROR(CheckTeam(team, key.ToString()));
  }
  for (const auto& [indicator, reviewers] : assignments.thematic) {
    if (!round.framework.FindIndicator(indicator)) {
      return MakeError(ErrorCode::kNotFound, "no such indicator in the round's framework", indicator);
    }
    OCINDEX_RETURN_IF_ERROR(CheckUsers(reviewers, indicator));
  }
  return {};
}

}  // namespace ocindex::core::assessment

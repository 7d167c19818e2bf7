// Who works on what: each cell and narrative section has its drafting experts and its
// reviewers; each indicator may have thematic reviewers, who review that indicator's
// cells in every country (calibration).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/assessment/keys.h"
#include "core/assessment/people.h"
#include "core/assessment/round.h"
#include "core/error.h"

namespace ocindex::core::assessment {

struct Team {
  std::vector<UserRef> drafting;
  std::vector<UserRef> reviewers;
};

struct Assignments {
  std::map<CellKey, Team> cells;
  std::map<SectionKey, Team> sections;
  std::map<std::string, std::vector<UserRef>> thematic;  // indicator id -> thematic reviewers

  // The item's team; an empty team when nobody is assigned.
  const Team& TeamOf(const CellKey& key) const;
  const Team& TeamOf(const SectionKey& key) const;
};

// What a user is to one item. Thematic reviewers of an indicator are reviewers of its cells.
enum class Relation { kNone, kDrafter, kReviewer };

Relation RelationTo(const Assignments& assignments, const UserRef& user, const CellKey& key);
Relation RelationTo(const Assignments& assignments, const UserRef& user, const SectionKey& key);

// Every key names a cell, section or indicator of the round; user ids are non-empty and
// listed once per team; nobody reviews an item they draft (reviews stay independent).
Status ValidateAssignments(const Assignments& assignments, const Round& round);

}  // namespace ocindex::core::assessment

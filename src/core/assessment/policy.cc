#include "core/assessment/policy.h"

#include <fmt/format.h>

namespace ocindex::core::assessment {
namespace {

constexpr Phase kFirst = Phase::kDrafting;
constexpr Phase kLast = Phase::kPublished;

// Experts write until calibration ends; comments run from review opening until the
// round is settled; nobody but the index team sees other experts before review opens.
constexpr Permission kPermissions[] = {
    {Role::kAdmin, Action::kRead, Grant::kAlways, kFirst, kLast},
    {Role::kAdmin, Action::kComment, Grant::kAlways, Phase::kReviewOpen, Phase::kSettled},
    {Role::kAdmin, Action::kSeeOthers, Grant::kAlways, kFirst, kLast},
    {Role::kAdmin, Action::kManage, Grant::kAlways, kFirst, Phase::kSettled},
    {Role::kCoordinator, Action::kRead, Grant::kAlways, kFirst, kLast},
    {Role::kCoordinator, Action::kComment, Grant::kAlways, Phase::kReviewOpen, Phase::kSettled},
    {Role::kCoordinator, Action::kSeeOthers, Grant::kAlways, kFirst, kLast},
    {Role::kCoordinator, Action::kManage, Grant::kAlways, kFirst, Phase::kSettled},
    {Role::kExpert, Action::kRead, Grant::kAssigned, kFirst, kLast},
    {Role::kExpert, Action::kWrite, Grant::kAssigned, kFirst, Phase::kCalibration},
    {Role::kExpert, Action::kComment, Grant::kAssigned, Phase::kReviewOpen, Phase::kSettled},
    {Role::kExpert, Action::kSeeOthers, Grant::kAssigned, Phase::kReviewOpen, kLast},
    {Role::kReviewer, Action::kRead, Grant::kAssigned, Phase::kReviewOpen, kLast},
    {Role::kReviewer, Action::kComment, Grant::kAssigned, Phase::kReviewOpen, Phase::kSettled},
    {Role::kReviewer, Action::kSeeOthers, Grant::kAssigned, Phase::kReviewOpen, kLast},
    {Role::kReader, Action::kRead, Grant::kAlways, Phase::kPublished, kLast},
};

}  // namespace

const char* ActionName(Action action) {
  switch (action) {
    case Action::kRead: return "read";
    case Action::kWrite: return "write";
    case Action::kComment: return "comment on";
    case Action::kSeeOthers: return "see other experts on";
    case Action::kManage: return "manage";
  }
  return "read";
}

std::span<const Permission> Permissions() { return kPermissions; }

bool ActsThrough(Role role, Relation relation) {
  return (role == Role::kExpert && relation == Relation::kDrafter) ||
         (role == Role::kReviewer && relation == Relation::kReviewer);
}

Status CheckPhaseWindow(Phase phase, Phase earliest, Phase latest, std::string_view what) {
  if (phase >= earliest && phase <= latest) return {};
  return MakeError(ErrorCode::kConflict,
                   earliest == latest
                       ? fmt::format("{} is possible only in phase {}; the round is in phase {}", what,
                                     PhaseName(earliest), PhaseName(phase))
                       : fmt::format("{} is possible from phase {} to phase {}; the round is in phase {}", what,
                                     PhaseName(earliest), PhaseName(latest), PhaseName(phase)));
}

Status Authorise(const Actor& actor, Action action, Relation relation, Phase phase, std::string_view item) {
  const std::string what = fmt::format("to {} {}", ActionName(action), item);
  for (const Permission& permission : kPermissions) {
    if (permission.role != actor.role || permission.action != action) continue;
    if (permission.grant == Grant::kAssigned && !ActsThrough(actor.role, relation)) {
      return MakeError(ErrorCode::kForbidden,
                       fmt::format("{} may not {} {}: not assigned to it", actor.user.id, ActionName(action), item));
    }
    return CheckPhaseWindow(phase, permission.earliest, permission.latest, what);
  }
  return MakeError(ErrorCode::kForbidden, fmt::format("a {} may not {} {}", RoleName(actor.role), ActionName(action), item));
}

}  // namespace ocindex::core::assessment

#include "core/assessment/people.h"

namespace ocindex::core::assessment {

const char* RoleName(Role role) {
  switch (role) {
    case Role::kAdmin: return "admin";
    case Role::kCoordinator: return "coordinator";
    case Role::kExpert: return "expert";
    case Role::kReviewer: return "reviewer";
    case Role::kReader: return "reader";
  }
  return "reader";
}

}  // namespace ocindex::core::assessment

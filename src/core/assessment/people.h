// Who acts in an assessment round. Users are opaque ids handed in by the caller
// (accounts and passwords live outside the core); the role is the user's standing in
// the index team. What a role allows on one cell also depends on the round's
// assignments (policy.h).
#pragma once

#include <compare>
#include <cstdint>
#include <initializer_list>
#include <string>

namespace ocindex::core::assessment {

enum class Role { kAdmin, kCoordinator, kExpert, kReviewer, kReader };
inline constexpr Role kRoles[] = {Role::kAdmin, Role::kCoordinator, Role::kExpert, Role::kReviewer, Role::kReader};

const char* RoleName(Role role);

struct UserRef {
  std::string id;
  friend auto operator<=>(const UserRef&, const UserRef&) = default;
};

struct Actor {
  UserRef user;
  Role role = Role::kReader;
};

// Seconds since the Unix epoch, read from the caller's clock: the core has none.
using Timestamp = std::int64_t;

// A few roles, for table rows that name who may do something.
class RoleSet {
 public:
  constexpr RoleSet(std::initializer_list<Role> roles) {
    for (Role role : roles) bits_ |= Bit(role);
  }
  constexpr bool Has(Role role) const { return (bits_ & Bit(role)) != 0; }

 private:
  static constexpr unsigned Bit(Role role) { return 1u << static_cast<unsigned>(role); }
  unsigned bits_ = 0;
};

}  // namespace ocindex::core::assessment

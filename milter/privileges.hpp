// privileges - drops root to milter.user (and milter.group, default: the user's
// primary group) once the socket is open: supplementary groups from initgroups(),
// then setgid(), then setuid(), then verifies that root cannot be regained.
// Not running as root: nothing to drop (a configured user is only noted).
// Throws StartupError naming the problem (unknown user or group, a failed call).
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>

namespace sg::milter {

struct Identity {
    uid_t uid;
    gid_t gid;
};

// The ids the daemon will run as, or nullopt when it keeps its current identity
// (no user configured, or not root). Throws StartupError for an unknown user/group.
std::optional<Identity> target_identity(const std::string& user, const std::string& group);

void drop_privileges(const std::string& user, const Identity& identity);

}  // namespace sg::milter

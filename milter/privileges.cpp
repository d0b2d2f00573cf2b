// privileges - setgroups/initgroups, setgid, setuid, verify.
#include "privileges.hpp"

#include <grp.h>
#include <pwd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include <fmt/format.h>

#include "log.hpp"
#include "startup_error.hpp"

namespace sg::milter {
namespace {

std::string errno_text() { return std::strerror(errno); }

std::vector<char> lookup_buffer() {
    long size = sysconf(_SC_GETPW_R_SIZE_MAX);
    if (size < 16384) size = 16384;
    return std::vector<char>(static_cast<std::size_t>(size));
}

}  // namespace

std::optional<Identity> target_identity(const std::string& user, const std::string& group) {
    if (user.empty()) {
        if (!group.empty()) log(LogLevel::warning, "milter.group is set without milter.user: ignored");
        return std::nullopt;
    }
    if (geteuid() != 0) {
        log(LogLevel::notice, fmt::format("not started as root: keeping uid {} (milter.user = {} ignored)",
                                          geteuid(), user));
        return std::nullopt;
    }

    std::vector<char> buffer = lookup_buffer();
    struct passwd entry {};
    struct passwd* found = nullptr;
    const int pw_error = getpwnam_r(user.c_str(), &entry, buffer.data(), buffer.size(), &found);
    if (found == nullptr)
        throw StartupError(pw_error == 0 ? fmt::format("milter.user: no such user '{}'", user)
                                         : fmt::format("milter.user: looking up '{}': {}", user,
                                                       std::strerror(pw_error)));
    Identity identity{entry.pw_uid, entry.pw_gid};

    if (!group.empty()) {
        std::vector<char> group_buffer = lookup_buffer();
        struct group group_entry {};
        struct group* group_found = nullptr;
        const int gr_error =
            getgrnam_r(group.c_str(), &group_entry, group_buffer.data(), group_buffer.size(), &group_found);
        if (group_found == nullptr)
            throw StartupError(gr_error == 0 ? fmt::format("milter.group: no such group '{}'", group)
                                             : fmt::format("milter.group: looking up '{}': {}", group,
                                                           std::strerror(gr_error)));
        identity.gid = group_entry.gr_gid;
    }
    if (identity.uid == 0) throw StartupError(fmt::format("milter.user: '{}' is root; nothing would be dropped", user));
    return identity;
}

void drop_privileges(const std::string& user, const Identity& identity) {
    if (initgroups(user.c_str(), identity.gid) != 0)
        throw StartupError(fmt::format("initgroups({}): {}", user, errno_text()));
    if (setgid(identity.gid) != 0) throw StartupError(fmt::format("setgid({}): {}", identity.gid, errno_text()));
    if (setuid(identity.uid) != 0) throw StartupError(fmt::format("setuid({}): {}", identity.uid, errno_text()));

    // Verify: the ids took, and root cannot be regained.
    if (getuid() != identity.uid || geteuid() != identity.uid || getgid() != identity.gid ||
        getegid() != identity.gid)
        throw StartupError("privilege drop did not take effect");
    if (setuid(0) == 0) throw StartupError("privilege drop is reversible: setuid(0) succeeded");
    log(LogLevel::info, fmt::format("running as user {} (uid {}, gid {})", user, identity.uid, identity.gid));
}

}  // namespace sg::milter

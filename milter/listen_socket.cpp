// listen_socket - find our listening socket, set TCP_NODELAY; unix socket ownership.
#include "listen_socket.hpp"

#include <dirent.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>

#include <fmt/format.h>

#include "core/text.hpp"
#include "log.hpp"
#include "startup_error.hpp"

namespace sg::milter {
namespace {

std::optional<std::uint16_t> parse_port(std::string_view text) {
    unsigned value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error == std::errc{} && end == text.data() + text.size()) {
        if (value == 0 || value > 65535) return std::nullopt;
        return static_cast<std::uint16_t>(value);
    }
    const std::string name(text);
    const struct servent* service = getservbyname(name.c_str(), "tcp");
    if (service == nullptr) return std::nullopt;
    return ntohs(static_cast<std::uint16_t>(service->s_port));
}

std::optional<std::uint16_t> listening_tcp_port(int fd) {
    struct stat status {};
    if (fstat(fd, &status) != 0 || !S_ISSOCK(status.st_mode)) return std::nullopt;
    int value = 0;
    socklen_t length = sizeof value;
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &value, &length) != 0 || value == 0) return std::nullopt;
    length = sizeof value;
    if (getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &value, &length) != 0 || value != IPPROTO_TCP) return std::nullopt;
    struct sockaddr_storage address {};
    socklen_t address_length = sizeof address;
    if (getsockname(fd, reinterpret_cast<struct sockaddr*>(&address), &address_length) != 0) return std::nullopt;
    if (address.ss_family == AF_INET) return ntohs(reinterpret_cast<struct sockaddr_in*>(&address)->sin_port);
    if (address.ss_family == AF_INET6) return ntohs(reinterpret_cast<struct sockaddr_in6*>(&address)->sin6_port);
    return std::nullopt;
}

}  // namespace

std::optional<SocketSpec> parse_socket_spec(std::string_view text) {
    SocketSpec spec;
    const auto colon = text.find(':');
    const std::string_view scheme = colon == std::string_view::npos ? std::string_view{} : text.substr(0, colon);
    const std::string_view rest = colon == std::string_view::npos ? text : text.substr(colon + 1);
    if (scheme.empty() || core::iequals(scheme, "unix") || core::iequals(scheme, "local")) {
        if (rest.empty()) return std::nullopt;
        spec.family = SocketSpec::Family::unix_domain;
        spec.path = std::string(rest);
        return spec;
    }
    if (core::iequals(scheme, "inet") || core::iequals(scheme, "inet6")) {
        spec.family = core::iequals(scheme, "inet") ? SocketSpec::Family::inet : SocketSpec::Family::inet6;
        const auto port = parse_port(rest.substr(0, rest.find('@')));
        if (!port) return std::nullopt;
        spec.port = *port;
        return spec;
    }
    return std::nullopt;
}

int enable_nodelay_on_listener(const SocketSpec& spec) {
    if (spec.family == SocketSpec::Family::unix_domain) return 0;
    DIR* directory = opendir("/proc/self/fd");
    if (directory == nullptr) {
        log(LogLevel::warning, fmt::format("cannot list /proc/self/fd ({}): TCP_NODELAY not set", std::strerror(errno)));
        return 0;
    }
    int count = 0;
    while (const struct dirent* entry = readdir(directory)) {
        int fd = -1;
        const std::string_view name = entry->d_name;
        if (std::from_chars(name.data(), name.data() + name.size(), fd).ec != std::errc{} || fd == dirfd(directory))
            continue;
        const auto port = listening_tcp_port(fd);
        if (!port || *port != spec.port) continue;
        const int on = 1;
        if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on) != 0) {
            log(LogLevel::warning, fmt::format("TCP_NODELAY on listening socket {}: {}", fd, std::strerror(errno)));
            continue;
        }
        ++count;
    }
    closedir(directory);
    if (count == 0) log(LogLevel::warning, fmt::format("no listening socket on port {} found: TCP_NODELAY not set",
                                                       spec.port));
    return count;
}

void hand_unix_socket_to(const SocketSpec& spec, const Identity& identity) {
    if (spec.family != SocketSpec::Family::unix_domain) return;
    if (chown(spec.path.c_str(), identity.uid, identity.gid) != 0)
        throw StartupError(fmt::format("chown {}: {}", spec.path, std::strerror(errno)));
    // The MTA connects through the group (add postfix to milter.group).
    if (chmod(spec.path.c_str(), 0660) != 0)
        throw StartupError(fmt::format("chmod {}: {}", spec.path, std::strerror(errno)));
}

void remove_unix_socket(const SocketSpec& spec) {
    if (spec.family != SocketSpec::Family::unix_domain) return;
    struct stat status {};
    if (lstat(spec.path.c_str(), &status) != 0 || !S_ISSOCK(status.st_mode)) return;
    if (unlink(spec.path.c_str()) != 0)
        log(LogLevel::warning, fmt::format("could not remove socket {}: {}", spec.path, std::strerror(errno)));
}

}  // namespace sg::milter

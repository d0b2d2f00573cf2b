// listen_socket - what senderguard does to the listening socket libmilter opens:
//
// TCP_NODELAY. libmilter sets no TCP options on accepted connections, and exposes
// neither the listening nor the accepted descriptors. Over inet: sockets, a header
// change followed by the final reply at end-of-message then waits for Nagle + delayed
// ACK (~40 ms per message, see MTA-LAB.md). On Linux an accepted TCP socket inherits
// TCP_NODELAY from its listening socket (the child socket is cloned from the listener),
// so after smfi_opensocket() we find the listener among our own descriptors
// (/proc/self/fd: a socket in listening state whose local port is the configured one)
// and set TCP_NODELAY on it once. No fork of libmilter, no per-connection work;
// tests/integration verifies the option on the daemon's accepted socket.
//
// Unix sockets: handed to the unprivileged user (owner, mode 0660) before privileges
// are dropped, and removed at exit (libmilter leaves it behind when run as root).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "privileges.hpp"

namespace sg::milter {

struct SocketSpec {
    enum class Family { unix_domain, inet, inet6 };
    Family family = Family::unix_domain;
    std::string path;        // unix_domain
    std::uint16_t port = 0;  // inet, inet6 (host byte order)
};

// libmilter's syntax: unix:/path, local:/path, /path, inet:port[@host], inet6:port[@host].
std::optional<SocketSpec> parse_socket_spec(std::string_view text);

// Sets TCP_NODELAY on our listening TCP socket for spec.port; returns how many
// listening sockets were found and set (0 when none was found).
int enable_nodelay_on_listener(const SocketSpec& spec);

void hand_unix_socket_to(const SocketSpec& spec, const Identity& identity);
void remove_unix_socket(const SocketSpec& spec);

}  // namespace sg::milter

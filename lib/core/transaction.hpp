// transaction - the immutable snapshot of one SMTP transaction that every check reads.
// Built by the milter at end-of-message (or by `senderguard check` from a file):
// connection, HELO, SMTP AUTH, envelope, queue id and the headers in the order
// received. The body is not kept: only its size (DKIM streams it separately).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sg::core {

struct Header {
    std::string name;   // as received, case preserved
    std::string value;  // as received: may be folded, leading space after ':' removed
};

struct Connection {
    std::string client_ip;    // textual IPv4/IPv6, empty when unknown
    std::string client_name;  // reverse name as the MTA saw it, may be "unknown"
    std::string helo;
    std::string daemon_name;  // Postfix {daemon_name}, e.g. ORIGINATING
    bool tls = false;
};

struct Auth {
    std::string login;      // {auth_authen}; empty when the session did not authenticate
    std::string mechanism;  // {auth_type}
    std::string author;     // {auth_author} (MAIL FROM AUTH=)
    bool authenticated() const { return !login.empty(); }
};

struct Envelope {
    std::string mail_from;                // without angle brackets; empty = null sender
    std::vector<std::string> recipients;  // without angle brackets
};

struct Transaction {
    Connection connection;
    Auth auth;
    Envelope envelope;
    std::string queue_id;
    std::vector<Header> headers;
    std::size_t body_size = 0;

    // Every header whose name matches case-insensitively, in received order.
    std::vector<const Header*> headers_named(std::string_view name) const;
    // The first such header, or nullptr.
    const Header* first_header(std::string_view name) const;
};

}  // namespace sg::core

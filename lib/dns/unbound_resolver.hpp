// unbound_resolver - the production Resolver: one shared libunbound context
// (thread-safe), with forwarders or the system resolver, DNSSEC validation when a
// trust anchor is given, local data for tests and `senderguard check`, and
// unbound's own message/RRset cache (answers are reused until their TTL runs out).
//
// Queries are asynchronous inside: query() starts ub_resolve_async and waits on
// its own per-query state until min(now + query_timeout, deadline); a dedicated
// event thread polls ub_fd() and runs ub_process(), which fires the callbacks. On
// timeout the query is cancelled with ub_cancel() and the answer is temporary
// "timeout after N ms" ("message DNS budget exhausted" when the deadline came
// first; an already expired deadline sends nothing). CNAMEs that local data
// leaves unfollowed are chased here (8 hops at most).
//
// With local data and no forwarders the resolver is hermetic: every name not in
// the data answers NXDOMAIN at once and nothing goes to the network. Local data
// failure directives: $TEMPFAIL becomes an unbound "refuse" local zone (REFUSED),
// while $SERVFAIL and $TIMEOUT are test facilities emulated here ($TIMEOUT waits
// out the query's limit as a dead server would). Construction throws
// std::runtime_error for bad settings, core::ConfigError for bad local data.
// Destroy the resolver only when no query() is running.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dns/local_data.hpp"
#include "dns/resolver.hpp"

namespace sg::dns {

struct ResolverSettings {
    // "127.0.0.1@5353", "::1", "192.0.2.53"; empty = the system resolver
    // (/etc/resolv.conf), unless local data is given (then hermetic).
    std::vector<std::string> forwarders;
    // Empty = no DNSSEC validation; else a DS/DNSKEY file (/usr/share/dns/root.key).
    std::string trust_anchor_file;
    std::string local_data_file;  // see local_data.hpp
    std::chrono::milliseconds query_timeout{2000};
    bool use_hosts = false;  // answer from /etc/hosts too
};

class UnboundResolver final : public Resolver {
public:
    explicit UnboundResolver(const ResolverSettings& settings);
    // Local data given directly (settings.local_data_file is ignored).
    UnboundResolver(const ResolverSettings& settings, LocalData local_data);
    // A hermetic resolver over local data text (unit tests of other rooms).
    static std::unique_ptr<UnboundResolver> from_local_data(
        std::string_view text, std::chrono::milliseconds query_timeout = std::chrono::milliseconds(2000));

    ~UnboundResolver() override;
    UnboundResolver(const UnboundResolver&) = delete;
    UnboundResolver& operator=(const UnboundResolver&) = delete;

    Answer query(std::string_view name, RecordType type, const Deadline& deadline) override;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sg::dns

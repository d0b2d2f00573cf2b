// key_query_service - serves libopendkim's DNS hooks (dkim_dns_set_query_service,
// _start, _waitreply, _cancel) from the project's dns::Resolver, so key lookups get
// the resolver's cache, local data and time budget instead of libopendkim's
// built-in, thread-unsafe res_* resolver.
//
// libopendkim looks keys up synchronously on the calling thread, inside dkim_eoh /
// dkim_eom (start, then waitreply at once, then cancel). The query service handle
// is per library, so the message's deadline and its record of what DNS said reach
// the hooks through a KeyQueryLog bound to the thread by a KeyQueryScope around
// those calls.
//
// Return codes, as dkim_get_key_dns() reads them: a waitreply of DKIM_DNS_EXPIRED
// or DKIM_DNS_ERROR -> DKIM_SIGERROR_KEYFAIL (temperror); an NXDOMAIN packet or one
// without answers -> DKIM_SIGERROR_NOKEY (permerror); several TXT records ->
// DKIM_SIGERROR_MULTIREPLY. The log keeps the resolver's own words so the outcome
// can say "DNS timeout" or "SERVFAIL", and can tell a permanent failure reported
// as a query error (record too large for the library's buffer) from a temporary one.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dkim/opendkim_api.hpp"
#include "dns/resolver.hpp"

namespace sg::dkim {

enum class KeyQueryStatus { answered, no_key, timed_out, failed, unusable };

struct KeyQueryRecord {
    std::string name;  // selector._domainkey.domain
    KeyQueryStatus status = KeyQueryStatus::failed;
    std::string reason;  // resolver's reason, or why the answer could not be used
};

// What DNS said during one message. Bound to one thread at a time.
class KeyQueryLog {
public:
    explicit KeyQueryLog(const dns::Deadline& deadline) : deadline_(deadline) {}
    const dns::Deadline& deadline() const { return deadline_; }
    void add(KeyQueryRecord record);
    // The last query made for `name` (case-insensitive), if any.
    const KeyQueryRecord* find(std::string_view name) const;
    std::size_t size() const { return records_.size(); }

private:
    dns::Deadline deadline_;
    std::vector<KeyQueryRecord> records_;
};

// Binds `log` to the calling thread for the lifetime of the scope.
class KeyQueryScope {
public:
    explicit KeyQueryScope(KeyQueryLog& log);
    ~KeyQueryScope();
    KeyQueryScope(const KeyQueryScope&) = delete;
    KeyQueryScope& operator=(const KeyQueryScope&) = delete;

private:
    KeyQueryLog* previous_;
};

class KeyQueryService {
public:
    KeyQueryService(dns::Resolver& resolver, std::chrono::milliseconds query_timeout)
        : resolver_(resolver), query_timeout_(query_timeout) {}
    KeyQueryService(const KeyQueryService&) = delete;
    KeyQueryService& operator=(const KeyQueryService&) = delete;

    // Points `lib`'s DNS hooks at this service (which must outlive `lib`) and
    // removes libopendkim's resolver init/close so it never touches res_*.
    void install(DKIM_LIB* lib);

    dns::Resolver& resolver() const { return resolver_; }
    std::chrono::milliseconds query_timeout() const { return query_timeout_; }

private:
    dns::Resolver& resolver_;
    std::chrono::milliseconds query_timeout_;
};

}  // namespace sg::dkim

// spf_request_state - what one SPF evaluation knows beyond libspf2: its resolver
// and deadline, DNS accounting (queries, void lookups, DNS mechanisms) and why
// the evaluation had to stop (DNS error, limit, guard rejection).
//
// libspf2's DNS hooks receive only the shared SPF_dns_server_t, so the state
// reaches them through a thread_local pointer that RequestScope sets around
// SPF_request_query_mailfrom. This is safe because libspf2 evaluates a request
// synchronously on the calling thread: every hook call for that request happens
// inside the scope, on the same thread, and no other request can run on this
// thread meanwhile. Each thread sees only its own pointer.
#pragma once

#include "dns/resolver.hpp"

#include <cstddef>
#include <set>
#include <string>

extern "C" {
struct SPF_request_struct;
struct SPF_response_struct;
}

namespace sg::spf {

struct SpfLimits {
    int max_dns_mechanisms = 10;  // RFC 7208 4.6.4
    int max_void_lookups = 2;     // RFC 7208 4.6.4
    int max_mx_hosts = 10;        // RFC 7208 4.6.4: more than 10 MX -> permerror
    int query_budget = 128;       // all DNS queries of one check
};

enum class StopCause {
    none,
    dns_error,        // temporary DNS failure or deadline -> temperror
    void_limit,       // -> permerror
    mechanism_limit,  // -> permerror
    mx_limit,         // -> permerror
    query_budget,     // -> permerror
    guard_rejected,   // -> permerror
};

struct RequestState {
    RequestState(dns::Resolver& resolver_in, const dns::Deadline& deadline_in, const SpfLimits& limits_in)
        : resolver(resolver_in), deadline(deadline_in), limits(limits_in) {}

    dns::Resolver& resolver;
    const dns::Deadline& deadline;
    const SpfLimits& limits;

    int queries = 0;
    int void_lookups = 0;
    int dns_mechanisms = 0;
    int record_fetches = 0;             // get_spf calls; the first is the top record
    std::multiset<std::string> pending_hosts;  // MX/PTR targets whose address lookups are not mechanisms

    StopCause stop = StopCause::none;
    std::string stop_reason;   // evidence: "DNS timeout for x", "void lookup limit exceeded", ...
    std::string top_record;    // the first SPF record evaluated

    SPF_request_struct* request = nullptr;   // for explanation expansion
    SPF_response_struct* response = nullptr;

    // Records the first cause only: later failures are consequences.
    void stop_with(StopCause cause, std::string reason);
    bool stopped() const { return stop != StopCause::none; }
};

// The state of the evaluation running on this thread, or nullptr.
RequestState* current_request_state();

class RequestScope {
public:
    explicit RequestScope(RequestState& state);
    ~RequestScope();
    RequestScope(const RequestScope&) = delete;
    RequestScope& operator=(const RequestScope&) = delete;

private:
    RequestState* previous_;
};

}  // namespace sg::spf

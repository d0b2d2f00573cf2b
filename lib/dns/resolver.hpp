// resolver - the one DNS interface every check uses (SPF, DKIM keys, DMARC records).
// Answers are structured; a lookup never waits past its deadline. Failures are
// explicit: a timeout, SERVFAIL or REFUSED is a temporary error with a reason, never
// an empty answer. Implementations: UnboundResolver (libunbound: forwarders, system
// resolver, cache, DNSSEC, local data) and the in-process ones tests build.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sg::dns {

enum class RecordType : std::uint16_t {
    a = 1, ns = 2, cname = 5, soa = 6, ptr = 12, mx = 15, txt = 16, aaaa = 28, spf = 99
};

std::string_view to_string(RecordType type);

enum class Status {
    ok,         // records present
    no_data,    // the name exists, no record of this type (NOERROR/NODATA)
    nx_domain,  // the name does not exist
    temporary,  // timeout, SERVFAIL, REFUSED, network error, budget exhausted
    permanent,  // malformed name or answer; retrying will not help
};

std::string_view to_string(Status status);

struct MxRecord {
    std::uint16_t preference = 0;
    std::string exchange;
};

struct Answer {
    Status status = Status::temporary;
    // Presentation form per record: A/AAAA textual address, PTR/CNAME/NS target
    // (no trailing dot), TXT/SPF the character-strings joined with no separator.
    std::vector<std::string> records;
    std::vector<MxRecord> mx;  // for MX queries
    std::uint32_t ttl = 0;
    bool secure = false;       // DNSSEC validated
    bool bogus = false;        // DNSSEC validation failed (treated as temporary)
    std::string reason;        // for temporary/permanent: "timeout after 2000 ms", "SERVFAIL", ...
};

using Clock = std::chrono::steady_clock;

// A per-message time budget; each query also has its own limit.
class Deadline {
public:
    static Deadline after(std::chrono::milliseconds budget) { return Deadline(Clock::now() + budget); }
    static Deadline never() { return Deadline(Clock::time_point::max()); }
    explicit Deadline(Clock::time_point at) : at_(at) {}
    Clock::time_point at() const { return at_; }
    bool expired() const { return Clock::now() >= at_; }
    std::chrono::milliseconds remaining() const;

private:
    Clock::time_point at_;
};

class Resolver {
public:
    virtual ~Resolver() = default;
    // Thread-safe. Returns at the earlier of the query's own timeout and `deadline`.
    virtual Answer query(std::string_view name, RecordType type, const Deadline& deadline) = 0;
};

}  // namespace sg::dns

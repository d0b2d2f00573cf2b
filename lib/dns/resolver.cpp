// resolver - names for record types and statuses, and the remaining time of a
// Deadline (never negative; Deadline::never() reports milliseconds::max()).
#include "dns/resolver.hpp"

namespace sg::dns {

std::string_view to_string(RecordType type) {
    switch (type) {
    case RecordType::a: return "A";
    case RecordType::ns: return "NS";
    case RecordType::cname: return "CNAME";
    case RecordType::soa: return "SOA";
    case RecordType::ptr: return "PTR";
    case RecordType::mx: return "MX";
    case RecordType::txt: return "TXT";
    case RecordType::aaaa: return "AAAA";
    case RecordType::spf: return "SPF";
    }
    return "TYPE?";
}

std::string_view to_string(Status status) {
    switch (status) {
    case Status::ok: return "ok";
    case Status::no_data: return "no_data";
    case Status::nx_domain: return "nx_domain";
    case Status::temporary: return "temporary";
    case Status::permanent: return "permanent";
    }
    return "unknown";
}

std::chrono::milliseconds Deadline::remaining() const {
    if (at_ == Clock::time_point::max()) return std::chrono::milliseconds::max();
    const auto now = Clock::now();
    if (now >= at_) return std::chrono::milliseconds(0);
    return std::chrono::ceil<std::chrono::milliseconds>(at_ - now);
}

}  // namespace sg::dns

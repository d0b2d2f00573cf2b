// unbound_result - ub_result to Answer (see unbound_result.hpp).
#include "dns/unbound_result.hpp"

#include <unbound.h>

#include "dns/dns_name.hpp"
#include "dns/rdata.hpp"

namespace sg::dns {
namespace {

std::string rcode_name(int rcode) {
    switch (rcode) {
    case 1: return "FORMERR";
    case 2: return "SERVFAIL";
    case 4: return "NOTIMP";
    case 5: return "REFUSED";
    case 6: return "YXDOMAIN";
    case 7: return "YXRRSET";
    case 8: return "NXRRSET";
    case 9: return "NOTAUTH";
    default: return "rcode " + std::to_string(rcode);
    }
}

Answer failed(Status status, std::string reason) {
    Answer answer;
    answer.status = status;
    answer.reason = std::move(reason);
    return answer;
}

}  // namespace

std::string unbound_error_text(int error) {
    const char* text = ub_strerror(error);
    return text ? std::string(text) : "libunbound error " + std::to_string(error);
}

UnboundOutcome outcome_from_unbound(int error, const ub_result* result) {
    UnboundOutcome outcome;
    if (error != 0 || !result) {
        const auto status = error == UB_SYNTAX ? Status::permanent : Status::temporary;
        outcome.answer = failed(status, error ? unbound_error_text(error) : "no result from libunbound");
        return outcome;
    }
    Answer& answer = outcome.answer;
    answer.secure = result->secure != 0;
    if (result->bogus) {
        answer = failed(Status::temporary,
                        std::string("DNSSEC bogus: ") + (result->why_bogus ? result->why_bogus : "validation failed"));
        answer.bogus = true;
        return outcome;
    }
    if (result->rcode == 3) {
        answer.status = Status::nx_domain;
        return outcome;
    }
    if (result->rcode != 0) {
        answer = failed(Status::temporary, rcode_name(result->rcode));
        return outcome;
    }
    if (!result->havedata || !result->data || !result->data[0]) {
        answer.status = Status::no_data;
        if (result->canonname && result->qname &&
            canonical_name(result->canonname) != canonical_name(result->qname))
            outcome.cname_target = result->canonname;
        return outcome;
    }
    for (int i = 0; result->data[i]; ++i) {
        const std::string_view rdata(result->data[i], static_cast<std::size_t>(result->len[i]));
        if (!decode_rdata(static_cast<std::uint16_t>(result->qtype), rdata, answer)) {
            const bool secure = answer.secure;
            answer = failed(Status::permanent, "malformed " + std::string(to_string(static_cast<RecordType>(
                                                                  result->qtype))) + " record in answer");
            answer.secure = secure;
            return outcome;
        }
    }
    answer.status = Status::ok;
    answer.ttl = result->ttl > 0 ? static_cast<std::uint32_t>(result->ttl) : 0;
    return outcome;
}

}  // namespace sg::dns

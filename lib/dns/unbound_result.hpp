// unbound_result - turns what a libunbound callback receives (error code and
// ub_result) into an Answer: NXDOMAIN -> nx_domain, NOERROR without data ->
// no_data, SERVFAIL/REFUSED/other rcodes -> temporary with the rcode's name,
// DNSSEC bogus -> temporary "DNSSEC bogus: why", a libunbound error -> temporary
// (permanent for a name it cannot parse) with ub_strerror, undecodable rdata ->
// permanent. Also reports the CNAME target when the answer stopped at a CNAME.
#pragma once

#include <string>

#include "dns/resolver.hpp"

struct ub_result;

namespace sg::dns {

struct UnboundOutcome {
    Answer answer;
    // Set when the answer is NOERROR without data and unbound reports a canonical
    // name other than the query name: the CNAME was not followed (local data).
    std::string cname_target;
};

UnboundOutcome outcome_from_unbound(int error, const ub_result* result);

// ub_strerror text, or "libunbound error N" for codes it does not know.
std::string unbound_error_text(int error);

}  // namespace sg::dns

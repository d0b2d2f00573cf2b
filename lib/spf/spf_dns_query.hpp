// spf_dns_query - one DNS question on behalf of an SPF evaluation: checks the
// name (no label over 63 octets, no name over 253 reaches DNS), the deadline
// and the query budget, asks the resolver, and records why a temporary
// failure stops the evaluation.
#pragma once

#include "dns/resolver.hpp"
#include "spf/spf_request_state.hpp"

#include <string>
#include <string_view>

namespace sg::spf {

// Lower-cased, without the trailing dot.
std::string normalized_name(std::string_view name);

// Never throws; a temporary answer has set state.stop.
dns::Answer query(RequestState& state, const std::string& name, dns::RecordType type);

}  // namespace sg::spf

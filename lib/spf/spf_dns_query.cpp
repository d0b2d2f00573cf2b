// spf_dns_query - deadline, budget and name checks around dns::Resolver::query.
#include "spf/spf_dns_query.hpp"

#include <cctype>
#include <exception>

namespace sg::spf {

namespace {

bool is_sendable(std::string_view name) {
    if (name.empty() || name.size() > 253) return false;
    std::size_t label = 0;
    for (char c : name) {
        if (c == '.') {
            if (label == 0) return false;
            label = 0;
        } else if (++label > 63) {
            return false;
        }
    }
    return label > 0;
}

dns::Answer temporary(std::string reason) {
    dns::Answer answer;
    answer.status = dns::Status::temporary;
    answer.reason = std::move(reason);
    return answer;
}

}  // namespace

std::string normalized_name(std::string_view name) {
    std::string out(name);
    if (!out.empty() && out.back() == '.') out.pop_back();
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

dns::Answer query(RequestState& state, const std::string& name, dns::RecordType type) {
    if (!is_sendable(name)) {
        dns::Answer answer;
        answer.status = dns::Status::nx_domain;
        answer.reason = "name not valid in DNS";
        return answer;
    }
    if (state.deadline.expired()) {
        state.stop_with(StopCause::dns_error, "DNS deadline exceeded before query for " + name);
        return temporary(state.stop_reason);
    }
    if (++state.queries > state.limits.query_budget) {
        state.stop_with(StopCause::query_budget,
                        "DNS query budget of " + std::to_string(state.limits.query_budget) + " exceeded");
        return temporary(state.stop_reason);
    }
    dns::Answer answer;
    try {
        answer = state.resolver.query(name, type, state.deadline);
    } catch (const std::exception& error) {
        answer = temporary(error.what());
    }
    if (answer.status == dns::Status::temporary) {
        const std::string why = answer.reason.empty() ? "temporary failure" : answer.reason;
        const bool timed_out = why.find("timeout") != std::string::npos || state.deadline.expired();
        state.stop_with(StopCause::dns_error, std::string(timed_out ? "DNS timeout for " : "DNS error for ") +
                                                  name + " " + std::string(dns::to_string(type)) + ": " + why);
    }
    return answer;
}

}  // namespace sg::spf

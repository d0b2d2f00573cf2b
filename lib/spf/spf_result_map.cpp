// spf_result_map - SPF_RESULT_* to core::AuthResult, with evidence text.
#include "spf/spf_result_map.hpp"

namespace sg::spf {

core::AuthResult map_result(SPF_result_t result, const RequestState& state) {
    using core::AuthResult;
    switch (state.stop) {
        case StopCause::none: break;
        case StopCause::dns_error: return AuthResult::temperror;
        case StopCause::void_limit:
        case StopCause::mechanism_limit:
        case StopCause::mx_limit:
        case StopCause::query_budget:
        case StopCause::guard_rejected: return AuthResult::permerror;
    }
    switch (result) {
        case SPF_RESULT_PASS: return AuthResult::pass;
        case SPF_RESULT_FAIL: return AuthResult::fail;
        case SPF_RESULT_SOFTFAIL: return AuthResult::softfail;
        case SPF_RESULT_NEUTRAL: return AuthResult::neutral;
        case SPF_RESULT_NONE: return AuthResult::none;
        case SPF_RESULT_TEMPERROR: return AuthResult::temperror;
        case SPF_RESULT_PERMERROR: return AuthResult::permerror;
        case SPF_RESULT_INVALID: break;
    }
    return AuthResult::permerror;  // INVALID without a DNS error: a record that did not compile
}

std::string describe(SPF_response_t* response, const RequestState& state, core::AuthResult result) {
    if (state.stopped()) return state.stop_reason;
    if (response == nullptr) return "no SPF response";
    switch (result) {
        case core::AuthResult::pass:
        case core::AuthResult::fail:
        case core::AuthResult::softfail:
        case core::AuthResult::neutral: {
            const SPF_reason_t reason = SPF_response_reason(response);
            if (reason == SPF_REASON_MECH) {
                const char* comment = SPF_response_get_header_comment(response);
                return comment != nullptr ? std::string("mechanism matched: ") + comment : "mechanism matched";
            }
            if (reason == SPF_REASON_DEFAULT) return "no mechanism matched (default result)";
            if (reason == SPF_REASON_LOCALHOST) return "localhost client (libspf2 free pass)";
            return SPF_strreason(reason);
        }
        default:
            break;
    }
    for (int i = SPF_response_messages(response) - 1; i >= 0; --i) {
        SPF_error_t* message = SPF_response_message(response, i);
        if (message != nullptr && SPF_error_errorp(message)) {
            const char* text = SPF_error_message(message);
            return text != nullptr ? text : SPF_strerror(SPF_error_code(message));
        }
    }
    if (result == core::AuthResult::none) return "no SPF record";
    return SPF_strerror(SPF_response_errcode(response));
}

}  // namespace sg::spf

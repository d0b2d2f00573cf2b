// spf_result_map - turns libspf2's answer plus senderguard's own stop cause into
// an RFC 8601 result word and an evidence reason. SPF_RESULT_INVALID is
// temperror after a DNS error, permerror otherwise.
#pragma once

#include "core/authentication.hpp"
#include "spf/libspf2.hpp"
#include "spf/spf_request_state.hpp"

#include <string>

namespace sg::spf {

core::AuthResult map_result(SPF_result_t result, const RequestState& state);

// "mechanism matched: ...", "no mechanism matched", the stop reason, or the
// last libspf2 error message.
std::string describe(SPF_response_t* response, const RequestState& state, core::AuthResult result);

}  // namespace sg::spf

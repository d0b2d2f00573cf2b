// verify_message - DKIM result for a whole raw RFC 5322 message (CRLF or LF line
// endings), as the offline `senderguard check` command and the conformance tests
// have it: split into header fields and body, then streamed through a
// MessageVerification exactly as the milter streams a live message.
#pragma once

#include <string_view>

#include "core/authentication.hpp"
#include "dkim/verifier_library.hpp"
#include "dns/resolver.hpp"

namespace sg::dkim {

core::DkimOutcome verify_message(const VerifierLibrary& library, std::string_view raw_message,
                                 const dns::Deadline& deadline);

}  // namespace sg::dkim

// signature_outcome - one libopendkim signature (DKIM_SIGINFO after dkim_eom) as an
// RFC 8601 result with a reason a person can act on:
//   pass       verified, body hash matches (dkim_sig_getbh() == DKIM_SIGBH_MATCH:
//              the PASSED flag alone is not enough), key large enough
//   fail       "signature did not verify", "body hash mismatch", "key revoked",
//              "body shorter than l="
//   policy     verified rsa-sha1 while reject_sha1 is on (RFC 8301)
//   temperror  key lookup timed out or failed ("DNS timeout", "SERVFAIL", ...)
//   permerror  "no key", "key too small", "syntax error in signature: ...",
//              "syntax error in key record: ...", "expired", "multiple key records", ...
// The signature's own tags (d=, s=, i=, a=, b=) come from libopendkim when it parsed
// them, else from the bounded pre-read in signature_tags.
#pragma once

#include <string>

#include "core/authentication.hpp"
#include "dkim/key_query_service.hpp"
#include "dkim/opendkim_api.hpp"
#include "dkim/signature_tags.hpp"
#include "dkim/verifier_library.hpp"

namespace sg::dkim {

core::DkimSignatureOutcome describe_signature(DKIM_SIGINFO* sig, const SignatureTags& tags,
                                              const KeyQueryLog& log, const VerifierSettings& settings);

// An outcome for a field libopendkim never evaluated (limits, NUL bytes, ...).
core::DkimSignatureOutcome unevaluated_signature(const SignatureTags& tags, core::AuthResult result,
                                                 std::string reason);

// RFC 6008 header.b: the shortest prefix of b= (at least 8 characters) that tells
// each signature of the message apart.
void assign_header_b(std::vector<core::DkimSignatureOutcome>& signatures,
                     const std::vector<std::string>& full_b);

}  // namespace sg::dkim

// message_verification - DKIM verification of one message, streamed as the milter
// receives it: add_header for each field in order, end_of_headers, add_body for
// each chunk, finish. Never throws; hostile input ends as permerror (or an empty
// result, dkim=none) with a reason. Not thread-safe: one message, one thread at a
// time (the milter's per-connection callbacks satisfy that).
//
// Byte forms (they decide whether simple canonicalization verifies):
//   add_header(name, raw_value): `name` without the colon; `raw_value` exactly what
//     followed the colon, INCLUDING its leading whitespace (the milter negotiates
//     SMFIP_HDR_LEADSPC, as OpenDKIM does; without it, pass " " + value), and with
//     the folding line breaks as the MTA delivers them. Postfix and Sendmail hand
//     milters folded values with bare "\n" before the continuation whitespace;
//     bare LF is turned into CRLF here. No final line break (one is dropped if
//     present).
//   add_body(chunk): body bytes as libmilter delivers them (SMTP form, CRLF line
//     endings, dot-unstuffed); bare LF is turned into CRLF here too, so LF-only
//     .eml input gives the same result. Chunks may split lines anywhere.
// Header fields are buffered until end_of_headers, when libopendkim sees them (the
// signature cap and the limits need the whole header); key lookups happen there and
// at finish, on the calling thread, bounded by the deadline given to begin().
#pragma once

#include <memory>
#include <string_view>

#include "core/authentication.hpp"
#include "dns/resolver.hpp"

namespace sg::dkim {

class VerifierLibrary;

class MessageVerification {
public:
    ~MessageVerification();
    MessageVerification(const MessageVerification&) = delete;
    MessageVerification& operator=(const MessageVerification&) = delete;

    void add_header(std::string_view name, std::string_view raw_value);
    void end_of_headers();  // implied by the first add_body or by finish
    void add_body(std::string_view chunk);
    // The result: one entry per DKIM-Signature field evaluated, in header order;
    // none for an unsigned message. Later calls return the same outcome.
    core::DkimOutcome finish();

private:
    friend class VerifierLibrary;
    MessageVerification(const VerifierLibrary& library, const dns::Deadline& deadline);

    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace sg::dkim

// negotiation - the requested SMFIF_* actions and SMFIP_* protocol bits.
#include "negotiation.hpp"

#include <libmilter/mfapi.h>

namespace sg::milter {
namespace {

constexpr unsigned long wanted_actions = SMFIF_ADDHDRS | SMFIF_CHGHDRS | SMFIF_QUARANTINE;

// DATA is the one stage before end-of-message that gets an answer. Postfix writes
// the DATA macros when the client sends DATA and the headers only at end of data,
// each write flushed on its own: with no answer in between, Nagle on the MTA's
// side holds the second write until our kernel's delayed ACK, ~40 ms per message
// on inet: sockets. One answer at DATA carries that ACK at once (measured in
// docs/benchmarks.md).
constexpr unsigned long wanted_no_reply = SMFIP_NR_CONN | SMFIP_NR_HELO | SMFIP_NR_MAIL | SMFIP_NR_RCPT |
                                          SMFIP_NR_UNKN | SMFIP_NR_HDR | SMFIP_NR_EOH | SMFIP_NR_BODY;

// Header values exactly as they followed the colon, as OpenDKIM asks for them: DKIM
// simple header canonicalization needs the leading whitespace the MTA would eat.
constexpr unsigned long wanted_protocol = wanted_no_reply | SMFIP_NOUNKNOWN | SMFIP_HDR_LEADSPC;

}  // namespace

NegotiatedFlags negotiate_flags(unsigned long offered_actions, unsigned long offered_protocol) {
    NegotiatedFlags flags;
    flags.actions = wanted_actions & offered_actions;
    flags.missing_actions = wanted_actions & ~offered_actions;
    flags.protocol = wanted_protocol & offered_protocol;
    return flags;
}

unsigned long requested_no_reply_bits() { return wanted_no_reply; }

unsigned long protocol_without_negotiation() { return wanted_no_reply | SMFIP_HDR_LEADSPC; }

}  // namespace sg::milter

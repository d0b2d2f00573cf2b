// negotiation - the requested SMFIF_* actions and SMFIP_* protocol bits.
#include "negotiation.hpp"

#include <libmilter/mfapi.h>

namespace sg::milter {
namespace {

constexpr unsigned long wanted_actions = SMFIF_ADDHDRS | SMFIF_CHGHDRS | SMFIF_QUARANTINE;

constexpr unsigned long wanted_protocol = SMFIP_NR_CONN | SMFIP_NR_HELO | SMFIP_NR_MAIL | SMFIP_NR_RCPT |
                                          SMFIP_NR_DATA | SMFIP_NR_UNKN | SMFIP_NR_HDR | SMFIP_NR_EOH |
                                          SMFIP_NR_BODY | SMFIP_NODATA | SMFIP_NOUNKNOWN;

}  // namespace

NegotiatedFlags negotiate_flags(unsigned long offered_actions, unsigned long offered_protocol) {
    NegotiatedFlags flags;
    flags.actions = wanted_actions & offered_actions;
    flags.missing_actions = wanted_actions & ~offered_actions;
    flags.protocol = wanted_protocol & offered_protocol;
    return flags;
}

unsigned long requested_no_reply_bits() { return wanted_protocol & ~(SMFIP_NODATA | SMFIP_NOUNKNOWN); }

}  // namespace sg::milter

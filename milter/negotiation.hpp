// negotiation - what senderguard asks of the MTA in xxfi_negotiate, as a pure
// function of what the MTA offers:
//   actions:  add headers (summary header; Authentication-Results inserted at the
//             top, smfi_insheader), change headers (delete forged copies),
//             quarantine; nothing else (no body or envelope changes).
//   protocol: "no reply" for every stage before end-of-message (connect, HELO, MAIL,
//             RCPT, DATA, unknown, each header, EOH, each body chunk), so the MTA waits
//             for one answer per message instead of one per command; DATA and unknown
//             commands are not sent at all. SMFIP_HDR_LEADSPC: header values arrive
//             exactly as they followed the colon (DKIM needs those bytes), and the MTA
//             no longer adds a space after the colon of headers we add or change.
// Only bits present in the offer are requested (libmilter also offers the no-reply bits
// the MTA lacks, and fakes the replies itself).
#pragma once

namespace sg::milter {

struct NegotiatedFlags {
    unsigned long actions = 0;   // SMFIF_*
    unsigned long protocol = 0;  // SMFIP_*
    // The actions senderguard wants but the MTA did not offer (0 when all are there).
    unsigned long missing_actions = 0;
};

NegotiatedFlags negotiate_flags(unsigned long offered_actions, unsigned long offered_protocol);

// The no-reply bits senderguard requests. libmilter (8.14+) offers every one of them in
// xxfi_negotiate and answers CONTINUE itself to an MTA that lacks one, so they are always
// granted. A connection that restarts after SMFIC_QUIT_NC (xxfi_close, then xxfi_connect
// on the same context, no new negotiation) relies on this.
unsigned long requested_no_reply_bits();

// The protocol a session assumes when its connection restarted after SMFIC_QUIT_NC
// without a new negotiation: the no-reply bits above and SMFIP_HDR_LEADSPC, which
// every MTA speaking milter protocol 6 (the version that introduced QUIT_NC) offers.
unsigned long protocol_without_negotiation();

}  // namespace sg::milter

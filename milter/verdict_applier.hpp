// verdict_applier - turns the decided action into what libmilter tells the MTA at
// end-of-message. The only file that calls smfi_addheader, smfi_insheader,
// smfi_chgheader, smfi_setreply and smfi_quarantine.
//   accept     -> header edits; SMFIS_ACCEPT when there are none, else SMFIS_CONTINUE
//   tag        -> header edits + summary header appended, SMFIS_CONTINUE
//   quarantine -> header edits + summary header + smfi_quarantine (MTA hold queue)
//   reject     -> 550 5.7.1 <report.reject_reply>, SMFIS_REJECT, no header edit
//   tempfail   -> 451 4.7.1 <report.tempfail_reply>, SMFIS_TEMPFAIL, no header edit
// The header edits of a delivered message (header_edits.hpp), in this order: incoming
// summary headers deleted, forged Authentication-Results deleted (highest index
// first), our Authentication-Results inserted at index 0 (the top: Postfix maps it
// to position 1, above its own Received header), then the summary appended. Reply
// texts carry no scores or rule names ('%' is escaped, control characters dropped).
// In monitor mode Verdict::applied_action() is `tag`.
#pragma once

#include <libmilter/mfapi.h>

#include <string>
#include <string_view>

#include "config/config.hpp"
#include "core/verdict.hpp"
#include "header_edits.hpp"

namespace sg::milter {

sfsistat apply_verdict(SMFICTX* ctx, const core::Verdict& verdict, const config::Config& config,
                       const HeaderEdits& edits);

// The configured milter.error_action, for a message senderguard failed to evaluate.
sfsistat apply_error_action(SMFICTX* ctx, const config::Config& config, const HeaderEdits& edits);

// Text safe for smfi_setreply: printable ASCII only, '%' doubled, bounded length.
std::string smtp_reply_text(std::string_view text);

}  // namespace sg::milter

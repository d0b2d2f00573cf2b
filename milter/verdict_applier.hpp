// verdict_applier - turns the decided action into what libmilter tells the MTA at
// end-of-message. The only file that calls smfi_addheader, smfi_chgheader,
// smfi_setreply and smfi_quarantine.
//   accept     -> SMFIS_ACCEPT (SMFIS_CONTINUE if forged summaries were removed)
//   tag        -> summary header added, SMFIS_CONTINUE (accept with modifications)
//   quarantine -> summary header added + smfi_quarantine (MTA hold queue), SMFIS_CONTINUE
//   reject     -> 550 5.7.1 <report.reject_reply>, SMFIS_REJECT
//   tempfail   -> 451 4.7.1 <report.tempfail_reply>, SMFIS_TEMPFAIL
// Every summary header that arrived with the message is deleted first: a forged one
// must never survive. Reply texts carry no scores or rule names ('%' is escaped,
// control characters dropped). In monitor mode Verdict::applied_action() is `tag`.
#pragma once

#include <libmilter/mfapi.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "config/config.hpp"
#include "core/verdict.hpp"

namespace sg::milter {

sfsistat apply_verdict(SMFICTX* ctx, const core::Verdict& verdict, const config::Config& config,
                       std::size_t incoming_summary_headers);

// The configured milter.error_action, for a message senderguard failed to evaluate.
sfsistat apply_error_action(SMFICTX* ctx, const config::Config& config, std::size_t incoming_summary_headers);

// Text safe for smfi_setreply: printable ASCII only, '%' doubled, bounded length.
std::string smtp_reply_text(std::string_view text);

}  // namespace sg::milter

// header_edits - what senderguard changes in the header of a message it lets
// through, decided from the transaction and the evaluation before any smfi_* call
// (verdict_applier.cpp carries it out, in this order):
//   1. every incoming report.header_name (X-SenderGuard) header is deleted;
//   2. every incoming Authentication-Results header claiming
//      authentication.authserv_id is deleted (RFC 8601 section 5), unless the client
//      is in identity.trusted_networks: a trusted hop's results are ours, as
//      auth.forged_results also judges;
//   3. with authentication.add_header on and authentication evaluated, our
//      Authentication-Results value is inserted above every other header;
//   4. the summary header is appended for tag and quarantine (verdict_applier).
// Deletions go from the highest index down, so each index stays valid whichever way
// the MTA renumbers. Rejected and tempfailed messages get no edit at all.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "core/authentication.hpp"
#include "core/transaction.hpp"

namespace sg::milter {

struct HeaderEdits {
    std::size_t incoming_summaries = 0;       // report.header_name headers to delete
    std::vector<std::size_t> forged_results;  // 1-based among Authentication-Results, ascending
    std::string authentication_results;       // value to insert at the top; empty: none
    bool leading_space = false;               // SMFIP_HDR_LEADSPC: values we send start with ' '
};

// `authentication`: the evaluation's results, or nullptr when the message was not
// evaluated (error action): then nothing is inserted, forged headers still go.
HeaderEdits plan_header_edits(const core::Transaction& transaction, const config::Config& config,
                              std::size_t incoming_summaries, const core::Authentication* authentication,
                              bool leading_space);

}  // namespace sg::milter

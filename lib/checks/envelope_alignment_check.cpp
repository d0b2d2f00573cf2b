// envelope_alignment_check - header From vs MAIL FROM organizational domains.
#include "checks/envelope_alignment_check.hpp"

#include <algorithm>
#include <vector>

#include "mail/message_identities.hpp"
#include "mail/organizational_domain.hpp"

namespace sg::checks {

core::CheckResult EnvelopeAlignmentCheck::run(const core::CheckContext& context) const {
    core::CheckResult result;
    const auto& envelope = context.identities.envelope_from;
    if (!envelope || envelope->domain.empty()) {
        result.status = core::CheckStatus::skipped;
        result.note = context.transaction.envelope.mail_from.empty() ? "null sender" : "MAIL FROM has no usable domain";
        return result;
    }
    const std::string envelope_org = mail::organizational_domain(envelope->domain);
    const core::DmarcOutcome& dmarc = context.authentication.dmarc;
    bool from_proven = context.authentication.evaluated && dmarc.result == core::AuthResult::pass && dmarc.dkim_aligned;
    std::vector<std::string> reported;
    for (const mail::Mailbox& from : context.identities.from.addresses.mailboxes) {
        if (from.domain.empty()) continue;
        if (std::find(reported.begin(), reported.end(), from.domain) != reported.end()) continue;
        const std::string from_org = mail::organizational_domain(from.domain);
        if (from_org == envelope_org) continue;
        reported.push_back(from.domain);
        core::Evidence evidence{{"from_domain", from.domain},
                                {"from_org_domain", from_org},
                                {"envelope_domain", envelope->domain},
                                {"envelope_org_domain", envelope_org}};
        if (from_proven) evidence.push_back({"dmarc", "pass (aligned DKIM)"});
        result.findings.push_back(
            {"header.from_envelope_misaligned", from_proven ? "authenticated" : "", std::move(evidence)});
    }
    return result;
}

}  // namespace sg::checks

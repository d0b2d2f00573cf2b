// envelope_alignment_check - header.from_envelope_misaligned when a header From
// domain belongs to another organization (Public Suffix List) than the MAIL FROM
// domain. Common and legitimate for forwarders (SRS), mailing lists and ESPs with
// their own bounce domains, hence a low weight: it is context for other findings.
// Variant "authenticated" when DMARC passed through an aligned DKIM signature, so
// the From is proven and only the bounce address is someone else's. The null
// sender (bounces, auto-replies) is skipped.
#pragma once

#include "core/check.hpp"

namespace sg::checks {

class EnvelopeAlignmentCheck final : public core::Check {
public:
    std::string_view name() const override { return "envelope_alignment"; }
    core::CheckResult run(const core::CheckContext& context) const override;
};

}  // namespace sg::checks

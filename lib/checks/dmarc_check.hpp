// dmarc_check - dmarc.fail when neither an SPF pass nor a DKIM pass aligns with the
// header From domain of a domain that publishes DMARC (RFC 7489). Reads the
// Authentication results computed before the checks; evidence: From domain, the
// applied policy and pct, SPF result and domain, DKIM d= list, alignment flags.
// Variant "policy_none" when the domain asks for monitoring only (p=none). A DMARC
// temperror raises nothing: the status is temporary_error with what was known.
#pragma once

#include "core/check.hpp"

namespace sg::checks {

class DmarcCheck final : public core::Check {
public:
    std::string_view name() const override { return "dmarc"; }
    core::CheckResult run(const core::CheckContext& context) const override;
};

}  // namespace sg::checks

// spf_check - SPF (RFC 7208) result for MAIL FROM, or HELO for the null sender, as
// findings: spf.fail / spf.softfail / spf.temperror / spf.permerror with the domain,
// client address and reason as evidence. A temperror also marks the check
// undecided, so policy.temperror_action applies. Not evaluated for authenticated
// submissions and trusted networks.
#pragma once

#include "core/check.hpp"

namespace sg::checks {

class SpfCheck final : public core::Check {
public:
    std::string_view name() const override { return "spf"; }
    core::CheckResult run(const core::CheckContext& context) const override;
};

}  // namespace sg::checks

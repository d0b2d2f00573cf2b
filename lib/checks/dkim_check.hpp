// dkim_check - dkim.fail for each DKIM signature that is present and does not
// verify: a bad signature or body hash ("fail"), a broken signature or a missing or
// revoked key (variant "permerror"), a signature refused by local policy such as
// rsa-sha1 (variant "policy"). Unsigned mail is evidence, not a finding. A key
// lookup that timed out marks the check undecided (policy.temperror_action).
#pragma once

#include "core/check.hpp"

namespace sg::checks {

class DkimCheck final : public core::Check {
public:
    std::string_view name() const override { return "dkim"; }
    core::CheckResult run(const core::CheckContext& context) const override;
};

}  // namespace sg::checks

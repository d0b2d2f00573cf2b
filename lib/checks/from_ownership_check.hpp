// from_ownership_check - identity.from_not_owned for each header From address the
// authenticated login does not own. When the login owns the Sender header the
// message is the RFC 5322 "on behalf of" form: still a finding (unless delegated),
// but variant "on_behalf" with its own, lower default weight.
#pragma once

#include "core/check.hpp"

namespace sg::checks {

class FromOwnershipCheck final : public core::Check {
public:
    std::string_view name() const override { return "from_ownership"; }
    core::CheckResult run(const core::CheckContext& context) const override;
};

}  // namespace sg::checks

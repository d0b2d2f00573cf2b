// envelope_ownership_check - identity.envelope_not_owned when the authenticated
// login does not own the MAIL FROM address (what Postfix's
// reject_sender_login_mismatch checks, here as evidence and score).
#pragma once

#include "core/check.hpp"

namespace sg::checks {

class EnvelopeOwnershipCheck final : public core::Check {
public:
    std::string_view name() const override { return "envelope_ownership"; }
    core::CheckResult run(const core::CheckContext& context) const override;
};

}  // namespace sg::checks

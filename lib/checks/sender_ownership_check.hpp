// sender_ownership_check - identity.sender_not_owned when a Sender header names an
// address the authenticated login does not own.
#pragma once

#include "core/check.hpp"

namespace sg::checks {

class SenderOwnershipCheck final : public core::Check {
public:
    std::string_view name() const override { return "sender_ownership"; }
    core::CheckResult run(const core::CheckContext& context) const override;
};

}  // namespace sg::checks

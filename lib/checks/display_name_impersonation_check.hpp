// display_name_impersonation_check - identity.display_name_impersonation when a
// From display name matches a protected person (identity.protected_names, matched
// after normalization, case folding and confusable skeletons) but the From address
// is not one of that person's addresses.
#pragma once

#include "core/check.hpp"

namespace sg::checks {

class DisplayNameImpersonationCheck final : public core::Check {
public:
    std::string_view name() const override { return "display_name_impersonation"; }
    core::CheckResult run(const core::CheckContext& context) const override;
};

}  // namespace sg::checks

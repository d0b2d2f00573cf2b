// from_header_check - the From header itself: header.from_missing when there is
// none, header.from_multiple for several From headers (variant "mailboxes" when
// one From lists several mailboxes), header.from_unparsable when no trustworthy
// address can be read (variant "repaired" when a best-effort parse found one).
#pragma once

#include "core/check.hpp"

namespace sg::checks {

class FromHeaderCheck final : public core::Check {
public:
    std::string_view name() const override { return "from_header"; }
    core::CheckResult run(const core::CheckContext& context) const override;
};

}  // namespace sg::checks

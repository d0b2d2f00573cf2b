// display_name_address_check - identity.display_name_address when a From display
// name carries an address of another organization than the From address itself
// (`"ceo@example.com" <x@attacker.example>`). Variants weigh the two common shapes:
// "internal" when the displayed address is at one of our protected domains and the
// real one is not; "annotated" when the address is one of several words, as
// notification services write `"ann@client.example (Calendar)" <notify@service>`.
#pragma once

#include "core/check.hpp"

namespace sg::checks {

class DisplayNameAddressCheck final : public core::Check {
public:
    std::string_view name() const override { return "display_name_address"; }
    core::CheckResult run(const core::CheckContext& context) const override;
};

}  // namespace sg::checks

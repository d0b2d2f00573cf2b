// display_name_address_check - addresses hidden in From display names.
#include "checks/display_name_address_check.hpp"

#include "checks/display_text_addresses.hpp"
#include "checks/protected_domains.hpp"
#include "config/config.hpp"
#include "identity/ownership.hpp"
#include "mail/message_identities.hpp"
#include "mail/organizational_domain.hpp"

namespace sg::checks {

core::CheckResult DisplayNameAddressCheck::run(const core::CheckContext& context) const {
    core::CheckResult result;
    const std::string& delimiters = context.config.identity.recipient_delimiters;
    for (const mail::Mailbox& from : context.identities.from.addresses.mailboxes) {
        if (from.display_name.empty()) continue;
        DisplayTextAddresses shown = find_display_text_addresses(from.display_name);
        std::string from_key = identity::mailbox_key(from.local_part, from.domain, delimiters);
        for (const mail::Mailbox& address : shown.addresses) {
            if (identity::mailbox_key(address.local_part, address.domain, delimiters) == from_key) continue;
            if (mail::same_organization(address.domain, from.domain)) continue;
            std::string variant;
            if (is_protected_domain(address.domain, context.config) && !is_protected_domain(from.domain, context.config))
                variant = "internal";
            else if (shown.has_other_words)
                variant = "annotated";
            result.findings.push_back({"identity.display_name_address", variant,
                                       {{"display_name", from.display_name},
                                        {"display_name_address", address.address()},
                                        {"from_address", from.address()}}});
            break;
        }
    }
    return result;
}

}  // namespace sg::checks

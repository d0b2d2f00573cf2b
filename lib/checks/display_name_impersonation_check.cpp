// display_name_impersonation_check - protected names on foreign addresses.
#include "checks/display_name_impersonation_check.hpp"

#include "config/config.hpp"
#include "mail/message_identities.hpp"

namespace sg::checks {

core::CheckResult DisplayNameImpersonationCheck::run(const core::CheckContext& context) const {
    core::CheckResult result;
    const identity::ProtectedNames& names = *context.config.identity.protected_names;
    if (names.empty()) return {core::CheckStatus::skipped, {}, "no protected names configured"};
    const std::string& delimiters = context.config.identity.recipient_delimiters;
    for (const mail::Mailbox& from : context.identities.from.addresses.mailboxes) {
        if (from.display_name.empty()) continue;
        // A name shared by several protected people is fine on any of their addresses.
        std::vector<identity::NameMatch> matches = names.match_all(from.display_name);
        if (matches.empty()) continue;
        std::string address = from.address();
        bool theirs = false;
        for (const identity::NameMatch& candidate : matches)
            theirs = theirs || candidate.person->owns_address(address, delimiters);
        if (theirs) continue;
        const identity::NameMatch& match = matches.front();
        result.findings.push_back({"identity.display_name_impersonation", "",
                                   {{"display_name", from.display_name},
                                    {"protected_name", match.person->name},
                                    {"match", match.how},
                                    {"from_address", address}}});
    }
    return result;
}

}  // namespace sg::checks

// display_name_impersonation_check - protected names on foreign addresses.
#include "checks/display_name_impersonation_check.hpp"

#include "config/config.hpp"
#include "identity/ownership.hpp"
#include "mail/message_identities.hpp"

namespace sg::checks {
namespace {

bool is_persons_address(const identity::ProtectedPerson& person, const std::string& from_key,
                        const std::string& delimiters) {
    for (const std::string& address : person.addresses) {
        std::size_t at = address.rfind('@');
        if (at == std::string::npos) continue;
        if (identity::mailbox_key(address.substr(0, at), address.substr(at + 1), delimiters) == from_key) return true;
    }
    return false;
}

}  // namespace

core::CheckResult DisplayNameImpersonationCheck::run(const core::CheckContext& context) const {
    core::CheckResult result;
    const identity::ProtectedNames& names = *context.config.identity.protected_names;
    if (names.empty()) return {core::CheckStatus::skipped, {}, "no protected names configured"};
    const std::string& delimiters = context.config.identity.recipient_delimiters;
    for (const mail::Mailbox& from : context.identities.from.addresses.mailboxes) {
        if (from.display_name.empty()) continue;
        auto match = names.match(from.display_name);
        if (!match) continue;
        std::string from_key = identity::mailbox_key(from.local_part, from.domain, delimiters);
        if (is_persons_address(*match->person, from_key, delimiters)) continue;
        result.findings.push_back({"identity.display_name_impersonation", "",
                                   {{"display_name", from.display_name},
                                    {"protected_name", match->person->name},
                                    {"match", match->how},
                                    {"from_address", from.address()}}});
    }
    return result;
}

}  // namespace sg::checks

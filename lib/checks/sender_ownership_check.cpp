// sender_ownership_check - login vs Sender header.
#include "checks/sender_ownership_check.hpp"

#include "checks/ownership_scope.hpp"
#include "config/config.hpp"
#include "mail/message_identities.hpp"

namespace sg::checks {

core::CheckResult SenderOwnershipCheck::run(const core::CheckContext& context) const {
    core::CheckResult result;
    if (auto reason = ownership_skip_reason(context)) return {core::CheckStatus::skipped, {}, *reason};
    const std::string& login = context.transaction.auth.login;
    for (const mail::Mailbox& sender : context.identities.sender.addresses.mailboxes) {
        identity::Ownership verdict = context.config.identity.ownership->check(login, sender);
        if (!verdict.owned)
            result.findings.push_back({"identity.sender_not_owned", "",
                                       {{"login", login}, {"sender_address", sender.address()}, {"basis", verdict.basis}}});
    }
    return result;
}

}  // namespace sg::checks

// from_ownership_check - login vs header From, with the on-behalf-of form.
#include "checks/from_ownership_check.hpp"

#include "checks/ownership_scope.hpp"
#include "config/config.hpp"
#include "mail/message_identities.hpp"

namespace sg::checks {
namespace {

// The first Sender mailbox the login owns, if any.
const mail::Mailbox* owned_sender(const core::CheckContext& context) {
    const identity::OwnershipPolicy& ownership = *context.config.identity.ownership;
    for (const mail::Mailbox& sender : context.identities.sender.addresses.mailboxes)
        if (ownership.check(context.transaction.auth.login, sender).owned) return &sender;
    return nullptr;
}

}  // namespace

core::CheckResult FromOwnershipCheck::run(const core::CheckContext& context) const {
    core::CheckResult result;
    if (auto reason = ownership_skip_reason(context)) return {core::CheckStatus::skipped, {}, *reason};
    const std::string& login = context.transaction.auth.login;
    const identity::OwnershipPolicy& ownership = *context.config.identity.ownership;
    const mail::Mailbox* sender = owned_sender(context);
    for (const mail::Mailbox& from : context.identities.from.addresses.mailboxes) {
        identity::Ownership verdict = ownership.check(login, from);
        if (verdict.owned) continue;
        core::Finding finding{"identity.from_not_owned", "",
                              {{"login", login}, {"from_address", from.address()}, {"basis", verdict.basis}}};
        if (sender) {
            finding.variant = "on_behalf";
            finding.evidence.emplace_back("sender_address", sender->address());
            finding.evidence.emplace_back("sender_owned", "true");
        }
        result.findings.push_back(std::move(finding));
    }
    return result;
}

}  // namespace sg::checks

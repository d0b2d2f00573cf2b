// envelope_ownership_check - login vs MAIL FROM.
#include "checks/envelope_ownership_check.hpp"

#include "checks/ownership_scope.hpp"
#include "config/config.hpp"
#include "mail/message_identities.hpp"

namespace sg::checks {

core::CheckResult EnvelopeOwnershipCheck::run(const core::CheckContext& context) const {
    core::CheckResult result;
    if (auto reason = ownership_skip_reason(context)) return {core::CheckStatus::skipped, {}, *reason};
    const auto& envelope_from = context.identities.envelope_from;
    if (!envelope_from) return {core::CheckStatus::skipped, {}, "null or unparsable envelope sender"};
    const std::string& login = context.transaction.auth.login;
    identity::Ownership ownership = context.config.identity.ownership->check(login, *envelope_from);
    if (!ownership.owned)
        result.findings.push_back({"identity.envelope_not_owned", "",
                                   {{"login", login}, {"mail_from", envelope_from->address()}, {"basis", ownership.basis}}});
    return result;
}

}  // namespace sg::checks

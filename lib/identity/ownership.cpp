// ownership - decides whether an authenticated login owns a mailbox: its own
// address, its address at the default domain, or a delegation map grant.
#include "identity/ownership.hpp"

#include <utility>

#include "core/text.hpp"
#include "identity/address_key.hpp"
#include "mail/domain_name.hpp"

namespace sg::identity {
namespace {

Ownership owned(std::string basis) { return Ownership{true, std::move(basis)}; }
Ownership not_owned(std::string why = "not owned") { return Ownership{false, std::move(why)}; }

}  // namespace

std::string mailbox_key(std::string_view local_part, std::string_view domain, std::string_view delimiters) {
    return core::ascii_lower(strip_extension(local_part, delimiters)) + "@" + core::ascii_lower(domain);
}

OwnershipPolicy::OwnershipPolicy(OwnershipSettings settings, std::shared_ptr<const DelegationMap> delegations)
    : settings_(std::move(settings)), delegations_(std::move(delegations)) {
    if (!settings_.default_domain.empty()) {
        auto canonical = mail::canonical_domain(settings_.default_domain);
        settings_.default_domain = canonical ? *canonical : core::ascii_lower(settings_.default_domain);
    }
}

Ownership OwnershipPolicy::check(std::string_view login, const mail::Mailbox& mailbox) const {
    try {
        login = core::trim(login);
        if (login.empty()) return not_owned("not owned: no login");

        mail::Mailbox target = mailbox;
        if (target.domain.empty()) {
            if (settings_.default_domain.empty()) return not_owned("not owned: no domain");
            target.domain = settings_.default_domain;
        }
        const std::string exact = core::ascii_lower(target.local_part) + "@" + core::ascii_lower(target.domain);
        const std::string key = mailbox_key(target.local_part, target.domain, settings_.delimiters);

        if (login.find('@') != std::string_view::npos) {
            if (const auto parts = split_address(login)) {
                const std::string own = parts->local + "@" + parts->domain;
                if (own == key || own == exact) return owned("login");
            }
        } else if (!settings_.default_domain.empty()) {
            const std::string own = core::ascii_lower(login) + "@" + settings_.default_domain;
            if (own == key || own == exact) return owned("login@default_domain");
        }

        if (delegations_) {
            const std::string granting = delegations_->delegating_key(login, target, settings_.delimiters);
            if (!granting.empty()) return owned("delegation:" + granting);
        }
        return not_owned();
    } catch (...) {
        return not_owned("not owned: internal error");
    }
}

}  // namespace sg::identity

// protected_domains - membership in the organization's own domains.
#include "checks/protected_domains.hpp"

#include "mail/organizational_domain.hpp"

namespace sg::checks {

bool is_protected_domain(std::string_view canonical_domain, const config::Config& config) {
    if (canonical_domain.empty()) return false;
    const config::IdentitySettings& identity = config.identity;
    if (!identity.default_domain.empty() && mail::same_organization(canonical_domain, identity.default_domain))
        return true;
    for (const std::string& domain : identity.protected_domains)
        if (mail::same_organization(canonical_domain, domain)) return true;
    return false;
}

}  // namespace sg::checks

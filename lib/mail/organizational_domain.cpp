// organizational_domain - Public Suffix List lookups through libpsl.
#include "mail/organizational_domain.hpp"

#include <libpsl.h>

#include <string>

namespace sg::mail {

const psl_ctx_t* system_suffix_list() {
    static const psl_ctx_t* context = [] {
        const psl_ctx_t* latest = psl_latest(nullptr);
        return latest ? latest : psl_builtin();
    }();
    return context;
}

std::string organizational_domain(std::string_view canonical_domain) {
    std::string domain(canonical_domain);
    const psl_ctx_t* list = system_suffix_list();
    if (!list || domain.empty()) return domain;
    const char* registrable = psl_registrable_domain(list, domain.c_str());
    return registrable ? std::string(registrable) : domain;
}

bool same_organization(std::string_view domain_a, std::string_view domain_b) {
    if (domain_a == domain_b) return true;
    if (domain_a.empty() || domain_b.empty()) return false;
    return organizational_domain(domain_a) == organizational_domain(domain_b);
}

}  // namespace sg::mail

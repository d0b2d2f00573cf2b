// organizational_domain - the registrable ("organizational") domain of a canonical
// domain from the Public Suffix List (libpsl, the newest list installed on the
// system, else libpsl's built-in copy): mail.example.co.uk -> example.co.uk.
#pragma once

#include <string>
#include <string_view>

struct psl_ctx_st;  // libpsl's psl_ctx_t

namespace sg::mail {

// The list every organizational-domain decision uses, loaded once (libpsl contexts
// are read-only after loading and safe to share between threads).
const psl_ctx_st* system_suffix_list();

// The organizational domain, or the domain itself when it is a public suffix or
// unknown to the list.
std::string organizational_domain(std::string_view canonical_domain);

bool same_organization(std::string_view domain_a, std::string_view domain_b);

}  // namespace sg::mail

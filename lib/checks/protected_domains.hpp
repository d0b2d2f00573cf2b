// protected_domains - whether a domain belongs to the organization senderguard
// protects: the same organizational domain as identity.default_domain or one of
// identity.protected_domains.
#pragma once

#include <string_view>

#include "config/config.hpp"

namespace sg::checks {

bool is_protected_domain(std::string_view canonical_domain, const config::Config& config);

}  // namespace sg::checks

// ownership_scope - when ownership checks apply.
#include "checks/ownership_scope.hpp"

#include "config/config.hpp"

namespace sg::checks {

std::optional<std::string> ownership_skip_reason(const core::CheckContext& context) {
    const core::Transaction& tx = context.transaction;
    if (tx.auth.authenticated()) return std::nullopt;
    if (const config::Network* network = context.config.trusted_network(tx.connection.client_ip))
        return "unauthenticated client in trusted network " + network->to_string();
    return std::string("session not authenticated");
}

}  // namespace sg::checks

// services - resolver and verifiers for one configuration snapshot.
#include "config/services.hpp"

#include <stdexcept>

#include "config/config.hpp"
#include "core/error.hpp"
#include "dns/unbound_resolver.hpp"

namespace sg::config {

std::shared_ptr<Services> build_services(const Config& config) {
    auto services = std::make_shared<Services>();
    if (!config.authentication.enabled) return services;
    const DnsSettings& dns = config.dns;
    dns::ResolverSettings settings;
    settings.forwarders = dns.forwarders;
    settings.trust_anchor_file = dns.trust_anchor;
    settings.local_data_file = dns.local_data;
    settings.query_timeout = dns.query_timeout;
    try {
        services->resolver = std::make_unique<dns::UnboundResolver>(settings);
    } catch (const core::ConfigError&) {
        throw;
    } catch (const std::exception& error) {
        throw core::ConfigError(config.source, 0, error.what());
    }
    spf::SpfSettings spf_settings;
    spf_settings.receiver = config.authentication.authserv_id;
    services->spf = std::make_unique<spf::SpfVerifier>(*services->resolver, spf_settings);
    dkim::VerifierSettings dkim_settings;
    dkim_settings.query_timeout = dns.query_timeout;
    services->dkim = std::make_unique<dkim::VerifierLibrary>(*services->resolver, dkim_settings);
    return services;
}

}  // namespace sg::config

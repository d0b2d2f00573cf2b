// authenticate - SPF through the configured verifier, DMARC over SPF and DKIM.
#include "engine/authenticate.hpp"

#include "config/services.hpp"
#include "dmarc/dmarc_evaluation.hpp"
#include "dmarc/from_domain.hpp"

namespace sg::engine {
namespace {

// Why SPF and DMARC do not apply to this session, or "" when they do.
std::string not_applicable_reason(const core::Transaction& tx, const config::Config& config) {
    if (tx.auth.authenticated()) return "authenticated submission";
    if (const config::Network* network = config.trusted_network(tx.connection.client_ip))
        return "trusted network " + network->to_string();
    if (tx.connection.client_ip.empty()) return "client address unknown";
    return "";
}

}  // namespace

core::Authentication authenticate(const core::Transaction& tx, const mail::MessageIdentities& identities,
                                  const config::Config& config, core::DkimOutcome dkim, const dns::Deadline& deadline) {
    core::Authentication authentication;
    const config::Services* services = config.services.get();
    if (!config.authentication.enabled || !services || !services->resolver) return authentication;
    authentication.evaluated = true;
    authentication.dkim = std::move(dkim);
    authentication.smtp_auth = tx.auth.login;
    if (std::string reason = not_applicable_reason(tx, config); !reason.empty()) {
        authentication.spf.reason = "not evaluated: " + reason;
        authentication.dmarc.reason = "not evaluated: " + reason;
        authentication.applies = false;
        return authentication;
    }
    // SPF checks the envelope sender as parsed (canonical domain), like every other
    // check; a MAIL FROM nobody can parse names no domain to check.
    const std::string& raw_sender = tx.envelope.mail_from;
    if (!raw_sender.empty() && !identities.envelope_from) {
        authentication.spf.identity = "mailfrom";
        authentication.spf.client_ip = tx.connection.client_ip;
        authentication.spf.reason = "MAIL FROM has no usable address";
    } else {
        std::string sender = identities.envelope_from ? identities.envelope_from->address() : "";
        authentication.spf = services->spf->check(tx.connection.client_ip, tx.connection.helo, sender, deadline);
    }
    authentication.dmarc = dmarc::evaluate_dmarc(dmarc::dmarc_from_domain(identities.from), authentication.spf,
                                                 authentication.dkim, *services->resolver, deadline);
    return authentication;
}

}  // namespace sg::engine

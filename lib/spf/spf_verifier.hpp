// spf_verifier - SPF (RFC 7208) for one SMTP transaction: MAIL FROM, or the
// HELO identity (postmaster@helo) for the null sender. Built once, shared by
// all threads: one libspf2 SPF_server_t over senderguard's DNS layer and
// resolver; each check has its own libspf2 request, response and DNS
// accounting. DNS trouble or a missed deadline is temperror, limits and
// records the guard rejects are permerror; check() never throws.
#pragma once

#include "core/authentication.hpp"
#include "dns/resolver.hpp"
#include "spf/spf_request_state.hpp"

#include <memory>
#include <string>

namespace sg::spf {

struct SpfSettings {
    std::string receiver = "localhost";  // %{r}; the authserv-id is a good choice
    std::string explanation;             // default explanation macro-string; empty: libspf2's
    SpfLimits limits;
};

// One check's result plus what only tests and evidence need.
struct SpfReport {
    core::SpfOutcome outcome;
    std::string explanation;  // fail/softfail/neutral only; never show it unescaped
};

class SpfVerifier {
public:
    // `resolver` must outlive the verifier. Throws std::runtime_error when
    // libspf2 cannot be set up (a startup error).
    SpfVerifier(dns::Resolver& resolver, SpfSettings settings);
    ~SpfVerifier();
    SpfVerifier(const SpfVerifier&) = delete;
    SpfVerifier& operator=(const SpfVerifier&) = delete;

    // Thread-safe. `mail_from` is the envelope address without brackets,
    // empty for the null sender.
    core::SpfOutcome check(const std::string& client_ip, const std::string& helo, const std::string& mail_from,
                           const dns::Deadline& deadline) const;

    SpfReport check_with_explanation(const std::string& client_ip, const std::string& helo,
                                     const std::string& mail_from, const dns::Deadline& deadline) const;

private:
    struct Engine;
    dns::Resolver& resolver_;
    SpfSettings settings_;
    std::unique_ptr<Engine> engine_;
};

}  // namespace sg::spf

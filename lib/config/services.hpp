// services - the long-lived objects a configuration snapshot owns besides plain
// settings: the DNS resolver (libunbound) and the SPF and DKIM verifiers built on
// it. Built once when a configuration is loaded and released with the snapshot,
// so a reload that changes DNS settings swaps them together with everything else.
#pragma once

#include <memory>

#include "dkim/verifier_library.hpp"
#include "dns/resolver.hpp"
#include "spf/spf_verifier.hpp"

namespace sg::config {

struct Config;

struct Services {
    // Declared first so it is destroyed last: the verifiers hold references to it.
    std::unique_ptr<dns::Resolver> resolver;
    std::unique_ptr<spf::SpfVerifier> spf;
    std::unique_ptr<dkim::VerifierLibrary> dkim;
};

// Throws core::ConfigError for bad DNS settings or local data (file:line).
std::shared_ptr<Services> build_services(const Config& config);

}  // namespace sg::config

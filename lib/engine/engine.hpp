// engine - runs every registered check on a transaction, then policy: the single
// entry point the milter and `senderguard check` share, so both decide the same way.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "core/check.hpp"
#include "core/transaction.hpp"
#include "core/verdict.hpp"
#include "dns/resolver.hpp"
#include "mail/message_identities.hpp"

namespace sg::engine {

struct CheckOutcome {
    std::string check;        // check name
    core::CheckStatus status;
    std::string note;
};

struct Evaluation {
    core::Verdict verdict;
    std::vector<CheckOutcome> outcomes;
    mail::MessageIdentities identities;
    core::Authentication authentication;
    std::chrono::microseconds elapsed{0};
};

// Never throws for message content; an internal failure yields a verdict with the
// configured milter.error_action and decided_by "internal_error".
// `dkim` is what the streaming DKIM verifier found while the message arrived (empty:
// unsigned, or not verified); `deadline` bounds every DNS lookup of the message
// (default: dns.message_budget from now).
Evaluation evaluate(const core::Transaction& transaction, const config::Config& config,
                    core::DkimOutcome dkim = {}, std::optional<dns::Deadline> deadline = std::nullopt);

}  // namespace sg::engine

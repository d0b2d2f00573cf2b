// engine - identities, checks, policy; one evaluation per message.
#include "engine/engine.hpp"

#include "checks/registry.hpp"
#include "engine/authenticate.hpp"
#include "policy/policy.hpp"

namespace sg::engine {
namespace {

Evaluation evaluate_checks(const core::Transaction& transaction, const config::Config& config,
                           core::DkimOutcome dkim, const dns::Deadline& deadline) {
    Evaluation evaluation;
    evaluation.identities = mail::extract_identities(transaction);
    evaluation.authentication = authenticate(transaction, evaluation.identities, config, std::move(dkim), deadline);
    core::CheckContext context{transaction, evaluation.identities, config, evaluation.authentication};
    std::vector<core::Finding> findings;
    bool internal_failure = false;
    bool undecided = false;
    for (const auto& check : checks::registered_checks()) {
        core::CheckResult result;
        try {
            result = check->run(context);
        } catch (const std::exception& error) {
            result = {core::CheckStatus::temporary_error, {}, std::string("internal error: ") + error.what()};
            internal_failure = true;
        }
        undecided = undecided || result.status == core::CheckStatus::temporary_error;
        evaluation.outcomes.push_back({std::string(check->name()), result.status, result.note});
        for (core::Finding& finding : result.findings) findings.push_back(std::move(finding));
    }
    evaluation.verdict = policy::decide(std::move(findings), config, undecided);
    // A check that failed leaves the verdict incomplete: it gets at least the
    // configured error action, and keeps a stronger one the other checks found.
    if (internal_failure && config.milter.error_action > evaluation.verdict.action) {
        evaluation.verdict.action = config.milter.error_action;
        evaluation.verdict.decided_by = "internal_error";
    }
    return evaluation;
}

}  // namespace

Evaluation evaluate(const core::Transaction& transaction, const config::Config& config, core::DkimOutcome dkim,
                    std::optional<dns::Deadline> deadline) {
    auto started = std::chrono::steady_clock::now();
    Evaluation evaluation;
    try {
        evaluation = evaluate_checks(transaction, config, std::move(dkim),
                                     deadline.value_or(dns::Deadline::after(config.dns.message_budget)));
    } catch (const std::exception& error) {
        evaluation = Evaluation{};
        evaluation.verdict.action = config.milter.error_action;
        evaluation.verdict.decided_by = "internal_error";
        evaluation.outcomes.push_back({"engine", core::CheckStatus::temporary_error, error.what()});
    }
    evaluation.elapsed =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
    return evaluation;
}

}  // namespace sg::engine

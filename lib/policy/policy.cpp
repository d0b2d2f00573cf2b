// policy - weights, thresholds, explicit actions and monitor mode.
#include "policy/policy.hpp"

#include <fmt/format.h>

namespace sg::policy {
namespace {

core::Action threshold_action(double score, const config::PolicySettings& policy) {
    if (score >= policy.reject_threshold) return core::Action::reject;
    if (score >= policy.quarantine_threshold) return core::Action::quarantine;
    if (score >= policy.tag_threshold) return core::Action::tag;
    return core::Action::accept;
}

const char* threshold_name(core::Action action) {
    switch (action) {
        case core::Action::reject: return "threshold.reject";
        case core::Action::quarantine: return "threshold.quarantine";
        case core::Action::tag: return "threshold.tag";
        default: return "threshold.none";
    }
}

}  // namespace

core::Verdict decide(std::vector<core::Finding> findings, const config::Config& config, bool undecided) {
    core::Verdict verdict;
    verdict.monitor = config.policy.monitor;
    for (core::Finding& finding : findings) {
        finding.score = config.weight_for(finding.weight_key(), finding.id);
        verdict.score += finding.score;
    }
    verdict.action = threshold_action(verdict.score, config.policy);
    verdict.decided_by = threshold_name(verdict.action);
    for (const core::Finding& finding : findings) {
        for (const std::string& key : {finding.weight_key(), finding.id}) {
            auto rule = config.policy.actions.find(key);
            if (rule == config.policy.actions.end()) continue;
            if (rule->second > verdict.action) {
                verdict.action = rule->second;
                verdict.decided_by = fmt::format("action:{}", key);
            }
            break;
        }
    }
    if (undecided && config.policy.temperror_action > verdict.action) {
        verdict.action = config.policy.temperror_action;
        verdict.decided_by = "temperror";
    }
    verdict.findings = std::move(findings);
    return verdict;
}

}  // namespace sg::policy

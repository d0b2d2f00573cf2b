// dmarc_check - DMARC fail as a finding; temperror as a temporary error.
#include "checks/dmarc_check.hpp"

namespace sg::checks {
namespace {

std::string dkim_domains(const core::DkimOutcome& dkim) {
    std::string out;
    for (const core::DkimSignatureOutcome& signature : dkim.signatures)
        out += (out.empty() ? "" : ",") + signature.domain + ":" + std::string(core::to_string(signature.result));
    return out.empty() ? "none" : out;
}

// The domain owner's published policy selects the weight: reject (at pct=100) is
// honoured as a reject, quarantine as a quarantine, none only tags. A partial pct
// is weighed as quarantine: senderguard does not sample.
std::string policy_variant(const core::DmarcOutcome& dmarc) {
    if (dmarc.policy == "none") return "policy_none";
    if (dmarc.policy == "reject" && dmarc.percent >= 100) return "policy_reject";
    return "";
}

}  // namespace

core::CheckResult DmarcCheck::run(const core::CheckContext& context) const {
    core::CheckResult result;
    const core::Authentication& authentication = context.authentication;
    if (!authentication.evaluated) {
        result.status = core::CheckStatus::skipped;
        result.note = "authentication not evaluated";
        return result;
    }
    const core::DmarcOutcome& dmarc = authentication.dmarc;
    switch (dmarc.result) {
        case core::AuthResult::fail: break;
        case core::AuthResult::temperror:
            result.status = core::CheckStatus::temporary_error;
            result.note = "DMARC temperror for " + dmarc.from_domain + ": " + dmarc.reason +
                          (dmarc.policy.empty() ? " (policy unknown)" : " (published policy p=" + dmarc.policy + ")");
            return result;
        case core::AuthResult::permerror:
            result.status = core::CheckStatus::permanent_error;
            result.note = "DMARC permerror for " + dmarc.from_domain + ": " + dmarc.reason;
            return result;
        default: return result;
    }
    const core::SpfOutcome& spf = authentication.spf;
    result.findings.push_back({"dmarc.fail",
                               policy_variant(dmarc),
                               {{"from_domain", dmarc.from_domain},
                                {"record_domain", dmarc.record_domain},
                                {"policy", dmarc.policy},
                                {"pct", std::to_string(dmarc.percent)},
                                {"spf_result", std::string(core::to_string(spf.result))},
                                {"spf_domain", spf.domain},
                                {"dkim_domains", dkim_domains(authentication.dkim)},
                                {"spf_aligned", dmarc.spf_aligned ? "true" : "false"},
                                {"dkim_aligned", dmarc.dkim_aligned ? "true" : "false"},
                                {"reason", dmarc.reason}}});
    return result;
}

}  // namespace sg::checks

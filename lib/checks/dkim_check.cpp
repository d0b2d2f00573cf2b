// dkim_check - failing DKIM signatures as findings.
#include "checks/dkim_check.hpp"

namespace sg::checks {

core::CheckResult DkimCheck::run(const core::CheckContext& context) const {
    core::CheckResult result;
    const core::Authentication& authentication = context.authentication;
    if (!authentication.evaluated) return {core::CheckStatus::skipped, {}, "authentication not evaluated"};
    for (const core::DkimSignatureOutcome& signature : authentication.dkim.signatures) {
        std::string variant;
        switch (signature.result) {
            case core::AuthResult::fail: break;
            case core::AuthResult::permerror: variant = "permerror"; break;
            case core::AuthResult::policy: variant = "policy"; break;
            case core::AuthResult::temperror:
                result.status = core::CheckStatus::temporary_error;
                result.note = "DKIM key for " + signature.selector + "._domainkey." + signature.domain +
                              " not fetched: " + signature.reason;
                continue;
            default: continue;
        }
        result.findings.push_back({"dkim.fail", variant,
                                   {{"domain", signature.domain},
                                    {"selector", signature.selector},
                                    {"algorithm", signature.algorithm},
                                    {"result", std::string(core::to_string(signature.result))},
                                    {"reason", signature.reason}}});
    }
    return result;
}

}  // namespace sg::checks

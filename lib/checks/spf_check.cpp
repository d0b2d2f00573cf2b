// spf_check - SPF results that are findings.
#include "checks/spf_check.hpp"

namespace sg::checks {

core::CheckResult SpfCheck::run(const core::CheckContext& context) const {
    core::CheckResult result;
    const core::Authentication& authentication = context.authentication;
    if (!authentication.evaluated) return {core::CheckStatus::skipped, {}, "authentication not evaluated"};
    const core::SpfOutcome& spf = authentication.spf;
    if (!authentication.applies) return {core::CheckStatus::skipped, {}, spf.reason};
    const char* id = nullptr;
    switch (spf.result) {
        case core::AuthResult::fail: id = "spf.fail"; break;
        case core::AuthResult::softfail: id = "spf.softfail"; break;
        case core::AuthResult::permerror: id = "spf.permerror"; break;
        case core::AuthResult::temperror:
            id = "spf.temperror";
            result.status = core::CheckStatus::temporary_error;
            result.note = "SPF temperror for " + spf.domain + ": " + spf.reason;
            break;
        default: return result;
    }
    result.findings.push_back({id, "",
                               {{"identity", spf.identity},
                                {"domain", spf.domain},
                                {"client_ip", spf.client_ip},
                                {"reason", spf.reason}}});
    return result;
}

}  // namespace sg::checks

// summary_header - X-SenderGuard value: action, score, finding ids.
#include "report/summary_header.hpp"

#include <fmt/format.h>

namespace sg::report {

std::string summary_header_value(const core::Verdict& verdict) {
    std::string value = fmt::format("action={} score={:.1f}", core::to_string(verdict.action), verdict.score);
    if (verdict.monitor) value += " mode=monitor";
    if (!verdict.findings.empty()) {
        value += " findings=";
        for (std::size_t i = 0; i < verdict.findings.size(); ++i) {
            if (i > 0) value += ',';
            value += verdict.findings[i].weight_key();
        }
    }
    return value;
}

}  // namespace sg::report

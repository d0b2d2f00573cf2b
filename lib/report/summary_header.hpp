// summary_header - the X-SenderGuard header value: action, score and finding ids,
// e.g. "action=quarantine score=10.0 findings=identity.from_not_owned".
#pragma once

#include <string>

#include "core/verdict.hpp"

namespace sg::report {

std::string summary_header_value(const core::Verdict& verdict);

}  // namespace sg::report

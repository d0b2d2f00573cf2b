// reject_reply - the text after "550 5.7.1" when a message is rejected. It names the
// kind of problem the deciding finding found (a forged sender, a failed DMARC policy,
// a broken From header) so the sender's postmaster can act, and never the score,
// weights or rules. report.reject_reply, when set, replaces it.
#pragma once

#include <string>

#include "config/config.hpp"
#include "core/verdict.hpp"

namespace sg::report {

std::string reject_reply_text(const core::Verdict& verdict, const config::ReportSettings& settings);

}  // namespace sg::report

// policy - turns findings into one verdict: each finding is scored with its
// configured weight (id.variant first, then id), the sum is compared with the tag /
// quarantine / reject thresholds, and explicit per-finding actions raise the result
// to at least their action. When a check could not decide (a temporary error such
// as a DNS timeout), the verdict is at least policy.temperror_action. Monitor mode
// keeps the verdict but marks it so the milter only tags.
#pragma once

#include <vector>

#include "config/config.hpp"
#include "core/finding.hpp"
#include "core/verdict.hpp"

namespace sg::policy {

core::Verdict decide(std::vector<core::Finding> findings, const config::Config& config, bool undecided = false);

}  // namespace sg::policy

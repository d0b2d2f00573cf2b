// policy - turns findings into one verdict: each finding is scored with its
// configured weight (id.variant first, then id), the sum is compared with the tag /
// quarantine / reject thresholds, and explicit per-finding actions raise the result
// to at least their action. Monitor mode keeps the verdict but marks it so the
// milter only tags.
#pragma once

#include <vector>

#include "config/config.hpp"
#include "core/finding.hpp"
#include "core/verdict.hpp"

namespace sg::policy {

core::Verdict decide(std::vector<core::Finding> findings, const config::Config& config);

}  // namespace sg::policy

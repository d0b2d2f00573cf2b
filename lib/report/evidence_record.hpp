// evidence_record - the one JSON line per message a SOC searches: ECS-style field
// names (email.from.address, source.ip, user.name, event.action, ...), every
// finding with its evidence, score, action, config version and processing time.
#pragma once

#include <nlohmann/json.hpp>

#include "config/config.hpp"
#include "core/transaction.hpp"
#include "engine/engine.hpp"

namespace sg::report {

nlohmann::json evidence_record(const core::Transaction& transaction, const engine::Evaluation& evaluation,
                               const config::Config& config);

}  // namespace sg::report

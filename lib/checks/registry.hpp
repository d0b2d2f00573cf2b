// registry - the explicit list of checks the engine runs, in order. A new check is
// added here and nowhere else (as Postfix lists its dictionaries in one table).
#pragma once

#include <memory>
#include <span>

#include "core/check.hpp"

namespace sg::checks {

std::span<const std::unique_ptr<const core::Check>> registered_checks();

}  // namespace sg::checks

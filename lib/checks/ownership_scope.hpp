// ownership_scope - whether the ownership checks judge this transaction: only an
// authenticated session has a login that can own addresses. An unauthenticated
// message from a trusted network is an internal relay or application server and
// is not judged by ownership either; the skip note says which case applied.
#pragma once

#include <optional>
#include <string>

#include "core/check.hpp"

namespace sg::checks {

// nullopt when ownership applies, else the reason it does not.
std::optional<std::string> ownership_skip_reason(const core::CheckContext& context);

}  // namespace sg::checks

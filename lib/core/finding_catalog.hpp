// finding_catalog - every finding id senderguard can raise, with its documented
// variants and one line of meaning. Configuration validates weight and action keys
// against it, and the documentation test checks docs/findings.md lists each one.
// Ids are stable: new checks add ids, ids are never renamed.
#pragma once

#include <span>
#include <string_view>

namespace sg::core {

struct FindingInfo {
    std::string_view id;
    std::string_view meaning;
};

std::span<const FindingInfo> finding_catalog();

// True for "id" or "id.variant" keys the catalogue knows.
bool is_known_weight_key(std::string_view key);

}  // namespace sg::core

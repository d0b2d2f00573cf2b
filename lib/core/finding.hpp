// finding - what a check reports: a stable id, an optional variant that selects a
// different weight (e.g. identity.from_not_owned.on_behalf), the evidence behind it
// as ordered key/value facts, and the score policy assigned to it.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace sg::core {

using Evidence = std::vector<std::pair<std::string, std::string>>;

struct Finding {
    std::string id;       // area.what, stable (docs/findings.md)
    std::string variant;  // empty, or a documented sub-case weighted as "id.variant"
    Evidence evidence;
    double score = 0;     // filled in by policy

    // "id" or "id.variant": the key weights and actions are looked up by first.
    std::string weight_key() const { return variant.empty() ? id : id + "." + variant; }
};

}  // namespace sg::core

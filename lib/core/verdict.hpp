// verdict - what policy decided for one message: the action, the total score, the
// scored findings, and which rule chose the action (for the evidence record).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"

namespace sg::core {

// Ordered by severity: a stronger action wins when several apply.
enum class Action { accept, tag, quarantine, tempfail, reject };

std::string_view to_string(Action action);
std::optional<Action> parse_action(std::string_view text);

struct Verdict {
    Action action = Action::accept;
    double score = 0;
    std::vector<Finding> findings;
    std::string decided_by;        // "threshold.quarantine", "action:identity.from_not_owned", ...
    bool monitor = false;          // monitor mode: `action` is what enforce mode would do,
                                   // the milter only tags
    Action applied_action() const;  // what the MTA is told to do
};

}  // namespace sg::core

// verdict - action names and the monitor-mode rule.
#include "core/verdict.hpp"

#include <array>

#include "core/check.hpp"

namespace sg::core {
namespace {
constexpr std::array<std::string_view, 5> action_names{"accept", "tag", "quarantine", "tempfail", "reject"};
}

std::string_view to_string(Action action) { return action_names.at(static_cast<std::size_t>(action)); }

std::optional<Action> parse_action(std::string_view text) {
    for (std::size_t i = 0; i < action_names.size(); ++i)
        if (action_names[i] == text) return static_cast<Action>(i);
    return std::nullopt;
}

Action Verdict::applied_action() const {
    if (monitor && action != Action::accept) return Action::tag;
    return action;
}

std::string_view to_string(CheckStatus status) {
    switch (status) {
        case CheckStatus::ok: return "ok";
        case CheckStatus::temporary_error: return "temperror";
        case CheckStatus::permanent_error: return "permerror";
        case CheckStatus::skipped: return "skipped";
    }
    return "unknown";
}

}  // namespace sg::core

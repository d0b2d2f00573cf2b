// Tests for policy: weights (variant first), thresholds, explicit actions, monitor.
#include <catch2/catch.hpp>

#include "policy/policy.hpp"
#include "test_support.hpp"

using sg::core::Action;
using sg::core::Finding;

namespace {

std::vector<Finding> findings(std::initializer_list<std::pair<const char*, const char*>> ids) {
    std::vector<Finding> list;
    for (const auto& [id, variant] : ids) list.push_back({id, variant, {}});
    return list;
}

}  // namespace

TEST_CASE("scores sum the configured weights and meet the thresholds", "[policy]") {
    auto config = sg::test::config_from_toml(R"(
[policy]
tag_threshold = 2
quarantine_threshold = 6
reject_threshold = 12
[policy.weights]
"header.from_missing" = 1
"identity.sender_not_owned" = 6
"identity.from_not_owned" = 12
"identity.from_not_owned.on_behalf" = 3
)");
    struct Row { std::vector<Finding> findings; double score; Action action; const char* decided_by; };
    const Row rows[] = {
        {{}, 0, Action::accept, "threshold.none"},
        {findings({{"header.from_missing", ""}}), 1, Action::accept, "threshold.none"},
        {findings({{"header.from_missing", ""}, {"header.from_missing", ""}}), 2, Action::tag, "threshold.tag"},
        {findings({{"identity.sender_not_owned", ""}}), 6, Action::quarantine, "threshold.quarantine"},
        {findings({{"identity.from_not_owned", ""}}), 12, Action::reject, "threshold.reject"},
        {findings({{"identity.from_not_owned", "on_behalf"}}), 3, Action::tag, "threshold.tag"},
        {findings({{"identity.from_not_owned", "on_behalf"}, {"identity.sender_not_owned", ""}}), 9,
         Action::quarantine, "threshold.quarantine"},
    };
    for (const Row& row : rows) {
        auto verdict = sg::policy::decide(row.findings, *config);
        INFO("score " << verdict.score);
        CHECK(verdict.score == Approx(row.score));
        CHECK(verdict.action == row.action);
        CHECK(verdict.decided_by == row.decided_by);
        CHECK(verdict.findings.size() == row.findings.size());
    }
}

TEST_CASE("a variant without its own weight is weighed by its id", "[policy]") {
    auto config = sg::test::config_from_toml("[policy.weights]\n\"header.from_missing\" = 4\n");
    auto verdict = sg::policy::decide(findings({{"header.from_missing", "undocumented"}}), *config);
    CHECK(verdict.score == 4);
    CHECK(verdict.findings.front().score == 4);
}

TEST_CASE("explicit actions raise the verdict, never lower it", "[policy]") {
    auto config = sg::test::config_from_toml(R"(
[policy.weights]
"header.from_missing" = 20
[policy.actions]
"header.from_missing" = "tag"
"header.from_multiple" = "reject"
"identity.from_not_owned.on_behalf" = "quarantine"
)");
    CHECK(sg::policy::decide(findings({{"header.from_missing", ""}}), *config).action == Action::reject);
    auto multiple = sg::policy::decide(findings({{"header.from_multiple", "mailboxes"}}), *config);
    CHECK(multiple.action == Action::reject);
    CHECK(multiple.decided_by == "action:header.from_multiple");
    auto on_behalf = sg::policy::decide(findings({{"identity.from_not_owned", "on_behalf"}}), *config);
    CHECK(on_behalf.action == Action::quarantine);
    CHECK(on_behalf.decided_by == "action:identity.from_not_owned.on_behalf");
}

TEST_CASE("weight zero silences a finding", "[policy]") {
    auto config = sg::test::config_from_toml("[policy.weights]\n\"header.from_multiple\" = 0\n");
    auto verdict = sg::policy::decide(findings({{"header.from_multiple", ""}}), *config);
    CHECK(verdict.action == Action::accept);
    CHECK(verdict.findings.size() == 1);  // still recorded as evidence
}

TEST_CASE("monitor mode marks the verdict", "[policy]") {
    auto config = sg::test::config_from_toml("[policy]\nmode = \"monitor\"\n");
    auto verdict = sg::policy::decide(findings({{"header.from_multiple", ""}}), *config);
    CHECK(verdict.action == Action::quarantine);
    CHECK(verdict.monitor);
    CHECK(verdict.applied_action() == Action::tag);
}

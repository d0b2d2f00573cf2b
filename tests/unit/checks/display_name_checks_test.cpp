// Tests for identity.display_name_address and identity.display_name_impersonation,
// including the known false-positive traps.
#include <catch2/catch.hpp>

#include "check_harness.hpp"

using sg::core::Action;
using sg::test::evaluate;

namespace {

std::shared_ptr<const sg::config::Config> site_config() {
    return sg::test::config_from_toml(R"(
[identity]
default_domain = "example.com"
protected_names = "@DIR@/names"
)",
                                      {{"names", "Jane Doe: jane.doe@example.com, jdoe@example.com\n"}});
}

const sg::test::Envelope outsider{"", "someone@example.net", "203.0.113.5"};

}  // namespace

TEST_CASE("a display name carrying another organization's address is tagged", "[checks]") {
    auto outcome = evaluate("From: \"bob@example.net\" <alice@example.com>",
                            {"alice@example.com", "alice@example.com"}, *site_config());
    REQUIRE(outcome.has("identity.display_name_address"));
    CHECK(outcome.evidence("identity.display_name_address", "display_name_address") == "bob@example.net");
    CHECK(outcome.evidence("identity.display_name_address", "from_address") == "alice@example.com");
    CHECK(outcome.action() == Action::tag);
}

TEST_CASE("a display name showing one of our addresses on foreign mail weighs more", "[checks]") {
    auto outcome = evaluate("From: \"ceo@example.com\" <payroll@attacker.example>", outsider, *site_config());
    REQUIRE(outcome.has("identity.display_name_address.internal"));
    CHECK(outcome.finding("identity.display_name_address")->score == 6);
}

TEST_CASE("trap: notification services put a person's address in their own display name", "[checks]") {
    auto outcome = evaluate("From: \"ann@client.example (Calendar)\" <calendar-notification@service.example>",
                            outsider, *site_config());
    CHECK(outcome.has("identity.display_name_address.annotated"));
    // Even with a bounce domain of another organization (evidence only), it is not tagged.
    CHECK(outcome.has("header.from_envelope_misaligned"));
    CHECK(outcome.evaluation.verdict.score < 1);
    CHECK(outcome.action() == Action::accept);
}

TEST_CASE("trap: display text that only looks like an address is not a domain", "[checks]") {
    auto outcome = evaluate("From: fooo@foo.fo- private <fooo@foo.fo>", outsider, *site_config());
    CHECK_FALSE(outcome.has_id("identity.display_name_address"));
    REQUIRE_FALSE(outcome.evaluation.identities.from.addresses.mailboxes.empty());
    CHECK(outcome.evaluation.identities.from.addresses.mailboxes.front().domain == "foo.fo");
}

TEST_CASE("the same address, or the same organization, in the display name is fine", "[checks]") {
    auto config = site_config();
    CHECK_FALSE(evaluate("From: \"alice@example.com\" <alice@example.com>", outsider, *config)
                    .has_id("identity.display_name_address"));
    CHECK_FALSE(evaluate("From: \"sales@shop.example.co.uk\" <noreply@mail.example.co.uk>", outsider, *config)
                    .has_id("identity.display_name_address"));
}

TEST_CASE("a protected name on a foreign address is impersonation", "[checks]") {
    auto config = site_config();
    for (const char* from : {"From: Jane Doe <jane.doe@gmail.example>", "From: \"Doe, Jane\" <ceo.office@mail.example>",
                             "From: \"Jane Doe (CEO)\" <jd@freemail.example>"}) {
        INFO(from);
        auto outcome = evaluate(from, outsider, *config);
        REQUIRE(outcome.has("identity.display_name_impersonation"));
        CHECK(outcome.evidence("identity.display_name_impersonation", "protected_name") == "Jane Doe");
        CHECK(outcome.action() == Action::quarantine);
    }
}

TEST_CASE("a protected person's own addresses are not impersonation", "[checks]") {
    auto config = site_config();
    for (const char* from : {"From: Jane Doe <jane.doe@example.com>", "From: Jane Doe <JDoe+travel@Example.com>",
                             "From: Jane Smith <jane@example.net>"}) {
        INFO(from);
        auto outcome = evaluate(from, outsider, *config);
        CHECK_FALSE(outcome.has_id("identity.display_name_impersonation"));
        CHECK(outcome.action() == Action::accept);
    }
}

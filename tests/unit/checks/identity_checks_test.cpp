// Tests for the ownership checks: identity.from_not_owned (and its on_behalf
// variant), identity.sender_not_owned, identity.envelope_not_owned, delegation and
// the trusted-network rule.
#include <catch2/catch.hpp>

#include "check_harness.hpp"

using sg::core::Action;
using sg::test::Envelope;
using sg::test::evaluate;

namespace {

std::shared_ptr<const sg::config::Config> site_config(const std::string& extra = "") {
    return sg::test::config_from_toml(R"(
[identity]
default_domain = "example.com"
delegation_map = "@DIR@/maps"
trusted_networks = ["10.0.0.0/8"]
)" + extra,
                                      {{"maps",
                                        "team@example.com   alice@example.com, carol\n"
                                        "@apps.example.com  crm-app\n"}});
}

const Envelope alice{"alice@example.com", "alice@example.com"};

}  // namespace

TEST_CASE("a login sending as itself raises nothing", "[checks]") {
    auto config = site_config();
    for (const char* from : {"From: alice@example.com", "From: Alice <ALICE@Example.COM>",
                             "From: \"Alice Smith\" <alice+news@example.com>"}) {
        INFO(from);
        auto outcome = evaluate(from, alice, *config);
        CHECK(outcome.keys().empty());
        CHECK(outcome.action() == Action::accept);
    }
}

TEST_CASE("a forged header From is identity.from_not_owned and quarantined by default", "[checks]") {
    auto outcome = evaluate("From: CEO <ceo@example.com>", alice, *site_config());
    REQUIRE(outcome.has("identity.from_not_owned"));
    CHECK(outcome.evidence("identity.from_not_owned", "login") == "alice@example.com");
    CHECK(outcome.evidence("identity.from_not_owned", "from_address") == "ceo@example.com");
    CHECK(outcome.evaluation.verdict.score == 10);
    CHECK(outcome.action() == Action::quarantine);
}

TEST_CASE("an explicit action rejects the forged From", "[checks]") {
    auto config = site_config("[policy.actions]\n\"identity.from_not_owned\" = \"reject\"\n");
    auto outcome = evaluate("From: ceo@example.com", alice, *config);
    CHECK(outcome.action() == Action::reject);
    CHECK(outcome.evaluation.verdict.decided_by == "action:identity.from_not_owned");
}

TEST_CASE("Sender owned by the login is the on-behalf-of form with a lower weight", "[checks]") {
    auto outcome = evaluate("From: Boss <boss@example.com>\r\nSender: alice@example.com", alice, *site_config());
    REQUIRE(outcome.has("identity.from_not_owned.on_behalf"));
    CHECK_FALSE(outcome.has_id("identity.sender_not_owned"));
    CHECK(outcome.evidence("identity.from_not_owned", "sender_owned") == "true");
    CHECK(outcome.evidence("identity.from_not_owned", "sender_address") == "alice@example.com");
    CHECK(outcome.evaluation.verdict.score == 4);
    CHECK(outcome.action() == Action::tag);
}

TEST_CASE("a Sender the login does not own is identity.sender_not_owned", "[checks]") {
    auto outcome = evaluate("From: alice@example.com\r\nSender: bob@example.com", alice, *site_config());
    REQUIRE(outcome.has("identity.sender_not_owned"));
    CHECK(outcome.evidence("identity.sender_not_owned", "sender_address") == "bob@example.com");
    CHECK_FALSE(outcome.has_id("identity.from_not_owned"));
}

TEST_CASE("an envelope sender the login does not own is identity.envelope_not_owned", "[checks]") {
    auto outcome = evaluate("From: alice@example.com", {"alice@example.com", "billing@example.com"}, *site_config());
    REQUIRE(outcome.has("identity.envelope_not_owned"));
    CHECK(outcome.evidence("identity.envelope_not_owned", "mail_from") == "billing@example.com");
    auto null_sender = evaluate("From: alice@example.com", {"alice@example.com", ""}, *site_config());
    CHECK(null_sender.keys().empty());
}

TEST_CASE("delegations from the smtpd_sender_login_maps file are honoured", "[checks]") {
    auto config = site_config();
    CHECK(evaluate("From: Team <team@example.com>", alice, *config).keys().empty());
    CHECK(evaluate("From: team@example.com", {"carol", "carol@example.com"}, *config).keys().empty());
    CHECK(evaluate("From: team@example.com", {"dave@example.com", "dave@example.com"}, *config)
              .has("identity.from_not_owned"));
    CHECK(evaluate("From: invoices@apps.example.com", {"crm-app", "bounce@apps.example.com"}, *config).keys().empty());
}

TEST_CASE("bare logins own addresses at the default domain only", "[checks]") {
    CHECK(evaluate("From: carol@example.com", {"carol", "carol@example.com"}, *site_config()).keys().empty());
    auto no_default = sg::test::config_from_toml("");
    auto outcome = evaluate("From: carol@example.com", {"carol", "carol@example.com"}, *no_default);
    CHECK(outcome.has("identity.from_not_owned"));
    CHECK(outcome.has("identity.envelope_not_owned"));
}

TEST_CASE("unauthenticated mail is not judged by ownership, and the evidence says why", "[checks]") {
    auto config = site_config();
    auto outside = evaluate("From: ceo@example.com", {"", "ceo@example.com", "203.0.113.5"}, *config);
    CHECK_FALSE(outside.has_id("identity.from_not_owned"));
    CHECK(outside.note("from_ownership") == "session not authenticated");
    auto trusted = evaluate("From: ceo@example.com", {"", "ceo@example.com", "10.1.2.3"}, *config);
    CHECK_FALSE(trusted.has_id("identity.from_not_owned"));
    CHECK(trusted.note("from_ownership") == "unauthenticated client in trusted network 10.0.0.0/8");
}

TEST_CASE("monitor mode keeps the verdict but applies only a tag", "[checks]") {
    auto config = site_config("[policy]\nmode = \"monitor\"\n[policy.actions]\n\"identity.from_not_owned\" = \"reject\"\n");
    auto outcome = evaluate("From: ceo@example.com", alice, *config);
    CHECK(outcome.action() == Action::reject);
    CHECK(outcome.evaluation.verdict.applied_action() == Action::tag);
}

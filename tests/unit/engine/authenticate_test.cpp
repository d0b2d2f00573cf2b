// Tests for the authentication step: which sessions SPF and DMARC judge, and that
// SPF checks the envelope sender as parsed, like every other check.
#include <catch2/catch.hpp>

#include "engine/engine.hpp"
#include "test_support.hpp"

using sg::core::AuthResult;

namespace {

std::shared_ptr<const sg::config::Config> zone_config(const sg::test::TempDir& dir, const std::string& extra = "") {
    std::string zone = dir.write("zone", "example.org. TXT \"v=spf1 ip4:198.51.100.7 -all\"\n"
                                         "_dmarc.example.org. TXT \"v=DMARC1; p=reject\"\n");
    return sg::test::config_from_toml("[dns]\nlocal_data = \"" + zone + "\"\n" + extra);
}

sg::engine::Evaluation run(const sg::config::Config& config, const std::string& mail_from, const std::string& ip,
                           const std::string& login = "") {
    return sg::engine::evaluate(sg::test::make_transaction("From: a@example.org", {login, mail_from, ip}), config);
}

}  // namespace

TEST_CASE("SPF checks the parsed envelope sender", "[engine]") {
    sg::test::TempDir dir;
    auto config = zone_config(dir);
    auto spaced = run(*config, "a@ Example.ORG", "198.51.100.7");
    CHECK(spaced.authentication.spf.result == AuthResult::pass);
    CHECK(spaced.authentication.spf.domain == "example.org");
    auto forged = run(*config, "a@example.org", "203.0.113.9");
    CHECK(forged.authentication.spf.result == AuthResult::fail);
    CHECK(forged.authentication.dmarc.result == AuthResult::fail);
    CHECK(forged.verdict.action == sg::core::Action::reject);
}

TEST_CASE("an unusable MAIL FROM gives SPF none with the reason", "[engine]") {
    sg::test::TempDir dir;
    auto outcome = run(*zone_config(dir), "a@example.org, b@example.net", "203.0.113.9");
    CHECK(outcome.authentication.spf.result == AuthResult::none);
    CHECK(outcome.authentication.spf.reason == "MAIL FROM has no usable address");
}

TEST_CASE("authenticated and trusted sessions are not judged by SPF and DMARC", "[engine]") {
    sg::test::TempDir dir;
    auto config = zone_config(dir, "[identity]\ntrusted_networks = [\"10.0.0.0/8\"]\n");
    auto submission = run(*config, "a@example.org", "203.0.113.9", "a@example.org");
    CHECK_FALSE(submission.authentication.applies);
    CHECK(submission.authentication.spf.reason == "not evaluated: authenticated submission");
    CHECK(submission.verdict.action == sg::core::Action::accept);
    auto relay = run(*config, "a@example.org", "10.1.2.3");
    CHECK_FALSE(relay.authentication.applies);
    CHECK(relay.authentication.spf.reason == "not evaluated: trusted network 10.0.0.0/8");
}

TEST_CASE("a DNS timeout is temperror and the message gets the temperror action", "[engine]") {
    sg::test::TempDir dir;
    std::string zone = dir.write("zone", "$TIMEOUT example.org.\n");
    auto config = sg::test::config_from_toml("[dns]\nlocal_data = \"" + zone +
                                             "\"\nquery_timeout = 100\nmessage_budget = 500\n"
                                             "[policy]\ntemperror_action = \"tempfail\"\n");
    auto outcome = run(*config, "a@example.org", "203.0.113.9");
    CHECK(outcome.authentication.spf.result == AuthResult::temperror);
    CHECK(outcome.authentication.dmarc.result == AuthResult::temperror);
    CHECK(outcome.verdict.action == sg::core::Action::tempfail);
    CHECK(outcome.verdict.decided_by == "temperror");
}

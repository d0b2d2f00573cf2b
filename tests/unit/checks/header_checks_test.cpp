// Tests for header.from_missing, header.from_multiple and header.from_unparsable.
#include <catch2/catch.hpp>

#include "check_harness.hpp"

using sg::test::evaluate;

TEST_CASE("From header defects", "[checks]") {
    auto config = sg::test::config_from_toml("");
    const sg::test::Envelope outsider{"", "x@example.net", "203.0.113.5"};
    struct Row { const char* headers; const char* expected; };
    const Row rows[] = {
        {"Subject: no from here", "header.from_missing"},
        {"From: <any@attack.example>\r\nFrom: <admin@legitimate.example>", "header.from_multiple"},
        {"From: a@example.net, b@example.net", "header.from_multiple.mailboxes"},
        {"From: <>", "header.from_unparsable"},
        {"From: \"unterminated <", "header.from_unparsable"},
        {"From: Microsoft account team ,_<x@random.example>", "header.from_unparsable.repaired"},
    };
    for (const Row& row : rows) {
        INFO(row.headers);
        auto outcome = evaluate(row.headers, outsider, *config);
        CHECK(outcome.has(row.expected));
    }
}

TEST_CASE("a clean From raises no header finding", "[checks]") {
    auto outcome = evaluate("From: \"Doe, John\" <john@example.net>", {"", "john@example.net"},
                            *sg::test::config_from_toml(""));
    CHECK(outcome.keys().empty());
}

TEST_CASE("multiple From headers record every address as evidence", "[checks]") {
    auto outcome = evaluate("From: <any@attack.example>\r\nFrom: <admin@legitimate.example>", {},
                            *sg::test::config_from_toml(""));
    const sg::core::Finding* finding = outcome.finding("header.from_multiple");
    REQUIRE(finding != nullptr);
    std::vector<std::string> addresses;
    for (const auto& [key, value] : finding->evidence)
        if (key == "from_address") addresses.push_back(value);
    CHECK(addresses == std::vector<std::string>{"any@attack.example", "admin@legitimate.example"});
    CHECK(outcome.evaluation.verdict.score == 8);
    CHECK(outcome.action() == sg::core::Action::quarantine);
}

// Tests for the transaction snapshot's header lookups and the verdict rules.
#include <catch2/catch.hpp>

#include "core/transaction.hpp"
#include "core/verdict.hpp"

using sg::core::Action;

TEST_CASE("headers are found case-insensitively in received order", "[core]") {
    sg::core::Transaction tx;
    tx.headers = {{"From", "a@x"}, {"Subject", "s"}, {"FROM", "b@x"}};
    auto froms = tx.headers_named("from");
    REQUIRE(froms.size() == 2);
    CHECK(froms[0]->value == "a@x");
    CHECK(froms[1]->value == "b@x");
    REQUIRE(tx.first_header("subject") != nullptr);
    CHECK(tx.first_header("Reply-To") == nullptr);
}

TEST_CASE("monitor mode applies at most a tag", "[core]") {
    sg::core::Verdict verdict;
    verdict.action = Action::reject;
    CHECK(verdict.applied_action() == Action::reject);
    verdict.monitor = true;
    CHECK(verdict.applied_action() == Action::tag);
    verdict.action = Action::accept;
    CHECK(verdict.applied_action() == Action::accept);
}

TEST_CASE("action names round-trip", "[core]") {
    for (Action a : {Action::accept, Action::tag, Action::quarantine, Action::tempfail, Action::reject})
        CHECK(sg::core::parse_action(sg::core::to_string(a)) == a);
    CHECK_FALSE(sg::core::parse_action("discard").has_value());
}

// Tests for DelegationMap: postmap-style parsing (comments, continuation lines,
// every malformed form with its line number) and Postfix-order lookups.
#include <catch2/catch.hpp>

#include <string>

#include "core/error.hpp"
#include "identity/delegation_map.hpp"

using sg::identity::DelegationMap;

namespace {

sg::mail::Mailbox mailbox(std::string local, std::string domain) {
    sg::mail::Mailbox m;
    m.local_part = std::move(local);
    m.domain = std::move(domain);
    return m;
}

const char* const good_map =
    "# shared mailboxes\n"
    "team@example.com      alice, bob\n"
    "\n"
    "   # an indented comment is still a comment\n"
    "Sales@Example.COM     carol,dave  erin\n"
    "  frank,\n"
    "\tgrace\n"
    "@apps.example.com     app-account\n"
    "ceo@apps.example.com  assistant@example.com\n"
    "info@bücher.example   Heidi\r\n"
    "alice@example.com     alice@example.com alice\n";

}  // namespace

TEST_CASE("a well-formed map parses with comments, continuations and CRLF", "[identity]") {
    const DelegationMap map = DelegationMap::parse(good_map, "login_maps");
    CHECK(map.size() == 6);

    const auto* sales = map.logins("sales@example.com");
    REQUIRE(sales != nullptr);
    CHECK(*sales == std::vector<std::string>{"carol", "dave", "erin", "frank", "grace"});

    const auto* idn = map.logins("info@xn--bcher-kva.example");
    REQUIRE(idn != nullptr);
    CHECK(*idn == std::vector<std::string>{"heidi"});

    const auto* alice = map.logins("alice@example.com");
    REQUIRE(alice != nullptr);
    CHECK(*alice == std::vector<std::string>{"alice", "alice@example.com"});

    CHECK(map.logins("Sales@Example.COM") == nullptr);  // stored keys are canonical
    const DelegationMap value_below = DelegationMap::parse("team@example.com\n    alice,\n    bob\n", "below");
    REQUIRE(value_below.logins("team@example.com") != nullptr);
    CHECK(*value_below.logins("team@example.com") == std::vector<std::string>{"alice", "bob"});
    CHECK(DelegationMap::parse("", "empty").size() == 0);
    CHECK(DelegationMap::parse("# only comments\n\n   \n", "comments").size() == 0);
}

TEST_CASE("lookups follow Postfix order and compare logins case-insensitively", "[identity]") {
    const DelegationMap map = DelegationMap::parse(good_map, "login_maps");
    struct Row {
        const char* login;
        const char* local;
        const char* domain;
        const char* delimiters;
        const char* key;  // empty: not delegated
    };
    const Row rows[] = {
        {"alice", "team", "example.com", "+", "team@example.com"},
        {"ALICE", "Team", "example.com", "+", "team@example.com"},
        {"bob", "team+q3", "example.com", "+", "team@example.com"},
        {"bob", "team-q3", "example.com", "+-", "team@example.com"},
        {"bob", "team-q3", "example.com", "+", ""},
        {"mallory", "team", "example.com", "+", ""},
        {"grace", "sales", "example.com", "+", "sales@example.com"},
        {"app-account", "noreply", "apps.example.com", "+", "@apps.example.com"},
        {"app-account", "anything+x", "apps.example.com", "+", "@apps.example.com"},
        // the address entry hides the @domain entry (first key found decides)
        {"app-account", "ceo", "apps.example.com", "+", ""},
        {"assistant@example.com", "ceo", "apps.example.com", "+", "ceo@apps.example.com"},
        {"Assistant@Example.com", "ceo+x", "apps.example.com", "+", "ceo@apps.example.com"},
        // "user" and "user@domain" are different logins
        {"assistant", "ceo", "apps.example.com", "+", ""},
        {"heidi", "info", "xn--bcher-kva.example", "+", "info@xn--bcher-kva.example"},
        {"alice", "team", "example.org", "+", ""},
        {"", "team", "example.com", "+", ""},
        {"alice", "team", "", "+", ""},
    };
    for (const Row& row : rows) {
        INFO(row.login << " as " << row.local << "@" << row.domain);
        CHECK(map.delegating_key(row.login, mailbox(row.local, row.domain), row.delimiters) == row.key);
    }
}

TEST_CASE("the address with its extension is looked up before the stripped address", "[identity]") {
    const DelegationMap map = DelegationMap::parse(
        "team+billing@example.com  billing-app\n"
        "team@example.com          alice\n"
        "@example.com              catch-all\n",
        "m");
    CHECK(map.deciding_key(mailbox("team+billing", "example.com"), "+") == "team+billing@example.com");
    CHECK(map.delegating_key("billing-app", mailbox("team+billing", "example.com"), "+") ==
          "team+billing@example.com");
    CHECK(map.delegating_key("alice", mailbox("team+billing", "example.com"), "+").empty());
    CHECK(map.delegating_key("alice", mailbox("team+other", "example.com"), "+") == "team@example.com");
    CHECK(map.delegating_key("catch-all", mailbox("team", "example.com"), "+").empty());
    CHECK(map.delegating_key("catch-all", mailbox("bob", "example.com"), "+") == "@example.com");
    CHECK(map.deciding_key(mailbox("bob", "example.org"), "+").empty());
}

TEST_CASE("malformed map lines are ConfigErrors naming file and line", "[identity]") {
    struct Row {
        const char* text;
        std::size_t line;
        const char* reason;  // part of the message
    };
    const Row rows[] = {
        {"team@example.com alice\nbob@example.com\n", 2, "has no value"},
        {"team@example.com\n# comment, not a continuation\n", 1, "has no value"},
        {"# c\n\nalice   bob\n", 3, "bare local-part key 'alice'"},
        {"alice smith@example.com bob\n", 1, "bare local-part key 'alice'"},
        {"a@b@example.com bob\n", 1, "more than one '@'"},
        {"al,ice@example.com bob\n", 1, "invalid character in its local part"},
        {"\"alice\"@example.com bob\n", 1, "invalid character in its local part"},
        {"alice@ bob\n", 1, "valid domain"},
        {"@ bob\n", 1, "valid domain"},
        {"alice@exa..mple.com bob\n", 1, "valid domain"},
        {"  bob\nteam@example.com alice\n", 1, "continuation line"},
        {"team@example.com alice # note\n", 1, "'#' starts a comment"},
        {"team@example.com alice,\n  bob #carol\n", 2, "'#' starts a comment"},
        {"team@example.com\n  # an indented comment, not a value\n", 1, "has no value"},
        {"team@example.com alice,\n  b\x01ob\n", 2, "control character"},
        {"team@example.com alice\nTEAM@example.com bob\n", 2, "duplicate key 'team@example.com' (first at line 1)"},
        {"info@bücher.example a\ninfo@xn--bcher-kva.example b\n", 2, "duplicate key"},
        {"@example.com a\n\n\n@EXAMPLE.com. b\n", 4, "duplicate key"},
    };
    for (const Row& row : rows) {
        INFO(row.text);
        try {
            DelegationMap::parse(row.text, "maps/login");
            FAIL("no ConfigError");
        } catch (const sg::core::ConfigError& error) {
            CHECK(error.file() == "maps/login");
            CHECK(error.line() == row.line);
            const std::string what = error.what();
            CHECK_THAT(what, Catch::StartsWith("maps/login:" + std::to_string(row.line) + ": "));
            CHECK_THAT(what, Catch::Contains(row.reason));
        }
    }
}

TEST_CASE("an unreadable map file is a ConfigError naming the file", "[identity]") {
    for (const std::string path : {"/nonexistent/senderguard/sender_login_maps", "/"}) {
        INFO(path);
        try {
            DelegationMap::load_file(path);
            FAIL("no ConfigError");
        } catch (const sg::core::ConfigError& error) {
            CHECK(error.file() == path);
            CHECK(error.line() == 0);
            CHECK_THAT(std::string(error.what()), Catch::StartsWith(path + ": "));
        }
    }
}

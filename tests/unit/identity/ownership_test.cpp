// Tests for OwnershipPolicy: a login's own mailbox, the default domain, IDN, and
// grants from a delegation map, with the basis each decision reports.
#include <catch2/catch.hpp>

#include <memory>

#include "identity/ownership.hpp"

using sg::identity::DelegationMap;
using sg::identity::mailbox_key;
using sg::identity::OwnershipPolicy;
using sg::identity::OwnershipSettings;

namespace {

sg::mail::Mailbox mailbox(std::string local, std::string domain) {
    sg::mail::Mailbox m;
    m.local_part = std::move(local);
    m.domain = std::move(domain);
    m.domain_unicode = m.domain;
    return m;
}

std::shared_ptr<const DelegationMap> delegations() {
    return std::make_shared<const DelegationMap>(DelegationMap::parse(
        "team@example.com     alice, bob\n"
        "@apps.example.com    app-account\n"
        "ceo@example.com      assistant@example.com\n",
        "test_map"));
}

}  // namespace

TEST_CASE("mailbox_key lowercases and drops the extension", "[identity]") {
    CHECK(mailbox_key("Alice+Tag", "Example.COM", "+") == "alice@example.com");
    CHECK(mailbox_key("alice-tag", "example.com", "+-") == "alice@example.com");
    CHECK(mailbox_key("alice-tag", "example.com", "+") == "alice-tag@example.com");
}

TEST_CASE("ownership decisions and their basis", "[identity]") {
    struct Row {
        const char* login;
        const char* local;
        const char* domain;
        const char* default_domain;
        const char* delimiters;
        bool owned;
        const char* basis;
    };
    const Row rows[] = {
        // the login is the address
        {"alice@example.com", "alice", "example.com", "", "+", true, "login"},
        {"ALICE@Example.com", "Alice", "example.com", "", "+", true, "login"},
        {"alice@example.com", "alice+news", "example.com", "", "+", true, "login"},
        {"alice@example.com", "alice-news", "example.com", "", "+-", true, "login"},
        {"alice@example.com", "alice-news", "example.com", "", "+", false, "not owned"},
        {"alice@example.com", "alicex", "example.com", "", "+", false, "not owned"},
        {"alice@example.com", "alice", "example.org", "", "+", false, "not owned"},
        {"alice@example.com", "bob", "example.com", "", "+", false, "not owned"},
        {"  alice@example.com ", "alice", "example.com", "", "+", true, "login"},
        // an IDN login owns the A-label spelling of its mailbox
        {"alice@bücher.example", "alice", "xn--bcher-kva.example", "", "+", true, "login"},
        {"alice@BÜCHER.example", "alice", "xn--bcher-kva.example", "", "+", true, "login"},
        {"alice@xn--bcher-kva.example", "alice", "xn--bcher-kva.example", "", "+", true, "login"},
        // a login with an extension owns only that exact address
        {"alice+x@example.com", "alice+x", "example.com", "", "+", true, "login"},
        {"alice+x@example.com", "alice", "example.com", "", "+", false, "not owned"},
        // bare logins need a default domain
        {"alice", "alice", "example.com", "example.com", "+", true, "login@default_domain"},
        {"Alice", "alice+tag", "example.com", "example.com", "+", true, "login@default_domain"},
        {"alice", "alice", "example.com", "", "+", false, "not owned"},
        {"alice", "alice", "example.org", "example.com", "+", false, "not owned"},
        {"alice", "alice", "xn--bcher-kva.example", "bücher.example", "+", true, "login@default_domain"},
        // delegation map grants
        {"alice", "team", "example.com", "", "+", true, "delegation:team@example.com"},
        {"Bob", "team+x", "example.com", "", "+", true, "delegation:team@example.com"},
        {"carol", "team", "example.com", "", "+", false, "not owned"},
        {"app-account", "noreply", "apps.example.com", "", "+", true, "delegation:@apps.example.com"},
        {"assistant@example.com", "ceo", "example.com", "", "+", true, "delegation:ceo@example.com"},
        {"assistant", "ceo", "example.com", "example.com", "+", false, "not owned"},
        // no login, no domain
        {"", "alice", "example.com", "example.com", "+", false, "not owned: no login"},
        {"alice", "alice", "", "", "+", false, "not owned: no domain"},
        {"alice", "alice", "", "example.com", "+", true, "login@default_domain"},
    };
    for (const Row& row : rows) {
        INFO(row.login << " -> " << row.local << "@" << row.domain << " (default domain '" << row.default_domain
                       << "', delimiters '" << row.delimiters << "')");
        OwnershipPolicy policy(OwnershipSettings{row.default_domain, row.delimiters}, delegations());
        const auto decision = policy.check(row.login, mailbox(row.local, row.domain));
        CHECK(decision.owned == row.owned);
        CHECK(decision.basis == row.basis);
    }
}

TEST_CASE("ownership works without a delegation map", "[identity]") {
    OwnershipPolicy policy(OwnershipSettings{"example.com", "+"}, nullptr);
    CHECK(policy.check("alice", mailbox("alice", "example.com")).owned);
    const auto other = policy.check("alice", mailbox("team", "example.com"));
    CHECK_FALSE(other.owned);
    CHECK(other.basis == "not owned");
}

TEST_CASE("own mailbox wins over a delegation entry for the same address", "[identity]") {
    auto map = std::make_shared<const DelegationMap>(DelegationMap::parse("alice@example.com bob\n", "m"));
    OwnershipPolicy policy(OwnershipSettings{}, map);
    CHECK(policy.check("alice@example.com", mailbox("alice", "example.com")).basis == "login");
    CHECK(policy.check("bob", mailbox("alice", "example.com")).basis == "delegation:alice@example.com");
}

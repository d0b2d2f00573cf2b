// The example files shipped in conf/ parse and mean what their comments say.
#include <catch2/catch.hpp>

#include <memory>

#include "identity/delegation_map.hpp"
#include "identity/ownership.hpp"
#include "identity/protected_names.hpp"

namespace {

sg::mail::Mailbox mailbox(std::string local, std::string domain) {
    sg::mail::Mailbox m;
    m.local_part = std::move(local);
    m.domain = std::move(domain);
    return m;
}

}  // namespace

TEST_CASE("conf/sender_login_maps parses and grants what it documents", "[identity]") {
    auto map = std::make_shared<const sg::identity::DelegationMap>(
        sg::identity::DelegationMap::load_file(SENDERGUARD_SOURCE_DIR "/conf/sender_login_maps"));
    CHECK(map->size() == 6);
    sg::identity::OwnershipPolicy policy({"example.com", "+"}, map);
    CHECK(policy.check("bob", mailbox("support", "example.com")).basis == "delegation:support@example.com");
    CHECK(policy.check("erin", mailbox("sales", "example.com")).basis == "delegation:sales@example.com");
    CHECK(policy.check("assistant@example.com", mailbox("ceo", "example.com")).owned);
    CHECK(policy.check("helpdesk-app", mailbox("ticket-42", "tickets.example.com")).owned);
    CHECK_FALSE(policy.check("helpdesk-app", mailbox("billing", "tickets.example.com")).owned);
    CHECK(policy.check("billing-app", mailbox("billing", "tickets.example.com")).owned);
    CHECK_FALSE(policy.check("newsletter-app", mailbox("ceo", "example.com")).owned);
    CHECK(policy.check("alice", mailbox("alice", "example.com")).basis == "login@default_domain");
}

TEST_CASE("conf/protected_names parses and protects its people", "[identity]") {
    const auto names = sg::identity::ProtectedNames::load_file(SENDERGUARD_SOURCE_DIR "/conf/protected_names");
    REQUIRE(names.people().size() == 5);
    const auto jose = names.match("Jose Nunez");
    REQUIRE(jose);
    CHECK(jose->person->name == "José Núñez");
    CHECK(jose->person->addresses == std::vector<std::string>{"jose.nunez@example.com", "jnunez@example.com"});
    const auto paul = names.match("Paul Martin (Finance)");
    REQUIRE(paul);
    CHECK(paul->person->owns_address("accounts@example.com"));
    CHECK_FALSE(paul->person->owns_address("paul.martin@example.net"));
}

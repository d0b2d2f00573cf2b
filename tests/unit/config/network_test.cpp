// Tests for CIDR parsing and membership.
#include <catch2/catch.hpp>

#include "config/network.hpp"

using sg::config::Network;

TEST_CASE("network membership, IPv4, IPv6 and mapped addresses", "[config]") {
    struct Row { const char* network; const char* address; bool inside; };
    const Row rows[] = {
        {"127.0.0.0/8", "127.0.0.1", true},     {"127.0.0.0/8", "128.0.0.1", false},
        {"192.0.2.0/25", "192.0.2.127", true},  {"192.0.2.0/25", "192.0.2.128", false},
        {"192.0.2.7", "192.0.2.7", true},       {"192.0.2.7", "192.0.2.8", false},
        {"0.0.0.0/0", "203.0.113.9", true},     {"2001:db8::/32", "2001:db8:1::5", true},
        {"2001:db8::/32", "2001:db9::5", false}, {"::1/128", "::1", true},
        {"127.0.0.0/8", "::ffff:127.0.0.1", true}, {"127.0.0.0/8", "::1", false},
        {"10.0.0.0/8", "", false},              {"10.0.0.0/8", "garbage", false},
    };
    for (const Row& row : rows) {
        auto network = Network::parse(row.network);
        REQUIRE(network.has_value());
        INFO(row.network << " contains " << row.address);
        CHECK(network->contains(row.address) == row.inside);
    }
}

TEST_CASE("malformed networks are refused", "[config]") {
    for (const char* text : {"", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0/8", "::1/129", "10.0.0.0/8x", "host.example"})
        CHECK_FALSE(Network::parse(text).has_value());
    CHECK(Network::parse("10.1.2.3/8")->to_string() == "10.1.2.3/8");
}

// Tests for extension stripping (Postfix split_addr rules) and address splitting.
#include <catch2/catch.hpp>

#include "identity/address_key.hpp"

using sg::identity::split_address;
using sg::identity::strip_extension;

TEST_CASE("extensions are cut at the first delimiter as Postfix does", "[identity]") {
    struct Row {
        const char* local;
        const char* delimiters;
        const char* expected;
    };
    const Row rows[] = {
        {"alice+tag", "+", "alice"},
        {"alice+tag+more", "+", "alice"},
        {"Alice+Tag", "+", "Alice"},
        {"alice-tag", "+", "alice-tag"},
        {"alice-tag", "+-", "alice"},
        {"alice+x-y", "-+", "alice"},
        {"alice", "+", "alice"},
        {"alice+tag", "", "alice+tag"},
        {"+tag", "+", "+tag"},             // nothing before the delimiter: not split
        {"postmaster+x", "+", "postmaster"},  // only the bare reserved names are kept whole
        {"Postmaster", "+", "Postmaster"},
        {"mailer-daemon", "-", "mailer-daemon"},
        {"double-bounce", "-", "double-bounce"},
        {"owner-list", "-", "owner-list"},
        {"list-request", "-", "list-request"},
        {"owner+list", "+", "owner"},
        {"list-request", "+", "list-request"},
    };
    for (const Row& row : rows) {
        INFO(row.local << " with delimiters '" << row.delimiters << "'");
        CHECK(strip_extension(row.local, row.delimiters) == row.expected);
    }
}

TEST_CASE("addresses split into lowercase local part and canonical domain", "[identity]") {
    const auto plain = split_address("Alice.Smith@Example.COM");
    REQUIRE(plain);
    CHECK(plain->local == "alice.smith");
    CHECK(plain->domain == "example.com");

    const auto idn = split_address("alice@Bücher.example");
    REQUIRE(idn);
    CHECK(idn->domain == "xn--bcher-kva.example");

    CHECK_FALSE(split_address("alice"));
    CHECK_FALSE(split_address("@example.com"));
    CHECK_FALSE(split_address("alice@"));
    CHECK_FALSE(split_address("alice@exa mple.com"));
}

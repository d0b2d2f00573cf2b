// Tests for finding address-shaped text inside display names.
#include <catch2/catch.hpp>

#include "checks/display_text_addresses.hpp"

using sg::checks::find_display_text_addresses;

TEST_CASE("addresses inside display text", "[checks]") {
    struct Row { const char* text; const char* address; bool other_words; };
    const Row rows[] = {
        {"bob@example.net", "bob@example.net", false},
        {"'bob@example.net'", "bob@example.net", false},
        {"ann@client.example (Calendar)", "ann@client.example", true},
        {"fooo@foo.fo- private", "fooo@foo.fo", true},
        {"Support <help@Bank.EXAMPLE>.", "help@bank.example", true},
        {"x@bücher.example", "x@xn--bcher-kva.example", false},
        {"ceo@example.com via Mail", "ceo@example.com", true},
    };
    for (const Row& row : rows) {
        INFO(row.text);
        auto found = find_display_text_addresses(row.text);
        REQUIRE(found.addresses.size() == 1);
        CHECK(found.addresses[0].address() == row.address);
        CHECK(found.has_other_words == row.other_words);
    }
}

TEST_CASE("text without a real address yields none", "[checks]") {
    for (const char* text : {"John Doe", "@", "a@b", "user@localhost", "@example.com", "me @ example.com", ""}) {
        INFO(text);
        CHECK(find_display_text_addresses(text).addresses.empty());
    }
}

TEST_CASE("hostile display text is scanned in bounded time", "[checks]") {
    std::string hostile(100000, '@');
    CHECK(find_display_text_addresses(hostile).addresses.empty());
    std::string many;
    for (int i = 0; i < 2000; ++i) many += "a@b.example ";
    CHECK(find_display_text_addresses(many).addresses.size() == 2000);
}

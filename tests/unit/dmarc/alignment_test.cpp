// Tests for identifier alignment (RFC 7489 section 3.1) with the system suffix list.
#include <catch2/catch.hpp>

#include "dmarc/alignment.hpp"
#include "dmarc/from_domain.hpp"
#include "mail/address_parser.hpp"

using sg::dmarc::AlignmentMode;
using sg::dmarc::domains_aligned;

TEST_CASE("relaxed and strict domain alignment", "[dmarc]") {
    const auto r = AlignmentMode::relaxed, s = AlignmentMode::strict;
    struct Row {
        const char* from;
        const char* other;
        AlignmentMode mode;
        bool aligned;
    };
    const Row rows[] = {
        {"example.com", "example.com", s, true},
        {"example.com", "EXAMPLE.COM.", s, true},
        {"example.com", "mail.example.com", s, false},
        {"example.com", "mail.example.com", r, true},
        {"a.example.com", "b.example.com", r, true},
        {"example.co.uk", "other.co.uk", r, false},
        {"shop.example.co.uk", "example.co.uk", r, true},
        {"example.com", "example.net", r, false},
        {"example.com", "", r, false},
        {"", "", s, false},
        {"example.com", "exa mple.com", r, false},
        {"net", "net", r, true},
        {"example.net", "net", r, false},
        {"bücher.example", "xn--bcher-kva.example", s, true},
    };
    for (const Row& row : rows) {
        INFO(row.from << " ~ " << row.other);
        CHECK(domains_aligned(row.from, row.other, row.mode) == row.aligned);
    }
}

TEST_CASE("the From domain DMARC evaluates", "[dmarc]") {
    auto from = [](const std::string& value, std::size_t headers = 1) {
        sg::mail::HeaderAddresses addresses;
        addresses.header_count = headers;
        addresses.addresses = sg::mail::parse_address_list(value);
        return sg::dmarc::dmarc_from_domain(addresses);
    };
    CHECK(from("Joe <joe@Example.COM>") == "example.com");
    CHECK(from("a@example.com, b@example.com") == "example.com");
    CHECK(from("a@example.com, b@example.net").empty());
    CHECK(from("undisclosed-recipients:;").empty());
    CHECK(from("\"unterminated <").empty());
    CHECK(from("joe").empty());
    CHECK(from("").empty());
}

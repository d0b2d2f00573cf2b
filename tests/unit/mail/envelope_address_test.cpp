// SMTP envelope paths (MAIL FROM / RCPT TO / Return-Path).
#include <catch2/catch.hpp>

#include "mail/address_parser.hpp"

using sg::mail::parse_envelope_address;

TEST_CASE("envelope paths parse with or without angle brackets", "[mail]") {
    struct Case {
        const char* path;
        const char* address;
        const char* domain_unicode;
    };
    const Case cases[] = {
        {"user@example.org", "user@example.org", "example.org"},
        {"<user@example.org>", "user@example.org", "example.org"},
        {"  <User@EXAMPLE.org>  ", "User@example.org", "example.org"},
        {"<@relay.example,@other.example:user@c.example>", "user@c.example", "c.example"},
        {"@relay.example:user@c.example", "user@c.example", "c.example"},
        {"<\"john doe\"@example.org>", "john doe@example.org", "example.org"},
        {"<a@bücher.example>", "a@xn--bcher-kva.example", "bücher.example"},
        {"<a@xn--bcher-kva.example>", "a@xn--bcher-kva.example", "bücher.example"},
        {"<bounce@example.org.>", "bounce@example.org", "example.org"},
        {"<postmaster>", "postmaster", ""},
        {"<bounces+phishing@pot=hotmail.com@em.example>", "bounces+phishing@pot=hotmail.com@em.example", "em.example"},
    };
    for (const Case& c : cases) {
        INFO("path: " << c.path);
        const auto mailbox = parse_envelope_address(c.path);
        REQUIRE(mailbox.has_value());
        CHECK(mailbox->address() == c.address);
        CHECK(mailbox->domain_unicode == c.domain_unicode);
        CHECK(mailbox->display_name.empty());
    }
}

TEST_CASE("null, empty and garbage envelope paths give nothing", "[mail]") {
    for (const char* path : {"", "<>", " <> ", "<", "<user@example.org", "user@", "<a@b c>",
                             "two words@example.org", "a@exa mple.org", "a@\x01.example"})
        CHECK_FALSE(parse_envelope_address(path).has_value());
}

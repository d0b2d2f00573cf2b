// Canonical and display forms of mail domains.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "mail/domain_name.hpp"

using sg::mail::canonical_domain;
using sg::mail::unicode_domain;

TEST_CASE("domains are canonicalised for comparison", "[mail]") {
    struct Case {
        const char* input;
        const char* canonical;
    };
    const std::vector<Case> cases = {
        {"example.org", "example.org"},
        {"EXAMPLE.Org", "example.org"},
        {"example.org.", "example.org"},
        {"bücher.example", "xn--bcher-kva.example"},
        {"BÜCHER.EXAMPLE", "xn--bcher-kva.example"},
        {"XN--BCHER-KVA.example", "xn--bcher-kva.example"},
        {"straße.de", "xn--strae-oqa.de"},  // non-transitional: ß kept
        {"😀.ws", "xn--e28h.ws"},           // only valid under transitional rules
        {"münchen。de", "xn--mnchen-3ya.de"},  // ideographic full stop
        {"_dmarc.example.org", "_dmarc.example.org"},
        {"localhost", "localhost"},
        {"[192.0.2.1]", "[192.0.2.1]"},
        {"[IPv6:2001:DB8::1]", "[ipv6:2001:db8::1]"},
    };
    for (const Case& c : cases) {
        INFO("domain: " << c.input);
        const auto canonical = canonical_domain(c.input);
        REQUIRE(canonical.has_value());
        CHECK(*canonical == c.canonical);
    }
}

TEST_CASE("implausible domains are rejected", "[mail]") {
    const std::vector<std::string> bad = {
        "",
        ".",
        "foo.fo- private",
        "a..b",
        ".example.org",
        "example.org..",
        "exa mple.org",
        "ex%ample.org",
        "'quoted.example",
        std::string(64, 'a') + ".example",
        std::string(63, 'a') + "." + std::string(63, 'b') + "." + std::string(63, 'c') + "." + std::string(63, 'd'),
        "[192.0.2.1",
        "[not a literal]",
        std::string("nul\0.example", 12),
        "bad\xFF.example",
    };
    for (const std::string& domain : bad) {
        INFO("domain: " << domain);
        CHECK_FALSE(canonical_domain(domain).has_value());
    }
    CHECK(canonical_domain(std::string(63, 'a') + ".example").has_value());
}

TEST_CASE("canonical domains show as U-labels", "[mail]") {
    CHECK(unicode_domain("xn--bcher-kva.example") == "bücher.example");
    CHECK(unicode_domain("xn--80ak6aa92e.com") == "аррӏе.com");
    CHECK(unicode_domain("example.org") == "example.org");
    CHECK(unicode_domain("[192.0.2.1]") == "[192.0.2.1]");
}

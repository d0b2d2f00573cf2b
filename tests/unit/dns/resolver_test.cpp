// resolver_test - names of types and statuses, Deadline arithmetic, name helpers.
#include <catch2/catch.hpp>

#include <thread>

#include "dns/dns_name.hpp"
#include "dns/resolver.hpp"

using namespace sg::dns;
using namespace std::chrono_literals;

TEST_CASE("record types and statuses have stable names", "[dns]") {
    CHECK(to_string(RecordType::txt) == "TXT");
    CHECK(to_string(RecordType::aaaa) == "AAAA");
    CHECK(to_string(RecordType::mx) == "MX");
    CHECK(to_string(RecordType::spf) == "SPF");
    CHECK(to_string(Status::ok) == "ok");
    CHECK(to_string(Status::no_data) == "no_data");
    CHECK(to_string(Status::nx_domain) == "nx_domain");
    CHECK(to_string(Status::temporary) == "temporary");
    CHECK(to_string(Status::permanent) == "permanent");
}

TEST_CASE("a deadline reports what is left and never goes negative", "[dns]") {
    const auto soon = Deadline::after(200ms);
    CHECK_FALSE(soon.expired());
    CHECK(soon.remaining() > 100ms);
    CHECK(soon.remaining() <= 200ms);

    const auto past = Deadline(Clock::now() - 1s);
    CHECK(past.expired());
    CHECK(past.remaining() == 0ms);

    CHECK_FALSE(Deadline::never().expired());
    CHECK(Deadline::never().remaining() == std::chrono::milliseconds::max());

    const auto brief = Deadline::after(5ms);
    std::this_thread::sleep_for(10ms);
    CHECK(brief.expired());
    CHECK(brief.remaining() == 0ms);
}

TEST_CASE("domain names compare in canonical form", "[dns]") {
    CHECK(canonical_name("Mail.Example.COM.") == "mail.example.com");
    CHECK(canonical_name("example.com") == "example.com");
    CHECK(canonical_name(".") == "");

    CHECK(is_valid_name("example.com"));
    CHECK(is_valid_name("_dmarc.example.com."));
    CHECK(is_valid_name("sel._domainkey.example.com"));
    CHECK_FALSE(is_valid_name(""));
    CHECK_FALSE(is_valid_name("."));
    CHECK_FALSE(is_valid_name("a..b"));
    CHECK_FALSE(is_valid_name(".a"));
    CHECK_FALSE(is_valid_name("a b.com"));
    CHECK_FALSE(is_valid_name("a\\.b.com"));
    CHECK_FALSE(is_valid_name(std::string(64, 'a') + ".com"));
    CHECK(is_valid_name(std::string(63, 'a') + ".com"));
    std::string long_name;
    for (int i = 0; i < 64; ++i) long_name += "abc.";
    CHECK_FALSE(is_valid_name(long_name));

    CHECK(is_same_or_below("a.example.com", "example.com"));
    CHECK(is_same_or_below("example.com", "example.com"));
    CHECK(is_same_or_below("example.com", ""));
    CHECK_FALSE(is_same_or_below("badexample.com", "example.com"));
    CHECK_FALSE(is_same_or_below("com", "example.com"));
}

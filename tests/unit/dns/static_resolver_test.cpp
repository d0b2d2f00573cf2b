// static_resolver_test - the table-driven resolver other rooms' tests use.
#include <catch2/catch.hpp>

#include <memory>

#include "dns/static_resolver.hpp"

using namespace sg::dns;
using namespace std::chrono_literals;

namespace {
const auto forever = Deadline::never();
}

TEST_CASE("static resolver answers records it was given", "[dns]") {
    StaticResolver resolver;
    resolver.add_txt("Example.COM.", "v=spf1 -all")
        .add_txt("example.com", "other")
        .add_a("mail.example.com", "192.0.2.1")
        .add_aaaa("mail.example.com", "2001:db8::1")
        .add_mx("example.com", 10, "mail.example.com.")
        .add_ptr("1.2.0.192.in-addr.arpa", "mail.example.com.");

    const auto txt = resolver.query("example.com.", RecordType::txt, forever);
    CHECK(txt.status == Status::ok);
    CHECK(txt.records == std::vector<std::string>{"v=spf1 -all", "other"});
    CHECK(txt.ttl == 300);

    CHECK(resolver.query("MAIL.example.com", RecordType::a, forever).records ==
          std::vector<std::string>{"192.0.2.1"});
    CHECK(resolver.query("mail.example.com", RecordType::aaaa, forever).records ==
          std::vector<std::string>{"2001:db8::1"});

    const auto mx = resolver.query("example.com", RecordType::mx, forever);
    REQUIRE(mx.mx.size() == 1);
    CHECK(mx.mx[0].preference == 10);
    CHECK(mx.mx[0].exchange == "mail.example.com");
    CHECK(mx.records == std::vector<std::string>{"10 mail.example.com"});

    CHECK(resolver.query("1.2.0.192.in-addr.arpa", RecordType::ptr, forever).records ==
          std::vector<std::string>{"mail.example.com"});
}

TEST_CASE("static resolver tells missing types from missing names", "[dns]") {
    StaticResolver resolver;
    resolver.add_txt("sel._domainkey.example.com", "v=DKIM1; p=");
    CHECK(resolver.query("sel._domainkey.example.com", RecordType::a, forever).status == Status::no_data);
    CHECK(resolver.query("_domainkey.example.com", RecordType::txt, forever).status == Status::no_data);
    CHECK(resolver.query("other.example.com", RecordType::txt, forever).status == Status::nx_domain);
}

TEST_CASE("static resolver failures cover a name and below, without sleeping", "[dns]") {
    StaticResolver resolver;
    resolver.add_txt("example.com", "v=spf1 -all")
        .timeout("slow.example")
        .servfail("broken.example")
        .refuse("refused.example")
        .fail("bad.example", Status::permanent, "malformed answer");

    const auto started = Clock::now();
    const auto slow = resolver.query("a.slow.example", RecordType::txt, forever);
    CHECK(Clock::now() - started < 100ms);
    CHECK(slow.status == Status::temporary);
    CHECK(slow.reason == "timeout");
    CHECK(resolver.query("broken.example", RecordType::mx, forever).reason == "SERVFAIL");
    CHECK(resolver.query("refused.example", RecordType::a, forever).reason == "REFUSED");
    CHECK(resolver.query("bad.example", RecordType::a, forever).status == Status::permanent);
    CHECK(resolver.query("example.com", RecordType::txt, forever).status == Status::ok);
}

TEST_CASE("static resolver honours the deadline and rejects malformed names", "[dns]") {
    StaticResolver resolver;
    resolver.add_txt("example.com", "x");
    const auto late = resolver.query("example.com", RecordType::txt, Deadline(Clock::now() - 1ms));
    CHECK(late.status == Status::temporary);
    CHECK(late.reason == "message DNS budget exhausted");
    CHECK(resolver.query("a..example.com", RecordType::txt, forever).status == Status::permanent);
}

TEST_CASE("static resolver returns set answers verbatim and logs queries", "[dns]") {
    StaticResolver resolver;
    Answer bogus;
    bogus.status = Status::temporary;
    bogus.bogus = true;
    bogus.reason = "DNSSEC bogus: signature expired";
    resolver.set("signed.example", RecordType::txt, bogus);
    const auto answer = resolver.query("Signed.Example.", RecordType::txt, forever);
    CHECK(answer.bogus);
    CHECK(answer.reason == "DNSSEC bogus: signature expired");

    resolver.query("x.example", RecordType::a, forever);
    const auto log = resolver.queries();
    REQUIRE(log.size() == 2);
    CHECK(log[0].name == "signed.example");
    CHECK(log[0].type == RecordType::txt);
    CHECK(log[1].name == "x.example");
    resolver.clear_queries();
    CHECK(resolver.query_count() == 0);
}

TEST_CASE("static resolver follows CNAMEs and stops loops", "[dns]") {
    StaticResolver resolver;
    resolver.add_cname("sel._domainkey.example.com", "sel._domainkey.provider.example.")
        .add_txt("sel._domainkey.provider.example", "v=DKIM1; p=abc")
        .add_cname("loop1.example", "loop2.example")
        .add_cname("loop2.example", "loop1.example");
    const auto key = resolver.query("sel._domainkey.example.com", RecordType::txt, forever);
    CHECK(key.status == Status::ok);
    CHECK(key.records == std::vector<std::string>{"v=DKIM1; p=abc"});
    CHECK(resolver.query("sel._domainkey.example.com", RecordType::cname, forever).records ==
          std::vector<std::string>{"sel._domainkey.provider.example"});
    CHECK(resolver.query("loop1.example", RecordType::txt, forever).status == Status::permanent);
}

TEST_CASE("static resolver loads local data text", "[dns]") {
    auto resolver = std::make_unique<StaticResolver>(StaticResolver::from_text(R"(
example.com. 60 TXT "v=spf1 " "ip4:192.0.2.0/24 -all"
example.com. MX 20 mx2.example.com.
example.com. MX 10 mx1.example.com.
$TIMEOUT slow.example.
$TEMPFAIL refused.example.
$SERVFAIL broken.example.
)"));
    const auto spf = resolver->query("example.com", RecordType::txt, forever);
    CHECK(spf.records == std::vector<std::string>{"v=spf1 ip4:192.0.2.0/24 -all"});
    CHECK(spf.ttl == 60);
    const auto mx = resolver->query("example.com", RecordType::mx, forever);
    REQUIRE(mx.mx.size() == 2);
    CHECK(mx.mx[1].exchange == "mx1.example.com");
    CHECK(resolver->query("slow.example", RecordType::txt, forever).reason == "timeout");
    CHECK(resolver->query("refused.example", RecordType::txt, forever).reason == "REFUSED");
    CHECK(resolver->query("broken.example", RecordType::txt, forever).reason == "SERVFAIL");
    CHECK(resolver->query("nothing.example", RecordType::txt, forever).status == Status::nx_domain);
}

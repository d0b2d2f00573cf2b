// unbound_resolver_test - the libunbound resolver over hermetic local data:
// answers, NXDOMAIN/NODATA, failure directives, timeouts and the message budget,
// bad settings, and many threads sharing one context.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "core/error.hpp"
#include "dns/unbound_resolver.hpp"
#include "test_support.hpp"

using namespace sg::dns;
using namespace std::chrono_literals;

namespace {

const char* const zone = R"(
example.com. 120 TXT "v=spf1 ip4:192.0.2.0/24 -all"
_dmarc.example.com. TXT "v=DMARC1; p=reject"
sel._domainkey.example.com. TXT "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" "IDAQAB"
example.com. MX 20 mx2.example.com.
example.com. MX 10 mx1.example.com.
mx1.example.com. A 192.0.2.1
mx1.example.com. AAAA 2001:db8::1
1.2.0.192.in-addr.arpa. PTR mx1.example.com.
sel2._domainkey.example.com. CNAME sel._domainkey.example.com.
$TEMPFAIL refused.example.
$SERVFAIL broken.example.
$TIMEOUT slow.example.
)";

const auto forever = Deadline::never();

std::unique_ptr<UnboundResolver> make(std::chrono::milliseconds timeout = 2000ms) {
    return UnboundResolver::from_local_data(zone, timeout);
}

template <typename F>
std::chrono::milliseconds elapsed(F&& f) {
    const auto start = Clock::now();
    f();
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

}  // namespace

TEST_CASE("unbound resolver answers TXT, A, AAAA, MX and PTR from local data", "[dns]") {
    const auto resolver = make();
    const auto spf = resolver->query("Example.COM", RecordType::txt, forever);
    CHECK(spf.status == Status::ok);
    CHECK(spf.records == std::vector<std::string>{"v=spf1 ip4:192.0.2.0/24 -all"});
    CHECK(spf.ttl == 120);
    CHECK_FALSE(spf.secure);

    const auto dkim = resolver->query("sel._domainkey.example.com.", RecordType::txt, forever);
    CHECK(dkim.records ==
          std::vector<std::string>{"v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAIDAQAB"});

    CHECK(resolver->query("mx1.example.com", RecordType::a, forever).records == std::vector<std::string>{"192.0.2.1"});
    CHECK(resolver->query("mx1.example.com", RecordType::aaaa, forever).records ==
          std::vector<std::string>{"2001:db8::1"});
    CHECK(resolver->query("1.2.0.192.in-addr.arpa", RecordType::ptr, forever).records ==
          std::vector<std::string>{"mx1.example.com"});

    const auto mx = resolver->query("example.com", RecordType::mx, forever);
    REQUIRE(mx.status == Status::ok);
    REQUIRE(mx.mx.size() == 2);
    std::vector<std::string> exchanges;
    for (const auto& record : mx.mx) exchanges.push_back(std::to_string(record.preference) + " " + record.exchange);
    std::sort(exchanges.begin(), exchanges.end());
    CHECK(exchanges == std::vector<std::string>{"10 mx1.example.com", "20 mx2.example.com"});
    CHECK(mx.records.size() == 2);
}

TEST_CASE("unbound resolver: unknown names are NXDOMAIN at once, other types NODATA", "[dns]") {
    const auto resolver = make();
    Answer unknown;
    const auto took = elapsed([&] { unknown = resolver->query("nowhere.invalid-tld", RecordType::txt, forever); });
    CHECK(unknown.status == Status::nx_domain);
    CHECK(took < 500ms);
    CHECK(resolver->query("www.google.com", RecordType::a, forever).status == Status::nx_domain);
    CHECK(resolver->query("example.com", RecordType::a, forever).status == Status::no_data);
    CHECK(resolver->query("_domainkey.example.com", RecordType::txt, forever).status == Status::no_data);
}

TEST_CASE("unbound resolver follows a local-data CNAME", "[dns]") {
    const auto resolver = make();
    const auto key = resolver->query("sel2._domainkey.example.com", RecordType::txt, forever);
    CHECK(key.status == Status::ok);
    REQUIRE(key.records.size() == 1);
    CHECK(key.records[0].rfind("v=DKIM1;", 0) == 0);
    CHECK(resolver->query("sel2._domainkey.example.com", RecordType::cname, forever).records ==
          std::vector<std::string>{"sel._domainkey.example.com"});
}

TEST_CASE("unbound resolver: $TEMPFAIL and $SERVFAIL are temporary with a reason", "[dns]") {
    const auto resolver = make();
    const auto refused = resolver->query("refused.example", RecordType::txt, forever);
    CHECK(refused.status == Status::temporary);
    CHECK(refused.reason == "REFUSED");
    CHECK(resolver->query("x.refused.example", RecordType::a, forever).reason == "REFUSED");
    const auto broken = resolver->query("_dmarc.broken.example", RecordType::txt, forever);
    CHECK(broken.status == Status::temporary);
    CHECK(broken.reason == "SERVFAIL");
}

TEST_CASE("unbound resolver: $TIMEOUT answers temporary after the query timeout", "[dns]") {
    const auto resolver = make(300ms);
    Answer answer;
    const auto took = elapsed([&] { answer = resolver->query("slow.example", RecordType::txt, forever); });
    CHECK(answer.status == Status::temporary);
    CHECK(answer.reason == "timeout after 300 ms");
    CHECK(took >= 290ms);
    CHECK(took < 900ms);
}

TEST_CASE("unbound resolver: the message budget bounds a query", "[dns]") {
    const auto resolver = make(2000ms);
    Answer answer;
    auto took = elapsed([&] { answer = resolver->query("slow.example", RecordType::txt, Deadline::after(200ms)); });
    CHECK(answer.status == Status::temporary);
    CHECK(answer.reason == "message DNS budget exhausted");
    CHECK(took >= 190ms);
    CHECK(took < 600ms);

    took = elapsed([&] { answer = resolver->query("example.com", RecordType::txt, Deadline(Clock::now() - 1ms)); });
    CHECK(answer.status == Status::temporary);
    CHECK(answer.reason == "message DNS budget exhausted");
    CHECK(took < 50ms);
}

TEST_CASE("unbound resolver: a malformed name is permanent", "[dns]") {
    const auto resolver = make();
    const auto answer = resolver->query("a..example.com", RecordType::txt, forever);
    CHECK(answer.status == Status::permanent);
    CHECK(answer.reason == "malformed domain name");
    CHECK(resolver->query(std::string(70, 'x') + ".example", RecordType::txt, forever).status == Status::permanent);
}

TEST_CASE("unbound resolver: bad settings fail construction clearly", "[dns]") {
    ResolverSettings bad_forwarder;
    bad_forwarder.forwarders = {"not-an-address"};
    bad_forwarder.local_data_file = "";
    CHECK_THROWS_WITH(UnboundResolver(bad_forwarder), Catch::Contains("forwarder 'not-an-address'"));

    ResolverSettings missing_anchor;
    missing_anchor.forwarders = {"127.0.0.1@1"};
    missing_anchor.trust_anchor_file = "/nonexistent/root.key";
    CHECK_THROWS_WITH(UnboundResolver(missing_anchor), Catch::Contains("cannot read trust anchor file /nonexistent/root.key"));

    sg::test::TempDir dir;
    ResolverSettings garbage_anchor;
    garbage_anchor.forwarders = {"127.0.0.1@1"};
    garbage_anchor.trust_anchor_file = dir.write("anchor", "this is not a trust anchor\n");
    CHECK_THROWS_AS(UnboundResolver(garbage_anchor), std::runtime_error);

    ResolverSettings zero_timeout;
    zero_timeout.forwarders = {"127.0.0.1@1"};
    zero_timeout.query_timeout = 0ms;
    CHECK_THROWS_WITH(UnboundResolver(zero_timeout), Catch::Contains("query timeout must be positive"));

    ResolverSettings bad_data;
    bad_data.local_data_file = dir.write("zone", "ok.example. A 192.0.2.1\nbad.example. MX ten mx.example.\n");
    try {
        UnboundResolver resolver(bad_data);
        FAIL("no error");
    } catch (const sg::core::ConfigError& e) {
        CHECK(e.line() == 2);
        CHECK(std::string(e.what()) == dir.path() + "/zone:2: invalid MX preference 'ten'");
    }
}

TEST_CASE("unbound resolver reads a local data file and validates with a trust anchor", "[dns]") {
    sg::test::TempDir dir;
    ResolverSettings settings;
    settings.local_data_file = dir.write("zone", "example.org. TXT \"hello\"\n");
    if (access("/usr/share/dns/root.key", R_OK) == 0) settings.trust_anchor_file = "/usr/share/dns/root.key";
    UnboundResolver resolver(settings);
    const auto answer = resolver.query("example.org", RecordType::txt, forever);
    CHECK(answer.status == Status::ok);
    CHECK(answer.records == std::vector<std::string>{"hello"});
    CHECK(resolver.query("example.net", RecordType::txt, forever).status == Status::nx_domain);
}

TEST_CASE("unbound resolver serves many threads from one context", "[dns]") {
    const auto resolver = make(2000ms);
    std::atomic<int> right{0};
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 50; ++i) {
                const bool txt = (i + t) % 3 != 0;
                const auto answer = txt ? resolver->query("example.com", RecordType::txt, forever)
                                        : resolver->query(std::to_string(i) + ".nowhere.example", RecordType::a, forever);
                const bool ok = txt ? answer.status == Status::ok && answer.records.size() == 1 &&
                                          answer.records[0] == "v=spf1 ip4:192.0.2.0/24 -all"
                                    : answer.status == Status::nx_domain;
                (ok ? right : wrong)++;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    CHECK(wrong == 0);
    CHECK(right == 400);
}

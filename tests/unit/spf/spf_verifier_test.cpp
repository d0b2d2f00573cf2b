// SpfVerifier through the real DNS layer, guard and libspf2, over an
// in-process resolver: every result, HELO for the null sender, IPv6,
// include/redirect, the RFC 7208 processing limits and DNS failures.
#include "spf/spf_verifier.hpp"

#include "dns/static_resolver.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

using sg::core::AuthResult;
using sg::dns::Deadline;
using sg::dns::StaticResolver;
using sg::spf::SpfSettings;
using sg::spf::SpfVerifier;

namespace {

Deadline soon() { return Deadline::after(std::chrono::seconds(5)); }

StaticResolver zone() {
    StaticResolver r;
    r.add_txt("pass.example", "v=spf1 ip4:192.0.2.0/24 -all")
        .add_txt("fail.example", "v=spf1 -all")
        .add_txt("soft.example", "v=spf1 ~all")
        .add_txt("neutral.example", "v=spf1 ?all")
        .add_a("norecord.example", "192.0.2.99")
        .add_txt("norecord.example", "some other text")
        .add_txt("two.example", "v=spf1 -all")
        .add_txt("two.example", "v=spf1 +all")
        .add_txt("helo.example", "v=spf1 a -all")
        .add_a("helo.example", "198.51.100.5")
        .add_txt("v6.example", "v=spf1 ip6:2001:db8:1::/48 mx -all")
        .add_mx("v6.example", 10, "mx.v6.example")
        .add_aaaa("mx.v6.example", "2001:db8:2::25")
        .add_txt("inc.example", "v=spf1 include:pass.example -all")
        .add_txt("redir.example", "v=spf1 redirect=pass.example")
        .add_txt("incnone.example", "v=spf1 include:nothing.example -all")
        .add_txt("void2.example", "v=spf1 a:nx1.example a:nx2.example ?all")
        .add_txt("void3.example", "v=spf1 a:nx1.example a:nx2.example a:nx3.example ?all")
        .add_txt("slow.example", "v=spf1 a:dead.example -all")
        .timeout("dead.example")
        .timeout("timeout.example")
        .add_txt("guarded.example", "v=spf1 exists:%{l9999999999r-}.example.com -all")
        .add_txt("guarded-inc.example", "v=spf1 include:guarded.example ~all")
        .add_a("a.example", "203.0.113.1");
    // 10 DNS mechanisms pass, 11 fail.
    std::string ten = "v=spf1", eleven = "v=spf1";
    for (int i = 0; i < 9; ++i) ten += " a:a.example";
    ten += " ip4:192.0.2.1 -all";
    for (int i = 0; i < 11; ++i) eleven += " a:a.example";
    eleven += " ip4:192.0.2.1 -all";
    r.add_txt("ten.example", ten).add_txt("eleven.example", eleven);
    // The limit counts across includes: 5 here + 6 in the included record.
    r.add_txt("spread.example", "v=spf1 a:a.example a:a.example a:a.example a:a.example include:six.example -all")
        .add_txt("six.example", "v=spf1 a:a.example a:a.example a:a.example a:a.example a:a.example a:a.example ?all");
    std::string mx = "v=spf1 mx -all";
    r.add_txt("manymx.example", mx);
    for (int i = 0; i < 11; ++i) r.add_mx("manymx.example", static_cast<std::uint16_t>(i), "a.example");
    return r;
}

}  // namespace

TEST_CASE("SPF results through the real layer", "[spf]") {
    StaticResolver resolver = zone();
    const SpfVerifier spf(resolver, SpfSettings{});

    auto pass = spf.check("192.0.2.10", "mail.pass.example", "alice@pass.example", soon());
    CHECK(pass.result == AuthResult::pass);
    CHECK(pass.identity == "mailfrom");
    CHECK(pass.domain == "pass.example");
    CHECK(pass.client_ip == "192.0.2.10");
    CHECK(pass.record == "v=spf1 ip4:192.0.2.0/24 -all");
    CHECK(pass.reason.find("mechanism matched") != std::string::npos);

    CHECK(spf.check("203.0.113.9", "x", "alice@pass.example", soon()).result == AuthResult::fail);
    CHECK(spf.check("203.0.113.9", "x", "bob@fail.example", soon()).result == AuthResult::fail);
    CHECK(spf.check("203.0.113.9", "x", "bob@soft.example", soon()).result == AuthResult::softfail);
    CHECK(spf.check("203.0.113.9", "x", "bob@neutral.example", soon()).result == AuthResult::neutral);
    CHECK(spf.check("203.0.113.9", "x", "bob@norecord.example", soon()).result == AuthResult::none);
    CHECK(spf.check("203.0.113.9", "x", "bob@nxdomain.example", soon()).result == AuthResult::none);
    CHECK(spf.check("203.0.113.9", "x", "bob@two.example", soon()).result == AuthResult::permerror);
    auto temp = spf.check("203.0.113.9", "x", "bob@timeout.example", soon());
    CHECK(temp.result == AuthResult::temperror);
    CHECK(temp.reason.find("DNS timeout for timeout.example") != std::string::npos);
}

TEST_CASE("null sender checks the HELO identity", "[spf]") {
    StaticResolver resolver = zone();
    const SpfVerifier spf(resolver, SpfSettings{});
    auto ok = spf.check("198.51.100.5", "helo.example", "", soon());
    CHECK(ok.result == AuthResult::pass);
    CHECK(ok.identity == "helo");
    CHECK(ok.domain == "helo.example");
    CHECK(spf.check("198.51.100.6", "helo.example", "", soon()).result == AuthResult::fail);
    CHECK(spf.check("198.51.100.6", "", "", soon()).result == AuthResult::none);
}

TEST_CASE("IPv6 clients: ip6 and mx over AAAA", "[spf]") {
    StaticResolver resolver = zone();
    const SpfVerifier spf(resolver, SpfSettings{});
    CHECK(spf.check("2001:db8:1::7", "x", "a@v6.example", soon()).result == AuthResult::pass);
    CHECK(spf.check("2001:db8:2::25", "x", "a@v6.example", soon()).result == AuthResult::pass);
    CHECK(spf.check("2001:db8:3::1", "x", "a@v6.example", soon()).result == AuthResult::fail);
    CHECK(spf.check("not-an-ip", "x", "a@v6.example", soon()).result == AuthResult::none);
}

TEST_CASE("include and redirect", "[spf]") {
    StaticResolver resolver = zone();
    const SpfVerifier spf(resolver, SpfSettings{});
    CHECK(spf.check("192.0.2.1", "x", "a@inc.example", soon()).result == AuthResult::pass);
    CHECK(spf.check("203.0.113.1", "x", "a@inc.example", soon()).result == AuthResult::fail);
    auto redirected = spf.check("192.0.2.1", "x", "a@redir.example", soon());
    CHECK(redirected.result == AuthResult::pass);
    CHECK(redirected.record == "v=spf1 redirect=pass.example");  // the record of the checked domain
    CHECK(spf.check("203.0.113.1", "x", "a@redir.example", soon()).result == AuthResult::fail);
    CHECK(spf.check("192.0.2.1", "x", "a@incnone.example", soon()).result == AuthResult::permerror);
}

TEST_CASE("void lookup limit (RFC 7208 4.6.4)", "[spf]") {
    StaticResolver resolver = zone();
    const SpfVerifier spf(resolver, SpfSettings{});
    CHECK(spf.check("192.0.2.1", "x", "a@void2.example", soon()).result == AuthResult::neutral);
    auto over = spf.check("192.0.2.1", "x", "a@void3.example", soon());
    CHECK(over.result == AuthResult::permerror);
    CHECK(over.reason.find("void lookup limit exceeded") != std::string::npos);
}

TEST_CASE("10 DNS mechanism limit, across includes; more than 10 MX", "[spf]") {
    StaticResolver resolver = zone();
    const SpfVerifier spf(resolver, SpfSettings{});
    CHECK(spf.check("192.0.2.1", "x", "a@ten.example", soon()).result == AuthResult::pass);
    auto eleven = spf.check("192.0.2.1", "x", "a@eleven.example", soon());
    CHECK(eleven.result == AuthResult::permerror);
    auto spread = spf.check("192.0.2.1", "x", "a@spread.example", soon());
    CHECK(spread.result == AuthResult::permerror);
    CHECK(spread.reason.find("more than 10 DNS mechanisms") != std::string::npos);
    auto mx = spf.check("192.0.2.1", "x", "a@manymx.example", soon());
    CHECK(mx.result == AuthResult::permerror);
    CHECK(mx.reason.find("MX records") != std::string::npos);
}

TEST_CASE("the guard turns hostile records into permerror before libspf2 sees them", "[spf]") {
    StaticResolver resolver = zone();
    const SpfVerifier spf(resolver, SpfSettings{});
    auto direct = spf.check("192.0.2.1", "x", "a@guarded.example", soon());
    CHECK(direct.result == AuthResult::permerror);
    CHECK(direct.reason.rfind("SPF record rejected by guard: ", 0) == 0);
    auto included = spf.check("192.0.2.1", "x", "a@guarded-inc.example", soon());
    CHECK(included.result == AuthResult::permerror);
    CHECK(included.reason.find("rejected by guard") != std::string::npos);
}

TEST_CASE("DNS timeout is temperror, within the deadline", "[spf]") {
    StaticResolver resolver = zone();
    const SpfVerifier spf(resolver, SpfSettings{});
    const auto start = std::chrono::steady_clock::now();
    auto slow = spf.check("192.0.2.1", "x", "a@slow.example", soon());
    CHECK(slow.result == AuthResult::temperror);
    CHECK(slow.reason.find("DNS timeout for dead.example") != std::string::npos);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));

    // An expired deadline stops before asking DNS at all.
    resolver.clear_queries();
    auto late = spf.check("192.0.2.1", "x", "a@pass.example", Deadline::after(std::chrono::milliseconds(0)));
    CHECK(late.result == AuthResult::temperror);
    CHECK(late.reason.find("deadline") != std::string::npos);
    CHECK(resolver.query_count() == 0);
}

TEST_CASE("one verifier shared by threads", "[spf]") {
    StaticResolver resolver = zone();
    const SpfVerifier spf(resolver, SpfSettings{});
    std::vector<std::thread> threads;
    std::vector<int> wrong(8, 0);
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 200; ++i) {
                const bool even = (i + t) % 2 == 0;
                const auto out = spf.check(even ? "192.0.2.1" : "203.0.113.1", "x",
                                           even ? "a@inc.example" : "a@void3.example", soon());
                if (out.result != (even ? AuthResult::pass : AuthResult::permerror)) ++wrong[t];
            }
        });
    }
    for (auto& thread : threads) thread.join();
    for (int t = 0; t < 8; ++t) CHECK(wrong[t] == 0);
}

// Record guard: RFC 7208 grammar and the limits that keep hostile records
// (CVE-2023-42118 shapes among them) away from libspf2.
#include "spf/spf_macro_string.hpp"
#include "spf/spf_record_guard.hpp"

#include <catch2/catch.hpp>

#include <string>

using sg::spf::guard_explanation;
using sg::spf::guard_spf_record;
using sg::spf::is_spf_record;

namespace {

std::string repeat(const std::string& unit, int count) {
    std::string out;
    for (int i = 0; i < count; ++i) out += unit;
    return out;
}

struct Row {
    std::string record;
    bool accepted;
};

}  // namespace

TEST_CASE("guard accepts and rejects records per RFC 7208", "[spf]") {
    const Row rows[] = {
        {"v=spf1", true},
        {"v=spf1 -all", true},
        {"V=SPF1 +ALL", true},
        {"v=spf1   ip4:192.0.2.0/24   ~all  ", true},
        {"v=spf1 ip6:2001:db8::/32 -all", true},
        {"v=spf1 a mx ptr -all", true},
        {"v=spf1 a:mail.example.com/24//64 mx:example.com//64 -all", true},
        {"v=spf1 a/24 mx/24//64 ?all", true},
        {"v=spf1 include:_spf.example.com redirect=_spf.example.net", true},
        {"v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} -all", true},
        {"v=spf1 exists:%{i}.%{v}.%{h}.%{o}.%{s}.%{p}.example.com -all", true},
        {"v=spf1 -all exp=explain.%{d}", true},
        {"v=spf1 -all foo=%{l}bar%%%_%- unknown.mod-x=1", true},
        {"v=spf1 a:example.com. -all", true},
        {"v=spf1 exists:%{d2}.x.example %{", false},
        {"v=spf1 include:%{D128R.-+,/_=}", true},
        {"v=spf1 exists:%{l9999999999r-}.example.com", false},   // digit run overflows libspf2's int
        {"v=spf1 exists:%{l129}.example.com", false},
        {"v=spf1 exists:%{l0}.example.com", false},
        {"v=spf1 exists:%{l}.example.com %", false},
        {"v=spf1 exists:%{c}.example.com", false},               // c only in exp text
        {"v=spf1 exists:%{t}.example.com", false},
        {"v=spf1 exists:%{x}.example.com", false},
        {"v=spf1 exists:%{d|}.example.com", false},              // '|' is libspf2's, not RFC's
        {"v=spf1 exists:%{d}%{{}.example.com", false},
        {"v=spf1 exists:%{d.example.com", false},
        {"v=spf1 a:%x.example.com", false},
        {"v=spf1 a:example.com/33", false},
        {"v=spf1 a:example.com//129", false},
        {"v=spf1 a:example.com/024", false},
        {"v=spf1 ip4:192.0.2.300", false},
        {"v=spf1 ip4:192.0.2.0/33", false},
        {"v=spf1 ip6:2001:db8::/129", false},
        {"v=spf1 ip6:not-an-address", false},
        {"v=spf1 include:", false},
        {"v=spf1 include", false},
        {"v=spf1 exists:1.2.3.4", false},                        // top label must not be numeric
        {"v=spf1 a:foo-", false},
        {"v=spf1 all:foo", false},
        {"v=spf1 mx:example.com ptr:example.com -all bogus", false},
        {"v=spf1 redirect=a.example redirect=b.example", false},
        {"v=spf1 exp=a.example exp=b.example", false},
        {"v=spf1 -redirect=a.example", false},
        {"v=spf1 =foo", false},
        {"v=spf1 1foo=bar", false},
        {"v=spf1 a:exam\tple.com", false},
        {"v=spf1 a:ex\x01" "ample.com", false},
        {"v=spf1 a:ex\xc3\xa9mple.com", false},
        {"v=spf10 -all", false},
        {"v=spf1 " + std::string(1100, 'a'), false},
        {"v=spf1 a:" + std::string(300, 'a') + ".example", false},  // literal run over 255
    };
    for (const auto& row : rows) {
        INFO(row.record);
        const auto verdict = guard_spf_record(row.record);
        CHECK(verdict.accepted == row.accepted);
        CHECK(verdict.why.empty() == row.accepted);
    }
}

TEST_CASE("guard rejects CVE-2023-42118 shapes: terms filling libspf2's 511-byte buffer", "[spf]") {
    // Each %{d} compiles to 4 bytes and each "a%{d}" to 12: about 128 macros
    // (or 43 units with literals) reach the 511-byte term buffer, after which
    // libspf2 1.2.10 computes `avail - sizeof(SPF_data_t)` below zero.
    for (int n : {100, 120, 126, 127, 128, 130}) {
        INFO(n);
        CHECK_FALSE(guard_spf_record("v=spf1 exists:" + repeat("%{d}", n) + "aaaa.example").accepted);
        CHECK_FALSE(guard_spf_record("v=spf1 -all exp=" + repeat("%{d}", n) + "x.example").accepted);
        CHECK_FALSE(guard_spf_record("v=spf1 -all foo=" + repeat("%{d}", n) + "aaaaaaaa").accepted);
        CHECK_FALSE(guard_explanation(repeat("%{d}", n) + "aaaaaaaaaaaaaaaa").accepted);
    }
    for (int n : {40, 42, 43, 45, 60}) {
        INFO(n);
        CHECK_FALSE(guard_spf_record("v=spf1 exists:" + repeat("a%{d}", n) + ".example").accepted);
        CHECK_FALSE(guard_explanation(repeat("a%{d}", n) + "tail").accepted);
    }
    // A sane record with several macros stays accepted.
    CHECK(guard_spf_record("v=spf1 exists:" + repeat("%{d}.", 8) + "example.com -all").accepted);
    // The bound over-estimates libspf2's compiled size: never above the limit when accepted.
    const auto check = sg::spf::check_macro_string(repeat("a%{d}", 12), sg::spf::MacroContext::domain_spec);
    REQUIRE(check.ok);
    CHECK(check.compiled_bound >= 12 * (8 + 4));  // libspf2: 4+1 aligned to 8 per literal, 4 per macro
    CHECK(check.compiled_bound <= sg::spf::max_compiled_bytes);
}

TEST_CASE("guard explanation text", "[spf]") {
    CHECK(guard_explanation("See http://example.com/why?s=%{S}&i=%{I}").accepted);
    CHECK(guard_explanation("%{c} is not allowed to send for %{o} at %{t} via %{r}").accepted);
    CHECK(guard_explanation("").accepted);
    CHECK_FALSE(guard_explanation("bad %{z}").accepted);
    CHECK_FALSE(guard_explanation("x {l9999999999}").accepted);  // libspf2 reads " {" as a macro opener
    CHECK_FALSE(guard_explanation("dangling %").accepted);
    CHECK_FALSE(guard_explanation(std::string("nul\x00" "byte", 8)).accepted);
}

TEST_CASE("is_spf_record follows RFC 7208 4.5", "[spf]") {
    CHECK(is_spf_record("v=spf1"));
    CHECK(is_spf_record("v=spf1 -all"));
    CHECK(is_spf_record("V=Spf1 -all"));
    CHECK_FALSE(is_spf_record("v=spf10 -all"));
    CHECK_FALSE(is_spf_record("v=spf1-all"));
    CHECK_FALSE(is_spf_record("spf2.0/pra -all"));
    CHECK_FALSE(is_spf_record(" v=spf1"));
}

// Tests for DMARC policy discovery and evaluation: exact and organizational
// records, none, multiple records, DNS failures, subdomain policy, pct.
#include <catch2/catch.hpp>

#include "dmarc/dmarc_evaluation.hpp"
#include "dmarc/policy_discovery.hpp"
#include "dns/static_resolver.hpp"

using sg::core::AuthResult;
using sg::dmarc::discover_policy;
using sg::dmarc::DiscoveryStatus;
using sg::dmarc::evaluate_dmarc;

namespace {

using Resolver = sg::dns::StaticResolver;

const auto never = sg::dns::Deadline::never();

sg::dns::Answer no_data() {
    sg::dns::Answer answer;
    answer.status = sg::dns::Status::no_data;
    return answer;
}

std::vector<std::string> names(const Resolver& dns) {
    std::vector<std::string> asked;
    for (const auto& query : dns.queries()) asked.push_back(query.name);
    return asked;
}

sg::core::SpfOutcome spf(AuthResult result, std::string domain, std::string identity = "mailfrom") {
    sg::core::SpfOutcome outcome;
    outcome.result = result;
    outcome.domain = std::move(domain);
    outcome.identity = std::move(identity);
    return outcome;
}

sg::core::DkimOutcome dkim(std::vector<std::pair<std::string, AuthResult>> signatures) {
    sg::core::DkimOutcome outcome;
    for (auto& [domain, result] : signatures) {
        sg::core::DkimSignatureOutcome signature;
        signature.domain = domain;
        signature.result = result;
        outcome.signatures.push_back(signature);
    }
    return outcome;
}

}  // namespace

TEST_CASE("discovery finds the record at the From domain", "[dmarc]") {
    Resolver dns;
    dns.add_txt("_dmarc.example.com", "v=spf1 -all").add_txt("_dmarc.example.com", "v=DMARC1; p=reject");
    auto found = discover_policy("example.com", dns, never);
    CHECK(found.status == DiscoveryStatus::found);
    CHECK(found.record_domain == "example.com");
    CHECK(found.record.policy == sg::dmarc::Policy::reject);
    CHECK(names(dns) == std::vector<std::string>{"_dmarc.example.com"});
}

TEST_CASE("discovery falls back to the organizational domain", "[dmarc]") {
    Resolver dns;
    dns.add_txt("_dmarc.example.co.uk", "v=DMARC1; p=none; sp=reject");
    auto found = discover_policy("mail.eu.example.co.uk", dns, never);
    CHECK(found.status == DiscoveryStatus::found);
    CHECK(found.record_domain == "example.co.uk");
    CHECK(found.organizational_domain == "example.co.uk");
    CHECK(names(dns) == std::vector<std::string>{"_dmarc.mail.eu.example.co.uk", "_dmarc.example.co.uk"});
}

TEST_CASE("discovery: non-DMARC TXT at the From domain counts as no record", "[dmarc]") {
    Resolver dns;
    dns.add_txt("_dmarc.sub.example.com", "bio=a263adeab8acdcdb")
        .add_txt("_dmarc.example.com", "v=DMARC1; p=quarantine");
    auto found = discover_policy("sub.example.com", dns, never);
    CHECK(found.status == DiscoveryStatus::found);
    CHECK(found.record_domain == "example.com");
}

TEST_CASE("discovery: no record anywhere is none", "[dmarc]") {
    Resolver dns;
    dns.set("_dmarc.sub.example.net", sg::dns::RecordType::txt, no_data());
    auto found = discover_policy("sub.example.net", dns, never);
    CHECK(found.status == DiscoveryStatus::none);
    CHECK(found.reason == "no DMARC record at _dmarc.sub.example.net, nor at _dmarc.example.net");
}

TEST_CASE("discovery: several DMARC records end discovery without policy", "[dmarc]") {
    Resolver dns;
    dns.add_txt("_dmarc.sub.example.com", "v=DMARC1; p=none")
        .add_txt("_dmarc.sub.example.com", "v=DMARC1; p=reject")
        .add_txt("_dmarc.example.com", "v=DMARC1; p=reject");
    auto found = discover_policy("sub.example.com", dns, never);
    CHECK(found.status == DiscoveryStatus::none);
    CHECK(found.reason == "2 DMARC records at _dmarc.sub.example.com");
    CHECK(names(dns).size() == 1);  // RFC 7489 6.6.3: no fallback once records were found
}

TEST_CASE("discovery: an unusable record is none, no fallback", "[dmarc]") {
    Resolver dns;
    dns.add_txt("_dmarc.sub.example.com", "v=DMARC1; p=bogus").add_txt("_dmarc.example.com", "v=DMARC1; p=reject");
    auto found = discover_policy("sub.example.com", dns, never);
    CHECK(found.status == DiscoveryStatus::none);
    CHECK(found.reason == "DMARC record at _dmarc.sub.example.com unusable: invalid p= value");
}

TEST_CASE("discovery: a name DNS refuses still gets the organization's policy", "[dmarc]") {
    Resolver dns;
    dns.fail("_dmarc.very.long.example.com", sg::dns::Status::permanent, "name too long")
        .add_txt("_dmarc.example.com", "v=DMARC1; p=reject");
    auto found = discover_policy("very.long.example.com", dns, never);
    CHECK(found.status == DiscoveryStatus::found);
    CHECK(found.record_domain == "example.com");
}

TEST_CASE("discovery: temporary error keeps the organization's known policy", "[dmarc]") {
    Resolver dns;
    dns.fail("_dmarc.sub.example.com", sg::dns::Status::temporary, "timeout after 2000 ms")
        .add_txt("_dmarc.example.com", "v=DMARC1; p=reject; sp=quarantine");
    auto found = discover_policy("sub.example.com", dns, never);
    CHECK(found.status == DiscoveryStatus::temporary_error);
    CHECK(found.record_known);
    CHECK(found.record_domain == "example.com");
    CHECK(found.reason ==
          "_dmarc.sub.example.com: timeout after 2000 ms; the policy of _dmarc.example.com applies if "
          "sub.example.com publishes none");
}

TEST_CASE("discovery: temporary error at the organizational domain", "[dmarc]") {
    Resolver dns;
    dns.fail("_dmarc.example.com", sg::dns::Status::temporary, "SERVFAIL");
    auto found = discover_policy("sub.example.com", dns, never);
    CHECK(found.status == DiscoveryStatus::temporary_error);
    CHECK_FALSE(found.record_known);
    CHECK(found.reason == "_dmarc.example.com: SERVFAIL");
}

TEST_CASE("evaluation: aligned SPF pass passes", "[dmarc]") {
    Resolver dns;
    dns.add_txt("_dmarc.example.com", "v=DMARC1; p=reject");
    auto outcome = evaluate_dmarc("example.com", spf(AuthResult::pass, "bounce.example.com"), dkim({}), dns, never);
    CHECK(outcome.result == AuthResult::pass);
    CHECK(outcome.spf_aligned);
    CHECK_FALSE(outcome.dkim_aligned);
    CHECK(outcome.policy == "reject");
    CHECK(outcome.record_domain == "example.com");
    CHECK(outcome.reason == "aligned SPF pass (bounce.example.com)");
}

TEST_CASE("evaluation: strict SPF alignment needs the exact domain", "[dmarc]") {
    Resolver dns;
    dns.add_txt("_dmarc.example.com", "v=DMARC1; p=reject; aspf=s");
    auto relaxed_only =
        evaluate_dmarc("example.com", spf(AuthResult::pass, "bounce.example.com"), dkim({}), dns, never);
    CHECK(relaxed_only.result == AuthResult::fail);
    CHECK(relaxed_only.reason == "no aligned SPF or DKIM pass (SPF pass for bounce.example.com, no DKIM signature)");
    auto exact = evaluate_dmarc("example.com", spf(AuthResult::pass, "EXAMPLE.com"), dkim({}), dns, never);
    CHECK(exact.result == AuthResult::pass);
}

TEST_CASE("evaluation: SPF that did not pass never aligns", "[dmarc]") {
    Resolver dns;
    dns.add_txt("_dmarc.example.com", "v=DMARC1; p=quarantine");
    for (AuthResult result :
         {AuthResult::fail, AuthResult::softfail, AuthResult::neutral, AuthResult::none, AuthResult::permerror}) {
        auto outcome = evaluate_dmarc("example.com", spf(result, "example.com"), dkim({}), dns, never);
        CHECK(outcome.result == AuthResult::fail);
        CHECK_FALSE(outcome.spf_aligned);
    }
}

TEST_CASE("evaluation: the null sender's HELO identity aligns", "[dmarc]") {
    Resolver dns;
    dns.add_txt("_dmarc.example.com", "v=DMARC1; p=reject");
    auto outcome =
        evaluate_dmarc("example.com", spf(AuthResult::pass, "mx1.example.com", "helo"), dkim({}), dns, never);
    CHECK(outcome.result == AuthResult::pass);
    CHECK(outcome.spf_aligned);
}

TEST_CASE("evaluation: DKIM relaxed and strict alignment", "[dmarc]") {
    Resolver dns;
    dns.add_txt("_dmarc.example.com", "v=DMARC1; p=reject")
        .add_txt("_dmarc.strict.example", "v=DMARC1; p=reject; adkim=s");
    auto relaxed = evaluate_dmarc("example.com", spf(AuthResult::none, ""),
                                  dkim({{"mail.example.com", AuthResult::pass}}), dns, never);
    CHECK(relaxed.result == AuthResult::pass);
    CHECK(relaxed.dkim_aligned);
    CHECK(relaxed.reason == "aligned DKIM pass (d=mail.example.com)");
    auto strict = evaluate_dmarc("strict.example", spf(AuthResult::none, ""),
                                 dkim({{"mail.strict.example", AuthResult::pass}}), dns, never);
    CHECK(strict.result == AuthResult::fail);
    auto strict_exact = evaluate_dmarc("strict.example", spf(AuthResult::none, ""),
                                       dkim({{"strict.example", AuthResult::pass}}), dns, never);
    CHECK(strict_exact.result == AuthResult::pass);
}

TEST_CASE("evaluation: a failing aligned signature does not count, a passing unaligned one neither", "[dmarc]") {
    Resolver dns;
    dns.add_txt("_dmarc.example.com", "v=DMARC1; p=reject");
    auto outcome =
        evaluate_dmarc("example.com", spf(AuthResult::pass, "esp.example"),
                       dkim({{"example.com", AuthResult::fail}, {"esp.example", AuthResult::pass}}), dns, never);
    CHECK(outcome.result == AuthResult::fail);
    CHECK(outcome.reason == "no aligned SPF or DKIM pass (SPF pass for esp.example, DKIM pass for d=esp.example)");
}

TEST_CASE("forwarded mail: an aligned DKIM signature survives the forwarder's SPF", "[dmarc]") {
    // A mailing list or forwarder re-sends with its own MAIL FROM (SPF fails or is
    // for the forwarder's domain) but leaves the author's DKIM signature intact.
    Resolver dns;
    dns.add_txt("_dmarc.example.com", "v=DMARC1; p=reject; aspf=s; adkim=s");
    auto via_srs = evaluate_dmarc("example.com", spf(AuthResult::pass, "forwarder.example"),
                                  dkim({{"example.com", AuthResult::pass}}), dns, never);
    CHECK(via_srs.result == AuthResult::pass);
    CHECK(via_srs.dkim_aligned);
    CHECK_FALSE(via_srs.spf_aligned);
    auto spf_broken =
        evaluate_dmarc("example.com", spf(AuthResult::fail, "example.com"),
                       dkim({{"lists.example.org", AuthResult::pass}, {"example.com", AuthResult::pass}}), dns, never);
    CHECK(spf_broken.result == AuthResult::pass);
    auto body_modified =
        evaluate_dmarc("example.com", spf(AuthResult::pass, "lists.example.org"),
                       dkim({{"example.com", AuthResult::fail}, {"lists.example.org", AuthResult::pass}}), dns, never);
    CHECK(body_modified.result == AuthResult::fail);
}

TEST_CASE("evaluation: sp= applies to subdomains found through the organization", "[dmarc]") {
    Resolver dns;
    dns.add_txt("_dmarc.example.com", "v=DMARC1; p=none; sp=reject; pct=50");
    auto sub = evaluate_dmarc("sub.example.com", spf(AuthResult::fail, "sub.example.com"), dkim({}), dns, never);
    CHECK(sub.result == AuthResult::fail);
    CHECK(sub.policy == "reject");
    CHECK(sub.subdomain_policy == "reject");
    CHECK(sub.percent == 50);
    CHECK(sub.record_domain == "example.com");
    auto top = evaluate_dmarc("example.com", spf(AuthResult::fail, "example.com"), dkim({}), dns, never);
    CHECK(top.policy == "none");
}

TEST_CASE("evaluation: a subdomain's own record uses its p=", "[dmarc]") {
    Resolver dns;
    dns.add_txt("_dmarc.sub.example.com", "v=DMARC1; p=quarantine; sp=reject");
    auto outcome = evaluate_dmarc("sub.example.com", spf(AuthResult::fail, "x.example"), dkim({}), dns, never);
    CHECK(outcome.policy == "quarantine");
}

TEST_CASE("evaluation: no record is none without alignment work", "[dmarc]") {
    Resolver dns;
    auto outcome = evaluate_dmarc("example.net", spf(AuthResult::pass, "example.net"), dkim({}), dns, never);
    CHECK(outcome.result == AuthResult::none);
    CHECK(outcome.policy.empty());
    CHECK(outcome.reason == "no DMARC record at _dmarc.example.net");
}

TEST_CASE("evaluation: no single From domain is none", "[dmarc]") {
    Resolver dns;
    auto outcome = evaluate_dmarc("", spf(AuthResult::pass, "example.net"), dkim({}), dns, never);
    CHECK(outcome.result == AuthResult::none);
    CHECK(outcome.reason == "no single From domain");
    CHECK(names(dns).empty());
    CHECK(evaluate_dmarc("bad domain", {}, {}, dns, never).result == AuthResult::none);
}

TEST_CASE("evaluation: DNS temperror keeps the known policy", "[dmarc]") {
    Resolver dns;
    dns.fail("_dmarc.sub.example.com", sg::dns::Status::temporary, "timeout")
        .add_txt("_dmarc.example.com", "v=DMARC1; p=reject; pct=100");
    auto outcome = evaluate_dmarc("sub.example.com", spf(AuthResult::fail, "sub.example.com"), dkim({}), dns, never);
    CHECK(outcome.result == AuthResult::temperror);
    CHECK(outcome.policy == "reject");
    CHECK(outcome.record_domain == "example.com");
    CHECK_FALSE(outcome.reason.empty());

    Resolver down;
    down.fail("_dmarc.example.com", sg::dns::Status::temporary, "timeout");
    auto unknown = evaluate_dmarc("example.com", spf(AuthResult::pass, "example.com"), dkim({}), down, never);
    CHECK(unknown.result == AuthResult::temperror);
    CHECK(unknown.policy.empty());
    CHECK(unknown.reason == "_dmarc.example.com: timeout");
}

TEST_CASE("evaluation: an aligned identifier in temperror makes DMARC temperror", "[dmarc]") {
    Resolver dns;
    dns.add_txt("_dmarc.example.com", "v=DMARC1; p=reject");
    auto spf_down = evaluate_dmarc("example.com", spf(AuthResult::temperror, "example.com"), dkim({}), dns, never);
    CHECK(spf_down.result == AuthResult::temperror);
    CHECK(spf_down.policy == "reject");
    CHECK(spf_down.reason == "no aligned pass, and SPF for example.com could not be checked (temperror)");
    auto key_down = evaluate_dmarc("example.com", spf(AuthResult::fail, "example.com"),
                                   dkim({{"example.com", AuthResult::temperror}}), dns, never);
    CHECK(key_down.result == AuthResult::temperror);
    // An unaligned temperror cannot change the outcome: still fail.
    auto unrelated = evaluate_dmarc("example.com", spf(AuthResult::temperror, "other.example"), dkim({}), dns, never);
    CHECK(unrelated.result == AuthResult::fail);
    // And a pass elsewhere decides whatever is pending.
    auto decided = evaluate_dmarc("example.com", spf(AuthResult::temperror, "example.com"),
                                  dkim({{"example.com", AuthResult::pass}}), dns, never);
    CHECK(decided.result == AuthResult::pass);
}

TEST_CASE("evaluation: record notes reach the reason", "[dmarc]") {
    Resolver dns;
    dns.add_txt("_dmarc.example.com", "v=DMARC1; p=reject; pct=500");
    auto outcome = evaluate_dmarc("example.com", spf(AuthResult::fail, "example.com"), dkim({}), dns, never);
    CHECK(outcome.result == AuthResult::fail);
    CHECK(outcome.percent == 100);
    CHECK(outcome.reason ==
          "no aligned SPF or DKIM pass (SPF fail for example.com, no DKIM signature) [record: pct=500 invalid, 100 "
          "used]");
}

TEST_CASE("evaluation: IDN From domains are looked up as A-labels", "[dmarc]") {
    Resolver dns;
    dns.add_txt("_dmarc.xn--bcher-kva.example", "v=DMARC1; p=reject");
    auto outcome =
        evaluate_dmarc("bücher.example", spf(AuthResult::pass, "xn--bcher-kva.example"), dkim({}), dns, never);
    CHECK(outcome.result == AuthResult::pass);
    CHECK(outcome.from_domain == "xn--bcher-kva.example");
}

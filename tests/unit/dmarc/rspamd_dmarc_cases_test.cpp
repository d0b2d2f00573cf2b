// rspamd's functional DMARC cases (corpus rspamd-functional): the _dmarc records of
// its fake DNS, the From domains of its messages, and the SPF/DKIM results its
// robot cases imply; we assert the DMARC result and the policy that applies.
// rspamd downgrades the policy by pct= (pct=0: reject -> quarantine -> none);
// senderguard reports the published policy and pct as evidence instead.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "dmarc/dmarc_evaluation.hpp"
#include "dns/static_resolver.hpp"

using sg::core::AuthResult;

namespace {

std::filesystem::path corpus_dir() {
    const char* override_dir = std::getenv("SENDERGUARD_CORPUS");
    return override_dir ? std::filesystem::path(override_dir)
                        : std::filesystem::path(SENDERGUARD_SOURCE_DIR) / ".." / "shared" / "corpus";
}

// The _dmarc names of rspamd's fake DNS (the first definition of a name wins).
void load_dmarc_records(sg::dns::StaticResolver& dns, const nlohmann::json& records) {
    std::set<std::string> seen;
    for (const auto& record : records) {
        std::string name = record.value("name", "");
        if (name.rfind("_dmarc.", 0) != 0 || record.value("type", "") != "txt" || !seen.insert(name).second) continue;
        std::string rcode = record.value("rcode", "");
        sg::dns::Answer answer;
        if (rcode == "timeout") {
            dns.timeout(name);
        } else if (rcode == "nxdomain" || rcode == "norec") {
            answer.status = rcode == "norec" ? sg::dns::Status::no_data : sg::dns::Status::nx_domain;
            dns.set(name, sg::dns::RecordType::txt, answer);
        } else {
            for (const auto& text : record.at("replies")) dns.add_txt(name, text.get<std::string>());
        }
    }
}

}  // namespace

TEST_CASE("rspamd functional DMARC cases", "[dmarc]") {
    std::ifstream in(corpus_dir() / "rspamd-functional" / "fake-dns-records.json");
    if (!in) {
        WARN("SKIPPED: rspamd-functional corpus not found under " << corpus_dir().string());
        return;
    }
    sg::dns::StaticResolver dns;
    load_dmarc_records(dns, nlohmann::json::parse(in));

    struct Case {
        const char* name;         // rspamd robot case
        const char* from_domain;  // the message's From
        AuthResult spf;
        const char* spf_domain;
        const char* dkim_domain;  // a passing signature, or ""
        AuthResult want;
        const char* policy;
    };
    const Case cases[] = {
        {"DMARC NONE FAIL", "cacophony.za.org", AuthResult::fail, "example.net", "", AuthResult::fail, "none"},
        {"DMARC REJECT FAIL", "reject.cacophony.za.org", AuthResult::fail, "example.net", "", AuthResult::fail,
         "reject"},
        {"DMARC QUARANTINE FAIL", "quarantine.cacophony.za.org", AuthResult::fail, "example.net", "", AuthResult::fail,
         "quarantine"},
        {"DMARC SP NONE FAIL", "foo.yoni.za.org", AuthResult::none, "", "", AuthResult::fail, "none"},
        {"DMARC SP REJECT FAIL", "foo.cacophony.za.org", AuthResult::none, "", "", AuthResult::fail, "reject"},
        {"DMARC SP QUARANTINE FAIL", "foo.yoni.za.net", AuthResult::none, "", "", AuthResult::fail, "quarantine"},
        {"DMARC SUBDOMAIN FAIL DKIM STRICT ALIGNMENT", "yo.mom.za.org", AuthResult::none, "", "mom.za.org",
         AuthResult::fail, "reject"},
        {"DMARC SUBDOMAIN PASS DKIM RELAXED ALIGNMENT", "my.mom.za.org", AuthResult::none, "", "mom.za.org",
         AuthResult::pass, "reject"},
        {"DMARC SUBDOMAIN PASS SPF STRICT ALIGNMENT", "yo.mom.za.org", AuthResult::pass, "yo.mom.za.org", "mom.za.org",
         AuthResult::pass, "reject"},
        {"DMARC SUBDOMAIN FAIL SPF STRICT ALIGNMENT", "yo.mom.za.org", AuthResult::pass, "mom.za.org", "mom.za.org",
         AuthResult::fail, "reject"},
        {"DMARC SUBDOMAIN PASS SPF RELAXED ALIGNMENT", "my.mom.za.org", AuthResult::pass, "mom.za.org", "",
         AuthResult::pass, "reject"},
        {"DMARC DNSFAIL", "dnssec-failed.org", AuthResult::pass, "mom.za.org", "", AuthResult::temperror, ""},
        {"DMARC NA NXDOMAIN", "example.com", AuthResult::pass, "mom.za.org", "", AuthResult::none, ""},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        sg::core::SpfOutcome spf;
        spf.result = c.spf;
        spf.domain = c.spf_domain;
        sg::core::DkimOutcome dkim;
        if (*c.dkim_domain) {
            dkim.signatures.push_back({});
            dkim.signatures[0].result = AuthResult::pass;
            dkim.signatures[0].domain = c.dkim_domain;
        }
        auto outcome = sg::dmarc::evaluate_dmarc(c.from_domain, spf, dkim, dns, sg::dns::Deadline::never());
        CHECK(outcome.result == c.want);
        CHECK(outcome.policy == c.policy);
    }
}

TEST_CASE("rspamd pct=0 records keep the published policy with pct as evidence", "[dmarc]") {
    sg::dns::StaticResolver dns;
    dns.add_txt("_dmarc.zero-pct.example", "v=DMARC1; p=reject; sp=quarantine; pct=0");
    auto top = sg::dmarc::evaluate_dmarc("zero-pct.example", {}, {}, dns, sg::dns::Deadline::never());
    CHECK(top.result == AuthResult::fail);
    CHECK(top.policy == "reject");
    CHECK(top.percent == 0);
    auto sub = sg::dmarc::evaluate_dmarc("subdomain.zero-pct.example", {}, {}, dns, sg::dns::Deadline::never());
    CHECK(sub.policy == "quarantine");
    CHECK(sub.percent == 0);
}

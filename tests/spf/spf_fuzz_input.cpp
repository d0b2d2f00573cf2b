// spf_fuzz_input - guard, then the full SPF path, for one input.
#include "spf_fuzz_input.hpp"

#include "dns/static_resolver.hpp"
#include "spf/spf_record_guard.hpp"
#include "spf/spf_verifier.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace sg::spf::testing {

namespace {

void check_outcome(const core::SpfOutcome& outcome) {
    switch (outcome.result) {
        case core::AuthResult::none: case core::AuthResult::pass: case core::AuthResult::fail:
        case core::AuthResult::softfail: case core::AuthResult::neutral: case core::AuthResult::temperror:
        case core::AuthResult::permerror:
            return;
        default:
            std::fprintf(stderr, "invalid SPF result\n");
            std::abort();
    }
}

dns::StaticResolver base_zone() {
    dns::StaticResolver resolver;
    resolver.add_a("fuzz.example", "192.0.2.1")
        .add_mx("fuzz.example", 10, "mx.fuzz.example")
        .add_a("mx.fuzz.example", "192.0.2.2")
        .add_aaaa("mx.fuzz.example", "2001:db8::2")
        .add_ptr("7.2.0.192.in-addr.arpa", "host.fuzz.example")
        .add_a("host.fuzz.example", "192.0.2.7")
        .add_txt("loop.fuzz.example", "v=spf1 include:loop.fuzz.example -all")
        .timeout("slow.fuzz.example");
    return resolver;
}

void evaluate(dns::StaticResolver& resolver) {
    SpfSettings settings;
    settings.receiver = "mx.receiver.example";
    const SpfVerifier verifier(resolver, settings);
    const auto deadline = dns::Deadline::after(std::chrono::seconds(5));
    check_outcome(verifier.check("192.0.2.7", "helo.fuzz.example", "user+x@fuzz.example", deadline));
    check_outcome(verifier.check("2001:db8::7", "fuzz.example", "", deadline));
    check_outcome(verifier.check("198.51.100.9", "helo.fuzz.example", "a.b-c@inc.fuzz.example", deadline));
}

}  // namespace

void run_fuzz_input(std::string_view input, FuzzCounts& counts) {
    ++counts.inputs;
    const std::string text(input);
    const GuardVerdict record = guard_spf_record(text);
    if (record.accepted != (record.why.empty())) std::abort();
    if (record.accepted) {
        ++counts.records_accepted;
        dns::StaticResolver resolver = base_zone();
        resolver.add_txt("fuzz.example", text).add_txt("inc.fuzz.example", "v=spf1 include:fuzz.example ~all");
        evaluate(resolver);
    }
    const GuardVerdict explanation = guard_explanation(text);
    if (explanation.accepted) {
        ++counts.explanations_accepted;
        dns::StaticResolver resolver = base_zone();
        resolver.add_txt("fuzz.example", "v=spf1 exp=exp.fuzz.example -all")
            .add_txt("inc.fuzz.example", "v=spf1 exp=exp.%{d} ?all")
            .add_txt("exp.fuzz.example", text)
            .add_txt("exp.inc.fuzz.example", text);
        evaluate(resolver);
    } else if (!record.accepted && !text.empty()) {
        // Rejected everywhere: still must be harmless as an unguarded non-SPF
        // TXT string next to a good record.
        dns::StaticResolver resolver = base_zone();
        resolver.add_txt("fuzz.example", "v=spf1 mx -all").add_txt("fuzz.example", text);
        evaluate(resolver);
    }
}

}  // namespace sg::spf::testing

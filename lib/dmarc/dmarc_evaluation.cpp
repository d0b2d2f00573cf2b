// dmarc_evaluation - discovery plus alignment into a core::DmarcOutcome.
#include "dmarc/dmarc_evaluation.hpp"

#include "dmarc/alignment.hpp"
#include "dmarc/policy_discovery.hpp"
#include "mail/domain_name.hpp"

namespace sg::dmarc {
namespace {

// p=, or sp= when the record came from the organizational domain of a subdomain.
void copy_policy(core::DmarcOutcome& outcome, const Discovery& discovery) {
    const DmarcRecord& record = discovery.record;
    outcome.record_domain = discovery.record_domain;
    outcome.subdomain_policy = record.subdomain_policy ? std::string(to_string(*record.subdomain_policy)) : "";
    bool subdomain = discovery.record_domain != outcome.from_domain;
    Policy applied = subdomain && record.subdomain_policy ? *record.subdomain_policy : record.policy;
    outcome.policy = std::string(to_string(applied));
    outcome.percent = record.percent;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : ",") + item;
    return out;
}

std::string unaligned_summary(const core::SpfOutcome& spf, const core::DkimOutcome& dkim) {
    std::string spf_part = "SPF " + std::string(core::to_string(spf.result));
    if (!spf.domain.empty()) spf_part += " for " + spf.domain;
    std::vector<std::string> passing;
    for (const core::DkimSignatureOutcome& signature : dkim.signatures)
        if (signature.result == core::AuthResult::pass) passing.push_back(signature.domain);
    std::string dkim_part = dkim.signatures.empty() ? "no DKIM signature"
                            : passing.empty()       ? "no DKIM signature passed"
                                                    : "DKIM pass for d=" + join(passing);
    return "no aligned SPF or DKIM pass (" + spf_part + ", " + dkim_part + ")";
}

std::string record_notes(const DmarcRecord& record) {
    std::string notes;
    for (const std::string& problem : record.problems) notes += (notes.empty() ? "" : "; ") + problem;
    return notes.empty() ? "" : " [record: " + notes + "]";
}

}  // namespace

core::DmarcOutcome evaluate_dmarc(const std::string& from_domain, const core::SpfOutcome& spf,
                                  const core::DkimOutcome& dkim, dns::Resolver& resolver, const dns::Deadline& deadline,
                                  const SuffixList& suffixes) {
    core::DmarcOutcome outcome;
    outcome.from_domain = from_domain;
    if (from_domain.empty()) {
        outcome.reason = "no single From domain";
        return outcome;
    }
    std::optional<std::string> canonical = mail::canonical_domain(from_domain);
    if (!canonical || canonical->empty()) {
        outcome.reason = "From domain is not a valid domain name";
        return outcome;
    }
    outcome.from_domain = *canonical;
    Discovery discovery = discover_policy(outcome.from_domain, resolver, deadline, suffixes);
    if (discovery.record_known) copy_policy(outcome, discovery);
    if (discovery.status == DiscoveryStatus::none) {
        outcome.reason = discovery.reason;
        return outcome;
    }
    if (discovery.status == DiscoveryStatus::temporary_error) {
        outcome.result = core::AuthResult::temperror;
        outcome.reason = discovery.reason;
        return outcome;
    }
    const DmarcRecord& record = discovery.record;
    Alignment alignment =
        check_alignment(outcome.from_domain, spf, dkim, record.spf_alignment, record.dkim_alignment, suffixes);
    outcome.spf_aligned = alignment.spf_aligned;
    outcome.dkim_aligned = alignment.dkim_aligned;
    if (alignment.pass()) {
        outcome.result = core::AuthResult::pass;
        outcome.reason = alignment.dkim_aligned ? "aligned DKIM pass (d=" + join(alignment.aligned_dkim_domains) + ")"
                                                : "aligned SPF pass (" + spf.domain + ")";
    } else if (alignment.undecided()) {
        outcome.result = core::AuthResult::temperror;
        outcome.reason = std::string("no aligned pass, and ") +
                         (alignment.spf_temperror ? "SPF for " + spf.domain : std::string("an aligned DKIM key")) +
                         " could not be checked (temperror)";
    } else {
        outcome.result = core::AuthResult::fail;
        outcome.reason = unaligned_summary(spf, dkim);
    }
    outcome.reason += record_notes(record);
    return outcome;
}

}  // namespace sg::dmarc

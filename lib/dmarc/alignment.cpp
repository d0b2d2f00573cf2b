// alignment - strict and relaxed domain comparison for SPF and DKIM identifiers.
#include "dmarc/alignment.hpp"

#include "mail/domain_name.hpp"

namespace sg::dmarc {

bool domains_aligned(std::string_view from_domain, std::string_view other, AlignmentMode mode,
                     const SuffixList& suffixes) {
    std::optional<std::string> from = mail::canonical_domain(from_domain);
    std::optional<std::string> candidate = mail::canonical_domain(other);
    if (!from || !candidate || from->empty() || candidate->empty()) return false;
    if (*from == *candidate) return true;
    if (mode == AlignmentMode::strict) return false;
    return suffixes.organizational_domain(*from) == suffixes.organizational_domain(*candidate);
}

Alignment check_alignment(std::string_view from_domain, const core::SpfOutcome& spf, const core::DkimOutcome& dkim,
                          AlignmentMode spf_mode, AlignmentMode dkim_mode, const SuffixList& suffixes) {
    Alignment alignment;
    // SpfOutcome.domain is the MAIL FROM domain, or the HELO name for the null
    // sender: the identity RFC 7208 section 2.4 checks in its place.
    if (domains_aligned(from_domain, spf.domain, spf_mode, suffixes)) {
        alignment.spf_aligned = spf.result == core::AuthResult::pass;
        alignment.spf_temperror = spf.result == core::AuthResult::temperror;
    }
    for (const core::DkimSignatureOutcome& signature : dkim.signatures) {
        if (!domains_aligned(from_domain, signature.domain, dkim_mode, suffixes)) continue;
        if (signature.result == core::AuthResult::pass) {
            alignment.dkim_aligned = true;
            alignment.aligned_dkim_domains.push_back(signature.domain);
        } else if (signature.result == core::AuthResult::temperror) {
            alignment.dkim_temperror = true;
        }
    }
    return alignment;
}

}  // namespace sg::dmarc

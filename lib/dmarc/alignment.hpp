// alignment - RFC 7489 section 3.1 identifier alignment: an SPF-authenticated
// MAIL FROM (or HELO, for the null sender) domain or a passing DKIM d= aligns with
// the header From domain exactly (strict) or by organizational domain (relaxed).
// Only results that passed count; a temperror on an identifier that would align is
// reported separately, because DMARC then cannot tell pass from fail.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/authentication.hpp"
#include "dmarc/dmarc_record.hpp"
#include "dmarc/suffix_list.hpp"

namespace sg::dmarc {

// Both domains are canonicalised (case, trailing dot, IDN); a malformed one never aligns.
bool domains_aligned(std::string_view from_domain, std::string_view other, AlignmentMode mode,
                     const SuffixList& suffixes = SuffixList::system());

struct Alignment {
    bool spf_aligned = false;                       // SPF pass, domain aligned
    bool dkim_aligned = false;                      // some DKIM pass with d= aligned
    bool spf_temperror = false;                     // SPF temperror for an aligned domain
    bool dkim_temperror = false;                    // DKIM temperror for an aligned d=
    std::vector<std::string> aligned_dkim_domains;  // d= of the aligned passing signatures

    bool pass() const { return spf_aligned || dkim_aligned; }
    bool undecided() const { return !pass() && (spf_temperror || dkim_temperror); }
};

Alignment check_alignment(std::string_view from_domain, const core::SpfOutcome& spf, const core::DkimOutcome& dkim,
                          AlignmentMode spf_mode, AlignmentMode dkim_mode,
                          const SuffixList& suffixes = SuffixList::system());

}  // namespace sg::dmarc

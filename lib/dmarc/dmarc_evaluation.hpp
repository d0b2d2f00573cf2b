// dmarc_evaluation - the DMARC result for one message (RFC 7489 section 6.6):
// policy discovery for the header From domain, then identifier alignment of the
// SPF and DKIM results already computed. pass when an aligned SPF pass or an
// aligned DKIM pass exists (so a forwarded or mailing-list message whose author
// DKIM signature survived passes whatever SPF says); fail otherwise; none without
// a usable record; temperror when DNS failed or when the only identifiers that
// could align ended in temperror - with the published policy kept when it is known.
#pragma once

#include <string>

#include "core/authentication.hpp"
#include "dmarc/suffix_list.hpp"
#include "dns/resolver.hpp"

namespace sg::dmarc {

// `from_domain`: the single header From domain; empty when the message has none
// or several (RFC 7489 section 6.6.1), which yields result none.
core::DmarcOutcome evaluate_dmarc(const std::string& from_domain, const core::SpfOutcome& spf,
                                  const core::DkimOutcome& dkim, dns::Resolver& resolver, const dns::Deadline& deadline,
                                  const SuffixList& suffixes = SuffixList::system());

}  // namespace sg::dmarc

// policy_discovery - finds the DMARC record for a From domain (RFC 7489 section
// 6.6.3): _dmarc.<From domain>, and when that holds no DMARC record, _dmarc.<its
// organizational domain>. TXT strings that do not start with v=DMARC1 are dropped
// first; several DMARC records, or one without a usable policy, end discovery with
// no policy. A temporary DNS error is a temperror, never "no record"; the
// organizational record is still looked up then, so the evidence keeps the policy
// that would apply.
#pragma once

#include <string>
#include <string_view>

#include "dmarc/dmarc_record.hpp"
#include "dmarc/suffix_list.hpp"
#include "dns/resolver.hpp"

namespace sg::dmarc {

enum class DiscoveryStatus { found, none, temporary_error };

struct Discovery {
    DiscoveryStatus status = DiscoveryStatus::none;
    DmarcRecord record;         // the record used (found), or known (temporary_error)
    bool record_known = false;  // `record` holds a usable record
    std::string record_domain;  // the record's domain, without "_dmarc."
    std::string organizational_domain;
    std::string reason;  // why none / temporary_error
};

Discovery discover_policy(std::string_view from_domain, dns::Resolver& resolver, const dns::Deadline& deadline,
                          const SuffixList& suffixes = SuffixList::system());

}  // namespace sg::dmarc

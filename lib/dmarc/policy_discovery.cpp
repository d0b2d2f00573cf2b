// policy_discovery - _dmarc lookups at the From domain and its organizational domain.
#include "dmarc/policy_discovery.hpp"

#include <vector>

namespace sg::dmarc {
namespace {

enum class Lookup { one_record, no_record, several_records, temporary };

struct LookupResult {
    Lookup kind = Lookup::no_record;
    std::string record;  // the one DMARC record
    std::string reason;
};

LookupResult look_up(const std::string& domain, dns::Resolver& resolver, const dns::Deadline& deadline) {
    const std::string name = "_dmarc." + domain;
    dns::Answer answer = resolver.query(name, dns::RecordType::txt, deadline);
    switch (answer.status) {
        case dns::Status::temporary:
            return {Lookup::temporary, "",
                    name + ": " + (answer.reason.empty() ? "temporary DNS error" : answer.reason)};
        case dns::Status::no_data:
        case dns::Status::nx_domain: return {Lookup::no_record, "", "no DMARC record at " + name};
        // A name the resolver refuses (e.g. too long once "_dmarc." is added) holds
        // no record; the organizational domain is still asked, so a long subdomain
        // cannot escape the organization's policy.
        case dns::Status::permanent:
            return {Lookup::no_record, "",
                    name + ": " + (answer.reason.empty() ? "permanent DNS error" : answer.reason)};
        case dns::Status::ok: break;
    }
    std::vector<std::string> records;
    for (const std::string& txt : answer.records)
        if (is_dmarc_record(txt)) records.push_back(txt);
    if (records.empty()) return {Lookup::no_record, "", "no DMARC record at " + name};
    if (records.size() > 1)
        return {Lookup::several_records, "", std::to_string(records.size()) + " DMARC records at " + name};
    return {Lookup::one_record, records.front(), ""};
}

// Fills `discovery` from a lookup that returned one record.
void use_record(Discovery& discovery, const std::string& domain, const std::string& txt) {
    DmarcRecord record = parse_dmarc_record(txt);
    discovery.record_domain = domain;
    if (!record.usable()) {
        discovery.status = DiscoveryStatus::none;
        discovery.reason = "DMARC record at _dmarc." + domain + " unusable: " + record.reason;
        return;
    }
    discovery.status = DiscoveryStatus::found;
    discovery.record = std::move(record);
    discovery.record_known = true;
}

}  // namespace

Discovery discover_policy(std::string_view from_domain, dns::Resolver& resolver, const dns::Deadline& deadline,
                          const SuffixList& suffixes) {
    Discovery discovery;
    const std::string domain(from_domain);
    discovery.organizational_domain = suffixes.organizational_domain(domain);
    LookupResult exact = look_up(domain, resolver, deadline);
    if (exact.kind == Lookup::one_record) {
        use_record(discovery, domain, exact.record);
        return discovery;
    }
    if (exact.kind == Lookup::several_records) {
        discovery.reason = exact.reason;
        return discovery;
    }
    const std::string& organization = discovery.organizational_domain;
    LookupResult fallback;
    if (organization != domain) fallback = look_up(organization, resolver, deadline);
    if (exact.kind == Lookup::temporary) {
        discovery.status = DiscoveryStatus::temporary_error;
        discovery.reason = exact.reason;
        if (fallback.kind == Lookup::one_record) {
            DmarcRecord known = parse_dmarc_record(fallback.record);
            if (known.usable()) {
                discovery.record = std::move(known);
                discovery.record_known = true;
                discovery.record_domain = organization;
                discovery.reason +=
                    "; the policy of _dmarc." + organization + " applies if " + domain + " publishes none";
            }
        }
        return discovery;
    }
    if (organization == domain) {
        discovery.reason = exact.reason;
        return discovery;
    }
    switch (fallback.kind) {
        case Lookup::one_record: use_record(discovery, organization, fallback.record); break;
        case Lookup::temporary:
            discovery.status = DiscoveryStatus::temporary_error;
            discovery.reason = fallback.reason;
            break;
        case Lookup::several_records: discovery.reason = fallback.reason; break;
        case Lookup::no_record: discovery.reason = exact.reason + ", nor at _dmarc." + organization; break;
    }
    return discovery;
}

}  // namespace sg::dmarc

// finding_catalog - the list of finding ids and documented variants.
#include "core/finding_catalog.hpp"

#include <array>

namespace sg::core {
namespace {

constexpr std::array<FindingInfo, 13> catalog{{
    {"identity.envelope_not_owned", "authenticated login does not own the MAIL FROM address"},
    {"identity.from_not_owned", "authenticated login does not own a header From address"},
    {"identity.from_not_owned.on_behalf",
     "as above, but the Sender header is owned by the login (RFC 5322 'on behalf of')"},
    {"identity.sender_not_owned", "authenticated login does not own the Sender address"},
    {"identity.display_name_address", "From display name carries an address other than the From address"},
    {"identity.display_name_address.internal",
     "as above, and the address in the display name is at one of our own domains"},
    {"identity.display_name_address.annotated",
     "as above, but the address is one of several words, as notification services write it"},
    {"identity.display_name_impersonation", "display name matches a protected person, address is not theirs"},
    {"header.from_missing", "the message has no From header"},
    {"header.from_multiple", "the message has more than one From header"},
    {"header.from_multiple.mailboxes", "one From header lists several mailboxes"},
    {"header.from_unparsable", "the From header cannot be parsed"},
    {"header.from_unparsable.repaired", "the From header is broken but a best-effort parse found the address"},
}};

}  // namespace

std::span<const FindingInfo> finding_catalog() { return catalog; }

bool is_known_weight_key(std::string_view key) {
    for (const FindingInfo& info : catalog)
        if (info.id == key) return true;
    return false;
}

}  // namespace sg::core

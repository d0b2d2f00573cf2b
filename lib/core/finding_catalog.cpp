// finding_catalog - the list of finding ids and documented variants.
#include "core/finding_catalog.hpp"

#include <array>

namespace sg::core {
namespace {

constexpr std::array<FindingInfo, 30> catalog{{
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
    {"header.from_envelope_misaligned", "header From organizational domain differs from the MAIL FROM one"},
    {"header.from_envelope_misaligned.authenticated",
     "as above, but DMARC passed through an aligned DKIM signature (only the bounce domain is foreign)"},
    {"header.reply_to_diverges", "Reply-To points to another organizational domain than From"},
    {"header.reply_to_diverges.mailing_list", "as above, from a mailing list whose Reply-To is the list"},
    {"header.reply_to_diverges.ticket_system", "as above, Reply-To in the organization of the Sender (a helpdesk)"},
    {"header.reply_to_diverges.contact_form",
     "as above, a single Reply-To on authenticated From mail (a web form; Reply-To is the visitor)"},
    {"spf.fail", "SPF fail for MAIL FROM (HELO for the null sender)"},
    {"spf.softfail", "SPF softfail for MAIL FROM (HELO for the null sender)"},
    {"spf.temperror", "SPF could not be evaluated: DNS timeout or server failure"},
    {"spf.permerror", "the SPF record is broken, over the lookup limits, or refused by the record guard"},
    {"dkim.fail", "a DKIM signature is present and does not verify (bad signature or body hash)"},
    {"dkim.fail.permerror", "a DKIM signature is broken, or its key is missing, revoked or too small"},
    {"dkim.fail.policy", "a DKIM signature verified but local policy refuses it (rsa-sha1, RFC 8301)"},
    {"dmarc.fail", "neither an SPF pass nor a DKIM pass aligns with the From domain (published p=quarantine)"},
    {"dmarc.fail.policy_reject", "as above, and the domain publishes p=reject at pct=100"},
    {"dmarc.fail.policy_none", "as above, and the domain publishes p=none (monitoring only)"},
    {"auth.forged_results", "an incoming Authentication-Results header claims our authserv-id"},
}};

}  // namespace

std::span<const FindingInfo> finding_catalog() { return catalog; }

bool is_known_weight_key(std::string_view key) {
    for (const FindingInfo& info : catalog)
        if (info.id == key) return true;
    return false;
}

}  // namespace sg::core

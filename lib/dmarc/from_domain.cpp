// from_domain - the single header From domain, or none.
#include "dmarc/from_domain.hpp"

namespace sg::dmarc {

std::string dmarc_from_domain(const mail::HeaderAddresses& from) {
    if (from.addresses.status == mail::ParseStatus::unparsable) return "";
    std::string domain;
    for (const mail::Mailbox& mailbox : from.addresses.mailboxes) {
        if (mailbox.domain.empty()) return "";
        if (!domain.empty() && mailbox.domain != domain) return "";
        domain = mailbox.domain;
    }
    return domain;
}

}  // namespace sg::dmarc

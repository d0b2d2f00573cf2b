// from_domain - the RFC5322.From domain DMARC evaluates (RFC 7489 section 6.6.1):
// the one domain of the From mailboxes. Several From headers or mailboxes are
// accepted only when they all share that domain; otherwise, or when the From
// cannot be read, there is no From domain and DMARC is not applied (result none) -
// header.from_multiple / header.from_unparsable report the message instead.
#pragma once

#include <string>

#include "mail/message_identities.hpp"

namespace sg::dmarc {

// Canonical domain, or "" when there is no single From domain.
std::string dmarc_from_domain(const mail::HeaderAddresses& from);

}  // namespace sg::dmarc

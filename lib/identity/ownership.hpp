// ownership - does an authenticated login own an address? A login owns its own
// mailbox (login given as a full address, or as a local part at the configured
// default domain); plus-addressing and case differences name the same mailbox; a
// delegation map grants more (shared mailboxes, application accounts).
//
// Rules, in order: an empty login owns nothing; a login with '@' owns the mailbox
// whose key (mailbox_key) equals the login's (domain canonicalised, so a login
// alice@bücher.example owns alice@xn--bcher-kva.example), or the address exactly;
// a login without '@' owns login@default_domain when one is set; otherwise the
// delegation map decides. A mailbox without a domain is taken at default_domain
// (as Postfix appends myorigin). check() never throws.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "identity/delegation_map.hpp"
#include "mail/mailbox.hpp"

namespace sg::identity {

struct OwnershipSettings {
    std::string default_domain;   // canonical; empty: bare logins own nothing
    std::string delimiters = "+";  // recipient_delimiter characters
};

struct Ownership {
    bool owned = false;
    std::string basis;  // "login", "login@default_domain", "delegation:<key>", or
                        // "not owned" (with ": no login" / ": no domain" when so)
};

// The mailbox identity used for comparisons: lowercase local part with any
// +detail removed, "@", canonical domain.
std::string mailbox_key(std::string_view local_part, std::string_view domain, std::string_view delimiters);

class OwnershipPolicy {
public:
    OwnershipPolicy(OwnershipSettings settings, std::shared_ptr<const DelegationMap> delegations);

    Ownership check(std::string_view login, const mail::Mailbox& mailbox) const;

private:
    OwnershipSettings settings_;
    std::shared_ptr<const DelegationMap> delegations_;
};

}  // namespace sg::identity

// address_key - the comparable form of an address: local part lowercased with its
// Postfix-style extension ("+detail") removed, domain canonical (lowercase, IDN as
// A-label). Shared by the delegation map, ownership and protected-name addresses.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sg::identity {

// The local part without its extension, as Postfix's split_addr() cuts it for
// recipient_delimiter: at the first character that is one of `delimiters`. Never cut:
// postmaster, mailer-daemon, double-bounce, a delimiter in first position, and (when
// '-' is a delimiter) owner-* and *-request. Case is preserved.
std::string_view strip_extension(std::string_view local_part, std::string_view delimiters);

struct AddressParts {
    std::string local;   // lowercase (ASCII), extension kept
    std::string domain;  // canonical
};

// Splits "local@domain" at its last '@' and canonicalises the domain. nullopt when
// there is no '@', the local part is empty or the domain is not a valid name.
std::optional<AddressParts> split_address(std::string_view address);

}  // namespace sg::identity

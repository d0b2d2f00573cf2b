// address_parser - RFC 5322 address-list parsing for From, Sender, Reply-To, To:
// display names (quoted, commas, escaped quotes), comments, angle-less addresses,
// groups, obsolete routes, folded values, RFC 2047 words, IDN domains. Hostile input
// (huge, unbalanced, NUL bytes, invalid UTF-8) yields `unparsable` or a best-effort
// parse; never throws, never reads out of bounds.
#pragma once

#include <optional>
#include <string_view>

#include "mail/mailbox.hpp"

namespace sg::mail {

// Parses a header value (without the "Name:" prefix), folded or not.
AddressList parse_address_list(std::string_view header_value);

// Parses an SMTP envelope path (MAIL FROM / RCPT TO argument), with or without angle
// brackets; nullopt for the null path "<>" or an empty/garbage argument.
std::optional<Mailbox> parse_envelope_address(std::string_view path);

}  // namespace sg::mail

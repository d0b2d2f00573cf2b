// dns_name - domain names as text: the key form every resolver compares
// (ASCII lower case, no trailing dot), the syntax check a query name must pass
// before it is sent, and the "same name or below" test failure directives use.
#pragma once

#include <string>
#include <string_view>

namespace sg::dns {

// "Mail.Example.COM." -> "mail.example.com"; "." -> "".
std::string canonical_name(std::string_view name);

// Labels of 1..63 octets, at most 253 octets without the trailing dot, no
// whitespace, control characters or backslashes. The root alone is not valid.
bool is_valid_name(std::string_view name);

// Both arguments in canonical form; an empty zone is the root.
bool is_same_or_below(std::string_view name, std::string_view zone);

}  // namespace sg::dns

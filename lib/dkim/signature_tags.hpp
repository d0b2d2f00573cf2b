// signature_tags - a small, bounded reader of a DKIM-Signature tag list (RFC 6376
// section 3.2), used before libopendkim sees the field: to name the signature (d=,
// s=, a=, i=, b=) when the library never evaluates it, and to size h= for the
// limits. Not a validator: libopendkim's own parser decides syntax.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sg::dkim {

struct SignatureTags {
    std::string domain;     // d=
    std::string selector;   // s=
    std::string algorithm;  // a=
    std::string identity;   // i=
    std::string signature;  // b= with folding whitespace removed
    std::size_t signed_header_entries = 0;  // names in h= (0 when absent)
};

// Reads `value` (the field body after "DKIM-Signature:"). Tolerates anything.
SignatureTags read_signature_tags(std::string_view value);

// Removes folding whitespace (SP, HT, CR, LF) from a tag value.
std::string strip_whitespace(std::string_view value);

}  // namespace sg::dkim

// message_text - the byte forms DKIM needs. Canonicalization works on SMTP line
// endings (CRLF), but .eml files and folded header values from the MTA often carry
// bare LF: to_crlf turns every LF not preceded by CR into CRLF (bare CR is left
// alone, as in the message). split_message cuts a raw RFC 5322 message (CRLF or
// LF) into header fields, each value exactly as it followed the colon (leading
// whitespace and folding kept, no final line break), and the body.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sg::dkim {

std::string to_crlf(std::string_view text);

struct HeaderField {
    std::string_view name;   // as written, without the colon
    std::string_view value;  // after the colon: leading whitespace, folding, no final line break
};

struct SplitMessage {
    std::vector<HeaderField> headers;
    std::string_view body;     // after the empty line; empty when there is none
    std::size_t skipped_lines = 0;  // header-section lines that were neither field nor continuation
};

// Views into `raw`, which must outlive the result.
SplitMessage split_message(std::string_view raw);

}  // namespace sg::dkim

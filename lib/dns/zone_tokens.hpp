// zone_tokens - splits one line of zone-style text into tokens: whitespace
// separates, "double quotes" group (with \" \\ \DDD escapes decoded), and `;` or
// `#` outside quotes starts a comment. Reports an unterminated quote or a bad
// escape as an error message instead of tokens.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sg::dns {

struct ZoneToken {
    std::string text;
    bool quoted = false;
};

struct ZoneTokens {
    std::vector<ZoneToken> tokens;
    std::string error;  // empty when the line was split cleanly
};

ZoneTokens split_zone_line(std::string_view line);

// The inverse for one character-string: quoted, `"` and `\` escaped, bytes
// outside printable ASCII as \DDD.
std::string quote_zone_string(std::string_view text);

}  // namespace sg::dns

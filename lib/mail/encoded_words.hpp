// encoded_words - RFC 2047 decoding of display text: B and Q encodings, UTF-8 and the
// common 8-bit charsets (ISO-8859-*, Windows-125x, KOI8-R, ...) via ICU converters.
// Undecodable words are kept as written; invalid UTF-8 is replaced, never passed on.
#pragma once

#include <string>
#include <string_view>

namespace sg::mail {

std::string decode_encoded_words(std::string_view text);

// Returns text with invalid UTF-8 sequences replaced by U+FFFD and NULs removed.
std::string sanitize_utf8(std::string_view text);

}  // namespace sg::mail

// utf8_text - small UTF-8 helpers for text taken from hostile messages: cut at a
// character boundary and collapse whitespace runs. (sanitize_utf8 itself is declared
// in encoded_words.hpp, where callers of the decoder expect it.)
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sg::mail {

// At most max_bytes bytes of text, never ending inside a UTF-8 sequence.
std::string truncate_utf8(std::string_view text, std::size_t max_bytes);

// Whitespace runs (space, tab, CR, LF) become one space; leading/trailing removed.
std::string collapse_whitespace(std::string_view text);

}  // namespace sg::mail

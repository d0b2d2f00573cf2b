// utf8_text - UTF-8 validation with replacement, truncation and whitespace collapsing.
#include "mail/utf8_text.hpp"

#include <cstdint>

#include "mail/encoded_words.hpp"

namespace sg::mail {
namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the well-formed UTF-8 sequence starting at text[pos], or 0 if invalid
// (overlong forms, surrogates and code points above U+10FFFF are invalid).
std::size_t sequence_length(std::string_view text, std::size_t pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
    const unsigned char lead = byte(0);
    const std::size_t left = text.size() - pos;
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return (left >= 2 && is_continuation(byte(1))) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        if (left < 3 || !is_continuation(byte(1)) || !is_continuation(byte(2))) return 0;
        if (lead == 0xE0 && byte(1) < 0xA0) return 0;  // overlong
        if (lead == 0xED && byte(1) >= 0xA0) return 0;  // surrogate
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        if (left < 4 || !is_continuation(byte(1)) || !is_continuation(byte(2)) ||
            !is_continuation(byte(3)))
            return 0;
        if (lead == 0xF0 && byte(1) < 0x90) return 0;  // overlong
        if (lead == 0xF4 && byte(1) >= 0x90) return 0;  // above U+10FFFF
        return 4;
    }
    return 0;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

std::string sanitize_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t length = sequence_length(text, pos);
        if (length == 0) {
            out += replacement;
            ++pos;
            continue;
        }
        const auto c = static_cast<unsigned char>(text[pos]);
        if (length == 1 && c < 0x20 && c != '\t') {
            ++pos;  // NUL and other C0 controls are dropped
            continue;
        }
        out.append(text.substr(pos, length));
        pos += length;
    }
    return out;
}

std::string truncate_utf8(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    std::size_t cut = max_bytes;
    while (cut > 0 && is_continuation(static_cast<unsigned char>(text[cut]))) --cut;
    return std::string(text.substr(0, cut));
}

std::string collapse_whitespace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (char c : text) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

}  // namespace sg::mail

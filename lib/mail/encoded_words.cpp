// encoded_words - RFC 2047 encoded-word decoding (B and Q), RFC 2231 language tags.
#include "mail/encoded_words.hpp"

#include <optional>

#include "mail/charset_converter.hpp"

namespace sg::mail {
namespace {

constexpr std::size_t max_charset_length = 64;
constexpr std::size_t max_payload_length = 4096;

struct DecodedWord {
    std::size_t end = 0;  // offset just past the closing "?="
    std::string text;     // UTF-8
};

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

int base64_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

// Lenient base64: stops at '=', skips characters outside the alphabet.
std::string decode_b(std::string_view text) {
    std::string out;
    unsigned int buffer = 0;
    int bits = 0;
    for (char c : text) {
        if (c == '=') break;
        const int value = base64_value(c);
        if (value < 0) continue;
        buffer = (buffer << 6) | static_cast<unsigned int>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xFF);
        }
    }
    return out;
}

// Q encoding: '_' is a space, =XX a byte; a malformed '=' is kept as written.
std::string decode_q(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '_') {
            out += ' ';
        } else if (c == '=' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
                   hex_value(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

bool is_word_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Parses "=?charset[*lang]?B|Q?text?=" at start; nullopt when it is not a decodable word.
std::optional<DecodedWord> decode_word_at(std::string_view text, std::size_t start) {
    const std::size_t charset_begin = start + 2;
    const std::size_t charset_length = text.substr(charset_begin, max_charset_length + 1).find('?');
    if (charset_length == std::string_view::npos || charset_length == 0) return std::nullopt;
    const std::size_t charset_end = charset_begin + charset_length;
    if (charset_end + 2 >= text.size() || text[charset_end + 2] != '?') return std::nullopt;
    const char encoding = text[charset_end + 1];
    const std::size_t payload_begin = charset_end + 3;

    // The payload runs to "?=" and never contains whitespace; its length is capped so
    // that hostile runs of "=?" cannot make decoding quadratic.
    std::size_t payload_end = payload_begin;
    while (true) {
        if (payload_end + 1 >= text.size() || payload_end - payload_begin > max_payload_length)
            return std::nullopt;
        if (is_word_space(text[payload_end])) return std::nullopt;
        if (text[payload_end] == '?' && text[payload_end + 1] == '=') break;
        ++payload_end;
    }

    std::string_view charset = text.substr(charset_begin, charset_end - charset_begin);
    const std::string_view payload = text.substr(payload_begin, payload_end - payload_begin);
    for (char c : charset)
        if (is_word_space(c) || c == '=') return std::nullopt;
    if (const std::size_t star = charset.find('*'); star != std::string_view::npos)
        charset = charset.substr(0, star);  // RFC 2231 language suffix

    std::string bytes;
    if (encoding == 'B' || encoding == 'b')
        bytes = decode_b(payload);
    else if (encoding == 'Q' || encoding == 'q')
        bytes = decode_q(payload);
    else
        return std::nullopt;

    std::optional<std::string> converted = convert_to_utf8(bytes, charset);
    if (!converted) return std::nullopt;
    return DecodedWord{payload_end + 2, std::move(*converted)};
}

bool only_whitespace(std::string_view text) {
    for (char c : text)
        if (!is_word_space(c)) return false;
    return true;
}

}  // namespace

std::string decode_encoded_words(std::string_view text) {
    std::string out;
    std::size_t pos = 0;             // start of text not yet copied
    std::size_t search = 0;          // where to look for the next "=?"
    bool previous_was_word = false;  // the last thing copied was a decoded word
    while (search < text.size()) {
        const std::size_t start = text.find("=?", search);
        if (start == std::string_view::npos) break;
        std::optional<DecodedWord> word = decode_word_at(text, start);
        if (!word) {
            search = start + 2;
            continue;
        }
        const std::string_view between = text.substr(pos, start - pos);
        if (!(previous_was_word && only_whitespace(between))) out.append(between);
        out += word->text;
        pos = search = word->end;
        previous_was_word = true;
    }
    out.append(text.substr(pos));
    return sanitize_utf8(out);
}

}  // namespace sg::mail

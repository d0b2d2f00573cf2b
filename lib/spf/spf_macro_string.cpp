// spf_macro_string - RFC 7208 section 7.1 macro grammar and libspf2 size bound.
#include "spf/spf_macro_string.hpp"

#include <string>

namespace sg::spf {

namespace {

// libspf2 stores each piece as a 4-byte header plus text, aligned to 4 bytes;
// counting 8 per header and rounding text up to 8 over-estimates safely.
constexpr std::size_t piece_header = 8;
constexpr std::size_t round8(std::size_t n) { return (n + 7) / 8 * 8; }

// libspf2 keeps a literal run's length in one byte (SPF_MAX_STR_LEN 255).
constexpr std::size_t max_literal_run = 255;
constexpr std::size_t max_transformer_digits = 3;
constexpr int max_transformer_value = 128;
constexpr std::size_t max_delimiters = 7;

bool is_macro_letter(char c, MacroContext context) {
    switch (c | 0x20) {
        case 's': case 'l': case 'o': case 'd': case 'i': case 'p': case 'h': case 'v':
            return true;
        case 'c': case 'r': case 't':
            return context == MacroContext::explanation;
        default:
            return false;
    }
}

bool is_delimiter(char c) {
    switch (c) {
        case '.': case '-': case '+': case ',': case '/': case '_': case '=':
            return true;
        default:
            return false;
    }
}

bool is_macro_literal(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x21 && u <= 0x7e && c != '%';
}

MacroCheck fail(std::string why) {
    MacroCheck check;
    check.why = std::move(why);
    return check;
}

// Parses "%{" letter transformers delimiters "}" starting at text[pos] == '%'.
// Returns the index after '}' or an error.
std::size_t parse_macro_expand(std::string_view text, std::size_t pos, MacroContext context,
                               std::string& why) {
    std::size_t i = pos + 2;  // after "%{"
    if (i >= text.size()) { why = "unterminated macro '%{'"; return 0; }
    if (!is_macro_letter(text[i], context)) {
        why = std::string("invalid macro letter '") + text[i] + "'";
        if (context != MacroContext::explanation &&
            (text[i] == 'c' || text[i] == 'r' || text[i] == 't' ||
             text[i] == 'C' || text[i] == 'R' || text[i] == 'T'))
            why += " (only allowed in explanation text)";
        return 0;
    }
    ++i;
    const std::size_t digits_start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        if (i - digits_start >= max_transformer_digits) {
            why = "macro transformer has more than 3 digits";
            return 0;
        }
        ++i;
    }
    if (i > digits_start) {
        int value = 0;
        for (std::size_t d = digits_start; d < i; ++d) value = value * 10 + (text[d] - '0');
        if (value < 1 || value > max_transformer_value) {
            why = "macro transformer " + std::to_string(value) + " outside 1..128";
            return 0;
        }
    }
    if (i < text.size() && (text[i] == 'r' || text[i] == 'R')) ++i;
    std::size_t delimiters = 0;
    while (i < text.size() && is_delimiter(text[i])) {
        if (++delimiters > max_delimiters) { why = "too many macro delimiters"; return 0; }
        ++i;
    }
    if (i >= text.size()) { why = "unterminated macro '%{'"; return 0; }
    if (text[i] != '}') {
        why = std::string("invalid character '") + text[i] + "' in macro";
        return 0;
    }
    return i + 1;
}

}  // namespace

MacroCheck check_macro_string(std::string_view text, MacroContext context) {
    MacroCheck check;
    std::size_t literal = 0;  // bytes in the current literal run
    std::size_t bound = 0;
    auto flush = [&] {
        if (literal > 0) bound += piece_header + round8(literal);
        literal = 0;
    };
    bool last_was_macro = false;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '%') {
            if (i + 1 >= text.size()) return fail("'%' at end of macro-string");
            const char next = text[i + 1];
            if (next == '%' || next == '_') {
                literal += 1; i += 2; last_was_macro = true;
            } else if (next == '-') {
                literal += 3; i += 2; last_was_macro = true;
            } else if (next == '{') {
                std::string why;
                const std::size_t end = parse_macro_expand(text, i, context, why);
                if (end == 0) return fail(why);
                flush();
                bound += piece_header;
                i = end;
                last_was_macro = true;
            } else {
                return fail(std::string("invalid escape '%") + next + "'");
            }
        } else if (c == ' ' && context == MacroContext::explanation) {
            // libspf2 turns a space into an extra '%' and re-reads the next
            // character as an escape: count it generously.
            literal += 3; ++i; last_was_macro = false;
        } else if (is_macro_literal(c)) {
            // A brace after a space is read by libspf2 as a macro opener even
            // without '%': refuse stray braces in explanation text outright.
            if (context == MacroContext::explanation && (c == '{' || c == '}'))
                return fail("brace outside a macro in explanation text");
            literal += 1; ++i; last_was_macro = false;
        } else {
            const auto u = static_cast<unsigned char>(c);
            return fail(u < 0x20 || u >= 0x7f ? "non-printable or non-ASCII byte"
                                              : std::string("invalid character '") + c + "'");
        }
        if (literal > max_literal_run) return fail("literal run longer than 255 octets");
    }
    flush();
    if (bound > max_compiled_bytes) return fail("macro-string too large for libspf2's term buffer");
    check.ok = true;
    check.compiled_bound = bound;
    check.ends_with_macro = last_was_macro;
    return check;
}

}  // namespace sg::spf

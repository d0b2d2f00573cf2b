// zone_tokens - tokenizer for zone-style lines (see zone_tokens.hpp).
#include "dns/zone_tokens.hpp"

namespace sg::dns {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Decodes the escape starting after the backslash at `line[i]`; advances i past it.
bool decode_escape(std::string_view line, std::size_t& i, std::string& out) {
    if (i >= line.size()) return false;
    if (!is_digit(line[i])) {
        out.push_back(line[i++]);
        return true;
    }
    if (i + 3 > line.size() || !is_digit(line[i + 1]) || !is_digit(line[i + 2])) return false;
    const int value = (line[i] - '0') * 100 + (line[i + 1] - '0') * 10 + (line[i + 2] - '0');
    if (value > 255) return false;
    out.push_back(static_cast<char>(value));
    i += 3;
    return true;
}

}  // namespace

ZoneTokens split_zone_line(std::string_view line) {
    ZoneTokens result;
    std::size_t i = 0;
    while (i < line.size()) {
        const char c = line[i];
        if (is_blank(c)) {
            ++i;
            continue;
        }
        if (c == ';' || c == '#') break;
        ZoneToken token;
        if (c == '"') {
            token.quoted = true;
            ++i;
            bool closed = false;
            while (i < line.size()) {
                const char d = line[i++];
                if (d == '"') {
                    closed = true;
                    break;
                }
                if (d != '\\') {
                    token.text.push_back(d);
                } else if (!decode_escape(line, i, token.text)) {
                    result.error = "bad escape in quoted string";
                    return result;
                }
            }
            if (!closed) {
                result.error = "unterminated quoted string";
                return result;
            }
        } else {
            while (i < line.size() && !is_blank(line[i]) && line[i] != '"' && line[i] != ';') {
                const char d = line[i++];
                if (d != '\\') {
                    token.text.push_back(d);
                } else if (!decode_escape(line, i, token.text)) {
                    result.error = "bad escape";
                    return result;
                }
            }
        }
        result.tokens.push_back(std::move(token));
    }
    return result;
}

std::string quote_zone_string(std::string_view text) {
    static const char digits[] = "0123456789";
    std::string out = "\"";
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(c);
        } else if (u < 0x20 || u >= 0x7f) {
            out.push_back('\\');
            out.push_back(digits[u / 100]);
            out.push_back(digits[(u / 10) % 10]);
            out.push_back(digits[u % 10]);
        } else {
            out.push_back(c);
        }
    }
    out.push_back('"');
    return out;
}

}  // namespace sg::dns

// header_unfold - unfold(): a folded header value back on one line (RFC 5322 2.2.3).
#include "mail/message_identities.hpp"

namespace sg::mail {

std::string unfold(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (c == '\r' && i + 1 < value.size() && value[i + 1] == '\n') continue;  // CRLF: LF decides
        if (c == '\n' && i + 1 < value.size() && (value[i + 1] == ' ' || value[i + 1] == '\t')) continue;
        if (c == '\r' || c == '\n') {
            // a line break not followed by whitespace is not folding: keep the text apart
            out += ' ';
            continue;
        }
        out += c;
    }
    return out;
}

}  // namespace sg::mail

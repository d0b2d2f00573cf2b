// header_text - header value byte forms, incoming and outgoing.
#include "header_text.hpp"

namespace sg::milter {

std::string_view engine_header_value(std::string_view received, bool leading_space_kept) {
    if (leading_space_kept && !received.empty() && received.front() == ' ') received.remove_prefix(1);
    return received;
}

std::string dkim_raw_header_value(std::string_view received, bool leading_space_kept) {
    if (leading_space_kept) return std::string(received);
    std::string raw;
    raw.reserve(received.size() + 1);
    raw.push_back(' ');
    raw.append(received);
    return raw;
}

std::string single_line_value(std::string_view value) {
    std::string safe;
    safe.reserve(value.size());
    for (const char c : value) safe.push_back((c == '\r' || c == '\n' || c == '\0') ? ' ' : c);
    return safe;
}

std::string folded_value(std::string_view value) {
    std::string safe;
    safe.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (c == '\0' || c == '\r') continue;
        if (c == '\n') {
            const bool continues = i + 1 < value.size() && (value[i + 1] == ' ' || value[i + 1] == '\t');
            safe.push_back(continues ? '\n' : ' ');
            continue;
        }
        safe.push_back(c);
    }
    return safe;
}

std::string outgoing_header_value(std::string value, bool leading_space_kept) {
    if (leading_space_kept) value.insert(value.begin(), ' ');
    return value;
}

}  // namespace sg::milter

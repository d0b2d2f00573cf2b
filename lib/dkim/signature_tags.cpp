// signature_tags - tag=value reading for DKIM-Signature fields.
#include "dkim/signature_tags.hpp"

#include <algorithm>

namespace sg::dkim {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

}  // namespace

std::string strip_whitespace(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (const char c : value) {
        if (!is_space(c)) out.push_back(c);
    }
    return out;
}

SignatureTags read_signature_tags(std::string_view value) {
    SignatureTags tags;
    std::size_t start = 0;
    while (start <= value.size()) {
        const std::size_t end = std::min(value.find(';', start), value.size());
        const std::string_view item = value.substr(start, end - start);
        start = end + 1;
        const std::size_t equals = item.find('=');
        if (equals == std::string_view::npos) continue;
        const std::string_view name = trim(item.substr(0, equals));
        const std::string_view text = trim(item.substr(equals + 1));
        if (name == "d") {
            tags.domain = strip_whitespace(text);
        } else if (name == "s") {
            tags.selector = strip_whitespace(text);
        } else if (name == "a") {
            tags.algorithm = strip_whitespace(text);
        } else if (name == "i") {
            tags.identity = strip_whitespace(text);
        } else if (name == "b") {
            tags.signature = strip_whitespace(text);
        } else if (name == "h") {
            tags.signed_header_entries = static_cast<std::size_t>(std::count(text.begin(), text.end(), ':')) + 1;
        }
    }
    return tags;
}

}  // namespace sg::dkim

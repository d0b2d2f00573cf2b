// envelope_address - strips <> and source routes from an SMTP path argument.
#include "envelope_address.hpp"

namespace sg::milter {
namespace {

std::string_view trim_blanks(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

}  // namespace

std::string bare_envelope_address(std::string_view argument) {
    std::string_view text = trim_blanks(argument);
    if (text.size() >= 2 && text.front() == '<' && text.back() == '>') {
        text = text.substr(1, text.size() - 2);
        // "<@relay1,@relay2:user@domain>": the route is obsolete and ignored (RFC 5321 4.1.2).
        if (!text.empty() && text.front() == '@') {
            const auto colon = text.find(':');
            if (colon != std::string_view::npos) text = text.substr(colon + 1);
        }
    }
    return std::string(trim_blanks(text));
}

}  // namespace sg::milter

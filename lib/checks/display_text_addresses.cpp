// display_text_addresses - address-shaped substrings of display names.
#include "checks/display_text_addresses.hpp"

#include <string>

#include "mail/domain_name.hpp"

namespace sg::checks {
namespace {

bool is_local_char(unsigned char c) {
    if (c >= 0x80) return false;
    if (std::isalnum(c)) return true;
    return std::string_view("!#$%&'*+-/=?^_`{|}~.").find(static_cast<char>(c)) != std::string_view::npos;
}

bool is_domain_char(unsigned char c) { return c >= 0x80 || std::isalnum(c) || c == '-' || c == '.'; }

bool is_word_char(unsigned char c) { return c >= 0x80 || std::isalnum(c); }

}  // namespace

DisplayTextAddresses find_display_text_addresses(std::string_view text) {
    DisplayTextAddresses found;
    std::string remainder;  // the text with every recognised address blanked out
    std::size_t copied_to = 0;
    for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
        std::size_t begin = at;
        while (begin > copied_to && is_local_char(static_cast<unsigned char>(text[begin - 1]))) --begin;
        // Quote-like atext characters opening display text are punctuation here.
        while (begin < at && std::string_view(".'`").find(text[begin]) != std::string_view::npos) ++begin;
        std::size_t end = at + 1;
        while (end < text.size() && is_domain_char(static_cast<unsigned char>(text[end]))) ++end;
        while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) --end;
        std::string_view local = text.substr(begin, at - begin);
        std::string_view domain = text.substr(at + 1, end - at - 1);
        if (local.empty() || domain.find('.') == std::string_view::npos) continue;
        auto canonical = mail::canonical_domain(domain);
        if (!canonical) continue;
        mail::Mailbox mailbox;
        mailbox.local_part = std::string(local);
        mailbox.domain = *canonical;
        mailbox.domain_unicode = mail::unicode_domain(*canonical);
        found.addresses.push_back(std::move(mailbox));
        remainder.append(text.substr(copied_to, begin - copied_to));
        copied_to = end;
        at = end - 1;
    }
    remainder.append(text.substr(copied_to));
    for (char c : remainder)
        if (is_word_char(static_cast<unsigned char>(c))) {
            found.has_other_words = true;
            break;
        }
    return found;
}

}  // namespace sg::checks

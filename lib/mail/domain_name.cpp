// domain_name - canonical (lowercase A-label) and display (U-label) forms of a domain.
// Rules: one trailing dot dropped; labels 1..63 bytes, total at most 253; ASCII
// labels are letters, digits, '-' and '_' (underscores are not valid host names but
// occur in real mail); non-ASCII names go through libidn2 (IDNA2008 non-transitional,
// then transitional for names such as emoji domains). Domain literals ("[192.0.2.1]",
// "[IPv6:...]") are kept, lowercased.
#include "mail/domain_name.hpp"

#include <idn2.h>

#include <cstdlib>

#include "core/text.hpp"

namespace sg::mail {
namespace {

constexpr std::size_t max_label = 63;
constexpr std::size_t max_domain = 253;

bool is_ascii(std::string_view text) {
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

bool is_label_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// Checks lowercase ASCII labels and lengths.
bool valid_ascii_domain(std::string_view domain) {
    if (domain.empty() || domain.size() > max_domain) return false;
    std::size_t label_length = 0;
    for (char c : domain) {
        if (c == '.') {
            if (label_length == 0) return false;
            label_length = 0;
            continue;
        }
        if (!is_label_char(c) || ++label_length > max_label) return false;
    }
    return label_length > 0;
}

bool valid_literal(std::string_view literal) {
    if (literal.size() < 3 || literal.size() > 64 || literal.front() != '[' || literal.back() != ']')
        return false;
    for (char c : literal.substr(1, literal.size() - 2)) {
        const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '.' || c == ':';
        if (!ok) return false;
    }
    return true;
}

// Owns a string that libidn2 allocated.
struct IdnString {
    char* text = nullptr;
    ~IdnString() { std::free(text); }
};

std::optional<std::string> idn_to_ascii(const std::string& domain) {
    for (int flags : {IDN2_NONTRANSITIONAL | IDN2_NFC_INPUT, IDN2_TRANSITIONAL | IDN2_NFC_INPUT}) {
        IdnString out;
        if (idn2_to_ascii_8z(domain.c_str(), &out.text, flags) == IDN2_OK && out.text != nullptr)
            return core::ascii_lower(out.text);
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> canonical_domain(std::string_view domain) {
    if (!domain.empty() && domain.back() == '.') domain.remove_suffix(1);
    if (domain.empty() || domain.size() > 1024) return std::nullopt;
    if (domain.front() == '[') {
        std::string literal = core::ascii_lower(domain);
        if (valid_literal(literal)) return literal;
        return std::nullopt;
    }
    if (is_ascii(domain)) {
        std::string lowered = core::ascii_lower(domain);
        if (valid_ascii_domain(lowered)) return lowered;
        return std::nullopt;
    }
    for (char c : domain) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte == 0x7F) return std::nullopt;
    }
    std::optional<std::string> ascii = idn_to_ascii(std::string(domain));
    if (!ascii) return std::nullopt;
    if (!ascii->empty() && ascii->back() == '.') ascii->pop_back();
    if (!valid_ascii_domain(*ascii)) return std::nullopt;
    return ascii;
}

std::string unicode_domain(std::string_view canonical) {
    const std::string lowered = core::ascii_lower(canonical);
    if (lowered.find("xn--") == std::string::npos) return std::string(canonical);
    IdnString out;
    if (idn2_to_unicode_8z8z(lowered.c_str(), &out.text, 0) != IDN2_OK || out.text == nullptr)
        return std::string(canonical);
    return out.text;
}

}  // namespace sg::mail

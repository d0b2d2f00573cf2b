// address_parts - display phrase, comments and addr-spec from address tokens.
#include "mail/address_parts.hpp"

#include "mail/domain_name.hpp"
#include "mail/encoded_words.hpp"
#include "mail/utf8_text.hpp"

namespace sg::mail {
namespace {

bool is_special(const Token& token, char c) {
    return token.kind == TokenKind::special && token.text.size() == 1 && token.text[0] == c;
}

bool is_text(const Token& token) { return token.kind == TokenKind::word || token.kind == TokenKind::quoted; }

// Indexes of the non-comment tokens of the range.
std::vector<std::size_t> significant(const std::vector<Token>& tokens, std::size_t begin, std::size_t end) {
    std::vector<std::size_t> out;
    for (std::size_t i = begin; i < end; ++i)
        if (tokens[i].kind != TokenKind::comment) out.push_back(i);
    return out;
}

// Joins word/quoted/dot tokens of a local part; empty optional when another token shows up.
// With allow_at, '@' is read as text (for "a@b@c", whose domain is the last part).
std::optional<std::string> local_part_text(const std::vector<Token>& tokens,
                                           const std::vector<std::size_t>& indexes, std::size_t from,
                                           std::size_t to, std::string& problem, bool allow_at = false) {
    std::string local;
    bool expect_text = true;
    for (std::size_t k = from; k < to; ++k) {
        const Token& token = tokens[indexes[k]];
        if (allow_at && is_special(token, '@')) {
            local += '@';
            expect_text = true;
        } else if (is_text(token)) {
            if (!expect_text) return std::nullopt;  // two words without a dot
            local += token.text;
            expect_text = false;
        } else if (is_special(token, '.')) {
            if (expect_text) problem = "local part has empty dot-separated parts";
            local += '.';
            expect_text = true;
        } else {
            return std::nullopt;
        }
    }
    if (local.empty()) return std::nullopt;
    if (expect_text) problem = "local part has empty dot-separated parts";
    return local;
}

std::optional<std::string> domain_text(const std::vector<Token>& tokens,
                                       const std::vector<std::size_t>& indexes, std::size_t from,
                                       std::size_t to) {
    if (from + 1 == to && tokens[indexes[from]].kind == TokenKind::literal) {
        std::string literal;  // FWS inside a domain literal is not part of it
        for (char c : tokens[indexes[from]].text)
            if (c != ' ' && c != '\t') literal += c;
        return literal;
    }
    std::string domain;
    bool expect_label = true;
    for (std::size_t k = from; k < to; ++k) {
        const Token& token = tokens[indexes[k]];
        if (token.kind == TokenKind::word && expect_label) {
            domain += token.text;
            expect_label = false;
        } else if (is_special(token, '.') && !expect_label) {
            domain += '.';
            expect_label = true;
        } else {
            return std::nullopt;
        }
    }
    if (domain.empty()) return std::nullopt;
    return domain;  // a trailing dot is left for canonical_domain to drop
}

// "𝗱𝗲𝘂𝘁𝘀𝗰𝗵𝗲.de" or fullwidth letters canonicalise to an ordinary ASCII name: equal
// for DNS, but a disguise worth reporting.
bool maps_to_plain_ascii(const std::string& written, const std::string& canonical) {
    bool non_ascii = false;
    for (char c : written)
        if (static_cast<unsigned char>(c) >= 0x80) non_ascii = true;
    return non_ascii && canonical.find("xn--") == std::string::npos;
}

}  // namespace

std::string phrase_text(const std::vector<Token>& tokens, std::size_t begin, std::size_t end) {
    std::string raw;
    bool separate = false;
    for (std::size_t i = begin; i < end; ++i) {
        const Token& token = tokens[i];
        if (token.kind == TokenKind::comment) {
            separate = true;
            continue;
        }
        if (!raw.empty() && (separate || token.space_before)) raw += ' ';
        separate = false;
        raw += token.text;
    }
    return collapse_whitespace(decode_encoded_words(raw));
}

bool is_phrase(const std::vector<Token>& tokens, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
        const Token& token = tokens[i];
        if (!is_text(token) && token.kind != TokenKind::comment && !is_special(token, '.')) return false;
    }
    return true;
}

std::string comment_text(const std::vector<Token>& tokens, std::size_t begin, std::size_t end) {
    std::string joined;
    for (std::size_t i = begin; i < end; ++i) {
        if (tokens[i].kind != TokenKind::comment) continue;
        const std::string text = collapse_whitespace(decode_encoded_words(tokens[i].text));
        if (text.empty()) continue;
        if (!joined.empty()) joined += ' ';
        joined += text;
    }
    return joined;
}

AddrSpec parse_addr_spec(const std::vector<Token>& tokens, std::size_t begin, std::size_t end) {
    AddrSpec result;
    const std::vector<std::size_t> indexes = significant(tokens, begin, end);
    if (indexes.empty()) {
        result.problem = "empty address";
        return result;
    }
    std::size_t at = indexes.size();
    std::size_t at_count = 0;
    for (std::size_t k = 0; k < indexes.size(); ++k) {
        if (is_special(tokens[indexes[k]], '@')) {
            at = k;
            ++at_count;
        }
    }
    std::string problem;
    if (at_count == 0) {
        std::optional<std::string> local = local_part_text(tokens, indexes, 0, indexes.size(), problem);
        if (!local) {
            result.problem = "not an address";
            return result;
        }
        Mailbox mailbox;
        mailbox.local_part = sanitize_utf8(*local);
        result.mailbox = std::move(mailbox);
        result.problem = "address without domain";
        return result;
    }
    std::optional<std::string> local = local_part_text(tokens, indexes, 0, at, problem, at_count > 1);
    if (at_count > 1) problem = "more than one '@' in address";
    if (!local) {
        result.problem = at == 0 ? "empty local part" : "invalid local part";
        return result;
    }
    std::optional<std::string> domain = domain_text(tokens, indexes, at + 1, indexes.size());
    std::optional<std::string> canonical = domain ? canonical_domain(*domain) : std::nullopt;
    if (!canonical) {
        result.problem = "invalid domain";
        return result;
    }
    if (maps_to_plain_ascii(*domain, *canonical))
        problem = "domain written in characters that IDNA maps to plain ASCII";
    Mailbox mailbox;
    mailbox.local_part = sanitize_utf8(*local);
    mailbox.domain = *canonical;
    mailbox.domain_unicode = mailbox.domain.front() == '[' ? mailbox.domain : unicode_domain(mailbox.domain);
    result.mailbox = std::move(mailbox);
    result.problem = problem;
    return result;
}

}  // namespace sg::mail

// envelope_address - parse_envelope_address: the SMTP MAIL FROM / RCPT TO path, with or
// without angle brackets, source route stripped, quoted local part unquoted, domain
// canonical. The null path "<>" and anything that is not one address give nullopt.
#include "mail/address_parser.hpp"
#include "mail/address_parts.hpp"
#include "mail/address_tokenizer.hpp"
#include "core/text.hpp"

namespace sg::mail {
namespace {

constexpr std::size_t max_path_bytes = 4096;

bool is_special(const Token& token, char c) {
    return token.kind == TokenKind::special && token.text.size() == 1 && token.text[0] == c;
}

}  // namespace

std::optional<Mailbox> parse_envelope_address(std::string_view path) {
    path = core::trim(path);
    if (path.empty() || path.size() > max_path_bytes) return std::nullopt;
    for (char c : path)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return std::nullopt;

    const TokenizedText tokenized = tokenize_address_text(path);
    if (!tokenized.problems.empty()) return std::nullopt;
    const std::vector<Token>& tokens = tokenized.tokens;
    std::size_t begin = 0;
    std::size_t end = tokens.size();
    if (end > 0 && is_special(tokens[0], '<')) {
        begin = 1;
        end = begin;
        while (end < tokens.size() && !is_special(tokens[end], '>')) ++end;
        if (end == tokens.size()) return std::nullopt;  // "<" without ">"
    }
    if (begin < end && is_special(tokens[begin], '@')) {  // source route "@a,@b:"
        while (begin < end && !is_special(tokens[begin], ':')) ++begin;
        if (begin == end) return std::nullopt;
        ++begin;
    }
    if (begin == end) return std::nullopt;  // null path

    AddrSpec spec = parse_addr_spec(tokens, begin, end);
    if (!spec.mailbox) return std::nullopt;
    if (spec.mailbox->domain_unicode.empty()) spec.mailbox->domain_unicode = spec.mailbox->domain;
    return spec.mailbox;
}

}  // namespace sg::mail

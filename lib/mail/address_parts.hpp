// address_parts - the pieces of a mailbox read from a token range: the display phrase
// (decoded to UTF-8), the comments, and the addr-spec (local part and canonical domain,
// obsolete dotted/spaced forms included). Used by address_parser; ranges are
// [begin, end) indexes into one token vector.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "mail/address_tokenizer.hpp"
#include "mail/mailbox.hpp"

namespace sg::mail {

// Display text of the non-comment tokens: RFC 2047 decoded, whitespace collapsed,
// valid UTF-8.
std::string phrase_text(const std::vector<Token>& tokens, std::size_t begin, std::size_t end);

// True when the range is an RFC 5322 phrase (words, quoted strings, obsolete dots, comments).
bool is_phrase(const std::vector<Token>& tokens, std::size_t begin, std::size_t end);

// Text of the comment tokens in the range, decoded, joined by one space.
std::string comment_text(const std::vector<Token>& tokens, std::size_t begin, std::size_t end);

struct AddrSpec {
    std::optional<Mailbox> mailbox;  // local_part, domain, domain_unicode set
    std::string problem;             // why it is not (or not quite) a valid addr-spec
};

// Reads local-part "@" domain from the non-comment tokens of the range. A range without
// "@" gives a mailbox without domain (with a problem) when it is a plausible local part.
AddrSpec parse_addr_spec(const std::vector<Token>& tokens, std::size_t begin, std::size_t end);

}  // namespace sg::mail

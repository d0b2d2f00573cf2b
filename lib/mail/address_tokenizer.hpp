// address_tokenizer - splits an unfolded address header value into RFC 5322 lexical
// tokens: atoms, quoted strings, comments (nested), domain literals and specials.
// One pass, no backtracking: an unterminated quote, comment or literal is reported
// and its opening character is read as ordinary text; after that first failure,
// characters of that kind are never again scanned ahead, so time stays linear.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sg::mail {

enum class TokenKind { word, quoted, comment, literal, special };

struct Token {
    TokenKind kind = TokenKind::word;
    std::string text;          // word: as written; quoted/comment: content with escapes
                               // removed (nested comment parentheses kept); literal:
                               // "[...]" as written; special: the one character
    bool space_before = false; // whitespace or a comment separates it from the previous token
    std::size_t offset = 0;    // byte offset in the tokenized text
};

struct TokenizedText {
    std::vector<Token> tokens;
    std::vector<std::string> problems;
};

inline constexpr std::size_t max_comment_depth = 32;

TokenizedText tokenize_address_text(std::string_view text);

}  // namespace sg::mail

// address_tokenizer - RFC 5322 lexical scan of an address header value.
#include "mail/address_tokenizer.hpp"

#include <optional>

namespace sg::mail {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Specials that end an atom. '\' outside quotes is accepted as atom text.
bool is_special(char c) {
    switch (c) {
        case '(': case ')': case '<': case '>': case '[': case ']':
        case ':': case ';': case '@': case ',': case '.': case '"':
            return true;
        default:
            return false;
    }
}

struct Scan {
    std::string text;
    std::size_t end = 0;  // offset just past the closing delimiter
    std::size_t depth = 0;
};

// Quoted string at text[pos] == '"'.
std::optional<Scan> scan_quoted(std::string_view text, std::size_t pos) {
    Scan scan;
    for (std::size_t i = pos + 1; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' && i + 1 < text.size()) {
            scan.text += text[++i];
        } else if (c == '"') {
            scan.end = i + 1;
            return scan;
        } else {
            scan.text += c;
        }
    }
    return std::nullopt;
}

// Comment at text[pos] == '('; nested comments are kept in the text with their parentheses.
std::optional<Scan> scan_comment(std::string_view text, std::size_t pos) {
    Scan scan;
    std::size_t depth = 1;
    scan.depth = 1;
    for (std::size_t i = pos + 1; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' && i + 1 < text.size()) {
            scan.text += text[++i];
            continue;
        }
        if (c == '(') {
            ++depth;
            if (depth > scan.depth) scan.depth = depth;
        } else if (c == ')') {
            if (--depth == 0) {
                scan.end = i + 1;
                return scan;
            }
        }
        scan.text += c;
    }
    return std::nullopt;
}

// Domain literal at text[pos] == '[', kept as written (whitespace included).
std::optional<Scan> scan_literal(std::string_view text, std::size_t pos) {
    Scan scan;
    for (std::size_t i = pos; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '[' && i != pos) return std::nullopt;
        scan.text += c;
        if (c == ']') {
            scan.end = i + 1;
            return scan;
        }
    }
    return std::nullopt;
}

class Tokenizer {
public:
    explicit Tokenizer(std::string_view text) : text_(text) {}

    TokenizedText run() {
        while (pos_ < text_.size()) step();
        return std::move(result_);
    }

private:
    void step() {
        const char c = text_[pos_];
        if (is_space(c)) {
            space_ = true;
            ++pos_;
        } else if (c == '"' && quotes_enabled_) {
            take(scan_quoted(text_, pos_), TokenKind::quoted, quotes_enabled_, "unterminated quoted string");
        } else if (c == '(' && comments_enabled_) {
            take(scan_comment(text_, pos_), TokenKind::comment, comments_enabled_, "unterminated comment");
        } else if (c == '[' && literals_enabled_) {
            take(scan_literal(text_, pos_), TokenKind::literal, literals_enabled_, "unterminated domain literal");
        } else if (c == ')' || c == ']' || c == '(' || c == '[' || c == '"') {
            if (c == ')') note("unbalanced ')'");
            if (c == ']') note("unbalanced ']'");
            push(TokenKind::word, std::string(1, c), pos_, pos_ + 1);
        } else if (is_special(c)) {
            push(TokenKind::special, std::string(1, c), pos_, pos_ + 1);
        } else {
            std::size_t end = pos_;
            while (end < text_.size() && !is_space(text_[end]) && !is_special(text_[end])) ++end;
            push(TokenKind::word, std::string(text_.substr(pos_, end - pos_)), pos_, end);
        }
    }

    void take(std::optional<Scan> scan, TokenKind kind, bool& enabled, const char* problem) {
        if (!scan) {
            note(problem);
            enabled = false;  // read the opener as text, never scan ahead for this kind again
            return;
        }
        if (kind == TokenKind::comment && scan->depth > max_comment_depth) note("comments nested too deeply");
        const std::size_t start = pos_;
        push(kind, std::move(scan->text), start, scan->end);
        if (kind == TokenKind::comment) space_ = true;
    }

    void push(TokenKind kind, std::string text, std::size_t start, std::size_t end) {
        Token token;
        token.kind = kind;
        token.text = std::move(text);
        token.space_before = space_;
        token.offset = start;
        result_.tokens.push_back(std::move(token));
        space_ = false;
        pos_ = end;
    }

    void note(const std::string& problem) {
        for (const std::string& known : result_.problems)
            if (known == problem) return;
        result_.problems.push_back(problem);
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    bool space_ = false;
    bool quotes_enabled_ = true;
    bool comments_enabled_ = true;
    bool literals_enabled_ = true;
    TokenizedText result_;
};

}  // namespace

TokenizedText tokenize_address_text(std::string_view text) { return Tokenizer(text).run(); }

}  // namespace sg::mail

// address_parser - RFC 5322 address-list parsing with best-effort repair.
//
// The value is unfolded, tokenized once, then cut at top-level ',' and ';' into
// pieces (commas inside <...> that belong to an obsolete route do not cut). Each piece
// is a group opener and/or one mailbox: name-addr ("phrase <addr-spec>") or addr-spec.
// Repairs for what real (often hostile) senders write:
//   - pieces without an address followed by a name-addr are one display name with
//     unquoted commas ("Doe, John <j@x>", "Microsoft account team ,_<x@y>");
//   - display text that is not a phrase ("fooo@foo.fo- private <fooo@foo.fo>") is
//     kept as display name, the address is only ever taken from inside <...>;
//   - an address written only inside a comment ("Name (<a@b>)") is recovered;
//   - a lone word ("MAILER-DAEMON") is a mailbox without domain when nothing else is found.
// Every repair is named in `problem`. Work is linear in the (capped) input size.
#include "mail/address_parser.hpp"

#include "mail/address_parts.hpp"
#include "mail/address_tokenizer.hpp"
#include "mail/encoded_words.hpp"

namespace sg::mail {
namespace {

constexpr std::size_t max_input_bytes = 64 * 1024;
constexpr std::size_t max_mailboxes = 1000;
constexpr std::size_t max_local_part_bytes = 64;  // RFC 5321; longer lone words are not addresses

bool is_special(const Token& token, char c) {
    return token.kind == TokenKind::special && token.text.size() == 1 && token.text[0] == c;
}

struct Piece {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool semicolon = false;  // ended by ';' rather than ',' or the end of the value
};

// Unfolds line breaks and turns other control characters into spaces.
std::string prepare_text(std::string_view value, std::vector<std::string>& problems) {
    if (value.size() > max_input_bytes) {
        value = value.substr(0, max_input_bytes);
        problems.push_back("header value longer than 64 KiB; the rest was ignored");
    }
    std::string out;
    out.reserve(value.size());
    bool controls = false;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const auto c = static_cast<unsigned char>(value[i]);
        if (c == '\r' || c == '\n') {
            while (i + 1 < value.size() && (value[i + 1] == '\r' || value[i + 1] == '\n')) ++i;
            const bool folded = i + 1 < value.size() && (value[i + 1] == ' ' || value[i + 1] == '\t');
            if (!folded) out += ' ';
        } else if ((c < 0x20 && c != '\t') || c == 0x7F) {
            out += ' ';
            controls = true;
        } else {
            out += static_cast<char>(c);
        }
    }
    if (controls) problems.push_back("control characters in header value");
    if (sanitize_utf8(out) != out) problems.push_back("invalid UTF-8");
    return out;
}

bool next_significant_is_at(const std::vector<Token>& tokens, std::size_t from) {
    for (std::size_t i = from; i < tokens.size(); ++i) {
        if (tokens[i].kind == TokenKind::comment) continue;
        return is_special(tokens[i], '@');
    }
    return false;
}

// For each token index, the index of the next token that is the special c (or size()).
std::vector<std::size_t> next_special(const std::vector<Token>& tokens, char c) {
    std::vector<std::size_t> next(tokens.size() + 1, tokens.size());
    for (std::size_t i = tokens.size(); i-- > 0;) next[i] = is_special(tokens[i], c) ? i : next[i + 1];
    return next;
}

// A comma inside <...> cuts the list only when no '>' closes the bracket before the
// next '<' (a route "<@a,@b:u@c>" or a garbled "<u@a,b,c>" stays one piece).
std::vector<Piece> split_pieces(const std::vector<Token>& tokens) {
    const std::vector<std::size_t> next_open = next_special(tokens, '<');
    const std::vector<std::size_t> next_close = next_special(tokens, '>');
    std::vector<Piece> pieces;
    Piece current;
    bool in_angle = false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& token = tokens[i];
        if (is_special(token, '<')) in_angle = true;
        if (is_special(token, '>')) in_angle = false;
        const bool comma = is_special(token, ',');
        if (comma && in_angle &&
            (next_significant_is_at(tokens, i + 1) ||
             (next_close[i] < tokens.size() && next_close[i] < next_open[i])))
            continue;
        if (comma || is_special(token, ';')) {
            current.end = i;
            current.semicolon = !comma;
            pieces.push_back(current);
            current = Piece{};
            current.begin = i + 1;
            in_angle = false;
        }
    }
    current.end = tokens.size();
    pieces.push_back(current);
    return pieces;
}

class ListParser {
public:
    ListParser(const std::vector<Token>& tokens, bool allow_comment_recovery)
        : tokens_(tokens), allow_comment_recovery_(allow_comment_recovery) {}

    AddressList run(std::vector<std::string> problems) {
        for (std::string& problem : problems) note(problem);
        if (!has_significant(0, tokens_.size()) && !has_comment(0, tokens_.size())) note("empty header value");
        for (const Piece& piece : split_pieces(tokens_)) {
            if (full_) break;
            handle_piece(piece);
        }
        flush_pending();
        if (in_group_) note("group not closed with ';'");
        if (domainless_ && result_.mailboxes.empty()) {
            add(std::move(*domainless_));
            note("address without domain");
        } else if (domainless_) {
            note("text without an address");
        }
        finish();
        return std::move(result_);
    }

private:
    void handle_piece(const Piece& piece) {
        std::size_t begin = piece.begin;
        if (const std::size_t colon = group_colon(begin, piece.end); colon != npos) {
            flush_pending();
            if (in_group_) note("nested group");
            in_group_ = true;
            saw_group_ = true;
            begin = colon + 1;
        }
        handle_member(begin, piece.end);
        if (piece.semicolon) {
            if (in_group_) {
                flush_pending();
                in_group_ = false;
            } else {
                note("';' used as a separator");
            }
        }
    }

    void handle_member(std::size_t begin, std::size_t end) {
        if (!has_significant(begin, end)) {  // empty list element (obsolete syntax)
            if (pending_) pending_end_ = end;  // "Name,(<a@b>)": keep the comment with the name
            return;
        }
        for (std::size_t i = begin; i < end; ++i) {
            if (is_special(tokens_[i], '<')) {
                name_addr(begin, i, end);
                return;
            }
        }
        if (has_at(begin, end)) {
            AddrSpec spec = parse_addr_spec(tokens_, begin, end);
            if (spec.mailbox && !spec.mailbox->domain.empty()) {
                flush_pending();
                if (!spec.problem.empty()) note(spec.problem);
                spec.mailbox->comment = comment_text(tokens_, begin, end);
                add(std::move(*spec.mailbox));
                return;
            }
        }
        if (!pending_) pending_begin_ = begin;
        pending_ = true;
        pending_end_ = end;
    }

    void name_addr(std::size_t begin, std::size_t open, std::size_t end) {
        const bool merged = pending_;
        const std::size_t display_begin = merged ? pending_begin_ : begin;
        pending_ = false;
        if (merged)
            note("unquoted comma in display name");
        else if (!is_phrase(tokens_, begin, open))
            note("display name is not a valid phrase");

        std::size_t content = open + 1;
        while (content < end && is_special(tokens_[content], '<')) {
            note("nested '<'");
            ++content;
        }
        std::size_t close = content;
        while (close < end && !is_special(tokens_[close], '>')) ++close;
        if (close == end) note("missing '>'");
        content = skip_route(content, close);
        if (!has_significant(content, close)) {
            note("empty address <>");
            return;
        }
        AddrSpec spec = parse_addr_spec(tokens_, content, close);
        if (!spec.mailbox) {
            note(spec.problem);
            return;
        }
        if (!spec.problem.empty()) note(spec.problem);
        if (close < end && has_significant(close + 1, end)) note("text after the address");

        Mailbox mailbox = std::move(*spec.mailbox);
        mailbox.display_name = phrase_text(tokens_, display_begin, open);
        if (merged) mailbox.display_name = trim_commas(mailbox.display_name);
        mailbox.comment = comment_text(tokens_, display_begin, end);
        add(std::move(mailbox));
    }

    // Skips an obsolete source route "@a,@b:" at the start of angle-addr content.
    std::size_t skip_route(std::size_t begin, std::size_t end) {
        std::size_t first = begin;
        while (first < end && tokens_[first].kind == TokenKind::comment) ++first;
        if (first == end || !is_special(tokens_[first], '@')) return begin;
        for (std::size_t i = first; i < end; ++i)
            if (is_special(tokens_[i], ':')) return i + 1;
        note("malformed source route");
        return begin;
    }

    // Text pieces that never met an address: recover an address written inside a
    // comment, remember a lone local part, or report them.
    void flush_pending() {
        if (!pending_) return;
        pending_ = false;
        if (allow_comment_recovery_ && recover_from_comments()) return;
        AddrSpec spec = parse_addr_spec(tokens_, pending_begin_, pending_end_);
        if (spec.mailbox && spec.mailbox->domain.empty() && !domainless_ &&
            spec.mailbox->local_part.size() <= max_local_part_bytes) {
            spec.mailbox->comment = comment_text(tokens_, pending_begin_, pending_end_);
            domainless_ = std::move(spec.mailbox);
            return;
        }
        note(has_at(pending_begin_, pending_end_) ? "invalid address" : "text without an address");
    }

    bool recover_from_comments() {
        for (std::size_t i = pending_begin_; i < pending_end_; ++i) {
            const Token& token = tokens_[i];
            if (token.kind != TokenKind::comment || token.text.find('@') == std::string::npos) continue;
            const TokenizedText inner = tokenize_address_text(token.text);
            AddressList found = ListParser(inner.tokens, false).run({});
            if (found.mailboxes.empty()) continue;
            note("address written inside a comment");
            for (Mailbox& mailbox : found.mailboxes) {
                if (mailbox.display_name.empty())
                    mailbox.display_name = trim_commas(phrase_text(tokens_, pending_begin_, pending_end_));
                add(std::move(mailbox));
            }
            return true;
        }
        return false;
    }

    // The ':' that opens a group: before any '<' or '@' of the piece.
    std::size_t group_colon(std::size_t begin, std::size_t end) const {
        for (std::size_t i = begin; i < end; ++i) {
            if (is_special(tokens_[i], '<') || is_special(tokens_[i], '@')) return npos;
            if (is_special(tokens_[i], ':')) return i;
        }
        return npos;
    }

    bool has_significant(std::size_t begin, std::size_t end) const {
        for (std::size_t i = begin; i < end; ++i)
            if (tokens_[i].kind != TokenKind::comment) return true;
        return false;
    }

    bool has_comment(std::size_t begin, std::size_t end) const {
        for (std::size_t i = begin; i < end; ++i)
            if (tokens_[i].kind == TokenKind::comment) return true;
        return false;
    }

    bool has_at(std::size_t begin, std::size_t end) const {
        for (std::size_t i = begin; i < end; ++i)
            if (is_special(tokens_[i], '@')) return true;
        return false;
    }

    static std::string trim_commas(const std::string& text) {
        std::size_t first = 0;
        std::size_t last = text.size();
        while (first < last && (text[first] == ',' || text[first] == ' ')) ++first;
        while (last > first && (text[last - 1] == ',' || text[last - 1] == ' ')) --last;
        return text.substr(first, last - first);
    }

    void add(Mailbox mailbox) {
        if (result_.mailboxes.size() >= max_mailboxes) {
            note("more than 1000 mailboxes; the rest were ignored");
            full_ = true;
            return;
        }
        if (mailbox.domain_unicode.empty()) mailbox.domain_unicode = mailbox.domain;
        result_.mailboxes.push_back(std::move(mailbox));
    }

    void note(const std::string& problem) {
        if (problem.empty()) return;
        for (const std::string& known : problems_)
            if (known == problem) return;
        problems_.push_back(problem);
    }

    void finish() {
        for (const std::string& problem : problems_) {
            if (!result_.problem.empty()) result_.problem += "; ";
            result_.problem += problem;
        }
        if (result_.mailboxes.empty()) {
            const bool empty_group = saw_group_ && problems_.empty();
            result_.status = empty_group ? ParseStatus::ok : ParseStatus::unparsable;
            if (!empty_group && result_.problem.empty()) result_.problem = "no address found";
        } else {
            result_.status = problems_.empty() ? ParseStatus::ok : ParseStatus::repaired;
        }
    }

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    const std::vector<Token>& tokens_;
    const bool allow_comment_recovery_;
    AddressList result_;
    std::vector<std::string> problems_;
    bool in_group_ = false;
    bool saw_group_ = false;
    bool full_ = false;
    bool pending_ = false;
    std::size_t pending_begin_ = 0;
    std::size_t pending_end_ = 0;
    std::optional<Mailbox> domainless_;
};

}  // namespace

AddressList parse_address_list(std::string_view header_value) {
    std::vector<std::string> problems;
    const std::string text = prepare_text(header_value, problems);
    TokenizedText tokenized = tokenize_address_text(text);
    problems.insert(problems.end(), tokenized.problems.begin(), tokenized.problems.end());
    return ListParser(tokenized.tokens, true).run(std::move(problems));
}

}  // namespace sg::mail

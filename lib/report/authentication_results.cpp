// authentication_results - RFC 8601 header values: writer and lenient reader.
#include "report/authentication_results.hpp"

#include <cctype>
#include <optional>

namespace sg::report {
namespace {

constexpr std::size_t line_limit = 77;  // longest line: RFC 5322 asks for fewer than 78
constexpr std::string_view header_prefix = "Authentication-Results: ";
constexpr std::size_t reason_limit = 160;

bool is_tspecial(char c) {
    return std::string_view("()<>@,;:\\\"/[]?=").find(c) != std::string_view::npos;
}

// RFC 2045 token: printable ASCII without space and tspecials.
bool is_token(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte >= 0x7f || is_tspecial(c)) return false;
    }
    return true;
}

bool is_atext_or_dot(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           std::string_view("!#$%&'*+-/=?^_`{|}~.").find(c) != std::string_view::npos;
}

// RFC 8601 pvalue also allows [[local-part] "@"] domain-name unquoted (header.i=@example.com).
bool is_address_value(std::string_view text) {
    std::size_t at = text.find('@');
    if (at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos) return false;
    for (char c : text.substr(0, at))
        if (!is_atext_or_dot(c)) return false;
    return is_token(text.substr(at + 1));
}

// Printable ASCII only, whitespace runs collapsed, clipped: header text must not
// carry what a DNS answer or a peer put in a reason.
std::string clean(std::string_view text, std::size_t limit) {
    std::string out;
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte == 0x7f) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += byte >= 0x80 ? '?' : c;
        }
        if (out.size() >= limit) {
            out += "...";
            break;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string quoted(std::string_view text) {
    std::string out = "\"";
    for (char c : clean(text, reason_limit)) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string value(std::string_view text) {
    return is_token(text) ? std::string(text) : quoted(text);
}

std::string comment(std::string_view text) {
    std::string out = "(";
    for (char c : clean(text, reason_limit)) {
        if (c == '(' || c == ')' || c == '\\') out += '\\';
        out += c;
    }
    return out + ")";
}

using Words = std::vector<std::string>;

void add_property(Words& words, std::string_view name, std::string_view text, bool address = false) {
    if (text.empty()) return;
    words.push_back(std::string(name) + "=" + (address && is_address_value(text) ? std::string(text) : value(text)));
}

void add_reason(Words& words, core::AuthResult result, std::string_view reason) {
    if (result != core::AuthResult::pass && !reason.empty()) words.push_back("reason=" + quoted(reason));
}

std::string method(std::string_view name, core::AuthResult result) {
    return std::string(name) + "=" + std::string(core::to_string(result));
}

Words spf_words(const core::SpfOutcome& spf) {
    Words words{method("spf", spf.result)};
    add_reason(words, spf.result, spf.reason);
    add_property(words, spf.identity == "helo" ? "smtp.helo" : "smtp.mailfrom", spf.domain);
    return words;
}

std::vector<Words> dkim_words(const core::DkimOutcome& dkim) {
    if (dkim.signatures.empty()) {
        Words words{"dkim=none"};
        add_reason(words, core::AuthResult::none, dkim.reason);
        return {words};
    }
    std::vector<Words> all;
    for (const core::DkimSignatureOutcome& signature : dkim.signatures) {
        Words words{method("dkim", signature.result)};
        add_reason(words, signature.result, signature.reason);
        add_property(words, "header.d", signature.domain);
        add_property(words, "header.i", signature.identity, true);
        add_property(words, "header.s", signature.selector);
        add_property(words, "header.a", signature.algorithm);
        add_property(words, "header.b", signature.header_b);
        all.push_back(std::move(words));
    }
    return all;
}

Words dmarc_words(const core::DmarcOutcome& dmarc) {
    Words words{method("dmarc", dmarc.result)};
    if (!dmarc.policy.empty())
        words.push_back(comment("p=" + dmarc.policy + " pct=" + std::to_string(dmarc.percent)));
    else if (dmarc.result == core::AuthResult::temperror)
        words.push_back(comment("policy unknown"));
    add_reason(words, dmarc.result, dmarc.reason);
    add_property(words, "header.from", dmarc.from_domain);
    return words;
}

std::string fold(const std::string& authserv, const std::vector<Words>& resinfos) {
    std::string single = authserv;
    for (const Words& words : resinfos) {
        single += ";";
        for (const std::string& word : words) single += " " + word;
    }
    if (header_prefix.size() + single.size() <= line_limit) return single;
    std::string out = authserv + ";";
    for (std::size_t i = 0; i < resinfos.size(); ++i) {
        bool last = i + 1 == resinfos.size();
        std::size_t column = 1;
        out += "\n\t";
        for (std::size_t j = 0; j < resinfos[i].size(); ++j) {
            const std::string& word = resinfos[i][j];
            std::size_t needed = word.size() + (j + 1 == resinfos[i].size() && !last ? 1 : 0);
            if (j > 0 && column + 1 + needed > line_limit) {
                out += "\n\t";
                column = 1;
            } else if (j > 0) {
                out += " ";
                ++column;
            }
            out += word;
            column += word.size();
        }
        if (!last) out += ";";
    }
    return out;
}

// Reading ------------------------------------------------------------------

class Cursor {
public:
    explicit Cursor(std::string_view text) : text_(text) {}

    bool at_end() const { return pos_ >= text_.size(); }
    char peek() const { return at_end() ? '\0' : text_[pos_]; }
    void advance() { ++pos_; }

    // Whitespace, line breaks and (nested) comments; comment texts are collected.
    bool skip_cfws(std::vector<std::string>* comments = nullptr) {
        while (!at_end()) {
            char c = peek();
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                advance();
            } else if (c == '(') {
                std::string text;
                if (!read_comment(text)) return false;
                if (comments) comments->push_back(text);
            } else {
                break;
            }
        }
        return true;
    }

    // Keyword-like words: method, result, ptype.property.
    std::string read_word() {
        std::size_t start = pos_;
        while (!at_end()) {
            char c = peek();
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') break;
            advance();
        }
        return std::string(text_.substr(start, pos_ - start));
    }

    std::optional<std::string> read_quoted() {
        advance();  // opening quote
        std::string out;
        while (!at_end()) {
            char c = peek();
            advance();
            if (c == '"') return out;
            if (c == '\\' && !at_end()) {
                out += peek();
                advance();
            } else if (c != '\r' && c != '\n') {
                out += c;
            }
        }
        return std::nullopt;
    }

    // A quoted string, or everything up to whitespace, ';' or a comment.
    std::optional<std::string> read_value() {
        if (peek() == '"') return read_quoted();
        std::size_t start = pos_;
        while (!at_end()) {
            char c = peek();
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';' || c == '(') break;
            advance();
        }
        return std::string(text_.substr(start, pos_ - start));
    }

private:
    bool read_comment(std::string& text) {
        int depth = 0;
        while (!at_end()) {
            char c = peek();
            advance();
            if (c == '\\' && !at_end()) {
                text += peek();
                advance();
                continue;
            }
            if (c == '(' && depth++ == 0) continue;
            if (c == ')' && --depth == 0) return true;
            text += c;
        }
        return false;
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// One resinfo after its ';'. Returns an error text, or "" when it parsed.
std::string parse_resinfo(Cursor& cursor, ParsedResults& parsed) {
    MethodResult entry;
    entry.method = lower(cursor.read_word());
    if (entry.method.empty()) return "expected a method";
    if (cursor.peek() == '/') {
        cursor.advance();
        cursor.read_word();
    }
    if (!cursor.skip_cfws(&entry.comments)) return "unterminated comment";
    if (entry.method == "none" && (cursor.at_end() || cursor.peek() == ';')) return "";
    if (cursor.peek() != '=') return "expected '=' after " + entry.method;
    cursor.advance();
    if (!cursor.skip_cfws(&entry.comments)) return "unterminated comment";
    entry.result = lower(cursor.read_word());
    if (entry.result.empty()) return "expected a result for " + entry.method;
    while (true) {
        if (!cursor.skip_cfws(&entry.comments)) return "unterminated comment";
        if (cursor.at_end() || cursor.peek() == ';') break;
        std::string name = lower(cursor.read_word());
        if (name.empty()) return "unexpected character in " + entry.method + " result";
        if (!cursor.skip_cfws(&entry.comments)) return "unterminated comment";
        if (cursor.peek() != '=') return "expected '=' after " + name;
        cursor.advance();
        if (!cursor.skip_cfws(&entry.comments)) return "unterminated comment";
        std::optional<std::string> text = cursor.read_value();
        if (!text) return "unterminated quoted string";
        if (name == "reason")
            entry.reason = *text;
        else
            entry.properties.push_back({name, *text});
    }
    parsed.results.push_back(std::move(entry));
    return "";
}

}  // namespace

std::string authentication_results_value(std::string_view authserv_id, const core::Authentication& authentication) {
    std::string authserv = value(authserv_id);
    if (!authentication.evaluated) return authserv + "; none";
    std::vector<Words> resinfos;
    if (!authentication.smtp_auth.empty()) {
        Words words{"auth=pass"};
        add_property(words, "smtp.auth", authentication.smtp_auth, true);
        resinfos.push_back(std::move(words));
    }
    if (authentication.applies) resinfos.push_back(spf_words(authentication.spf));
    for (Words& words : dkim_words(authentication.dkim)) resinfos.push_back(std::move(words));
    if (authentication.applies) resinfos.push_back(dmarc_words(authentication.dmarc));
    return fold(authserv, resinfos);
}

std::string MethodResult::property(std::string_view name) const {
    for (const ResultProperty& p : properties)
        if (p.name == name) return p.value;
    return "";
}

ParsedResults parse_authentication_results(std::string_view text) {
    ParsedResults parsed;
    Cursor cursor(text);
    if (!cursor.skip_cfws()) {
        parsed.problem = "unterminated comment";
        return parsed;
    }
    std::optional<std::string> authserv = cursor.read_value();
    if (!authserv || authserv->empty()) {
        parsed.problem = "no authserv-id";
        return parsed;
    }
    parsed.authserv_id = *authserv;
    if (!cursor.skip_cfws()) {
        parsed.problem = "unterminated comment";
        return parsed;
    }
    if (std::isdigit(static_cast<unsigned char>(cursor.peek()))) {
        cursor.read_word();  // authres-version
        cursor.skip_cfws();
    }
    if (cursor.peek() != ';') {
        parsed.problem = cursor.at_end() ? "no result after the authserv-id" : "expected ';' after the authserv-id";
        return parsed;
    }
    while (cursor.peek() == ';') {
        cursor.advance();
        if (!cursor.skip_cfws()) {
            parsed.problem = "unterminated comment";
            return parsed;
        }
        if (cursor.at_end()) break;  // a trailing ';', as some writers emit
        if (std::string problem = parse_resinfo(cursor, parsed); !problem.empty()) {
            parsed.problem = problem;
            return parsed;
        }
    }
    parsed.ok = cursor.at_end();
    if (!parsed.ok) parsed.problem = "unexpected text after the results";
    return parsed;
}

}  // namespace sg::report

// spf_record_guard - RFC 7208 section 12 ABNF for records, term by term.
#include "spf/spf_record_guard.hpp"

#include "spf/spf_macro_string.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <netinet/in.h>
#include <optional>
#include <string>

namespace sg::spf {

namespace {

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }

// "0" / %x31-39 0*N DIGIT, value <= max.
bool is_cidr_length(std::string_view digits, int max) {
    if (digits.empty() || digits.size() > 3) return false;
    if (!std::all_of(digits.begin(), digits.end(), is_digit)) return false;
    if (digits.size() > 1 && digits[0] == '0') return false;
    int value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    return value <= max;
}

// toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum )
bool is_toplabel(std::string_view label) {
    if (label.empty()) return false;
    if (std::all_of(label.begin(), label.end(), is_alnum))
        return std::any_of(label.begin(), label.end(), is_alpha);
    if (!is_alnum(label.front()) || !is_alnum(label.back())) return false;
    return std::all_of(label.begin(), label.end(), [](char c) { return is_alnum(c) || c == '-'; });
}

// domain-spec = macro-string domain-end; domain-end = ( "." toplabel [ "." ] ) / macro-expand
std::optional<std::string> check_domain_spec(std::string_view spec) {
    if (spec.empty()) return "empty domain-spec";
    const MacroCheck macro = check_macro_string(spec, MacroContext::domain_spec);
    if (!macro.ok) return macro.why;
    if (macro.ends_with_macro) return std::nullopt;
    std::string_view body = spec;
    if (body.back() == '.') body.remove_suffix(1);
    const auto dot = body.rfind('.');
    if (dot == std::string_view::npos) return "domain-spec without a top label";
    const std::string_view top = body.substr(dot + 1);
    if (top.find('%') != std::string_view::npos || !is_toplabel(top))
        return "invalid top label '" + std::string(top) + "'";
    return std::nullopt;
}

// Where a trailing dual-cidr-length ("/24", "//64", "/24//64") starts; the
// domain-spec is everything before it (it may itself contain '/').
std::size_t cidr_start(std::string_view value) {
    auto digits_before = [&](std::size_t end) {
        std::size_t start = end;
        while (start > 0 && is_digit(value[start - 1]) && end - start < 4) --start;
        return start;
    };
    std::size_t end = value.size();
    std::size_t start = digits_before(end);
    if (start == end || start == 0 || value[start - 1] != '/') return end;
    std::size_t split = start - 1;
    if (split > 0 && value[split - 1] == '/') {  // "//N": ip6 part, maybe an ip4 part before it
        split -= 1;
        const std::size_t v4 = digits_before(split);
        if (v4 < split && v4 > 0 && value[v4 - 1] == '/') split = v4 - 1;
    }
    return split;
}

// dual-cidr-length = [ ip4-cidr-length ] [ "/" ip6-cidr-length ]
std::optional<std::string> check_dual_cidr(std::string_view cidr) {
    if (cidr.empty()) return std::nullopt;
    const auto v6 = cidr.find("//");
    std::string_view v4_part = v6 == std::string_view::npos ? cidr : cidr.substr(0, v6);
    if (v6 != std::string_view::npos && !is_cidr_length(cidr.substr(v6 + 2), 128))
        return "invalid ip6 cidr length";
    if (!v4_part.empty() && (v4_part[0] != '/' || !is_cidr_length(v4_part.substr(1), 32)))
        return "invalid ip4 cidr length";
    return std::nullopt;
}

std::optional<std::string> check_ip(std::string_view value, bool v6) {
    const auto slash = value.find('/');
    const std::string address(value.substr(0, slash));
    if (slash != std::string_view::npos && !is_cidr_length(value.substr(slash + 1), v6 ? 128 : 32))
        return v6 ? "invalid ip6 cidr length" : "invalid ip4 cidr length";
    unsigned char buffer[sizeof(in6_addr)];
    if (address.empty() || inet_pton(v6 ? AF_INET6 : AF_INET, address.c_str(), buffer) != 1)
        return std::string(v6 ? "invalid ip6 network '" : "invalid ip4 network '") + address + "'";
    return std::nullopt;
}

struct TermState {
    bool seen_redirect = false;
    bool seen_exp = false;
};

std::optional<std::string> check_modifier(std::string_view name, std::string_view value, TermState& state) {
    if (!is_alpha(name.front()) ||
        !std::all_of(name.begin(), name.end(),
                     [](char c) { return is_alnum(c) || c == '-' || c == '_' || c == '.'; }))
        return "invalid modifier name '" + std::string(name) + "'";
    if (iequals(name, "redirect") || iequals(name, "exp")) {
        bool& seen = iequals(name, "redirect") ? state.seen_redirect : state.seen_exp;
        if (seen) return "duplicate " + std::string(name) + "= modifier";
        seen = true;
        auto error = check_domain_spec(value);
        if (error) return std::string(name) + "=: " + *error;
        if (check_macro_string(value, MacroContext::domain_spec).compiled_bound + name.size() + 8 >
            max_compiled_bytes)
            return std::string(name) + "=: term too large";
        return std::nullopt;
    }
    const MacroCheck macro = check_macro_string(value, MacroContext::modifier_value);
    if (!macro.ok) return std::string(name) + "=: " + macro.why;
    if (macro.compiled_bound + name.size() + 8 > max_compiled_bytes)
        return std::string(name) + "=: term too large";
    return std::nullopt;
}

std::optional<std::string> check_mechanism(std::string_view term) {
    std::string_view body = term;
    if (body.front() == '+' || body.front() == '-' || body.front() == '?' || body.front() == '~')
        body.remove_prefix(1);
    std::size_t name_end = 0;
    while (name_end < body.size() && is_alnum(body[name_end])) ++name_end;
    const std::string_view name = body.substr(0, name_end);
    const std::string_view rest = body.substr(name_end);
    const bool has_value = !rest.empty() && rest.front() == ':';
    const std::string_view value = has_value ? rest.substr(1) : std::string_view{};

    if (iequals(name, "all")) {
        if (!rest.empty()) return "'all' takes no argument";
        return std::nullopt;
    }
    if (iequals(name, "include") || iequals(name, "exists")) {
        if (!has_value) return std::string(name) + " requires ':' domain-spec";
        auto error = check_domain_spec(value);
        if (error) return std::string(name) + ": " + *error;
        return std::nullopt;
    }
    if (iequals(name, "ptr")) {
        if (rest.empty()) return std::nullopt;
        if (!has_value) return "invalid character after 'ptr'";
        auto error = check_domain_spec(value);
        if (error) return "ptr: " + *error;
        return std::nullopt;
    }
    if (iequals(name, "a") || iequals(name, "mx")) {
        if (rest.empty()) return std::nullopt;
        if (!has_value && rest.front() != '/')
            return "invalid character after '" + std::string(name) + "'";
        const std::string_view spec_and_cidr = has_value ? value : rest;
        const std::size_t split = has_value ? cidr_start(spec_and_cidr) : 0;
        if (has_value) {
            auto error = check_domain_spec(spec_and_cidr.substr(0, split));
            if (error) return std::string(name) + ": " + *error;
        }
        auto error = check_dual_cidr(spec_and_cidr.substr(split));
        if (error) return std::string(name) + ": " + *error;
        return std::nullopt;
    }
    if (iequals(name, "ip4") || iequals(name, "ip6")) {
        if (!has_value) return std::string(name) + " requires ':' network";
        auto error = check_ip(value, iequals(name, "ip6"));
        if (error) return error;
        return std::nullopt;
    }
    return "unknown mechanism '" + std::string(name) + "'";
}

std::optional<std::string> check_term(std::string_view term, TermState& state) {
    // A modifier is name "=" ...; the name ends before the first ':' or '/'.
    const auto eq = term.find('=');
    const auto other = term.find_first_of(":/");
    if (eq != std::string_view::npos && (other == std::string_view::npos || eq < other)) {
        const std::string_view name = term.substr(0, eq);
        if (name.empty()) return "modifier without a name";
        return check_modifier(name, term.substr(eq + 1), state);
    }
    auto error = check_mechanism(term);
    if (error) return error;
    const MacroCheck size = check_macro_string(term, MacroContext::domain_spec);
    if (size.ok && size.compiled_bound + 24 > max_compiled_bytes) return "term too large";
    return std::nullopt;
}

GuardVerdict reject(std::string why) { return GuardVerdict{false, std::move(why)}; }

}  // namespace

bool is_spf_record(std::string_view txt) {
    if (txt.size() < 6 || !iequals(txt.substr(0, 6), "v=spf1")) return false;
    return txt.size() == 6 || txt[6] == ' ';
}

GuardVerdict guard_spf_record(std::string_view record) {
    if (!is_spf_record(record)) return reject("not an SPF version 1 record");
    if (record.size() > max_record_octets)
        return reject("record longer than " + std::to_string(max_record_octets) + " octets");
    for (char c : record) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u > 0x7e) return reject("non-printable or non-ASCII byte in record");
    }
    TermState state;
    std::size_t pos = 6;
    while (pos < record.size()) {
        if (record[pos] == ' ') { ++pos; continue; }
        const std::size_t end = std::min(record.find(' ', pos), record.size());
        const std::string_view term = record.substr(pos, end - pos);
        if (auto error = check_term(term, state))
            return reject(*error + " in '" + std::string(term.substr(0, 64)) + "'");
        pos = end;
    }
    return GuardVerdict{true, {}};
}

GuardVerdict guard_explanation(std::string_view text) {
    if (text.size() > max_record_octets)
        return reject("explanation longer than " + std::to_string(max_record_octets) + " octets");
    const MacroCheck macro = check_macro_string(text, MacroContext::explanation);
    if (!macro.ok) return reject(macro.why);
    return GuardVerdict{true, {}};
}

}  // namespace sg::spf

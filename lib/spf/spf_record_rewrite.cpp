// spf_record_rewrite - modifier placement libspf2 gets right.
#include "spf/spf_record_rewrite.hpp"

#include <algorithm>
#include <cctype>
#include <list>
#include <vector>

namespace sg::spf {

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// "name=" before any ':' or '/': the guard's modifier rule.
std::string modifier_name(std::string_view term) {
    const auto eq = term.find('=');
    const auto other = term.find_first_of(":/");
    if (eq == std::string_view::npos || (other != std::string_view::npos && other < eq)) return {};
    return lower(term.substr(0, eq));
}

bool is_all(std::string_view term) {
    if (!term.empty() && (term[0] == '+' || term[0] == '-' || term[0] == '?' || term[0] == '~'))
        term.remove_prefix(1);
    return lower(term) == "all";
}

// libspf2 refuses a CIDR length of 0; "ip4:x/0" is "ip4:0.0.0.0/1 ip4:128.0.0.0/1"
// with the same qualifier (and ip6 likewise), which it evaluates exactly.
bool split_zero_prefix(std::string_view term, std::vector<std::string_view>& kept,
                       std::list<std::string>& storage) {
    if (term.size() < 2 || term.substr(term.size() - 2) != "/0") return false;
    std::string_view qualifier;
    std::string_view body = term;
    if (body[0] == '+' || body[0] == '-' || body[0] == '?' || body[0] == '~') {
        qualifier = body.substr(0, 1);
        body.remove_prefix(1);
    }
    const std::string name = lower(body.substr(0, 4));
    const char* halves[2];
    if (name == "ip4:") {
        halves[0] = "ip4:0.0.0.0/1";
        halves[1] = "ip4:128.0.0.0/1";
    } else if (name == "ip6:") {
        halves[0] = "ip6:::/1";
        halves[1] = "ip6:8000::/1";
    } else {
        return false;
    }
    for (const char* half : halves) kept.push_back(storage.emplace_back(std::string(qualifier) + half));
    return true;
}

// Splits a trailing dual-cidr-length off `term`: "a:d/24//64" -> {"a:d", "24", "64"}.
struct DualCidr {
    std::string_view head, v4, v6;
};
DualCidr split_dual_cidr(std::string_view term) {
    auto digits_before = [&](std::size_t end) {
        std::size_t start = end;
        while (start > 0 && term[start - 1] >= '0' && term[start - 1] <= '9') --start;
        return start;
    };
    DualCidr out{term, {}, {}};
    std::size_t end = term.size();
    std::size_t start = digits_before(end);
    if (start == end || start == 0 || term[start - 1] != '/') return out;
    if (start >= 2 && term[start - 2] == '/') {
        out.v6 = term.substr(start, end - start);
        end = start - 2;
        start = digits_before(end);
        if (start == end || start == 0 || term[start - 1] != '/') {
            out.head = term.substr(0, end);
            return out;
        }
    }
    out.v4 = term.substr(start, end - start);
    out.head = term.substr(0, start - 1);
    return out;
}

// libspf2 also refuses "a/0" and "mx/0". Only the length for the client's
// family matters: drop the other one when it is 0; "a:d/0" for an IPv4 client
// is exactly "exists:d" (one A query, match when it has an address).
bool rewrite_zero_cidr(std::string_view term, bool client_ipv6, std::vector<std::string_view>& kept,
                       std::list<std::string>& storage) {
    const DualCidr cidr = split_dual_cidr(term);
    if (cidr.v4 != "0" && cidr.v6 != "0") return false;
    std::string_view qualifier;
    std::string_view body = cidr.head;
    if (!body.empty() && (body[0] == '+' || body[0] == '-' || body[0] == '?' || body[0] == '~')) {
        qualifier = body.substr(0, 1);
        body.remove_prefix(1);
    }
    const auto colon = body.find(':');
    const std::string name = lower(body.substr(0, colon));
    if (name != "a" && name != "mx") return false;
    std::string_view own = client_ipv6 ? cidr.v6 : cidr.v4;
    if (own == "0") {
        if (name != "a" || client_ipv6) return false;  // no exact libspf2 equivalent
        const std::string domain = colon == std::string_view::npos ? "%{d}" : std::string(body.substr(colon + 1));
        kept.push_back(storage.emplace_back(std::string(qualifier) + "exists:" + domain));
        return true;
    }
    std::string out(cidr.head);
    if (!own.empty()) out += (client_ipv6 ? "//" : "/") + std::string(own);
    kept.push_back(storage.emplace_back(std::move(out)));
    return true;
}

}  // namespace

std::string rewrite_for_libspf2(std::string_view record, bool client_ipv6) {
    std::list<std::string> storage;  // owns split terms; stable addresses
    std::vector<std::string_view> kept;
    std::string_view redirect;
    bool has_all = false;
    std::size_t pos = 6;  // after "v=spf1"
    while (pos < record.size()) {
        if (record[pos] == ' ') { ++pos; continue; }
        const std::size_t end = std::min(record.find(' ', pos), record.size());
        const std::string_view term = record.substr(pos, end - pos);
        pos = end;
        const std::string name = modifier_name(term);
        if (name.empty()) {
            has_all = has_all || is_all(term);
            if (!split_zero_prefix(term, kept, storage) && !rewrite_zero_cidr(term, client_ipv6, kept, storage))
                kept.push_back(term);
        } else if (name == "redirect") {
            redirect = term;
        } else if (name == "exp") {
            kept.push_back(term);
        }
    }
    std::string out = "v=spf1";
    for (const auto term : kept) (out += ' ') += term;
    if (!redirect.empty() && !has_all) (out += ' ') += redirect;
    return out;
}

}  // namespace sg::spf

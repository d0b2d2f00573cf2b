// dmarc_record - RFC 7489 section 6.3 tag-list parsing.
#include "dmarc/dmarc_record.hpp"

#include <cctype>
#include <charconv>

namespace sg::dmarc {
namespace {

bool is_wsp(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_wsp(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_wsp(text.back())) text.remove_suffix(1);
    return text;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

struct Tag {
    std::string name;   // lowercase
    std::string value;  // trimmed, case preserved
    bool has_equals = true;
};

// Splits "a=b; c=d;" into tags; empty specs (a trailing ';') are skipped.
std::vector<Tag> split_tags(std::string_view txt) {
    std::vector<Tag> tags;
    while (!txt.empty()) {
        std::size_t end = txt.find(';');
        std::string_view spec = trim(txt.substr(0, end));
        txt = end == std::string_view::npos ? std::string_view{} : txt.substr(end + 1);
        if (spec.empty()) continue;
        std::size_t equals = spec.find('=');
        if (equals == std::string_view::npos) {
            tags.push_back({lower(spec), "", false});
            continue;
        }
        tags.push_back({lower(trim(spec.substr(0, equals))), std::string(trim(spec.substr(equals + 1))), true});
    }
    return tags;
}

std::optional<Policy> policy_from(std::string_view value) {
    std::string word = lower(value);
    if (word == "none") return Policy::none;
    if (word == "quarantine") return Policy::quarantine;
    if (word == "reject") return Policy::reject;
    return std::nullopt;
}

std::optional<AlignmentMode> mode_from(std::string_view value) {
    std::string word = lower(value);
    if (word == "r") return AlignmentMode::relaxed;
    if (word == "s") return AlignmentMode::strict;
    return std::nullopt;
}

template <typename Number>
std::optional<Number> digits(std::string_view value, std::size_t max_digits) {
    if (value.empty() || value.size() > max_digits) return std::nullopt;
    for (char c : value)
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    Number number{};
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc{} || end != value.data() + value.size()) return std::nullopt;
    return number;
}

// RFC 3986 scheme ":" rest, then the optional "!" size limit (section 6.4 dmarc-uri).
bool valid_uri(std::string_view uri) {
    std::size_t bang = uri.rfind('!');
    if (bang != std::string_view::npos && bang > uri.find(':')) {
        std::string_view size = uri.substr(bang + 1);
        if (!size.empty() && std::string_view("kmgtKMGT").find(size.back()) != std::string_view::npos)
            size.remove_suffix(1);
        if (!digits<unsigned long long>(size, 19)) return false;
        uri = uri.substr(0, bang);
    }
    std::size_t colon = uri.find(':');
    if (colon == 0 || colon == std::string_view::npos || colon + 1 == uri.size()) return false;
    if (!std::isalpha(static_cast<unsigned char>(uri[0]))) return false;
    for (char c : uri.substr(0, colon))
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
    for (char c : uri.substr(colon + 1))
        if (static_cast<unsigned char>(c) <= ' ' || static_cast<unsigned char>(c) >= 0x7f) return false;
    return true;
}

std::vector<std::string> uri_list(const Tag& tag, std::vector<std::string>& problems) {
    std::vector<std::string> uris;
    std::string_view rest = tag.value;
    while (true) {
        std::size_t comma = rest.find(',');
        std::string_view uri = trim(rest.substr(0, comma));
        if (valid_uri(uri))
            uris.emplace_back(uri);
        else
            problems.push_back(tag.name + ": invalid URI '" + std::string(uri) + "' ignored");
        if (comma == std::string_view::npos) break;
        rest = rest.substr(comma + 1);
    }
    return uris;
}

bool valid_failure_options(std::string_view value) {
    if (value.empty()) return false;
    for (std::size_t i = 0; i < value.size(); ++i) {
        char c = value[i];
        bool option = c == '0' || c == '1' || c == 'd' || c == 's' || c == 'D' || c == 'S';
        bool separator = c == ':' && i % 2 == 1;
        if (i % 2 == 0 ? !option : !separator) return false;
    }
    return value.back() != ':';
}

// The only registered failure report format is "afrf" (RFC 7489 section 11.3).
bool valid_report_format(std::string_view value) {
    while (true) {
        std::size_t colon = value.find(':');
        if (lower(trim(value.substr(0, colon))) != "afrf") return false;
        if (colon == std::string_view::npos) return true;
        value = value.substr(colon + 1);
    }
}

void unusable(DmarcRecord& record, RecordStatus status, std::string reason) {
    record.status = status;
    record.reason = std::move(reason);
}

}  // namespace

std::string_view to_string(Policy policy) {
    switch (policy) {
        case Policy::none: return "none";
        case Policy::quarantine: return "quarantine";
        case Policy::reject: return "reject";
    }
    return "none";
}

std::string_view to_string(AlignmentMode mode) {
    return mode == AlignmentMode::strict ? "s" : "r";
}

std::string_view to_string(RecordStatus status) {
    switch (status) {
        case RecordStatus::ok: return "ok";
        case RecordStatus::empty: return "empty";
        case RecordStatus::bad_version: return "bad_version";
        case RecordStatus::bad_policy: return "bad_policy";
        case RecordStatus::missing_policy: return "missing_policy";
    }
    return "empty";
}

bool is_dmarc_record(std::string_view txt) {
    std::vector<Tag> tags = split_tags(txt.substr(0, txt.find(';')));
    return tags.size() == 1 && tags[0].name == "v" && tags[0].has_equals && tags[0].value == "DMARC1";
}

DmarcRecord parse_dmarc_record(std::string_view txt) {
    DmarcRecord record;
    std::vector<Tag> tags = split_tags(txt);
    if (tags.empty()) {
        unusable(record, RecordStatus::empty, "empty record");
        return record;
    }
    if (!is_dmarc_record(txt)) {
        unusable(record, RecordStatus::bad_version, "record does not start with v=DMARC1");
        return record;
    }
    record.status = RecordStatus::ok;
    std::optional<Policy> policy;
    bool policy_seen = false;
    bool subdomain_policy_bad = false;
    std::vector<std::string> seen;
    for (std::size_t i = 1; i < tags.size(); ++i) {
        const Tag& tag = tags[i];
        if (!tag.has_equals) {
            record.problems.push_back("'" + tag.name + "' is not a tag=value pair, ignored");
            continue;
        }
        bool duplicate = false;
        for (const std::string& name : seen) duplicate = duplicate || name == tag.name;
        if (duplicate) {
            record.problems.push_back("duplicate " + tag.name + "= ignored");
            continue;
        }
        seen.push_back(tag.name);
        if (tag.name == "p") {
            policy_seen = true;
            policy = policy_from(tag.value);
        } else if (tag.name == "sp") {
            record.subdomain_policy = policy_from(tag.value);
            subdomain_policy_bad = !record.subdomain_policy;
        } else if (tag.name == "adkim" || tag.name == "aspf") {
            AlignmentMode& mode = tag.name == "adkim" ? record.dkim_alignment : record.spf_alignment;
            if (auto parsed = mode_from(tag.value))
                mode = *parsed;
            else
                record.problems.push_back(tag.name + "=" + tag.value + " invalid, relaxed used");
        } else if (tag.name == "pct") {
            auto parsed = digits<int>(tag.value, 3);
            if (parsed && *parsed <= 100)
                record.percent = *parsed;
            else
                record.problems.push_back("pct=" + tag.value + " invalid, 100 used");
        } else if (tag.name == "rua") {
            record.aggregate_uris = uri_list(tag, record.problems);
        } else if (tag.name == "ruf") {
            record.failure_uris = uri_list(tag, record.problems);
        } else if (tag.name == "fo") {
            if (valid_failure_options(tag.value))
                record.failure_options = lower(tag.value);
            else
                record.problems.push_back("fo=" + tag.value + " invalid, 0 used");
        } else if (tag.name == "rf") {
            if (valid_report_format(tag.value))
                record.report_format = lower(tag.value);
            else
                record.problems.push_back("rf=" + tag.value + " invalid, afrf used");
        } else if (tag.name == "ri") {
            if (auto parsed = digits<unsigned long>(tag.value, 10); parsed && *parsed <= 0xffffffffUL)
                record.report_interval = *parsed;
            else
                record.problems.push_back("ri=" + tag.value + " invalid, 86400 used");
        }
        // Unknown tags are ignored (section 6.3), without comment.
    }
    if (policy && !subdomain_policy_bad) {
        record.policy = *policy;
        return record;
    }
    std::string reason = !policy_seen ? "no p= tag" : !policy ? "invalid p= value" : "invalid sp= value";
    if (!record.aggregate_uris.empty()) {
        // Section 6.6.3 step 6.1: act as if "v=DMARC1; p=none" was published.
        record.policy = Policy::none;
        record.subdomain_policy.reset();
        record.policy_from_rua = true;
        record.problems.push_back(reason + ", p=none assumed because rua= is valid");
        return record;
    }
    unusable(record, policy_seen ? RecordStatus::bad_policy : RecordStatus::missing_policy, reason);
    return record;
}

}  // namespace sg::dmarc

// local_data - parser for zone-style local data (see local_data.hpp).
#include "dns/local_data.hpp"

#include <arpa/inet.h>

#include <charconv>
#include <fstream>
#include <map>
#include <sstream>

#include "core/error.hpp"
#include "core/text.hpp"
#include "dns/dns_name.hpp"
#include "dns/zone_tokens.hpp"

namespace sg::dns {
namespace {

template <typename Number>
std::optional<Number> parse_number(std::string_view text, Number max) {
    Number value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value > max) return std::nullopt;
    return value;
}

std::string absolute(const std::string& name) { return name.empty() ? "." : name + "."; }

class LineParser {
public:
    LineParser(const std::string& source, std::size_t line) : source_(source), line_(line) {}

    [[noreturn]] void fail(const std::string& reason) const { throw core::ConfigError(source_, line_, reason); }

    std::string name(const ZoneToken& token, bool allow_root = false) const {
        if (allow_root && token.text == ".") return "";
        if (token.quoted || !is_valid_name(token.text)) fail("invalid domain name '" + token.text + "'");
        return canonical_name(token.text);
    }

    std::string address(const ZoneToken& token, int family) const {
        unsigned char bytes[16];
        char text[INET6_ADDRSTRLEN];
        if (inet_pton(family, token.text.c_str(), bytes) != 1 || !inet_ntop(family, bytes, text, sizeof text))
            fail(std::string("invalid ") + (family == AF_INET ? "IPv4" : "IPv6") + " address '" + token.text + "'");
        return text;
    }

    void rdata(LocalRecord& record, const std::vector<ZoneToken>& rd) const {
        const auto expect = [&](std::size_t count) {
            if (rd.size() != count)
                fail(std::string(to_string(record.type)) + " needs " + std::to_string(count) + " field" +
                     (count == 1 ? "" : "s") + ", found " + std::to_string(rd.size()));
        };
        switch (record.type) {
        case RecordType::a: expect(1); record.value = address(rd[0], AF_INET); break;
        case RecordType::aaaa: expect(1); record.value = address(rd[0], AF_INET6); break;
        case RecordType::mx: {
            expect(2);
            const auto preference = parse_number<std::uint16_t>(rd[0].text, 65535);
            if (!preference) fail("invalid MX preference '" + rd[0].text + "'");
            record.preference = *preference;
            record.value = name(rd[1], true);
            break;
        }
        case RecordType::ptr:
        case RecordType::cname:
        case RecordType::ns: expect(1); record.value = name(rd[0]); break;
        case RecordType::txt:
        case RecordType::spf:
            if (rd.empty()) fail("TXT needs at least one string");
            for (const auto& token : rd) {
                if (token.text.size() > 255)
                    fail("TXT string of " + std::to_string(token.text.size()) +
                         " octets (at most 255): split it into several quoted strings");
                record.strings.push_back(token.text);
            }
            break;
        case RecordType::soa: fail("unsupported record type SOA");
        }
    }

private:
    const std::string& source_;
    std::size_t line_;
};

void check_cname_exclusive(const std::vector<LocalRecord>& records, const std::string& source) {
    std::map<std::string, const LocalRecord*> cname;
    std::map<std::string, const LocalRecord*> other;
    for (const auto& record : records) {
        auto& mine = record.type == RecordType::cname ? cname : other;
        const auto& theirs = record.type == RecordType::cname ? other : cname;
        if (record.type == RecordType::cname && cname.count(record.name))
            throw core::ConfigError(source, record.line, "second CNAME for " + absolute(record.name));
        if (theirs.count(record.name))
            throw core::ConfigError(source, record.line,
                                    "CNAME and other data for " + absolute(record.name) + " (line " +
                                        std::to_string(theirs.at(record.name)->line) + ")");
        mine.emplace(record.name, &record);
    }
}

}  // namespace

std::optional<RecordType> parse_record_type(std::string_view text) {
    static const RecordType types[] = {RecordType::a,   RecordType::ns,  RecordType::cname,
                                       RecordType::soa, RecordType::ptr, RecordType::mx,
                                       RecordType::txt, RecordType::aaaa, RecordType::spf};
    for (const auto type : types)
        if (core::iequals(text, to_string(type))) return type;
    return std::nullopt;
}

std::string LocalRecord::presentation() const {
    switch (type) {
    case RecordType::mx: return std::to_string(preference) + " " + (value.empty() ? "." : value);
    case RecordType::txt:
    case RecordType::spf: {
        std::string joined;
        for (const auto& s : strings) joined += s;
        return joined;
    }
    default: return value;
    }
}

std::string LocalRecord::zone_line() const {
    std::string line = absolute(name) + " " + std::to_string(ttl) + " IN " + std::string(to_string(type)) + " ";
    switch (type) {
    case RecordType::mx: return line + std::to_string(preference) + " " + absolute(value);
    case RecordType::ptr:
    case RecordType::cname:
    case RecordType::ns: return line + absolute(value);
    case RecordType::txt:
    case RecordType::spf:
        for (std::size_t i = 0; i < strings.size(); ++i) line += (i ? " " : "") + quote_zone_string(strings[i]);
        return line;
    default: return line + value;
    }
}

LocalData LocalData::parse(std::string_view text, const std::string& source) {
    LocalData data;
    std::uint32_t default_ttl = 300;
    std::size_t number = 0;
    while (!text.empty()) {
        const auto end = text.find('\n');
        const auto line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        ++number;
        const LineParser parser(source, number);
        auto split = split_zone_line(line);
        if (!split.error.empty()) parser.fail(split.error);
        auto& tokens = split.tokens;
        if (tokens.empty()) continue;

        const std::string& first = tokens[0].text;
        if (!tokens[0].quoted && !first.empty() && first[0] == '$') {
            if (tokens.size() != 2) parser.fail(first + " needs exactly one argument");
            if (core::iequals(first, "$TTL")) {
                const auto ttl = parse_number<std::uint32_t>(tokens[1].text, 2147483647);
                if (!ttl) parser.fail("invalid TTL '" + tokens[1].text + "'");
                default_ttl = *ttl;
                continue;
            }
            Failure kind;
            if (core::iequals(first, "$TEMPFAIL")) kind = Failure::refused;
            else if (core::iequals(first, "$SERVFAIL")) kind = Failure::servfail;
            else if (core::iequals(first, "$TIMEOUT")) kind = Failure::timeout;
            else parser.fail("unknown directive " + first + " (expected $TTL, $TEMPFAIL, $SERVFAIL or $TIMEOUT)");
            data.failures.push_back({parser.name(tokens[1]), kind, number});
            continue;
        }

        LocalRecord record;
        record.line = number;
        record.ttl = default_ttl;
        record.name = parser.name(tokens[0]);
        std::size_t i = 1;
        std::optional<RecordType> type;
        for (; i < tokens.size() && !type; ++i) {
            const auto& token = tokens[i];
            if (token.quoted) parser.fail("expected a record type before \"" + token.text + "\"");
            if (const auto ttl = parse_number<std::uint32_t>(token.text, 2147483647)) {
                record.ttl = *ttl;
            } else if (core::iequals(token.text, "IN")) {
                continue;
            } else if (core::iequals(token.text, "CH") || core::iequals(token.text, "HS")) {
                parser.fail("only class IN is supported");
            } else if (!(type = parse_record_type(token.text))) {
                parser.fail("unknown record type '" + token.text + "'");
            }
        }
        if (!type) parser.fail("missing record type");
        record.type = *type;
        parser.rdata(record, std::vector<ZoneToken>(tokens.begin() + static_cast<std::ptrdiff_t>(i), tokens.end()));
        data.records.push_back(std::move(record));
    }
    check_cname_exclusive(data.records, source);
    return data;
}

LocalData LocalData::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw core::ConfigError(path, 0, "cannot read DNS local data file");
    std::ostringstream text;
    text << in.rdbuf();
    return parse(text.str(), path);
}

std::optional<Failure> LocalData::failure_for(std::string_view name) const {
    const auto key = canonical_name(name);
    const LocalFailure* best = nullptr;
    for (const auto& failure : failures)
        if (is_same_or_below(key, failure.name) && (!best || failure.name.size() > best->name.size()))
            best = &failure;
    if (!best) return std::nullopt;
    return best->kind;
}

}  // namespace sg::dns

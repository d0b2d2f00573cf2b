// dns_wire - query parsing and response encoding for dns_test_server.
#include "dns_wire.hpp"

#include <arpa/inet.h>

#include "dns/dns_name.hpp"

namespace sg::test_server {
namespace {

std::uint16_t read16(std::string_view p, std::size_t at) {
    return static_cast<std::uint16_t>((static_cast<std::uint8_t>(p[at]) << 8) | static_cast<std::uint8_t>(p[at + 1]));
}

void put16(std::string& out, std::uint16_t value) {
    out.push_back(static_cast<char>(value >> 8));
    out.push_back(static_cast<char>(value & 0xff));
}

std::vector<std::string> labels_of(const std::string& name) {
    std::vector<std::string> labels;
    std::size_t start = 0;
    while (start < name.size()) {
        const auto dot = name.find('.', start);
        const auto end = dot == std::string::npos ? name.size() : dot;
        labels.push_back(name.substr(start, end - start));
        start = end + 1;
    }
    return labels;
}

// Writes `name`, ending in a pointer into the question name (offset 12) when
// they share a suffix; this also checks that the resolver decompresses rdata.
void put_name(std::string& out, const std::string& name, const std::vector<std::string>& qlabels) {
    const auto labels = labels_of(name);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const std::size_t rest = labels.size() - i;
        if (rest <= qlabels.size()) {
            bool same = true;
            for (std::size_t k = 0; k < rest && same; ++k)
                same = labels[i + k] == qlabels[qlabels.size() - rest + k];
            if (same) {
                std::size_t offset = 12;
                for (std::size_t k = 0; k < qlabels.size() - rest; ++k) offset += qlabels[k].size() + 1;
                put16(out, static_cast<std::uint16_t>(0xc000 | offset));
                return;
            }
        }
        out.push_back(static_cast<char>(labels[i].size()));
        out += labels[i];
    }
    out.push_back('\0');
}

void put_record(std::string& out, const dns::LocalRecord& record, const std::vector<std::string>& qlabels) {
    put_name(out, record.name, qlabels);
    put16(out, static_cast<std::uint16_t>(record.type));
    put16(out, 1);
    put16(out, static_cast<std::uint16_t>(record.ttl >> 16));
    put16(out, static_cast<std::uint16_t>(record.ttl & 0xffff));
    const auto length_at = out.size();
    put16(out, 0);
    unsigned char address[16];
    switch (record.type) {
    case dns::RecordType::a:
        inet_pton(AF_INET, record.value.c_str(), address);
        out.append(reinterpret_cast<const char*>(address), 4);
        break;
    case dns::RecordType::aaaa:
        inet_pton(AF_INET6, record.value.c_str(), address);
        out.append(reinterpret_cast<const char*>(address), 16);
        break;
    case dns::RecordType::mx:
        put16(out, record.preference);
        put_name(out, record.value, qlabels);
        break;
    case dns::RecordType::txt:
    case dns::RecordType::spf:
        for (const auto& s : record.strings) {
            out.push_back(static_cast<char>(s.size()));
            out += s;
        }
        break;
    default: put_name(out, record.value, qlabels); break;
    }
    const auto length = out.size() - length_at - 2;
    out[length_at] = static_cast<char>(length >> 8);
    out[length_at + 1] = static_cast<char>(length & 0xff);
}

}  // namespace

std::optional<Question> parse_query(std::string_view packet) {
    if (packet.size() < 12) return std::nullopt;
    Question q;
    q.id = read16(packet, 0);
    q.flags = read16(packet, 2);
    q.has_additional = read16(packet, 10) != 0;
    if (read16(packet, 4) != 1) return q;
    std::size_t pos = 12;
    std::string name;
    while (pos < packet.size()) {
        const std::size_t length = static_cast<std::uint8_t>(packet[pos++]);
        if (length == 0) break;
        if (length > 63 || pos + length > packet.size()) return q;
        if (!name.empty()) name.push_back('.');
        name.append(packet.substr(pos, length));
        pos += length;
    }
    if (pos + 4 > packet.size()) return q;
    q.name = dns::canonical_name(name);
    q.type = read16(packet, pos);
    q.qclass = read16(packet, pos + 2);
    q.end = pos + 4;
    return q;
}

std::string build_response(std::string_view query, const Question& question, int rcode,
                           const std::vector<const dns::LocalRecord*>& answers, std::size_t max_size) {
    const bool has_question = question.end != 0;
    const auto build = [&](bool truncate) {
        std::string out;
        put16(out, question.id);
        // QR, opcode and RD from the query, AA, RA, TC when truncated, rcode.
        const auto flags = static_cast<std::uint16_t>(0x8000 | (question.flags & 0x7900) | 0x0400 | 0x0080 |
                                                      (truncate ? 0x0200 : 0) | (rcode & 0xf));
        put16(out, flags);
        put16(out, has_question ? 1 : 0);
        put16(out, truncate ? 0 : static_cast<std::uint16_t>(answers.size()));
        put16(out, 0);
        put16(out, 0);
        if (has_question) out.append(query.substr(12, question.end - 12));
        if (!truncate) {
            const auto qlabels = labels_of(question.name);
            for (const auto* record : answers) put_record(out, *record, qlabels);
        }
        return out;
    };
    auto response = build(false);
    if (response.size() > max_size) response = build(true);
    return response;
}

}  // namespace sg::test_server

// dns_packet - RFC 1035 response encoding for the key-query service.
#include "dkim/dns_packet.hpp"

#include <algorithm>

namespace sg::dkim {
namespace {

constexpr std::uint16_t type_txt = 16;
constexpr std::uint16_t class_in = 1;
constexpr std::size_t max_label = 63;
constexpr std::size_t max_name = 255;
constexpr std::size_t max_character_string = 255;

void put16(std::vector<unsigned char>& out, std::uint16_t value) {
    out.push_back(static_cast<unsigned char>(value >> 8));
    out.push_back(static_cast<unsigned char>(value & 0xff));
}

void put32(std::vector<unsigned char>& out, std::uint32_t value) {
    put16(out, static_cast<std::uint16_t>(value >> 16));
    put16(out, static_cast<std::uint16_t>(value & 0xffff));
}

// Appends `name` in wire form; false when it is not a valid name.
bool put_name(std::vector<unsigned char>& out, std::string_view name) {
    if (!name.empty() && name.back() == '.') name.remove_suffix(1);
    std::size_t wire_length = 1;
    if (!name.empty()) {
        std::size_t start = 0;
        while (start <= name.size()) {
            const std::size_t dot = std::min(name.find('.', start), name.size());
            const std::size_t length = dot - start;
            if (length == 0 || length > max_label) return false;
            wire_length += length + 1;
            if (wire_length > max_name) return false;
            out.push_back(static_cast<unsigned char>(length));
            out.insert(out.end(), name.begin() + static_cast<std::ptrdiff_t>(start),
                       name.begin() + static_cast<std::ptrdiff_t>(dot));
            start = dot + 1;
        }
    }
    out.push_back(0);
    return true;
}

std::size_t rdata_length(std::string_view text) {
    if (text.empty()) return 1;  // one empty character-string
    return text.size() + (text.size() + max_character_string - 1) / max_character_string;
}

}  // namespace

std::vector<unsigned char> encode_txt_response(std::string_view qname, const TxtResponse& response) {
    std::vector<unsigned char> out;
    put16(out, response.id);
    // QR=1, opcode 0, AA=0, TC=0, RD=1 | RA=1, Z=0, RCODE.
    out.push_back(0x81);
    out.push_back(static_cast<unsigned char>(0x80 | static_cast<unsigned>(response.rcode)));
    const auto answers = response.rcode == ResponseCode::no_error ? response.records.size() : 0;
    put16(out, 1);
    put16(out, static_cast<std::uint16_t>(std::min<std::size_t>(answers, 0xffff)));
    put16(out, 0);
    put16(out, 0);

    const std::size_t question_at = out.size();
    if (!put_name(out, qname)) return {};
    put16(out, type_txt);
    put16(out, class_in);

    for (std::size_t index = 0; index < answers && index < 0xffff; ++index) {
        const std::string_view text = response.records[index];
        const std::size_t length = rdata_length(text);
        if (length > 0xffff) return {};
        // Owner name: a compression pointer to the question name.
        put16(out, static_cast<std::uint16_t>(0xc000 | question_at));
        put16(out, type_txt);
        put16(out, class_in);
        put32(out, response.ttl);
        put16(out, static_cast<std::uint16_t>(length));
        if (text.empty()) {
            out.push_back(0);
            continue;
        }
        for (std::size_t at = 0; at < text.size(); at += max_character_string) {
            const std::size_t piece = std::min(max_character_string, text.size() - at);
            out.push_back(static_cast<unsigned char>(piece));
            out.insert(out.end(), text.begin() + static_cast<std::ptrdiff_t>(at),
                       text.begin() + static_cast<std::ptrdiff_t>(at + piece));
        }
    }
    return out;
}

TxtResponse txt_response_for(const dns::Answer& answer) {
    TxtResponse response;
    response.ttl = answer.ttl;
    switch (answer.status) {
        case dns::Status::ok:
            for (const auto& record : answer.records) response.records.emplace_back(record);
            break;
        case dns::Status::no_data:
            break;
        case dns::Status::nx_domain:
            response.rcode = ResponseCode::name_error;
            break;
        case dns::Status::temporary:
        case dns::Status::permanent:
            response.rcode = ResponseCode::server_failure;
            break;
    }
    return response;
}

}  // namespace sg::dkim

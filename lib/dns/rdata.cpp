// rdata - wire rdata to presentation form (see rdata.hpp).
#include "dns/rdata.hpp"

#include <arpa/inet.h>

namespace sg::dns {
namespace {

std::uint8_t byte_at(std::string_view wire, std::size_t pos) { return static_cast<std::uint8_t>(wire[pos]); }

std::optional<std::uint32_t> read_number(std::string_view wire, std::size_t& pos, std::size_t octets) {
    if (pos + octets > wire.size()) return std::nullopt;
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < octets; ++i) value = (value << 8) | byte_at(wire, pos + i);
    pos += octets;
    return value;
}

void append_escaped(std::string& out, char c) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '.' || c == '\\') {
        out.push_back('\\');
        out.push_back(c);
    } else if (u <= 0x20 || u >= 0x7f) {
        out.push_back('\\');
        out.push_back(static_cast<char>('0' + u / 100));
        out.push_back(static_cast<char>('0' + (u / 10) % 10));
        out.push_back(static_cast<char>('0' + u % 10));
    } else {
        out.push_back(c);
    }
}

std::optional<std::string> decode_address(std::string_view rdata, int family, std::size_t size) {
    if (rdata.size() != size) return std::nullopt;
    char text[INET6_ADDRSTRLEN];
    if (!inet_ntop(family, rdata.data(), text, sizeof text)) return std::nullopt;
    return std::string(text);
}

std::optional<std::string> decode_strings(std::string_view rdata) {
    std::string joined;
    std::size_t pos = 0;
    if (rdata.empty()) return std::nullopt;
    while (pos < rdata.size()) {
        const std::size_t length = byte_at(rdata, pos++);
        if (pos + length > rdata.size()) return std::nullopt;
        joined.append(rdata.substr(pos, length));
        pos += length;
    }
    return joined;
}

std::optional<std::string> decode_soa(std::string_view rdata) {
    std::size_t pos = 0;
    auto mname = read_wire_name(rdata, pos);
    auto rname = read_wire_name(rdata, pos);
    if (!mname || !rname) return std::nullopt;
    std::string text = *mname + " " + *rname;
    for (int i = 0; i < 5; ++i) {
        const auto number = read_number(rdata, pos, 4);
        if (!number) return std::nullopt;
        text += " " + std::to_string(*number);
    }
    if (pos != rdata.size()) return std::nullopt;
    return text;
}

std::string generic(std::string_view rdata) {
    static const char hex[] = "0123456789abcdef";
    std::string text = "\\# " + std::to_string(rdata.size());
    if (!rdata.empty()) text += ' ';
    for (const char c : rdata) {
        text.push_back(hex[static_cast<unsigned char>(c) >> 4]);
        text.push_back(hex[static_cast<unsigned char>(c) & 0xf]);
    }
    return text;
}

}  // namespace

std::optional<std::string> read_wire_name(std::string_view wire, std::size_t& pos) {
    std::string name;
    std::size_t total = 0;
    while (true) {
        if (pos >= wire.size()) return std::nullopt;
        const std::size_t length = byte_at(wire, pos++);
        if (length == 0) break;
        if (length > 63 || pos + length > wire.size()) return std::nullopt;  // includes pointers
        total += length + 1;
        if (total > 255) return std::nullopt;
        if (!name.empty()) name.push_back('.');
        for (const char c : wire.substr(pos, length)) append_escaped(name, c);
        pos += length;
    }
    return name.empty() ? std::string(".") : name;
}

bool decode_rdata(std::uint16_t type, std::string_view rdata, Answer& answer) {
    std::optional<std::string> text;
    switch (static_cast<RecordType>(type)) {
    case RecordType::a: text = decode_address(rdata, AF_INET, 4); break;
    case RecordType::aaaa: text = decode_address(rdata, AF_INET6, 16); break;
    case RecordType::txt:
    case RecordType::spf: text = decode_strings(rdata); break;
    case RecordType::soa: text = decode_soa(rdata); break;
    case RecordType::ns:
    case RecordType::cname:
    case RecordType::ptr: {
        std::size_t pos = 0;
        text = read_wire_name(rdata, pos);
        if (pos != rdata.size()) return false;
        break;
    }
    case RecordType::mx: {
        std::size_t pos = 0;
        const auto preference = read_number(rdata, pos, 2);
        const auto exchange = preference ? read_wire_name(rdata, pos) : std::nullopt;
        if (!exchange || pos != rdata.size()) return false;
        answer.mx.push_back({static_cast<std::uint16_t>(*preference), *exchange});
        text = std::to_string(*preference) + " " + *exchange;
        break;
    }
    default: text = generic(rdata); break;
    }
    if (!text) return false;
    answer.records.push_back(std::move(*text));
    return true;
}

}  // namespace sg::dns

// dns_packet - builds the raw DNS response packet libopendkim expects from its
// query service (it parses the wire format itself) out of the structured
// dns::Answer the project's resolver returns: header, the question echoed, one TXT
// RR per record with the text split into <= 255-byte character-strings. NXDOMAIN
// and SERVFAIL become the matching RCODE. Never throws past allocation.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "dns/resolver.hpp"

namespace sg::dkim {

enum class ResponseCode : std::uint8_t { no_error = 0, server_failure = 2, name_error = 3 };

struct TxtResponse {
    std::uint16_t id = 0;
    ResponseCode rcode = ResponseCode::no_error;
    std::vector<std::string_view> records;  // TXT data, each split into character-strings
    std::uint32_t ttl = 0;
};

// Wire form of `response` to the question (`qname`, TXT, IN). An empty vector when
// `qname` is not a valid presentation name (label > 63 octets, name > 255 octets,
// empty label).
std::vector<unsigned char> encode_txt_response(std::string_view qname, const TxtResponse& response);

// The response libopendkim should see for a resolver answer: ok -> records,
// no_data -> NOERROR with no answers, nx_domain -> NXDOMAIN, anything else ->
// SERVFAIL (callers report temporary failures as a query error instead).
TxtResponse txt_response_for(const dns::Answer& answer);

}  // namespace sg::dkim

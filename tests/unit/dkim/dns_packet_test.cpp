// dns_packet_test - the response packets handed to libopendkim, checked byte by
// byte for a small answer and through glibc's independent parser (ns_initparse)
// for long, multi-record and error answers.
#include <arpa/nameser.h>
#include <resolv.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "dkim/dns_packet.hpp"

using namespace sg;
using namespace sg::dkim;

namespace {

struct Parsed {
    int rcode = -1;
    std::string question;
    std::vector<std::string> records;  // character-strings joined
    std::vector<std::vector<std::size_t>> pieces;  // length of each character-string
};

Parsed parse(const std::vector<unsigned char>& packet) {
    Parsed parsed;
    ns_msg message;
    REQUIRE(ns_initparse(packet.data(), static_cast<int>(packet.size()), &message) == 0);
    parsed.rcode = ns_msg_getflag(message, ns_f_rcode);
    ns_rr question;
    REQUIRE(ns_parserr(&message, ns_s_qd, 0, &question) == 0);
    parsed.question = ns_rr_name(question);
    CHECK(ns_rr_type(question) == ns_t_txt);
    for (int index = 0; index < ns_msg_count(message, ns_s_an); ++index) {
        ns_rr rr;
        REQUIRE(ns_parserr(&message, ns_s_an, index, &rr) == 0);
        CHECK(ns_rr_type(rr) == ns_t_txt);
        CHECK(std::string(ns_rr_name(rr)) == parsed.question);
        const unsigned char* data = ns_rr_rdata(rr);
        const std::size_t length = ns_rr_rdlen(rr);
        std::string text;
        std::vector<std::size_t> lengths;
        for (std::size_t at = 0; at < length;) {
            const std::size_t piece = data[at];
            REQUIRE(at + 1 + piece <= length);
            text.append(reinterpret_cast<const char*>(data + at + 1), piece);
            lengths.push_back(piece);
            at += 1 + piece;
        }
        parsed.records.push_back(text);
        parsed.pieces.push_back(lengths);
    }
    return parsed;
}

}  // namespace

TEST_CASE("a small TXT answer encodes to the expected bytes", "[dkim]") {
    TxtResponse response;
    response.id = 0x1234;
    response.ttl = 300;
    response.records = {"v=DKIM1"};
    const std::vector<unsigned char> expected = {
        0x12, 0x34, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0,                // header
        1, 's', 2, 'e', 'x', 0, 0, 16, 0, 1,                           // question s.ex TXT IN
        0xc0, 12, 0, 16, 0, 1, 0, 0, 1, 44, 0, 8,                      // answer header, TTL 300, rdlength 8
        7, 'v', '=', 'D', 'K', 'I', 'M', '1'};
    CHECK(encode_txt_response("s.ex", response) == expected);
    CHECK(encode_txt_response("s.ex.", response) == expected);
}

TEST_CASE("long TXT records are split into 255-byte character-strings", "[dkim]") {
    const std::string key = "v=DKIM1; k=rsa; p=" + std::string(700, 'A');
    TxtResponse response;
    response.records = {key};
    const Parsed parsed = parse(encode_txt_response("sel._domainkey.example.org", response));
    CHECK(parsed.rcode == ns_r_noerror);
    CHECK(parsed.question == "sel._domainkey.example.org");
    REQUIRE(parsed.records.size() == 1);
    CHECK(parsed.records[0] == key);
    CHECK(parsed.pieces[0] == std::vector<std::size_t>{255, 255, 208});
}

TEST_CASE("several records, empty records and error codes survive a round trip", "[dkim]") {
    const std::string long_record(255, 'x');
    TxtResponse response;
    response.records = {"one", "", long_record};
    const Parsed parsed = parse(encode_txt_response("a.b", response));
    CHECK(parsed.records == std::vector<std::string>{"one", "", std::string(255, 'x')});
    CHECK(parsed.pieces[2] == std::vector<std::size_t>{255});

    dns::Answer nx;
    nx.status = dns::Status::nx_domain;
    nx.records = {"ignored"};
    const Parsed nx_parsed = parse(encode_txt_response("a.b", txt_response_for(nx)));
    CHECK(nx_parsed.rcode == ns_r_nxdomain);
    CHECK(nx_parsed.records.empty());

    dns::Answer temporary;
    temporary.status = dns::Status::temporary;
    CHECK(parse(encode_txt_response("a.b", txt_response_for(temporary))).rcode == ns_r_servfail);

    dns::Answer nodata;
    nodata.status = dns::Status::no_data;
    const Parsed nodata_parsed = parse(encode_txt_response("a.b", txt_response_for(nodata)));
    CHECK(nodata_parsed.rcode == ns_r_noerror);
    CHECK(nodata_parsed.records.empty());
}

TEST_CASE("invalid query names encode to nothing", "[dkim]") {
    TxtResponse response;
    CHECK(encode_txt_response("a..b", response).empty());
    CHECK(encode_txt_response(std::string(64, 'a') + ".b", response).empty());
    std::string long_name;
    for (int i = 0; i < 50; ++i) long_name += "abcdef.";
    CHECK(encode_txt_response(long_name, response).empty());
    CHECK_FALSE(encode_txt_response(std::string(63, 'a') + ".b", response).empty());
}

// rdata_test - wire rdata to presentation form, and what counts as malformed.
#include <catch2/catch.hpp>

#include "dns/rdata.hpp"

using namespace sg::dns;

namespace {

std::string wire(std::initializer_list<int> bytes) {
    std::string out;
    for (const int b : bytes) out.push_back(static_cast<char>(b));
    return out;
}

std::uint16_t code(RecordType type) { return static_cast<std::uint16_t>(type); }

}  // namespace

TEST_CASE("rdata decodes the record types checks use", "[dns]") {
    Answer answer;
    CHECK(decode_rdata(code(RecordType::a), wire({192, 0, 2, 1}), answer));
    CHECK(decode_rdata(code(RecordType::aaaa), wire({0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}), answer));
    CHECK(decode_rdata(code(RecordType::txt), wire({3, 'a', ' ', 'b', 0, 1, 'c'}), answer));
    CHECK(decode_rdata(code(RecordType::mx), wire({0, 10, 4, 'm', 'a', 'i', 'l', 2, 'e', 'x', 0}), answer));
    CHECK(decode_rdata(code(RecordType::ptr), wire({1, 'h', 2, 'e', 'X', 0}), answer));
    CHECK(decode_rdata(code(RecordType::mx), wire({0, 0, 0}), answer));
    CHECK(decode_rdata(code(RecordType::soa), wire({2, 'n', 's', 0, 1, 'h', 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0,
                                                    0, 0, 4, 0, 0, 0, 5}),
                       answer));
    CHECK(decode_rdata(99 + 1000, wire({0xde, 0xad}), answer));
    CHECK(answer.records == std::vector<std::string>{"192.0.2.1", "2001:db8::1", "a bc", "10 mail.ex", "h.eX", "0 .",
                                                     "ns h 1 2 3 4 5", "\\# 2 dead"});
    REQUIRE(answer.mx.size() == 2);
    CHECK(answer.mx[0].preference == 10);
    CHECK(answer.mx[0].exchange == "mail.ex");
    CHECK(answer.mx[1].exchange == ".");
}

TEST_CASE("rdata escapes dots and control bytes inside labels", "[dns]") {
    Answer answer;
    REQUIRE(decode_rdata(code(RecordType::cname), wire({3, 'a', '.', 1, 2, 'e', 'x', 0}), answer));
    CHECK(answer.records.front() == "a\\.\\001.ex");
}

TEST_CASE("rdata rejects malformed records and leaves the answer alone", "[dns]") {
    const std::vector<std::pair<RecordType, std::string>> bad = {
        {RecordType::a, wire({192, 0, 2})},
        {RecordType::aaaa, wire({1, 2, 3, 4})},
        {RecordType::txt, wire({5, 'a', 'b'})},
        {RecordType::txt, ""},
        {RecordType::mx, wire({0})},
        {RecordType::mx, wire({0, 10, 0xc0, 12})},  // compression pointer
        {RecordType::ptr, wire({2, 'a'})},
        {RecordType::ptr, wire({1, 'a', 0, 7})},  // trailing bytes
        {RecordType::soa, wire({0, 0, 0, 0, 0, 1})},
    };
    for (const auto& [type, rdata] : bad) {
        INFO(to_string(type));
        Answer answer;
        CHECK_FALSE(decode_rdata(code(type), rdata, answer));
        CHECK(answer.records.empty());
        CHECK(answer.mx.empty());
    }
}

// dns_wire - the little DNS wire format dns_test_server needs: read the question
// of a query, and build a response (header, echoed question, answer records
// with names compressed against the question name, TC when it does not fit).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dns/local_data.hpp"

namespace sg::test_server {

struct Question {
    std::uint16_t id = 0;
    std::uint16_t flags = 0;
    std::string name;  // canonical (lower case, no trailing dot)
    std::uint16_t type = 0;
    std::uint16_t qclass = 0;
    std::size_t end = 0;  // offset just past the question in the query
    bool has_additional = false;
};

// nullopt when the packet is too short for a header; name empty and end 0 when
// the question does not parse (answer FORMERR).
std::optional<Question> parse_query(std::string_view packet);

// `answers` are written in order with their own owner names.
std::string build_response(std::string_view query, const Question& question, int rcode,
                           const std::vector<const dns::LocalRecord*>& answers, std::size_t max_size);

}  // namespace sg::test_server

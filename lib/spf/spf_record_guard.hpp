// spf_record_guard - validates every SPF record (and explanation text) against
// RFC 7208's ABNF and sane limits before libspf2 sees it. libspf2 1.2.10 as
// shipped by Debian carries CVE-2023-42118 (an integer underflow in its macro
// compiler); a record the guard rejects is never compiled, and the evaluation
// ends in permerror with the guard's reason as evidence. Pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sg::spf {

struct GuardVerdict {
    bool accepted = false;
    std::string why;  // empty when accepted
};

// RFC 7208 3.4 asks for records that fit a 512-octet UDP answer; twice that
// still admits every sane record published as several character-strings.
inline constexpr std::size_t max_record_octets = 1024;

// True when `txt` is an SPF version 1 record: "v=spf1" (any case) followed by
// a space or the end (RFC 7208 4.5). Other TXT records are not SPF records.
bool is_spf_record(std::string_view txt);

// The whole record, "v=spf1 ..." included.
GuardVerdict guard_spf_record(std::string_view record);

// The TXT string an exp= modifier points to (RFC 7208 6.2 explain-string).
GuardVerdict guard_explanation(std::string_view text);

}  // namespace sg::spf

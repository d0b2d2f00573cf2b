// spf_record_rewrite - rewrites a guarded record into the form libspf2 1.2.10
// evaluates as RFC 7208 says: libspf2 runs redirect= in term order and cannot
// compile some valid unknown-modifier names, so unknown modifiers (already
// checked by the guard; RFC 7208 6: ignored) are dropped, redirect= moves to
// the end, and is dropped when the record has an "all" mechanism (RFC 7208 6.1);
// ip4:/ip6: with prefix length 0 (which libspf2 refuses) become two /1 halves,
// and a/mx CIDR lengths of 0 are rewritten where an exact equivalent exists.
#pragma once

#include <string>
#include <string_view>

namespace sg::spf {

// `record` must have passed guard_spf_record; the client's address family
// decides which CIDR length of a/mx applies.
std::string rewrite_for_libspf2(std::string_view record, bool client_ipv6);

}  // namespace sg::spf

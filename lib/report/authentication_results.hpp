// authentication_results - the RFC 8601 Authentication-Results header, both ways.
// Writing: the value senderguard adds for SPF, DKIM (one dkim= per signature) and
// DMARC, quoted and escaped per RFC 8601 / RFC 2045, folded with "\n\t" (what
// smfi_addheader expects for a multi-line header; the MTA adds the CR) so lines
// stay under 78 characters where a property boundary allows. Reading: a lenient
// parser of received headers, for the authserv-id (forged-results detection) and
// for tests that read results back.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/authentication.hpp"

namespace sg::report {

// e.g. "mx.example.org; spf=pass smtp.mailfrom=example.com; dkim=none;
// dmarc=fail (p=reject pct=100) header.from=example.com". The authserv-id comes
// from configuration (authentication.authserv_id).
std::string authentication_results_value(std::string_view authserv_id, const core::Authentication& authentication);

struct ResultProperty {
    std::string name;   // "ptype.property", lowercase: smtp.mailfrom, header.d, ...
    std::string value;  // unquoted
};

struct MethodResult {
    std::string method;  // lowercase: spf, dkim, dmarc, ...
    std::string result;  // lowercase RFC 8601 result word
    std::string reason;  // reason="..." unquoted, empty when absent
    std::vector<std::string> comments;
    std::vector<ResultProperty> properties;

    // The first property of that name, or "" when absent.
    std::string property(std::string_view name) const;
};

struct ParsedResults {
    bool ok = false;                    // the whole value parsed
    std::string authserv_id;            // set whenever the value starts with one, even if !ok
    std::vector<MethodResult> results;  // empty for "authserv-id; none"
    std::string problem;                // where parsing stopped, when !ok
};

// Never throws; comments, folding and quoted strings are handled; property values
// that are not RFC 2045 tokens are accepted unquoted as real-world writers emit
// them (header.b=S/mtomBF).
ParsedResults parse_authentication_results(std::string_view value);

}  // namespace sg::report

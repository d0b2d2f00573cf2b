// authentication - the results of SPF, DKIM and DMARC for one message, in RFC 8601
// vocabulary: what the Authentication-Results header says and the evidence record
// carries. Computed once per message before the checks run; checks turn them into
// findings (spf.fail, dkim.fail, dmarc.fail, ...), policy decides.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sg::core {

// RFC 8601 result words; not every method uses every value.
enum class AuthResult { none, pass, fail, softfail, neutral, temperror, permerror, policy };

std::string_view to_string(AuthResult result);

struct SpfOutcome {
    AuthResult result = AuthResult::none;
    std::string identity;     // "mailfrom" or "helo"
    std::string domain;       // the domain checked (MAIL FROM domain, or HELO name)
    std::string client_ip;
    std::string reason;       // mechanism matched, DNS error, record rejected by the guard, ...
    std::string record;       // the SPF record evaluated, when one was found (clipped)
};

struct DkimSignatureOutcome {
    AuthResult result = AuthResult::none;  // pass, fail, neutral, temperror, permerror, policy
    std::string domain;      // d=
    std::string selector;    // s=
    std::string identity;    // i=
    std::string algorithm;   // a=, e.g. rsa-sha256, ed25519-sha256
    std::string header_b;    // first characters of b= (RFC 6008 header.b)
    std::string reason;      // "body hash mismatch", "signature did not verify", "key revoked", ...
    unsigned key_bits = 0;
};

struct DkimOutcome {
    std::vector<DkimSignatureOutcome> signatures;  // empty: unsigned (dkim=none)
    std::string reason;                            // whole-message problem, if any
};

struct DmarcOutcome {
    AuthResult result = AuthResult::none;  // pass, fail, none, temperror, permerror
    std::string from_domain;               // header.from
    std::string record_domain;             // where the record was found (_dmarc.<this>)
    std::string policy;                    // p= (or sp= for a subdomain): none, quarantine, reject
    std::string subdomain_policy;          // sp= as published
    int percent = 100;                     // pct=
    bool spf_aligned = false;
    bool dkim_aligned = false;
    std::string reason;
};

struct Authentication {
    bool evaluated = false;  // false when authentication is switched off
    bool applies = true;     // false: SPF and DMARC not evaluated for this session (an
                             // authenticated submission or a trusted network; spf.reason says which)
    std::string smtp_auth;   // the SMTP AUTH login, reported as auth=pass
    SpfOutcome spf;
    DkimOutcome dkim;
    DmarcOutcome dmarc;
};

}  // namespace sg::core

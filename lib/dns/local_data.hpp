// local_data - DNS records and failure directives written as zone-style text,
// for tests and the offline `senderguard check`: one record per line,
//
//   example.com. TXT "v=spf1 -all"
//   _dmarc.example.com. 300 IN TXT "v=DMARC1; p=reject"
//   sel._domainkey.example.com. TXT "v=DKIM1; k=rsa; p=MIIB..." "more"
//   mail.example.com. A 192.0.2.1
//   example.com. MX 10 mail.example.com.
//
// Names are absolute (the trailing dot is optional); TTL and class IN are
// optional; types A AAAA MX TXT SPF PTR CNAME NS. `;` and `#` start comments.
// Directives: `$TTL n` (default TTL of the following lines, initially 300) and
// failures for a name and everything below it: `$TEMPFAIL name` (the server
// answers REFUSED), `$SERVFAIL name`, `$TIMEOUT name` (never answered).
// Every problem is a core::ConfigError naming source:line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dns/resolver.hpp"

namespace sg::dns {

struct LocalRecord {
    std::string name;                  // canonical: lower case, no trailing dot
    RecordType type = RecordType::a;
    std::uint32_t ttl = 300;
    std::string value;                 // A/AAAA address text; MX/PTR/CNAME/NS target (canonical, "" = root)
    std::uint16_t preference = 0;      // MX
    std::vector<std::string> strings;  // TXT/SPF character-strings, each at most 255 octets
    std::size_t line = 0;

    // The form Answer::records carries: address, target, "10 mail.example.com", joined TXT.
    std::string presentation() const;
    // One line of zone text unbound's local-data accepts: `name. 300 IN TXT "..."`.
    std::string zone_line() const;
};

enum class Failure { refused, servfail, timeout };

struct LocalFailure {
    std::string name;  // canonical
    Failure kind = Failure::refused;
    std::size_t line = 0;
};

struct LocalData {
    std::vector<LocalRecord> records;
    std::vector<LocalFailure> failures;

    static LocalData parse(std::string_view text, const std::string& source);
    static LocalData load(const std::string& path);

    // The directive covering `name` (itself or its nearest listed parent).
    std::optional<Failure> failure_for(std::string_view name) const;
};

// "TXT", "txt", "Mx" ... -> the type; nullopt for anything else.
std::optional<RecordType> parse_record_type(std::string_view text);

}  // namespace sg::dns

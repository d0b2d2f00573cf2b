// dmarc_record - one _dmarc TXT record parsed per RFC 7489 section 6.3: v=DMARC1
// first, p= required, sp, adkim, aspf, pct, rua, ruf, fo, rf, ri; unknown tags
// ignored. Following section 6.3 ("syntax errors in the remainder of the record
// SHOULD be discarded in favor of default values"), a bad adkim/aspf/pct/fo/rf/ri/
// rua/ruf value falls back to its default and is listed in `problems`; only a bad
// version or a missing/invalid p= (or invalid sp=) makes the record unusable, and
// even then a valid rua= turns it into p=none (section 6.6.3 step 6).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sg::dmarc {

enum class Policy { none, quarantine, reject };
enum class AlignmentMode { relaxed, strict };

std::string_view to_string(Policy policy);
std::string_view to_string(AlignmentMode mode);

// Why a record is unusable; `ok` for a usable one. Mirrors the statuses of
// libopendmarc's parser so the conformance vectors can be compared directly.
enum class RecordStatus { ok, empty, bad_version, bad_policy, missing_policy };

std::string_view to_string(RecordStatus status);

struct DmarcRecord {
    RecordStatus status = RecordStatus::empty;
    std::string reason;                                     // why unusable, empty when usable
    std::vector<std::string> problems;                      // tags ignored or defaulted, for evidence
    Policy policy = Policy::none;                           // p=
    std::optional<Policy> subdomain_policy;                 // sp= as published
    bool policy_from_rua = false;                           // p= was invalid/missing, rua= made it p=none
    AlignmentMode dkim_alignment = AlignmentMode::relaxed;  // adkim=
    AlignmentMode spf_alignment = AlignmentMode::relaxed;   // aspf=
    int percent = 100;                                      // pct=
    std::vector<std::string> aggregate_uris;                // rua=
    std::vector<std::string> failure_uris;                  // ruf=
    std::string failure_options = "0";                      // fo=
    std::string report_format = "afrf";                     // rf=
    unsigned long report_interval = 86400;                  // ri=

    bool usable() const { return status == RecordStatus::ok; }
};

// True when the TXT string starts with the DMARC version tag (section 6.6.3 step 2:
// other TXT records at _dmarc names are discarded before counting).
bool is_dmarc_record(std::string_view txt);

DmarcRecord parse_dmarc_record(std::string_view txt);

}  // namespace sg::dmarc

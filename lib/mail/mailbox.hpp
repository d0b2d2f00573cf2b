// mailbox - one parsed address (RFC 5322 mailbox or envelope path) with its decoded
// display name and its domain in canonical form for comparison.
#pragma once

#include <string>
#include <vector>

namespace sg::mail {

struct Mailbox {
    std::string display_name;    // RFC 2047-decoded UTF-8, quotes and escapes removed,
                                 // whitespace runs collapsed; empty when absent
    std::string local_part;      // as written, quotes removed (case preserved)
    std::string domain;          // canonical: lowercase ASCII, IDN as A-label (xn--)
    std::string domain_unicode;  // U-label form for people; equals domain for ASCII
    std::string comment;         // text of trailing/embedded comments, if any

    // local_part@domain (canonical domain); local part alone when there is no domain.
    std::string address() const;
};

// ok: parsed as RFC 5322 (including obsolete syntax).
// repaired: not valid RFC 5322, but a best-effort parse found the mailboxes.
// unparsable: nothing trustworthy could be extracted.
enum class ParseStatus { ok, repaired, unparsable };

struct AddressList {
    std::vector<Mailbox> mailboxes;  // group members are flattened in
    ParseStatus status = ParseStatus::ok;
    std::string problem;             // why repaired/unparsable, for evidence
};

}  // namespace sg::mail

// display_text_addresses - finds what looks like an email address inside display
// text ("bob@example.net" in `"bob@example.net" <alice@example.com>`). Scans around
// each '@' for local-part and domain characters only, so text that merely follows
// an address (`fooo@foo.fo- private`) never becomes part of its domain.
#pragma once

#include <string_view>
#include <vector>

#include "mail/mailbox.hpp"

namespace sg::checks {

struct DisplayTextAddresses {
    std::vector<mail::Mailbox> addresses;  // canonical domains
    bool has_other_words = false;          // text beyond the addresses and punctuation
};

DisplayTextAddresses find_display_text_addresses(std::string_view display_text);

}  // namespace sg::checks

// domain_name - canonical form of a mail domain for comparison: lowercase, trailing
// dot removed, internationalized names converted to A-labels with libidn2 so that
// U-label and A-label spellings compare equal.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sg::mail {

// nullopt when the text is not a plausible domain (spaces, empty labels, bad IDN).
std::optional<std::string> canonical_domain(std::string_view domain);

// U-label (display) form of a canonical domain; the input itself if conversion fails.
std::string unicode_domain(std::string_view canonical);

}  // namespace sg::mail

// envelope_address - an SMTP MAIL FROM / RCPT TO argument as the MTA hands it
// ("<alice@example.com>", "<>", "alice@example.com") reduced to the bare address the
// Transaction carries: angle brackets and any RFC 5321 source route removed, the null
// sender as the empty string. ESMTP parameters are separate argv entries and never
// reach this function.
#pragma once

#include <string>
#include <string_view>

namespace sg::milter {

std::string bare_envelope_address(std::string_view argument);

}  // namespace sg::milter

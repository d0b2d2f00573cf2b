// delegation_map - which logins may send as which addresses, in the text format of
// Postfix's smtpd_sender_login_maps so a site can reuse the file it has:
//     address   login1, login2        one mailbox
//     @domain   login                 every address at a domain
// Lookups follow Postfix's order (full address, then @domain). Comments (#) and blank
// lines are ignored, continuation lines start with whitespace. A malformed line is a
// core::ConfigError naming file and line.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "mail/mailbox.hpp"

namespace sg::identity {

class DelegationMap {
public:
    static DelegationMap parse(std::string_view text, const std::string& source_name);
    static DelegationMap load_file(const std::string& path);

    // The map key that lets `login` send as `mailbox` ("alice@example.com" or
    // "@example.com"), or empty when none does. Case-insensitive; plus-addressing
    // in the mailbox is ignored using `delimiters` (Postfix recipient_delimiter).
    std::string delegating_key(std::string_view login, const mail::Mailbox& mailbox,
                               std::string_view delimiters) const;

    std::size_t size() const { return entries_.size(); }

private:
    std::unordered_map<std::string, std::vector<std::string>> entries_;  // key -> logins (lowercase)
};

}  // namespace sg::identity

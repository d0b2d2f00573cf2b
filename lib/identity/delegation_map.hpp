// delegation_map - which logins may send as which addresses, in the text format of
// Postfix's smtpd_sender_login_maps so a site can reuse the file it has:
//     address   login1, login2        one mailbox
//     @domain   login                 every address at a domain
// Lookups follow Postfix's order (full address, then @domain). Comments (#) and blank
// lines are ignored, continuation lines start with whitespace. A malformed line is a
// core::ConfigError naming file and line.
//
// Keys are folded to lowercase and their domains canonicalised (IDN as A-label).
// Logins are compared as strings, case-insensitively (ASCII): "alice" and
// "alice@example.com" are different logins, as in Postfix. Differences from postmap:
// a bare local-part key ("alice", which Postfix applies only to its local domains)
// is rejected with a hint to write alice@domain; a duplicate key is an error, not a
// warning; a value word starting with '#' is an error (postmap has no trailing
// comments, so it would become a login named "#").
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

    // The key that decides for `mailbox`, tried in Postfix order: the address as
    // written, the address with its extension removed, "@domain". The first key
    // present decides alone: a more specific entry hides "@domain". Empty when none.
    std::string deciding_key(const mail::Mailbox& mailbox, std::string_view delimiters) const;

    // The logins (lowercase, sorted) listed for a key as stored; nullptr when absent.
    const std::vector<std::string>* logins(std::string_view key) const;

    std::size_t size() const { return entries_.size(); }

private:
    std::unordered_map<std::string, std::vector<std::string>> entries_;  // key -> logins (lowercase)
};

}  // namespace sg::identity

// message_identities - the identities a message claims, parsed once per message
// from the transaction: header From / Sender / Reply-To / To / Return-Path, the
// envelope sender, client software and Message-ID. Every check reads this instead
// of re-parsing headers.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "core/transaction.hpp"
#include "mail/mailbox.hpp"

namespace sg::mail {

struct HeaderAddresses {
    std::size_t header_count = 0;  // how many headers of this name the message has
    AddressList addresses;         // mailboxes of all of them, in order
    std::string raw;               // first header's value, unfolded, for evidence
};

struct MessageIdentities {
    HeaderAddresses from;
    HeaderAddresses sender;
    HeaderAddresses reply_to;
    HeaderAddresses to;
    std::optional<Mailbox> envelope_from;  // nullopt: null sender or unparsable
    std::optional<Mailbox> return_path;
    std::string client_software;           // X-Mailer, else User-Agent (unfolded)
    std::string message_id;
};

MessageIdentities extract_identities(const core::Transaction& transaction);

// Unfolds a header value: CRLF/LF followed by whitespace becomes that whitespace.
std::string unfold(std::string_view value);

}  // namespace sg::mail

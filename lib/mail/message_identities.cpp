// message_identities - extract_identities: From / Sender / Reply-To / To, Return-Path,
// envelope sender, client software and Message-ID, parsed once per message.
#include "mail/message_identities.hpp"

#include "core/text.hpp"
#include "mail/address_parser.hpp"
#include "mail/encoded_words.hpp"
#include "mail/utf8_text.hpp"

namespace sg::mail {
namespace {

constexpr std::size_t max_client_software_bytes = 512;
constexpr std::size_t max_message_id_bytes = 998;

int severity(ParseStatus status) {
    switch (status) {
        case ParseStatus::ok: return 0;
        case ParseStatus::repaired: return 1;
        case ParseStatus::unparsable: return 2;
    }
    return 2;
}

HeaderAddresses collect(const core::Transaction& transaction, std::string_view name) {
    HeaderAddresses out;
    const std::vector<const core::Header*> headers = transaction.headers_named(name);
    out.header_count = headers.size();
    if (headers.empty()) return out;
    out.raw = sanitize_utf8(unfold(headers.front()->value));
    for (const core::Header* header : headers) {
        AddressList list = parse_address_list(header->value);
        for (Mailbox& mailbox : list.mailboxes) out.addresses.mailboxes.push_back(std::move(mailbox));
        if (severity(list.status) > severity(out.addresses.status)) out.addresses.status = list.status;
        if (!list.problem.empty()) {
            if (!out.addresses.problem.empty()) out.addresses.problem += "; ";
            out.addresses.problem += list.problem;
        }
    }
    // One unparsable header among good ones still leaves trustworthy mailboxes.
    if (out.addresses.status == ParseStatus::unparsable && !out.addresses.mailboxes.empty())
        out.addresses.status = ParseStatus::repaired;
    return out;
}

std::string clean_line(std::string_view value, std::size_t max_bytes) {
    return truncate_utf8(collapse_whitespace(sanitize_utf8(unfold(value))), max_bytes);
}

}  // namespace

MessageIdentities extract_identities(const core::Transaction& transaction) {
    MessageIdentities identities;
    identities.from = collect(transaction, "From");
    identities.sender = collect(transaction, "Sender");
    identities.reply_to = collect(transaction, "Reply-To");
    identities.to = collect(transaction, "To");
    identities.envelope_from = parse_envelope_address(transaction.envelope.mail_from);
    if (const core::Header* return_path = transaction.first_header("Return-Path"))
        identities.return_path = parse_envelope_address(unfold(return_path->value));

    const core::Header* software = transaction.first_header("X-Mailer");
    if (software == nullptr || core::trim(software->value).empty()) software = transaction.first_header("User-Agent");
    if (software != nullptr) identities.client_software = clean_line(software->value, max_client_software_bytes);
    if (const core::Header* message_id = transaction.first_header("Message-ID"))
        identities.message_id = clean_line(message_id->value, max_message_id_bytes);
    return identities;
}

}  // namespace sg::mail

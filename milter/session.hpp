// session - what one MTA connection has told senderguard so far: the configuration
// snapshot taken when the connection started, the connection facts (client, HELO,
// TLS), SMTP AUTH (per session, refreshed at every MAIL), and the message being built
// (envelope, queue id, headers in received order, body size) with its streaming
// authentication (message_authentication.hpp: DNS deadline, DKIM verification fed
// each header, end of headers and body chunk; the body itself is never kept).
// reset_message() runs after end-of-message and on abort, and MAIL starts a fresh
// message; the connection facts survive, so several messages on one connection
// each get a complete Transaction.
//
// Knows nothing of libmilter: callbacks.cpp extracts arguments and macros and feeds
// them here.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "config/config.hpp"
#include "core/transaction.hpp"
#include "message_authentication.hpp"

namespace sg::milter {

class Session {
public:
    explicit Session(std::shared_ptr<const config::Config> config);

    const config::Config& config() const { return *config_; }

    // SMFIP_* bits granted in negotiation; no_reply(SMFIP_NR_x) says whether the
    // callback for that stage must answer SMFIS_NOREPLY.
    void set_protocol(unsigned long granted) { protocol_ = granted; }
    bool no_reply(unsigned long nr_bit) const { return (protocol_ & nr_bit) != 0; }
    // Whether SMFIP_HDR_LEADSPC was granted: header values arrive with their leading
    // whitespace, and values we send must bring their own.
    void set_leading_space_kept(bool kept) { leading_space_kept_ = kept; }
    bool leading_space_kept() const { return leading_space_kept_; }

    void on_connect(std::string client_name, std::string client_ip, std::string daemon_name);
    void on_helo(std::string helo);
    void note_tls(bool tls_macro_present);
    // A new message starts: the envelope sender argument (with or without <>) and the
    // AUTH facts the MTA sent with MAIL (empty login: not authenticated).
    void on_mail(std::string_view sender_argument, core::Auth auth);
    void on_rcpt(std::string_view recipient_argument);
    // `value` as the MTA sent it (see leading_space_kept()).
    void on_header(std::string_view name, std::string_view value);
    void on_end_of_headers();
    void on_body(std::span<const unsigned char> chunk);
    // Keeps the last non-empty queue id seen (Sendmail sends it at MAIL, Postfix from DATA).
    void note_queue_id(std::string_view queue_id);

    // The immutable snapshot the engine evaluates.
    core::Transaction transaction() const;
    // At end-of-message: the DKIM outcome and the message's DNS deadline for
    // engine::evaluate.
    MessageAuthentication::Result finish_authentication();
    // How many headers named config().report.header_name arrived with the message:
    // forged or stale summaries, removed before ours is added.
    std::size_t incoming_summary_headers() const { return message_.incoming_summary_headers; }

    // Something went wrong while collecting (an exception in a callback, an absurd
    // header volume): end-of-message answers with the configured error action.
    void mark_failed() { message_.failed = true; }
    // A failure while collecting connection facts taints every message of the connection.
    void mark_connection_failed() { connection_failed_ = true; }
    bool failed() const { return connection_failed_ || message_.failed; }

    void reset_message();

private:
    struct Message {
        core::Envelope envelope;
        std::string queue_id;
        std::vector<core::Header> headers;
        std::size_t header_bytes = 0;
        std::size_t body_size = 0;
        std::size_t incoming_summary_headers = 0;
        bool failed = false;
        MessageAuthentication authentication;
    };

    std::shared_ptr<const config::Config> config_;
    unsigned long protocol_ = 0;
    bool leading_space_kept_ = false;
    bool connection_failed_ = false;
    core::Connection connection_;
    core::Auth auth_;
    Message message_;
};

}  // namespace sg::milter

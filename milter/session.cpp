// session - per-connection and per-message state behind the callbacks.
#include "session.hpp"

#include <utility>

#include "core/limits.hpp"
#include "core/text.hpp"
#include "envelope_address.hpp"
#include "header_text.hpp"

namespace sg::milter {
Session::Session(std::shared_ptr<const config::Config> config) : config_(std::move(config)) {}

void Session::on_connect(std::string client_name, std::string client_ip, std::string daemon_name) {
    connection_.client_name = std::move(client_name);
    connection_.client_ip = std::move(client_ip);
    connection_.daemon_name = std::move(daemon_name);
}

void Session::on_helo(std::string helo) { connection_.helo = std::move(helo); }

void Session::note_tls(bool tls_macro_present) {
    if (tls_macro_present) connection_.tls = true;
}

void Session::on_mail(std::string_view sender_argument, core::Auth auth) {
    // MAIL starts a message even when the MTA never told us the previous one ended.
    reset_message();
    auth_ = std::move(auth);
    message_.envelope.mail_from = bare_envelope_address(sender_argument);
}

void Session::on_rcpt(std::string_view recipient_argument) {
    message_.envelope.recipients.push_back(bare_envelope_address(recipient_argument));
}

void Session::on_header(std::string_view name, std::string_view received) {
    const std::string_view value = engine_header_value(received, leading_space_kept_);
    message_.header_bytes += name.size() + value.size();
    if (message_.header_bytes > core::max_header_section_bytes) {
        if (!message_.failed) mark_failed();
        return;
    }
    if (core::iequals(name, config_->report.header_name)) ++message_.incoming_summary_headers;
    message_.headers.push_back(core::Header{std::string(name), std::string(value)});
    // After a failure the error action follows (still deleting forged headers, so
    // they are collected above): no use verifying.
    if (message_.failed) return;
    message_.authentication.start(*config_);
    message_.authentication.add_header(name, dkim_raw_header_value(received, leading_space_kept_));
}

void Session::on_end_of_headers() {
    if (message_.failed) return;
    message_.authentication.start(*config_);
    message_.authentication.end_of_headers();
}

void Session::on_body(std::span<const unsigned char> chunk) {
    message_.body_size += chunk.size();
    if (message_.failed) return;
    message_.authentication.start(*config_);
    message_.authentication.add_body(chunk);
}

MessageAuthentication::Result Session::finish_authentication() { return message_.authentication.finish(*config_); }

void Session::note_queue_id(std::string_view queue_id) {
    if (!queue_id.empty()) message_.queue_id = std::string(queue_id);
}

core::Transaction Session::transaction() const {
    core::Transaction transaction;
    transaction.connection = connection_;
    transaction.auth = auth_;
    transaction.envelope = message_.envelope;
    transaction.queue_id = message_.queue_id;
    transaction.headers = message_.headers;
    transaction.body_size = message_.body_size;
    return transaction;
}

void Session::reset_message() { message_ = Message{}; }

}  // namespace sg::milter

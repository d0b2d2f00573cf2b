// evidence_record - one JSON object per message with ECS-style field names.
#include "report/evidence_record.hpp"

#include <chrono>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "mail/encoded_words.hpp"
#include "report/summary_header.hpp"

namespace sg::report {
namespace {

using nlohmann::json;

// Message bytes are attacker-controlled: only valid UTF-8 reaches the JSON encoder.
std::string clean(std::string_view text) { return mail::sanitize_utf8(text.substr(0, 2048)); }

std::string now_utc() {
    auto now = std::chrono::system_clock::now();
    auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()) % 1000;
    return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03d}Z", fmt::gmtime(std::chrono::system_clock::to_time_t(now)),
                       static_cast<int>(millis.count()));
}

json mailbox_list(const mail::HeaderAddresses& header) {
    json addresses = json::array();
    for (const mail::Mailbox& mailbox : header.addresses.mailboxes) addresses.push_back(clean(mailbox.address()));
    return addresses;
}

json findings_json(const core::Verdict& verdict) {
    json findings = json::array();
    for (const core::Finding& finding : verdict.findings) {
        json evidence = json::object();
        for (const auto& [key, value] : finding.evidence) evidence[key] = clean(value);
        json item{{"id", finding.id}, {"score", finding.score}, {"evidence", evidence}};
        if (!finding.variant.empty()) item["variant"] = finding.variant;
        findings.push_back(std::move(item));
    }
    return findings;
}

json checks_json(const engine::Evaluation& evaluation) {
    json checks = json::object();
    for (const engine::CheckOutcome& outcome : evaluation.outcomes) {
        json item{{"status", core::to_string(outcome.status)}};
        if (!outcome.note.empty()) item["note"] = clean(outcome.note);
        checks[outcome.check] = std::move(item);
    }
    return checks;
}

json authentication_json(const core::Authentication& authentication) {
    if (!authentication.evaluated) return json{{"evaluated", false}};
    const core::SpfOutcome& spf = authentication.spf;
    const core::DmarcOutcome& dmarc = authentication.dmarc;
    json dkim = json::array();
    for (const core::DkimSignatureOutcome& signature : authentication.dkim.signatures)
        dkim.push_back({{"result", core::to_string(signature.result)},
                        {"domain", clean(signature.domain)},
                        {"selector", clean(signature.selector)},
                        {"algorithm", clean(signature.algorithm)},
                        {"key_bits", signature.key_bits},
                        {"reason", clean(signature.reason)}});
    return {
        {"evaluated", true},
        {"smtp_auth", clean(authentication.smtp_auth)},
        {"spf", {{"result", core::to_string(spf.result)},
                 {"identity", spf.identity},
                 {"domain", clean(spf.domain)},
                 {"reason", clean(spf.reason)}}},
        {"dkim", dkim},
        {"dmarc", {{"result", core::to_string(dmarc.result)},
                   {"from_domain", clean(dmarc.from_domain)},
                   {"record_domain", clean(dmarc.record_domain)},
                   {"policy", dmarc.policy},
                   {"subdomain_policy", dmarc.subdomain_policy},
                   {"pct", dmarc.percent},
                   {"spf_aligned", dmarc.spf_aligned},
                   {"dkim_aligned", dmarc.dkim_aligned},
                   {"reason", clean(dmarc.reason)}}},
    };
}

}  // namespace

json evidence_record(const core::Transaction& tx, const engine::Evaluation& evaluation, const config::Config& config) {
    const mail::MessageIdentities& ids = evaluation.identities;
    const core::Verdict& verdict = evaluation.verdict;
    json from = {{"address", mailbox_list(ids.from)}};
    if (!ids.from.addresses.mailboxes.empty() && !ids.from.addresses.mailboxes.front().display_name.empty())
        from["display_name"] = clean(ids.from.addresses.mailboxes.front().display_name);
    json to_addresses = json::array();
    for (const std::string& rcpt : tx.envelope.recipients) to_addresses.push_back(clean(rcpt));

    json record = {
        {"@timestamp", now_utc()},
        {"event", {{"kind", "event"},
                   {"category", json::array({"email"})},
                   {"action", core::to_string(verdict.applied_action())},
                   {"outcome", verdict.decided_by},
                   {"duration", evaluation.elapsed.count() * 1000}}},
        {"email", {{"local_id", clean(tx.queue_id)},
                   {"message_id", clean(ids.message_id)},
                   {"from", from},
                   {"sender", {{"address", mailbox_list(ids.sender)}}},
                   {"reply_to", {{"address", mailbox_list(ids.reply_to)}}},
                   {"to", {{"address", to_addresses}}},
                   {"return_path", ids.return_path ? clean(ids.return_path->address()) : ""},
                   {"envelope_from", clean(tx.envelope.mail_from)},
                   {"x_mailer", clean(ids.client_software)}}},
        {"source", {{"ip", clean(tx.connection.client_ip)}, {"domain", clean(tx.connection.client_name)}}},
        {"user", {{"name", clean(tx.auth.login)}}},
        {"senderguard", {{"helo", clean(tx.connection.helo)},
                         {"auth_mechanism", clean(tx.auth.mechanism)},
                         {"tls", tx.connection.tls},
                         {"verdict", core::to_string(verdict.action)},
                         {"monitor", verdict.monitor},
                         {"score", verdict.score},
                         {"summary", summary_header_value(verdict)},
                         {"findings", findings_json(verdict)},
                         {"checks", checks_json(evaluation)},
                         {"authentication", authentication_json(evaluation.authentication)},
                         {"config_version", config.version}}},
    };
    return record;
}

}  // namespace sg::report

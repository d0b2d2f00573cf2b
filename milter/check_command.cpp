// check_command - offline evaluation of a .eml file.
#include "check_command.hpp"

#include <arpa/inet.h>

#include <cerrno>
#include <cstring>
#include <exception>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "config/config.hpp"
#include "config/services.hpp"
#include "core/error.hpp"
#include "core/limits.hpp"
#include "dkim/verify_message.hpp"
#include "engine/engine.hpp"
#include "envelope_address.hpp"
#include "exit_status.hpp"
#include "header_text.hpp"
#include "mail/encoded_words.hpp"
#include "mail/message_reader.hpp"
#include "report/authentication_results.hpp"
#include "report/evidence_record.hpp"

namespace sg::milter {
namespace {

using nlohmann::json;

bool is_ip_address(const std::string& text) {
    unsigned char buffer[sizeof(struct in6_addr)];
    return inet_pton(AF_INET, text.c_str(), buffer) == 1 || inet_pton(AF_INET6, text.c_str(), buffer) == 1;
}

// The whole message, or nullopt with `error` set.
std::optional<std::string> read_input(const std::string& path, std::string& error) {
    std::ostringstream content;
    if (path == "-") {
        content << std::cin.rdbuf();
        if (std::cin.bad()) {
            error = "standard input: read error";
            return std::nullopt;
        }
        return content.str();
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        error = fmt::format("{}: {}", path, std::strerror(errno));
        return std::nullopt;
    }
    content << file.rdbuf();
    if (file.bad()) {
        error = fmt::format("{}: read error", path);
        return std::nullopt;
    }
    return content.str();
}

core::Transaction build_transaction(const CheckOptions& options, const mail::RawMessage& message) {
    core::Transaction transaction;
    transaction.connection.client_ip = options.client_ip;
    transaction.connection.client_name = options.client_name;
    transaction.connection.helo = options.helo;
    transaction.auth.login = options.auth_user;
    transaction.envelope.mail_from = bare_envelope_address(options.mail_from);
    for (const std::string& recipient : options.recipients)
        transaction.envelope.recipients.push_back(bare_envelope_address(recipient));
    transaction.headers = message.headers;
    transaction.body_size = message.body_size;
    return transaction;
}

// Evidence is ordered key/value pairs; a key given twice becomes an array.
json evidence_json(const core::Evidence& evidence) {
    json object = json::object();
    for (const auto& [key, value] : evidence) {
        if (!object.contains(key)) {
            object[key] = value;
        } else {
            if (!object[key].is_array()) object[key] = json::array({object[key]});
            object[key].push_back(value);
        }
    }
    return object;
}

// The Authentication-Results value the milter would add, or "" when authentication
// is switched off.
std::string results_value(const engine::Evaluation& evaluation, const config::Config& config) {
    if (!evaluation.authentication.evaluated) return {};
    return folded_value(
        report::authentication_results_value(config.authentication.authserv_id, evaluation.authentication));
}

json verdict_json(const engine::Evaluation& evaluation, const std::string& results, const json& record) {
    const core::Verdict& verdict = evaluation.verdict;
    json findings = json::array();
    for (const core::Finding& finding : verdict.findings) {
        json item{{"id", finding.id}, {"score", finding.score}, {"evidence", evidence_json(finding.evidence)}};
        if (!finding.variant.empty()) item["variant"] = finding.variant;
        findings.push_back(std::move(item));
    }
    return json{{"action", core::to_string(verdict.action)},
                {"applied_action", core::to_string(verdict.applied_action())},
                {"monitor", verdict.monitor},
                {"score", verdict.score},
                {"decided_by", verdict.decided_by},
                {"findings", findings},
                {"authentication_results", results.empty() ? json(nullptr) : json(results)},
                {"evidence_record", record}};
}

// Message bytes may be anything: invalid UTF-8 is replaced, control characters escaped.
std::string printable(std::string_view raw) {
    const std::string text = mail::sanitize_utf8(raw);
    std::string shown;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\n') {
            shown += "\\n";
        } else if (byte < 0x20 || byte == 0x7f) {
            shown += fmt::format("\\x{:02x}", byte);
        } else {
            shown.push_back(c);
        }
    }
    return shown;
}

// A folded header value on one line: each line break and the whitespace after it
// become one space.
std::string unfolded(std::string_view folded) {
    std::string line;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        if (folded[i] != '\n') {
            line.push_back(folded[i]);
            continue;
        }
        while (i + 1 < folded.size() && (folded[i + 1] == ' ' || folded[i + 1] == '\t')) ++i;
        line.push_back(' ');
    }
    return mail::sanitize_utf8(line);
}

void print_text(const engine::Evaluation& evaluation, const std::string& results) {
    const core::Verdict& verdict = evaluation.verdict;
    std::string action(core::to_string(verdict.action));
    if (verdict.applied_action() != verdict.action)
        action += fmt::format(" (monitor mode: the MTA is told {})", core::to_string(verdict.applied_action()));
    std::cout << "action: " << action << '\n'
              << fmt::format("score: {:.1f}\n", verdict.score) << "decided by: "
              << (verdict.decided_by.empty() ? "-" : verdict.decided_by) << '\n';
    if (!results.empty()) std::cout << "authentication-results: " << unfolded(results) << '\n';
    if (verdict.findings.empty()) {
        std::cout << "findings: none\n";
        return;
    }
    std::cout << "findings:\n";
    for (const core::Finding& finding : verdict.findings) {
        std::cout << fmt::format("  {} score={:.1f}\n", finding.weight_key(), finding.score);
        for (const auto& [key, value] : finding.evidence)
            std::cout << fmt::format("    {}: {}\n", key, printable(value));
    }
}

}  // namespace

int run_check(const CheckOptions& options) {
    if (!options.client_ip.empty() && !is_ip_address(options.client_ip)) {
        std::cerr << fmt::format("senderguard check: --client-ip: '{}' is not an IPv4 or IPv6 address\n",
                                 options.client_ip);
        return code(ExitStatus::usage_error);
    }

    std::shared_ptr<const config::Config> config;
    try {
        config = options.config_path.empty() ? config::default_config() : config::load_config(options.config_path);
    } catch (const core::ConfigError& error) {
        std::cerr << error.what() << '\n';
        return code(ExitStatus::usage_error);
    } catch (const std::exception& error) {
        std::cerr << fmt::format("{}: {}\n", options.config_path, error.what());
        return code(ExitStatus::usage_error);
    }

    std::string read_error;
    const std::optional<std::string> bytes = read_input(options.message_path, read_error);
    if (!bytes) {
        std::cerr << "senderguard check: cannot read the message: " << read_error << '\n';
        return code(ExitStatus::failure);
    }

    const mail::RawMessage message = mail::read_message(*bytes);
    if (message.headers_truncated) {
        // The milter gives such a message its error action; offline it cannot be judged either.
        std::cerr << fmt::format("senderguard check: cannot read the message: header section over {} MiB\n",
                                 core::max_header_section_bytes >> 20);
        return code(ExitStatus::failure);
    }
    const core::Transaction transaction = build_transaction(options, message);
    // One budget for the DKIM key lookups, SPF and DMARC, as in the milter.
    const dns::Deadline deadline = dns::Deadline::after(config->dns.message_budget);
    core::DkimOutcome dkim;
    if (config->services && config->services->dkim)
        dkim = dkim::verify_message(*config->services->dkim, *bytes, deadline);
    const engine::Evaluation evaluation = engine::evaluate(transaction, *config, std::move(dkim), deadline);
    const std::string results = results_value(evaluation, *config);

    if (options.json) {
        const json record = report::evidence_record(transaction, evaluation, *config);
        // Evidence quotes message bytes: invalid UTF-8 is replaced, never fatal.
        std::cout << verdict_json(evaluation, results, record).dump(2, ' ', false, json::error_handler_t::replace)
                  << '\n';
    } else {
        print_text(evaluation, results);
    }
    std::cout.flush();
    return code(ExitStatus::ok);
}

}  // namespace sg::milter

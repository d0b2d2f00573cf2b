// parameters - the table of every configuration parameter (docs/configuration.md
// documents each one; a unit test keeps the two in step).
#include "config/parameters.hpp"

#include <array>

#include <fmt/format.h>

#include "config/value_readers.hpp"
#include "core/finding_catalog.hpp"
#include "mail/domain_name.hpp"

namespace sg::config {
namespace {

void apply_socket(const toml::node& node, Config& config) {
    std::string socket = read_string(node);
    bool known = socket.rfind("inet:", 0) == 0 || socket.rfind("inet6:", 0) == 0 ||
                 socket.rfind("unix:", 0) == 0 || socket.rfind("local:", 0) == 0;
    if (!known || socket.find(':') + 1 == socket.size())
        throw ValueError("expected inet:PORT@HOST, inet6:PORT@HOST or unix:PATH");
    config.milter.socket = socket;
}

void apply_error_action(const toml::node& node, Config& config) {
    core::Action action = read_action(node);
    if (action != core::Action::accept && action != core::Action::tempfail)
        throw ValueError("must be accept or tempfail");
    config.milter.error_action = action;
}

void apply_default_domain(const toml::node& node, Config& config) {
    std::string text = read_string(node);
    if (text.empty()) {
        config.identity.default_domain.clear();
        return;
    }
    auto domain = mail::canonical_domain(text);
    if (!domain) throw ValueError(fmt::format("\"{}\" is not a valid domain", text));
    config.identity.default_domain = *domain;
}

void apply_protected_domains(const toml::node& node, Config& config) {
    config.identity.protected_domains.clear();
    const toml::array* array = node.as_array();
    std::vector<std::string> items = read_string_list(node);
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto domain = mail::canonical_domain(items[i]);
        if (!domain) throw ValueError(fmt::format("\"{}\" is not a valid domain", items[i]), array->get(i));
        config.identity.protected_domains.push_back(*domain);
    }
}

void apply_delimiter(const toml::node& node, Config& config) {
    std::string text = read_string(node);
    for (char c : text)
        if (c == '@' || c == ' ' || static_cast<unsigned char>(c) < 0x21 || static_cast<unsigned char>(c) > 0x7e)
            throw ValueError("delimiters must be printable ASCII characters other than '@'");
    config.identity.recipient_delimiters = text;
}

void apply_trusted_networks(const toml::node& node, Config& config) {
    config.identity.trusted_networks.clear();
    const toml::array* array = node.as_array();
    std::vector<std::string> items = read_string_list(node);
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto network = Network::parse(items[i]);
        if (!network) throw ValueError(fmt::format("\"{}\" is not an address or CIDR prefix", items[i]), array->get(i));
        config.identity.trusted_networks.push_back(*network);
    }
}

void apply_forwarders(const toml::node& node, Config& config) {
    const toml::array* array = node.as_array();
    std::vector<std::string> items = read_string_list(node);
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string& item = items[i];
        std::string address = item.substr(0, item.find('@'));
        bool port_ok = true;
        if (auto at = item.find('@'); at != std::string::npos) {
            std::string port = item.substr(at + 1);
            port_ok = !port.empty() && port.size() <= 5 &&
                      port.find_first_not_of("0123456789") == std::string::npos && std::stoi(port) > 0 &&
                      std::stoi(port) < 65536;
        }
        if (!Network::parse(address) || address.find('/') != std::string::npos || !port_ok)
            throw ValueError(fmt::format("\"{}\" is not ADDRESS or ADDRESS@PORT", item), array->get(i));
    }
    config.dns.forwarders = items;
}

void apply_authserv_id(const toml::node& node, Config& config) {
    std::string id = read_string(node);
    if (id.empty() || id.size() > 255) throw ValueError("must be 1 to 255 characters");
    for (char c : id)
        if (!std::isalnum(static_cast<unsigned char>(c)) && std::string_view(".-_").find(c) == std::string_view::npos)
            throw ValueError("an authserv-id is a host name: letters, digits, '.', '-' and '_'");
    config.authentication.authserv_id = id;
}

void apply_temperror_action(const toml::node& node, Config& config) {
    core::Action action = read_action(node);
    if (action != core::Action::accept && action != core::Action::tag && action != core::Action::tempfail)
        throw ValueError("must be accept, tag or tempfail");
    config.policy.temperror_action = action;
}

void apply_mode(const toml::node& node, Config& config) {
    std::string mode = read_string(node);
    if (mode != "enforce" && mode != "monitor") throw ValueError("must be \"enforce\" or \"monitor\"");
    config.policy.monitor = mode == "monitor";
}

void check_finding_key(const std::string& key, const toml::node& at) {
    if (!core::is_known_weight_key(key))
        throw ValueError(fmt::format("unknown finding id \"{}\" (see docs/findings.md)", key), &at);
}

void apply_weights(const toml::node& node, Config& config) {
    for (auto&& [key, value] : read_table(node)) {
        std::string id(key.str());
        check_finding_key(id, value);
        try {
            config.policy.weights[id] = read_number(value, 0, 1000);
        } catch (const ValueError& error) {
            throw ValueError(fmt::format("weight of {}: {}", id, error.what()), &value);
        }
    }
}

void apply_actions(const toml::node& node, Config& config) {
    for (auto&& [key, value] : read_table(node)) {
        std::string id(key.str());
        check_finding_key(id, value);
        try {
            config.policy.actions[id] = read_action(value);
        } catch (const ValueError& error) {
            throw ValueError(fmt::format("action for {}: {}", id, error.what()), &value);
        }
    }
}

void apply_header_name(const toml::node& node, Config& config) {
    std::string name = read_string(node);
    if (name.empty() || name.size() > 64) throw ValueError("must be 1 to 64 characters");
    for (char c : name)
        if (c == ':' || static_cast<unsigned char>(c) < 0x21 || static_cast<unsigned char>(c) > 0x7e)
            throw ValueError("a header name is printable ASCII without ':' or spaces");
    config.report.header_name = name;
}

std::string read_reply_text(const toml::node& node) {
    std::string text = read_string(node);
    if (text.empty() || text.size() > 400) throw ValueError("must be 1 to 400 characters");
    for (char c : text)
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e)
            throw ValueError("SMTP reply text must be printable ASCII on one line");
    return text;
}

double read_threshold(const toml::node& node) { return read_number(node, 0.01, 100000); }

constexpr std::array<Parameter, 33> parameters{{
    {"milter.socket", "string", "inet:8891@127.0.0.1",
     "Where the milter listens: inet:PORT@HOST, inet6:PORT@HOST or unix:PATH.",
     [](const toml::node& n, Config& c) { apply_socket(n, c); }},
    {"milter.user", "string", "\"\" (stay)",
     "Unprivileged user to switch to after the socket is open (when started as root).",
     [](const toml::node& n, Config& c) { c.milter.user = read_string(n); }},
    {"milter.group", "string", "\"\" (the user's primary group)", "Group to switch to with milter.user.",
     [](const toml::node& n, Config& c) { c.milter.group = read_string(n); }},
    {"milter.backlog", "integer", "512",
     "Listen backlog; keep it at least the MTA's concurrency (Postfix default_process_limit).",
     [](const toml::node& n, Config& c) { c.milter.backlog = static_cast<int>(read_integer(n, 16, 65535)); }},
    {"milter.timeout", "integer", "300", "Seconds of silence from the MTA before the connection is dropped.",
     [](const toml::node& n, Config& c) {
         c.milter.timeout_seconds = static_cast<int>(read_integer(n, 1, 3600));
     }},
    {"milter.error_action", "string", "tempfail",
     "What the MTA is told when senderguard fails internally: tempfail or accept.",
     [](const toml::node& n, Config& c) { apply_error_action(n, c); }},
    {"milter.pid_file", "string", "\"\" (none)", "File the daemon writes its process id to.",
     [](const toml::node& n, Config& c) { c.milter.pid_file = read_string(n); }},
    {"identity.default_domain", "string", "\"\" (none)",
     "Domain of bare logins: login alice owns alice@<default_domain>.",
     [](const toml::node& n, Config& c) { apply_default_domain(n, c); }},
    {"identity.protected_domains", "list of strings", "[] (none)",
     "The organization's own domains besides identity.default_domain (display names carrying them weigh more).",
     [](const toml::node& n, Config& c) { apply_protected_domains(n, c); }},
    {"identity.recipient_delimiter", "string", "+",
     "Characters that start an address extension, as Postfix recipient_delimiter (alice+x@ is alice@).",
     [](const toml::node& n, Config& c) { apply_delimiter(n, c); }},
    {"identity.delegation_map", "string", "\"\" (none)",
     "File in smtpd_sender_login_maps format granting logins more addresses (shared mailboxes, "
     "application accounts).",
     [](const toml::node& n, Config& c) { c.identity.delegation_map_path = read_string(n); }},
    {"identity.protected_names", "string", "\"\" (none)",
     "File of protected people, \"Name: address, address\", for display-name impersonation.",
     [](const toml::node& n, Config& c) { c.identity.protected_names_path = read_string(n); }},
    {"identity.trusted_networks", "list of strings", "[] (none)",
     "Client networks whose unauthenticated mail is not judged by ownership (CIDR).",
     [](const toml::node& n, Config& c) { apply_trusted_networks(n, c); }},
    {"dns.forwarders", "list of strings", "[] (the system resolver)",
     "DNS servers to forward to, \"ADDRESS\" or \"ADDRESS@PORT\"; empty: /etc/resolv.conf.",
     [](const toml::node& n, Config& c) { apply_forwarders(n, c); }},
    {"dns.trust_anchor", "string", "\"\" (no DNSSEC validation)",
     "DNSSEC trust anchor file, e.g. /usr/share/dns/root.key; answers that fail validation are temperror.",
     [](const toml::node& n, Config& c) { c.dns.trust_anchor = read_string(n); }},
    {"dns.local_data", "string", "\"\" (none)",
     "Zone-line file answered locally before any server (tests, offline check); names it lacks do not exist.",
     [](const toml::node& n, Config& c) { c.dns.local_data = read_string(n); }},
    {"dns.query_timeout", "integer", "2000", "Milliseconds one DNS query may take.",
     [](const toml::node& n, Config& c) { c.dns.query_timeout = std::chrono::milliseconds(read_integer(n, 10, 60000)); }},
    {"dns.message_budget", "integer", "5000",
     "Milliseconds all DNS lookups of one message may take together (SPF, DKIM keys, DMARC).",
     [](const toml::node& n, Config& c) {
         c.dns.message_budget = std::chrono::milliseconds(read_integer(n, 10, 120000));
     }},
    {"authentication.enabled", "boolean", "true", "Evaluate SPF, DKIM and DMARC.",
     [](const toml::node& n, Config& c) { c.authentication.enabled = read_boolean(n); }},
    {"authentication.authserv_id", "string", "this host's name",
     "RFC 8601 authserv-id of the Authentication-Results header; incoming headers claiming it are removed.",
     [](const toml::node& n, Config& c) { apply_authserv_id(n, c); }},
    {"authentication.add_header", "boolean", "true", "Add Authentication-Results to every message.",
     [](const toml::node& n, Config& c) { c.authentication.add_header = read_boolean(n); }},
    {"policy.temperror_action", "string", "tag",
     "Least action for a message whose checks could not decide (DNS timeout): accept, tag or tempfail.",
     [](const toml::node& n, Config& c) { apply_temperror_action(n, c); }},
    {"policy.mode", "string", "enforce",
     "enforce applies verdicts; monitor evaluates and logs everything but only ever tags.",
     [](const toml::node& n, Config& c) { apply_mode(n, c); }},
    {"policy.tag_threshold", "number", "1", "Score at which a message is tagged.",
     [](const toml::node& n, Config& c) { c.policy.tag_threshold = read_threshold(n); }},
    {"policy.quarantine_threshold", "number", "8", "Score at which a message is held in the MTA's quarantine.",
     [](const toml::node& n, Config& c) { c.policy.quarantine_threshold = read_threshold(n); }},
    {"policy.reject_threshold", "number", "15", "Score at which a message is rejected with 550 5.7.1.",
     [](const toml::node& n, Config& c) { c.policy.reject_threshold = read_threshold(n); }},
    {"policy.weights", "table", "see docs/findings.md",
     "Finding id (or id.variant) = weight; replaces the built-in weight of that key.",
     [](const toml::node& n, Config& c) { apply_weights(n, c); }},
    {"policy.actions", "table", "{} (none)",
     "Finding id (or id.variant) = action; the message gets at least that action when the finding is raised.",
     [](const toml::node& n, Config& c) { apply_actions(n, c); }},
    {"report.evidence_file", "string", "\"\" (none)", "File the JSON evidence records are appended to.",
     [](const toml::node& n, Config& c) { c.report.evidence_file = read_string(n); }},
    {"report.syslog", "boolean", "true", "Also send each evidence record to syslog (facility mail).",
     [](const toml::node& n, Config& c) { c.report.syslog = read_boolean(n); }},
    {"report.header_name", "string", "X-SenderGuard", "Name of the summary header added to tagged mail.",
     [](const toml::node& n, Config& c) { apply_header_name(n, c); }},
    {"report.reject_reply", "string", "\"\" (a text naming the kind of problem)",
     "Text after 550 5.7.1 when a message is rejected; names the problem, never scores or rules.",
     [](const toml::node& n, Config& c) { c.report.reject_reply = read_reply_text(n); }},
    {"report.tempfail_reply", "string", "Sender identity could not be verified, try again later",
     "Text after 451 4.7.1 when a message is temporarily refused.",
     [](const toml::node& n, Config& c) { c.report.tempfail_reply = read_reply_text(n); }},
}};



}  // namespace

std::span<const Parameter> parameter_table() { return parameters; }

const Parameter* find_parameter(std::string_view key) {
    for (const Parameter& parameter : parameters)
        if (parameter.key == key) return &parameter;
    return nullptr;
}

}  // namespace sg::config

// config - the loaded configuration: one immutable snapshot, built whole from a TOML
// file (or the built-in defaults) and shared as std::shared_ptr<const Config>. The
// milter swaps snapshots on reload; a connection keeps the one it started with.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "config/network.hpp"
#include "core/verdict.hpp"
#include "identity/ownership.hpp"
#include "identity/protected_names.hpp"

namespace sg::config {

struct MilterSettings {
    std::string socket = "inet:8891@127.0.0.1";  // inet:PORT@HOST or unix:PATH
    std::string user;                            // drop privileges to this user (empty: stay)
    std::string group;
    int backlog = 512;
    int timeout_seconds = 300;                   // MTA I/O timeout
    core::Action error_action = core::Action::tempfail;  // internal error in the engine
    std::string pid_file;
};

struct IdentitySettings {
    std::string default_domain;
    std::vector<std::string> protected_domains;  // canonical; default_domain is implied
    std::string recipient_delimiters = "+";
    std::string delegation_map_path;
    std::string protected_names_path;
    std::vector<Network> trusted_networks;
    std::shared_ptr<const identity::OwnershipPolicy> ownership;
    std::shared_ptr<const identity::ProtectedNames> protected_names;
};

struct DnsSettings {
    std::vector<std::string> forwarders;  // "127.0.0.1@5353"; empty: the system resolver
    std::string trust_anchor;             // DNSSEC trust anchor file; empty: no validation
    std::string local_data;               // zone-line file answered locally (tests, offline check)
    std::chrono::milliseconds query_timeout{2000};
    std::chrono::milliseconds message_budget{5000};  // all lookups of one message
};

struct AuthenticationSettings {
    bool enabled = true;      // SPF, DKIM, DMARC
    std::string authserv_id;  // RFC 8601 authserv-id; default: this host's name
    bool add_header = true;   // Authentication-Results on every message
};

struct PolicySettings {
    bool monitor = false;
    core::Action temperror_action = core::Action::tag;  // a check could not decide (DNS)
    double tag_threshold = 1;
    double quarantine_threshold = 8;
    double reject_threshold = 15;
    std::map<std::string, double> weights;       // finding id (or id.variant) -> weight
    std::map<std::string, core::Action> actions;  // finding id (or id.variant) -> action
};

struct ReportSettings {
    std::string evidence_file;         // JSON lines; empty: none
    bool syslog = true;                // one line per message, facility mail
    std::string header_name = "X-SenderGuard";
    std::string reject_reply;  // empty: a text naming the kind of problem (report/reject_reply)
    std::string tempfail_reply = "Sender identity could not be verified, try again later";
};

struct Services;

struct Config {
    std::string source = "(built-in defaults)";  // file it was read from
    std::string version;                         // digest of the file content
    MilterSettings milter;
    IdentitySettings identity;
    DnsSettings dns;
    AuthenticationSettings authentication;
    PolicySettings policy;
    ReportSettings report;
    std::shared_ptr<Services> services;  // resolver and verifiers (config/services.hpp)

    double weight_for(const std::string& weight_key, const std::string& id) const;
    // The identity.trusted_networks entry the client address is in, or nullptr.
    const Network* trusted_network(std::string_view client_ip) const;
};

// Reads, validates and returns a snapshot; throws core::ConfigError (`file:line: ...`).
std::shared_ptr<const Config> load_config(const std::string& path);

// The configuration an empty file gives.
std::shared_ptr<const Config> default_config();

}  // namespace sg::config

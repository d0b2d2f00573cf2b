// config - loads a TOML file into an immutable Config snapshot: every key goes
// through the parameter table, unknown keys and bad values are refused with
// `file:line: key: reason`, then the referenced map files are loaded.
#include "config/config.hpp"

#include <unistd.h>

#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "config/default_weights.hpp"
#include "config/parameters.hpp"
#include "config/services.hpp"
#include "core/error.hpp"

namespace sg::config {
namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw core::ConfigError(path, 0, "cannot read the file");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool is_parameter_prefix(std::string_view prefix) {
    for (const Parameter& parameter : parameter_table())
        if (parameter.key.size() > prefix.size() && parameter.key.substr(0, prefix.size()) == prefix &&
            parameter.key[prefix.size()] == '.')
            return true;
    return false;
}

std::size_t line_of(const toml::node& node) { return node.source().begin.line; }

void apply_table(const toml::table& table, const std::string& prefix, Config& config, const std::string& path) {
    for (auto&& [key, value] : table) {
        std::string dotted = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
        if (const Parameter* parameter = find_parameter(dotted)) {
            try {
                parameter->apply(value, config);
            } catch (const ValueError& error) {
                const toml::node& at = error.at() ? *error.at() : value;
                throw core::ConfigError(path, line_of(at), fmt::format("{}: {}", dotted, error.what()));
            }
        } else if (value.is_table() && is_parameter_prefix(dotted)) {
            apply_table(*value.as_table(), dotted, config, path);
        } else {
            throw core::ConfigError(path, line_of(value), fmt::format("unknown parameter \"{}\"", dotted));
        }
    }
}

void validate_thresholds(const PolicySettings& policy, const std::string& path) {
    if (policy.tag_threshold > policy.quarantine_threshold || policy.quarantine_threshold > policy.reject_threshold)
        throw core::ConfigError(path, 0,
                                fmt::format("policy thresholds must satisfy tag ({}) <= quarantine ({}) <= reject ({})",
                                            policy.tag_threshold, policy.quarantine_threshold,
                                            policy.reject_threshold));
}

std::string digest(std::string_view text) {
    // FNV-1a, 64 bit: identifies a configuration in evidence records, not a security hash.
    std::uint64_t hash = 1469598103934665603ULL;
    for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ULL;
    return fmt::format("{:016x}", hash);
}

// Loads the map files the settings name and publishes the services built from them.
void load_maps(Config& config, std::string& content_for_digest) {
    IdentitySettings& identity = config.identity;
    auto delegations = std::make_shared<identity::DelegationMap>();
    if (!identity.delegation_map_path.empty()) {
        *delegations = identity::DelegationMap::load_file(identity.delegation_map_path);
        content_for_digest += read_file(identity.delegation_map_path);
    }
    identity.ownership = std::make_shared<identity::OwnershipPolicy>(
        identity::OwnershipSettings{identity.default_domain, identity.recipient_delimiters}, delegations);
    auto names = std::make_shared<identity::ProtectedNames>();
    if (!identity.protected_names_path.empty()) {
        *names = identity::ProtectedNames::load_file(identity.protected_names_path);
        content_for_digest += read_file(identity.protected_names_path);
    }
    identity.protected_names = names;
}

std::string host_name() {
    char name[256] = {};
    if (gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return "localhost";
    return name;
}

void finish(Config& config, std::string content_for_digest) {
    load_maps(config, content_for_digest);
    if (config.authentication.authserv_id.empty()) config.authentication.authserv_id = host_name();
    if (!config.dns.local_data.empty()) content_for_digest += read_file(config.dns.local_data);
    config.version = digest(content_for_digest);
    config.services = build_services(config);
}

}  // namespace

double Config::weight_for(const std::string& weight_key, const std::string& id) const {
    for (const std::string& key : {weight_key, id}) {
        if (auto it = policy.weights.find(key); it != policy.weights.end()) return it->second;
    }
    return 0;
}

const Network* Config::trusted_network(std::string_view client_ip) const {
    for (const Network& network : identity.trusted_networks)
        if (network.contains(client_ip)) return &network;
    return nullptr;
}

std::shared_ptr<const Config> default_config() {
    auto config = std::make_shared<Config>();
    config->policy.weights = default_weights();
    finish(*config, "");
    return config;
}

std::shared_ptr<const Config> load_config(const std::string& path) {
    std::string text = read_file(path);
    toml::table table;
    try {
        table = toml::parse(text, path);
    } catch (const toml::parse_error& error) {
        throw core::ConfigError(path, error.source().begin.line, std::string(error.description()));
    }
    auto config = std::make_shared<Config>();
    config->source = path;
    config->policy.weights = default_weights();
    apply_table(table, "", *config, path);
    validate_thresholds(config->policy, path);
    finish(*config, text);
    return config;
}

}  // namespace sg::config

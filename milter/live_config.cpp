// live_config - snapshot publication and reload.
#include "live_config.hpp"

#include <exception>
#include <utility>

#include <fmt/format.h>

#include "core/error.hpp"
#include "log.hpp"

namespace sg::milter {
namespace {

std::shared_ptr<report::EvidenceLog> open_evidence_log(const config::Config& config) {
    return std::make_shared<report::EvidenceLog>(config.report.evidence_file, config.report.syslog);
}

// Settings bound at startup (socket, identity, backlog, pid file) cannot change
// without a restart; say so rather than pretend they were applied.
void warn_about_restart_only_changes(const config::MilterSettings& before, const config::MilterSettings& after) {
    const auto warn = [](const char* key) {
        log(LogLevel::warning, fmt::format("reload: milter.{} changed; it takes effect only after a restart", key));
    };
    if (before.socket != after.socket) warn("socket");
    if (before.user != after.user) warn("user");
    if (before.group != after.group) warn("group");
    if (before.backlog != after.backlog) warn("backlog");
    if (before.timeout_seconds != after.timeout_seconds) warn("timeout_seconds");
    if (before.pid_file != after.pid_file) warn("pid_file");
}

}  // namespace

LiveConfig::LiveConfig(std::string path, std::shared_ptr<const config::Config> initial)
    : path_(std::move(path)), config_(std::move(initial)), evidence_log_(open_evidence_log(*config_)) {}

std::shared_ptr<const config::Config> LiveConfig::config() const {
    std::lock_guard lock(mutex_);
    return config_;
}

std::shared_ptr<report::EvidenceLog> LiveConfig::evidence_log() const {
    std::lock_guard lock(mutex_);
    return evidence_log_;
}

bool LiveConfig::reload() {
    std::shared_ptr<const config::Config> fresh;
    try {
        fresh = config::load_config(path_);
    } catch (const core::ConfigError& error) {
        log(LogLevel::error, fmt::format("reload failed, keeping version {}: {}", config()->version, error.what()));
        return false;
    } catch (const std::exception& error) {
        log(LogLevel::error,
            fmt::format("reload failed, keeping version {}: {}: {}", config()->version, path_, error.what()));
        return false;
    }
    // Built outside the lock: opening the file may block.
    auto fresh_log = open_evidence_log(*fresh);
    std::shared_ptr<const config::Config> previous;
    {
        std::lock_guard lock(mutex_);
        previous = std::exchange(config_, fresh);
        evidence_log_ = std::move(fresh_log);
    }
    warn_about_restart_only_changes(previous->milter, fresh->milter);
    log(LogLevel::notice, fmt::format("configuration reloaded from {} (version {}, was {})", path_, fresh->version,
                                      previous->version));
    return true;
}

}  // namespace sg::milter

// live_config - the configuration the daemon currently runs with: one immutable
// config::Config snapshot plus the evidence log it writes to, published together and
// swapped whole on reload. A connection takes the snapshot once, at its start, and keeps
// it; the evidence log is looked up per message so a reload (e.g. after logrotate)
// reopens the file for everyone. A reload that fails keeps the old snapshot and logs
// `file:line: reason`. Thread-safe.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "config/config.hpp"
#include "report/evidence_log.hpp"

namespace sg::milter {

class LiveConfig {
public:
    // `path` is the file reloads read again; `initial` is what the daemon started with.
    LiveConfig(std::string path, std::shared_ptr<const config::Config> initial);

    std::shared_ptr<const config::Config> config() const;
    std::shared_ptr<report::EvidenceLog> evidence_log() const;

    // Reads the file again. On success publishes the new snapshot and a freshly opened
    // evidence log and returns true; on failure logs why, keeps everything, returns false.
    bool reload();

private:
    const std::string path_;
    mutable std::mutex mutex_;
    std::shared_ptr<const config::Config> config_;
    std::shared_ptr<report::EvidenceLog> evidence_log_;
};

}  // namespace sg::milter

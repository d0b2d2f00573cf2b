// evidence_log - writes evidence records: appended as JSON lines to the configured
// file (reopened on reload, so logrotate works) and to syslog (facility mail).
// Thread-safe; a write failure is reported once to syslog, never thrown.
#pragma once

#include <cstdio>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

namespace sg::report {

class EvidenceLog {
public:
    EvidenceLog(std::string path, bool to_syslog);
    ~EvidenceLog();
    EvidenceLog(const EvidenceLog&) = delete;
    EvidenceLog& operator=(const EvidenceLog&) = delete;

    void write(const nlohmann::json& record);

private:
    std::mutex mutex_;
    std::string path_;
    bool to_syslog_;
    std::FILE* file_ = nullptr;
    bool reported_failure_ = false;
};

}  // namespace sg::report

// evidence_log - JSON lines to a file and to syslog, serialized by one mutex.
#include "report/evidence_log.hpp"

#include <syslog.h>

#include <cerrno>
#include <cstring>

namespace sg::report {

EvidenceLog::EvidenceLog(std::string path, bool to_syslog) : path_(std::move(path)), to_syslog_(to_syslog) {
    if (!path_.empty()) file_ = std::fopen(path_.c_str(), "a");
    if (!path_.empty() && !file_)
        syslog(LOG_ERR, "cannot open evidence file %s: %s", path_.c_str(), std::strerror(errno));
}

EvidenceLog::~EvidenceLog() {
    if (file_) std::fclose(file_);
}

void EvidenceLog::write(const nlohmann::json& record) {
    std::string line = record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::lock_guard lock(mutex_);
    if (to_syslog_) syslog(LOG_INFO, "%s", line.c_str());
    if (!file_) return;
    line += '\n';
    if (std::fwrite(line.data(), 1, line.size(), file_) != line.size() || std::fflush(file_) != 0) {
        if (!reported_failure_) syslog(LOG_ERR, "cannot write evidence file %s: %s", path_.c_str(), std::strerror(errno));
        reported_failure_ = true;
    }
}

}  // namespace sg::report

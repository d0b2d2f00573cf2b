// log - syslog plus optional stderr copy for the daemon's own diagnostics.
#include "log.hpp"

#include <syslog.h>

#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>

namespace sg::milter {
namespace {

std::atomic<bool> syslog_open{false};
std::atomic<bool> copy_to_stderr{true};
std::mutex stderr_mutex;

int priority(LogLevel level) {
    switch (level) {
        case LogLevel::error: return LOG_ERR;
        case LogLevel::warning: return LOG_WARNING;
        case LogLevel::notice: return LOG_NOTICE;
        case LogLevel::info: return LOG_INFO;
        case LogLevel::debug: return LOG_DEBUG;
    }
    return LOG_INFO;
}

const char* label(LogLevel level) {
    switch (level) {
        case LogLevel::error: return "error";
        case LogLevel::warning: return "warning";
        case LogLevel::notice: return "notice";
        case LogLevel::info: return "info";
        case LogLevel::debug: return "debug";
    }
    return "info";
}

}  // namespace

void open_log(bool to_stderr) {
    copy_to_stderr = to_stderr;
    openlog("senderguard", LOG_PID | LOG_NDELAY, LOG_MAIL);
    syslog_open = true;
}

void close_log() {
    if (syslog_open.exchange(false)) closelog();
}

void log(LogLevel level, std::string_view message) {
    try {
        const std::string text(message);
        if (syslog_open) syslog(priority(level), "%s", text.c_str());
        if (copy_to_stderr || !syslog_open) {
            std::lock_guard lock(stderr_mutex);
            std::fprintf(stderr, "senderguard: %s: %s\n", label(level), text.c_str());
        }
    } catch (...) {
        // Logging must never take the daemon down (allocation failure).
    }
}

}  // namespace sg::milter

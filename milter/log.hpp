// log - the daemon's diagnostics: syslog (ident "senderguard", LOG_PID, facility
// mail) and, in the foreground, stderr too. Thread-safe; never throws.
// Evidence records do not go through here (report::EvidenceLog writes those).
#pragma once

#include <string_view>

namespace sg::milter {

enum class LogLevel { error, warning, notice, info, debug };

// Opens syslog; `to_stderr` copies every line to stderr as well.
void open_log(bool to_stderr);
void close_log();

void log(LogLevel level, std::string_view message);

}  // namespace sg::milter

// daemon - `senderguard run`: configuration -> libmilter registration -> socket
// (stale unix socket removed, listen backlog from milter.backlog, TCP_NODELAY on
// inet) -> drop privileges -> pid file -> SIGUSR1 reload thread -> smfi_main().
// Runs in the foreground (a service manager supervises it) and logs to syslog and
// stderr. Stops cleanly on SIGTERM/SIGINT/SIGHUP (libmilter's signal thread), then
// removes the pid file and the unix socket. Returns the process exit status.
#pragma once

#include <string>

namespace sg::milter {

int run_daemon(const std::string& config_path);

}  // namespace sg::milter

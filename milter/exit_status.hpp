// exit_status - the process exit codes of every senderguard subcommand, and the
// help-text paragraph that documents them (shown by `--help`).
#pragma once

namespace sg::milter {

enum class ExitStatus : int {
    ok = 0,            // evaluated / configuration valid / daemon stopped cleanly
    failure = 1,       // check: message unreadable; run: startup or runtime failure
    usage_error = 2,   // bad arguments or a configuration error (`file:line: reason`)
};

constexpr int code(ExitStatus status) { return static_cast<int>(status); }

inline constexpr const char* exit_status_help =
    "Exit status:\n"
    "  0  success: `check` evaluated the message (whatever the verdict), `config-test`\n"
    "     found the configuration valid, `run` stopped cleanly on SIGTERM/SIGINT/SIGHUP\n"
    "  1  `check` could not read the message; `run` could not start (socket, user,\n"
    "     pid file) or libmilter failed\n"
    "  2  usage error, or a configuration error reported as `file:line: reason`\n";

}  // namespace sg::milter

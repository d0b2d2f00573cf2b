// daemon - start, serve, stop.
#include "daemon.hpp"

#include <libmilter/mfapi.h>
#include <signal.h>

#include <cstdio>
#include <exception>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "callbacks.hpp"
#include "config/config.hpp"
#include "core/error.hpp"
#include "exit_status.hpp"
#include "listen_socket.hpp"
#include "live_config.hpp"
#include "log.hpp"
#include "pid_file.hpp"
#include "privileges.hpp"
#include "reload_thread.hpp"
#include "startup_error.hpp"

namespace sg::milter {
namespace {

// Removes the unix socket when the daemon stops, whichever way it stops after opening it.
class SocketCleanup {
public:
    explicit SocketCleanup(const SocketSpec& spec) : spec_(spec) {}
    ~SocketCleanup() { remove_unix_socket(spec_); }
    SocketCleanup(const SocketCleanup&) = delete;
    SocketCleanup& operator=(const SocketCleanup&) = delete;

private:
    SocketSpec spec_;
};

void open_socket(const config::MilterSettings& settings, const SocketSpec& spec) {
    std::string connection = settings.socket;
    if (smfi_setconn(connection.data()) != MI_SUCCESS)
        throw StartupError(fmt::format("milter.socket: libmilter rejected '{}'", settings.socket));
    if (smfi_settimeout(settings.timeout_seconds) != MI_SUCCESS)
        throw StartupError(fmt::format("milter.timeout_seconds: libmilter rejected {}", settings.timeout_seconds));
    if (smfi_setbacklog(settings.backlog) != MI_SUCCESS)
        throw StartupError(fmt::format("milter.backlog: libmilter rejected {}", settings.backlog));
    // true: remove a stale unix socket left by a previous run.
    if (smfi_opensocket(true) != MI_SUCCESS)
        throw StartupError(fmt::format("cannot listen on {} (address in use, or no permission?)", settings.socket));
    if (spec.family != SocketSpec::Family::unix_domain && enable_nodelay_on_listener(spec) > 0)
        log(LogLevel::info, "TCP_NODELAY set on the listening socket (inherited by MTA connections)");
}

int serve(LiveConfig& live, const config::Config& config, const SocketSpec& spec) {
    const struct smfiDesc description = filter_description(live);
    if (smfi_register(description) != MI_SUCCESS) throw StartupError("smfi_register failed");

    open_socket(config.milter, spec);
    SocketCleanup socket_cleanup(spec);

    if (const std::optional<Identity> identity = target_identity(config.milter.user, config.milter.group)) {
        hand_unix_socket_to(spec, *identity);
        drop_privileges(config.milter.user, *identity);
    }
    PidFile pid_file(config.milter.pid_file);
    ReloadThread reload_thread(live);

    log(LogLevel::notice, fmt::format("listening on {} (backlog {}, configuration {} version {})",
                                      config.milter.socket, config.milter.backlog, config.source, config.version));
    const int result = smfi_main();
    if (result != MI_SUCCESS) {
        log(LogLevel::error, "smfi_main failed");
        return code(ExitStatus::failure);
    }
    log(LogLevel::notice, "stopped");
    return code(ExitStatus::ok);
}

}  // namespace

int run_daemon(const std::string& config_path) {
    ReloadThread::block_signals();
    signal(SIGPIPE, SIG_IGN);
    // A configuration error goes to stderr exactly as `file:line: reason` (and to syslog).
    open_log(false);
    std::shared_ptr<const config::Config> config;
    try {
        config = config::load_config(config_path);
    } catch (const std::exception& error) {
        const std::string message = dynamic_cast<const core::ConfigError*>(&error) != nullptr
                                        ? std::string(error.what())
                                        : fmt::format("{}: {}", config_path, error.what());
        log(LogLevel::error, message);
        std::fprintf(stderr, "%s\n", message.c_str());
        close_log();
        return code(ExitStatus::usage_error);
    }
    open_log(true);
    const std::optional<SocketSpec> spec = parse_socket_spec(config->milter.socket);
    if (!spec) {
        log(LogLevel::error, fmt::format("{}: milter.socket: cannot parse '{}' (unix:/path or inet:port@host)",
                                         config->source, config->milter.socket));
        return code(ExitStatus::usage_error);
    }

    int status = code(ExitStatus::failure);
    try {
        // Never destroyed: libmilter worker threads may still be finishing a callback
        // when smfi_main() returns, and they reach the configuration through it.
        auto* live = new LiveConfig(config_path, config);
        status = serve(*live, *config, *spec);
    } catch (const StartupError& error) {
        log(LogLevel::error, error.what());
    } catch (const std::exception& error) {
        log(LogLevel::error, fmt::format("startup failed: {}", error.what()));
    }
    close_log();
    return status;
}

}  // namespace sg::milter

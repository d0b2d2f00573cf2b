// config_test_command - validate (and optionally show) a configuration file.
#include "config_test_command.hpp"

#include <exception>
#include <iostream>

#include <fmt/format.h>

#include "config/config.hpp"
#include "core/error.hpp"
#include "exit_status.hpp"
#include "listen_socket.hpp"

namespace sg::milter {
namespace {

void dump_settings(const config::Config& config) {
    const auto quoted = [](const std::string& text) { return fmt::format("\"{}\"", text); };
    std::cout << "[milter]\n"
              << "socket = " << quoted(config.milter.socket) << '\n'
              << "user = " << quoted(config.milter.user) << '\n'
              << "group = " << quoted(config.milter.group) << '\n'
              << "backlog = " << config.milter.backlog << '\n'
              << "timeout = " << config.milter.timeout_seconds << '\n'
              << "error_action = " << quoted(std::string(core::to_string(config.milter.error_action))) << '\n'
              << "pid_file = " << quoted(config.milter.pid_file) << '\n'
              << "[policy]\n"
              << "mode = " << quoted(config.policy.monitor ? "monitor" : "enforce") << '\n'
              << "tag_threshold = " << config.policy.tag_threshold << '\n'
              << "quarantine_threshold = " << config.policy.quarantine_threshold << '\n'
              << "reject_threshold = " << config.policy.reject_threshold << '\n'
              << "[report]\n"
              << "evidence_file = " << quoted(config.report.evidence_file) << '\n'
              << "syslog = " << (config.report.syslog ? "true" : "false") << '\n'
              << "header_name = " << quoted(config.report.header_name) << '\n'
              << "reject_reply = " << quoted(config.report.reject_reply) << '\n'
              << "tempfail_reply = " << quoted(config.report.tempfail_reply) << '\n';
}

}  // namespace

int run_config_test(const std::string& config_path, bool dump) {
    std::shared_ptr<const config::Config> config;
    try {
        config = config::load_config(config_path);
    } catch (const core::ConfigError& error) {
        std::cerr << error.what() << '\n';
        return code(ExitStatus::usage_error);
    } catch (const std::exception& error) {
        std::cerr << fmt::format("{}: {}\n", config_path, error.what());
        return code(ExitStatus::usage_error);
    }
    // The daemon parses the socket itself; catch a bad one here rather than at start.
    if (!parse_socket_spec(config->milter.socket)) {
        std::cerr << fmt::format("{}: milter.socket: cannot parse '{}' (unix:/path or inet:port@host)\n", config_path,
                                 config->milter.socket);
        return code(ExitStatus::usage_error);
    }
    std::cout << fmt::format("{}: configuration OK (version {})\n", config_path, config->version);
    if (dump) dump_settings(*config);
    return code(ExitStatus::ok);
}

}  // namespace sg::milter

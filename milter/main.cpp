// main - the senderguard command line: `run` (the milter daemon), `check` (offline
// evaluation of one message) and `config-test`. Parses arguments only; each
// subcommand lives in its own file.
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

#include "check_command.hpp"
#include "config_test_command.hpp"
#include "daemon.hpp"
#include "exit_status.hpp"

namespace {

using sg::milter::code;
using sg::milter::ExitStatus;

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"senderguard - sender-identity milter for Postfix and Sendmail"};
    app.require_subcommand(1);
    app.footer(sg::milter::exit_status_help);

    std::string run_config;
    bool foreground = true;
    CLI::App* run = app.add_subcommand(
        "run",
        "Run the milter daemon in the foreground. Signals: SIGUSR1 reloads the configuration\n"
        "(an invalid file keeps the running one and logs file:line: reason); SIGTERM, SIGINT\n"
        "and SIGHUP stop it (exit 0, pid file and unix socket removed).");
    run->add_option("--config", run_config, "Configuration file (TOML)")->required();
    run->add_flag("--foreground", foreground, "Stay in the foreground, log to stderr too (the default; "
                                              "senderguard never detaches)");
    run->footer(sg::milter::exit_status_help);

    sg::milter::CheckOptions check_options;
    CLI::App* check = app.add_subcommand(
        "check", "Evaluate one message (.eml file, or - for stdin) with the given envelope and print the verdict.");
    check->add_option("--config", check_options.config_path, "Configuration file (default: built-in defaults)");
    check->add_option("--client-ip", check_options.client_ip, "Connecting client's IP address");
    check->add_option("--client-name", check_options.client_name, "Client's reverse DNS name");
    check->add_option("--helo", check_options.helo, "HELO/EHLO name");
    check->add_option("--auth-user", check_options.auth_user, "SMTP AUTH login (omit: not authenticated)");
    check->add_option("--mail-from", check_options.mail_from, "Envelope sender (MAIL FROM)");
    check->add_option("--rcpt", check_options.recipients, "Envelope recipient (repeat --rcpt for each)")
        ->allow_extra_args(false);
    check->add_flag("--json", check_options.json,
                    "Print JSON: action, applied_action, score, findings[{id, score, evidence}], "
                    "authentication_results, evidence_record");
    check->add_option("message", check_options.message_path, "Message file, or - for standard input")->required();
    check->footer(std::string("DNS: SPF, DKIM keys and DMARC are looked up with the configuration's [dns] settings;\n"
                              "offline: set [dns] local_data to answer lookups from a file.\n\n") +
                  sg::milter::exit_status_help);

    std::string test_config;
    bool dump = false;
    CLI::App* config_test = app.add_subcommand(
        "config-test", "Validate a configuration file: prints 'FILE: configuration OK (version X)' or file:line: reason.");
    config_test->add_option("--config", test_config, "Configuration file (TOML)")->required();
    config_test->add_flag("--dump", dump, "Also print the effective milter, policy and report settings");
    config_test->footer(sg::milter::exit_status_help);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& help) {
        return app.exit(help);
    } catch (const CLI::CallForAllHelp& help) {
        return app.exit(help);
    } catch (const CLI::ParseError& error) {
        app.exit(error);  // prints the message and the usage hint
        return code(ExitStatus::usage_error);
    }

    if (run->parsed()) return sg::milter::run_daemon(run_config);
    if (check->parsed()) return sg::milter::run_check(check_options);
    if (config_test->parsed()) return sg::milter::run_config_test(test_config, dump);
    return code(ExitStatus::usage_error);
}

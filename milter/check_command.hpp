// check_command - `senderguard check`: evaluates one message file (or stdin) with an
// envelope given on the command line, through the same engine the milter uses, and
// prints the verdict (text, or JSON with --json) and the Authentication-Results value
// the milter would add. DKIM is verified over the message bytes, then SPF and DMARC
// are evaluated, all DNS lookups through the configuration's resolver within one
// dns.message_budget ([dns] local_data answers them from a file, for offline use;
// without a configuration the system resolver is asked). Exit 0 when the message was
// evaluated whatever the verdict, 2 on a usage or configuration error, 1 when the
// message cannot be read. See DESIGN.md "Offline command".
#pragma once

#include <string>
#include <vector>

namespace sg::milter {

struct CheckOptions {
    std::string config_path;  // empty: built-in defaults
    std::string client_ip;
    std::string client_name;
    std::string helo;
    std::string auth_user;
    std::string mail_from;
    std::vector<std::string> recipients;
    bool json = false;
    std::string message_path;  // "-": standard input
};

int run_check(const CheckOptions& options);

}  // namespace sg::milter

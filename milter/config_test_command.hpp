// config_test_command - `senderguard config-test --config FILE`: loads and validates
// the file exactly as `run` would and prints "FILE: configuration OK (version X)", or
// the `file:line: reason` error with exit status 2. --dump also prints the effective
// milter and report settings.
#pragma once

#include <string>

namespace sg::milter {

int run_config_test(const std::string& config_path, bool dump);

}  // namespace sg::milter

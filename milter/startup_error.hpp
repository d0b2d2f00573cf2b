// startup_error - a fatal problem while the daemon starts (socket, user, pid file):
// reported once, precisely, and `run` exits with status 1.
#pragma once

#include <stdexcept>

namespace sg::milter {

class StartupError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace sg::milter

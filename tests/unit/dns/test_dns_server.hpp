// test_dns_server - starts tests/tools' dns_test_server for a test and stops it
// (SIGTERM to its pid, then waitpid) when the object goes away.
#pragma once

#include <string>
#include <sys/types.h>
#include <vector>

namespace sg::test {

class TestDnsServer {
public:
    // False when the unit tests were built without the server's path.
    static bool available();

    // `args`: the mode, e.g. {"--refuse"} or {"--zone", path}. Throws when the
    // server does not start and report its port within 5 s.
    explicit TestDnsServer(const std::vector<std::string>& args);
    ~TestDnsServer();
    TestDnsServer(const TestDnsServer&) = delete;
    TestDnsServer& operator=(const TestDnsServer&) = delete;

    std::string forwarder() const { return "127.0.0.1@" + std::to_string(port_); }
    int port() const { return port_; }
    pid_t pid() const { return pid_; }

private:
    pid_t pid_ = -1;
    int port_ = 0;
};

}  // namespace sg::test

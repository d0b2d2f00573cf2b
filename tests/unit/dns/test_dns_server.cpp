// test_dns_server - spawning and stopping dns_test_server (see test_dns_server.hpp).
#include "test_dns_server.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>

extern char** environ;

namespace sg::test {

bool TestDnsServer::available() {
#ifdef SENDERGUARD_DNS_TEST_SERVER
    return access(SENDERGUARD_DNS_TEST_SERVER, X_OK) == 0;
#else
    return false;
#endif
}

TestDnsServer::TestDnsServer(const std::vector<std::string>& args) {
#ifdef SENDERGUARD_DNS_TEST_SERVER
    const std::string program = SENDERGUARD_DNS_TEST_SERVER;
#else
    const std::string program = "dns_test_server";
#endif
    int out[2];
    if (pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    std::vector<std::string> all = {program};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& arg : all) argv.push_back(arg.data());
    argv.push_back(nullptr);
    const int rc = posix_spawn(&pid_, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    if (rc != 0) {
        close(out[0]);
        throw std::runtime_error("cannot start " + program);
    }
    std::string line;
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < until) {
        pollfd fd{out[0], POLLIN, 0};
        if (poll(&fd, 1, 100) <= 0) continue;
        char chunk[64];
        const auto got = read(out[0], chunk, sizeof chunk);
        if (got <= 0) break;
        line.append(chunk, static_cast<std::size_t>(got));
    }
    close(out[0]);
    port_ = line.find('\n') == std::string::npos ? 0 : std::stoi(line);
    if (port_ <= 0) {
        kill(pid_, SIGTERM);
        waitpid(pid_, nullptr, 0);
        throw std::runtime_error(program + " did not report its port");
    }
}

TestDnsServer::~TestDnsServer() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
}

}  // namespace sg::test

// dns_test_server - a tiny UDP+TCP DNS server on 127.0.0.1 for end-to-end tests.
//
//   dns_test_server (--refuse | --blackhole | --zone FILE) [--port N] [--pid-file F]
//
// --refuse answers every query REFUSED; --blackhole reads queries and never
// answers; --zone answers from a local data file (lib/dns/local_data.hpp):
// records of the asked name and type (following CNAMEs), NOERROR without
// answers when the name exists otherwise, NXDOMAIN else; $TEMPFAIL -> REFUSED,
// $SERVFAIL -> SERVFAIL, $TIMEOUT -> no answer. --port 0 (the default) picks a
// free port; the port is printed on stdout once both sockets listen. Exits 0 on
// SIGTERM or SIGINT, 2 on bad arguments or a bad zone file.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "dns/dns_name.hpp"
#include "dns/local_data.hpp"
#include "dns_wire.hpp"

namespace {

using namespace sg;

volatile sig_atomic_t stop_requested = 0;
void on_signal(int) { stop_requested = 1; }

enum class Mode { none, refuse, blackhole, zone };

struct Server {
    Mode mode = Mode::none;
    dns::LocalData zone;

    // Empty string: do not answer.
    std::string respond(std::string_view query, std::size_t max_size) const {
        const auto question = test_server::parse_query(query);
        if (!question || mode == Mode::blackhole) return {};
        if (question->flags & 0x8000) return {};  // a response, not a query
        if (mode == Mode::refuse) return test_server::build_response(query, *question, 5, {}, max_size);
        if (question->end == 0) return test_server::build_response(query, *question, 1, {}, max_size);
        if (((question->flags >> 11) & 0xf) != 0) return test_server::build_response(query, *question, 4, {}, max_size);
        if (const auto failure = zone.failure_for(question->name)) {
            if (*failure == dns::Failure::timeout) return {};
            const int rcode = *failure == dns::Failure::refused ? 5 : 2;
            return test_server::build_response(query, *question, rcode, {}, max_size);
        }
        std::vector<const dns::LocalRecord*> answers;
        std::string name = question->name;
        for (int hops = 0; hops < 8; ++hops) {
            const dns::LocalRecord* cname = nullptr;
            for (const auto& record : zone.records) {
                if (record.name != name) continue;
                if (static_cast<std::uint16_t>(record.type) == question->type) answers.push_back(&record);
                else if (record.type == dns::RecordType::cname) cname = &record;
            }
            if (!cname || !answers.empty()) break;
            answers.push_back(cname);
            name = cname->value;
        }
        bool exists = !answers.empty();
        for (const auto& record : zone.records) exists = exists || dns::is_same_or_below(record.name, question->name);
        return test_server::build_response(query, *question, exists ? 0 : 3, answers, max_size);
    }
};

int bind_socket(int type, std::uint16_t port) {
    const int fd = socket(AF_INET, type | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    const int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        (type == SOCK_STREAM && listen(fd, 16) != 0)) {
        close(fd);
        return -1;
    }
    return fd;
}

std::uint16_t port_of(int fd) {
    sockaddr_in address{};
    socklen_t length = sizeof address;
    getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    return ntohs(address.sin_port);
}

struct TcpClient {
    std::string buffer;
};

// Answers every complete length-prefixed query in the buffer; false to close.
bool serve_tcp(const Server& server, int fd, TcpClient& client) {
    char chunk[4096];
    const auto got = read(fd, chunk, sizeof chunk);
    if (got <= 0) return false;
    client.buffer.append(chunk, static_cast<std::size_t>(got));
    while (client.buffer.size() >= 2) {
        const std::size_t length = (static_cast<std::uint8_t>(client.buffer[0]) << 8) |
                                   static_cast<std::uint8_t>(client.buffer[1]);
        if (client.buffer.size() < 2 + length) break;
        const auto response = server.respond(std::string_view(client.buffer).substr(2, length), 65535);
        client.buffer.erase(0, 2 + length);
        if (response.empty()) continue;
        std::string framed;
        framed.push_back(static_cast<char>(response.size() >> 8));
        framed.push_back(static_cast<char>(response.size() & 0xff));
        framed += response;
        if (write(fd, framed.data(), framed.size()) != static_cast<ssize_t>(framed.size())) return false;
    }
    return true;
}

int usage(const std::string& problem) {
    std::cerr << "dns_test_server: " << problem
              << "\nusage: dns_test_server (--refuse | --blackhole | --zone FILE) [--port N] [--pid-file F]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    Server server;
    long port = 0;
    std::string pid_file;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--refuse") server.mode = Mode::refuse;
        else if (arg == "--blackhole") server.mode = Mode::blackhole;
        else if (arg == "--zone" && has_value) {
            server.mode = Mode::zone;
            try {
                server.zone = dns::LocalData::load(argv[++i]);
            } catch (const std::exception& e) {
                return usage(e.what());
            }
        } else if (arg == "--port" && has_value) {
            char* end = nullptr;
            port = std::strtol(argv[++i], &end, 10);
            if (*end || port < 0 || port > 65535) return usage("bad port " + std::string(argv[i]));
        } else if (arg == "--pid-file" && has_value) pid_file = argv[++i];
        else return usage("unknown or incomplete argument " + arg);
    }
    if (server.mode == Mode::none) return usage("choose --refuse, --blackhole or --zone FILE");

    int udp = -1;
    int tcp = -1;
    for (int attempt = 0; attempt < 20 && tcp < 0; ++attempt) {
        udp = bind_socket(SOCK_DGRAM, static_cast<std::uint16_t>(port));
        if (udp < 0) break;
        tcp = bind_socket(SOCK_STREAM, port_of(udp));
        if (tcp < 0) close(udp);
        if (port != 0) break;
    }
    if (udp < 0 || tcp < 0) return usage(std::string("cannot listen on 127.0.0.1: ") + std::strerror(errno));

    struct sigaction action {};
    action.sa_handler = on_signal;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    signal(SIGPIPE, SIG_IGN);

    if (!pid_file.empty()) std::ofstream(pid_file) << getpid() << "\n";
    std::cout << port_of(udp) << std::endl;

    std::map<int, TcpClient> clients;
    while (!stop_requested) {
        std::vector<pollfd> fds = {{udp, POLLIN, 0}, {tcp, POLLIN, 0}};
        for (const auto& [fd, client] : clients) fds.push_back({fd, POLLIN, 0});
        if (poll(fds.data(), fds.size(), -1) < 0) continue;  // EINTR: check the stop flag
        if (fds[0].revents & POLLIN) {
            char packet[65536];
            sockaddr_in peer{};
            socklen_t peer_length = sizeof peer;
            const auto got = recvfrom(udp, packet, sizeof packet, 0, reinterpret_cast<sockaddr*>(&peer), &peer_length);
            if (got > 0) {
                const std::string_view query(packet, static_cast<std::size_t>(got));
                const auto question = test_server::parse_query(query);
                const std::size_t max_size = question && question->has_additional ? 1232 : 512;
                const auto response = server.respond(query, max_size);
                if (!response.empty())
                    sendto(udp, response.data(), response.size(), 0, reinterpret_cast<sockaddr*>(&peer), peer_length);
            }
        }
        if (fds[1].revents & POLLIN) {
            const int client = accept4(tcp, nullptr, nullptr, SOCK_CLOEXEC);
            if (client >= 0) clients[client];
        }
        for (std::size_t i = 2; i < fds.size(); ++i) {
            if (!fds[i].revents) continue;
            if (!serve_tcp(server, fds[i].fd, clients[fds[i].fd])) {
                close(fds[i].fd);
                clients.erase(fds[i].fd);
            }
        }
    }
    for (const auto& [fd, client] : clients) close(fd);
    close(udp);
    close(tcp);
    if (!pid_file.empty()) unlink(pid_file.c_str());
    return 0;
}

// unbound_forwarder_test - the libunbound resolver forwarding to a real DNS
// server (tests/tools' dns_test_server on 127.0.0.1): answers over UDP and TCP
// with compressed names, and the failures a forwarder can produce - REFUSED,
// SERVFAIL, and a server that never answers - each a temporary answer in time.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <thread>

#include "dns/unbound_resolver.hpp"
#include "test_dns_server.hpp"
#include "test_support.hpp"

using namespace sg::dns;
using namespace std::chrono_literals;
using sg::test::TestDnsServer;

namespace {

const auto forever = Deadline::never();

bool have_server() {
    if (TestDnsServer::available()) return true;
    WARN("dns_test_server not built: forwarder tests skipped");
    return false;
}

std::unique_ptr<UnboundResolver> forwarding_to(const TestDnsServer& server, std::chrono::milliseconds timeout) {
    ResolverSettings settings;
    settings.forwarders = {server.forwarder()};
    settings.query_timeout = timeout;
    return std::make_unique<UnboundResolver>(settings);
}

template <typename F>
std::chrono::milliseconds elapsed(F&& f) {
    const auto start = Clock::now();
    f();
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

std::string long_txt_line() {
    std::string line = "big.example.com. TXT";
    for (char c = 'a'; c < 'g'; ++c) line += " \"" + std::string(255, c) + "\"";
    return line + "\n";
}

}  // namespace

TEST_CASE("forwarded queries answer from a zone server, over UDP and TCP", "[dns]") {
    if (!have_server()) return;
    sg::test::TempDir dir;
    const auto zone = dir.write("zone", "example.com. 60 TXT \"v=spf1 \" \"-all\"\n"
                                        "example.com. MX 10 mail.example.com.\n"
                                        "example.com. MX 20 mx.other.example.\n"
                                        "mail.example.com. A 192.0.2.25\n"
                                        "www.example.com. CNAME mail.example.com.\n"
                                        "$SERVFAIL broken.example.com.\n"
                                        "$TEMPFAIL refused.example.com.\n"
                                        "$TIMEOUT slow.example.com.\n" +
                                            long_txt_line());
    TestDnsServer server({"--zone", zone});
    const auto resolver = forwarding_to(server, 1500ms);

    const auto spf = resolver->query("example.com", RecordType::txt, forever);
    CHECK(spf.status == Status::ok);
    CHECK(spf.records == std::vector<std::string>{"v=spf1 -all"});
    CHECK(spf.ttl <= 60);
    CHECK(spf.ttl > 0);

    // The server compresses "mail.example.com" against the question name.
    const auto mx = resolver->query("example.com", RecordType::mx, forever);
    REQUIRE(mx.status == Status::ok);
    std::vector<std::string> records = mx.records;
    std::sort(records.begin(), records.end());
    CHECK(records == std::vector<std::string>{"10 mail.example.com", "20 mx.other.example"});

    CHECK(resolver->query("www.example.com", RecordType::a, forever).records ==
          std::vector<std::string>{"192.0.2.25"});
    CHECK(resolver->query("missing.example.com", RecordType::txt, forever).status == Status::nx_domain);
    CHECK(resolver->query("mail.example.com", RecordType::txt, forever).status == Status::no_data);

    // 1530 octets of TXT do not fit a UDP answer: truncated, then retried over TCP.
    const auto big = resolver->query("big.example.com", RecordType::txt, forever);
    CHECK(big.status == Status::ok);
    REQUIRE(big.records.size() == 1);
    CHECK(big.records[0].size() == 6 * 255);

    const auto broken = resolver->query("broken.example.com", RecordType::txt, forever);
    CHECK(broken.status == Status::temporary);
    CHECK(broken.reason == "SERVFAIL");
}

TEST_CASE("a refusing forwarder gives a temporary answer", "[dns]") {
    if (!have_server()) return;
    TestDnsServer server({"--refuse"});
    const auto resolver = forwarding_to(server, 1000ms);
    Answer answer;
    const auto took = elapsed([&] { answer = resolver->query("example.com", RecordType::txt, forever); });
    CHECK(answer.status == Status::temporary);
    // libunbound turns a forwarder's REFUSED into SERVFAIL.
    CHECK((answer.reason == "REFUSED" || answer.reason == "SERVFAIL"));
    CHECK(took < 3000ms);
}

TEST_CASE("a forwarder that never answers times out within the budget", "[dns]") {
    if (!have_server()) return;
    TestDnsServer server({"--blackhole"});
    Answer answer;
    std::chrono::milliseconds took{};
    const auto lifetime = elapsed([&] {
        const auto resolver = forwarding_to(server, 500ms);
        took = elapsed([&] { answer = resolver->query("example.com", RecordType::txt, forever); });
        CHECK(answer.status == Status::temporary);
        CHECK(answer.reason == "timeout after 500 ms");

        const auto budget =
            elapsed([&] { answer = resolver->query("other.example.com", RecordType::a, Deadline::after(200ms)); });
        CHECK(answer.reason == "message DNS budget exhausted");
        CHECK(budget < 600ms);
    });
    CHECK(took >= 490ms);
    CHECK(took < 1500ms);
    // Destroying the resolver with cancelled queries still pending does not hang.
    CHECK(lifetime < 5000ms);
}

TEST_CASE("a zone server's $TIMEOUT name times out through the forwarder", "[dns]") {
    if (!have_server()) return;
    sg::test::TempDir dir;
    TestDnsServer server({"--zone", dir.write("zone", "$TIMEOUT slow.example.\nfast.example. A 192.0.2.9\n")});
    const auto resolver = forwarding_to(server, 400ms);
    Answer answer;
    const auto took = elapsed([&] { answer = resolver->query("slow.example", RecordType::txt, forever); });
    CHECK(answer.reason == "timeout after 400 ms");
    CHECK(took < 1200ms);
    CHECK(resolver->query("fast.example", RecordType::a, forever).records == std::vector<std::string>{"192.0.2.9"});
}

TEST_CASE("many threads query through one forwarding context", "[dns]") {
    if (!have_server()) return;
    sg::test::TempDir dir;
    std::string zone;
    for (int i = 0; i < 50; ++i) zone += "h" + std::to_string(i) + ".example. A 192.0.2." + std::to_string(i) + "\n";
    TestDnsServer server({"--zone", dir.write("zone", zone)});
    const auto resolver = forwarding_to(server, 2000ms);
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 50; ++i) {
                const auto answer = resolver->query("h" + std::to_string(i) + ".example", RecordType::a, forever);
                if (answer.status != Status::ok || answer.records != std::vector<std::string>{"192.0.2." + std::to_string(i)})
                    ++wrong;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    CHECK(wrong == 0);
}

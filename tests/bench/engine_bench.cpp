// engine_bench - the engine alone, without libmilter, the MTA or process start-up:
// what senderguard does per message at end-of-message (engine::evaluate, then the
// evidence record rendered to its JSON line), timed over many iterations.
//
// SYNOPSIS
//   senderguard_engine_bench [--config FILE] [--iterations N] MESSAGE.eml
//
// DESCRIPTION
//   Reads MESSAGE once (mail::read_message, as `senderguard check` does), then for
//   three transactions - an unauthenticated client (what the smtp-source throughput
//   bench sends), a login sending as its own From address, and a login forging the
//   From (findings, evidence) - runs N evaluations and prints per scenario: µs per
//   evaluate, µs per evaluate + evidence record + JSON dump, and heap allocations per
//   message (global operator new counted). Without --config: built-in defaults.
//   Exit status 0; 1 on a bad argument or file.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include <atomic>

#include "config/config.hpp"
#include "engine/engine.hpp"
#include "mail/message_reader.hpp"
#include "report/evidence_record.hpp"

namespace {

std::atomic<unsigned long long> allocations{0};

}  // namespace

void* operator new(std::size_t size) {
    allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace {

using Clock = std::chrono::steady_clock;

struct Scenario {
    const char* name;
    sg::core::Transaction transaction;
};

struct Result {
    double evaluate_us = 0;
    double full_us = 0;
    double allocations_per_message = 0;
    std::string action;
};

Result run(const Scenario& scenario, const sg::config::Config& config, int iterations) {
    Result result;
    std::size_t sink = 0;
    // Warm-up: first-use statics (ICU, regexes, caches) are not per-message costs.
    for (int i = 0; i < 50; ++i) sink += sg::engine::evaluate(scenario.transaction, config).verdict.findings.size();

    auto start = Clock::now();
    for (int i = 0; i < iterations; ++i)
        sink += sg::engine::evaluate(scenario.transaction, config).verdict.findings.size();
    result.evaluate_us = std::chrono::duration<double, std::micro>(Clock::now() - start).count() / iterations;

    const unsigned long long allocations_before = allocations.load();
    start = Clock::now();
    for (int i = 0; i < iterations; ++i) {
        const sg::engine::Evaluation evaluation = sg::engine::evaluate(scenario.transaction, config);
        sink += sg::report::evidence_record(scenario.transaction, evaluation, config).dump().size();
    }
    result.full_us = std::chrono::duration<double, std::micro>(Clock::now() - start).count() / iterations;
    result.allocations_per_message = static_cast<double>(allocations.load() - allocations_before) / iterations;
    result.action = std::string(sg::core::to_string(sg::engine::evaluate(scenario.transaction, config).verdict.action));
    if (sink == 0) std::fputs("", stderr);  // keep the work observable
    return result;
}

int usage() {
    std::cerr << "usage: senderguard_engine_bench [--config FILE] [--iterations N] MESSAGE.eml\n";
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    std::string config_path;
    std::string message_path;
    int iterations = 20000;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--config" && i + 1 < argc) {
            config_path = argv[++i];
        } else if (arg == "--iterations" && i + 1 < argc) {
            iterations = std::atoi(argv[++i]);
        } else if (!arg.empty() && arg[0] != '-' && message_path.empty()) {
            message_path = arg;
        } else {
            return usage();
        }
    }
    if (message_path.empty() || iterations <= 0) return usage();

    std::ifstream file(message_path, std::ios::binary);
    if (!file) {
        std::cerr << message_path << ": cannot open\n";
        return 1;
    }
    std::ostringstream bytes;
    bytes << file.rdbuf();

    std::shared_ptr<const sg::config::Config> config;
    try {
        config = config_path.empty() ? sg::config::default_config() : sg::config::load_config(config_path);
    } catch (const std::exception& error) {
        std::cerr << error.what() << '\n';
        return 1;
    }

    const sg::mail::RawMessage message = sg::mail::read_message(bytes.str());
    sg::core::Transaction base;
    base.connection.client_ip = "192.0.2.10";
    base.connection.client_name = "client.example.net";
    base.connection.helo = "client.example.net";
    base.envelope.mail_from = "alice@example.com";
    base.envelope.recipients = {"bob@example.net"};
    base.queue_id = "4XyZ1m2n3p";
    base.headers = message.headers;
    base.body_size = message.body_size;

    std::vector<Scenario> scenarios;
    scenarios.push_back({"unauthenticated", base});
    Scenario own{"login owns From", base};
    own.transaction.auth = {"alice@example.com", "PLAIN", ""};
    scenarios.push_back(own);
    Scenario forged{"login forges From", base};
    forged.transaction.auth = {"mallory@example.com", "PLAIN", ""};
    forged.transaction.envelope.mail_from = "mallory@example.com";
    scenarios.push_back(forged);

    std::printf("engine bench: %s, %zu headers, %d iterations, config %s\n", message_path.c_str(),
                message.headers.size(), iterations, config->source.c_str());
    std::printf("%-20s %-11s %12s %22s %14s\n", "scenario", "action", "evaluate_us", "evaluate+evidence_us",
                "allocs/msg");
    for (const Scenario& scenario : scenarios) {
        const Result result = run(scenario, *config, iterations);
        std::printf("%-20s %-11s %12.2f %22.2f %14.0f\n", scenario.name, result.action.c_str(), result.evaluate_us,
                    result.full_us, result.allocations_per_message);
    }
    return 0;
}

// spf_fuzz_smoke - deterministic, bounded fuzzing for CI (built with ASan and
// UBSan): generates hostile SPF records and explanation strings - mutated
// macros, long digit runs, nested and unbalanced braces, empty and invalid
// delimiters, CVE-2023-42118-shaped terms that fill libspf2's 511-byte term
// buffer, include loops, random bytes - and runs each through
// spf_fuzz_input. Fixed seed; stops at N inputs or 50 seconds.
//   spf_fuzz_smoke [N] [SEED]
#include "spf_fuzz_input.hpp"

#include "spf/spf_record_guard.hpp"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace {

const std::vector<std::string> macro_pieces = {
    "%{l}", "%{d}", "%{ir}", "%{l9999999999r-}", "%{", "}", "%{{", "%{}", "%%", "%_", "%-", "%",
    "%{l1r-}", "%{o0}", "%{s128}", "%{s129}", "%{h.-+,/_=}", "%{d|}", "%{D2R}", "%{v}", "%{p}",
    "%{c}", "%{r}", "%{t}", "%{i0000000000000001}", "%{d4294967297}", "%{l-1}", "%{lr", "%x",
    "%{s.}", "%{o,}", "%{d/}", "%{i....................}", "%{%{d}}", "{d}", " {d}", "%{d} ",
};
const std::vector<std::string> literal_pieces = {
    "a", "example.com", ".", "-", "_", "fuzz.example", "inc.fuzz.example", "loop.fuzz.example",
    "slow.fuzz.example", "mx.fuzz.example", "1.2.3.4", "0", "99999999999", "=", ":", "/", "//",
};
const std::vector<std::string> term_prefixes = {
    "a", "a:", "mx", "mx:", "ptr", "ptr:", "include:", "exists:", "ip4:", "ip6:", "redirect=", "exp=",
    "foo=", "-all", "~all", "?all", "+all", "all", "-", "x-y.z=", "A:", "MX:", "Include:",
};

class Generator {
public:
    explicit Generator(std::uint64_t seed) : rng_(seed) {}

    std::string next() {
        switch (pick(10)) {
            case 0: return random_bytes();
            case 1: return cve_shaped();
            case 2: return explanation();
            case 3: return long_digits();
            default: return record();
        }
    }

private:
    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }
    const std::string& any(const std::vector<std::string>& list) { return list[pick(list.size())]; }

    std::string random_bytes() {
        std::string out = pick(2) ? "v=spf1 " : "";
        const std::size_t n = pick(300);
        for (std::size_t i = 0; i < n; ++i) out += static_cast<char>(pick(256));
        return out;
    }

    // Terms whose compiled form nearly fills libspf2's 511-byte term buffer,
    // then add a literal: the shape of the CVE-2023-42118 underflow.
    std::string cve_shaped() {
        static const std::vector<std::string> units = {"%{d}", "a%{d}", "%{l}b", "%{d}%%", "x%-"};
        const std::string& unit = any(units);
        std::string term = any({"exists:", "exp=", "include:", "a:", "foo=", "redirect="});
        const std::size_t count = 60 + pick(110);
        for (std::size_t i = 0; i < count; ++i) term += unit;
        term += std::string(1 + pick(16), 'a') + ".example";
        return "v=spf1 " + term + (pick(2) ? " -all" : "");
    }

    std::string long_digits() {
        std::string digits(1 + pick(40), '9');
        return "v=spf1 exists:%{l" + digits + (pick(2) ? "r" : "") + any({"-", "", ".", "|", ",/"}) +
               "}.fuzz.example -all";
    }

    std::string macro_string(std::size_t pieces) {
        std::string out;
        for (std::size_t i = 0; i < pieces; ++i) {
            if (pick(3) == 0) out += any(macro_pieces);
            else if (pick(20) == 0) out += std::string(50 + pick(250), 'a');
            else out += any(literal_pieces);
        }
        return out;
    }

    std::string explanation() {
        std::string out;
        const std::size_t n = 1 + pick(30);
        for (std::size_t i = 0; i < n; ++i) out += (pick(4) == 0 ? " " : "") + macro_string(1 + pick(3));
        return out;
    }

    std::string record() {
        std::string out = any({"v=spf1", "v=spf1", "v=spf1", "V=SPF1", "v=spf1  ", "v=spf10"});
        const std::size_t terms = pick(14);
        for (std::size_t i = 0; i < terms; ++i) {
            out += std::string(1 + (pick(8) == 0 ? pick(3) : 0), ' ');
            const std::string& prefix = any(term_prefixes);
            out += prefix;
            if (!prefix.empty() && (prefix.back() == ':' || prefix.back() == '=')) out += macro_string(1 + pick(5));
            if (pick(6) == 0) out += any({"/24", "//64", "/24//64", "/33", "//129", "/0", "/", "/024"});
        }
        if (pick(5) == 0) {  // mutate one byte
            if (!out.empty()) out[pick(out.size())] = static_cast<char>(pick(256));
        }
        return out;
    }

    std::mt19937_64 rng_;
};

}  // namespace

int main(int argc, char** argv) {
    const std::uint64_t total = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 20000;
    const std::uint64_t seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 20230930;
    const auto budget = std::chrono::seconds(50);
    const auto start = std::chrono::steady_clock::now();

    // The CVE-2023-42118 shape must never pass the guard.
    for (int units = 100; units < 140; ++units) {
        std::string term = "v=spf1 exists:";
        for (int i = 0; i < units; ++i) term += "%{d}";
        term += "aaaaaaaaaaaa.example";
        if (sg::spf::guard_spf_record(term).accepted) {
            std::fprintf(stderr, "guard accepted a CVE-2023-42118-shaped record (%d macros)\n", units);
            return 1;
        }
    }

    Generator generator(seed);
    sg::spf::testing::FuzzCounts counts;
    std::uint64_t done = 0;
    for (; done < total; ++done) {
        if ((done & 255) == 0 && std::chrono::steady_clock::now() - start > budget) break;
        sg::spf::testing::run_fuzz_input(generator.next(), counts);
    }
    const auto elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    std::printf("spf fuzz smoke: %llu inputs, %llu records accepted by the guard, %llu explanations accepted, "
                "%lld ms%s\n",
                static_cast<unsigned long long>(counts.inputs),
                static_cast<unsigned long long>(counts.records_accepted),
                static_cast<unsigned long long>(counts.explanations_accepted),
                static_cast<long long>(elapsed.count()), done < total ? " (stopped at the time budget)" : "");
    return 0;
}

// spf_conformance - runs an openspf SPF test suite (rfc7208-tests.yml,
// rfc4408-tests.yml) through the real SPF path: SpfVerifier, its DNS layer,
// the record guard and libspf2, over an in-process resolver per scenario.
// Every test's result must be in its expected list, except the known failures
// listed (with reasons) in docs/spf-conformance.md; a listed test that passes
// fails the run too ("now passes, remove from list").
//
//   spf_conformance SUITE-NAME SUITE.yml docs/spf-conformance.md
//
// Exit 0 on success, 1 on any unexpected outcome, 77 (skipped) when the corpus
// file is absent.
#include "core/authentication.hpp"
#include "spf/spf_verifier.hpp"
#include "spf_suite_zone.hpp"

#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

// Rows "| suite | test | reason |" between the known-failures markers.
std::map<std::string, std::string> read_known_failures(const std::string& docs, const std::string& suite) {
    std::map<std::string, std::string> known;
    std::ifstream in(docs);
    std::string line;
    bool inside = false;
    while (std::getline(in, line)) {
        if (line.find("<!-- known-failures:begin -->") != std::string::npos) { inside = true; continue; }
        if (line.find("<!-- known-failures:end -->") != std::string::npos) { inside = false; continue; }
        if (!inside || line.size() < 2 || line[0] != '|') continue;
        std::vector<std::string> cells;
        std::size_t pos = 1;
        while (pos < line.size()) {
            const auto bar = line.find('|', pos);
            if (bar == std::string::npos) break;
            std::string cell = line.substr(pos, bar - pos);
            const auto first = cell.find_first_not_of(' ');
            const auto last = cell.find_last_not_of(' ');
            cells.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
            pos = bar + 1;
        }
        if (cells.size() >= 3 && cells[0] == suite) {
            std::string test = cells[1];
            if (test.size() > 2 && test.front() == '`' && test.back() == '`') test = test.substr(1, test.size() - 2);
            known[test] = cells[2];
        }
    }
    return known;
}

std::vector<std::string> expected_results(const YAML::Node& result) {
    std::vector<std::string> out;
    if (result.IsSequence()) {
        for (const auto& value : result) out.push_back(value.as<std::string>());
    } else {
        out.push_back(result.as<std::string>());
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: spf_conformance SUITE-NAME SUITE.yml KNOWN-FAILURES.md\n";
        return 2;
    }
    const std::string suite = argv[1];
    const std::string path = argv[2];
    if (!std::filesystem::exists(path)) {
        std::cout << "SKIPPED: SPF test suite " << path << " not found (set SENDERGUARD_CORPUS_DIR)\n";
        return 77;
    }
    const auto known = read_known_failures(argv[3], suite);

    std::vector<YAML::Node> scenarios;
    try {
        scenarios = YAML::LoadAllFromFile(path);
    } catch (const std::exception& error) {
        std::cerr << path << ": " << error.what() << "\n";
        return 1;
    }

    int passed = 0, failed = 0, known_failed = 0, unexpected = 0;
    std::set<std::string> seen;
    for (const auto& scenario : scenarios) {
        if (!scenario.IsMap() || !scenario["tests"]) continue;
        sg::spf::testing::SuiteResolver resolver(scenario["zonedata"]);
        sg::spf::SpfSettings settings;
        settings.receiver = "receiver.example";
        const sg::spf::SpfVerifier verifier(resolver, settings);
        for (const auto& entry : scenario["tests"]) {
            const std::string name = entry.first.as<std::string>();
            const YAML::Node& test = entry.second;
            seen.insert(name);
            const auto expected = expected_results(test["result"]);
            const auto outcome = verifier.check(test["host"].as<std::string>(), test["helo"].as<std::string>(),
                                                test["mailfrom"].as<std::string>(),
                                                sg::dns::Deadline::after(std::chrono::seconds(10)));
            const std::string got(sg::core::to_string(outcome.result));
            bool ok = false;
            for (const auto& want : expected) ok = ok || want == got;
            std::string wanted;
            for (const auto& want : expected) wanted += (wanted.empty() ? "" : "|") + want;
            const auto listed = known.find(name);
            if (ok) {
                ++passed;
                if (listed != known.end()) {
                    ++unexpected;
                    std::cout << "UNEXPECTED PASS " << suite << " " << name << ": now passes, remove from list\n";
                }
            } else {
                ++failed;
                if (listed != known.end()) {
                    ++known_failed;
                    std::cout << "known failure " << suite << " " << name << ": got " << got << ", want "
                              << wanted << " (" << listed->second << ")\n";
                } else {
                    ++unexpected;
                    std::cout << "FAIL " << suite << " " << name << ": got " << got << ", want " << wanted
                              << " [" << outcome.reason << "]\n";
                }
            }
        }
    }
    for (const auto& [name, reason] : known) {
        if (!seen.count(name)) {
            ++unexpected;
            std::cout << "UNKNOWN listed test " << suite << " " << name << ": not in the suite\n";
        }
    }
    std::cout << suite << ": " << passed << " passed, " << failed << " failed (" << known_failed
              << " known failures, " << known.size() << " listed), " << (passed + failed) << " total\n";
    return unexpected == 0 ? 0 : 1;
}

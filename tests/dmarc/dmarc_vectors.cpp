// dmarc_vectors - runs one DMARC conformance suite over the shared corpus and
// asserts that the vectors we answer differently are exactly the known
// differences documented in docs/dmarc-conformance.md (suite, case, our answer).
//
//   senderguard_dmarc_vectors SUITE CORPUS_DIR docs/dmarc-conformance.md
//
// Exit 0 on success, 1 on any unexpected outcome, 2 on a usage error, 77
// (skipped) when the corpus is absent.
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "vector_suites.hpp"

namespace {

struct Known {
    std::string ours;
    bool seen = false;
};

std::string trim(const std::string& text) {
    std::size_t start = text.find_first_not_of(" `");
    std::size_t end = text.find_last_not_of(" `");
    return start == std::string::npos ? "" : text.substr(start, end - start + 1);
}

// Rows "| suite | case | ours | vector | why |" between the known-differences markers.
std::map<std::string, Known> read_known(const std::string& docs, const std::string& suite) {
    std::map<std::string, Known> known;
    std::ifstream in(docs);
    bool inside = false;
    for (std::string line; std::getline(in, line);) {
        if (line.find("<!-- known-differences:begin -->") != std::string::npos) inside = true;
        if (line.find("<!-- known-differences:end -->") != std::string::npos) inside = false;
        if (!inside || line.rfind("|", 0) != 0) continue;
        std::vector<std::string> cells;
        std::stringstream row(line.substr(1));
        for (std::string cell; std::getline(row, cell, '|');) cells.push_back(trim(cell));
        if (cells.size() >= 3 && cells[0] == suite) known[cells[1]] = {cells[2]};
    }
    return known;
}

}  // namespace

int main(int argc, char** argv) {
    const std::map<std::string, sg::test::Suite> suites{{"psl-vectors", sg::test::psl_vectors},
                                                        {"alignment-vectors", sg::test::alignment_vectors},
                                                        {"record-parse", sg::test::record_parse_vectors},
                                                        {"from-domain", sg::test::from_domain_vectors}};
    if (argc != 4 || !suites.count(argv[1])) {
        std::cerr << "usage: senderguard_dmarc_vectors psl-vectors|alignment-vectors|record-parse|from-domain "
                     "CORPUS_DIR DOCS_FILE\n";
        return 2;
    }
    const std::string suite = argv[1];
    const std::filesystem::path vectors = std::filesystem::path(argv[2]) / "dmarc-alignment-vectors";
    if (!std::filesystem::is_directory(vectors)) {
        std::cout << "SKIPPED: corpus not found at " << vectors.string() << "\n";
        return 77;
    }
    std::map<std::string, Known> known = read_known(argv[3], suite);
    std::vector<sg::test::VectorOutcome> outcomes;
    try {
        outcomes = suites.at(suite)(vectors);
    } catch (const std::exception& error) {
        std::cout << suite << ": cannot run: " << error.what() << "\n";
        return 1;
    }
    int passed = 0, failed = 0, unexpected = 0;
    for (const auto& outcome : outcomes) {
        auto listed = known.find(outcome.id);
        if (outcome.same) {
            ++passed;
            if (listed != known.end()) {
                ++unexpected;
                std::cout << "UNEXPECTED PASS " << outcome.id << ": listed as a known difference\n";
            }
            continue;
        }
        ++failed;
        if (listed == known.end()) {
            ++unexpected;
            std::cout << "FAIL " << outcome.id << ": got " << outcome.got << ", want " << outcome.want << "\n";
        } else if (listed->second.ours != outcome.got) {
            ++unexpected;
            std::cout << "FAIL " << outcome.id << ": got " << outcome.got << ", documented " << listed->second.ours
                      << "\n";
        } else {
            std::cout << "known difference " << outcome.id << ": ours " << outcome.got << ", vector " << outcome.want
                      << "\n";
        }
        if (listed != known.end()) listed->second.seen = true;
    }
    for (const auto& [id, entry] : known) {
        bool exists = false;
        for (const auto& outcome : outcomes) exists = exists || outcome.id == id;
        if (!exists) {
            ++unexpected;
            std::cout << "UNKNOWN CASE " << id << ": listed in the docs, not in the corpus\n";
        }
    }
    std::cout << suite << ": " << passed << " passed, " << failed << " failed (" << known.size()
              << " known differences), " << outcomes.size() << " total\n";
    return unexpected == 0 && !outcomes.empty() ? 0 : 1;
}

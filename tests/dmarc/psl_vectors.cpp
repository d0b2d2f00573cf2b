// psl_vectors - the Public Suffix List's own registrable-domain vectors.
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "dmarc/suffix_list.hpp"
#include "vector_suites.hpp"

namespace sg::test {

std::vector<VectorOutcome> psl_vectors(const std::filesystem::path& vectors_dir) {
    auto list = dmarc::SuffixList::load((vectors_dir / "psl" / "public_suffix_list.dat").string());
    if (!list) throw std::runtime_error("cannot load psl/public_suffix_list.dat");
    std::ifstream in(vectors_dir / "psl" / "tests.txt");
    if (!in) throw std::runtime_error("cannot read psl/tests.txt");
    std::vector<VectorOutcome> outcomes;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.empty() || line.rfind("//", 0) == 0) continue;
        std::istringstream words(line);
        std::string input, want;
        if (!(words >> input >> want)) continue;
        std::optional<std::string> registrable;
        if (input != "null") registrable = list->registrable_domain(input);
        std::string got = registrable.value_or("null");
        outcomes.push_back({"tests.txt:" + std::to_string(number) + " " + input, got == want, got, want});
    }
    return outcomes;
}

}  // namespace sg::test

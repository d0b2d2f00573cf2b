// vector_suites - the DMARC conformance suites over the shared corpus
// (dmarc-alignment-vectors/): each returns one outcome per vector, which the
// runner compares against the known differences documented in
// docs/dmarc-conformance.md.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace sg::test {

struct VectorOutcome {
    std::string id;    // "file#case" or "file:line", as docs/dmarc-conformance.md names it
    bool same = true;  // our answer equals the vector's
    std::string got;
    std::string want;
};

using Suite = std::vector<VectorOutcome> (*)(const std::filesystem::path& vectors_dir);

// psl/tests.txt with psl/public_suffix_list.dat.
std::vector<VectorOutcome> psl_vectors(const std::filesystem::path& vectors_dir);
// opendmarc/alignment.yaml, opendmarc/org-domain-tld.yaml, mail-dmarc/alignment-cases.yaml
// (SPF, DKIM and overall alignment).
std::vector<VectorOutcome> alignment_vectors(const std::filesystem::path& vectors_dir);
// opendmarc/dmarc-record-parse.yaml.
std::vector<VectorOutcome> record_parse_vectors(const std::filesystem::path& vectors_dir);
// opendmarc/from-domain-extraction.yaml and mail-dmarc/alignment-cases.yaml from_header_domain.
std::vector<VectorOutcome> from_domain_vectors(const std::filesystem::path& vectors_dir);

}  // namespace sg::test

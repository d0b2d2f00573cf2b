// alignment_vectors - organizational domains and SPF/DKIM identifier alignment
// from libopendmarc's and Mail::DMARC's test tables, with the corpus's PSL.
#include <yaml-cpp/yaml.h>

#include <stdexcept>

#include "dmarc/alignment.hpp"
#include "vector_suites.hpp"

namespace sg::test {
namespace {

std::string yes_no(bool value) {
    return value ? "aligned" : "not aligned";
}

core::AuthResult result_from(const std::string& word) {
    return word == "pass" ? core::AuthResult::pass : core::AuthResult::fail;
}

dmarc::AlignmentMode mode_from(const std::string& word) {
    return word == "strict" || word == "s" ? dmarc::AlignmentMode::strict : dmarc::AlignmentMode::relaxed;
}

void opendmarc_alignment(const std::filesystem::path& dir, const dmarc::SuffixList& list,
                         std::vector<VectorOutcome>& out) {
    YAML::Node file = YAML::LoadFile((dir / "opendmarc" / "alignment.yaml").string());
    for (const YAML::Node& row : file["cases"]) {
        bool got = dmarc::domains_aligned(row["domain"].as<std::string>(), row["other"].as<std::string>(),
                                          mode_from(row["mode"].as<std::string>()), list);
        bool want = row["aligned"].as<bool>();
        out.push_back({"alignment.yaml#" + row["n"].as<std::string>(), got == want, yes_no(got), yes_no(want)});
    }
}

void opendmarc_org_domains(const std::filesystem::path& dir, const dmarc::SuffixList& list,
                           std::vector<VectorOutcome>& out) {
    YAML::Node file = YAML::LoadFile((dir / "opendmarc" / "org-domain-tld.yaml").string());
    for (const YAML::Node& row : file["cases"]) {
        std::string got = list.organizational_domain(row["domain"].as<std::string>());
        std::string want = row["org_domain"].as<std::string>();
        out.push_back({"org-domain-tld.yaml#" + row["n"].as<std::string>(), got == want, got, want});
    }
}

void mail_dmarc_alignment(const std::filesystem::path& dir, const dmarc::SuffixList& list,
                          std::vector<VectorOutcome>& out) {
    YAML::Node file = YAML::LoadFile((dir / "mail-dmarc" / "alignment-cases.yaml").string());
    int n = 0;
    for (const YAML::Node& row : file["spf_alignment"]) {
        core::SpfOutcome spf;
        spf.result = result_from(row["spf_result"].as<std::string>());
        spf.domain = row["spf_domain"].as<std::string>();
        auto alignment =
            dmarc::check_alignment(row["header_from"].as<std::string>(), spf, {},
                                   mode_from(row["aspf"].as<std::string>()), dmarc::AlignmentMode::relaxed, list);
        bool want = row["aligned"].as<bool>();
        out.push_back({"alignment-cases.yaml#spf" + std::to_string(++n), alignment.spf_aligned == want,
                       yes_no(alignment.spf_aligned), yes_no(want)});
    }
    n = 0;
    core::DkimOutcome previous;
    for (const YAML::Node& row : file["dkim_alignment"]) {
        core::DkimOutcome dkim;
        if (row["signatures"].IsSequence()) {
            for (const YAML::Node& sig : row["signatures"]) {
                core::DkimSignatureOutcome signature;
                signature.domain = sig["d"].as<std::string>();
                signature.selector = sig["s"].as<std::string>();
                signature.result = result_from(sig["result"].as<std::string>());
                dkim.signatures.push_back(signature);
            }
        } else {
            dkim = previous;  // "same as above"
        }
        previous = dkim;
        auto alignment = dmarc::check_alignment(row["header_from"].as<std::string>(), {}, dkim,
                                                dmarc::AlignmentMode::relaxed, dmarc::AlignmentMode::relaxed, list);
        bool want = row["aligned"].as<bool>();
        out.push_back({"alignment-cases.yaml#dkim" + std::to_string(++n), alignment.dkim_aligned == want,
                       yes_no(alignment.dkim_aligned), yes_no(want)});
    }
    n = 0;
    for (const YAML::Node& row : file["overall_alignment"]) {
        core::SpfOutcome spf;
        spf.result = result_from(row["spf"].as<std::string>());
        spf.domain = "example.com";
        core::DkimOutcome dkim;
        dkim.signatures.push_back({});
        dkim.signatures[0].domain = "example.com";
        dkim.signatures[0].result = result_from(row["dkim"].as<std::string>());
        auto alignment = dmarc::check_alignment("example.com", spf, dkim, dmarc::AlignmentMode::relaxed,
                                                dmarc::AlignmentMode::relaxed, list);
        bool want = row["aligned"].as<bool>();
        out.push_back({"alignment-cases.yaml#overall" + std::to_string(++n), alignment.pass() == want,
                       yes_no(alignment.pass()), yes_no(want)});
    }
}

}  // namespace

std::vector<VectorOutcome> alignment_vectors(const std::filesystem::path& vectors_dir) {
    auto list = dmarc::SuffixList::load((vectors_dir / "psl" / "public_suffix_list.dat").string());
    if (!list) throw std::runtime_error("cannot load psl/public_suffix_list.dat");
    std::vector<VectorOutcome> outcomes;
    opendmarc_alignment(vectors_dir, *list, outcomes);
    opendmarc_org_domains(vectors_dir, *list, outcomes);
    mail_dmarc_alignment(vectors_dir, *list, outcomes);
    return outcomes;
}

}  // namespace sg::test

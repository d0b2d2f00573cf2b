// from_domain_vectors - which domain DMARC evaluates for hostile From values
// (libopendmarc's finddomain table, Mail::DMARC's get_from_dom table).
#include <yaml-cpp/yaml.h>

#include "dmarc/from_domain.hpp"
#include "mail/address_parser.hpp"
#include "vector_suites.hpp"

namespace sg::test {
namespace {

// The tables give header lines, some with their "From:" name still in front.
std::string our_domain(std::string value) {
    if (value.size() >= 5 && (value.rfind("From:", 0) == 0 || value.rfind("from:", 0) == 0)) value = value.substr(5);
    mail::HeaderAddresses from;
    from.header_count = 1;
    from.addresses = mail::parse_address_list(value);
    std::string domain = dmarc::dmarc_from_domain(from);
    if (!domain.empty()) return domain;
    const char* status = from.addresses.status == mail::ParseStatus::ok         ? "ok"
                         : from.addresses.status == mail::ParseStatus::repaired ? "repaired"
                                                                                : "unparsable";
    return "(none: " + std::string(status) + ", " + std::to_string(from.addresses.mailboxes.size()) + " mailboxes)";
}

}  // namespace

std::vector<VectorOutcome> from_domain_vectors(const std::filesystem::path& vectors_dir) {
    std::vector<VectorOutcome> outcomes;
    YAML::Node opendmarc = YAML::LoadFile((vectors_dir / "opendmarc" / "from-domain-extraction.yaml").string());
    for (const YAML::Node& row : opendmarc["cases"]) {
        std::string got = our_domain(row["from"].as<std::string>());
        std::string want = row["domain"].as<std::string>();
        outcomes.push_back({"from-domain-extraction.yaml#" + row["n"].as<std::string>(), got == want, got, want});
    }
    YAML::Node mail_dmarc = YAML::LoadFile((vectors_dir / "mail-dmarc" / "alignment-cases.yaml").string());
    int n = 0;
    for (const YAML::Node& row : mail_dmarc["from_header_domain"]) {
        std::string got = our_domain(row["header"].as<std::string>());
        std::string want = row["domain"].as<std::string>();
        bool same = want.empty() ? got.rfind("(none", 0) == 0 : got == want;
        outcomes.push_back(
            {"alignment-cases.yaml#from" + std::to_string(++n), same, got, want.empty() ? "(none)" : want});
    }
    return outcomes;
}

}  // namespace sg::test

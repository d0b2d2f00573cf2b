// record_parse_vectors - libopendmarc's DMARC record parser statuses.
#include <yaml-cpp/yaml.h>

#include "dmarc/dmarc_record.hpp"
#include "vector_suites.hpp"

namespace sg::test {
namespace {

// Our RecordStatus in libopendmarc's words.
std::string opendmarc_status(dmarc::RecordStatus status) {
    switch (status) {
        case dmarc::RecordStatus::ok: return "OKAY";
        case dmarc::RecordStatus::empty: return "ERROR_EMPTY";
        case dmarc::RecordStatus::bad_version: return "ERROR_BAD_VERSION";
        case dmarc::RecordStatus::bad_policy: return "ERROR_BAD_VALUE";
        case dmarc::RecordStatus::missing_policy: return "ERROR_NO_REQUIRED_P";
    }
    return "?";
}

}  // namespace

std::vector<VectorOutcome> record_parse_vectors(const std::filesystem::path& vectors_dir) {
    YAML::Node file = YAML::LoadFile((vectors_dir / "opendmarc" / "dmarc-record-parse.yaml").string());
    std::vector<VectorOutcome> outcomes;
    for (const YAML::Node& row : file["cases"]) {
        std::string want = row["expect"].as<std::string>();
        std::string got = opendmarc_status(dmarc::parse_dmarc_record(row["record"].as<std::string>()).status);
        outcomes.push_back({"dmarc-record-parse.yaml#" + row["n"].as<std::string>(), got == want, got, want});
    }
    return outcomes;
}

}  // namespace sg::test

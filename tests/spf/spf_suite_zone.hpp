// spf_suite_zone - an in-process Resolver holding one openspf test-suite
// scenario's `zonedata`, following the pyspf driver conventions (SOURCE.md):
// SPF records are also served as TXT when the name has no TXT record, TIMEOUT
// makes exactly that name time out, TXT string lists are joined, CNAMEs are
// followed, absent names are NXDOMAIN. Names dns::StaticResolver refuses
// (spaces, over-long labels: the suite has both) are answered here directly.
// Test-only (yaml-cpp).
#pragma once

#include "dns/static_resolver.hpp"

#include <yaml-cpp/yaml.h>

#include <map>
#include <set>
#include <string>
#include <utility>

namespace sg::spf::testing {

class SuiteResolver final : public dns::Resolver {
public:
    explicit SuiteResolver(const YAML::Node& zonedata);
    dns::Answer query(std::string_view name, dns::RecordType type, const dns::Deadline& deadline) override;

private:
    void add(const std::string& name, const std::string& type, const YAML::Node& value, bool txt_present);
    dns::StaticResolver inner_;
    std::set<std::string> timeouts_;
    std::map<std::pair<std::string, dns::RecordType>, dns::Answer> exotic_;
};

}  // namespace sg::spf::testing

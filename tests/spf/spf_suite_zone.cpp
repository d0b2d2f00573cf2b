// spf_suite_zone - zonedata -> in-process resolver.
#include "spf_suite_zone.hpp"

#include "dns/dns_name.hpp"

#include <cctype>
#include <cstdint>
#include <exception>
#include <stdexcept>

namespace sg::spf::testing {

namespace {

std::string joined_text(const YAML::Node& value) {
    if (!value.IsSequence()) return value.as<std::string>();
    std::string text;
    for (const auto& part : value) text += part.as<std::string>();
    return text;
}

bool has_txt(const YAML::Node& records) {
    for (const auto& record : records)
        if (record.IsMap() && record["TXT"]) return true;
    return false;
}

std::string key(std::string_view name) {
    std::string out(name);
    if (!out.empty() && out.back() == '.') out.pop_back();
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

SuiteResolver::SuiteResolver(const YAML::Node& zonedata) {
    if (!zonedata || !zonedata.IsMap()) return;
    for (const auto& entry : zonedata) {
        const std::string name = entry.first.as<std::string>();
        const YAML::Node& records = entry.second;
        const bool txt_present = has_txt(records);
        for (const auto& record : records) {
            if (record.IsScalar()) {
                if (record.as<std::string>() == "TIMEOUT") timeouts_.insert(key(name));
                continue;
            }
            for (const auto& field : record) add(name, field.first.as<std::string>(), field.second, txt_present);
        }
    }
}

void SuiteResolver::add(const std::string& name, const std::string& type, const YAML::Node& value,
                        bool txt_present) {
    try {
        if (!dns::is_valid_name(name)) throw std::invalid_argument("name StaticResolver refuses");
        if (type == "TXT") {
            if (joined_text(value) != "NONE") inner_.add_txt(name, joined_text(value));  // NONE: no TXT
        } else if (type == "SPF") {
            inner_.add(name, dns::RecordType::spf, joined_text(value));
            if (!txt_present) inner_.add_txt(name, joined_text(value));
        } else if (type == "A") {
            inner_.add_a(name, value.as<std::string>());
        } else if (type == "AAAA") {
            inner_.add_aaaa(name, value.as<std::string>());
        } else if (type == "MX") {
            inner_.add_mx(name, static_cast<std::uint16_t>(value[0].as<int>()), value[1].as<std::string>());
        } else if (type == "PTR") {
            inner_.add_ptr(name, value.as<std::string>());
        } else if (type == "CNAME") {
            inner_.add_cname(name, value.as<std::string>());
        }
    } catch (const std::exception&) {
        // A name StaticResolver refuses: keep A and TXT for it here.
        const dns::RecordType rtype = type == "A" ? dns::RecordType::a : dns::RecordType::txt;
        if (type != "A" && type != "TXT" && type != "SPF") return;
        if (type == "SPF" && txt_present) return;
        auto& answer = exotic_[{key(name), rtype}];
        answer.status = dns::Status::ok;
        answer.records.push_back(type == "A" ? value.as<std::string>() : joined_text(value));
    }
}

dns::Answer SuiteResolver::query(std::string_view name, dns::RecordType type, const dns::Deadline& deadline) {
    const std::string canonical = key(name);
    if (const auto it = exotic_.find({canonical, type}); it != exotic_.end()) return it->second;
    dns::Answer answer = inner_.query(name, type, deadline);
    // TIMEOUT: the types the name has no records of time out (pyspf's driver).
    if (answer.status != dns::Status::ok && timeouts_.count(canonical)) {
        answer = dns::Answer{};
        answer.status = dns::Status::temporary;
        answer.reason = "timeout";
    }
    return answer;
}

}  // namespace sg::spf::testing

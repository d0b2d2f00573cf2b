// txt_resolver - a tiny in-process resolver for the DMARC tests: TXT answers and
// forced statuses per name, and a log of the names asked. Stands in until
// lib/dns grows its StaticResolver.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "dns/resolver.hpp"

namespace sg::test {

class TxtResolver final : public dns::Resolver {
public:
    TxtResolver& txt(const std::string& name, std::vector<std::string> records) {
        dns::Answer answer;
        answer.status = dns::Status::ok;
        answer.records = std::move(records);
        answers_[name] = answer;
        return *this;
    }
    TxtResolver& status(const std::string& name, dns::Status status, std::string reason = "") {
        dns::Answer answer;
        answer.status = status;
        answer.reason = std::move(reason);
        answers_[name] = answer;
        return *this;
    }

    dns::Answer query(std::string_view name, dns::RecordType, const dns::Deadline&) override {
        asked.emplace_back(name);
        auto it = answers_.find(std::string(name));
        if (it != answers_.end()) return it->second;
        dns::Answer none;
        none.status = dns::Status::nx_domain;
        return none;
    }

    std::vector<std::string> asked;

private:
    std::map<std::string, dns::Answer> answers_;
};

}  // namespace sg::test

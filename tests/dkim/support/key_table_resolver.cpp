// key_table_resolver - table-driven TXT answers for DKIM key lookups.
#include "key_table_resolver.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace sg::dkim::test {
namespace {

std::string canonical(std::string_view name) {
    std::string out(name);
    if (!out.empty() && out.back() == '.') out.pop_back();
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
    return out;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
    return text;
}

}  // namespace

dns::Answer KeyTableResolver::query(std::string_view name, dns::RecordType type, const dns::Deadline& deadline) {
    ++queries_;
    dns::Answer answer;
    const auto found = table_.find(canonical(name));
    if (found == table_.end()) {
        answer.status = dns::Status::nx_domain;
        return answer;
    }
    switch (found->second.behaviour) {
        case Behaviour::record:
            if (type != dns::RecordType::txt) {
                answer.status = dns::Status::no_data;
            } else {
                answer.status = dns::Status::ok;
                answer.records.push_back(found->second.text);
                answer.ttl = 300;
            }
            break;
        case Behaviour::nx_domain:
            answer.status = dns::Status::nx_domain;
            break;
        case Behaviour::servfail:
            answer.status = dns::Status::temporary;
            answer.reason = "SERVFAIL";
            break;
        case Behaviour::timeout_now:
            answer.status = dns::Status::temporary;
            answer.reason = "timeout";
            break;
        case Behaviour::timeout_wait: {
            // Wait for the deadline, but never hang a broken test for long.
            const auto limit = std::min(deadline.at(), dns::Clock::now() + std::chrono::seconds(30));
            std::this_thread::sleep_until(limit);
            answer.status = dns::Status::temporary;
            answer.reason = "timeout";
            break;
        }
    }
    return answer;
}

KeyTableResolver& KeyTableResolver::add_txt(std::string_view name, std::string text) {
    table_[canonical(name)] = Entry{Behaviour::record, std::move(text)};
    return *this;
}

KeyTableResolver& KeyTableResolver::set(std::string_view name, Behaviour behaviour) {
    table_[canonical(name)] = Entry{behaviour, {}};
    return *this;
}

std::size_t KeyTableResolver::load_text(std::string_view text) {
    std::size_t entries = 0;
    std::istringstream lines{std::string(text)};
    std::string line;
    while (std::getline(lines, line)) {
        const std::string_view view = trim(line);
        if (view.empty() || view.front() == '#') continue;
        const std::size_t gap = view.find_first_of(" \t");
        if (gap == std::string_view::npos) continue;
        const std::string_view name = view.substr(0, gap);
        std::string_view data = trim(view.substr(gap));
        if (data == "NXDOMAIN") {
            set(name, Behaviour::nx_domain);
        } else if (data == "~~Query timed out~~") {
            set(name, Behaviour::timeout_now);
        } else if (data == "~~SERVFAIL~~") {
            set(name, Behaviour::servfail);
        } else {
            if (data.size() >= 2 && data.front() == '"' && data.back() == '"') data = data.substr(1, data.size() - 2);
            add_txt(name, std::string(data));
        }
        ++entries;
    }
    return entries;
}

std::size_t KeyTableResolver::load_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw std::runtime_error("cannot read " + path);
    std::ostringstream text;
    text << file.rdbuf();
    return load_text(text.str());
}

}  // namespace sg::dkim::test

// static_resolver - table-driven Resolver for tests (see static_resolver.hpp).
#include "dns/static_resolver.hpp"

#include <algorithm>

#include "dns/dns_name.hpp"

namespace sg::dns {
namespace {

constexpr int max_cname_hops = 8;

Answer temporary(std::string reason) {
    Answer answer;
    answer.status = Status::temporary;
    answer.reason = std::move(reason);
    return answer;
}

}  // namespace

StaticResolver::StaticResolver(const LocalData& data) {
    for (const auto& record : data.records) {
        if (record.type == RecordType::mx) {
            add_mx(record.name, record.preference, record.value.empty() ? "." : record.value, record.ttl);
        } else {
            add(record.name, record.type, record.presentation(), record.ttl);
        }
    }
    for (const auto& failure : data.failures) {
        switch (failure.kind) {
        case Failure::refused: refuse(failure.name); break;
        case Failure::servfail: servfail(failure.name); break;
        case Failure::timeout: timeout(failure.name); break;
        }
    }
}

StaticResolver StaticResolver::from_text(std::string_view text, const std::string& source) {
    return StaticResolver(LocalData::parse(text, source));
}

Answer StaticResolver::query(std::string_view name, RecordType type, const Deadline& deadline) {
    const auto key = canonical_name(name);
    {
        const std::lock_guard lock(log_->mutex);
        log_->queries.push_back({key, type});
    }
    if (deadline.expired()) return temporary("message DNS budget exhausted");
    if (!is_valid_name(name)) {
        Answer answer;
        answer.status = Status::permanent;
        answer.reason = "malformed domain name";
        return answer;
    }
    return lookup(key, type, 0);
}

Answer StaticResolver::lookup(const std::string& name, RecordType type, int hops) const {
    if (const auto* failure = failure_for(name)) return *failure;
    if (const auto it = table_.find({name, type}); it != table_.end()) return it->second;
    if (type != RecordType::cname) {
        if (const auto it = table_.find({name, RecordType::cname}); it != table_.end() && !it->second.records.empty()) {
            if (hops >= max_cname_hops) {
                Answer answer;
                answer.status = Status::permanent;
                answer.reason = "CNAME chain longer than 8";
                return answer;
            }
            return lookup(canonical_name(it->second.records.front()), type, hops + 1);
        }
    }
    // The name exists (NODATA) when it or a name below it has records.
    Answer answer;
    answer.status = Status::nx_domain;
    for (const auto& entry : table_)
        if (is_same_or_below(entry.first.first, name)) answer.status = Status::no_data;
    return answer;
}

const Answer* StaticResolver::failure_for(const std::string& name) const {
    const Answer* best = nullptr;
    std::size_t best_size = 0;
    for (const auto& [zone, answer] : failures_) {
        if (is_same_or_below(name, zone) && (!best || zone.size() >= best_size)) {
            best = &answer;
            best_size = zone.size();
        }
    }
    return best;
}

StaticResolver& StaticResolver::add(std::string_view name, RecordType type, std::string text, std::uint32_t ttl) {
    auto& answer = table_[{canonical_name(name), type}];
    if (answer.status != Status::ok) answer = Answer{Status::ok, {}, {}, ttl, false, false, {}};
    answer.records.push_back(std::move(text));
    answer.ttl = std::min(answer.ttl, ttl);
    return *this;
}

StaticResolver& StaticResolver::add_txt(std::string_view name, std::string text) {
    return add(name, RecordType::txt, std::move(text));
}

StaticResolver& StaticResolver::add_a(std::string_view name, std::string address) {
    return add(name, RecordType::a, std::move(address));
}

StaticResolver& StaticResolver::add_aaaa(std::string_view name, std::string address) {
    return add(name, RecordType::aaaa, std::move(address));
}

StaticResolver& StaticResolver::add_mx(std::string_view name, std::uint16_t preference, std::string exchange,
                                       std::uint32_t ttl) {
    if (exchange.size() > 1 && exchange.back() == '.') exchange.pop_back();
    add(name, RecordType::mx, std::to_string(preference) + " " + exchange, ttl);
    table_[{canonical_name(name), RecordType::mx}].mx.push_back({preference, std::move(exchange)});
    return *this;
}

StaticResolver& StaticResolver::add_ptr(std::string_view name, std::string target) {
    if (target.size() > 1 && target.back() == '.') target.pop_back();
    return add(name, RecordType::ptr, std::move(target));
}

StaticResolver& StaticResolver::add_cname(std::string_view name, std::string target) {
    if (target.size() > 1 && target.back() == '.') target.pop_back();
    return add(name, RecordType::cname, std::move(target));
}

StaticResolver& StaticResolver::set(std::string_view name, RecordType type, Answer answer) {
    table_[{canonical_name(name), type}] = std::move(answer);
    return *this;
}

StaticResolver& StaticResolver::fail(std::string_view name, Status status, std::string reason) {
    Answer answer;
    answer.status = status;
    answer.reason = std::move(reason);
    failures_[canonical_name(name)] = std::move(answer);
    return *this;
}

StaticResolver& StaticResolver::timeout(std::string_view name) { return fail(name, Status::temporary, "timeout"); }
StaticResolver& StaticResolver::servfail(std::string_view name) { return fail(name, Status::temporary, "SERVFAIL"); }
StaticResolver& StaticResolver::refuse(std::string_view name) { return fail(name, Status::temporary, "REFUSED"); }

std::vector<StaticResolver::Query> StaticResolver::queries() const {
    const std::lock_guard lock(log_->mutex);
    return log_->queries;
}

std::size_t StaticResolver::query_count() const {
    const std::lock_guard lock(log_->mutex);
    return log_->queries.size();
}

void StaticResolver::clear_queries() {
    const std::lock_guard lock(log_->mutex);
    log_->queries.clear();
}

}  // namespace sg::dns

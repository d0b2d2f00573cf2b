// static_resolver - an in-process Resolver answering from a table, for unit tests
// that need exact or exotic answers (SPF, DKIM, DMARC). Names compare case-blind,
// trailing dot ignored. A (name, type) not in the table answers no_data when the
// name or a name below it has records, else nx_domain. A CNAME is followed (8 hops at most)
// unless the query asks for the CNAME itself. Failures set with `fail` or
// `timeout` cover the name and everything below it. Nothing ever sleeps: a
// timeout answers temporary "timeout" at once. Every query is logged in order.
// Thread-safe for queries; fill the table before sharing it between threads.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dns/local_data.hpp"
#include "dns/resolver.hpp"

namespace sg::dns {

class StaticResolver final : public Resolver {
public:
    StaticResolver() = default;
    explicit StaticResolver(const LocalData& data);
    // Parses `text` as local data (see local_data.hpp); throws core::ConfigError.
    static StaticResolver from_text(std::string_view text, const std::string& source = "local-data");

    Answer query(std::string_view name, RecordType type, const Deadline& deadline) override;

    // Adds one record (status ok); `text` in Answer::records form.
    StaticResolver& add(std::string_view name, RecordType type, std::string text, std::uint32_t ttl = 300);
    // One TXT record made of several character-strings (joined in the answer).
    StaticResolver& add_txt(std::string_view name, std::string text);
    StaticResolver& add_a(std::string_view name, std::string address);
    StaticResolver& add_aaaa(std::string_view name, std::string address);
    StaticResolver& add_mx(std::string_view name, std::uint16_t preference, std::string exchange,
                           std::uint32_t ttl = 300);
    StaticResolver& add_ptr(std::string_view name, std::string target);
    StaticResolver& add_cname(std::string_view name, std::string target);
    // Replaces whatever (name, type) would answer with `answer` as given.
    StaticResolver& set(std::string_view name, RecordType type, Answer answer);
    // Every query for `name` or below answers `status` (temporary or permanent) with `reason`.
    StaticResolver& fail(std::string_view name, Status status, std::string reason);
    // Shorthands: temporary "timeout", temporary "SERVFAIL", temporary "REFUSED".
    StaticResolver& timeout(std::string_view name);
    StaticResolver& servfail(std::string_view name);
    StaticResolver& refuse(std::string_view name);

    struct Query {
        std::string name;  // canonical
        RecordType type;
    };
    std::vector<Query> queries() const;
    std::size_t query_count() const;
    void clear_queries();

private:
    using Key = std::pair<std::string, RecordType>;
    Answer lookup(const std::string& name, RecordType type, int hops) const;
    const Answer* failure_for(const std::string& name) const;

    std::map<Key, Answer> table_;
    std::map<std::string, Answer> failures_;  // by canonical name, covering the subtree
    struct Log {
        std::mutex mutex;
        std::vector<Query> queries;
    };
    std::unique_ptr<Log> log_ = std::make_unique<Log>();  // keeps the resolver movable
};

}  // namespace sg::dns

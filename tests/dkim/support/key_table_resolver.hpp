// key_table_resolver - a tiny in-process dns::Resolver for DKIM tests: TXT records
// by name, NXDOMAIN, SERVFAIL, and timeouts that either answer at once or really
// wait until the caller's deadline (to prove the deadline holds end to end). Loads
// the corpora's key files: one `name<whitespace>TXT-rdata` per line, `NXDOMAIN`,
// `~~Query timed out~~`, `~~SERVFAIL~~`, `""` for an empty record, # comments.
// Counts queries. Thread-safe for queries.
#pragma once

#include <atomic>
#include <map>
#include <string>
#include <string_view>

#include "dns/resolver.hpp"

namespace sg::dkim::test {

class KeyTableResolver final : public dns::Resolver {
public:
    enum class Behaviour { record, nx_domain, servfail, timeout_now, timeout_wait };

    dns::Answer query(std::string_view name, dns::RecordType type, const dns::Deadline& deadline) override;

    KeyTableResolver& add_txt(std::string_view name, std::string text);
    KeyTableResolver& set(std::string_view name, Behaviour behaviour);
    // Reads a key file; returns the number of entries. Throws std::runtime_error.
    std::size_t load_file(const std::string& path);
    std::size_t load_text(std::string_view text);

    std::size_t query_count() const { return queries_.load(); }

private:
    struct Entry {
        Behaviour behaviour = Behaviour::record;
        std::string text;
    };
    std::map<std::string, Entry> table_;
    std::atomic<std::size_t> queries_{0};
};

}  // namespace sg::dkim::test

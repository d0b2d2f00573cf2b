// suffix_list - the Public Suffix List DMARC computes organizational domains with
// (RFC 7489 section 3.2). `system()` is the list lib/mail uses (libpsl, newest list
// installed); `load()` reads a given public_suffix_list.dat, as the conformance
// vectors need the copy shipped with the corpus.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace sg::dmarc {

class SuffixList {
public:
    // The list mail::organizational_domain() uses.
    static const SuffixList& system();
    // nullopt when the file cannot be read or parsed.
    static std::optional<SuffixList> load(const std::string& path);

    // The registrable domain (public suffix plus one label), or nullopt when the
    // name is itself a public suffix, malformed or empty. Input may be any case,
    // UTF-8 or A-labels.
    std::optional<std::string> registrable_domain(std::string_view domain) const;

    // RFC 7489 organizational domain: the registrable domain, else the domain
    // itself (lowercased), so a public suffix is its own organization.
    std::string organizational_domain(std::string_view domain) const;

private:
    struct Context;
    explicit SuffixList(std::shared_ptr<const Context> context) : context_(std::move(context)) {}
    std::shared_ptr<const Context> context_;  // null: the system list through lib/mail
};

}  // namespace sg::dmarc

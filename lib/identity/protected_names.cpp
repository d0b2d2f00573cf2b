// protected_names - loads the protected-people file and indexes every normal form
// of every name token for matching (see protected_name_match.cpp).
#include "identity/protected_names.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/text.hpp"
#include "identity/address_key.hpp"
#include "identity/map_text.hpp"
#include "identity/ownership.hpp"

namespace sg::identity {
namespace {

std::vector<std::string> parse_addresses(const MapEntry& entry, std::string_view after_colon,
                                         const std::string& source) {
    std::vector<MapWord> words;
    split_list(after_colon, entry.line(), words);
    for (std::size_t i = 1; i < entry.segments.size(); ++i)
        split_list(entry.segments[i].text, entry.segments[i].line, words);
    if (words.empty()) throw core::ConfigError(source, entry.line(), "no addresses after ':'");

    std::vector<std::string> addresses;
    for (const MapWord& word : words) {
        if (word.text.front() == '#')
            throw core::ConfigError(source, word.line, "'#' starts a comment only at the beginning of a line");
        const auto parts = split_address(word.text);
        if (!parts || parts->local.find('@') != std::string::npos)
            throw core::ConfigError(source, word.line, "invalid address '" + std::string(word.text) + "'");
        addresses.push_back(parts->local + "@" + parts->domain);
    }
    return addresses;
}

}  // namespace

bool ProtectedPerson::owns_address(std::string_view address, std::string_view delimiters) const {
    const auto parts = split_address(core::trim(address));
    if (!parts) return false;
    const std::string exact = parts->local + "@" + parts->domain;
    const std::string key = mailbox_key(parts->local, parts->domain, delimiters);
    return std::any_of(addresses.begin(), addresses.end(),
                       [&](const std::string& own) { return own == exact || own == key; });
}

ProtectedNames ProtectedNames::parse(std::string_view text, const std::string& source_name) {
    ProtectedNames names;
    for (const MapEntry& entry : map_entries(text, source_name)) {
        const std::string_view first = entry.segments.front().text;
        const std::size_t colon = first.find(':');
        if (colon == std::string_view::npos)
            throw core::ConfigError(source_name, entry.line(),
                                    "expected 'Name: address[, address...]' (no ':' found)");
        const std::string_view name = core::trim(first.substr(0, colon));
        if (name.empty()) throw core::ConfigError(source_name, entry.line(), "empty name before ':'");

        ProtectedPerson person;
        person.name = std::string(name);
        person.tokens = name_tokens(name);
        if (person.tokens.empty())
            throw core::ConfigError(source_name, entry.line(), "name '" + person.name + "' has no letters or digits");
        for (const NameToken& token : person.tokens) person.name_tokens.push_back(token.skeleton);
        std::sort(person.name_tokens.begin(), person.name_tokens.end());
        person.addresses = parse_addresses(entry, first.substr(colon + 1), source_name);

        const auto same = std::find_if(names.people_.begin(), names.people_.end(), [&](const ProtectedPerson& p) {
            return p.name_tokens == person.name_tokens;
        });
        if (same != names.people_.end()) {
            same->addresses.insert(same->addresses.end(), person.addresses.begin(), person.addresses.end());
            continue;
        }
        names.people_.push_back(std::move(person));
    }
    for (std::uint32_t i = 0; i < names.people_.size(); ++i) names.index_person(i);
    return names;
}

ProtectedNames ProtectedNames::load_file(const std::string& path) { return parse(read_map_file(path), path); }

void ProtectedNames::index_person(std::uint32_t person) {
    const std::vector<NameToken>& tokens = people_[person].tokens;
    for (std::uint32_t t = 0; t < tokens.size(); ++t) {
        index_["s:" + tokens[t].skeleton].push_back({person, t});
        index_["c:" + tokens[t].cased_skeleton].push_back({person, t});
    }
}

}  // namespace sg::identity

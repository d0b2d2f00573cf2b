// delegation_map - parses smtpd_sender_login_maps-style text and answers which map
// key, if any, lets a login send as a mailbox.
#include "identity/delegation_map.hpp"

#include <algorithm>
#include <array>

#include "core/error.hpp"
#include "core/text.hpp"
#include "identity/address_key.hpp"
#include "identity/map_text.hpp"
#include "mail/domain_name.hpp"

namespace sg::identity {
namespace {

// RFC 5322 atext plus '.', and any UTF-8 byte (SMTPUTF8 local parts).
bool is_local_part_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) return true;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    return std::string_view("!#$%&'*+-/=?^_`{|}~.").find(c) != std::string_view::npos;
}

bool has_control_char(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x20 || u == 0x7f;
    });
}

// The stored form of a key, or a ConfigError saying what is wrong with it.
std::string canonical_key(std::string_view key, const std::string& source, std::size_t line) {
    const std::string quoted = "'" + std::string(key) + "'";
    const std::size_t at = key.find('@');
    if (at == std::string_view::npos)
        throw core::ConfigError(source, line,
                                "bare local-part key " + quoted + " is not supported (Postfix applies it only to "
                                "local domains): write " + std::string(key) + "@<domain>");
    if (key.find('@', at + 1) != std::string_view::npos)
        throw core::ConfigError(source, line, "key " + quoted + " has more than one '@'");
    const std::string_view local = key.substr(0, at);
    if (!std::all_of(local.begin(), local.end(), is_local_part_char))
        throw core::ConfigError(source, line, "key " + quoted + " has an invalid character in its local part");
    const auto domain = mail::canonical_domain(key.substr(at + 1));
    if (!domain || domain->empty())
        throw core::ConfigError(source, line, "key " + quoted + " does not end in a valid domain");
    return core::ascii_lower(local) + "@" + *domain;
}

}  // namespace

DelegationMap DelegationMap::parse(std::string_view text, const std::string& source_name) {
    DelegationMap map;
    std::unordered_map<std::string, std::size_t> first_line;
    for (const MapEntry& entry : map_entries(text, source_name)) {
        const std::string_view first = entry.segments.front().text;
        const std::size_t key_end = std::min(first.find_first_of(" \t"), first.size());
        const std::string key = canonical_key(first.substr(0, key_end), source_name, entry.line());

        std::vector<MapWord> words;
        split_list(first.substr(key_end), entry.line(), words);
        for (std::size_t i = 1; i < entry.segments.size(); ++i)
            split_list(entry.segments[i].text, entry.segments[i].line, words);
        if (words.empty())
            throw core::ConfigError(source_name, entry.line(),
                                    "key '" + std::string(first.substr(0, key_end)) +
                                        "' has no value (expected: key, whitespace, login[, login...])");

        std::vector<std::string> logins;
        for (const MapWord& word : words) {
            if (word.text.front() == '#')
                throw core::ConfigError(source_name, word.line,
                                        "'#' starts a comment only at the beginning of a line");
            if (has_control_char(word.text))
                throw core::ConfigError(source_name, word.line, "login contains a control character");
            logins.push_back(core::ascii_lower(word.text));
        }
        std::sort(logins.begin(), logins.end());
        logins.erase(std::unique(logins.begin(), logins.end()), logins.end());

        const auto [it, inserted] = first_line.emplace(key, entry.line());
        if (!inserted)
            throw core::ConfigError(source_name, entry.line(),
                                    "duplicate key '" + key + "' (first at line " + std::to_string(it->second) + ")");
        map.entries_.emplace(key, std::move(logins));
    }
    return map;
}

DelegationMap DelegationMap::load_file(const std::string& path) {
    return parse(read_map_file(path), path);
}

std::string DelegationMap::deciding_key(const mail::Mailbox& mailbox, std::string_view delimiters) const {
    if (mailbox.domain.empty()) return {};
    const std::string domain = "@" + core::ascii_lower(mailbox.domain);
    const std::array<std::string, 3> candidates = {
        core::ascii_lower(mailbox.local_part) + domain,
        core::ascii_lower(strip_extension(mailbox.local_part, delimiters)) + domain,
        domain,
    };
    for (const std::string& key : candidates)
        if (entries_.count(key) != 0) return key;
    return {};
}

const std::vector<std::string>* DelegationMap::logins(std::string_view key) const {
    const auto it = entries_.find(std::string(key));
    return it == entries_.end() ? nullptr : &it->second;
}

std::string DelegationMap::delegating_key(std::string_view login, const mail::Mailbox& mailbox,
                                          std::string_view delimiters) const {
    const std::string wanted = core::ascii_lower(core::trim(login));
    if (wanted.empty()) return {};
    std::string key = deciding_key(mailbox, delimiters);
    if (key.empty()) return {};
    const std::vector<std::string>& allowed = entries_.at(key);
    if (!std::binary_search(allowed.begin(), allowed.end(), wanted)) return {};
    return key;
}

}  // namespace sg::identity

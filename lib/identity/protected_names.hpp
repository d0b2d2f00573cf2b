// protected_names - people whose names must not be borrowed by other addresses
// (executives, finance staff). File format, one person per logical line (postmap
// style: '#' comment lines, blank lines, continuation lines start with whitespace):
//     Jane Doe: jane.doe@example.com, jdoe@example.com
// A line without ':', with an empty name, a name without letters, no address or an
// invalid address is a core::ConfigError naming file and line. Two lines whose
// names normalise alike (two staff called John Smith) are merged into one person
// with both address lists.
//
// Matching (see name_normalizer for the normal forms) is by whole tokens: every
// token of the protected name must appear in the display name, in any order, with
// any extra words around them. So "Jane Doe", "JANE  DOE", "Jane.Doe", "Doe, Jane",
// "Dr. Jane Doe", "Jane Doe (CEO)", "Jane Doe - Chief Executive Officer", "Jane Doe
// via Email", "Jane A. Doe", "Jané Doe", "Jаne Dое" (Cyrillic), "Ｊａｎｅ Ｄｏｅ" and
// "Jane D0e" match Jane Doe; "Jane Smith", "Janet Doering", "J. Doe" (initials are
// not expanded), "JaneDoe" (words are not split) and "" do not. A one-token protected name ("Madonna") matches only
// a display name of that one token. Cost: one normalisation of the display name
// and one hash lookup per token form; all protected forms are indexed at load.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "identity/name_normalizer.hpp"

namespace sg::identity {

struct ProtectedPerson {
    std::string name;                    // as written in the file
    std::vector<std::string> addresses;  // lowercase addresses that are really theirs
    std::vector<std::string> name_tokens; // normalized, skeleton form, sorted
    std::vector<NameToken> tokens;        // every normal form, in written order

    // True when `address` (local@domain, any case, U-label or A-label domain) is one
    // of this person's addresses, also with an extension ("jane.doe+news@...")
    // removed using `delimiters` (Postfix recipient_delimiter).
    bool owns_address(std::string_view address, std::string_view delimiters = "+") const;
};

struct NameMatch {
    const ProtectedPerson* person = nullptr;
    // "exact" (the display name is the name as written), otherwise the differences
    // joined by '+', from: "confusable" (look-alike letters), "diacritics",
    // "reordered", "extra_words" (titles, middle names, "via ..."); "normalized" when
    // only case, spacing or punctuation differ.
    std::string how;
};

class ProtectedNames {
public:
    static ProtectedNames parse(std::string_view text, const std::string& source_name);
    static ProtectedNames load_file(const std::string& path);

    // The best match: the person with the most name tokens, then the earliest line.
    std::optional<NameMatch> match(std::string_view display_name) const;
    // Every person the display name matches, best first (a check can ask whether
    // the address belongs to any of them).
    std::vector<NameMatch> match_all(std::string_view display_name) const;

    bool empty() const { return people_.empty(); }
    const std::vector<ProtectedPerson>& people() const { return people_; }

private:
    struct TokenRef {
        std::uint32_t person;
        std::uint32_t token;
    };

    void index_person(std::uint32_t person);

    std::vector<ProtectedPerson> people_;
    std::unordered_map<std::string, std::vector<TokenRef>> index_;  // token form -> where
};

}  // namespace sg::identity

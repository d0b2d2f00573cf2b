// protected_names - people whose names must not be borrowed by other addresses
// (executives, finance staff). File format, one person per line:
//     Jane Doe: jane.doe@example.com, jdoe@example.com
// Matching compares display names after Unicode NFKC normalization, case folding
// and ICU confusable skeletons (uspoof), ignoring punctuation, extra whitespace,
// word order ("Doe, Jane") and common titles ("Jane Doe (CEO)", "Dr. Jane Doe").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sg::identity {

struct ProtectedPerson {
    std::string name;                    // as written in the file
    std::vector<std::string> addresses;  // lowercase addresses that are really theirs
    std::vector<std::string> name_tokens; // normalized, skeleton form, sorted
};

struct NameMatch {
    const ProtectedPerson* person = nullptr;
    std::string how;  // "exact", "reordered", "with_title", "confusable", ...
};

class ProtectedNames {
public:
    static ProtectedNames parse(std::string_view text, const std::string& source_name);
    static ProtectedNames load_file(const std::string& path);

    std::optional<NameMatch> match(std::string_view display_name) const;
    bool empty() const { return people_.empty(); }
    const std::vector<ProtectedPerson>& people() const { return people_; }

private:
    std::vector<ProtectedPerson> people_;
};

}  // namespace sg::identity

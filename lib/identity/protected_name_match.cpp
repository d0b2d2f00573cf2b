// protected_name_match - matches a display name against the indexed protected
// names: every token of a person's name must be found among the display name's
// tokens (one display token per name token), through any of its normal forms.
#include <algorithm>

#include "core/text.hpp"
#include "identity/protected_names.hpp"

namespace sg::identity {
namespace {

struct Candidate {
    std::uint32_t person = 0;
    std::vector<int> filled_by;  // per name token: index of the display token, or -1
    std::size_t filled = 0;
    int last_display_token = -1;
};

std::string describe(const ProtectedPerson& person, const Candidate& candidate,
                     const std::vector<NameToken>& display, std::string_view display_name) {
    if (core::trim(display_name) == person.name) return "exact";
    bool confusable = false, diacritics = false, reordered = false;
    int previous = -1;
    for (std::size_t t = 0; t < person.tokens.size(); ++t) {
        const NameToken& mine = person.tokens[t];
        const NameToken& seen = display[static_cast<std::size_t>(candidate.filled_by[t])];
        if (seen.folded != mine.folded) {
            if (seen.unaccented == mine.unaccented)
                diacritics = true;
            else
                confusable = true;
        }
        if (candidate.filled_by[t] < previous) reordered = true;
        previous = candidate.filled_by[t];
    }
    std::string how;
    auto add = [&how](bool present, const char* what) {
        if (!present) return;
        if (!how.empty()) how += '+';
        how += what;
    };
    add(confusable, "confusable");
    add(diacritics, "diacritics");
    add(reordered, "reordered");
    add(display.size() > person.tokens.size(), "extra_words");
    return how.empty() ? "normalized" : how;
}

}  // namespace

std::vector<NameMatch> ProtectedNames::match_all(std::string_view display_name) const {
    std::vector<NameMatch> matches;
    if (people_.empty()) return matches;
    try {
        const std::vector<NameToken> display = name_tokens(display_name);
        if (display.empty()) return matches;

        std::vector<Candidate> candidates;
        std::unordered_map<std::uint32_t, std::size_t> slot;  // person -> candidates index
        for (std::size_t i = 0; i < display.size(); ++i) {
            const int index = static_cast<int>(i);
            for (const std::string& form : {"s:" + display[i].skeleton, "c:" + display[i].cased_skeleton}) {
                const auto hit = index_.find(form);
                if (hit == index_.end()) continue;
                for (const TokenRef& ref : hit->second) {
                    auto [where, fresh] = slot.emplace(ref.person, candidates.size());
                    if (fresh)
                        candidates.push_back({ref.person, std::vector<int>(people_[ref.person].tokens.size(), -1)});
                    Candidate& candidate = candidates[where->second];
                    if (candidate.last_display_token == index || candidate.filled_by[ref.token] != -1) continue;
                    candidate.filled_by[ref.token] = index;
                    candidate.last_display_token = index;
                    ++candidate.filled;
                }
            }
        }

        for (const Candidate& candidate : candidates) {
            const ProtectedPerson& person = people_[candidate.person];
            if (candidate.filled != person.tokens.size()) continue;
            if (person.tokens.size() == 1 && display.size() != 1) continue;
            matches.push_back({&person, describe(person, candidate, display, display_name)});
        }
        std::sort(matches.begin(), matches.end(), [](const NameMatch& a, const NameMatch& b) {
            if (a.person->tokens.size() != b.person->tokens.size())
                return a.person->tokens.size() > b.person->tokens.size();
            return a.person < b.person;
        });
    } catch (...) {
        matches.clear();  // allocation failure: no match rather than an exception
    }
    return matches;
}

std::optional<NameMatch> ProtectedNames::match(std::string_view display_name) const {
    std::vector<NameMatch> matches = match_all(display_name);
    if (matches.empty()) return std::nullopt;
    return std::move(matches.front());
}

}  // namespace sg::identity

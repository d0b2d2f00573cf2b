// name_normalizer - turns a display name into comparable tokens for impersonation
// matching. The text is NFKC-normalised (fullwidth and compatibility letters become
// plain ones), default-ignorable characters (zero-width spaces, soft hyphens) are
// dropped, and it is split into tokens at everything that is not a letter, mark or
// number (punctuation, symbols, spaces). Each token is then compared in several
// forms, from strict to loose, so a match can also say how close it was.
// ICU objects are created once per process and used read-only (thread-safe: the
// uspoof skeleton functions take a const USpoofChecker). Never throws for bad input:
// invalid UTF-8 becomes U+FFFD, which separates tokens.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sg::identity {

struct NameToken {
    std::string folded;          // NFKC + Unicode case folding
    std::string unaccented;      // `folded` without combining marks ("jané" -> "jane")
    std::string skeleton;        // uspoof confusable skeleton of `unaccented`, case-folded:
                                 // Cyrillic/Greek look-alikes, "0" for "o", "rn" for "m"
    std::string cased_skeleton;  // skeleton of the token with its case kept (marks
                                 // removed): catches a capital I written for an l
};

std::vector<NameToken> name_tokens(std::string_view utf8_name);

// False when ICU could not be set up; tokens then degrade to ASCII lowercase words.
bool name_normalizer_ready();

}  // namespace sg::identity

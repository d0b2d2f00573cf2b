// authentication - RFC 8601 result words.
#include "core/authentication.hpp"

namespace sg::core {

std::string_view to_string(AuthResult result) {
    switch (result) {
        case AuthResult::none: return "none";
        case AuthResult::pass: return "pass";
        case AuthResult::fail: return "fail";
        case AuthResult::softfail: return "softfail";
        case AuthResult::neutral: return "neutral";
        case AuthResult::temperror: return "temperror";
        case AuthResult::permerror: return "permerror";
        case AuthResult::policy: return "policy";
    }
    return "none";
}

}  // namespace sg::core

// spf_macro_string - RFC 7208 section 7.1 macro-string grammar, checked before
// libspf2 ever compiles a string. Also bounds what libspf2's compiler would
// write for the string (its per-term buffer is 511 bytes; CVE-2023-42118 is an
// underflow when that buffer is nearly full), so hostile strings never reach it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sg::spf {

// Where a macro-string appears: the letters c, r, t are allowed only in
// explanation text, and only explanation text may contain spaces.
enum class MacroContext { domain_spec, modifier_value, explanation };

struct MacroCheck {
    bool ok = false;
    std::string why;                   // empty when ok
    std::size_t compiled_bound = 0;    // upper bound of libspf2's compiled bytes
    bool ends_with_macro = false;      // last item was a macro-expand
};

// Largest compiled size accepted for one term or explanation: far below
// libspf2's 511-byte buffer, so the literal-buffer underflow cannot happen.
inline constexpr std::size_t max_compiled_bytes = 384;

MacroCheck check_macro_string(std::string_view text, MacroContext context);

}  // namespace sg::spf

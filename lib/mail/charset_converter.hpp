// charset_converter - converts text in a MIME charset (ISO-8859-*, Windows-125x,
// KOI8-*, GBK, Big5, Shift_JIS, EUC-*, ... anything ICU knows) to UTF-8. Labels that
// mail software uses loosely are widened the way browsers do (ISO-8859-1 and US-ASCII
// read as Windows-1252, GB2312 as GB18030).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sg::mail {

// nullopt when the charset is unknown; unmappable bytes become U+FFFD. The result
// may still contain controls: pass it through sanitize_utf8 before showing it.
std::optional<std::string> convert_to_utf8(std::string_view bytes, std::string_view charset);

}  // namespace sg::mail

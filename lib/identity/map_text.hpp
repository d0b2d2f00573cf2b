// map_text - reads the text of Postfix-style lookup tables (the input format of
// postmap(1)) shared by sender_login_maps and protected_names: blank lines and lines
// whose first non-blank character is '#' are ignored; a line that starts with
// whitespace continues the logical line above it. Every piece remembers its physical
// line number so errors can say `file:line`. A continuation line with nothing to
// continue, or an unreadable file, is a core::ConfigError.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sg::identity {

// One physical line of a logical entry, without surrounding whitespace.
struct MapSegment {
    std::size_t line = 0;
    std::string_view text;
};

// One logical line: its first physical line and any continuation lines.
struct MapEntry {
    std::vector<MapSegment> segments;
    std::size_t line() const { return segments.front().line; }
};

// A word of a list value ("a, b c") and the physical line it sits on.
struct MapWord {
    std::string_view text;
    std::size_t line = 0;
};

// Logical entries of `text`; views point into `text`.
std::vector<MapEntry> map_entries(std::string_view text, const std::string& source_name);

// Appends the words of `text`, separated by commas and/or whitespace, to `words`.
void split_list(std::string_view text, std::size_t line, std::vector<MapWord>& words);

// Whole contents of a file; ConfigError(path, 0, reason) when it cannot be read.
std::string read_map_file(const std::string& path);

}  // namespace sg::identity

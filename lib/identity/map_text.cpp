// map_text - logical lines of postmap(1)-style text, and reading such files.
#include "identity/map_text.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "core/error.hpp"
#include "core/text.hpp"

namespace sg::identity {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

}  // namespace

std::vector<MapEntry> map_entries(std::string_view text, const std::string& source_name) {
    if (text.substr(0, utf8_bom.size()) == utf8_bom) text.remove_prefix(utf8_bom.size());
    std::vector<MapEntry> entries;
    std::size_t line_number = 0;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        std::string_view raw = text.substr(0, end);
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        ++line_number;

        const std::string_view content = core::trim(raw);
        if (content.empty() || content.front() == '#') continue;
        if (is_blank(raw.front())) {
            if (entries.empty())
                throw core::ConfigError(source_name, line_number,
                                        "continuation line (starts with whitespace) without an entry to continue");
            entries.back().segments.push_back({line_number, content});
        } else {
            entries.push_back(MapEntry{{{line_number, content}}});
        }
    }
    return entries;
}

void split_list(std::string_view text, std::size_t line, std::vector<MapWord>& words) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = text.find_first_not_of(", \t\r\n", pos);
        if (start == std::string_view::npos) break;
        std::size_t end = text.find_first_of(", \t\r\n", start);
        if (end == std::string_view::npos) end = text.size();
        words.push_back({text.substr(start, end - start), line});
        pos = end;
    }
}

std::string read_map_file(const std::string& path) {
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) throw core::ConfigError(path, 0, std::string("cannot open: ") + std::strerror(errno));
    std::string contents;
    char buffer[8192];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) contents.append(buffer, got);
    if (std::ferror(file.get())) throw core::ConfigError(path, 0, std::string("cannot read: ") + std::strerror(errno));
    return contents;
}

}  // namespace sg::identity

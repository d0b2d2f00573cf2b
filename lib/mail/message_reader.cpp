// message_reader - raw message bytes to milter-style headers and body.
#include "mail/message_reader.hpp"

namespace sg::mail {
namespace {

struct Line {
    std::string_view text;  // without the line ending
    std::size_t next = 0;   // offset of the following line
};

Line line_at(std::string_view bytes, std::size_t pos) {
    const std::size_t newline = bytes.find('\n', pos);
    const std::size_t end = newline == std::string_view::npos ? bytes.size() : newline;
    std::string_view text = bytes.substr(pos, end - pos);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    return {text, newline == std::string_view::npos ? bytes.size() : newline + 1};
}

bool is_name_char(char c) { return c > 32 && c < 127 && c != ':'; }

// Offset of the colon ending a header name (optional WSP before it), or npos.
std::size_t header_colon(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && is_name_char(line[i])) ++i;
    if (i == 0) return std::string_view::npos;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i < line.size() && line[i] == ':') return i;
    return std::string_view::npos;
}

std::string_view header_name(std::string_view line, std::size_t colon) {
    std::string_view name = line.substr(0, colon);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
    return name;
}

}  // namespace

RawMessage read_message(std::string_view bytes, std::size_t max_header_bytes) {
    RawMessage message;
    std::size_t pos = 0;
    if (bytes.substr(0, 5) == "From ") pos = line_at(bytes, 0).next;

    std::size_t header_bytes = 0;
    bool skipping = false;  // the current header was dropped by the size limit
    while (pos < bytes.size()) {
        const Line line = line_at(bytes, pos);
        if (line.text.empty()) {
            pos = line.next;  // the empty separator line belongs to neither part
            break;
        }
        const bool continuation = line.text.front() == ' ' || line.text.front() == '\t';
        if (continuation && (!message.headers.empty() || skipping)) {
            header_bytes += line.text.size() + 1;
            if (!skipping && header_bytes > max_header_bytes) {
                message.headers.pop_back();
                message.headers_truncated = skipping = true;
            }
            if (!skipping) {
                message.headers.back().value += '\n';
                message.headers.back().value += line.text;
            }
            pos = line.next;
            continue;
        }
        const std::size_t colon = header_colon(line.text);
        if (colon == std::string_view::npos) break;  // not a header: the body starts here
        header_bytes += line.text.size() + 1;
        skipping = header_bytes > max_header_bytes;
        if (skipping) {
            message.headers_truncated = true;
        } else {
            std::string_view value = line.text.substr(colon + 1);
            if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
            message.headers.push_back({std::string(header_name(line.text, colon)), std::string(value)});
        }
        pos = line.next;
    }
    message.body = std::string(bytes.substr(pos));
    message.body_size = message.body.size();
    return message;
}

}  // namespace sg::mail

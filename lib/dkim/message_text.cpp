// message_text - line endings and header/body splitting for DKIM input.
#include "dkim/message_text.hpp"

namespace sg::dkim {
namespace {

// The line starting at `at`: its text and where the next line starts.
struct Line {
    std::string_view text;  // without the line break
    std::size_t next = 0;
};

Line line_at(std::string_view raw, std::size_t at) {
    const std::size_t newline = raw.find('\n', at);
    if (newline == std::string_view::npos) return {raw.substr(at), raw.size()};
    std::size_t end = newline;
    if (end > at && raw[end - 1] == '\r') --end;
    return {raw.substr(at, end - at), newline + 1};
}

}  // namespace

std::string to_crlf(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 32 + 2);
    char previous = '\0';
    for (const char c : text) {
        if (c == '\n' && previous != '\r') out.push_back('\r');
        out.push_back(c);
        previous = c;
    }
    return out;
}

SplitMessage split_message(std::string_view raw) {
    SplitMessage message;
    std::size_t at = 0;
    // A leading mbox "From " line is not a header field.
    if (raw.substr(0, 5) == "From ") {
        at = line_at(raw, 0).next;
        ++message.skipped_lines;
    }
    while (at < raw.size()) {
        const Line line = line_at(raw, at);
        if (line.text.empty()) {
            message.body = raw.substr(line.next);
            return message;
        }
        const std::size_t colon = line.text.find(':');
        if (colon == std::string_view::npos || colon == 0 || line.text[0] == ' ' || line.text[0] == '\t') {
            ++message.skipped_lines;  // stray continuation or garbage before any field
            at = line.next;
            continue;
        }
        // The field runs on while the following lines start with WSP.
        std::size_t end_of_text = at + line.text.size();
        std::size_t next = line.next;
        while (next < raw.size() && (raw[next] == ' ' || raw[next] == '\t')) {
            const Line continuation = line_at(raw, next);
            end_of_text = next + continuation.text.size();
            next = continuation.next;
        }
        const std::string_view field = raw.substr(at, end_of_text - at);
        message.headers.push_back({field.substr(0, colon), field.substr(colon + 1)});
        at = next;
    }
    return message;
}

}  // namespace sg::dkim

// message_reader - splits a raw RFC 5322 message (a .eml file, an mbox entry) into the
// headers and body the way an MTA hands them to a milter, for the offline
// `senderguard check` command and corpus tests.
//
// What each header looks like (as Postfix's milter8 sends it with SMFIP_HDR_LEADSPC off):
//   - name: the text before the colon, whitespace before the colon removed;
//   - value: one leading space after the colon removed (a tab is kept); continuation
//     lines are kept with their line break as a bare "\n" (no CR), e.g. "a,\n\tb".
// Line endings may be CRLF or LF. A leading mbox "From " line is skipped. The header
// block ends at the first empty line, or at the first line that is neither a header
// nor a continuation (that line starts the body). A message without an empty line is
// headers only. Headers beyond max_header_bytes are dropped (headers_truncated is set);
// the body is still found.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/limits.hpp"
#include "core/transaction.hpp"

namespace sg::mail {

struct RawMessage {
    std::vector<core::Header> headers;
    std::size_t body_size = 0;  // bytes of the body as given (line endings unchanged)
    std::string body;
    bool headers_truncated = false;
};

RawMessage read_message(std::string_view bytes, std::size_t max_header_bytes = core::max_header_section_bytes);

}  // namespace sg::mail

// header_text - the byte forms of header values between the MTA and senderguard.
// Incoming: with SMFIP_HDR_LEADSPC the MTA sends a value exactly as it followed the
// colon (what DKIM needs); the engine's core::Header value has one leading space
// removed and a tab kept, as Postfix sends it without that option
// (mail/message_reader.hpp). Outgoing: values we add or insert are cleaned of bytes
// that could break the header section, and with SMFIP_HDR_LEADSPC start with the
// space the MTA then no longer puts after the colon (as OpenDKIM does).
#pragma once

#include <string>
#include <string_view>

namespace sg::milter {

// The engine's form of a received value.
std::string_view engine_header_value(std::string_view received, bool leading_space_kept);

// What DKIM verification takes (dkim::MessageVerification::add_header): the value with
// its leading whitespace. Without SMFIP_HDR_LEADSPC the MTA ate one space: put it back.
std::string dkim_raw_header_value(std::string_view received, bool leading_space_kept);

// A one-line value: CR, LF and NUL become spaces.
std::string single_line_value(std::string_view value);

// A folded value ("a;\n\tb"): NUL and CR dropped, and a line break kept only where a
// space or tab follows it (else it becomes a space), so no line can start a header.
std::string folded_value(std::string_view value);

// `value` as handed to smfi_addheader/smfi_insheader.
std::string outgoing_header_value(std::string value, bool leading_space_kept);

}  // namespace sg::milter

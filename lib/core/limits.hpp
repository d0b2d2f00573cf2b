// limits - bounds shared by the milter and the offline check so both treat an
// oversized message the same way. The MTA bounds messages first (Postfix
// header_size_limit, message_size_limit); these only stop a runaway peer.
#pragma once

#include <cstddef>

namespace sg::core {

// Header section larger than this: the message is not evaluated (milter: the
// configured error action; check: "cannot read the message").
inline constexpr std::size_t max_header_section_bytes = std::size_t{64} << 20;

}  // namespace sg::core

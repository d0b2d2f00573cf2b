// rdata - decodes one record's wire-format rdata into the presentation form
// Answer carries (see resolver.hpp). Input is what libunbound hands back in
// ub_result::data: rdata of one record, names uncompressed (unbound decompresses
// names when it stores an RRset), so a compression pointer here is malformed.
// A, AAAA, MX, TXT/SPF, PTR/CNAME/NS and SOA are decoded; other types come out
// in RFC 3597 form (`\# 4 c0000201`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dns/resolver.hpp"

namespace sg::dns {

// Appends the record to answer.records (and answer.mx for MX). False, with the
// answer untouched, when the rdata does not parse as `type`.
bool decode_rdata(std::uint16_t type, std::string_view rdata, Answer& answer);

// Reads an uncompressed wire name at `pos`, advancing it; presentation form
// without the trailing dot ("." for the root), `.` and non-printables escaped.
std::optional<std::string> read_wire_name(std::string_view wire, std::size_t& pos);

}  // namespace sg::dns

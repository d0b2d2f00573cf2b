// forged_results_check - auth.forged_results when a received Authentication-Results
// header claims our own authserv-id (RFC 8601 section 5: such headers are forgeries
// meant to make a later filter or the mail client trust them, and must be removed).
// Evidence: how many, and each header's value (unfolded, clipped). Clients in
// identity.trusted_networks are skipped: an internal hop's results are ours.
// forged_results_indices() gives the milter what smfi_chgheader needs to delete them
// (delete from the highest index down: each deletion renumbers the later ones).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/check.hpp"

namespace sg::checks {

// 1-based positions, among the message's Authentication-Results headers only (name
// compared case-insensitively, in received order), of those whose authserv-id equals
// `authserv_id` (case-insensitive). Empty when authserv_id is empty.
std::vector<std::size_t> forged_results_indices(const core::Transaction& transaction, std::string_view authserv_id);

class ForgedResultsCheck final : public core::Check {
public:
    std::string_view name() const override { return "forged_results"; }
    core::CheckResult run(const core::CheckContext& context) const override;
};

}  // namespace sg::checks

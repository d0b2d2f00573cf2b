// registry - every check senderguard runs.
#include "checks/registry.hpp"

#include <vector>

#include "checks/display_name_address_check.hpp"
#include "checks/display_name_impersonation_check.hpp"
#include "checks/dkim_check.hpp"
#include "checks/dmarc_check.hpp"
#include "checks/envelope_alignment_check.hpp"
#include "checks/envelope_ownership_check.hpp"
#include "checks/from_header_check.hpp"
#include "checks/forged_results_check.hpp"
#include "checks/from_ownership_check.hpp"
#include "checks/reply_to_check.hpp"
#include "checks/sender_ownership_check.hpp"
#include "checks/spf_check.hpp"

namespace sg::checks {

std::span<const std::unique_ptr<const core::Check>> registered_checks() {
    static const std::vector<std::unique_ptr<const core::Check>> checks = [] {
        std::vector<std::unique_ptr<const core::Check>> list;
        list.push_back(std::make_unique<FromHeaderCheck>());
        list.push_back(std::make_unique<EnvelopeOwnershipCheck>());
        list.push_back(std::make_unique<FromOwnershipCheck>());
        list.push_back(std::make_unique<SenderOwnershipCheck>());
        list.push_back(std::make_unique<DisplayNameAddressCheck>());
        list.push_back(std::make_unique<DisplayNameImpersonationCheck>());
        list.push_back(std::make_unique<SpfCheck>());
        list.push_back(std::make_unique<DkimCheck>());
        list.push_back(std::make_unique<DmarcCheck>());
        list.push_back(std::make_unique<EnvelopeAlignmentCheck>());
        list.push_back(std::make_unique<ReplyToCheck>());
        list.push_back(std::make_unique<ForgedResultsCheck>());
        return list;
    }();
    return checks;
}

}  // namespace sg::checks

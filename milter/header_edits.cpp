// header_edits - deletions and the Authentication-Results insertion for one message.
#include "header_edits.hpp"

#include "checks/forged_results_check.hpp"
#include "header_text.hpp"
#include "report/authentication_results.hpp"

namespace sg::milter {

HeaderEdits plan_header_edits(const core::Transaction& transaction, const config::Config& config,
                              std::size_t incoming_summaries, const core::Authentication* authentication,
                              bool leading_space) {
    HeaderEdits edits;
    edits.incoming_summaries = incoming_summaries;
    edits.leading_space = leading_space;
    if (!config.trusted_network(transaction.connection.client_ip))
        edits.forged_results = checks::forged_results_indices(transaction, config.authentication.authserv_id);
    if (authentication != nullptr && authentication->evaluated && config.authentication.add_header)
        edits.authentication_results = folded_value(
            report::authentication_results_value(config.authentication.authserv_id, *authentication));
    return edits;
}

}  // namespace sg::milter

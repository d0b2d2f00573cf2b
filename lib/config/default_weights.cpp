// default_weights - built-in weights per finding id and variant.
#include "config/default_weights.hpp"

namespace sg::config {

const std::map<std::string, double>& default_weights() {
    static const std::map<std::string, double> weights{
        {"identity.from_not_owned", 10},
        {"identity.from_not_owned.on_behalf", 4},
        {"identity.envelope_not_owned", 5},
        {"identity.sender_not_owned", 6},
        {"identity.display_name_address", 3},
        {"identity.display_name_address.internal", 6},
        {"identity.display_name_address.annotated", 0.5},
        {"identity.display_name_impersonation", 8},
        {"header.from_missing", 3},
        {"header.from_multiple", 8},
        {"header.from_multiple.mailboxes", 2},
        {"header.from_unparsable", 5},
        {"header.from_unparsable.repaired", 2},
        {"header.from_envelope_misaligned", 0.3},
        {"header.from_envelope_misaligned.authenticated", 0},
        {"header.reply_to_diverges", 4},
        {"header.reply_to_diverges.mailing_list", 0.5},
        {"header.reply_to_diverges.ticket_system", 1},
        {"header.reply_to_diverges.contact_form", 1},
        {"spf.fail", 4},
        {"spf.softfail", 1},
        {"spf.temperror", 0},
        {"spf.permerror", 1},
        {"dkim.fail", 3},
        {"dkim.fail.permerror", 2},
        {"dkim.fail.policy", 1},
        {"dmarc.fail", 8},
        {"dmarc.fail.policy_reject", 15},
        {"dmarc.fail.policy_none", 2},
        {"auth.forged_results", 6},
    };
    return weights;
}

}  // namespace sg::config

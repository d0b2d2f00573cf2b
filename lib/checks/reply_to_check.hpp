// reply_to_check - header.reply_to_diverges when Reply-To sends answers to another
// organization than the From (the business-email-compromise shape: From a
// colleague or supplier, Reply-To a free mailbox). Legitimate shapes get variants
// with low weights, recognised in this order and named in the evidence ("shape"):
//   mailing_list   List-Id / List-Post present and Reply-To in the list's domain;
//   ticket_system  a Sender header in the Reply-To's organization: the system that
//                  sends on the customer's behalf wants the answers;
//   contact_form   one Reply-To and an authenticated From (DMARC pass, or an SMTP
//                  AUTH session): a site's form mailing its owner, Reply-To the visitor.
#pragma once

#include "core/check.hpp"

namespace sg::checks {

class ReplyToCheck final : public core::Check {
public:
    std::string_view name() const override { return "reply_to"; }
    core::CheckResult run(const core::CheckContext& context) const override;
};

}  // namespace sg::checks

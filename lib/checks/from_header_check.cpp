// from_header_check - missing, multiple and unparsable From headers.
#include "checks/from_header_check.hpp"

#include "mail/message_identities.hpp"

namespace sg::checks {
namespace {

std::string clip(const std::string& text) { return text.size() <= 256 ? text : text.substr(0, 256) + "..."; }

}  // namespace

core::CheckResult FromHeaderCheck::run(const core::CheckContext& context) const {
    core::CheckResult result;
    const mail::HeaderAddresses& from = context.identities.from;
    if (from.header_count == 0) {
        result.findings.push_back({"header.from_missing", "", {}});
        return result;
    }
    if (from.header_count > 1) {
        core::Evidence evidence{{"from_headers", std::to_string(from.header_count)}};
        for (const mail::Mailbox& mailbox : from.addresses.mailboxes)
            evidence.emplace_back("from_address", mailbox.address());
        result.findings.push_back({"header.from_multiple", "", std::move(evidence)});
    } else if (from.addresses.mailboxes.size() > 1) {
        core::Evidence evidence{{"from_mailboxes", std::to_string(from.addresses.mailboxes.size())}};
        for (const mail::Mailbox& mailbox : from.addresses.mailboxes)
            evidence.emplace_back("from_address", mailbox.address());
        result.findings.push_back({"header.from_multiple", "mailboxes", std::move(evidence)});
    }
    const mail::AddressList& parsed = from.addresses;
    bool no_address = parsed.mailboxes.empty();
    if (parsed.status == mail::ParseStatus::unparsable || no_address) {
        result.findings.push_back({"header.from_unparsable", "",
                                   {{"from_raw", clip(from.raw)},
                                    {"problem", parsed.problem.empty() ? "no address" : parsed.problem}}});
    } else if (parsed.status == mail::ParseStatus::repaired) {
        result.findings.push_back({"header.from_unparsable", "repaired",
                                   {{"from_raw", clip(from.raw)},
                                    {"problem", parsed.problem},
                                    {"from_address", parsed.mailboxes.front().address()}}});
    }
    return result;
}

}  // namespace sg::checks

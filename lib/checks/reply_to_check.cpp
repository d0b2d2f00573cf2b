// reply_to_check - Reply-To organization vs From organization, with legitimate shapes.
#include "checks/reply_to_check.hpp"

#include <algorithm>
#include <vector>

#include "mail/domain_name.hpp"
#include "mail/message_identities.hpp"
#include "mail/organizational_domain.hpp"

namespace sg::checks {
namespace {

// The domain of the first mailto: URI of a List-Post value ("<mailto:l@lists.example>").
std::string list_post_domain(std::string_view value) {
    std::size_t start = value.find("mailto:");
    if (start == std::string_view::npos) return "";
    std::string_view uri = value.substr(start + 7);
    uri = uri.substr(0, uri.find_first_of(">?, \t\r\n"));
    std::size_t at = uri.rfind('@');
    if (at == std::string_view::npos) return "";
    return mail::canonical_domain(uri.substr(at + 1)).value_or("");
}

// RFC 2919 list identifier: the text in the last angle brackets, domain-shaped.
std::string list_id_domain(std::string_view value) {
    std::size_t open = value.rfind('<');
    std::size_t close = value.rfind('>');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) return "";
    return mail::canonical_domain(value.substr(open + 1, close - open - 1)).value_or("");
}

struct Shape {
    std::string variant;  // "" for the plain finding
    core::Evidence evidence;
};

std::string header_value(const core::Transaction& transaction, std::string_view name) {
    const core::Header* header = transaction.first_header(name);
    return header ? mail::unfold(header->value) : "";
}

bool all_in_organization(const std::vector<const mail::Mailbox*>& mailboxes, const std::string& domain) {
    if (domain.empty()) return false;
    std::string organization = mail::organizational_domain(domain);
    return std::all_of(mailboxes.begin(), mailboxes.end(),
                       [&](const mail::Mailbox* m) { return mail::organizational_domain(m->domain) == organization; });
}

// How the From is known to be genuine: DMARC pass, or a login submitted it (whether
// that login owns the From is identity.from_not_owned's question).
std::string from_authenticated_by(const core::CheckContext& context) {
    const core::Authentication& authentication = context.authentication;
    if (authentication.evaluated && authentication.dmarc.result == core::AuthResult::pass) return "dmarc";
    if (context.transaction.auth.authenticated()) return "smtp_auth";
    return "";
}

Shape recognise(const core::CheckContext& context, const std::vector<const mail::Mailbox*>& diverging) {
    const core::Transaction& transaction = context.transaction;
    std::string list_id = header_value(transaction, "List-Id");
    std::string list_post = header_value(transaction, "List-Post");
    for (const std::string& domain : {list_post_domain(list_post), list_id_domain(list_id)}) {
        if (all_in_organization(diverging, domain))
            return {"mailing_list", {{"shape", "mailing_list"}, {"list_id", list_id}, {"list_domain", domain}}};
    }
    for (const mail::Mailbox& sender : context.identities.sender.addresses.mailboxes) {
        if (all_in_organization(diverging, sender.domain))
            return {"ticket_system", {{"shape", "ticket_system"}, {"sender_address", sender.address()}}};
    }
    std::string authenticated_by = from_authenticated_by(context);
    if (!authenticated_by.empty() && context.identities.reply_to.addresses.mailboxes.size() == 1)
        return {"contact_form", {{"shape", "contact_form"}, {"from_authenticated_by", authenticated_by}}};
    return {"", {{"shape", "plain"}}};
}

}  // namespace

core::CheckResult ReplyToCheck::run(const core::CheckContext& context) const {
    core::CheckResult result;
    const auto& from = context.identities.from.addresses.mailboxes;
    const auto& reply_to = context.identities.reply_to.addresses.mailboxes;
    std::vector<std::string> from_orgs;
    const mail::Mailbox* first_from = nullptr;
    for (const mail::Mailbox& mailbox : from) {
        if (mailbox.domain.empty()) continue;
        if (!first_from) first_from = &mailbox;
        from_orgs.push_back(mail::organizational_domain(mailbox.domain));
    }
    if (!first_from || reply_to.empty()) return result;
    std::vector<const mail::Mailbox*> diverging;
    for (const mail::Mailbox& mailbox : reply_to) {
        if (mailbox.domain.empty()) continue;
        std::string org = mail::organizational_domain(mailbox.domain);
        if (std::find(from_orgs.begin(), from_orgs.end(), org) == from_orgs.end()) diverging.push_back(&mailbox);
    }
    if (diverging.empty()) return result;
    Shape shape = recognise(context, diverging);
    core::Evidence evidence{{"from_address", first_from->address()}, {"from_org_domain", from_orgs.front()}};
    for (const mail::Mailbox* mailbox : diverging) {
        evidence.push_back({"reply_to_address", mailbox->address()});
        evidence.push_back({"reply_to_org_domain", mail::organizational_domain(mailbox->domain)});
    }
    for (auto& fact : shape.evidence) evidence.push_back(std::move(fact));
    result.findings.push_back({"header.reply_to_diverges", shape.variant, std::move(evidence)});
    return result;
}

}  // namespace sg::checks

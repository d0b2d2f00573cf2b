// reject_reply - a reply text per kind of deciding finding.
#include "report/reject_reply.hpp"

#include <array>
#include <string_view>
#include <utility>

namespace sg::report {
namespace {

// Finding id prefix -> what the sender is told. The first matching prefix wins.
constexpr std::array<std::pair<std::string_view, std::string_view>, 9> texts{{
    {"identity.envelope_not_owned", "Sender address not allowed for this login"},
    {"identity.from_not_owned", "Sender address not allowed for this login"},
    {"identity.sender_not_owned", "Sender address not allowed for this login"},
    {"identity.display_name", "Sender display name not accepted"},
    {"header.from", "From header missing, duplicated or malformed"},
    {"dmarc.fail", "Message fails the sender domain's DMARC policy"},
    {"spf.", "Sender domain's SPF policy does not allow this client"},
    {"dkim.fail", "DKIM signature did not verify"},
    {"auth.forged_results", "Message carries forged authentication results"},
}};

constexpr std::string_view fallback = "Sender identity rejected by policy";

// The finding that weighed most: it is what the message was rejected for.
const core::Finding* deciding_finding(const core::Verdict& verdict) {
    const core::Finding* deciding = nullptr;
    for (const core::Finding& finding : verdict.findings)
        if (!deciding || finding.score > deciding->score) deciding = &finding;
    if (verdict.decided_by.rfind("action:", 0) == 0) {
        std::string_view key = std::string_view(verdict.decided_by).substr(7);
        for (const core::Finding& finding : verdict.findings)
            if (finding.weight_key() == key || finding.id == key) return &finding;
    }
    return deciding;
}

}  // namespace

std::string reject_reply_text(const core::Verdict& verdict, const config::ReportSettings& settings) {
    if (!settings.reject_reply.empty()) return settings.reject_reply;
    const core::Finding* finding = deciding_finding(verdict);
    if (finding)
        for (const auto& [prefix, text] : texts)
            if (finding->id.rfind(prefix, 0) == 0) return std::string(text);
    return std::string(fallback);
}

}  // namespace sg::report

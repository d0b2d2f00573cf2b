// forged_results_check - Authentication-Results headers that claim to be ours.
#include "checks/forged_results_check.hpp"

#include <cctype>

#include "config/config.hpp"
#include "mail/message_identities.hpp"
#include "report/authentication_results.hpp"

namespace sg::checks {
namespace {

constexpr std::size_t value_limit = 200;
constexpr std::size_t values_in_evidence = 5;

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

std::string clipped(std::string text) {
    if (text.size() <= value_limit) return text;
    std::size_t cut = value_limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
    return text.substr(0, cut) + "...";
}

}  // namespace

std::vector<std::size_t> forged_results_indices(const core::Transaction& transaction, std::string_view authserv_id) {
    std::vector<std::size_t> indices;
    if (authserv_id.empty()) return indices;
    std::vector<const core::Header*> headers = transaction.headers_named("Authentication-Results");
    for (std::size_t i = 0; i < headers.size(); ++i) {
        report::ParsedResults parsed = report::parse_authentication_results(headers[i]->value);
        if (equal_ignoring_case(parsed.authserv_id, authserv_id)) indices.push_back(i + 1);
    }
    return indices;
}

core::CheckResult ForgedResultsCheck::run(const core::CheckContext& context) const {
    core::CheckResult result;
    std::string_view authserv_id = context.config.authentication.authserv_id;
    // Our own earlier hop (another senderguard in the fleet, an internal relay)
    // legitimately wrote these results.
    if (const config::Network* network = context.config.trusted_network(context.transaction.connection.client_ip)) {
        result.status = core::CheckStatus::skipped;
        result.note = "client in trusted network " + network->to_string();
        return result;
    }
    std::vector<std::size_t> indices = forged_results_indices(context.transaction, authserv_id);
    if (indices.empty()) return result;
    std::vector<const core::Header*> headers = context.transaction.headers_named("Authentication-Results");
    core::Evidence evidence{{"authserv_id", std::string(authserv_id)}, {"count", std::to_string(indices.size())}};
    for (std::size_t i = 0; i < indices.size() && i < values_in_evidence; ++i)
        evidence.push_back({"header_value", clipped(mail::unfold(headers[indices[i] - 1]->value))});
    result.findings.push_back({"auth.forged_results", "", std::move(evidence)});
    return result;
}

}  // namespace sg::checks

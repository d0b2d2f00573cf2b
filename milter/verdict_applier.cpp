// verdict_applier - the single place senderguard modifies a message or sets a reply.
#include "verdict_applier.hpp"

#include <vector>

#include <fmt/format.h>

#include "header_text.hpp"
#include "log.hpp"
#include "report/reject_reply.hpp"
#include "report/summary_header.hpp"

namespace sg::milter {
namespace {

// libmilter refuses reply texts longer than its MAXREPLYLEN (980); stay well below.
constexpr std::size_t max_reply_text = 400;

// Deletes the `name` headers at these 1-based indices, from the last to the first so
// each index stays valid whichever way the MTA renumbers after a deletion.
bool delete_headers(SMFICTX* ctx, const std::string& header_name, const std::vector<std::size_t>& ascending) {
    std::string name = header_name;
    for (auto index = ascending.rbegin(); index != ascending.rend(); ++index) {
        if (smfi_chgheader(ctx, name.data(), static_cast<int>(*index), nullptr) != MI_SUCCESS)
            log(LogLevel::warning, fmt::format("could not delete incoming {} header #{}", header_name, *index));
    }
    return !ascending.empty();
}

std::vector<std::size_t> first_n(std::size_t count) {
    std::vector<std::size_t> indices(count);
    for (std::size_t i = 0; i < count; ++i) indices[i] = i + 1;
    return indices;
}

bool insert_results(SMFICTX* ctx, const HeaderEdits& edits) {
    if (edits.authentication_results.empty()) return false;
    std::string name = "Authentication-Results";
    std::string value = outgoing_header_value(edits.authentication_results, edits.leading_space);
    if (smfi_insheader(ctx, 0, name.data(), value.data()) == MI_SUCCESS) return true;
    log(LogLevel::warning, "could not insert the Authentication-Results header (add headers not negotiated?)");
    return false;
}

bool add_summary(SMFICTX* ctx, const config::Config& config, const core::Verdict& verdict, bool leading_space) {
    std::string name = config.report.header_name;
    std::string value =
        outgoing_header_value(single_line_value(report::summary_header_value(verdict)), leading_space);
    if (smfi_addheader(ctx, name.data(), value.data()) == MI_SUCCESS) return true;
    log(LogLevel::warning, fmt::format("could not add the {} header", name));
    return false;
}

sfsistat refuse(SMFICTX* ctx, const char* code, const char* enhanced, const std::string& text, sfsistat status) {
    std::string rcode = code;
    std::string xcode = enhanced;
    std::string message = smtp_reply_text(text);
    if (smfi_setreply(ctx, rcode.data(), xcode.data(), message.empty() ? nullptr : message.data()) != MI_SUCCESS)
        log(LogLevel::warning, fmt::format("could not set the {} {} reply text", code, enhanced));
    return status;
}

}  // namespace

std::string smtp_reply_text(std::string_view text) {
    std::string safe;
    for (const char c : text) {
        if (safe.size() >= max_reply_text) break;
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte >= 0x7f) {
            safe.push_back(' ');
        } else if (c == '%') {
            safe += "%%";
        } else {
            safe.push_back(c);
        }
    }
    return safe;
}

sfsistat apply_verdict(SMFICTX* ctx, const core::Verdict& verdict, const config::Config& config,
                       const HeaderEdits& edits) {
    const core::Action action = verdict.applied_action();
    switch (action) {
        case core::Action::reject:
            return refuse(ctx, "550", "5.7.1", report::reject_reply_text(verdict, config.report), SMFIS_REJECT);
        case core::Action::tempfail:
            return refuse(ctx, "451", "4.7.1", config.report.tempfail_reply, SMFIS_TEMPFAIL);
        case core::Action::accept:
        case core::Action::tag:
        case core::Action::quarantine:
            break;
    }

    bool modified = delete_headers(ctx, config.report.header_name, first_n(edits.incoming_summaries));
    modified = delete_headers(ctx, "Authentication-Results", edits.forged_results) || modified;
    modified = insert_results(ctx, edits) || modified;
    if (action == core::Action::accept) return modified ? SMFIS_CONTINUE : SMFIS_ACCEPT;

    add_summary(ctx, config, verdict, edits.leading_space);
    if (action == core::Action::quarantine) {
        std::string reason = single_line_value("senderguard: " + report::summary_header_value(verdict));
        if (smfi_quarantine(ctx, reason.data()) != MI_SUCCESS) {
            // Nothing may be lost and nothing suspect delivered: have the client retry.
            log(LogLevel::error, "smfi_quarantine failed (quarantine action not negotiated?); tempfailing");
            return refuse(ctx, "451", "4.7.1", config.report.tempfail_reply, SMFIS_TEMPFAIL);
        }
    }
    // CONTINUE at end-of-message accepts the message with the modifications above.
    return SMFIS_CONTINUE;
}

sfsistat apply_error_action(SMFICTX* ctx, const config::Config& config, const HeaderEdits& edits) {
    core::Verdict verdict;
    verdict.action = config.milter.error_action;
    verdict.decided_by = "internal_error";
    return apply_verdict(ctx, verdict, config, edits);
}

}  // namespace sg::milter

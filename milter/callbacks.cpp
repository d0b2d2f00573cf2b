// callbacks - xxfi_* functions: libmilter arguments and macros -> Session -> engine.
#include "callbacks.hpp"

#include <libmilter/mfdef.h>

#include <atomic>
#include <exception>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "engine/engine.hpp"
#include "header_edits.hpp"
#include "log.hpp"
#include "negotiation.hpp"
#include "report/evidence_record.hpp"
#include "session.hpp"
#include "socket_address.hpp"
#include "verdict_applier.hpp"

namespace sg::milter {
namespace {

std::atomic<LiveConfig*> live_config{nullptr};

// Protocol stages, each with the no-reply bit that governs its answer (0: must answer).
enum class Stage { negotiate, connect, helo, mail, rcpt, data, unknown, header, eoh, body, eom, abort, close };

unsigned long no_reply_bit(Stage stage) {
    switch (stage) {
        case Stage::connect: return SMFIP_NR_CONN;
        case Stage::helo: return SMFIP_NR_HELO;
        case Stage::mail: return SMFIP_NR_MAIL;
        case Stage::rcpt: return SMFIP_NR_RCPT;
        case Stage::data: return SMFIP_NR_DATA;
        case Stage::unknown: return SMFIP_NR_UNKN;
        case Stage::header: return SMFIP_NR_HDR;
        case Stage::eoh: return SMFIP_NR_EOH;
        case Stage::body: return SMFIP_NR_BODY;
        case Stage::negotiate:
        case Stage::eom:
        case Stage::abort:
        case Stage::close: return 0;
    }
    return 0;
}

const char* stage_name(Stage stage) {
    switch (stage) {
        case Stage::negotiate: return "negotiate";
        case Stage::connect: return "connect";
        case Stage::helo: return "helo";
        case Stage::mail: return "mail";
        case Stage::rcpt: return "rcpt";
        case Stage::data: return "data";
        case Stage::unknown: return "unknown";
        case Stage::header: return "header";
        case Stage::eoh: return "eoh";
        case Stage::body: return "body";
        case Stage::eom: return "eom";
        case Stage::abort: return "abort";
        case Stage::close: return "close";
    }
    return "?";
}

Session* session_of(SMFICTX* ctx) { return static_cast<Session*>(smfi_getpriv(ctx)); }

// A macro's value, or empty when the MTA did not send it.
std::string_view macro(SMFICTX* ctx, const char* name) {
    const char* value = smfi_getsymval(ctx, const_cast<char*>(name));
    return value == nullptr ? std::string_view{} : std::string_view{value};
}

bool has_macro(SMFICTX* ctx, const char* name) { return smfi_getsymval(ctx, const_cast<char*>(name)) != nullptr; }

// The answer for a stage that went fine.
sfsistat proceed(const Session& session, Stage stage) {
    return session.no_reply(no_reply_bit(stage)) ? SMFIS_NOREPLY : SMFIS_CONTINUE;
}

// No session to remember a failure in: answer with the error action right away.
sfsistat immediate_error_status() {
    const LiveConfig* live = live_config.load();
    const core::Action action = live == nullptr ? core::Action::tempfail : live->config()->milter.error_action;
    switch (action) {
        case core::Action::tempfail: return SMFIS_TEMPFAIL;
        case core::Action::reject: return SMFIS_REJECT;
        case core::Action::accept:
        case core::Action::tag:
        case core::Action::quarantine: return SMFIS_ACCEPT;
    }
    return SMFIS_TEMPFAIL;
}

// A message that gets the error action: forged headers still go, nothing is added.
HeaderEdits error_edits(const Session& session) {
    return plan_header_edits(session.transaction(), session.config(), session.incoming_summary_headers(), nullptr,
                             session.leading_space_kept());
}

void adopt_protocol(Session& session, unsigned long protocol) {
    session.set_protocol(protocol);
    session.set_leading_space_kept((protocol & SMFIP_HDR_LEADSPC) != 0);
}

sfsistat failure_status(SMFICTX* ctx, Stage stage) noexcept {
    try {
        Session* session = session_of(ctx);
        switch (stage) {
            case Stage::negotiate:
                // ALL_OPTS grants no no-reply stage (every callback must answer) and,
                // like every protocol option, no SMFIP_HDR_LEADSPC.
                if (session != nullptr) adopt_protocol(*session, 0);
                return SMFIS_ALL_OPTS;
            case Stage::abort:
            case Stage::close:
                if (session != nullptr) session->reset_message();
                return SMFIS_CONTINUE;
            case Stage::eom: {
                if (session == nullptr) return immediate_error_status();
                const HeaderEdits edits = error_edits(*session);
                session->reset_message();
                return apply_error_action(ctx, session->config(), edits);
            }
            case Stage::connect:
            case Stage::helo:
                if (session == nullptr) return immediate_error_status();
                session->mark_connection_failed();
                return proceed(*session, stage);
            default:
                if (session == nullptr) return immediate_error_status();
                session->mark_failed();
                return proceed(*session, stage);
        }
    } catch (...) {
        return stage == Stage::negotiate ? SMFIS_ALL_OPTS : SMFIS_TEMPFAIL;
    }
}

// Runs a callback body; whatever it throws stays on this side of libmilter.
template <typename Body>
sfsistat guarded(SMFICTX* ctx, Stage stage, Body&& body) noexcept {
    try {
        return body();
    } catch (const std::exception& error) {
        log(LogLevel::error, fmt::format("{}: {}", stage_name(stage), error.what()));
    } catch (...) {
        log(LogLevel::error, fmt::format("{}: unknown exception", stage_name(stage)));
    }
    return failure_status(ctx, stage);
}

Session& new_session(SMFICTX* ctx) {
    auto session = std::make_unique<Session>(live_config.load()->config());
    adopt_protocol(*session, protocol_without_negotiation());
    if (smfi_setpriv(ctx, session.get()) != MI_SUCCESS) throw std::runtime_error("smfi_setpriv failed");
    return *session.release();
}

// The connection's session. A connection restarting after SMFIC_QUIT_NC (xxfi_close,
// then xxfi_connect, no negotiation) gets a fresh one at connect; a session missing at
// any later stage means its facts are lost, so that connection's messages get the
// error action instead of a verdict on partial data.
Session& session_for(SMFICTX* ctx, Stage stage) {
    if (Session* session = session_of(ctx)) return *session;
    Session& session = new_session(ctx);
    if (stage != Stage::connect) {
        log(LogLevel::error, fmt::format("{}: no session state for this connection", stage_name(stage)));
        session.mark_connection_failed();
    }
    return session;
}

sfsistat on_negotiate(SMFICTX* ctx, unsigned long offered_actions, unsigned long offered_protocol,
                      unsigned long /*f2*/, unsigned long /*f3*/, unsigned long* actions, unsigned long* protocol,
                      unsigned long* p2, unsigned long* p3) {
    return guarded(ctx, Stage::negotiate, [&] {
        const NegotiatedFlags flags = negotiate_flags(offered_actions, offered_protocol);
        if (flags.missing_actions != 0)
            log(LogLevel::warning, fmt::format("MTA does not offer actions 0x{:x}: headers or quarantine will fail",
                                               flags.missing_actions));
        delete session_of(ctx);
        smfi_setpriv(ctx, nullptr);
        Session& session = new_session(ctx);
        adopt_protocol(session, flags.protocol);
        *actions = flags.actions;
        *protocol = flags.protocol;
        *p2 = 0;
        *p3 = 0;
        return SMFIS_CONTINUE;
    });
}

sfsistat on_connect(SMFICTX* ctx, char* hostname, _SOCK_ADDR* address) {
    return guarded(ctx, Stage::connect, [&] {
        Session& session = session_for(ctx, Stage::connect);
        std::string client_ip = client_address_text(address);
        if (client_ip.empty()) client_ip = std::string(macro(ctx, "{client_addr}"));
        session.on_connect(hostname == nullptr ? std::string() : std::string(hostname), std::move(client_ip),
                           std::string(macro(ctx, "{daemon_name}")));
        return proceed(session, Stage::connect);
    });
}

sfsistat on_helo(SMFICTX* ctx, char* helo) {
    return guarded(ctx, Stage::helo, [&] {
        Session& session = session_for(ctx, Stage::helo);
        session.on_helo(helo == nullptr ? std::string() : std::string(helo));
        session.note_tls(has_macro(ctx, "{tls_version}"));
        return proceed(session, Stage::helo);
    });
}

sfsistat on_envfrom(SMFICTX* ctx, char** argv) {
    return guarded(ctx, Stage::mail, [&] {
        Session& session = session_for(ctx, Stage::mail);
        core::Auth auth;
        auth.login = macro(ctx, "{auth_authen}");
        auth.mechanism = macro(ctx, "{auth_type}");
        auth.author = macro(ctx, "{auth_author}");
        const char* sender = (argv != nullptr && argv[0] != nullptr) ? argv[0] : "";
        session.on_mail(sender, std::move(auth));
        session.note_tls(has_macro(ctx, "{tls_version}"));
        session.note_queue_id(macro(ctx, "i"));  // Sendmail sends it here; Postfix from DATA on
        return proceed(session, Stage::mail);
    });
}

sfsistat on_envrcpt(SMFICTX* ctx, char** argv) {
    return guarded(ctx, Stage::rcpt, [&] {
        Session& session = session_for(ctx, Stage::rcpt);
        if (argv != nullptr && argv[0] != nullptr) session.on_rcpt(argv[0]);
        return proceed(session, Stage::rcpt);
    });
}

sfsistat on_data(SMFICTX* ctx) {
    return guarded(ctx, Stage::data, [&] { return proceed(session_for(ctx, Stage::data), Stage::data); });
}

sfsistat on_unknown(SMFICTX* ctx, const char* /*command*/) {
    return guarded(ctx, Stage::unknown, [&] { return proceed(session_for(ctx, Stage::unknown), Stage::unknown); });
}

sfsistat on_header(SMFICTX* ctx, char* name, char* value) {
    return guarded(ctx, Stage::header, [&] {
        Session& session = session_for(ctx, Stage::header);
        session.on_header(name == nullptr ? "" : name, value == nullptr ? "" : value);
        return proceed(session, Stage::header);
    });
}

sfsistat on_eoh(SMFICTX* ctx) {
    return guarded(ctx, Stage::eoh, [&] {
        Session& session = session_for(ctx, Stage::eoh);
        session.note_queue_id(macro(ctx, "i"));
        session.on_end_of_headers();
        return proceed(session, Stage::eoh);
    });
}

sfsistat on_body(SMFICTX* ctx, unsigned char* chunk, size_t length) {
    return guarded(ctx, Stage::body, [&] {
        Session& session = session_for(ctx, Stage::body);
        if (chunk != nullptr) session.on_body(std::span<const unsigned char>(chunk, length));
        return proceed(session, Stage::body);
    });
}

void write_evidence(const core::Transaction& transaction, const engine::Evaluation& evaluation,
                    const config::Config& config) {
    try {
        live_config.load()->evidence_log()->write(report::evidence_record(transaction, evaluation, config));
    } catch (const std::exception& error) {
        log(LogLevel::error, fmt::format("evidence record for {} not written: {}",
                                         transaction.queue_id.empty() ? "(no queue id)" : transaction.queue_id,
                                         error.what()));
    }
}

sfsistat on_eom(SMFICTX* ctx) {
    return guarded(ctx, Stage::eom, [&] {
        Session& session = session_for(ctx, Stage::eom);
        session.note_queue_id(macro(ctx, "i"));
        // The message state is reset only once the answer is settled: if anything below
        // throws, failure_status() still sees the forged headers it must delete.
        if (session.failed()) {
            log(LogLevel::error, fmt::format("message {} not evaluated after an earlier failure: applying {}",
                                             session.transaction().queue_id,
                                             core::to_string(session.config().milter.error_action)));
            const sfsistat status = apply_error_action(ctx, session.config(), error_edits(session));
            session.reset_message();
            return status;
        }
        const config::Config& config = session.config();
        const core::Transaction transaction = session.transaction();
        MessageAuthentication::Result streamed = session.finish_authentication();
        const engine::Evaluation evaluation =
            engine::evaluate(transaction, config, std::move(streamed.dkim), streamed.deadline);
        write_evidence(transaction, evaluation, config);
        const HeaderEdits edits = plan_header_edits(transaction, config, session.incoming_summary_headers(),
                                                    &evaluation.authentication, session.leading_space_kept());
        const sfsistat status = apply_verdict(ctx, evaluation.verdict, config, edits);
        session.reset_message();
        return status;
    });
}

sfsistat on_abort(SMFICTX* ctx) {
    return guarded(ctx, Stage::abort, [&] {
        if (Session* session = session_of(ctx)) session->reset_message();
        return SMFIS_CONTINUE;
    });
}

sfsistat on_close(SMFICTX* ctx) {
    return guarded(ctx, Stage::close, [&] {
        delete session_of(ctx);
        smfi_setpriv(ctx, nullptr);
        return SMFIS_CONTINUE;
    });
}

}  // namespace

struct smfiDesc filter_description(LiveConfig& live) {
    live_config.store(&live);
    struct smfiDesc description {};
    description.xxfi_name = const_cast<char*>("senderguard");
    description.xxfi_version = SMFI_VERSION;
    description.xxfi_flags = SMFIF_ADDHDRS | SMFIF_CHGHDRS | SMFIF_QUARANTINE;
    description.xxfi_connect = on_connect;
    description.xxfi_helo = on_helo;
    description.xxfi_envfrom = on_envfrom;
    description.xxfi_envrcpt = on_envrcpt;
    description.xxfi_header = on_header;
    description.xxfi_eoh = on_eoh;
    description.xxfi_body = on_body;
    description.xxfi_eom = on_eom;
    description.xxfi_abort = on_abort;
    description.xxfi_close = on_close;
    description.xxfi_unknown = on_unknown;
    description.xxfi_data = on_data;
    description.xxfi_negotiate = on_negotiate;
    return description;
}

}  // namespace sg::milter

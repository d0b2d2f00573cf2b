// message_verification - one message through libopendkim, with the limits and the
// per-signature results.
#include "dkim/message_verification.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "dkim/key_query_service.hpp"
#include "dkim/signature_outcome.hpp"
#include "dkim/signature_tags.hpp"
#include "dkim/verifier_handle.hpp"

namespace sg::dkim {
namespace {

using core::AuthResult;

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

// RFC 5322 field name (printable ASCII but colon), allowing the obsolete
// whitespace before the colon.
bool valid_field_name(std::string_view name) {
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
    if (name.empty()) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte >= 33 && byte <= 126 && c != ':';
    });
}

std::string_view trimmed_name(std::string_view name) {
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
    return name;
}

// Value with bare LF turned into CRLF and one final line break dropped.
std::string normalise_value(std::string_view value) {
    if (value.size() >= 2 && value.substr(value.size() - 2) == "\r\n") {
        value.remove_suffix(2);
    } else if (!value.empty() && value.back() == '\n') {
        value.remove_suffix(1);
    }
    std::string out;
    out.reserve(value.size() + 8);
    char previous = '\0';
    for (const char c : value) {
        if (c == '\n' && previous != '\r') out.push_back('\r');
        out.push_back(c);
        previous = c;
    }
    return out;
}

// A header field no h= can ever select: DKIM tag values lose all whitespace, so a
// field name with a space in it matches no h= entry. See end_of_headers.
constexpr std::string_view padding_field = "Senderguard Padding:";

// selector._domainkey.domain must fit libopendkim's query name (DKIM_MAXHOSTNAMELEN).
constexpr std::size_t max_key_name = 253;

}  // namespace

struct MessageVerification::State {
    enum class Phase { headers, body, done };

    struct Slot {
        SignatureTags tags;
        bool to_library = false;
        std::size_t field = 0;      // index into fields when to_library
        std::size_t name_length = 0;
        std::optional<core::DkimSignatureOutcome> fixed;  // decided without libopendkim
        std::string syntax_problem;                        // from dkim_sig_syntax
    };

    State(const VerifierLibrary& owner, const dns::Deadline& deadline)
        : library(owner), settings(owner.settings()), log(deadline) {}
    ~State() {
        if (dkim != nullptr) dkim_free(dkim);
    }

    const VerifierLibrary& library;
    const VerifierSettings& settings;
    KeyQueryLog log;
    DKIM* dkim = nullptr;
    Phase phase = Phase::headers;
    std::vector<std::string> fields;
    std::vector<Slot> slots;
    std::size_t library_signatures = 0;
    std::size_t signature_fields = 0;
    std::size_t max_signed_entries = 0;
    std::size_t dropped_fields = 0;
    std::size_t unusable_fields = 0;
    std::size_t late_fields = 0;
    std::size_t from_fields = 0;
    char last_body_byte = '\0';
    std::string scratch;
    std::string problem;  // whole-message trouble inside libopendkim
    std::optional<core::DkimOutcome> outcome;

    void add_header(std::string_view name, std::string_view raw_value);
    void end_of_headers();
    void add_body(std::string_view chunk);
    core::DkimOutcome finish();
    std::string library_problem(const char* step, DKIM_STAT status) const;
};

std::string MessageVerification::State::library_problem(const char* step, DKIM_STAT status) const {
    std::string text = std::string(step) + ": ";
    const char* result = dkim_getresultstr(status);
    text += result != nullptr ? result : "error";
    const char* detail = dkim != nullptr ? dkim_geterror(dkim) : nullptr;
    if (detail != nullptr && detail[0] != '\0') text += std::string(" (") + detail + ")";
    return text;
}

void MessageVerification::State::add_header(std::string_view name, std::string_view raw_value) {
    if (phase != Phase::headers) {
        ++late_fields;
        return;
    }
    if (!valid_field_name(name)) {
        ++unusable_fields;
        return;
    }
    const bool signature = iequals(trimmed_name(name), "DKIM-Signature");
    if (signature) {
        ++signature_fields;
        if (slots.size() >= settings.max_signatures) return;
    }
    if (fields.size() >= settings.max_header_fields) {
        ++dropped_fields;
        return;
    }
    if (iequals(trimmed_name(name), "From")) ++from_fields;

    std::string value = normalise_value(raw_value);
    const bool has_nul = value.find('\0') != std::string::npos;
    if (!signature) {
        if (has_nul) {
            ++unusable_fields;
            return;
        }
        fields.push_back(std::string(name) + ":" + value);
        return;
    }

    Slot slot;
    slot.tags = read_signature_tags(value);
    slot.name_length = name.size();
    if (has_nul) {
        slot.fixed = unevaluated_signature(slot.tags, AuthResult::permerror, "syntax error in signature: NUL byte");
    } else if (slot.tags.signed_header_entries > settings.max_signed_header_entries) {
        slot.fixed = unevaluated_signature(
            slot.tags, AuthResult::permerror,
            "h= lists too many header fields (" + std::to_string(slot.tags.signed_header_entries) + ")");
    } else if (slot.tags.selector.size() + slot.tags.domain.size() + 12 > max_key_name) {
        // libopendkim gives up on the whole message (DKIM_STAT_NORESOURCE) for this one.
        slot.fixed = unevaluated_signature(slot.tags, AuthResult::permerror, "syntax error in signature: key name too long");
    } else if (name.size() + 1 + value.size() > settings.max_signature_field_bytes) {
        slot.fixed = unevaluated_signature(slot.tags, AuthResult::permerror, "signature field too large");
    } else {
        slot.to_library = true;
        slot.field = fields.size();
        max_signed_entries = std::max(max_signed_entries, slot.tags.signed_header_entries);
        fields.push_back(std::string(name) + ":" + value);
        ++library_signatures;
    }
    slots.push_back(std::move(slot));
}

void MessageVerification::State::end_of_headers() {
    if (phase != Phase::headers) return;
    phase = Phase::body;
    if (library_signatures == 0 || dkim == nullptr) return;

    // libopendkim's header selection (dkim_canon_selecthdrs) writes one pointer past
    // its array when an h= list names more fields than the message has and every
    // field gets used. Fields no h= can select keep the count above any h= length.
    while (fields.size() <= max_signed_entries) fields.emplace_back(padding_field);

    for (auto& field : fields) {
        (void)dkim_header(dkim, reinterpret_cast<u_char*>(field.data()), field.size());
    }
    for (auto& slot : slots) {
        if (!slot.to_library) continue;
        std::string& field = fields[slot.field];
        const std::size_t value_at = slot.name_length + 1;
        const DKIM_STAT status =
            dkim_sig_syntax(dkim, reinterpret_cast<u_char*>(field.data() + value_at), field.size() - value_at);
        if (status != DKIM_STAT_OK) {
            const char* detail = dkim_geterror(dkim);
            slot.syntax_problem = detail != nullptr && detail[0] != '\0' ? detail : "malformed tag list";
        }
    }
    DKIM_STAT status = DKIM_STAT_OK;
    {
        KeyQueryScope scope(log);
        status = dkim_eoh(dkim);
    }
    if (status != DKIM_STAT_OK && status != DKIM_STAT_NOSIG) problem = library_problem("end of headers", status);
    fields.clear();
    fields.shrink_to_fit();
}

void MessageVerification::State::add_body(std::string_view chunk) {
    if (phase == Phase::headers) end_of_headers();
    if (phase != Phase::body || library_signatures == 0 || dkim == nullptr || chunk.empty()) return;
    scratch.clear();
    scratch.reserve(chunk.size() + chunk.size() / 16 + 2);
    for (const char c : chunk) {
        if (c == '\n' && last_body_byte != '\r') scratch.push_back('\r');
        scratch.push_back(c);
        last_body_byte = c;
    }
    (void)dkim_body(dkim, reinterpret_cast<u_char*>(scratch.data()), scratch.size());
}

core::DkimOutcome MessageVerification::State::finish() {
    if (outcome) return *outcome;
    end_of_headers();
    phase = Phase::done;

    DKIM_SIGINFO** list = nullptr;
    int count = 0;
    bool listed = false;
    if (library_signatures > 0 && dkim != nullptr) {
        bool test_key = false;
        DKIM_STAT status = DKIM_STAT_OK;
        {
            KeyQueryScope scope(log);
            status = dkim_eom(dkim, &test_key);
        }
        (void)status;  // per-signature states below say it all
        listed = dkim_getsiglist(dkim, &list, &count) == DKIM_STAT_OK && list != nullptr &&
                 static_cast<std::size_t>(count) == library_signatures;
        if (!listed && problem.empty()) problem = library_problem("end of message", status);
    } else if (library_signatures > 0) {
        problem = "libopendkim: cannot start verification";
    }

    core::DkimOutcome result;
    std::vector<std::string> full_b;
    std::size_t library_index = 0;
    for (const auto& slot : slots) {
        core::DkimSignatureOutcome one;
        if (slot.fixed) {
            one = *slot.fixed;
        } else if (!listed) {
            one = unevaluated_signature(slot.tags, AuthResult::temperror, "not evaluated: " + problem);
        } else {
            one = describe_signature(list[library_index], slot.tags, log, settings);
            if (!slot.syntax_problem.empty() && one.reason.rfind("syntax error in signature", 0) != 0) {
                one.result = AuthResult::permerror;
                one.reason = "syntax error in signature: " + slot.syntax_problem;
            }
        }
        if (slot.to_library) ++library_index;
        if (from_fields > 1 && (one.result == AuthResult::pass || one.result == AuthResult::fail)) {
            one.result = AuthResult::permerror;
            one.reason = "multiple From header fields (RFC 6376 section 8.15)";
        }
        result.signatures.push_back(std::move(one));
        full_b.push_back(slot.tags.signature);
    }
    assign_header_b(result.signatures, full_b);

    std::vector<std::string> notes;
    if (signature_fields > slots.size()) {
        notes.push_back(std::to_string(signature_fields) + " DKIM-Signature fields, only the first " +
                        std::to_string(slots.size()) + " evaluated");
    }
    if (dropped_fields > 0) {
        notes.push_back(std::to_string(dropped_fields) + " header fields beyond the limit of " +
                        std::to_string(settings.max_header_fields) + " not verified");
    }
    if (unusable_fields > 0) {
        notes.push_back(std::to_string(unusable_fields) + " malformed header fields (bad name or NUL byte) skipped");
    }
    if (late_fields > 0) notes.push_back(std::to_string(late_fields) + " header fields after end of headers ignored");
    if (!problem.empty() && listed) notes.push_back(problem);
    for (const auto& note : notes) {
        if (!result.reason.empty()) result.reason += "; ";
        result.reason += note;
    }
    outcome = result;
    if (dkim != nullptr) {
        dkim_free(dkim);
        dkim = nullptr;
    }
    return result;
}

MessageVerification::MessageVerification(const VerifierLibrary& library, const dns::Deadline& deadline)
    : state_(std::make_unique<State>(library, deadline)) {
    DKIM_STAT status = DKIM_STAT_OK;
    state_->dkim = dkim_verify(library.handle().lib, reinterpret_cast<const unsigned char*>("senderguard"), nullptr,
                               &status);
}

MessageVerification::~MessageVerification() = default;

void MessageVerification::add_header(std::string_view name, std::string_view raw_value) {
    try {
        state_->add_header(name, raw_value);
    } catch (...) {
        state_->problem = "internal error while reading headers";
        state_->phase = State::Phase::done;
    }
}

void MessageVerification::end_of_headers() {
    try {
        state_->end_of_headers();
    } catch (...) {
        state_->problem = "internal error at end of headers";
        state_->phase = State::Phase::done;
    }
}

void MessageVerification::add_body(std::string_view chunk) {
    try {
        state_->add_body(chunk);
    } catch (...) {
        state_->problem = "internal error while reading the body";
        state_->phase = State::Phase::done;
    }
}

core::DkimOutcome MessageVerification::finish() {
    try {
        return state_->finish();
    } catch (...) {
        core::DkimOutcome failed;
        failed.reason = "internal error in DKIM verification";
        return failed;
    }
}

}  // namespace sg::dkim

// signature_outcome - libopendkim signature state -> RFC 8601 result and reason.
#include "dkim/signature_outcome.hpp"

#include <algorithm>

namespace sg::dkim {
namespace {

using core::AuthResult;

std::string text_or(const unsigned char* text, const std::string& fallback) {
    return text != nullptr && text[0] != '\0' ? std::string(reinterpret_cast<const char*>(text)) : fallback;
}

std::string tag_value(DKIM_SIGINFO* sig, const char* tag, const std::string& fallback) {
    auto* value = dkim_sig_gettagvalue(sig, false, reinterpret_cast<u_char*>(const_cast<char*>(tag)));
    return value != nullptr ? strip_whitespace(reinterpret_cast<const char*>(value)) : fallback;
}

std::string error_text(int error) {
    const char* text = dkim_sig_geterrorstr(error);
    return text != nullptr ? text : "unknown error";
}

std::string key_name(const core::DkimSignatureOutcome& outcome) {
    return outcome.selector + "._domainkey." + outcome.domain;
}

void set(core::DkimSignatureOutcome& outcome, AuthResult result, std::string reason) {
    outcome.result = result;
    outcome.reason = std::move(reason);
}

// DKIM_SIGERROR_NOKEY / _KEYFAIL, told apart with what the resolver said.
void describe_key_lookup(core::DkimSignatureOutcome& outcome, int error, const KeyQueryLog& log) {
    const KeyQueryRecord* query = log.find(key_name(outcome));
    if (error == DKIM_SIGERROR_NOKEY) {
        if (query != nullptr && query->status == KeyQueryStatus::unusable) {
            set(outcome, AuthResult::permerror, query->reason);
        } else if (query != nullptr && !query->reason.empty()) {
            set(outcome, AuthResult::permerror, "no key: " + query->reason);
        } else {
            set(outcome, AuthResult::permerror, "no key");
        }
        return;
    }
    if (query == nullptr) {
        set(outcome, AuthResult::temperror, "key lookup failed");
    } else if (query->status == KeyQueryStatus::timed_out) {
        set(outcome, AuthResult::temperror, "DNS timeout: " + query->reason);
    } else if (query->status == KeyQueryStatus::unusable) {
        set(outcome, AuthResult::permerror, query->reason);
    } else {
        set(outcome, AuthResult::temperror, "DNS error: " + query->reason);
    }
}

}  // namespace

core::DkimSignatureOutcome unevaluated_signature(const SignatureTags& tags, AuthResult result, std::string reason) {
    core::DkimSignatureOutcome outcome;
    outcome.result = result;
    outcome.domain = tags.domain;
    outcome.selector = tags.selector;
    outcome.algorithm = tags.algorithm;
    outcome.identity = !tags.identity.empty() ? tags.identity : (tags.domain.empty() ? "" : "@" + tags.domain);
    outcome.reason = std::move(reason);
    return outcome;
}

core::DkimSignatureOutcome describe_signature(DKIM_SIGINFO* sig, const SignatureTags& tags,
                                              const KeyQueryLog& log, const VerifierSettings& settings) {
    core::DkimSignatureOutcome outcome = unevaluated_signature(tags, AuthResult::none, "");
    outcome.domain = text_or(dkim_sig_getdomain(sig), outcome.domain);
    outcome.selector = text_or(dkim_sig_getselector(sig), outcome.selector);
    outcome.algorithm = tag_value(sig, "a", outcome.algorithm);
    outcome.identity = tag_value(sig, "i", outcome.identity);
    unsigned int bits = 0;
    if (dkim_sig_getkeysize(sig, &bits) == DKIM_STAT_OK) outcome.key_bits = bits;

    const unsigned int flags = dkim_sig_getflags(sig);
    const int error = dkim_sig_geterror(sig);
    const int body_hash = dkim_sig_getbh(sig);
    const bool verified = (flags & DKIM_SIGFLAG_PASSED) != 0;

    if ((flags & DKIM_SIGFLAG_IGNORE) != 0) {
        set(outcome, AuthResult::neutral, "not evaluated");
        return outcome;
    }
    switch (error) {
        case DKIM_SIGERROR_OK:
        case DKIM_SIGERROR_UNKNOWN:
            if (verified && body_hash == DKIM_SIGBH_MATCH) {
                set(outcome, AuthResult::pass, "");
            } else if (body_hash == DKIM_SIGBH_MISMATCH) {
                set(outcome, AuthResult::fail, "body hash mismatch");
            } else if ((flags & DKIM_SIGFLAG_PROCESSED) == 0) {
                set(outcome, AuthResult::temperror, "not evaluated");
            } else {
                set(outcome, AuthResult::fail, "signature did not verify");
            }
            break;
        case DKIM_SIGERROR_BADSIG:
            set(outcome, AuthResult::fail,
                body_hash == DKIM_SIGBH_MISMATCH ? "body hash mismatch" : "signature did not verify");
            break;
        case DKIM_SIGERROR_KEYREVOKED:
            set(outcome, AuthResult::fail, "key revoked");
            break;
        case DKIM_SIGERROR_TOOLARGE_L:
            set(outcome, AuthResult::fail, "body shorter than l=");
            break;
        case DKIM_SIGERROR_NOKEY:
        case DKIM_SIGERROR_KEYFAIL:
            describe_key_lookup(outcome, error, log);
            break;
        case DKIM_SIGERROR_KEYTOOSMALL:
            set(outcome, AuthResult::permerror, "key too small (" + std::to_string(outcome.key_bits) + " bits)");
            break;
        case DKIM_SIGERROR_EXPIRED:
            set(outcome, AuthResult::permerror, "expired");
            break;
        case DKIM_SIGERROR_FUTURE:
            set(outcome, AuthResult::permerror, "signature timestamp in the future");
            break;
        case DKIM_SIGERROR_MULTIREPLY:
            set(outcome, AuthResult::permerror, "multiple key records");
            break;
        case DKIM_SIGERROR_SUBDOMAIN:
            set(outcome, AuthResult::permerror, "key t=s forbids an i= subdomain of d=");
            break;
        case DKIM_SIGERROR_DNSSYNTAX:
        case DKIM_SIGERROR_KEYVERSION:
        case DKIM_SIGERROR_KEYUNKNOWNHASH:
        case DKIM_SIGERROR_KEYHASHMISMATCH:
        case DKIM_SIGERROR_NOTEMAILKEY:
        case DKIM_SIGERROR_KEYTYPEMISSING:
        case DKIM_SIGERROR_KEYTYPEUNKNOWN:
        case DKIM_SIGERROR_KEYDECODE:
            set(outcome, AuthResult::permerror, "unusable key record: " + error_text(error));
            break;
        default:
            set(outcome, AuthResult::permerror, "syntax error in signature: " + error_text(error));
            break;
    }

    const bool ed25519 = outcome.algorithm.rfind("ed25519", 0) == 0;
    // libopendkim leaves the size of Ed25519 keys (always 256 bits) at 0.
    if (ed25519 && outcome.key_bits == 0 && (flags & DKIM_SIGFLAG_PROCESSED) != 0 &&
        (outcome.result == AuthResult::pass || outcome.result == AuthResult::fail)) {
        outcome.key_bits = 256;
    }
    if (outcome.result == AuthResult::pass) {
        if (!ed25519 && outcome.key_bits < settings.min_key_bits) {
            set(outcome, AuthResult::permerror, "key too small (" + std::to_string(outcome.key_bits) + " bits)");
        } else if (settings.reject_sha1 && outcome.algorithm == "rsa-sha1") {
            set(outcome, AuthResult::policy, "rsa-sha1 not accepted (RFC 8301)");
        } else if ((flags & DKIM_SIGFLAG_TESTKEY) != 0) {
            outcome.reason = "key in test mode (t=y)";
        }
    }
    return outcome;
}

void assign_header_b(std::vector<core::DkimSignatureOutcome>& signatures, const std::vector<std::string>& full_b) {
    constexpr std::size_t minimum = 8;
    for (std::size_t index = 0; index < signatures.size() && index < full_b.size(); ++index) {
        const std::string& mine = full_b[index];
        std::size_t length = std::min(minimum, mine.size());
        for (std::size_t other = 0; other < full_b.size(); ++other) {
            if (other == index || full_b[other] == mine) continue;
            const std::string& theirs = full_b[other];
            std::size_t common = 0;
            while (common < mine.size() && common < theirs.size() && mine[common] == theirs[common]) ++common;
            length = std::max(length, std::min(common + 1, mine.size()));
        }
        signatures[index].header_b = mine.substr(0, length);
    }
}

}  // namespace sg::dkim

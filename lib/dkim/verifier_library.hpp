// verifier_library - the process-wide DKIM verifier (RFC 6376, RFC 8301, RFC 8463):
// one libopendkim DKIM_LIB, configured once at construction and then shared by
// every thread, with key lookups served by the project's dns::Resolver. Each message
// gets its own MessageVerification from begin().
//
// Policy it applies on top of libopendkim: RSA keys below min_key_bits are a
// permerror ("key too small", RFC 8301); rsa-sha1 signatures that verify are
// reported as `policy` ("rsa-sha1 not accepted (RFC 8301)") unless reject_sha1 is
// off; only the first max_signatures DKIM-Signature fields of a message are
// evaluated, so hostile mail cannot buy unbounded DNS lookups and hashing.
// Construction failure (libopendkim cannot start) throws std::runtime_error: a
// startup error. Nothing else throws.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>

#include "dns/resolver.hpp"

namespace sg::dkim {

class MessageVerification;

struct VerifierSettings {
    unsigned min_key_bits = 1024;  // RFC 8301; Ed25519 keys are exempt (fixed size)
    std::chrono::milliseconds query_timeout{5000};  // per key lookup (message deadline applies too)
    bool reject_sha1 = true;        // RFC 8301: rsa-sha1 MUST NOT be considered valid
    std::size_t max_signatures = 8;           // DKIM-Signature fields evaluated per message
    std::size_t max_header_fields = 1000;     // header fields given to libopendkim per message
    std::size_t max_signature_field_bytes = 16 * 1024;  // larger DKIM-Signature fields: permerror
    std::size_t max_signed_header_entries = 256;        // longer h= lists: permerror
};

class VerifierLibrary {
public:
    // `resolver` must outlive the library.
    VerifierLibrary(dns::Resolver& resolver, VerifierSettings settings);
    ~VerifierLibrary();
    VerifierLibrary(const VerifierLibrary&) = delete;
    VerifierLibrary& operator=(const VerifierLibrary&) = delete;

    // A verification for one message; key lookups stop at `deadline`. Thread-safe.
    std::unique_ptr<MessageVerification> begin(const dns::Deadline& deadline) const;

    const VerifierSettings& settings() const { return settings_; }

    struct Handle;  // libopendkim state (private to lib/dkim)
    const Handle& handle() const { return *handle_; }

private:
    VerifierSettings settings_;
    std::unique_ptr<Handle> handle_;
};

}  // namespace sg::dkim

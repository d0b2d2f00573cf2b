// verifier_library - DKIM_LIB setup: options once, DNS hooks, then read-only.
#include "dkim/verifier_library.hpp"

#include <algorithm>
#include <stdexcept>

#include "dkim/message_verification.hpp"
#include "dkim/verifier_handle.hpp"

namespace sg::dkim {
namespace {

void set_option(DKIM_LIB* lib, dkim_opts_t option, void* value, std::size_t size, const char* what) {
    if (dkim_options(lib, DKIM_OP_SETOPT, option, value, size) != DKIM_STAT_OK) {
        throw std::runtime_error(std::string("libopendkim: cannot set ") + what);
    }
}

}  // namespace

VerifierLibrary::VerifierLibrary(dns::Resolver& resolver, VerifierSettings settings)
    : settings_(settings), handle_(std::make_unique<Handle>(resolver, settings.query_timeout)) {
    settings_.max_signatures = std::max<std::size_t>(settings_.max_signatures, 1);
    handle_->lib = dkim_init(nullptr, nullptr);
    if (handle_->lib == nullptr) throw std::runtime_error("libopendkim: dkim_init failed");
    try {
        DKIM_LIB* lib = handle_->lib;
        // Per-signature handles even for signatures with syntax errors, so each
        // DKIM-Signature field gets its own result.
        unsigned int flags = DKIM_LIBFLAGS_BADSIGHANDLES;
        set_option(lib, DKIM_OPTS_FLAGS, &flags, sizeof flags, "flags");
        unsigned int min_bits = settings_.min_key_bits;
        set_option(lib, DKIM_OPTS_MINKEYBITS, &min_bits, sizeof min_bits, "minimum key bits");
        const auto seconds = std::chrono::ceil<std::chrono::seconds>(settings_.query_timeout).count();
        unsigned int timeout = static_cast<unsigned int>(std::clamp<long long>(seconds, 1, 3600));
        set_option(lib, DKIM_OPTS_TIMEOUT, &timeout, sizeof timeout, "timeout");
        handle_->queries.install(lib);
    } catch (...) {
        dkim_close(handle_->lib);
        throw;
    }
}

VerifierLibrary::~VerifierLibrary() {
    if (handle_ && handle_->lib != nullptr) dkim_close(handle_->lib);
}

std::unique_ptr<MessageVerification> VerifierLibrary::begin(const dns::Deadline& deadline) const {
    return std::unique_ptr<MessageVerification>(new MessageVerification(*this, deadline));
}

}  // namespace sg::dkim

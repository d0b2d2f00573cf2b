// message_authentication - per-message deadline and streaming DKIM verification.
#include "message_authentication.hpp"

#include "config/services.hpp"
#include "dkim/verifier_library.hpp"

namespace sg::milter {

void MessageAuthentication::start(const config::Config& config) {
    if (deadline_) return;
    deadline_ = dns::Deadline::after(config.dns.message_budget);
    if (config.services && config.services->dkim) verification_ = config.services->dkim->begin(*deadline_);
}

void MessageAuthentication::add_header(std::string_view name, std::string_view raw_value) {
    if (verification_) verification_->add_header(name, raw_value);
}

void MessageAuthentication::end_of_headers() {
    if (verification_) verification_->end_of_headers();
}

void MessageAuthentication::add_body(std::span<const unsigned char> chunk) {
    if (verification_)
        verification_->add_body(std::string_view(reinterpret_cast<const char*>(chunk.data()), chunk.size()));
}

MessageAuthentication::Result MessageAuthentication::finish(const config::Config& config) {
    start(config);
    core::DkimOutcome dkim;
    if (verification_) {
        dkim = verification_->finish();
        verification_.reset();
    }
    return Result{std::move(dkim), *deadline_};
}

}  // namespace sg::milter

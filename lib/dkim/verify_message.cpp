// verify_message - raw message -> header fields + body -> MessageVerification.
#include "dkim/verify_message.hpp"

#include "dkim/message_text.hpp"
#include "dkim/message_verification.hpp"

namespace sg::dkim {

core::DkimOutcome verify_message(const VerifierLibrary& library, std::string_view raw_message,
                                 const dns::Deadline& deadline) {
    try {
        const SplitMessage message = split_message(raw_message);
        auto verification = library.begin(deadline);
        for (const auto& field : message.headers) verification->add_header(field.name, field.value);
        verification->end_of_headers();
        // Bounded chunks, as the milter would deliver them.
        constexpr std::size_t chunk = 64 * 1024;
        for (std::size_t at = 0; at < message.body.size(); at += chunk) {
            verification->add_body(message.body.substr(at, chunk));
        }
        return verification->finish();
    } catch (...) {
        core::DkimOutcome failed;
        failed.reason = "internal error in DKIM verification";
        return failed;
    }
}

}  // namespace sg::dkim

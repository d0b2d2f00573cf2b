// message_authentication - the part of a message's authentication done while it
// streams in: the message's DNS deadline (dns.message_budget) and, when DKIM
// verification is configured (config.services->dkim; absent with
// authentication.enabled = false), a dkim::MessageVerification fed every header with
// its raw value, the end of the headers and each body chunk. finish() hands
// engine::evaluate the DKIM outcome and the same deadline, so DKIM key lookups, SPF
// and DMARC share one budget per message.
//
// The clock starts with the first piece of content (header, end of headers or body
// chunk; at the latest at finish). Postfix and Sendmail send the content only after
// the client has sent all of it, so the client's upload time never counts.
// No body byte is kept: chunks go to the verifier and are gone.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string_view>

#include "config/config.hpp"
#include "core/authentication.hpp"
#include "dkim/message_verification.hpp"
#include "dns/resolver.hpp"

namespace sg::milter {

class MessageAuthentication {
public:
    struct Result {
        core::DkimOutcome dkim;  // empty when DKIM is not configured
        dns::Deadline deadline;
    };

    // Starts the deadline and the verifier; later calls do nothing.
    void start(const config::Config& config);
    bool started() const { return deadline_.has_value(); }

    // `raw_value`: exactly what followed the colon, leading whitespace included.
    void add_header(std::string_view name, std::string_view raw_value);
    void end_of_headers();
    void add_body(std::span<const unsigned char> chunk);
    // Starts first if nothing came; ends the verification.
    Result finish(const config::Config& config);

private:
    std::optional<dns::Deadline> deadline_;
    std::unique_ptr<dkim::MessageVerification> verification_;
};

}  // namespace sg::milter

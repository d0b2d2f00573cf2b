// authenticate - SPF, DKIM and DMARC results for one message, computed once before
// the checks run. SPF and DMARC judge mail arriving from outside: an authenticated
// submission, or an unauthenticated client in identity.trusted_networks, is not
// evaluated (the result says why). DKIM comes from the streaming verifier the
// caller fed with the message bytes.
#pragma once

#include "config/config.hpp"
#include "core/authentication.hpp"
#include "core/transaction.hpp"
#include "dns/resolver.hpp"
#include "mail/message_identities.hpp"

namespace sg::engine {

core::Authentication authenticate(const core::Transaction& transaction, const mail::MessageIdentities& identities,
                                  const config::Config& config, core::DkimOutcome dkim, const dns::Deadline& deadline);

}  // namespace sg::engine

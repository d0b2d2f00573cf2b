// verifier_handle - what a VerifierLibrary holds of libopendkim: the DKIM_LIB and
// the key-query service its DNS hooks point at. Private to lib/dkim.
#pragma once

#include "dkim/key_query_service.hpp"
#include "dkim/opendkim_api.hpp"
#include "dkim/verifier_library.hpp"

namespace sg::dkim {

struct VerifierLibrary::Handle {
    Handle(dns::Resolver& resolver, std::chrono::milliseconds query_timeout)
        : queries(resolver, query_timeout) {}
    KeyQueryService queries;
    DKIM_LIB* lib = nullptr;
};

}  // namespace sg::dkim

// spf_dns_layer - libspf2's DNS layer (SPF_dns_server_t) over the project's
// dns::Resolver. lookup answers A/AAAA/MX/PTR from the resolver (type SPF is
// never queried: RFC 7208 3.1), counts DNS mechanisms, void lookups and the
// query budget, and enforces the per-message deadline; get_spf fetches and
// guards each SPF record before compiling it; get_exp guards explanation text.
// Every answer is a real record set with an h_errno (never NULL: libspf2 would
// abort). Per-request state comes from spf_request_state's thread_local.
#pragma once

#include "spf/libspf2.hpp"

#include <memory>

namespace sg::spf {

class SpfDnsLayer {
public:
    SpfDnsLayer();
    ~SpfDnsLayer();
    SpfDnsLayer(const SpfDnsLayer&) = delete;
    SpfDnsLayer& operator=(const SpfDnsLayer&) = delete;

    // Handed to SPF_server_new_dns, which does not take ownership: this
    // object must outlive the SPF_server_t.
    SPF_dns_server_t* server() { return server_.get(); }

private:
    std::unique_ptr<SPF_dns_server_t> server_;
};

}  // namespace sg::spf

// unbound_context - creates and configures the one libunbound context a
// resolver shares: threaded async mode first, then local zones and data,
// forwarders or resolv.conf, hosts, trust anchor - all before the first query.
// Local zones go in as "local-zone:"/"local-data:" options, not through
// ub_ctx_zone_add: in libunbound 1.17, zones added that way (a "." static zone
// with a "refuse" zone below it) stopped applying - unknown names went to the
// network and came back SERVFAIL after ~20 s - while the options work.
#pragma once

#include <memory>

#include "dns/local_data.hpp"

struct ub_ctx;

namespace sg::dns {

struct ResolverSettings;

struct UnboundContextDeleter {
    void operator()(ub_ctx* ctx) const;
};
using UnboundContext = std::unique_ptr<ub_ctx, UnboundContextDeleter>;

// Throws std::runtime_error naming the setting that libunbound refused.
UnboundContext make_unbound_context(const ResolverSettings& settings, const LocalData* local_data);

}  // namespace sg::dns

// unbound_context - libunbound context set-up (see unbound_context.hpp).
#include "dns/unbound_context.hpp"

#include <unbound.h>

#include <fstream>
#include <stdexcept>

#include "dns/unbound_resolver.hpp"
#include "dns/unbound_result.hpp"

namespace sg::dns {
namespace {

void check(int rc, const std::string& what) {
    if (rc != 0) throw std::runtime_error("DNS resolver: " + what + ": " + unbound_error_text(rc));
}

std::string absolute(const std::string& name) { return name.empty() ? "." : name + "."; }

void add_local_data(ub_ctx* ctx, const LocalData& data, bool hermetic) {
    if (hermetic) check(ub_ctx_set_option(ctx, "local-zone:", ". static"), "local zone .");
    for (const auto& failure : data.failures) {
        if (failure.kind != Failure::refused) continue;
        const auto zone = absolute(failure.name) + " refuse";
        check(ub_ctx_set_option(ctx, "local-zone:", zone.c_str()), "local zone " + zone);
    }
    for (const auto& record : data.records) {
        const auto line = record.zone_line();
        check(ub_ctx_set_option(ctx, "local-data:", line.c_str()), "local data " + line);
    }
}

}  // namespace

void UnboundContextDeleter::operator()(ub_ctx* ctx) const { ub_ctx_delete(ctx); }

UnboundContext make_unbound_context(const ResolverSettings& settings, const LocalData* local_data) {
    UnboundContext ctx(ub_ctx_create());
    if (!ctx) throw std::runtime_error("DNS resolver: cannot create a libunbound context");
    check(ub_ctx_async(ctx.get(), 1), "threaded mode");

    const bool hermetic = local_data && settings.forwarders.empty();
    if (local_data) add_local_data(ctx.get(), *local_data, hermetic);

    for (const auto& forwarder : settings.forwarders)
        check(ub_ctx_set_fwd(ctx.get(), forwarder.c_str()), "forwarder '" + forwarder + "'");
    if (settings.forwarders.empty() && !hermetic)
        check(ub_ctx_resolvconf(ctx.get(), nullptr), "reading /etc/resolv.conf");
    if (settings.use_hosts) check(ub_ctx_hosts(ctx.get(), nullptr), "reading /etc/hosts");

    if (!settings.trust_anchor_file.empty()) {
        if (!std::ifstream(settings.trust_anchor_file))
            throw std::runtime_error("DNS resolver: cannot read trust anchor file " + settings.trust_anchor_file);
        check(ub_ctx_add_ta_file(ctx.get(), settings.trust_anchor_file.c_str()),
              "trust anchor file " + settings.trust_anchor_file);
    }
    return ctx;
}

}  // namespace sg::dns

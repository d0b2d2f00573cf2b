// spf_verifier - one shared SPF_server_t, a request and response per check.
#include "spf/spf_verifier.hpp"

#include "spf/libspf2.hpp"
#include "spf/spf_dns_layer.hpp"
#include "spf/spf_record_guard.hpp"
#include "spf/spf_result_map.hpp"

#include <arpa/inet.h>

#include <cstring>
#include <mutex>
#include <stdexcept>

namespace sg::spf {

namespace {

// libspf2 prints warnings and info to stdout/stderr by default; a daemon must
// not. Its error handler stays: it only fires on internal invariants (and our
// layer never returns NULL, which would be one).
void silence_libspf2_messages() {
    static std::once_flag once;
    std::call_once(once, [] {
        SPF_warning_handler = nullptr;
        SPF_info_handler = nullptr;
        SPF_debug_handler = nullptr;
    });
}

struct RequestDeleter {
    void operator()(SPF_request_t* request) const { SPF_request_free(request); }
};
struct ResponseDeleter {
    void operator()(SPF_response_t* response) const { SPF_response_free(response); }
};

std::string domain_of(const std::string& mail_from, const std::string& helo) {
    if (mail_from.empty()) return helo;
    const auto at = mail_from.rfind('@');
    return at == std::string::npos ? mail_from : mail_from.substr(at + 1);
}

}  // namespace

struct SpfVerifier::Engine {
    SpfDnsLayer layer;
    SPF_server_t* server = nullptr;

    ~Engine() {
        if (server != nullptr) SPF_server_free(server);  // the layer is ours, freed after
    }
};

SpfVerifier::SpfVerifier(dns::Resolver& resolver, SpfSettings settings)
    : resolver_(resolver), settings_(std::move(settings)), engine_(std::make_unique<Engine>()) {
    silence_libspf2_messages();
    engine_->server = SPF_server_new_dns(engine_->layer.server(), 0);
    if (engine_->server == nullptr) throw std::runtime_error("libspf2: cannot create an SPF server");
    if (SPF_server_set_rec_dom(engine_->server, settings_.receiver.c_str()) != SPF_E_SUCCESS)
        throw std::runtime_error("libspf2: cannot set the receiving domain");
    if (!settings_.explanation.empty()) {
        const GuardVerdict verdict = guard_explanation(settings_.explanation);
        if (!verdict.accepted) throw std::runtime_error("SPF explanation rejected: " + verdict.why);
        SPF_response_t* response = nullptr;
        const SPF_errcode_t err =
            SPF_server_set_explanation(engine_->server, settings_.explanation.c_str(), &response);
        if (response != nullptr) SPF_response_free(response);
        if (err != SPF_E_SUCCESS)
            throw std::runtime_error(std::string("libspf2: bad SPF explanation: ") + SPF_strerror(err));
    }
    SPF_server_set_max_dns_mech(engine_->server, settings_.limits.max_dns_mechanisms);
    SPF_server_set_max_dns_mx(engine_->server, settings_.limits.max_mx_hosts);
    SPF_server_set_max_dns_ptr(engine_->server, 10);  // RFC 7208 4.6.4: at most 10 PTR names
}

SpfVerifier::~SpfVerifier() = default;

core::SpfOutcome SpfVerifier::check(const std::string& client_ip, const std::string& helo,
                                    const std::string& mail_from, const dns::Deadline& deadline) const {
    return check_with_explanation(client_ip, helo, mail_from, deadline).outcome;
}

SpfReport SpfVerifier::check_with_explanation(const std::string& client_ip, const std::string& helo,
                                              const std::string& mail_from,
                                              const dns::Deadline& deadline) const {
    SpfReport report;
    core::SpfOutcome& out = report.outcome;
    out.identity = mail_from.empty() ? "helo" : "mailfrom";
    out.domain = domain_of(mail_from, helo);
    out.client_ip = client_ip;
    if (out.domain.empty()) {
        out.result = core::AuthResult::none;
        out.reason = "no identity to check (null sender and no HELO)";
        return report;
    }

    std::unique_ptr<SPF_request_t, RequestDeleter> request(SPF_request_new(engine_->server));
    if (!request) {
        out.result = core::AuthResult::temperror;
        out.reason = "out of memory";
        return report;
    }
    in_addr v4{};
    in6_addr v6{};
    SPF_errcode_t err = SPF_E_INVALID_IP4;
    if (inet_pton(AF_INET, client_ip.c_str(), &v4) == 1) err = SPF_request_set_ipv4(request.get(), v4);
    else if (inet_pton(AF_INET6, client_ip.c_str(), &v6) == 1) {
        // RFC 7208 5: an IPv4-mapped IPv6 client is evaluated as IPv4.
        if (IN6_IS_ADDR_V4MAPPED(&v6)) {
            std::memcpy(&v4, &v6.s6_addr[12], sizeof v4);
            err = SPF_request_set_ipv4(request.get(), v4);
        } else {
            err = SPF_request_set_ipv6(request.get(), v6);
        }
    }
    if (err != SPF_E_SUCCESS) {
        out.result = core::AuthResult::none;
        out.reason = "client address '" + client_ip.substr(0, 64) + "' is not an IP address";
        return report;
    }
    if (!helo.empty()) SPF_request_set_helo_dom(request.get(), helo.c_str());
    // The null sender checks postmaster@helo (RFC 7208 2.4): libspf2 builds it.
    if (SPF_request_set_env_from(request.get(), mail_from.c_str()) != 0) {
        out.result = core::AuthResult::temperror;
        out.reason = "out of memory";
        return report;
    }

    RequestState state(resolver_, deadline, settings_.limits);
    state.request = request.get();
    SPF_response_t* raw_response = nullptr;
    {
        // libspf2 evaluates synchronously on this thread: every DNS hook call
        // for this request happens inside this scope (see spf_request_state).
        RequestScope scope(state);
        SPF_request_query_mailfrom(request.get(), &raw_response);
    }
    std::unique_ptr<SPF_response_t, ResponseDeleter> response(raw_response);

    const SPF_result_t raw = response ? SPF_response_result(response.get()) : SPF_RESULT_INVALID;
    out.result = map_result(raw, state);
    out.reason = describe(response.get(), state, out.result);
    out.record = state.top_record;
    if (response && (out.result == core::AuthResult::fail || out.result == core::AuthResult::softfail ||
                     out.result == core::AuthResult::neutral)) {
        const char* explanation = SPF_response_get_explanation(response.get());
        if (explanation != nullptr) report.explanation = explanation;
    }
    return report;
}

}  // namespace sg::spf

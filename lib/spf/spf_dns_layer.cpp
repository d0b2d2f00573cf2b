// spf_dns_layer - the hooks libspf2 calls for DNS, records and explanations.
#include "spf/spf_dns_layer.hpp"

#include "spf/spf_dns_query.hpp"
#include "spf/spf_record_guard.hpp"
#include "spf/spf_record_rewrite.hpp"
#include "spf/spf_request_state.hpp"

#include <arpa/inet.h>

#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace sg::spf {

namespace {

constexpr std::size_t max_ptr_names = 10;

SPF_dns_rr_t* empty_answer(SPF_dns_server_t* server, const char* domain, ns_type type, int herrno) {
    return SPF_dns_rr_new_init(server, domain, type, 0, herrno);
}

bool add_rr(SPF_dns_rr_t* rr, const void* data, std::size_t len) {
    const int index = rr->num_rr;
    if (SPF_dns_rr_buf_realloc(rr, index, len) != SPF_E_SUCCESS) return false;
    std::memcpy(rr->rr[index], data, len);
    rr->num_rr = index + 1;
    return true;
}

bool add_name(SPF_dns_rr_t* rr, const std::string& name) { return add_rr(rr, name.c_str(), name.size() + 1); }

// Builds the record set libspf2 reads; a set with no usable record is NO_DATA.
SPF_dns_rr_t* build_answer(SPF_dns_server_t* server, const char* domain, ns_type type,
                           const dns::Answer& answer) {
    SPF_dns_rr_t* rr = SPF_dns_rr_new_init(server, domain, type, static_cast<int>(answer.ttl), NETDB_SUCCESS);
    if (rr == nullptr) return rr;
    switch (type) {
        case ns_t_a:
            for (const auto& text : answer.records) {
                in_addr address{};
                if (inet_pton(AF_INET, text.c_str(), &address) == 1) add_rr(rr, &address, sizeof address);
            }
            break;
        case ns_t_aaaa:
            for (const auto& text : answer.records) {
                in6_addr address{};
                if (inet_pton(AF_INET6, text.c_str(), &address) == 1) add_rr(rr, &address, sizeof address);
            }
            break;
        case ns_t_mx:
            for (const auto& mx : answer.mx) add_name(rr, mx.exchange);
            break;
        case ns_t_ptr:
            // RFC 7208 4.6.4: only the first 10 PTR names are used (libspf2
            // would turn more into permerror).
            for (std::size_t i = 0; i < answer.records.size() && i < max_ptr_names; ++i)
                add_name(rr, answer.records[i]);
            break;
        case ns_t_txt:
            for (const auto& text : answer.records) {
                // Defence in depth: libspf2 reads TXT only through get_spf and
                // get_exp below, but never hand it an unguarded record.
                if (is_spf_record(text) ? guard_spf_record(text).accepted : guard_explanation(text).accepted)
                    add_name(rr, text);
            }
            break;
        default:
            break;
    }
    if (rr->num_rr == 0) rr->herrno = NO_DATA;
    return rr;
}

std::optional<dns::RecordType> record_type(ns_type type) {
    switch (type) {
        case ns_t_a: return dns::RecordType::a;
        case ns_t_aaaa: return dns::RecordType::aaaa;
        case ns_t_mx: return dns::RecordType::mx;
        case ns_t_ptr: return dns::RecordType::ptr;
        case ns_t_txt: return dns::RecordType::txt;
        default: return std::nullopt;
    }
}

// Is this lookup a DNS mechanism of its own (RFC 7208 4.6.4), or an address
// lookup for an MX or PTR target of the mechanism before it?
bool counts_as_mechanism(RequestState& state, ns_type type, const std::string& name) {
    if (type == ns_t_a || type == ns_t_aaaa) {
        const auto pending = state.pending_hosts.find(name);
        if (pending != state.pending_hosts.end()) {
            state.pending_hosts.erase(pending);
            return false;
        }
        return true;
    }
    state.pending_hosts.clear();
    return type == ns_t_mx || type == ns_t_ptr;
}

SPF_dns_rr_t* lookup(SPF_dns_server_t* server, const char* domain, ns_type type, int /*should_cache*/) {
    RequestState* state = current_request_state();
    const auto wanted = record_type(type);
    if (state == nullptr || domain == nullptr) return empty_answer(server, domain, type, TRY_AGAIN);
    if (!wanted) return empty_answer(server, domain, type, NO_DATA);  // type SPF (99): RFC 7208 3.1
    if (state->stopped()) return empty_answer(server, domain, type, TRY_AGAIN);

    const std::string name = normalized_name(domain);
    const bool mechanism = type != ns_t_txt && counts_as_mechanism(*state, type, name);
    if (mechanism && ++state->dns_mechanisms > state->limits.max_dns_mechanisms) {
        state->stop_with(StopCause::mechanism_limit,
                         "more than " + std::to_string(state->limits.max_dns_mechanisms) +
                             " DNS mechanisms (RFC 7208 4.6.4)");
        return empty_answer(server, domain, type, TRY_AGAIN);
    }

    const dns::Answer answer = query(*state, name, *wanted);
    switch (answer.status) {
        case dns::Status::ok:
            break;
        case dns::Status::temporary:
            return empty_answer(server, domain, type, TRY_AGAIN);  // query() recorded why
        case dns::Status::nx_domain:
        case dns::Status::no_data:
        case dns::Status::permanent:
            if (mechanism && ++state->void_lookups > state->limits.max_void_lookups) {
                state->stop_with(StopCause::void_limit, "void lookup limit exceeded (" + name + ")");
                return empty_answer(server, domain, type, TRY_AGAIN);
            }
            return empty_answer(server, domain, type,
                                answer.status == dns::Status::no_data ? NO_DATA : HOST_NOT_FOUND);
    }

    if (type == ns_t_mx && static_cast<int>(answer.mx.size()) > state->limits.max_mx_hosts) {
        state->stop_with(StopCause::mx_limit, "more than " + std::to_string(state->limits.max_mx_hosts) +
                                                  " MX records for " + name + " (RFC 7208 4.6.4)");
        return empty_answer(server, domain, type, TRY_AGAIN);
    }
    SPF_dns_rr_t* rr = build_answer(server, domain, type, answer);
    if (rr != nullptr && rr->herrno == NO_DATA && mechanism &&
        ++state->void_lookups > state->limits.max_void_lookups) {
        state->stop_with(StopCause::void_limit, "void lookup limit exceeded (" + name + ")");
        rr->herrno = TRY_AGAIN;
    }
    if (rr != nullptr && (type == ns_t_mx || type == ns_t_ptr)) {
        for (int i = 0; i < rr->num_rr; ++i) state->pending_hosts.insert(normalized_name(rr->rr[i]->ptr));
    }
    return rr;
}

SPF_errcode_t record_error(SPF_response_t* response, SPF_result_t result, SPF_errcode_t code,
                           const std::string& message) {
    response->result = result;
    response->reason = SPF_REASON_FAILURE;
    return SPF_response_add_error(response, code, "%s", message.c_str());
}

SPF_errcode_t get_spf(SPF_server_t* server, SPF_request_t* request, SPF_response_t* response,
                      SPF_record_t** recordp) {
    *recordp = nullptr;
    RequestState* state = current_request_state();
    if (state == nullptr || request->cur_dom == nullptr)
        return record_error(response, SPF_RESULT_TEMPERROR, SPF_E_DNS_ERROR, "no SPF request in progress");
    const std::string domain = normalized_name(request->cur_dom);

    // Every record after the first comes from include: or redirect=.
    if (++state->record_fetches > 1) {
        state->pending_hosts.clear();
        if (++state->dns_mechanisms > state->limits.max_dns_mechanisms) {
            state->stop_with(StopCause::mechanism_limit,
                             "more than " + std::to_string(state->limits.max_dns_mechanisms) +
                                 " DNS mechanisms (RFC 7208 4.6.4)");
            return record_error(response, SPF_RESULT_PERMERROR, SPF_E_BIG_DNS, state->stop_reason);
        }
    }
    if (state->stopped()) return record_error(response, SPF_RESULT_TEMPERROR, SPF_E_DNS_ERROR, state->stop_reason);

    const dns::Answer answer = query(*state, domain, dns::RecordType::txt);
    if (answer.status == dns::Status::temporary)
        return record_error(response, SPF_RESULT_TEMPERROR, SPF_E_DNS_ERROR, state->stop_reason);
    std::vector<const std::string*> found;
    if (answer.status == dns::Status::ok)
        for (const auto& text : answer.records)
            if (is_spf_record(text)) found.push_back(&text);
    if (found.empty())
        return record_error(response, SPF_RESULT_NONE, SPF_E_NOT_SPF, "no SPF record for " + domain);
    if (found.size() > 1)
        return record_error(response, SPF_RESULT_PERMERROR, SPF_E_MULTIPLE_RECORDS,
                            "multiple SPF records for " + domain);

    const std::string& text = *found.front();
    if (state->record_fetches == 1) {
        state->top_record = text.substr(0, 512);
        state->response = response;  // the top response lives through the whole check
    }
    const GuardVerdict verdict = guard_spf_record(text);
    if (!verdict.accepted) {
        state->stop_with(StopCause::guard_rejected, "SPF record rejected by guard: " + verdict.why +
                                                        " (" + domain + ")");
        return record_error(response, SPF_RESULT_PERMERROR, SPF_E_SYNTAX, state->stop_reason);
    }
    const std::string rewritten = rewrite_for_libspf2(text, request->client_ver == AF_INET6);
    const SPF_errcode_t err = SPF_record_compile(server, response, recordp, rewritten.c_str());
    if (err != SPF_E_SUCCESS) {
        if (*recordp != nullptr) SPF_record_free(*recordp);
        *recordp = nullptr;
        return record_error(response, SPF_RESULT_PERMERROR, SPF_E_NOT_SPF,
                            std::string("SPF record for ") + domain + " failed to compile: " + SPF_strerror(err));
    }
    return SPF_E_SUCCESS;
}

SPF_errcode_t expand_macro(SPF_server_t* server, RequestState& state, SPF_macro_t* macro, char** bufp,
                           std::size_t* buflenp) {
    auto* data = reinterpret_cast<SPF_data_t*>(reinterpret_cast<char*>(macro) + sizeof(SPF_macro_t));
    return SPF_record_expand_data(server, state.request, state.response, data, macro->macro_len, bufp, buflenp);
}

SPF_errcode_t default_explanation(SPF_server_t* server, RequestState& state, char** bufp, std::size_t* buflenp) {
    if (server->explanation == nullptr) return SPF_E_NOT_CONFIG;
    return expand_macro(server, state, server->explanation, bufp, buflenp);
}

// RFC 7208 6.2: exactly one TXT string, valid explain-string, else no
// explanation from the domain (the receiver's default is used).
SPF_errcode_t get_exp(SPF_server_t* server, const char* domain, char** bufp, std::size_t* buflenp) {
    RequestState* state = current_request_state();
    if (state == nullptr || state->request == nullptr || state->response == nullptr) return SPF_E_NOT_CONFIG;
    if (domain == nullptr || state->stopped()) return default_explanation(server, *state, bufp, buflenp);
    const dns::Answer answer = query(*state, normalized_name(domain), dns::RecordType::txt);
    // A failed explanation lookup is not an evaluation error (RFC 7208 6.2).
    state->stop = StopCause::none;
    state->stop_reason.clear();
    if (answer.status != dns::Status::ok || answer.records.size() != 1 ||
        !guard_explanation(answer.records.front()).accepted)
        return default_explanation(server, *state, bufp, buflenp);
    SPF_macro_t* macro = nullptr;
    const SPF_errcode_t err = SPF_record_compile_macro(server, state->response, &macro,
                                                       answer.records.front().c_str());
    if (err != SPF_E_SUCCESS || macro == nullptr) {
        if (macro != nullptr) SPF_macro_free(macro);
        return default_explanation(server, *state, bufp, buflenp);
    }
    const SPF_errcode_t expanded = expand_macro(server, *state, macro, bufp, buflenp);
    SPF_macro_free(macro);
    return expanded;
}

}  // namespace

SpfDnsLayer::SpfDnsLayer() : server_(std::make_unique<SPF_dns_server_t>()) {
    SPF_dns_server_t& s = *server_;
    std::memset(&s, 0, sizeof s);
    s.destroy = nullptr;  // shared: libspf2 never frees it, we do
    s.lookup = lookup;
    s.get_spf = get_spf;
    s.get_exp = get_exp;
    s.add_cache = nullptr;
    s.layer_below = nullptr;
    s.name = "senderguard";
    s.debug = 0;
    s.hook = this;
}

SpfDnsLayer::~SpfDnsLayer() = default;

}  // namespace sg::spf

// key_query_service - libopendkim DNS hooks over dns::Resolver.
#include "dkim/key_query_service.hpp"

#include <algorithm>
#include <cstring>
#include <exception>
#include <memory>

#include "dkim/dns_packet.hpp"

namespace sg::dkim {
namespace {

thread_local KeyQueryLog* active_log = nullptr;

constexpr int query_type_txt = 16;

// One outstanding query; libopendkim frees it through cancel.
struct PendingQuery {
    std::string name;
    int type = 0;
    unsigned char* buffer = nullptr;
    std::size_t capacity = 0;
};

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
               return lower(x) == lower(y);
           });
}

bool mentions_timeout(std::string_view reason) {
    return reason.find("timeout") != std::string_view::npos ||
           reason.find("timed out") != std::string_view::npos ||
           reason.find("deadline") != std::string_view::npos ||
           reason.find("budget") != std::string_view::npos;
}

void record(KeyQueryStatus status, const std::string& name, std::string reason) {
    if (active_log != nullptr) active_log->add({name, status, std::move(reason)});
}

int query_start(void* service, int type, unsigned char* query, unsigned char* buffer, std::size_t buflen,
                void** handle) {
    if (service == nullptr || query == nullptr || buffer == nullptr || handle == nullptr) return -1;
    try {
        auto pending = std::make_unique<PendingQuery>();
        pending->name.assign(reinterpret_cast<const char*>(query),
                             strnlen(reinterpret_cast<const char*>(query), DKIM_MAXHOSTNAMELEN + 1));
        pending->type = type;
        pending->buffer = buffer;
        pending->capacity = buflen;
        *handle = pending.release();
        return 0;
    } catch (...) {
        return -1;
    }
}

int query_cancel(void* /*service*/, void* handle) {
    delete static_cast<PendingQuery*>(handle);
    return 0;
}

int query_waitreply(void* service, void* handle, struct timeval* timeout, std::size_t* bytes, int* error,
                    int* dnssec) {
    if (service == nullptr || handle == nullptr) return DKIM_DNS_INVALID;
    auto& owner = *static_cast<KeyQueryService*>(service);
    auto& pending = *static_cast<PendingQuery*>(handle);
    if (error != nullptr) *error = 0;
    if (dnssec != nullptr) *dnssec = DKIM_DNSSEC_UNKNOWN;
    try {
        if (pending.type != query_type_txt) {
            record(KeyQueryStatus::unusable, pending.name, "unsupported query type");
            return DKIM_DNS_ERROR;
        }
        const auto now = dns::Clock::now();
        auto at = now + owner.query_timeout();
        if (timeout != nullptr && timeout->tv_sec >= 0) {
            at = std::min(at, now + std::chrono::seconds(timeout->tv_sec) +
                                  std::chrono::microseconds(timeout->tv_usec));
        }
        const dns::Deadline message_deadline =
            active_log != nullptr ? active_log->deadline() : dns::Deadline::after(owner.query_timeout());
        at = std::min(at, message_deadline.at());
        if (now >= at) {
            record(KeyQueryStatus::timed_out, pending.name, "DNS timeout (message time budget spent)");
            return DKIM_DNS_EXPIRED;
        }

        const dns::Answer answer = owner.resolver().query(pending.name, dns::RecordType::txt, dns::Deadline(at));
        if (answer.status == dns::Status::temporary) {
            const bool expired = dns::Clock::now() >= at || mentions_timeout(answer.reason);
            record(expired ? KeyQueryStatus::timed_out : KeyQueryStatus::failed, pending.name,
                   answer.reason.empty() ? (expired ? "DNS timeout" : "DNS error") : answer.reason);
            return expired ? DKIM_DNS_EXPIRED : DKIM_DNS_ERROR;
        }

        TxtResponse response = txt_response_for(answer);
        if (answer.status == dns::Status::permanent) {
            // NOERROR without answers: libopendkim reports "no key"; the log says why.
            response.rcode = ResponseCode::no_error;
            response.records.clear();
        }
        const auto packet = encode_txt_response(pending.name, response);
        if (packet.empty()) {
            record(KeyQueryStatus::unusable, pending.name, "invalid key record name");
            return DKIM_DNS_ERROR;
        }
        if (packet.size() > pending.capacity) {
            record(KeyQueryStatus::unusable, pending.name, "key record too large");
            return DKIM_DNS_ERROR;
        }
        std::memcpy(pending.buffer, packet.data(), packet.size());
        if (bytes != nullptr) *bytes = packet.size();
        if (dnssec != nullptr) *dnssec = answer.secure ? DKIM_DNSSEC_SECURE : DKIM_DNSSEC_INSECURE;

        switch (answer.status) {
            case dns::Status::ok:
                record(KeyQueryStatus::answered, pending.name, "");
                break;
            case dns::Status::no_data:
                record(KeyQueryStatus::no_key, pending.name, "no key record (NODATA)");
                break;
            case dns::Status::nx_domain:
                record(KeyQueryStatus::no_key, pending.name, "no key record (NXDOMAIN)");
                break;
            default:
                record(KeyQueryStatus::unusable, pending.name,
                       answer.reason.empty() ? "unusable DNS answer" : answer.reason);
                break;
        }
        return DKIM_DNS_SUCCESS;
    } catch (const std::exception& problem) {
        record(KeyQueryStatus::failed, pending.name, std::string("DNS error: ") + problem.what());
        return DKIM_DNS_ERROR;
    } catch (...) {
        record(KeyQueryStatus::failed, pending.name, "DNS error");
        return DKIM_DNS_ERROR;
    }
}

}  // namespace

void KeyQueryLog::add(KeyQueryRecord record) {
    // Bounded by the signature cap; keep a hard limit anyway.
    if (records_.size() < 256) records_.push_back(std::move(record));
}

const KeyQueryRecord* KeyQueryLog::find(std::string_view name) const {
    if (!name.empty() && name.back() == '.') name.remove_suffix(1);
    for (auto it = records_.rbegin(); it != records_.rend(); ++it) {
        if (iequals(it->name, name)) return &*it;
    }
    return nullptr;
}

KeyQueryScope::KeyQueryScope(KeyQueryLog& log) : previous_(active_log) { active_log = &log; }

KeyQueryScope::~KeyQueryScope() { active_log = previous_; }

void KeyQueryService::install(DKIM_LIB* lib) {
    dkim_dns_set_init(lib, nullptr);
    dkim_dns_set_close(lib, nullptr);
    dkim_dns_set_nslist(lib, nullptr);
    dkim_dns_set_config(lib, nullptr);
    dkim_dns_set_trustanchor(lib, nullptr);
    dkim_dns_set_query_start(lib, query_start);
    dkim_dns_set_query_waitreply(lib, query_waitreply);
    dkim_dns_set_query_cancel(lib, query_cancel);
    (void)dkim_dns_set_query_service(lib, this);
}

}  // namespace sg::dkim

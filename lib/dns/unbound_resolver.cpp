// unbound_resolver - queries over the shared libunbound context with per-query
// waiters, deadlines and cancellation (see unbound_resolver.hpp).
#include "dns/unbound_resolver.hpp"

#include <unbound.h>

#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "dns/dns_name.hpp"
#include "dns/unbound_context.hpp"
#include "dns/unbound_event_loop.hpp"
#include "dns/unbound_result.hpp"

namespace sg::dns {
namespace {

constexpr int max_cname_hops = 8;
constexpr int class_in = 1;

Answer failed(Status status, std::string reason) {
    Answer answer;
    answer.status = status;
    answer.reason = std::move(reason);
    return answer;
}

Answer budget_exhausted() { return failed(Status::temporary, "message DNS budget exhausted"); }

// What a query and its callback share. The callback owns one heap-allocated
// shared_ptr to it (the `mydata` of ub_resolve_async), so the waiter outlives
// whichever side finishes last; ub_cancel() succeeding means the callback will
// never run, and then query() frees that shared_ptr itself.
struct Waiter {
    std::mutex mutex;
    std::condition_variable done_cv;
    bool done = false;
    UnboundOutcome outcome;
};

void on_result(void* data, int error, ub_result* result) {
    std::unique_ptr<std::shared_ptr<Waiter>> holder(static_cast<std::shared_ptr<Waiter>*>(data));
    Waiter& waiter = **holder;
    UnboundOutcome outcome;
    try {
        outcome = outcome_from_unbound(error, result);
    } catch (...) {  // never let an exception into libunbound's C code
        outcome.answer = failed(Status::temporary, "out of memory decoding the answer");
    }
    ub_resolve_free(result);
    {
        const std::lock_guard lock(waiter.mutex);
        waiter.outcome = std::move(outcome);
        waiter.done = true;
    }
    waiter.done_cv.notify_all();
}

}  // namespace

struct UnboundResolver::Impl {
    Impl(const ResolverSettings& settings, std::optional<LocalData> data)
        : local(std::move(data)),
          timeout(settings.query_timeout),
          ctx(make_unbound_context(settings, local ? &*local : nullptr)),
          loop(ctx.get()) {
        if (timeout <= std::chrono::milliseconds(0))
            throw std::runtime_error("DNS resolver: query timeout must be positive");
        start();
    }

    // The first query finalizes the context: settings libunbound only checks
    // then (a trust anchor it cannot parse, say) fail construction, not a query.
    void start() {
        auto waiter = std::make_shared<Waiter>();
        auto* holder = new std::shared_ptr<Waiter>(waiter);
        int id = 0;
        const int rc = ub_resolve_async(ctx.get(), "localhost.", 1, class_in, holder, on_result, &id);
        if (rc != 0) {
            delete holder;
            throw std::runtime_error("DNS resolver: cannot start libunbound: " + unbound_error_text(rc) +
                                     " (check the trust anchor file and forwarders)");
        }
        std::unique_lock lock(waiter->mutex);
        waiter->done_cv.wait_for(lock, std::chrono::seconds(5), [&] { return waiter->done; });
        if (!waiter->done) {
            lock.unlock();
            if (ub_cancel(ctx.get(), id) == 0) delete holder;
        }
    }

    UnboundOutcome resolve_once(const std::string& name, RecordType type, const Deadline& deadline) {
        if (deadline.expired()) return {budget_exhausted(), {}};
        const auto own_limit = Clock::now() + timeout;
        const bool budget_first = deadline.at() < own_limit;
        const auto limit = budget_first ? deadline.at() : own_limit;
        const auto timed_out = [&] {
            return UnboundOutcome{budget_first ? budget_exhausted()
                                               : failed(Status::temporary, "timeout after " +
                                                                               std::to_string(timeout.count()) + " ms"),
                                  {}};
        };

        if (const auto failure = local ? local->failure_for(name) : std::nullopt) {
            if (*failure == Failure::servfail) return {failed(Status::temporary, "SERVFAIL"), {}};
            if (*failure == Failure::timeout) {
                std::this_thread::sleep_until(limit);
                return timed_out();
            }
        }

        auto waiter = std::make_shared<Waiter>();
        auto* holder = new std::shared_ptr<Waiter>(waiter);
        int id = 0;
        const int rc = ub_resolve_async(ctx.get(), name.c_str(), static_cast<int>(type), class_in, holder,
                                        on_result, &id);
        if (rc != 0) {
            delete holder;
            return {failed(rc == UB_SYNTAX ? Status::permanent : Status::temporary, unbound_error_text(rc)), {}};
        }
        std::unique_lock lock(waiter->mutex);
        if (waiter->done_cv.wait_until(lock, limit, [&] { return waiter->done; })) return std::move(waiter->outcome);
        lock.unlock();
        if (ub_cancel(ctx.get(), id) == UB_NOERROR) {
            delete holder;  // cancelled before delivery: the callback will not run
            return timed_out();
        }
        // Too late to cancel: the callback has run or is running and frees `holder`.
        lock.lock();
        if (waiter->done) return std::move(waiter->outcome);
        return timed_out();
    }

    std::optional<LocalData> local;
    std::chrono::milliseconds timeout;
    UnboundContext ctx;     // declared before `loop`: the loop stops first
    UnboundEventLoop loop;
};

namespace {

std::optional<LocalData> load_local_data(const ResolverSettings& settings) {
    if (settings.local_data_file.empty()) return std::nullopt;
    return LocalData::load(settings.local_data_file);
}

}  // namespace

UnboundResolver::UnboundResolver(const ResolverSettings& settings)
    : impl_(std::make_unique<Impl>(settings, load_local_data(settings))) {}

UnboundResolver::UnboundResolver(const ResolverSettings& settings, LocalData local_data)
    : impl_(std::make_unique<Impl>(settings, std::move(local_data))) {}

std::unique_ptr<UnboundResolver> UnboundResolver::from_local_data(std::string_view text,
                                                                  std::chrono::milliseconds query_timeout) {
    ResolverSettings settings;
    settings.query_timeout = query_timeout;
    return std::make_unique<UnboundResolver>(settings, LocalData::parse(text, "local-data"));
}

UnboundResolver::~UnboundResolver() = default;

Answer UnboundResolver::query(std::string_view name, RecordType type, const Deadline& deadline) {
    if (deadline.expired()) return budget_exhausted();
    if (!is_valid_name(name)) return failed(Status::permanent, "malformed domain name");
    std::string current(name);
    for (int hops = 0;; ++hops) {
        auto outcome = impl_->resolve_once(current, type, deadline);
        if (outcome.cname_target.empty() || type == RecordType::cname) return std::move(outcome.answer);
        if (hops == max_cname_hops) return failed(Status::permanent, "CNAME chain longer than 8");
        current = std::move(outcome.cname_target);
    }
}

}  // namespace sg::dns

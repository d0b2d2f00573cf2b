// spf_request_state - the thread_local hand-off to libspf2's DNS hooks.
#include "spf/spf_request_state.hpp"

#include <utility>

namespace sg::spf {

namespace {
thread_local RequestState* current_state = nullptr;
}

void RequestState::stop_with(StopCause cause, std::string reason) {
    if (stopped()) return;
    stop = cause;
    stop_reason = std::move(reason);
}

RequestState* current_request_state() { return current_state; }

RequestScope::RequestScope(RequestState& state) : previous_(current_state) { current_state = &state; }

RequestScope::~RequestScope() { current_state = previous_; }

}  // namespace sg::spf

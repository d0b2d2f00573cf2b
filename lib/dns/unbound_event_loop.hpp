// unbound_event_loop - the thread that delivers libunbound answers: it polls
// ub_fd() and calls ub_process(), which runs the query callbacks. Stopped through
// a self-pipe and joined by the destructor (before the context is deleted).
#pragma once

#include <thread>

struct ub_ctx;

namespace sg::dns {

class UnboundEventLoop {
public:
    explicit UnboundEventLoop(ub_ctx* ctx);  // throws std::runtime_error
    ~UnboundEventLoop();
    UnboundEventLoop(const UnboundEventLoop&) = delete;
    UnboundEventLoop& operator=(const UnboundEventLoop&) = delete;

private:
    void run();

    ub_ctx* ctx_;
    int wake_[2] = {-1, -1};
    std::thread thread_;
};

}  // namespace sg::dns

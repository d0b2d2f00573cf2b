// unbound_event_loop - answer delivery thread (see unbound_event_loop.hpp).
#include "dns/unbound_event_loop.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unbound.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace sg::dns {

UnboundEventLoop::UnboundEventLoop(ub_ctx* ctx) : ctx_(ctx) {
    if (ub_fd(ctx_) < 0) throw std::runtime_error("DNS resolver: libunbound has no event descriptor");
    if (pipe2(wake_, O_CLOEXEC) != 0)
        throw std::runtime_error(std::string("DNS resolver: pipe: ") + std::strerror(errno));
    thread_ = std::thread([this] { run(); });
}

UnboundEventLoop::~UnboundEventLoop() {
    const char stop = 'x';
    while (write(wake_[1], &stop, 1) < 0 && errno == EINTR) {
    }
    thread_.join();
    close(wake_[0]);
    close(wake_[1]);
}

void UnboundEventLoop::run() {
    pollfd fds[2] = {{ub_fd(ctx_), POLLIN, 0}, {wake_[0], POLLIN, 0}};
    while (true) {
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            return;
        }
        if (fds[1].revents != 0) return;
        if (fds[0].revents & POLLIN) ub_process(ctx_);
        // A broken pipe to unbound's worker: stop; pending queries run into their timeout.
        else if (fds[0].revents & (POLLERR | POLLHUP | POLLNVAL)) return;
    }
}

}  // namespace sg::dns

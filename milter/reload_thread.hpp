// reload_thread - reloads the configuration on SIGUSR1 from a dedicated thread.
// libmilter's own signal thread treats SIGHUP, SIGTERM and SIGINT as "stop", so reload
// gets its own signal (as OpenDKIM does): SIGUSR1 is blocked in every thread and this
// thread alone takes it with sigwait(), then calls LiveConfig::reload().
#pragma once

#include <atomic>
#include <thread>

#include "live_config.hpp"

namespace sg::milter {

class ReloadThread {
public:
    // Blocks SIGUSR1 and libmilter's stop signals in the calling thread, so every
    // thread created afterwards (ours and libmilter's) inherits the mask; libmilter's
    // signal thread then receives SIGHUP/SIGTERM/SIGINT, this one SIGUSR1.
    // Call in main() before any thread exists.
    static void block_signals();

    explicit ReloadThread(LiveConfig& live);
    ~ReloadThread();  // stops and joins
    ReloadThread(const ReloadThread&) = delete;
    ReloadThread& operator=(const ReloadThread&) = delete;

private:
    void loop();

    LiveConfig& live_;
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

}  // namespace sg::milter

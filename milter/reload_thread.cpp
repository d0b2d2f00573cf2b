// reload_thread - sigwait(SIGUSR1) loop.
#include "reload_thread.hpp"

#include <pthread.h>
#include <signal.h>

#include <exception>

#include <fmt/format.h>

#include "log.hpp"

namespace sg::milter {
namespace {

sigset_t reload_set() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    return set;
}

}  // namespace

void ReloadThread::block_signals() {
    sigset_t set = reload_set();
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

ReloadThread::ReloadThread(LiveConfig& live) : live_(live), thread_([this] { loop(); }) {}

ReloadThread::~ReloadThread() {
    stopping_ = true;
    // Wakes sigwait(); if a reload is running the signal stays pending until it ends.
    pthread_kill(thread_.native_handle(), SIGUSR1);
    thread_.join();
}

void ReloadThread::loop() {
    const sigset_t set = reload_set();
    while (true) {
        int signal_number = 0;
        if (sigwait(&set, &signal_number) != 0) continue;
        if (stopping_) return;
        log(LogLevel::info, "SIGUSR1: reloading the configuration");
        try {
            live_.reload();
        } catch (const std::exception& error) {
            log(LogLevel::error, fmt::format("reload: {}", error.what()));
        } catch (...) {
            log(LogLevel::error, "reload: unknown exception");
        }
    }
}

}  // namespace sg::milter

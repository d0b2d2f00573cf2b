// pid_file - create and remove the pid file.
#include "pid_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include <fmt/format.h>

#include "log.hpp"
#include "startup_error.hpp"

namespace sg::milter {

PidFile::PidFile(std::string path) : path_(std::move(path)) {
    if (path_.empty()) return;
    const int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) throw StartupError(fmt::format("milter.pid_file: {}: {}", path_, std::strerror(errno)));
    const std::string text = fmt::format("{}\n", getpid());
    const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    const int saved_errno = errno;
    ::close(fd);
    if (!written) {
        ::unlink(path_.c_str());
        throw StartupError(fmt::format("milter.pid_file: {}: {}", path_, std::strerror(saved_errno)));
    }
}

PidFile::~PidFile() {
    if (path_.empty()) return;
    if (::unlink(path_.c_str()) != 0 && errno != ENOENT)
        log(LogLevel::warning, fmt::format("could not remove pid file {}: {}", path_, std::strerror(errno)));
}

}  // namespace sg::milter

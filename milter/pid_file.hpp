// pid_file - writes the daemon's pid to milter.pid_file after privileges are dropped
// (so the unprivileged daemon can remove it again) and removes it on clean exit.
#pragma once

#include <string>

namespace sg::milter {

class PidFile {
public:
    // Empty path: no pid file. Throws StartupError when the file cannot be written.
    explicit PidFile(std::string path);
    ~PidFile();
    PidFile(const PidFile&) = delete;
    PidFile& operator=(const PidFile&) = delete;

private:
    std::string path_;
};

}  // namespace sg::milter

// error - the one exception type configuration and map loading throw: it carries the
// file and line so the operator sees `file:line: what is wrong`.
#pragma once

#include <stdexcept>
#include <string>

namespace sg::core {

class ConfigError : public std::runtime_error {
public:
    ConfigError(std::string file, std::size_t line, const std::string& what)
        : std::runtime_error(format(file, line, what)), file_(std::move(file)), line_(line) {}
    const std::string& file() const { return file_; }
    std::size_t line() const { return line_; }

private:
    static std::string format(const std::string& file, std::size_t line, const std::string& what) {
        if (line == 0) return file + ": " + what;
        return file + ":" + std::to_string(line) + ": " + what;
    }
    std::string file_;
    std::size_t line_;
};

}  // namespace sg::core

// parameters - the one table that declares every configuration parameter: its
// dotted key, type, default, documentation and how it is read and validated (as
// Postfix declares VAR_/DEF_ pairs). The loader, `config-test --dump` and the
// documentation test are all driven by this table.
#pragma once

#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "config/config.hpp"

namespace sg::config {

// Thrown by a parameter's reader; the loader adds file, line and key.
class ValueError : public std::runtime_error {
public:
    explicit ValueError(const std::string& what, const toml::node* at = nullptr)
        : std::runtime_error(what), at_(at) {}
    const toml::node* at() const { return at_; }

private:
    const toml::node* at_;
};

struct Parameter {
    std::string_view key;            // "policy.tag_threshold"
    std::string_view type;           // "string", "integer", "number", "boolean", "list of strings", "table"
    std::string_view default_value;  // as documented
    std::string_view description;
    void (*apply)(const toml::node& value, Config& config);  // throws ValueError
};

std::span<const Parameter> parameter_table();
const Parameter* find_parameter(std::string_view key);

}  // namespace sg::config

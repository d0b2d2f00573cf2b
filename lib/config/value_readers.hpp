// value_readers - typed reads of TOML values for the parameter table: each returns
// the value or throws ValueError saying what was expected.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "core/verdict.hpp"

namespace sg::config {

std::string read_string(const toml::node& node);
std::int64_t read_integer(const toml::node& node, std::int64_t min, std::int64_t max);
double read_number(const toml::node& node, double min, double max);
bool read_boolean(const toml::node& node);
std::vector<std::string> read_string_list(const toml::node& node);
core::Action read_action(const toml::node& node);
const toml::table& read_table(const toml::node& node);

}  // namespace sg::config

// value_readers - typed reads of TOML values with plain-language errors.
#include "config/value_readers.hpp"

#include <fmt/format.h>

#include "config/parameters.hpp"

namespace sg::config {

std::string read_string(const toml::node& node) {
    if (auto value = node.value_exact<std::string>()) return *value;
    throw ValueError("expected a string");
}

std::int64_t read_integer(const toml::node& node, std::int64_t min, std::int64_t max) {
    auto value = node.value_exact<std::int64_t>();
    if (!value) throw ValueError("expected an integer");
    if (*value < min || *value > max) throw ValueError(fmt::format("must be between {} and {}", min, max));
    return *value;
}

double read_number(const toml::node& node, double min, double max) {
    std::optional<double> value;
    if (node.is_floating_point()) value = node.value_exact<double>();
    else if (node.is_integer()) value = static_cast<double>(*node.value_exact<std::int64_t>());
    if (!value) throw ValueError("expected a number");
    if (*value < min || *value > max) throw ValueError(fmt::format("must be between {} and {}", min, max));
    return *value;
}

bool read_boolean(const toml::node& node) {
    if (auto value = node.value_exact<bool>()) return *value;
    throw ValueError("expected true or false");
}

std::vector<std::string> read_string_list(const toml::node& node) {
    const toml::array* array = node.as_array();
    if (!array) throw ValueError("expected a list of strings");
    std::vector<std::string> items;
    for (const toml::node& item : *array) {
        auto text = item.value_exact<std::string>();
        if (!text) throw ValueError("expected a list of strings", &item);
        items.push_back(*text);
    }
    return items;
}

core::Action read_action(const toml::node& node) {
    std::string text = read_string(node);
    if (auto action = core::parse_action(text)) return *action;
    throw ValueError(fmt::format("unknown action \"{}\" (accept, tag, quarantine, tempfail, reject)", text));
}

const toml::table& read_table(const toml::node& node) {
    if (const toml::table* table = node.as_table()) return *table;
    throw ValueError("expected a table");
}

}  // namespace sg::config

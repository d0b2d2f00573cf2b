// network - an IPv4 or IPv6 prefix (CIDR) and the membership test used for
// trusted networks.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sg::config {

class Network {
public:
    // "192.0.2.0/24", "2001:db8::/32", or a bare address (a host prefix).
    static std::optional<Network> parse(std::string_view text);

    bool contains(std::string_view address) const;
    std::string to_string() const;

private:
    bool v6_ = false;
    std::array<std::uint8_t, 16> bytes_{};
    int prefix_ = 0;
};

}  // namespace sg::config

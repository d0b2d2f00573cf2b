// network - CIDR prefixes for trusted networks, parsed with inet_pton.
#include "config/network.hpp"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>

namespace sg::config {
namespace {

bool parse_address(std::string_view text, bool& v6, std::array<std::uint8_t, 16>& bytes) {
    std::string copy(text);
    if (!copy.empty() && copy.front() == '[' && copy.back() == ']') copy = copy.substr(1, copy.size() - 2);
    if (copy.rfind("IPv6:", 0) == 0) copy = copy.substr(5);
    bytes.fill(0);
    if (inet_pton(AF_INET, copy.c_str(), bytes.data()) == 1) {
        v6 = false;
        return true;
    }
    if (inet_pton(AF_INET6, copy.c_str(), bytes.data()) == 1) {
        v6 = true;
        return true;
    }
    return false;
}

}  // namespace

std::optional<Network> Network::parse(std::string_view text) {
    Network network;
    std::string_view address = text;
    std::optional<int> prefix;
    if (auto slash = text.find('/'); slash != std::string_view::npos) {
        address = text.substr(0, slash);
        std::string_view digits = text.substr(slash + 1);
        int value = -1;
        auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
        prefix = value;
    }
    if (!parse_address(address, network.v6_, network.bytes_)) return std::nullopt;
    int max_prefix = network.v6_ ? 128 : 32;
    network.prefix_ = prefix.value_or(max_prefix);
    if (network.prefix_ < 0 || network.prefix_ > max_prefix) return std::nullopt;
    return network;
}

bool Network::contains(std::string_view address) const {
    bool v6 = false;
    std::array<std::uint8_t, 16> bytes{};
    if (!parse_address(address, v6, bytes)) return false;
    // An IPv4-mapped IPv6 client (::ffff:a.b.c.d) is compared as IPv4.
    if (v6 && !v6_) {
        static constexpr std::uint8_t mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
        if (std::memcmp(bytes.data(), mapped, 12) != 0) return false;
        std::memmove(bytes.data(), bytes.data() + 12, 4);
        v6 = false;
    }
    if (v6 != v6_) return false;
    int full_bytes = prefix_ / 8;
    if (std::memcmp(bytes.data(), bytes_.data(), static_cast<std::size_t>(full_bytes)) != 0) return false;
    int rest = prefix_ % 8;
    if (rest == 0) return true;
    auto mask = static_cast<std::uint8_t>(0xff << (8 - rest));
    return (bytes[full_bytes] & mask) == (bytes_[full_bytes] & mask);
}

std::string Network::to_string() const {
    char text[INET6_ADDRSTRLEN] = {};
    inet_ntop(v6_ ? AF_INET6 : AF_INET, bytes_.data(), text, sizeof text);
    return std::string(text) + "/" + std::to_string(prefix_);
}

}  // namespace sg::config

// dns_name - domain name text helpers (see dns_name.hpp).
#include "dns/dns_name.hpp"

#include "core/text.hpp"

namespace sg::dns {

std::string canonical_name(std::string_view name) {
    if (!name.empty() && name.back() == '.') name.remove_suffix(1);
    return core::ascii_lower(name);
}

bool is_valid_name(std::string_view name) {
    if (!name.empty() && name.back() == '.') name.remove_suffix(1);
    if (name.empty() || name.size() > 253) return false;
    std::size_t label = 0;
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '.') {
            if (label == 0) return false;
            label = 0;
            continue;
        }
        if (u <= 0x20 || u == 0x7f || c == '\\') return false;
        if (++label > 63) return false;
    }
    return label > 0;
}

bool is_same_or_below(std::string_view name, std::string_view zone) {
    if (zone.empty()) return true;
    if (name.size() == zone.size()) return name == zone;
    if (name.size() < zone.size() + 1) return false;
    return name.substr(name.size() - zone.size()) == zone && name[name.size() - zone.size() - 1] == '.';
}

}  // namespace sg::dns

// address_key - extension stripping (Postfix split_addr semantics) and splitting of
// addresses into lowercase local part and canonical domain.
#include "identity/address_key.hpp"

#include "core/text.hpp"
#include "mail/domain_name.hpp"

namespace sg::identity {

std::string_view strip_extension(std::string_view local_part, std::string_view delimiters) {
    if (delimiters.empty()) return local_part;
    for (std::string_view reserved : {"postmaster", "mailer-daemon", "double-bounce"})
        if (core::iequals(local_part, reserved)) return local_part;
    if (delimiters.find('-') != std::string_view::npos) {
        constexpr std::string_view request = "-request";
        if (core::starts_with_icase(local_part, "owner-")) return local_part;
        if (local_part.size() > request.size() &&
            core::iequals(local_part.substr(local_part.size() - request.size()), request))
            return local_part;
    }
    const std::size_t cut = local_part.find_first_of(delimiters);
    if (cut == 0 || cut == std::string_view::npos) return local_part;
    return local_part.substr(0, cut);
}

std::optional<AddressParts> split_address(std::string_view address) {
    const std::size_t at = address.rfind('@');
    if (at == std::string_view::npos || at == 0) return std::nullopt;
    auto domain = mail::canonical_domain(address.substr(at + 1));
    if (!domain || domain->empty()) return std::nullopt;
    return AddressParts{core::ascii_lower(address.substr(0, at)), std::move(*domain)};
}

}  // namespace sg::identity

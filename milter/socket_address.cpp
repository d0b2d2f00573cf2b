// socket_address - sockaddr to textual IP address.
#include "socket_address.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstring>

namespace sg::milter {

std::string client_address_text(const struct sockaddr* address) {
    if (address == nullptr) return {};
    char text[INET6_ADDRSTRLEN] = {};
    if (address->sa_family == AF_INET) {
        struct sockaddr_in v4;
        std::memcpy(&v4, address, sizeof v4);
        if (inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text) == nullptr) return {};
        return text;
    }
    if (address->sa_family == AF_INET6) {
        struct sockaddr_in6 v6;
        std::memcpy(&v6, address, sizeof v6);
        if (IN6_IS_ADDR_V4MAPPED(&v6.sin6_addr)) {
            struct in_addr v4;
            std::memcpy(&v4, &v6.sin6_addr.s6_addr[12], sizeof v4);
            if (inet_ntop(AF_INET, &v4, text, sizeof text) == nullptr) return {};
            return text;
        }
        if (inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text) == nullptr) return {};
        return text;
    }
    return {};  // AF_UNIX / unknown family: no IP address
}

}  // namespace sg::milter

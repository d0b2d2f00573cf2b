// socket_address - the client address libmilter passes to xxfi_connect, as text:
// "192.0.2.1", "2001:db8::1" (IPv4-mapped IPv6 shown as IPv4); empty for a unix-domain
// or unknown peer (the sockaddr pointer is NULL when the MTA sent "unspec").
#pragma once

#include <sys/socket.h>

#include <string>

namespace sg::milter {

std::string client_address_text(const struct sockaddr* address);

}  // namespace sg::milter

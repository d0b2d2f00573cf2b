// libspf2 - the one place lib/spf includes libspf2's C headers. They lack
// extern "C" and need <netinet/in.h> and <cstddef> first; everything else in
// lib/spf includes this file instead of <spf2/...> directly.
#pragma once

#include <cstddef>

#include <arpa/nameser.h>
#include <netdb.h>
#include <netinet/in.h>

extern "C" {
#include <spf2/spf.h>
#include <spf2/spf_dns.h>
#include <spf2/spf_dns_rr.h>
}

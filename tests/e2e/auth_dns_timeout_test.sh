#!/usr/bin/env bash
# auth_dns_timeout_test.sh - e2e:auth-dns-timeout: the DNS forwarder senderguard uses
# never answers (blackhole); SPF and DMARC are temperror within
# the message budget: tagged and delivered with spf=temperror and dmarc=temperror, and
# 451 4.7.1 with policy.temperror_action = "tempfail". See auth_dns_temperror.sh.
# Usage: auth_dns_timeout_test.sh SENDERGUARD DIR DNS_TEST_SERVER E2E_DKIM_SIGN
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/auth_dns_temperror.sh"
e2e_init auth-dns-timeout
auth_dns_temperror_run blackhole timeout

#!/usr/bin/env bash
# identity_own_from_test.sh - e2e:identity-own-from (scenario a): alice authenticates
# and sends as herself; the message is delivered without a reject and the X-SenderGuard
# header, if any, says action=accept; the evidence records event.action accept.
# Usage: identity_own_from_test.sh SENDERGUARD_BINARY SOURCE_DIR
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init identity-own-from
sg_lab '"identity.from_not_owned" = "reject"'

subject="own-from-$$"
out="$(submit alice@example.com "$subject")"
grep -q '^<-  250 2.0.0 Ok: queued as' <<<"$out" || fail a:own-from "not queued: $(grep -m1 '^<\*\*' <<<"$out" || true)"
f="$(delivered_file "$subject")" || fail a:own-from "not delivered"
header="$(header_of "$f" X-SenderGuard)"
if [[ -n "$header" && "$header" != *action=accept* ]]; then
    fail a:own-from "X-SenderGuard header without action=accept: $header"
fi
pass a:own-from "delivered, ${header:-no X-SenderGuard header}"
expect_action 1 accept a:own-from

#!/usr/bin/env bash
# identity_from_not_owned_reject_test.sh - e2e:identity-from-not-owned-reject (scenario b):
# alice authenticates and sends with header From ceo@example.com; the explicit rule
# identity.from_not_owned = reject makes Postfix answer 550 5.7.1 at end of data; nothing
# is delivered or queued; the evidence records event.action reject.
# Usage: identity_from_not_owned_reject_test.sh SENDERGUARD_BINARY SOURCE_DIR
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init identity-from-not-owned-reject
sg_lab '"identity.from_not_owned" = "reject"'

subject="not-owned-reject-$$"
out="$(submit ceo@example.com "$subject")"
grep -q '^<\*\* *550 5.7.1 Sender address not allowed for this login' <<<"$out" || fail b:reject "swaks did not see 550 5.7.1: $(grep -m1 -E '^<(\*\*|- +250 2.0.0 Ok: queued)' <<<"$out" || true)"
pass b:reject "$(grep -m1 '^<\*\*' <<<"$out")"
sleep 1
grep -l -F -x "Subject: $subject" "$SINK_DIR"/* >/dev/null 2>&1 && fail b:reject "rejected message was delivered"
[[ -z "$(queue_json)" ]] || fail b:reject "queue not empty: $(queue_json)"
expect_action 1 reject b:reject

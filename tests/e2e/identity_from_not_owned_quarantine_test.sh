#!/usr/bin/env bash
# identity_from_not_owned_quarantine_test.sh - e2e:identity-from-not-owned-quarantine
# (scenario b, quarantine variant): with identity.from_not_owned = quarantine the client
# gets 250 queued and the message waits in Postfix's hold queue, undelivered; the
# evidence records event.action quarantine.
# Usage: identity_from_not_owned_quarantine_test.sh SENDERGUARD_BINARY SOURCE_DIR
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init identity-from-not-owned-quarantine
sg_lab '"identity.from_not_owned" = "quarantine"'

subject="not-owned-quarantine-$$"
out="$(submit ceo@example.com "$subject")"
grep -q '^<-  250 2.0.0 Ok: queued as' <<<"$out" || fail b:quarantine "not queued: $(grep -m1 '^<\*\*' <<<"$out" || true)"
id="$(sed -n 's/^<-  250 2.0.0 Ok: queued as \([0-9A-Za-z]*\).*/\1/p' <<<"$out")"
held=""
for ((i = 0; i < 50; i++)); do
    queue="$(queue_json)"
    held="$(grep -F "\"queue_id\": \"$id\"" <<<"$queue" | grep -F '"queue_name": "hold"' || true)"
    [[ -n "$held" ]] && break
    sleep 0.1
done
[[ -n "$held" ]] || fail b:quarantine "$id not in the hold queue: ${queue:-empty queue}"
pass b:quarantine "$id held: $(grep -o '"queue_name": "hold", "queue_id": "[^"]*"' <<<"$held")"
grep -l -F -x "Subject: $subject" "$SINK_DIR"/* >/dev/null 2>&1 && fail b:quarantine "held message was delivered"
expect_action 1 quarantine b:quarantine

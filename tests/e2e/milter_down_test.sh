#!/usr/bin/env bash
# milter_down_test.sh - e2e:milter-down-tempfail: smtpd_milters points at a unix socket
# nobody listens on; with milter_default_action = tempfail the client only ever gets
# 4xx after EHLO and nothing is queued or delivered (the client keeps the message).
# Usage: milter_down_test.sh SENDERGUARD_BINARY SOURCE_DIR (binary unused)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init milter-down-tempfail
lab_start --milter "unix:$E2E_DIR/nobody.sock"

out="$(submit alice@example.com "milter-down-$$")"
grep -q '^<\*\* *4[0-9][0-9] ' <<<"$out" || fail submission "no 4xx reply with the milter down"
grep -q 'queued as' <<<"$out" && fail submission "message queued although the milter is down"
pass submission "4xx: $(grep -m1 '^<\*\*' <<<"$out")"

out="$(swaks --server "127.0.0.1:$SMTP_PORT" --from someone@example.org --to bob@example.net 2>&1 || true)"
grep -q '^<\*\* *451 4.7.1 ' <<<"$out" || fail plain-smtp "no 451 4.7.1 with the milter down"
pass plain-smtp "4xx: $(grep -m1 '^<\*\*' <<<"$out")"

grep -q 'connect to Milter service unix:.*nobody.sock' "$E2E_DIR/lab/maillog" ||
    fail maillog "maillog does not name the milter failure"
[[ -z "$(queue_json)" ]] || fail queue "queue not empty"
[[ -z "$(ls -A "$SINK_DIR")" ]] || fail sink "something was delivered"
pass maillog "milter failure logged, nothing queued or delivered"

#!/usr/bin/env bash
# postfix_lab_smoke_test.sh - e2e:postfix-lab-smoke: the lab Postfix alone, no milter.
# SASL submission as alice delivers to smtp-sink; submission refuses unauthenticated
# relay and a wrong password; plain SMTP relays for 127.0.0.0/8.
# Usage: postfix_lab_smoke_test.sh SENDERGUARD_BINARY SOURCE_DIR (binary unused)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init postfix-lab-smoke
lab_start

tag="smoke-$$"
out="$(submit alice@example.com "$tag-auth")"
grep -q '^<-  250 2.0.0 Ok: queued as' <<<"$out" || fail submission-auth "swaks was not queued"
f="$(delivered_file "$tag-auth")" || fail submission-auth "message not delivered to smtp-sink"
grep -q 'with ESMTPA id' "$f" || fail submission-auth "no ESMTPA Received header in $f"
grep -q '^X-Mail-Args: <alice@example.com>' "$f" || fail submission-auth "envelope sender lost"
pass submission-auth "delivered $(basename "$f")"

out="$(swaks --server "127.0.0.1:$SUBMISSION_PORT" --from alice@example.com --to bob@example.net 2>&1 || true)"
grep -q '554 5.7.1 <bob@example.net>: Recipient address rejected' <<<"$out" ||
    fail submission-noauth "unauthenticated relay was not refused: $(grep '^<\*\*' <<<"$out")"
pass submission-noauth "unauthenticated relay refused (554 5.7.1)"

out="$(swaks --server "127.0.0.1:$SUBMISSION_PORT" --auth PLAIN --auth-user "$E2E_ALICE" \
    --auth-password wrong --from alice@example.com --to bob@example.net 2>&1 || true)"
grep -q '535 5.7.8' <<<"$out" || fail submission-badpw "wrong password not refused with 535 5.7.8"
pass submission-badpw "wrong password refused"

out="$(swaks --server "127.0.0.1:$SMTP_PORT" --from someone@example.org --to bob@example.net \
    --h-Subject "$tag-plain" 2>&1 || true)"
grep -q '^<-  250 2.0.0 Ok: queued as' <<<"$out" || fail plain-smtp "mynetworks relay not queued"
delivered_file "$tag-plain" >/dev/null || fail plain-smtp "plain SMTP message not delivered"
pass plain-smtp "mynetworks relay delivered"

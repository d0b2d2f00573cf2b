#!/usr/bin/env bash
# identity_display_name_address_test.sh - e2e:identity-display-name-address (scenario d):
# From: "bob@example.net" <alice@example.com> - the display name carries another
# address. The message is delivered with an X-SenderGuard header naming
# identity.display_name_address; the evidence records event.action tag. The config
# states the action explicitly so the test does not depend on default weights.
# Usage: identity_display_name_address_test.sh SENDERGUARD_BINARY SOURCE_DIR
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init identity-display-name-address
sg_lab '"identity.from_not_owned" = "reject"
"identity.display_name_address" = "tag"'

subject="display-name-$$"
out="$(submit '"bob@example.net" <alice@example.com>' "$subject")"
grep -q '^<-  250 2.0.0 Ok: queued as' <<<"$out" || fail d:display-name "not queued: $(grep -m1 '^<\*\*' <<<"$out" || true)"
f="$(delivered_file "$subject")" || fail d:display-name "not delivered: $(queue_json)"
header="$(header_of "$f" X-SenderGuard)"
[[ -n "$header" ]] || fail d:display-name "no X-SenderGuard header in $f"
grep -q 'identity.display_name_address' <<<"$header" ||
    fail d:display-name "X-SenderGuard lacks identity.display_name_address: $header"
pass d:display-name "delivered with $(tr -s '\n\t ' ' ' <<<"$header")"
expect_action 1 tag d:display-name

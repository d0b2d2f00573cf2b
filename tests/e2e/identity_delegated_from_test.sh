#!/usr/bin/env bash
# identity_delegated_from_test.sh - e2e:identity-delegated-from (scenario c): the
# delegation map (smtpd_sender_login_maps format) grants alice team@example.com, so
# alice sending as team@example.com (envelope and header From) is delivered and the
# evidence records event.action accept.
# Usage: identity_delegated_from_test.sh SENDERGUARD_BINARY SOURCE_DIR
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init identity-delegated-from
sg_lab '"identity.from_not_owned" = "reject"'

subject="delegated-$$"
out="$(submit team@example.com "$subject" --from team@example.com)"
grep -q '^<-  250 2.0.0 Ok: queued as' <<<"$out" || fail c:delegated "not queued: $(grep -m1 '^<\*\*' <<<"$out" || true)"
f="$(delivered_file "$subject")" || fail c:delegated "not delivered: $(queue_json)"
grep -q '^X-Mail-Args: <team@example.com>' "$f" || fail c:delegated "envelope sender changed"
header="$(header_of "$f" X-SenderGuard)"
pass c:delegated "delivered, ${header:-no X-SenderGuard header}"
expect_action 1 accept c:delegated

#!/usr/bin/env bash
# auth_dmarc_reject_test.sh - e2e:auth-dmarc-reject: ceo@forged.example (header From
# and MAIL FROM) from a client the domain's SPF ("-all") does not allow (XCLIENT
# 203.0.113.9); forged.example publishes DMARC p=reject, so the default policy honours
# it: swaks sees 550 5.7.1 at end of data, nothing is delivered or queued, and the
# evidence says reject with dmarc.fail.policy_reject and source.ip 203.0.113.9.
# Usage: auth_dmarc_reject_test.sh SENDERGUARD DIR DNS_TEST_SERVER E2E_DKIM_SIGN
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init auth-dmarc-reject
auth_write_config
zone_add 'forged.example. TXT "v=spf1 -all"' \
    '_dmarc.forged.example. TXT "v=DMARC1; p=reject"'
auth_lab

subject="auth-dmarc-reject-$$"
write_message "$E2E_DIR/forged.eml" "CEO <ceo@forged.example>" "$subject"
out="$(send_xclient 203.0.113.9 mail.attacker.example ceo@forged.example "$E2E_DIR/forged.eml")"
expect_reply 3:reply "$out" "^<\\*\\* +550 5\\.7\\.1 Message fails the sender domain's DMARC policy"

ip="$(evidence_json 1 '.source.ip')" || fail 3:evidence "no evidence record"
[[ "$ip" == '"203.0.113.9"' ]] || fail 3:evidence "source.ip is $ip, expected 203.0.113.9"
auth="$(evidence_json 1 '.senderguard.authentication')"
log "evidence authentication: $auth"
[[ "$(jq -r '.spf.result' <<<"$auth")" == fail ]] || fail 3:evidence "spf result is not fail: $auth"
[[ "$(jq -r '.dmarc.result + " " + .dmarc.policy' <<<"$auth")" == "fail reject" ]] ||
    fail 3:evidence "dmarc is not fail with p=reject: $auth"
findings="$(evidence_findings 1)"
[[ "$findings" == *" dmarc.fail.policy_reject "* ]] || fail 3:evidence "no dmarc.fail.policy_reject finding:$findings"
pass 3:evidence "findings:$findings"
expect_action 1 reject 3:evidence

sleep 1
grep -l -F -x "Subject: $subject" "$SINK_DIR"/* >/dev/null 2>&1 && fail 3:delivery "rejected message was delivered"
[[ -z "$(queue_json)" ]] || fail 3:delivery "queue not empty: $(queue_json)"
pass 3:delivery "not delivered, queue empty"

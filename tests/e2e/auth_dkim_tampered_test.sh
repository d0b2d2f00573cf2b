#!/usr/bin/env bash
# auth_dkim_tampered_test.sh - e2e:auth-dkim-tampered: a message DKIM-signed by
# example.org whose body is altered after signing, sent from a client example.org's SPF
# does not list (XCLIENT 192.0.2.66; "~all" gives softfail). The domain publishes
# DMARC p=none, so the outcome is the tag action, not a reject: 250 queued, the
# delivered copy carries X-SenderGuard and our Authentication-Results with dkim=fail
# header.d=example.org and dmarc=fail; the evidence lists dkim.fail and
# dmarc.fail.policy_none, event.action tag (1 + 3 + 2 = 6, below quarantine at 8).
# Usage: auth_dkim_tampered_test.sh SENDERGUARD DIR DNS_TEST_SERVER E2E_DKIM_SIGN
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init auth-dkim-tampered
auth_write_config
zone_add 'example.org. TXT "v=spf1 ip4:198.51.100.7 ~all"' \
    '_dmarc.example.org. TXT "v=DMARC1; p=none"'
dkim_keygen example.org sel
auth_lab

subject="auth-dkim-tampered-$$"
write_message "$E2E_DIR/plain.eml" "Carol <carol@example.org>" "$subject"
dkim_sign example.org sel <"$E2E_DIR/plain.eml" >"$E2E_DIR/signed.eml" || fail setup "signing failed"
sed 's/quarterly figures/QUARTERLY FIGURES (changed)/' "$E2E_DIR/signed.eml" >"$E2E_DIR/tampered.eml"
! cmp -s "$E2E_DIR/signed.eml" "$E2E_DIR/tampered.eml" || fail setup "the body was not altered"
out="$(send_xclient 192.0.2.66 relay.attacker.example carol@example.org "$E2E_DIR/tampered.eml")"
expect_reply 2:reply "$out" '^<-  250 2\.0\.0 Ok: queued as '

ip="$(evidence_json 1 '.source.ip')" || fail 2:evidence "no evidence record"
[[ "$ip" == '"192.0.2.66"' ]] || fail 2:evidence "source.ip is $ip, expected 192.0.2.66"
auth="$(evidence_json 1 '.senderguard.authentication')"
log "evidence authentication: $auth"
[[ "$(jq -r '.spf.result' <<<"$auth")" == softfail ]] || fail 2:evidence "spf result is not softfail: $auth"
[[ "$(jq -r '[.dkim[] | select(.result == "fail" and .domain == "example.org")] | length' <<<"$auth")" == 1 ]] ||
    fail 2:evidence "no dkim fail for example.org: $auth"
[[ "$(jq -r '.dmarc.result' <<<"$auth")" == fail ]] || fail 2:evidence "dmarc result is not fail: $auth"
findings="$(evidence_findings 1)"
[[ "$findings" == *" dkim.fail "* ]] || fail 2:evidence "no dkim.fail finding:$findings"
[[ "$findings" == *" dmarc.fail.policy_none "* ]] || fail 2:evidence "no dmarc.fail.policy_none finding:$findings"
pass 2:evidence "findings:$findings"
expect_action 1 tag 2:evidence

file="$(delivered_file "$subject")" || fail 2:delivery "message not delivered to the sink"
ar="$(headers_named "$file" Authentication-Results)"
log "delivered: $ar"
[[ "$(grep -c . <<<"$ar")" == 1 ]] || fail 2:header "expected exactly one Authentication-Results, got: ${ar:-none}"
[[ "$ar" =~ ^Authentication-Results:\ mx\.test\.example\; ]] || fail 2:header "authserv-id is not mx.test.example: $ar"
[[ "$ar" =~ spf=softfail ]] || fail 2:header "no spf=softfail: $ar"
[[ "$ar" =~ dkim=fail[^\;]*header\.d=example\.org ]] || fail 2:header "no dkim=fail header.d=example.org: $ar"
[[ "$ar" =~ dmarc=fail ]] || fail 2:header "no dmarc=fail: $ar"
pass 2:header "$ar"
sg="$(headers_named "$file" X-SenderGuard)"
[[ "$sg" == *dkim.fail* ]] || fail 2:header "X-SenderGuard does not name dkim.fail: ${sg:-none}"
pass 2:header "$sg"

#!/usr/bin/env bash
# auth_forwarded_test.sh - e2e:auth-forwarded: a message signed by example.org (p=reject)
# arrives through a forwarder: MAIL FROM is an SRS-like address at forwarder.example
# (no SPF record: spf=none), the client 192.0.2.25 is not in example.org's SPF, and the
# forwarder added a header of its own above the signature. The aligned DKIM signature
# still verifies, so DMARC passes: 250 queued, delivered (not held, not rejected) with
# spf=none, dkim=pass header.d=example.org, dmarc=pass; evidence event.action accept.
# Usage: auth_forwarded_test.sh SENDERGUARD DIR DNS_TEST_SERVER E2E_DKIM_SIGN
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init auth-forwarded
auth_write_config
zone_add 'example.org. TXT "v=spf1 ip4:198.51.100.7 -all"' \
    '_dmarc.example.org. TXT "v=DMARC1; p=reject"'
dkim_keygen example.org sel
auth_lab

subject="auth-forwarded-$$"
write_message "$E2E_DIR/plain.eml" "Carol <carol@example.org>" "$subject"
dkim_sign example.org sel <"$E2E_DIR/plain.eml" >"$E2E_DIR/signed.eml" || fail setup "signing failed"
{
    printf 'Received: from mail.example.org (mail.example.org [198.51.100.7])\n'
    printf '\tby mx.forwarder.example with ESMTPS id 4Xfw1; %s\n' "$(date -R)"
    printf 'X-Forwarded-For: bob@forwarder.example bob@example.net\n'
    cat "$E2E_DIR/signed.eml"
} >"$E2E_DIR/forwarded.eml"
srs="SRS0=HHH=TT=example.org=carol@forwarder.example"
out="$(send_xclient 192.0.2.25 mx.forwarder.example "$srs" "$E2E_DIR/forwarded.eml")"
expect_reply 4:reply "$out" '^<-  250 2\.0\.0 Ok: queued as '

ip="$(evidence_json 1 '.source.ip')" || fail 4:evidence "no evidence record"
[[ "$ip" == '"192.0.2.25"' ]] || fail 4:evidence "source.ip is $ip, expected 192.0.2.25"
auth="$(evidence_json 1 '.senderguard.authentication')"
log "evidence authentication: $auth"
[[ "$(jq -r '.spf.result + " " + .spf.domain' <<<"$auth")" =~ ^(none|fail|softfail|neutral)\ forwarder\.example$ ]] ||
    fail 4:evidence "spf is not a non-pass for forwarder.example: $auth"
[[ "$(jq -r '[.dkim[] | select(.result == "pass" and .domain == "example.org")] | length' <<<"$auth")" == 1 ]] ||
    fail 4:evidence "no dkim pass for example.org: $auth"
[[ "$(jq -r '.dmarc.result + " " + (.dmarc.dkim_aligned | tostring)' <<<"$auth")" == "pass true" ]] ||
    fail 4:evidence "dmarc is not pass through aligned DKIM: $auth"
log "findings:$(evidence_findings 1)"
expect_action 1 accept 4:evidence

file="$(delivered_file "$subject")" || fail 4:delivery "message not delivered: $(queue_json)"
pass 4:delivery "delivered to the sink: ${file##*/}"
ar="$(headers_named "$file" Authentication-Results)"
log "delivered: $ar"
[[ "$(grep -c . <<<"$ar")" == 1 ]] || fail 4:header "expected exactly one Authentication-Results, got: ${ar:-none}"
[[ "$ar" =~ ^Authentication-Results:\ mx\.test\.example\; ]] || fail 4:header "authserv-id is not mx.test.example: $ar"
[[ "$ar" =~ spf=(none|fail|softfail|neutral)[^\;]*smtp\.mailfrom=[^\;]*forwarder\.example ]] ||
    fail 4:header "no spf non-pass for the forwarder's MAIL FROM: $ar"
[[ "$ar" =~ dkim=pass[^\;]*header\.d=example\.org ]] || fail 4:header "no dkim=pass header.d=example.org: $ar"
[[ "$ar" =~ dmarc=pass[^\;]*header\.from=example\.org ]] || fail 4:header "no dmarc=pass header.from=example.org: $ar"
pass 4:header "$ar"

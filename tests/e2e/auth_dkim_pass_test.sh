#!/usr/bin/env bash
# auth_dkim_pass_test.sh - e2e:auth-dkim-pass: a message from example.org, DKIM-signed
# with a key generated now (RSA 2048, public key in the local zone), sent by a client
# that example.org's SPF lists (XCLIENT 198.51.100.7; the domain publishes p=reject):
# Postfix answers 250, the delivered copy carries our Authentication-Results with
# spf=pass, dkim=pass header.d=example.org and dmarc=pass, and the evidence record says
# accept with those results and source.ip 198.51.100.7.
# Usage: auth_dkim_pass_test.sh SENDERGUARD DIR DNS_TEST_SERVER E2E_DKIM_SIGN
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init auth-dkim-pass
auth_write_config
zone_add 'example.org. TXT "v=spf1 ip4:198.51.100.7 -all"' \
    '_dmarc.example.org. TXT "v=DMARC1; p=reject"'
dkim_keygen example.org sel
auth_lab

subject="auth-dkim-pass-$$"
write_message "$E2E_DIR/plain.eml" "Carol <carol@example.org>" "$subject"
dkim_sign example.org sel <"$E2E_DIR/plain.eml" >"$E2E_DIR/signed.eml" || fail setup "signing failed"
out="$(send_xclient 198.51.100.7 mail.example.org carol@example.org "$E2E_DIR/signed.eml")"
expect_reply 1:reply "$out" '^<-  250 2\.0\.0 Ok: queued as '

# Evidence first: it exists whether or not the header was added.
ip="$(evidence_json 1 '.source.ip')" || fail 1:evidence "no evidence record"
[[ "$ip" == '"198.51.100.7"' ]] || fail 1:evidence "source.ip is $ip, expected the XCLIENT address 198.51.100.7"
auth="$(evidence_json 1 '.senderguard.authentication // .authentication // empty')"
log "evidence authentication: $auth"
[[ "$(jq -r '.spf.result' <<<"$auth")" == pass ]] || fail 1:evidence "spf result is not pass: $auth"
[[ "$(jq -r '[.dkim[] | select(.result == "pass" and .domain == "example.org")] | length' <<<"$auth")" == 1 ]] ||
    fail 1:evidence "no dkim pass for example.org: $auth"
[[ "$(jq -r '.dmarc.result' <<<"$auth")" == pass ]] || fail 1:evidence "dmarc result is not pass: $auth"
expect_action 1 accept 1:evidence

file="$(delivered_file "$subject")" || fail 1:delivery "message not delivered to the sink"
ar="$(headers_named "$file" Authentication-Results)"
log "delivered: $ar"
[[ "$(grep -c . <<<"$ar")" == 1 ]] || fail 1:header "expected exactly one Authentication-Results, got: ${ar:-none}"
[[ "$ar" =~ ^Authentication-Results:\ mx\.test\.example\; ]] || fail 1:header "authserv-id is not mx.test.example: $ar"
# smtp.mailfrom: the MAIL FROM domain or the whole address (RFC 8601 allows both).
[[ "$ar" =~ spf=pass[^\;]*smtp\.mailfrom=(carol@)?example\.org(\;|\ |$) ]] ||
    fail 1:header "no spf=pass smtp.mailfrom=[carol@]example.org: $ar"
[[ "$ar" =~ dkim=pass[^\;]*header\.d=example\.org ]] || fail 1:header "no dkim=pass header.d=example.org: $ar"
[[ "$ar" =~ dmarc=pass[^\;]*header\.from=example\.org ]] || fail 1:header "no dmarc=pass header.from=example.org: $ar"
pass 1:header "$ar"
ar_on_top 1:header "$file"
[[ -n "$(headers_named "$file" DKIM-Signature)" ]] || fail 1:header "DKIM-Signature missing in the delivered copy"

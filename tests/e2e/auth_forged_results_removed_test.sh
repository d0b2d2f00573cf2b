#!/usr/bin/env bash
# auth_forged_results_removed_test.sh - e2e:auth-forged-results-removed: a message from
# outside (XCLIENT 198.51.100.7, in example.org's SPF, unsigned) carries a forged
# "Authentication-Results: mx.test.example; dkim=pass header.d=example.org" (our
# authserv-id) and a foreign one from other.example. Delivered (250; auth.forged_results
# weighs 6: tagged) WITHOUT the forged header, with the foreign one kept and ours added
# (spf=pass, dkim=none, dmarc=pass); evidence has auth.forged_results, action tag.
# Usage: auth_forged_results_removed_test.sh SENDERGUARD DIR DNS_TEST_SERVER E2E_DKIM_SIGN
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init auth-forged-results-removed
auth_write_config
zone_add 'example.org. TXT "v=spf1 ip4:198.51.100.7 -all"' \
    '_dmarc.example.org. TXT "v=DMARC1; p=reject"'
auth_lab

subject="auth-forged-results-$$"
write_message "$E2E_DIR/forged-ar.eml" "Carol <carol@example.org>" "$subject" \
    "Authentication-Results: mx.test.example; dkim=pass header.d=example.org header.s=forged" \
    "Authentication-Results: other.example; spf=pass smtp.mailfrom=carol@example.org"
out="$(send_xclient 198.51.100.7 mail.example.org carol@example.org "$E2E_DIR/forged-ar.eml")"
expect_reply 7:reply "$out" '^<-  250 2\.0\.0 Ok: queued as '

ip="$(evidence_json 1 '.source.ip')" || fail 7:evidence "no evidence record"
[[ "$ip" == '"198.51.100.7"' ]] || fail 7:evidence "source.ip is $ip, expected 198.51.100.7"
findings="$(evidence_findings 1)"
[[ "$findings" == *" auth.forged_results "* ]] || fail 7:evidence "no auth.forged_results finding:$findings"
pass 7:evidence "findings:$findings"
expect_action 1 tag 7:evidence

file="$(delivered_file "$subject")" || fail 7:delivery "message not delivered: $(queue_json)"
ar="$(headers_named "$file" Authentication-Results)"
log "delivered Authentication-Results:"$'\n'"$ar"
grep -q 'header.s=forged' <<<"$ar" && fail 7:header "the forged Authentication-Results was delivered: $ar"
pass 7:header "forged header removed"
grep -q '^Authentication-Results: other\.example; spf=pass' <<<"$ar" || fail 7:header "the foreign other.example header was not kept: $ar"
pass 7:header "foreign header kept"
ours="$(grep '^Authentication-Results: mx\.test\.example;' <<<"$ar" || true)"
[[ "$(grep -c . <<<"$ours")" == 1 ]] || fail 7:header "expected exactly one of our headers, got: ${ours:-none}"
[[ "$ours" =~ spf=pass && "$ours" =~ dkim=none && "$ours" =~ dmarc=pass ]] ||
    fail 7:header "our header does not say spf=pass dkim=none dmarc=pass: $ours"
pass 7:header "$ours"
ar_on_top 7:header "$file"

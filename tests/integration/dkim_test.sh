#!/usr/bin/env bash
# dkim_test.sh - DKIM through the real daemon and `senderguard check`:
#   dkim_test.sh SENDERGUARD_BINARY DKIM_SIGN_TOOL
# An RSA key is made with openssl for this run and its public half published in the
# hermetic local.zone as sel._domainkey.example.org; messages are signed with
# dkim_sign (libopendkim, tests only). Through the milter (milter_client.py,
# unauthenticated from 192.0.2.50 with SPF for example.org): the signed message gets
# dkim=pass in our Authentication-Results and is accepted, with and without
# SMFIP_HDR_LEADSPC (relaxed canonicalization); a message signed with simple
# canonicalization whose headers have a tab or no space after the colon verifies
# because header values arrive byte for byte (SMFIP_HDR_LEADSPC); the body-tampered
# copies get dkim=fail and are tagged (dkim.fail, weight 3). `check` agrees.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
it_init dkim "${1:-}"
sign_tool="${2:?usage: dkim_test.sh SENDERGUARD_BINARY DKIM_SIGN_TOOL}"
command -v python3 >/dev/null || skip "python3 not installed"
command -v openssl >/dev/null || skip "openssl not installed"

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$IT_DIR/key.pem" 2>/dev/null ||
    fail "openssl could not make an RSA key"
{
    it_dkim_zone_line sel._domainkey.example.org. "$IT_DIR/key.pem"
    printf 'example.org. TXT "v=spf1 ip4:192.0.2.50 -all"\n'
} >"$IT_DIR/local.zone"

# sign NAME CANONICALIZATION: $IT_DIR/NAME.eml -> NAME.signed.eml and NAME.tampered.eml
sign() {
    "$sign_tool" "$IT_DIR/key.pem" example.org sel "$2" <"$IT_DIR/$1.eml" >"$IT_DIR/$1.signed.eml" ||
        fail "dkim_sign failed on $1.eml"
    sed 's/^Hello, signed\./Hello, tampered./' "$IT_DIR/$1.signed.eml" >"$IT_DIR/$1.tampered.eml"
    ! cmp -s "$IT_DIR/$1.signed.eml" "$IT_DIR/$1.tampered.eml" || fail "tampering changed nothing"
}
printf 'From: News <news@example.org>\r\nTo: Bob <bob@example.org>\r\nSubject: DKIM relaxed\r\nDate: Tue, 24 Nov 2026 10:00:00 +0000\r\nMessage-ID: <dkim-relaxed@example.org>\r\n\r\nHello, signed.\r\nSecond line.\r\n' \
    >"$IT_DIR/relaxed.eml"
printf 'From: News <news@example.org>\r\nTo:bob@example.org\r\nSubject:\tDKIM simple,\r\n folded\r\nDate: Tue, 24 Nov 2026 10:00:00 +0000\r\nMessage-ID: <dkim-simple@example.org>\r\n\r\nHello, signed.\r\n' \
    >"$IT_DIR/simple.eml"
sign relaxed relaxed
sign simple simple

it_write_config "$IT_DIR/senderguard.toml"
it_start "$IT_DIR/senderguard.toml"
python3 "$IT_HERE/milter_client.py" "unix:$IT_SOCKET" dkim "$IT_DIR/relaxed.signed.eml" \
    "$IT_DIR/relaxed.tampered.eml" || fail "relaxed: DKIM through the milter"
python3 "$IT_HERE/milter_client.py" "unix:$IT_SOCKET" dkim "$IT_DIR/simple.signed.eml" \
    "$IT_DIR/simple.tampered.eml" leadspc-only || fail "simple: DKIM through the milter"
it_alive || fail "the daemon died during the scenario"
it_stop

check() { # FILE: the --json verdict of `senderguard check` on FILE
    "$IT_BIN" check --json --config "$IT_DIR/senderguard.toml" --client-ip 192.0.2.50 \
        --mail-from news@example.org --rcpt bob@example.org "$1"
}
for name in relaxed simple; do
    python3 - "$(check "$IT_DIR/$name.signed.eml")" "$(check "$IT_DIR/$name.tampered.eml")" <<'PY' ||
import json, sys
signed, tampered = json.loads(sys.argv[1]), json.loads(sys.argv[2])
assert signed["action"] == "accept", signed["action"]
assert "dkim=pass header.d=example.org" in signed["authentication_results"], signed["authentication_results"]
assert signed["authentication_results"].startswith("mx.test.example;"), signed["authentication_results"]
assert tampered["action"] == "tag", tampered["action"]
assert "dkim=fail" in tampered["authentication_results"], tampered["authentication_results"]
assert [f["id"] for f in tampered["findings"]] == ["dkim.fail"], tampered["findings"]
PY
        fail "check: $name signed/tampered"
    echo "ok check $name: signed dkim=pass accept, tampered dkim=fail tag"
done
pass "DKIM: milter and check, pass and fail"
